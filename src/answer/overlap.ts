// How much of a question a text has: its terms weighed (a glossary concept more than a word, a Hangul bigram a
// little), shared by the composer and the yes/no check.
import { isGlossaryVerb } from '../knowledge/glossary.js';
import { isConcept, isHangulBigram, tokenize, words } from '../knowledge/tokenize.js';

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

/**
 * A claim's terms, a Korean glossary verb counted as its concept alone: "뻗거나 죽으면 … 죽는다" says crash and exit,
 * not seven verb forms the question would have to repeat in the same endings to match.
 */
export function claimTerms(text: string): Set<string> {
  const inflected = new Set(
    words(text)
      .filter((w) => w.script === 'hangul' && isGlossaryVerb(w.surface))
      .flatMap((w) => w.terms),
  );
  return new Set([...termSet(text)].filter((t) => isConcept(t) || !inflected.has(t)));
}
