// A BM25F inverted index over pre-tokenized passages (two fields: heading, text).
// MiniSearch served first, and stays as the benchmark baseline; at 10,000 passages its per-result match
// objects and radix-tree inserts cost 10-100x our budget (build < 2 s, query p99 < 5 ms), so the
// index itself is this small Map of postings. Tokenization, the hard part, lives in tokenize.ts.

export interface IndexedPassage {
  heading: string[];
  text: string[];
}

export interface WeightedTerm {
  term: string;
  boost: number;
}

const K1 = 1.2;
const B = 0.75;

export class InvertedIndex {
  /** term → flat postings [doc, headingTf, textTf, doc, headingTf, textTf, ...]. */
  private postings = new Map<string, number[]>();
  private headingLen: Float64Array;
  private textLen: Float64Array;
  private avgHeading: number;
  private avgText: number;
  private scores: Float64Array;
  readonly size: number;

  constructor(
    passages: IndexedPassage[],
    private headingBoost = 1.6,
  ) {
    this.size = passages.length;
    this.headingLen = new Float64Array(passages.length);
    this.textLen = new Float64Array(passages.length);
    this.scores = new Float64Array(passages.length);
    passages.forEach((p, doc) => {
      this.headingLen[doc] = p.heading.length;
      this.textLen[doc] = p.text.length;
      const tf = new Map<string, [number, number]>();
      for (const t of p.heading) (tf.get(t) ?? tf.set(t, [0, 0]).get(t)!)[0]++;
      for (const t of p.text) (tf.get(t) ?? tf.set(t, [0, 0]).get(t)!)[1]++;
      for (const [term, [h, x]] of tf) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push(doc, h, x);
      }
    });
    const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
    this.avgHeading = sum(this.headingLen) / Math.max(1, passages.length) || 1;
    this.avgText = sum(this.textLen) / Math.max(1, passages.length) || 1;
  }

  /** Number of passages containing the term. */
  docFrequency(term: string): number {
    return (this.postings.get(term)?.length ?? 0) / 3;
  }

  /** The `limit` best passages for the weighted terms, best first. */
  search(terms: WeightedTerm[], limit: number): { id: number; score: number }[] {
    const touched: number[] = [];
    const scores = this.scores;
    for (const { term, boost } of terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      const df = list.length / 3;
      const idf = Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
      for (let i = 0; i < list.length; i += 3) {
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
