// A BM25F inverted index over pre-tokenized passages (two fields: heading, text).
// MiniSearch served first, and stays as the benchmark baseline; at 10,000 passages its per-result match
// objects and radix-tree inserts cost 10-100x our budget (build < 2 s, query p99 < 5 ms), so the
// index itself is one packed array of postings addressed by term number. Tokenization, the hard part,
// lives in tokenize.ts.
import { TermDictionary } from './term-set.js';

/** A field's terms: as strings, or as term numbers already interned in the index's dictionary. */
export type TermList = readonly string[] | Int32Array;

export interface IndexedPassage {
  heading: TermList;
  text: TermList;
}

export interface WeightedTerm {
  term: string;
  boost: number;
}

const K1 = 1.2;
const B = 0.75;

export class InvertedIndex {
  /** Postings of term number t: postings[start[t] .. start[t + 1]) as [doc, headingTf, textTf, ...]. */
  private postings: Int32Array;
  private start: Int32Array;
  private headingLen: Float64Array;
  private textLen: Float64Array;
  private avgHeading: number;
  private avgText: number;
  private scores: Float64Array;
  readonly size: number;

  constructor(
    passages: IndexedPassage[],
    private dict = new TermDictionary(),
    private headingBoost = 1.6,
  ) {
    this.size = passages.length;
    this.headingLen = new Float64Array(passages.length);
    this.textLen = new Float64Array(passages.length);
    this.scores = new Float64Array(passages.length);
    const ids = (terms: TermList) => (terms instanceof Int32Array ? terms : Int32Array.from(terms, (t) => dict.intern(t)));
    const fields = passages.map((p) => [ids(p.heading), ids(p.text)]);
    // Term frequencies counted in two scratch arrays over the whole dictionary, reset after each passage.
    const headingTf = new Int32Array(dict.size);
    const textTf = new Int32Array(dict.size);
    const lists: number[][] = [];
    fields.forEach(([heading, text], doc) => {
      this.headingLen[doc] = heading.length;
      this.textLen[doc] = text.length;
      const seen: number[] = [];
      for (const id of heading) if (headingTf[id]++ === 0 && textTf[id] === 0) seen.push(id);
      for (const id of text) if (textTf[id]++ === 0 && headingTf[id] === 0) seen.push(id);
      for (const id of seen) {
        (lists[id] ??= []).push(doc, headingTf[id], textTf[id]);
        headingTf[id] = textTf[id] = 0;
      }
    });
    ({ start: this.start, postings: this.postings } = pack(lists, dict.size));
    const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
    this.avgHeading = sum(this.headingLen) / Math.max(1, passages.length) || 1;
    this.avgText = sum(this.textLen) / Math.max(1, passages.length) || 1;
  }

  /** The term's postings, or nothing. */
  private range(term: string): [number, number] | undefined {
    const id = this.dict.id(term);
    if (id === undefined || id + 1 >= this.start.length || this.start[id] === this.start[id + 1]) return undefined;
    return [this.start[id], this.start[id + 1]];
  }

  /** Number of passages containing the term. */
  docFrequency(term: string): number {
    const r = this.range(term);
    return r ? (r[1] - r[0]) / 3 : 0;
  }

  /** The `limit` best passages for the weighted terms, best first. */
  search(terms: WeightedTerm[], limit: number): { id: number; score: number }[] {
    const touched: number[] = [];
    const scores = this.scores;
    for (const { term, boost } of terms) {
      const r = this.range(term);
      if (!r) continue;
      const list = this.postings;
      const df = (r[1] - r[0]) / 3;
      const idf = Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
      for (let i = r[0]; i < r[1]; i += 3) {
        const doc = list[i];
        const tf =
          (this.headingBoost * list[i + 1]) / (1 - B + (B * this.headingLen[doc]) / this.avgHeading) +
          list[i + 2] / (1 - B + (B * this.textLen[doc]) / this.avgText);
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] += boost * idf * ((tf * (K1 + 1)) / (tf + K1));
      }
    }
    // Keep the best `limit` without sorting everything touched.
    const best: { id: number; score: number }[] = [];
    for (const doc of touched) {
      const score = scores[doc];
      scores[doc] = 0;
      if (best.length < limit) {
        best.push({ id: doc, score });
        if (best.length === limit) best.sort((a, b) => b.score - a.score);
      } else if (score > best[limit - 1].score) {
        let j = limit - 1;
        while (j > 0 && best[j - 1].score < score) {
          best[j] = best[j - 1];
          j--;
        }
        best[j] = { id: doc, score };
      }
    }
    if (best.length < limit) best.sort((a, b) => b.score - a.score);
    return best;
  }
}

/** Packs per-term posting lists into one array with start offsets (terms without postings get empty ranges). */
function pack(lists: number[][], terms: number): { start: Int32Array; postings: Int32Array } {
  const start = new Int32Array(terms + 1);
  for (let t = 0; t < terms; t++) start[t + 1] = start[t] + (lists[t]?.length ?? 0);
  const postings = new Int32Array(start[terms]);
  for (let t = 0; t < terms; t++) if (lists[t]) postings.set(lists[t], start[t]);
  return { start, postings };
}
