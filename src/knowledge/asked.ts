// Document expansion (as in doc2query): a section lists the ways students ask for what it says (`**Asked as:**`).
// A question that one of those lines covers is close to the section, whatever words the notes themselves use.
import { conceptsIn } from './glossary.js';
import { coverage, type RankingParams } from './ranking.js';
import type { QueryUnit } from './query.js';
import { TermDictionary, TermSet } from './term-set.js';
import { words } from './tokenize.js';
import type { Chunk } from './types.js';

interface AskedSection {
  /** The passages of the section (they share its lines). */
  ids: number[];
  lines: TermSet[];
}

const termsOf = (line: string) => [...words(line).flatMap((w) => (w.isStop ? [] : w.terms)), ...conceptsIn(line)];

export class AskedLines {
  private sections: AskedSection[] = [];

  constructor(chunks: Chunk[], dict: TermDictionary) {
    const byList = new Map<string[], AskedSection>();
    chunks.forEach((chunk, id) => {
      if (!chunk.askedAs?.length) return;
      let section = byList.get(chunk.askedAs);
      if (!section) {
        section = { ids: [], lines: chunk.askedAs.map((line) => TermSet.of(dict, termsOf(line))) };
        byList.set(chunk.askedAs, section);
        this.sections.push(section);
      }
      section.ids.push(id);
    });
  }

  /** For each passage whose section has asked-as lines: the share of the question's weight its closest line covers. */
  match(units: QueryUnit[], p: RankingParams): Map<number, number> {
    const out = new Map<number, number>();
    if (!p.askedWeight) return out;
    for (const { ids, lines } of this.sections) {
      let best = 0;
      for (const line of lines) best = Math.max(best, coverage(units, line, p));
      if (best > 0) for (const id of ids) out.set(id, best);
    }
    return out;
  }
}
