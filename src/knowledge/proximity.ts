// Term proximity: question words that stand together in a passage too ("lists running containers" for "list
// every running container") show that the passage says what is asked, not only that it uses the words.
import { boundedMemo } from '../text/bounded-memo.js';
import { hasPhraseForm, phraseSpans, wordConcepts } from './glossary.js';
import type { QueryUnit } from './types.js';
import { normalize, words, type Word } from './tokenize.js';

/** A word of a text, where it stands in the normalized text, and the concepts the word alone names. */
interface PlacedWord {
  word: Word;
  from: number;
  to: number;
  concepts: string[];
}

// Passages are read again for every question: their words, places and word concepts are remembered.
const placedWords = boundedMemo(20_000, (text): { normal: string; placed: PlacedWord[] } => {
  const normal = normalize(text);
  let cursor = 0;
  const placed = words(text).map((word) => {
    // The words are read from the normalized text in order: find each one's place to see which phrases cover it.
    const from = normal.indexOf(word.surface, cursor);
    if (from >= 0) cursor = from + 1;
    return { word, from, to: from + word.surface.length, concepts: wordConcepts(word.surface) };
  });
  return { normal, placed };
});

/** Every word of the text (stop words included) with its concepts, and those of the given phrase concepts a phrase it is part of names. */
function wordsWithConcepts(text: string, phraseIds: readonly string[]): { word: Word; concepts: string[] }[] {
  const { normal, placed } = placedWords(text);
  if (!phraseIds.length) return placed;
  const spans = phraseSpans(normal, phraseIds);
  return placed.map(({ word, from, to, concepts }) => {
    const named = from < 0 ? [] : phraseIds.filter((_, k) => spans[k].some(([a, b]) => from < b && to > a));
    return { word, concepts: named.length ? [...concepts, ...named] : concepts };
  });
}

/**
 * Positions (in content words) where each unit occurs in the text: by a term of the word, a concept it names, or
 * an asked concept that a phrase it is part of names ("virtual machine" for §vm). Phrase forms are searched once
 * per passage, only for asked concepts that have them.
 */
function positionsIn(text: string, units: QueryUnit[]): number[][] {
  const accepts = units.map((u) => new Set([u.key, ...u.concepts]));
  const positions = units.map((): number[] => []);
  const phraseIds = [...new Set(units.flatMap((u) => u.concepts))].filter(hasPhraseForm);
  const content = wordsWithConcepts(text, phraseIds).filter(({ word }) => !word.isStop);
  content.forEach(({ word, concepts }, at) => {
    accepts.forEach((accept, i) => {
      if (word.terms.some((t) => accept.has(t)) || concepts.some((c) => accept.has(c))) positions[i].push(at);
    });
  });
  return positions;
}

/**
 * Share of the question's near pairs (units at most `span` words apart in the question) whose two units also
 * stand at most `window` content words apart in the passage, each pair weighted by its lighter unit.
 */
export function proximity(units: QueryUnit[], text: string, span: number, window: number): number {
  const placed = units.filter((u) => u.position !== undefined);
  let positions: number[][] | undefined;
  let total = 0;
  let near = 0;
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const [a, b] = [placed[i], placed[j]];
      if (Math.abs(a.position! - b.position!) > span) continue;
      const weight = Math.min(a.weight, b.weight);
      total += weight;
      positions ??= positionsIn(text, placed);
      const [pa, pb] = [positions[i], positions[j]];
      if (pa.some((x) => pb.some((y) => x !== y && Math.abs(x - y) <= window))) near += weight;
    }
  }
  return total ? near / total : 0;
}
