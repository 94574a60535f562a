// Shared set-up for the generated-answer tests: the real knowledge base, an answerer wired to the fake
// server through the real `openai` SDK, a logger whose lines can be read back.
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import { ExtractiveAnswerer } from '../../src/answer/extractive.js';
import type { Answer, Answerer } from '../../src/answer/types.js';
import type { BotMessage, Responder } from '../../src/commands/types.js';
import { loadConfig } from '../../src/config.js';
import type { Services } from '../../src/services.js';
import { GeneratedAnswerer, type GeneratedSettings } from '../../src/answer/generated.js';
import type { Retriever } from '../../src/answer/types.js';
import { createOpenAIClient, loadOpenAISdk } from '../../src/llm/client.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';

// Start-up loads the SDK only with a key; these tests build clients themselves.
await loadOpenAISdk();

export const RETRIEVAL = { topK: 5, maxChars: 600, abstainMinScore: 0.35 };

let kbPromise: Promise<KnowledgeBase> | null = null;
export function realKb(): Promise<KnowledgeBase> {
  kbPromise ??= KnowledgeBase.load('knowledge');
  return kbPromise;
}

export interface LogCapture {
  logger: Logger;
  lines: Record<string, any>[];
}

export function captureLogger(): LogCapture {
  const lines: Record<string, any>[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      cb();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

/** The extractive path's retrieval, as the generated answerer uses it in production. */
export function extractiveRetriever(kb: KnowledgeBase): Retriever {
  const ex = new ExtractiveAnswerer(kb, RETRIEVAL);
  return { search: async (q) => ex.search(q) };
}

/** Retrieval of `asIf`'s passages, reported as the search for the real question (for injection tests). */
export function retrieveAs(kb: KnowledgeBase, asIf: string): Retriever {
  const ex = new ExtractiveAnswerer(kb, RETRIEVAL);
  return { search: async (q) => ({ ...ex.search(asIf), query: q }) };
}

export function generatedAnswerer(
  baseURL: string,
  kb: KnowledgeBase,
  opts: { settings?: Partial<GeneratedSettings>; retriever?: Retriever; logger?: Logger } = {},
) {
  const settings: GeneratedSettings = {
    model: 'gpt-4o-mini',
    maxAnswerTokens: 300,
    maxPromptChars: 8000,
    timeoutMs: 2000,
    maxRetries: 1,
    extractiveMaxChars: RETRIEVAL.maxChars,
    baseUrl: baseURL,
    ...opts.settings,
  };
  const logger = opts.logger ?? pino({ level: 'silent' });
  const client = createOpenAIClient(
    { apiKey: 'test-key', baseUrl: baseURL, timeoutMs: settings.timeoutMs, maxRetries: settings.maxRetries },
    logger,
  );
  return new GeneratedAnswerer(client, opts.retriever ?? extractiveRetriever(kb), settings, logger);
}

export const EN_Q = 'How do I limit the memory of a container?';
export const KO_Q = '컨테이너 메모리 제한은 어떻게 걸어?';
export const OOD_Q = 'What is the best pizza recipe from Naples?';

/** A front end's reply as the command layer sends it: every progress edit and the final message. */
export class RecordingResponder implements Responder {
  messages: { at: number; msg: BotMessage }[] = [];
  async defer(): Promise<void> {}
  async reply(msg: BotMessage): Promise<void> {
    this.messages.push({ at: Date.now(), msg });
  }
  async followUp(msg: BotMessage): Promise<void> {
    this.messages.push({ at: Date.now(), msg });
  }
}

/** What /ask needs, with an answerer that records each answer it gives. */
export function askServices(kb: KnowledgeBase, answerer: Answerer, answers: Answer[]): Services {
  return {
    config: loadConfig({ LOG_LEVEL: 'silent', CONSOLE_LOCALE: 'en' }),
    logger: pino({ level: 'silent' }),
    kb,
    answerer: {
      answer: async (q, o) => {
        const a = await answerer.answer(q, o);
        answers.push(a);
        return a;
      },
    },
    db: undefined as never,
    feedback: { saveAnswer: () => 'answer-1', getAnswer: () => undefined, vote: () => 'new' } as never,
  };
}
