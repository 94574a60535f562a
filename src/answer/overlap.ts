// How much of a question a text has: its terms weighed (a glossary concept more than a word, a Hangul bigram a
// little), shared by the composer and the yes/no check.
import { isConcept, isHangulBigram, tokenize } from '../knowledge/tokenize.js';

/** A glossary concept weighs more than a word; a Hangul bigram (part of a word) little. */
export function termWeight(term: string): number {
  if (isConcept(term)) return 1.2;
  if (isHangulBigram(term)) return 0.3;
  return 1;
}

/** A text's terms without Hangul bigrams. */
export const termSet = (text: string) => new Set(tokenize(text).filter((t) => !isHangulBigram(t)));

/** How much of the question a text's tokens have (concepts and words; Hangul bigrams a little). */
export function askedOverlap(tokens: Iterable<string>, asked: Set<string>): number {
  let overlap = 0;
  for (const t of new Set(tokens)) if (asked.has(t)) overlap += termWeight(t);
  return overlap;
}

/** The total weight of some terms. */
export const weightOf = (terms: Iterable<string>) => [...terms].reduce((n, t) => n + termWeight(t), 0);
