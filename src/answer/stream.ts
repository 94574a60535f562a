// One streamed chat completion, bounded in time: (retries + 1) × the timeout for the whole answer, and
// the timeout again for any silence within the stream. Settles as soon as we give up, whatever the SDK is
// doing (sleeping before a retry, waiting for headers). Throws GenerationError.
import type OpenAI from 'openai';
import { classify, GenerationError } from '../llm/failure.js';
import type { Answer } from './types.js';

export interface StreamBounds {
  timeoutMs: number;
  maxRetries: number;
}

export interface Streamed {
  raw: string;
  finish: string;
  usage?: Answer['usage'];
}

type Body = OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming;

/** Aborts the request on the overall deadline, a silence, or the caller's signal; remembers which. */
class Deadline {
  readonly controller = new AbortController();
  why: 'timeout' | 'cancelled' | null = null;
  private overall: ReturnType<typeof setTimeout>;
  private idle: ReturnType<typeof setTimeout> | undefined;
  /** Rejects when we give up. */
  readonly gaveUp: Promise<never>;
  private readonly onCallerAbort = () => this.abort('cancelled');

  constructor(
    private bounds: StreamBounds,
    private caller?: AbortSignal,
  ) {
    this.overall = setTimeout(() => this.abort('timeout'), bounds.timeoutMs * (bounds.maxRetries + 1));
    this.gaveUp = new Promise<never>((_, reject) => {
      this.controller.signal.addEventListener('abort', () => reject(new GenerationError(this.why ?? 'cancelled', 'aborted')), {
        once: true,
      });
    });
    this.gaveUp.catch(() => {});
    if (caller?.aborted) this.abort('cancelled');
    caller?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  abort(why: 'timeout' | 'cancelled'): void {
    if (this.why) return;
    this.why = why;
    this.controller.abort();
  }

  /** Something arrived: the silence timer starts again. */
  bump(): void {
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.abort('timeout'), this.bounds.timeoutMs);
  }

  dispose(): void {
    clearTimeout(this.overall);
    clearTimeout(this.idle);
    this.caller?.removeEventListener('abort', this.onCallerAbort);
    if (!this.controller.signal.aborted) this.controller.abort();
  }
}

async function readStream(
  client: OpenAI,
  body: Body,
  bounds: StreamBounds,
  deadline: Deadline,
  onText: (raw: string) => void,
): Promise<Streamed> {
  const stream = await client.chat.completions.create(body, {
    signal: deadline.controller.signal,
    timeout: bounds.timeoutMs,
    maxRetries: bounds.maxRetries,
  });
  let raw = '';
  let finish: string | null = null;
  let usage: Answer['usage'];
  deadline.bump();
  for await (const chunk of stream) {
    deadline.bump();
    if (chunk.usage)
      usage = {
        promptTokens: chunk.usage.prompt_tokens,
        completionTokens: chunk.usage.completion_tokens,
        model: chunk.model || body.model,
      };
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    if (choice.delta?.content) {
      raw += choice.delta.content;
      onText(raw);
    }
    if (choice.finish_reason) finish = choice.finish_reason;
  }
  // The SDK ends the iteration quietly when aborted; a stream that stops without a finish reason was cut.
  if (deadline.why) throw new GenerationError(deadline.why, 'aborted', usage);
  if (!finish) throw new GenerationError(raw ? 'malformed' : 'empty', 'stream ended without finish_reason', usage);
  return { raw, finish, usage };
}

export async function streamCompletion(
  client: OpenAI,
  body: Body,
  bounds: StreamBounds,
  options: { signal?: AbortSignal; onText: (raw: string) => void },
): Promise<Streamed> {
  const deadline = new Deadline(bounds, options.signal);
  try {
    return await Promise.race([readStream(client, body, bounds, deadline, options.onText), deadline.gaveUp]);
  } catch (err) {
    throw classify(err, deadline.why);
  } finally {
    deadline.dispose();
  }
}
