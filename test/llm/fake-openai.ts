// A small OpenAI-compatible server for tests (node:http on 127.0.0.1): chat completions with and without
// SSE streaming in OpenAI's chunk format, embeddings, scripted failures and delays, and a record of
// every request. Drive it with the real `openai` SDK at baseURL http://127.0.0.1:PORT/v1.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type ChatBehaviour =
  /** A normal answer; `text` defaults to the fake model's grounded answer, streamed in `chunks` (default: word by word). */
  | { kind: 'answer'; text?: string; chunks?: string[]; chunkDelayMs?: number; finish?: string; usage?: boolean }
  /** An HTTP error with an OpenAI error body. */
  | { kind: 'status'; status: number; headers?: Record<string, string>; message?: string }
  /** Server-sent events whose data is not JSON. */
  | { kind: 'malformed' }
  /** Sends these content chunks, then goes silent without closing. */
  | { kind: 'stall'; chunks: string[] }
  /** Waits this long before answering at all (no headers), then behaves as `then`. */
  | { kind: 'slow'; delayMs: number; then?: ChatBehaviour }
  /** Closes the connection without a response. */
  | { kind: 'drop' }
  /** Sends these chunks, then an error event as OpenAI does when it fails mid-stream. */
  | { kind: 'error-event'; chunks: string[] }
  /** Sends these chunks, then closes without a finish reason or [DONE]. */
  | { kind: 'cut'; chunks: string[] };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: any;
  at: number;
}

export interface ParsedPrompt {
  system: string;
  user: string;
  passages: { n: number; text: string }[];
  question: string;
}

/** Reads what the bot's prompt contains (the fake model "understands" only this shape). */
export function parsePrompt(messages: { role: string; content: string }[]): ParsedPrompt {
  const system = messages.find((m) => m.role === 'system')?.content ?? '';
  const user = messages
    .filter((m) => m.role === 'user')
    .map((m) => m.content)
    .join('\n');
  const passages = [...user.matchAll(/<passage n="(\d+)"[^>]*>\n([\s\S]*?)\n<\/passage>/g)].map((m) => ({ n: Number(m[1]), text: m[2] }));
  const question = /<question>\n([\s\S]*?)\n<\/question>/.exec(user)?.[1] ?? '';
  return { system, user, passages, question };
}

/** The prose sentences of a passage, as the fake model copies them. */
export function passageSentences(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.split(/(?<=[.!?。])(?<!\b(?:e\.g|i\.e|vs|etc|cf)\.)\s+/i).filter((s) => /[.!?。]$/.test(s)))
    .map((s) => s.trim())
    .filter((s) => s.length > 20);
}

/** The fake model: the first sentence of each of the first two passages, each cited. */
export function groundedAnswer(p: ParsedPrompt): string {
  const first = (t: string) => passageSentences(t)[0] ?? t.trim();
  const parts = p.passages.slice(0, 2).map((x) => `${first(x.text)} [${x.n}]`);
  return parts.length ? parts.join(' ') : 'NOT_IN_SOURCES';
}

/** A longer faithful answer: up to `max` sentences copied from the passages in turn, each cited. */
export function groundedSentences(p: ParsedPrompt, max: number): string[] {
  const lists = p.passages.map((x) => passageSentences(x.text).map((s) => `${s} [${x.n}]`));
  const out: string[] = [];
  for (let i = 0; out.length < max && lists.some((l) => l.length > i); i++)
    for (const l of lists) if (l[i] && out.length < max) out.push(l[i]);
  return out;
}

/** Deterministic bag-of-words vectors: similar texts get similar vectors. */
export function fakeEmbedding(text: string, dim = 128): number[] {
  const v = new Array<number>(dim).fill(0);
  const lower = text.toLowerCase();
  const tokens = lower.match(/[\p{L}\p{N}-]+/gu) ?? [];
  for (const t of tokens) {
    const grams = /[\uac00-\ud7a3]/.test(t) && t.length > 2 ? Array.from({ length: t.length - 1 }, (_, i) => t.slice(i, i + 2)) : [t];
    for (const g of grams) {
      let h = 2166136261;
      for (let i = 0; i < g.length; i++) h = Math.imul(h ^ g.charCodeAt(i), 16777619);
      v[(h >>> 0) % dim] += 1;
    }
  }
  return v;
}

