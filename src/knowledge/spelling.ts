// Corrects misspelt English words in a question against the words the knowledge base uses
// ("diffrence betwen vm and containr" → "difference between vm and container").
import { boundedMemo } from '../text/bounded-memo.js';

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

/** Two inflections of one stem ("worked" and "worker", "mounted" and "mounts"): another word, not a typo. */
const INFLECTION = /(?:ed|ing|er|ers|es|s|ly)$/;
function otherInflection(word: string, candidate: string): boolean {
  const stem = (w: string) => w.replace(INFLECTION, '');
  return INFLECTION.test(word) && INFLECTION.test(candidate) && stem(word) === stem(candidate) && stem(word).length >= 4;
}

/** A typo keeps the word's first letter, or swaps its first two: "bother" is a word, not "other" misspelt. */
const sameStart = (word: string, candidate: string) => word[0] === candidate[0] || (word[0] === candidate[1] && word[1] === candidate[0]);

/**
 * Corrections remembered per corrector (its vocabulary decides them), at most this many: a question's words are
 * corrected again for every part they appear in (focus, clauses, what is ruled out).
 */
const MEMO_MAX = 20_000;
/** A word the notes use at least this often is one a four-letter typo may stand for. */
const FREQUENT_WORD = 30;

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

  /**
   * The closest known word within 1 edit (2 for words of 10+ letters), or the word itself. Words of 5
   * letters are only un-swapped ("imgae" → image), shorter ones kept: most short words the knowledge base
   * lacks are real words (bread, cats, cook), and one edit would turn them into known ones (read, acts, look).
   */
  readonly correct = boundedMemo(MEMO_MAX, (word) => this.correctUncached(word));

  private correctUncached(word: string): string {
    // A plural of a known word is that word, not a neighbour one letter away ("dockers" is not "dockerd").
    if (word.length >= 5 && word.endsWith('s') && !this.frequency.has(word) && this.frequency.has(word.slice(0, -1))) return word;
    const fixed = this.correctWord(word);
    // A misspelt plural ("kernals") is corrected as its singular.
    if (fixed === word && word.endsWith('s') && word.length >= 6) {
      const singular = this.correctWord(word.slice(0, -1));
      if (singular !== word.slice(0, -1)) return singular;
    }
    return fixed;
  }

  private correctWord(word: string): string {
    if (word.length === 4 && !this.frequency.has(word) && /^[a-z]+$/.test(word)) return this.withLetterBack(word);
    if (word.length < 5 || this.frequency.has(word) || !/^[a-z]+$/.test(word)) return word;
    if (word.length <= 5) return this.unswap(word);
    const max = word.length >= 10 ? 2 : 1;
    let best = word;
    let bestDist = max + 1;
    let bestFreq = 0;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        const d = editDistance(word, candidate, max);
        const f = this.frequency.get(candidate) ?? 0;
        if (
          (d < bestDist || (d === bestDist && d <= max && f > bestFreq)) &&
          !otherInflection(word, candidate) &&
          sameStart(word, candidate)
        ) {
          best = candidate;
          bestDist = d;
          bestFreq = f;
        }
      }
    }
    return bestDist <= max ? best : word;
  }

  /**
   * A four-letter word with one letter left out of a word the notes use all the time ("limt" → limit, "imge" → image):
   * only such a frequent word, so that a real short word the notes lack stays itself.
   */
  private withLetterBack(word: string): string {
    let best = word;
    let bestFreq = FREQUENT_WORD - 1;
    for (const candidate of this.byLength.get(5) ?? []) {
      const f = this.frequency.get(candidate) ?? 0;
      if (f > bestFreq && candidate[0] === word[0] && editDistance(word, candidate, 1) === 1) {
        best = candidate;
        bestFreq = f;
      }
    }
    return best;
  }

  /** A known word that is `word` with two adjacent letters swapped back. */
  private unswap(word: string): string {
    for (let i = 0; i + 1 < word.length; i++) {
      const w = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      if (this.frequency.has(w)) return w;
    }
    return word;
  }
}

