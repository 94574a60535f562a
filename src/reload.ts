// The knowledge base reloads without a restart: on demand (/reload) and, when KNOWLEDGE_WATCH is on, when a
// file under KNOWLEDGE_DIR changes (debounced, so saving several files reloads once). A reload that brings a
// new problem (a file that cannot be read or parsed, no passages at all) is refused: the problem is reported
// and the previous index stays in use. Reloads run one at a time.
import { watch, type FSWatcher } from 'node:fs';
import { createAnswerer } from './answer/index.js';
import { KnowledgeBase } from './knowledge/knowledge-base.js';
import { loadQuizBank, quizGenerator } from './quiz/service.js';
import type { KnowledgeReloader, ReloadResult, Services } from './services.js';

/** Problems of the candidate that the index in use does not have. */
function newProblems(current: KnowledgeBase, next: KnowledgeBase): string[] {
  const known = new Set(current.warnings);
  return next.warnings.filter((w) => !known.has(w));
}

async function loadAndSwap(services: Services): Promise<ReloadResult> {
  const started = Date.now();
  let next: KnowledgeBase;
  try {
    next = await KnowledgeBase.load(services.config.knowledgeDir);
  } catch (err) {
    return { ok: false, problems: [(err as Error).message] };
  }
  const problems = newProblems(services.kb, next);
  if (!next.chunks.length && !problems.length) problems.push(`${services.config.knowledgeDir}: no markdown passages found`);
  // The quiz bank lives under knowledge/quiz: a file that no longer parses holds the whole reload back.
  const bank = await loadQuizBank(services.config).catch((err: Error) => {
    problems.push(`quiz bank: ${err.message}`);
    return undefined;
  });
  if (problems.length || !bank) return { ok: false, problems };
  const previous = services.answerer;
  services.kb = next;
  services.answerer = createAnswerer(services.config, next, services.logger, { thread: services.config.answerThread });
  void previous.close?.(); // after the questions it is already working on
  services.quiz?.useKnowledgeBase(next, { bank, generator: quizGenerator(services.config, next, services.logger) });
  return { ok: true, docs: next.docs.length, passages: next.chunks.length, ms: Date.now() - started };
}

export function createReloader(services: Services, options: { watch: boolean; debounceMs: number }): KnowledgeReloader {
  const logger = services.logger.child({ component: 'knowledge-reload' });
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let scheduled = false;
  let watcher: FSWatcher | undefined;

  const reload = (reason: string): Promise<ReloadResult> => {
    const run = chain.then(() => loadAndSwap(services));
    chain = run.catch(() => undefined);
    return run.then((result) => {
      if (result.ok) logger.info({ reason, docs: result.docs, passages: result.passages, ms: result.ms }, 'knowledge base reloaded');
      else logger.warn({ reason, problems: result.problems }, 'knowledge base not reloaded: the previous one stays in use');
      return result;
    });
  };

  if (options.watch) {
    try {
      watcher = watch(services.config.knowledgeDir, { recursive: true }, (_event, file) => {
        clearTimeout(timer);
        scheduled = true;
        timer = setTimeout(() => {
          scheduled = false;
          void reload(`file changed: ${file ?? '?'}`);
        }, options.debounceMs);
        timer.unref();
      });
      watcher.on('error', (err) => logger.warn({ err }, 'watching the knowledge folder failed; /reload still works'));
      watcher.unref();
    } catch (err) {
      logger.warn({ err }, 'cannot watch the knowledge folder; /reload still works');
    }
  }

  return {
    reload,
    idle: async () => {
      while (scheduled) await new Promise((r) => setTimeout(r, 20));
      await chain;
    },
    stop: () => {
      clearTimeout(timer);
      scheduled = false;
      watcher?.close();
    },
  };
}