const approxTokens = (s: string) => Math.ceil(s.length / 4);

export class FakeOpenAI {
  readonly requests: RecordedRequest[] = [];
  /** Chat responses sent to the end (a client that gave up first is not counted). */
  chatFinished = 0;
  /** Behaviours used (one each) before `chat` is asked. */
  readonly queue: ChatBehaviour[] = [];
  /** Behaviour of a chat request when the queue is empty. */
  chat: (body: any) => ChatBehaviour = () => ({ kind: 'answer' });
  /** Status returned by /embeddings instead of vectors (undefined: vectors). */
  embeddingsStatus: number | undefined;
  /** Delay before each /embeddings answer. */
  embeddingsDelayMs = 0;
  embeddingDim = 128;
  private server: Server | null = null;
  private sockets = new Set<Socket>();
  private timers = new Set<ReturnType<typeof setTimeout>>();

  get chatRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path.endsWith('/chat/completions'));
  }

  get embeddingRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.path.endsWith('/embeddings'));
  }

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  reset(): void {
    this.requests.length = 0;
    this.chatFinished = 0;
    this.queue.length = 0;
    this.chat = () => ({ kind: 'answer' });
    this.embeddingsStatus = undefined;
    this.embeddingsDelayMs = 0;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await new Promise<string>((resolve) => {
      let data = '';
      req.setEncoding('utf8');
      req.on('data', (c) => (data += c));
      req.on('end', () => resolve(data));
    });
    let body: any;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = raw;
    }
    const path = (req.url ?? '').split('?')[0];
    this.requests.push({ method: req.method ?? '', path, headers: req.headers, body, at: Date.now() });
    res.on('error', () => {});
    if (req.method === 'POST' && path === '/v1/chat/completions') {
      res.on('finish', () => this.chatFinished++);
      return this.chatCompletion(body, res, this.queue.shift() ?? this.chat(body));
    }
    if (req.method === 'POST' && path === '/v1/embeddings') return this.embeddings(body, res);
    return this.error(res, 404, `no route ${req.method} ${path}`);
  }

  private error(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify({ error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'server_error', param: null, code: null } }));
  }

  private async embeddings(body: any, res: ServerResponse): Promise<void> {
    if (this.embeddingsDelayMs) await this.sleep(this.embeddingsDelayMs);
    if (this.embeddingsStatus) return this.error(res, this.embeddingsStatus, 'embeddings failed');
    const inputs: string[] = Array.isArray(body?.input) ? body.input : [body?.input];
    const data = inputs.map((text, index) => {
      const vec = fakeEmbedding(String(text), this.embeddingDim);
      const embedding = body?.encoding_format === 'base64' ? Buffer.from(Float32Array.from(vec).buffer).toString('base64') : vec;
      return { object: 'embedding', index, embedding };
    });
    const tokens = inputs.reduce((n, t) => n + approxTokens(String(t)), 0);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ object: 'list', data, model: body?.model, usage: { prompt_tokens: tokens, total_tokens: tokens } }));
  }

  private async chatCompletion(body: any, res: ServerResponse, b: ChatBehaviour): Promise<void> {
    if (b.kind === 'slow') {
      await this.sleep(b.delayMs);
      if (res.destroyed || res.socket?.destroyed) return;
      return this.chatCompletion(body, res, b.then ?? { kind: 'answer' });
    }
    if (b.kind === 'drop') {
      res.socket?.destroy();
      return;
    }
    if (b.kind === 'status') return this.error(res, b.status, b.message ?? `status ${b.status}`, b.headers);

    const model = String(body?.model ?? 'fake-model');
    const id = `chatcmpl-fake${this.requests.length}`;
    const created = Math.floor(Date.now() / 1000);
    const messages = (body?.messages ?? []) as { role: string; content: string }[];
    const promptTokens = messages.reduce((n, m) => n + approxTokens(String(m.content)) + 4, 3);

    if (b.kind === 'answer' && !body?.stream) {
      const text = b.text ?? groundedAnswer(parsePrompt(messages));
      const completionTokens = approxTokens(text);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id,
          object: 'chat.completion',
          created,
          model,
          system_fingerprint: null,
          choices: [
            { index: 0, message: { role: 'assistant', content: text, refusal: null }, logprobs: null, finish_reason: b.finish ?? 'stop' },
          ],
          usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
        }),
      );
      return;
    }

    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const includeUsage = body?.stream_options?.include_usage === true;
    const chunk = (delta: object, finish: string | null) =>
      `data: ${JSON.stringify({
        id,
        object: 'chat.completion.chunk',
        created,
        model,
        system_fingerprint: null,
        choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
        ...(includeUsage ? { usage: null } : {}),
      })}\n\n`;
    const write = (s: string) => !res.destroyed && res.write(s);

    if (b.kind === 'malformed') {
      write(chunk({ role: 'assistant', content: '' }, null));
      write('data: {"id": "chatcmpl-broken", "choices": [{"delta": {"content": "Hal\n\n');
      res.end();
      return;
    }

    const text = b.kind === 'answer' ? (b.text ?? groundedAnswer(parsePrompt(messages))) : b.chunks.join('');
    const pieces = b.kind === 'answer' ? (b.chunks ?? text.match(/\S+\s*/g) ?? (text ? [text] : [])) : b.chunks;
    const delay = b.kind === 'answer' ? (b.chunkDelayMs ?? 0) : 0;
    write(chunk({ role: 'assistant', content: '', refusal: null }, null));
    for (const p of pieces) {
      if (delay) await this.sleep(delay);
      write(chunk({ content: p }, null));
    }
    if (b.kind === 'stall') return; // keep the connection open and say nothing more
    if (b.kind === 'error-event') {
      write(
        `data: ${JSON.stringify({ error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null } })}\n\n`,
      );
      res.end();
      return;
    }
    if (b.kind === 'cut') {
      res.end();
      return;
    }
    write(chunk({}, b.finish ?? 'stop'));
    if (includeUsage && b.usage !== false) {
      const completionTokens = approxTokens(text);
      write(
        `data: ${JSON.stringify({
          id,
          object: 'chat.completion.chunk',
          created,
          model,
          system_fingerprint: null,
          choices: [],
          usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
        })}\n\n`,
      );
    }
    write('data: [DONE]\n\n');
    res.end();
  }
}