// --- Korean ---
// Korean typos are mostly confusable vowels (데몬 typed 대몬: ㅐ and ㅔ sound alike) or one wrong jamo in a
// longer word. Words are compared as jamo strings; the confusable vowels are folded together.

const CHOSEONG = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const JUNGSEONG = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
const JONGSEONG = ['', ...'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ'];
/** Vowels people confuse when typing by ear. */
const FOLD: Record<string, string> = { ㅔ: 'ㅐ', ㅖ: 'ㅒ', ㅚ: 'ㅙ', ㅞ: 'ㅙ' };

/** 데몬 → ㄷㅔㅁㅗㄴ (one character per jamo; non-Hangul characters kept). */
export function toJamo(word: string, fold = false): string {
  let out = '';
  for (const ch of word) {
    const code = ch.charCodeAt(0) - 0xac00;
    if (code < 0 || code > 11171) {
      out += ch;
      continue;
    }
    const vowel = JUNGSEONG[Math.floor((code % 588) / 28)];
    out += CHOSEONG[Math.floor(code / 588)] + (fold ? (FOLD[vowel] ?? vowel) : vowel) + JONGSEONG[code % 28];
  }
  return out;
}

const sortedJamo = (jamo: string) => [...jamo].sort().join('');

export class HangulSpelling {
  private bySyllables = new Map<number, { word: string; jamo: string }[]>();
  private folded = new Map<string, string>();
  private frequency = new Map<string, number>();

  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (w.length < 2 || !/^[\uac00-\ud7a3]+$/.test(w)) continue;
      const n = this.frequency.get(w) ?? 0;
      this.frequency.set(w, n + 1);
      if (n > 0) continue;
      const bucket = this.bySyllables.get(w.length) ?? [];
      bucket.push({ word: w, jamo: toJamo(w, true) });
      this.bySyllables.set(w.length, bucket);
      const key = toJamo(w, true);
      if (!this.folded.has(key)) this.folded.set(key, w);
    }
  }

  knows(word: string): boolean {
    return this.frequency.has(word);
  }

  /** A known word that differs only in confusable vowels, or by one jamo (3+ syllables; two from 4: 컨테니어); else the word. */
  readonly correct = boundedMemo(MEMO_MAX, (word) => this.correctUncached(word));

  private correctUncached(word: string): string {
    if (word.length < 2 || this.frequency.has(word) || !/^[\uac00-\ud7a3]+$/.test(word)) return word;
    const jamo = toJamo(word, true);
    const same = this.folded.get(jamo);
    if (same) return same;
    if (word.length < 3) return word;
    const max = word.length >= 4 ? 2 : 1;
    let best = word;
    let bestDist = max + 1;
    let bestFreq = 0;
    for (const c of this.bySyllables.get(word.length) ?? []) {
      // The word's first consonant is kept: 올리려면 is another verb, not a typo of 돌리려면.
      if (c.jamo[0] !== jamo[0]) continue;
      const d = editDistance(jamo, c.jamo, max);
      // Two edits only as two jamo swapped between syllables (컨테니어 → 컨테이너), never two changes (가상화폐).
      if (d > max || (d === 2 && sortedJamo(jamo) !== sortedJamo(c.jamo))) continue;
      const f = this.frequency.get(c.word) ?? 0;
      if (d < bestDist || (d === bestDist && f > bestFreq)) {
        best = c.word;
        bestDist = d;
        bestFreq = f;
      }
    }
    return best !== word || word.length < 4 ? best : this.withDroppedSyllable(word);
  }

  /** A known word one syllable longer that is this word with that syllable put back (하퍼바이저 → 하이퍼바이저). */
  private withDroppedSyllable(word: string): string {
    let best = word;
    let bestFreq = 0;
    for (const c of this.bySyllables.get(word.length + 1) ?? []) {
      const f = this.frequency.get(c.word) ?? 0;
      if (f <= bestFreq) continue;
      for (let i = 0; i < c.word.length; i++)
        if (c.word.slice(0, i) + c.word.slice(i + 1) === word) {
          best = c.word;
          bestFreq = f;
          break;
        }
    }
    return best;
  }
}
