// Picks the answerer for the configuration: extractive always; generated answers when a model is configured
// (OPENAI_API_KEY), with hybrid retrieval when an embedding model is too (OPENAI_EMBEDDING_MODEL).
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { PassageVectors } from './embeddings.js';
import { ExtractiveAnswerer } from './extractive.js';
import { GeneratedAnswerer } from './generated.js';
import { HybridRetriever } from './hybrid.js';
import { ThreadedAnswerer } from './threaded.js';
import { sharedOpenAIClient } from '../llm/client.js';
import type { Answerer, Retriever } from './types.js';

/**
 * `thread`: extractive answers on a worker thread (ANSWER_THREAD; for the long-running front ends). Generated
 * answers stay on the main thread: they spend their time waiting for the model, not computing.
 */
export function createAnswerer(config: Config, kb: KnowledgeBase, logger: Logger, options: { thread?: boolean } = {}): Answerer {
  const settings = {
    topK: config.retrieval.topK,
    maxChars: config.retrieval.answerMaxChars,
    abstainMinScore: config.retrieval.abstainMinScore,
  };
  const extractive = new ExtractiveAnswerer(kb, settings);
  const o = config.openai;
  if (!o.apiKey) {
    if (o.embeddingModel) logger.warn('OPENAI_EMBEDDING_MODEL is set but OPENAI_API_KEY is not; lexical retrieval and extractive answers');
    return options.thread ? new ThreadedAnswerer(kb, settings, logger) : extractive;
  }
  const client = sharedOpenAIClient(o, logger);

  let retriever: Retriever = { search: (q, _signal, langHint) => Promise.resolve(extractive.search(q, langHint)) };
  if (o.embeddingModel) {
    const vectors = new PassageVectors(
      client,
      kb.chunks,
      { model: o.embeddingModel, cachePath: o.embeddingCachePath, timeoutMs: o.timeoutMs },
      logger,
    );
    void vectors.start(); // in the background; the first question waits for it (bounded by the request timeouts)
    retriever = new HybridRetriever(
      kb,
      vectors,
      { topK: config.retrieval.topK, abstainMinScore: config.retrieval.abstainMinScore },
      logger,
    );
  }
  logger.info(
    { model: o.model, baseUrl: o.baseUrl ?? 'api.openai.com', embeddings: o.embeddingModel ?? null },
    'generated answers enabled',
  );
  return new GeneratedAnswerer(
    client,
    retriever,
    {
      model: o.model,
      baseUrl: o.baseUrl,
      maxAnswerTokens: o.maxAnswerTokens,
      maxPromptChars: o.maxPromptChars,
      timeoutMs: o.timeoutMs,
      maxRetries: o.maxRetries,
      extractiveMaxChars: config.retrieval.answerMaxChars,
    },
    logger,
  );
}