/**
 * Instructions an obeying model follows, wherever it reads them (question or passage): an imperative with
 * its payload after a colon ("… reply only: X"), or in Korean a quoted payload "… 'X' 이라고 답해" / "출력해: X".
 * Deliberately broader than the bot's own screen (src/answer/screen.ts), so the test measures the screen.
 */
const OBEY: RegExp[] = [
  /\b(?:say|reply|respond|answer|output|write|print|add|append|include|repeat|format|tell|link|state)\b[^:：\n]{0,60}[:：]\s*(.+)$/im,
  /['‘"“]([^'’"”\n]+)['’"”]\s*(?:이?라고)\s*(?:만\s*)?(?:답|대답|말|출력)/,
  /(?:출력해|붙이세요|답하라|말해)[^:：\n]{0,20}[:：]\s*(.+)$/m,
];

/** The payload an obeying model would write for this prompt, if it carries an instruction. */
export function injectedPayload(p: ParsedPrompt): string | undefined {
  for (const text of [p.question, ...p.passages.map((x) => x.text)]) {
    for (const re of OBEY) {
      const m = re.exec(text);
      if (m) return m[1].replace(/<\|im_end\|>/g, '').trim();
    }
  }
  return undefined;
}

export type ObeyMode = 'alone' | 'before' | 'after';

/** The reply of a model that obeys any instruction it reads, placed alone or around a faithful answer. */
export function obeyingAnswer(p: ParsedPrompt, mode: ObeyMode): { text: string; obeyed: boolean } {
  const payload = injectedPayload(p);
  const faithful = groundedAnswer(p);
  if (!payload) return { text: faithful, obeyed: false };
  const text = mode === 'alone' ? payload : mode === 'before' ? `${payload}\n${faithful}` : `${faithful} ${payload}`;
  return { text, obeyed: true };
}
