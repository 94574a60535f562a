// Hybrid retrieval: the knowledge base's lexical ranking fused with embedding similarity by
// reciprocal rank fusion. Abstention stays the lexical one (vectors find a nearest passage for
// anything, so they cannot tell that a question is out of scope).
import type { Logger } from 'pino';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { questionLang } from '../knowledge/tokenize.js';
import type { Lang, SearchHit, SearchResult } from '../knowledge/types.js';
import type { PassageVectors } from './embeddings.js';
import type { Retriever } from './types.js';

export interface HybridSettings {
  topK: number;
  abstainMinScore: number;
  /** Candidates taken from each ranking before fusion. */
  candidates?: number;
  /** RRF constant (60 in the original paper). */
  rrfK?: number;
  /**
   * Weight of the vector ranking against the lexical one (1). Below 1 because the lexical ranking is tuned
   * on this knowledge base: vectors reorder close calls and bring in passages lexical search missed.
   */
  vectorWeight?: number;
}

export class HybridRetriever implements Retriever {
  private readonly indexOf: Map<string, number>;

  constructor(
    private kb: KnowledgeBase,
    private vectors: PassageVectors,
    private settings: HybridSettings,
    private logger: Logger,
  ) {
    this.indexOf = new Map(kb.chunks.map((c, i) => [c.id, i]));
  }

  async search(question: string, signal?: AbortSignal, langHint?: Lang): Promise<SearchResult> {
    const { topK, abstainMinScore } = this.settings;
    const n = this.settings.candidates ?? 20;
    const k = this.settings.rrfK ?? 60;
    const w = this.settings.vectorWeight ?? 0.5;
    const lexical = this.kb.search(question, {
      topK: Math.max(n, topK),
      minScore: abstainMinScore,
      lang: questionLang(question, langHint),
    });
    const lexicalOnly = { ...lexical, hits: lexical.hits.slice(0, topK) };
    if (lexical.abstain || !lexical.hits.length) return lexicalOnly;

    const near = await this.vectors.search(question, n, signal);
    if (!near) return lexicalOnly;

    const fused = new Map<number, { rrf: number; hit: SearchHit }>();
    lexical.hits.forEach((hit, rank) => {
      const i = this.indexOf.get(hit.chunk.id);
      if (i !== undefined) fused.set(i, { rrf: 1 / (k + rank + 1), hit });
    });
    near.forEach((v, rank) => {
      const entry = fused.get(v.index);
      if (entry) entry.rrf += w / (k + rank + 1);
      // Found by vectors only: its score is the cosine similarity (lexical scores are in [0, 1] too).
      else
        fused.set(v.index, {
          rrf: w / (k + rank + 1),
          hit: { chunk: this.kb.chunks[v.index], score: Math.max(0, Math.min(1, v.similarity)) },
        });
    });
    const hits = [...fused.values()]
      .sort((a, b) => b.rrf - a.rrf || b.hit.score - a.hit.score)
      .slice(0, topK)
      .map((e) => e.hit);
    this.logger.debug({ lexicalTop: lexical.hits[0]?.chunk.id, fusedTop: hits[0]?.chunk.id }, 'hybrid retrieval');
    return { ...lexical, hits };
  }
}
