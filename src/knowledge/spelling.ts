// Corrects misspelt English words in a question against the words the knowledge base uses
// ("diffrence betwen vm and containr" → "difference between vm and container").

/** Optimal-string-alignment distance (Damerau–Levenshtein with adjacent swaps), stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prevPrev = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) prevPrev[j] = prev[j];
    prev = cur;
  }
  return prev[b.length];
}

export class SpellingCorrector {
  private byLength = new Map<number, string[]>();
  private frequency = new Map<string, number>();

  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (!/^[a-z][a-z-]*$/.test(w) || w.length < 3) continue;
      const n = this.frequency.get(w) ?? 0;
      this.frequency.set(w, n + 1);
      if (n === 0) {
        const bucket = this.byLength.get(w.length) ?? [];
        bucket.push(w);
        this.byLength.set(w.length, bucket);
      }
    }
  }

  knows(word: string): boolean {
    return this.frequency.has(word);
  }

  /** The closest known word within 1 edit (2 for words of 7+ letters), or the word itself. */
  correct(word: string): string {
    if (word.length < 4 || this.frequency.has(word) || !/^[a-z]+$/.test(word)) return word;
    const max = word.length >= 7 ? 2 : 1;
    let best = word;
    let bestDist = max + 1;
    let bestFreq = 0;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        const d = editDistance(word, candidate, max);
        const f = this.frequency.get(candidate) ?? 0;
        if (d < bestDist || (d === bestDist && d <= max && f > bestFreq)) {
          best = candidate;
          bestDist = d;
          bestFreq = f;
        }
      }
    }
    return bestDist <= max ? best : word;
  }
}
