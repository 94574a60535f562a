// The extractive answerer on a worker thread. Ranking and composing take about 2 ms a question; on the front
// end's event loop fifty questions at once wait 100 ms behind each other and behind discord.js, so the answers
// are worked out beside it. The thread holds its own index, built from the main thread's passages (identical
// answers). If it cannot start or dies, every question is answered on the main thread instead: slower, never lost.
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { ExtractiveAnswerer, type ExtractiveSettings } from './extractive.js';
import type { ThreadData, ThreadReply, ThreadRequest } from './thread-protocol.js';
import type { Answer, Answerer, AnswerOptions } from './types.js';

/** How the thread is started: the built .js file, or (under tsx and in tests) the .ts source through tsx's loader. */
export type ThreadEntry = { file: URL } | { code: string };

export function defaultThreadEntry(): ThreadEntry {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { file: new URL('./answer-thread.js', here) };
  const source = new URL('./answer-thread.ts', here).href;
  return { code: `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(here)}))` };
}

interface Waiting {
  question: string;
  options: AnswerOptions;
  resolve: (answer: Answer | Promise<Answer>) => void;
}

/** How long close() lets questions already sent finish before the thread is stopped. */
const DRAIN_MS = 5000;

export class ThreadedAnswerer implements Answerer {
  private worker?: Worker;
  private ready: Promise<boolean>;
  private waiting = new Map<number, Waiting>();
  private nextId = 1;
  /** Set by close(): the thread's exit is expected, and the questions it holds are waited for. */
  private closing = false;
  private drained?: () => void;
  /** Answers on the main thread, over the same passages and settings, when the thread cannot. */
  private fallback: ExtractiveAnswerer;
  /** Settles `ready`: true when the thread has built its index, false when it never will. */
  private started!: (ok: boolean) => void;

  constructor(
    kb: KnowledgeBase,
    settings: ExtractiveSettings,
    private logger: Logger,
    entry: ThreadEntry = defaultThreadEntry(),
  ) {
    this.fallback = new ExtractiveAnswerer(kb, settings);
    const workerData: ThreadData = { docs: kb.docs, chunks: kb.chunks, warnings: kb.warnings, settings };
    this.ready = new Promise((resolve) => (this.started = resolve));
    try {
      const worker =
        'file' in entry ? new Worker(entry.file, { workerData }) : new Worker(entry.code, { eval: true, workerData, execArgv: [] });
      worker.unref(); // never what keeps the process alive
      worker.on('message', (reply: ThreadReply) => {
        if ('ready' in reply) this.started(true);
        else this.settle(reply);
      });
      worker.on('error', (err) => this.fail(`answer thread failed: ${err.message}`));
      worker.on('exit', (code) => this.fail(`answer thread exited (code ${code})`));
      this.worker = worker;
      void this.ready.then((ok) => ok && logger.debug({ passages: kb.chunks.length }, 'answer thread ready'));
    } catch (err) {
      logger.error({ err }, 'cannot start the answer thread; answering on the main thread');
      this.started(false);
    }
  }

  async answer(question: string, options: AnswerOptions = {}): Promise<Answer> {
    if (!(await this.ready) || !this.worker) return this.fallback.answer(question, options);
    const id = this.nextId++;
    return new Promise<Answer>((resolve) => {
      this.waiting.set(id, { question, options, resolve });
      this.worker!.postMessage({ id, question, langHint: options.langHint } satisfies ThreadRequest);
    });
  }

  private settle(reply: Exclude<ThreadReply, { ready: true }>): void {
    const w = this.waiting.get(reply.id);
    if (!w) return;
    this.waiting.delete(reply.id);
    if ('answer' in reply) w.resolve(reply.answer);
    else {
      this.logger.error({ error: reply.error, question: w.question }, 'answer thread: answering failed; retrying on the main thread');
      w.resolve(this.fallback.answer(w.question, w.options));
    }
    if (!this.waiting.size) this.drained?.();
  }

  /** The thread is gone: what it was asked is answered here, and so is everything after. */
  private fail(reason: string): void {
    if (!this.worker) return;
    this.worker = undefined;
    if (!this.closing) this.logger.error(reason + '; answering on the main thread from now on');
    this.started(false);
    for (const w of this.waiting.values()) w.resolve(this.fallback.answer(w.question, w.options));
    this.waiting.clear();
    this.drained?.();
  }

  /** Lets the questions already sent finish (up to DRAIN_MS), then stops the thread; later questions run here. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.closing = true;
    if (this.waiting.size)
      await new Promise<void>((resolve) => {
        this.drained = resolve;
        setTimeout(resolve, DRAIN_MS).unref();
      });
    await worker.terminate();
    this.fail('answer thread closed');
  }
}
