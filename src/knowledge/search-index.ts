// Retrieval: MiniSearch (BM25) over our Korean/English tokens, then a re-rank by how much of the
// question a passage covers, with a preference for the question's language. Coverage also decides
// abstention: a question whose content words the knowledge base does not know is not answered.
import MiniSearch from 'minisearch';
import { conceptsIn } from './glossary.js';
import { SpellingCorrector } from './spelling.js';
import { detectLang, hangulBigrams, isConcept, isHangulBigram, tokenize, words, type Word } from './tokenize.js';
import type { Chunk, Lang, SearchHit, SearchResult } from './types.js';

export interface SearchOptions {
  topK?: number;
  /** Relevance (0..1) below which the result abstains. */
  minScore?: number;
  /** Override the detected question language. */
  lang?: Lang;
}

interface IndexedDoc {
  i: number;
  heading: string;
  text: string;
}

/** One content word of the question, with the ways a passage can cover it. */
interface QueryUnit {
  key: string;
  bigrams: string[];
  concepts: string[];
  weight: number;
}

const CANDIDATES = 40;
const SAME_LANGUAGE_BOOST = 1.3;

export class SearchIndex {
  readonly chunks: Chunk[];
  private mini: MiniSearch<IndexedDoc>;
  private termSets: Set<string>[];
  private df = new Map<string, number>();
  private speller: SpellingCorrector;

  constructor(chunks: Chunk[]) {
    this.chunks = chunks;
    this.mini = new MiniSearch<IndexedDoc>({
      idField: 'i',
      fields: ['heading', 'text'],
      tokenize: (text) => tokenize(text),
      processTerm: (term) => term,
      searchOptions: { boost: { heading: 1.6 } },
    });
    const latinWords: string[] = [];
    const docs: IndexedDoc[] = chunks.map((c, i) => ({ i, heading: `${c.doc.title} ${c.heading}`, text: c.text }));
    this.termSets = docs.map((d) => {
      const set = new Set<string>();
      for (const w of words(`${d.heading}\n${d.text}`)) {
        for (const t of w.terms) set.add(t);
        if (w.script === 'latin') for (const p of w.surface.split(/[-_.]/)) latinWords.push(p);
      }
      for (const c of conceptsIn(`${d.heading}\n${d.text}`)) set.add(c);
      for (const t of set) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      return set;
    });
    this.mini.addAll(docs);
    this.speller = new SpellingCorrector(latinWords);
  }

  private idf(term: string): number {
    const n = this.chunks.length;
    return Math.log(1 + (n + 1) / ((this.df.get(term) ?? 0) + 0.5));
  }

  /** The question with misspelt English words corrected against the corpus vocabulary. */
  correctSpelling(query: string): string {
    return query.replace(/[A-Za-z]{4,}/g, (w) => {
      const lower = w.toLowerCase();
      const fixed = this.speller.correct(lower);
      return fixed === lower ? w : fixed;
    });
  }

  private units(ws: Word[]): QueryUnit[] {
    const units: QueryUnit[] = [];
    const seen = new Set<string>();
    for (const w of ws) {
      if (w.isStop || seen.has(w.key)) continue;
      if (w.script === 'digit' && w.key.length < 2) continue;
      seen.add(w.key);
      const concepts = conceptsIn(w.surface);
      const bigrams = w.script === 'hangul' ? hangulBigrams(w.key) : [];
      // A word's weight is how rare its best form is; a word the corpus never uses weighs the most.
      const known = [w.key, ...concepts].filter((t) => this.df.has(t));
      const weight = known.length ? Math.min(...known.map((t) => this.idf(t))) : this.idf('\u0000unknown');
      units.push({ key: w.key, bigrams, concepts, weight });
    }
    return units;
  }

  private coverage(units: QueryUnit[], terms: Set<string>): number {
    let total = 0;
    let covered = 0;
    for (const u of units) {
      total += u.weight;
      if (terms.has(u.key) || u.concepts.some((c) => terms.has(c))) covered += u.weight;
      else if (u.bigrams.length >= 2) {
        const hit = u.bigrams.filter((g) => terms.has(g)).length / u.bigrams.length;
        if (hit >= 0.5) covered += u.weight * hit * 0.8;
      }
    }
    return total ? covered / total : 0;
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const topK = options.topK ?? 5;
    const minScore = options.minScore ?? 0;
    const lang = options.lang ?? detectLang(query);
    const corrected = this.correctSpelling(query);
    const ws = words(corrected);
    const terms = [...new Set(tokenize(corrected))];
    const units = this.units(ws);
    if (!terms.length || !units.length) return { query, lang, hits: [], abstain: true, terms };

    const raw = this.mini.search(terms.join(' '), {
      tokenize: () => terms,
      processTerm: (t) => t,
      boostTerm: (t) => (isHangulBigram(t) ? 0.45 : isConcept(t) ? 1.3 : 1),
    });
    if (!raw.length) return { query, lang, hits: [], abstain: true, terms };

    const top = raw[0].score;
    const rescored = raw.slice(0, CANDIDATES).map((r) => {
      const chunk = this.chunks[r.id as number];
      const cov = this.coverage(units, this.termSets[r.id as number]);
      let score = 0.6 * cov + 0.4 * (r.score / top);
      if (chunk.doc.lang === lang) score *= SAME_LANGUAGE_BOOST;
      return { chunk, score: Math.min(1, score), cov };
    });
    rescored.sort((a, b) => b.score - a.score);
    const best = rescored[0];
    const abstain = best.cov < minScore;
    const hits: SearchHit[] = abstain ? [] : rescored.slice(0, topK).map(({ chunk, score }) => ({ chunk, score }));
    return { query, lang, hits, abstain, terms };
  }
}
