// Builds the services every front end shares, from the configuration.
import 'dotenv/config';
import type { Logger } from 'pino';
import { createAnswerer } from './answer/index.js';
import type { Answerer } from './answer/types.js';
import { loadConfig, type Config } from './config.js';
import { openDatabase } from './db/database.js';
import { feedbackRetention, FeedbackStore } from './db/feedback.js';
import { startRetention } from './db/retention.js';
import { sandboxRunRetention } from './sandbox/store.js';
import { KnowledgeBase } from './knowledge/knowledge-base.js';
import { createLogger } from './logger.js';
import { QuizService } from './quiz/service.js';
import { loadOpenAISdk } from './llm/client.js';
import { createReloader } from './reload.js';
import type { Services } from './services.js';
import { createStores } from './stores/index.js';

/** What answering needs, without a database: used by the JSON CLI and the evaluation. */
export async function createAnswering(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
  options: { thread?: boolean } = {},
): Promise<{ logger: Logger; kb: KnowledgeBase; answerer: Answerer }> {
  if (config.openai.apiKey) await loadOpenAISdk(); // the SDK is loaded only when a key makes it useful
  const kb = await KnowledgeBase.load(config.knowledgeDir);
  for (const w of kb.warnings) logger.warn({ warning: w }, 'knowledge base');
  logger.debug({ docs: kb.docs.length, passages: kb.chunks.length }, 'knowledge base loaded');
  return { logger, kb, answerer: createAnswerer(config, kb, logger, options) };
}

export async function createServices(config: Config = loadConfig(), log?: Logger): Promise<Services> {
  const { logger, kb, answerer } = await createAnswering(config, log, { thread: config.answerThread });
  const db = openDatabase(config.databasePath);
  const stores = createStores();
  const quiz = await QuizService.create(config, kb, db, logger, { rounds: stores.quizRounds });
  // Off unless SANDBOX_ENABLED (then dockerode loads, Docker is checked and leftover containers swept at once).
  const sandbox = config.sandbox.enabled ? (await import('./sandbox/service.js')).createSandboxService(config, logger, db) : undefined;
  const feedback = new FeedbackStore(db);
  const retention = startRetention([feedbackRetention(feedback), sandboxRunRetention(db)], config.retentionDays, logger);
  const services: Services = { config, logger, kb, answerer, db, feedback, quiz, sandbox, retention, stores };
  services.reloader = createReloader(services, config.knowledgeReload);
  return services;
}

/** Shutdown: end quiz timers, remove any sandbox container still running, then close the database. */
export async function closeServices(services: Services): Promise<void> {
  services.quiz?.close();
  services.retention?.stop();
  services.reloader?.stop();
  await services.sandbox?.close().catch((err: unknown) => services.logger.error({ err }, 'sandbox: close failed'));
  await services.answerer.close?.();
  services.db.close();
}
