// The shape of a sentence on its own: whether it leans on the one before or announces the next, whether it is about
// the notes rather than the subject, and how a lead is cut to fit.
import { truncate } from '../text/truncate.js';
import { splitSentences } from '../knowledge/sentences.js';
import { tokenize } from '../knowledge/tokenize.js';
import { askedOverlap } from './overlap.js';

/** Sentence openings that refer back to the sentence before (a pronoun, a connective, an enumeration). */
const OPENS_ON_PREVIOUS =
  /^(?:(?:this|that|these|those|it|its|they|their|then|so|but|however|also|thus|therefore|hence|such|here|instead|otherwise|likewise|second|third|finally|the same|both|each|either|the (?:description|claim|statement|wording|phrase|sentence))\b|(?:그래서|각 줄|이 설명|그 설명|이 말|그 말|그러나|하지만|또한|이때|이것|이는|이렇게|그러면|따라서|반면|그런데|즉|둘째|셋째|넷째|다섯째|마지막으로|대신|여기에|여기서|이 |그 |이런|그런|두 |둘 다))/i;
/** Phrases anywhere in a sentence that point back ("…이 여기에 속한다", "examples of this kind"). */
const POINTS_BACK =
  /여기에 (?:속|해당)|이에 (?:속|해당)|위의 |앞의 |\b(?:belong (?:here|to this)|of this (?:kind|type)|the former|the latter|the above|therefore|thus|hence|the table|this table)\b|,? though,|\bthough\b[,.]|이 표|위 표|표는 |비교표|\bthe (?:[\w-]+ ){0,3}tables?\b/i;
export const leansOnPrevious = (text: string) => OPENS_ON_PREVIOUS.test(text) || POINTS_BACK.test(text);
/** Sentences about the notes rather than the subject ("… is explained in its own section", "자세한 내용은 … 문서에서 다룬다"). */
export const REFERS_ELSEWHERE =
  /\b(?:(?:explained|described|covered|discussed|compared) in (?:its|their|the|a|another|each) (?:own )?(?:\w+ )?(?:section|topic|page|document|chapter)|(?:topic|section|page|document|chapter)\b[^.]*\b(?:explains?|covers?|compares?|describes?)\b[^.]* in detail|see the (?:section|topic|page|doc)|(?:this|the next|the following) (?:section|topic|page|document))\b|(?:문서|절|장|항목|글|주제)에서 (?:따로 )?(?:\S+ )?(?:다룬다|설명한다|자세히)|자세한 (?:내용|설명|비교|의미)은/i;
/** Sentences that announce what follows ("…, with two conditions.", "다음과 같다.", "First, …"): alone they dangle. */
export const LEANS_FORWARD =
  /[:：]$|\b(?:two|three|four|several|a few) (?:\w+ )?(?:conditions|reasons|steps|ways|parts|things|cases|responsibilities|rules|kinds|types)\.?$|\b(?:as follows|like this|the following)\b[^.]*[.:]?$|다음(?:과 같다|처럼|과 같이)[^.]*\.?$|(?:두|세|네|다섯|몇) (?:가지|단계)(?:[^.,]{0,12})(?:다|있다|생긴다)\.?$|(?:두|세|네|다섯|몇) (?:가지|단계)(?:이며|이고|로)|^(?:first(?:ly)?|첫째|우선)\s*,/i;

/** As many whole sentences of a lead as fit in `max` characters; a first sentence too long alone is cut. */
export function wholeSentences(text: string, max: number): string {
  if (text.length <= max) return text;
  const kept: string[] = [];
  for (const sentence of splitSentences(text)) {
    if ([...kept, sentence].join(' ').length > max) break;
    kept.push(sentence);
  }
  return kept.length ? kept.join(' ') : truncate(text, max);
}

/** The `n` sentences with most of the question (the earlier on a tie; one of the asked shape first), in their order. */
export function mostAsked(sentences: string[], asked: Set<string>, n: number, shape?: (text: string) => boolean): string[] {
  if (sentences.length <= n) return sentences;
  // A sentence leaning on the one before ("이 시간은 …") cannot stand without it.
  const weigh = (text: string, i: number) => (i > 0 && leansOnPrevious(text) ? -1 : askedOverlap(tokenize(text), asked));
  // One having what the question's shape asks for (the check command, a figure) comes before one that says more words.
  const shaped = (text: string, i: number) => Number(!!shape?.(text) && weigh(text, i) >= 0);
  const ranked = sentences
    .map((text, i) => ({ i, shaped: shaped(text, i), overlap: weigh(text, i) }))
    .sort((a, b) => b.shaped - a.shaped || b.overlap - a.overlap || a.i - b.i);
  const kept = new Set(ranked.slice(0, n).map((r) => r.i));
  return sentences.filter((_, i) => kept.has(i));
}

/**
 * A key point's sentences with the first that has what the question's shape asks for (the check command when asked how
 * to check, a figure when asked how much) leading, when the first sentence lacks it; the rest keep their order. A
 * sentence leaning on the one before ("예를 들어 …", "This …") stays where it is.
 */
export function shapedFirst(sentences: string[], has: (text: string) => boolean): string[] {
  if (sentences.length < 2 || has(sentences[0])) return sentences;
  const i = sentences.findIndex(
    (text, j) => j > 0 && has(text) && !leansOnPrevious(text) && !/^(?:예를 들어|예:|e\.g\.|for example)/i.test(text),
  );
  return i > 0 ? [sentences[i], ...sentences.filter((_, j) => j !== i)] : sentences;
}
