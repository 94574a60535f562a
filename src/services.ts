// What the command layer can use. Built once at start-up by src/bootstrap.ts; front ends pass it through.
import type { Logger } from 'pino';
import type Database from 'better-sqlite3';
import type { Config } from './config.js';
import type { KnowledgeBase } from './knowledge/knowledge-base.js';
import type { Answerer } from './answer/types.js';
import type { FeedbackStore } from './db/feedback.js';
import type { Retention } from './db/retention.js';
import type { SandboxService } from './sandbox/service.js';
import type { QuizService } from './quiz/service.js';
import type { Stores } from './stores/index.js';

export type ReloadResult = { ok: true; docs: number; passages: number; ms: number } | { ok: false; problems: string[] };

/** Swaps the knowledge base for a freshly loaded one (src/reload.ts builds it). */
export interface KnowledgeReloader {
  reload(reason: string): Promise<ReloadResult>;
  /** Resolves when no reload is running or waiting (tests, shutdown). */
  idle(): Promise<void>;
  stop(): void;
}

// kb and answerer change when the knowledge base is reloaded: read them from here each time, never keep them.
export interface Services {
  config: Config;
  logger: Logger;
  kb: KnowledgeBase;
  answerer: Answerer;
  db: Database.Database;
  feedback: FeedbackStore;
  sandbox?: SandboxService;
  quiz?: QuizService;
  /** Daily pruning of stored answers (DATA_RETENTION_DAYS). */
  retention?: Retention;
  /** Swaps kb and answerer for a freshly loaded knowledge base (/reload, file changes). */
  reloader?: KnowledgeReloader;
  /** Cooldowns and open quiz rounds (src/stores): this process's memory unless swapped for a shared store. */
  stores?: Stores;
}
