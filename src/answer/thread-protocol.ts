// What the main thread and the answer thread say to each other (structured-clone data only).
import type { Chunk, KnowledgeDoc, Lang } from '../knowledge/types.js';
import type { ExtractiveSettings } from './extractive.js';
import type { Answer } from './types.js';

/** The passages as the main thread ingested them (the thread builds its index from the same ones) and the settings. */
export interface ThreadData {
  docs: KnowledgeDoc[];
  chunks: Chunk[];
  warnings: string[];
  settings: ExtractiveSettings;
}

export interface ThreadRequest {
  id: number;
  question: string;
  langHint?: Lang;
}

export type ThreadReply = { ready: true } | { id: number; answer: Answer } | { id: number; error: string };
