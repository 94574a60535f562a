// Document expansion (as in doc2query): a section lists the ways students ask for what it says (`**Asked as:**`).
// A question that one of those lines covers is close to the section, whatever words the notes themselves use.
import { bigramCover, type RankingParams } from './ranking.js';
import type { QueryUnit } from './types.js';
import { isHangulBigram, tokenize, words } from './tokenize.js';
import type { Chunk } from './types.js';

interface AskedSection {
  /** The passages of the section (they share its lines). */
  ids: number[];
}

/** A question's asked-as match: the share of it that each passage's closest line covers (0 when none). */
export interface AskedMatch {
  of(id: number): number;
}

export class AskedLines {
  private sections: AskedSection[] = [];
  /** Each passage's section, or -1. */
  private sectionOfChunk: Int32Array;
  /** The section of each line. */
  private sectionOf: number[] = [];
  /** How many words of its own each line has (its content words, each with its concepts). */
  private wordsOf: number[] = [];
  /** Lines by term: only the lines sharing a term with the question are read. */
  private linesWith = new Map<string, number[]>();
  /** Scratch per line, zero between questions: weight covered, units met, and the unit that last met it. */
  private covered = new Float64Array(0);
  private met = new Float64Array(0);
  private whole = new Uint32Array(0);
  private mark = 0;

  constructor(chunks: Chunk[]) {
    this.sectionOfChunk = new Int32Array(chunks.length).fill(-1);
    const byList = new Map<string[], number>();
    chunks.forEach((chunk, id) => {
      if (!chunk.askedAs?.length) return;
      let section = byList.get(chunk.askedAs);
      if (section === undefined) {
        section = this.sections.push({ ids: [] }) - 1;
        byList.set(chunk.askedAs, section);
        for (const line of chunk.askedAs) {
          const index = this.sectionOf.push(section) - 1;
          this.wordsOf.push(Math.max(1, words(line).filter((w) => !w.isStop).length));
          for (const term of new Set(tokenize(line))) {
            const lines = this.linesWith.get(term);
            if (lines) lines.push(index);
            else this.linesWith.set(term, [index]);
          }
        }
      }
      this.sections[section].ids.push(id);
      this.sectionOfChunk[id] = section;
    });
    this.covered = new Float64Array(this.sectionOf.length);
    this.met = new Float64Array(this.sectionOf.length);
    this.whole = new Uint32Array(this.sectionOf.length);
  }

  /**
   * For each passage whose section has asked-as lines: the share of the question's weight its closest line covers
   * (a unit by its word or a concept it names; by half or more of a Hangul word's bigrams at `bigramCredit` × that
   * share, as ranking.ts `coverage` counts a passage).
   */
  match(units: QueryUnit[], p: RankingParams): AskedMatch {
    const best = new Map<number, number>();
    const of = (id: number) => best.get(this.sectionOfChunk[id]) ?? 0;
    if (!p.askedWeight || !this.sections.length) return { of };
    const total = units.reduce((n, u) => n + u.weight, 0);
    if (!total) return { of };
    // Per line: the question's weight it covers and how many of its units it has (typed arrays, reset per question:
    // a concept such as §container is on thousands of lines).
    const covered = this.covered;
    const met = this.met;
    const touched: number[] = [];
    const add = (line: number, weight: number, unit: number) => {
      if (covered[line] === 0 && met[line] === 0) touched.push(line);
      covered[line] += weight;
      met[line] += unit;
    };
    const whole = this.whole;
    for (const u of units) {
      const mark = ++this.mark;
      for (const term of [u.key, ...u.concepts])
        for (const line of this.linesWith.get(term) ?? []) {
          if (whole[line] === mark) continue;
          whole[line] = mark;
          add(line, u.weight, 1);
        }
      if (u.bigrams.length < 2) continue;
      const grams = new Map<number, number>();
      for (const g of u.bigrams.filter(isHangulBigram))
        for (const line of this.linesWith.get(g) ?? []) if (whole[line] !== mark) grams.set(line, (grams.get(line) ?? 0) + 1);
      for (const [line, hits] of grams) add(line, u.weight * bigramCover(hits / u.bigrams.length, p), 0);
    }
    for (const line of touched) {
      const section = this.sectionOf[line];
      // Both ways (F1): the share of the question the line covers, and of the line the question says, so a long line
      // about something else that shares only "memory limit" with the question is no close paraphrase of it.
      const recall = covered[line] / total;
      const precision = Math.min(1, met[line] / this.wordsOf[line]);
      const match = p.askedPrecision ? (2 * recall * precision) / Math.max(1e-9, recall + precision) : recall;
      best.set(section, Math.max(best.get(section) ?? 0, match));
      covered[line] = 0;
      met[line] = 0;
    }
    return { of };
  }

  /** The first passage of each of the `limit` sections whose lines cover at least `min` of the question, best first. */
  candidates(match: AskedMatch, min: number, limit: number): number[] {
    const bySection = new Map<number, number>();
    this.sections.forEach((s, i) => {
      const share = match.of(s.ids[0]);
      if (share >= min) bySection.set(i, share);
    });
    return [...bySection]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([i]) => this.sections[i].ids[0]);
  }
}
