// Term proximity: question words that stand together in a passage too ("lists running containers" for "list
// every running container") show that the passage says what is asked, not only that it uses the words.
import { wordConcepts } from './glossary.js';
import type { QueryUnit } from './query.js';
import { words } from './tokenize.js';

/** A passage's content words in order, each with the terms and concepts it can be matched by. */
export type WordSequence = Set<string>[];

export function wordSequence(text: string): WordSequence {
  return words(text)
    .filter((w) => !w.isStop)
    .map((w) => new Set([...w.terms, ...wordConcepts(w.surface)]));
}

const matches = (u: QueryUnit, word: Set<string>) => word.has(u.key) || u.concepts.some((c) => word.has(c));

/** Positions in the sequence where the unit occurs. */
function positionsOf(u: QueryUnit, seq: WordSequence): number[] {
  const out: number[] = [];
  seq.forEach((word, i) => {
    if (matches(u, word)) out.push(i);
  });
  return out;
}

/**
 * Share of the question's near pairs (units at most `span` content words apart in the question) whose two
 * units also stand at most `window` content words apart in the passage, each pair weighted by its lighter unit.
 */
export function proximity(units: QueryUnit[], seq: WordSequence, span: number, window: number): number {
  const placed = units.filter((u) => u.position !== undefined);
  const positions = new Map(placed.map((u) => [u, positionsOf(u, seq)]));
  let total = 0;
  let near = 0;
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const [a, b] = [placed[i], placed[j]];
      if (Math.abs(a.position! - b.position!) > span) continue;
      const weight = Math.min(a.weight, b.weight);
      total += weight;
      const pb = positions.get(b)!;
      if (positions.get(a)!.some((x) => pb.some((y) => x !== y && Math.abs(x - y) <= window))) near += weight;
    }
  }
  return total ? near / total : 0;
}
