// "Is it a bug?", "is that normal?": the notes explain how things are designed to behave, so the section found for
// what the student saw answers it, and says so first.
import type { SearchResult } from '../knowledge/types.js';

/** Asked whether what the student saw is a bug or broken ("250% 찍힘 버그임?", "is it broken lol"), or normal. */
const ASKS_BROKEN = /\bbroken\b|고장/i;
const ASKS_BUG = /\bbug(?:gy|s)?\b|버그/i;
const ASKS_NORMAL = /\bnormal\b|\bexpected\b|정상/i;
/** An answer that already says so ("A CPU % of 250% is not a fault", "고장이 아니다"), or opens with its own verdict. */
const SAYS_EXPECTED = /^(?:yes|no|네|아니요)\.|not a (?:fault|bug)|not broken|고장이 아니|버그가 아니|정상이/i;

/**
 * The notes explain how things are designed to behave: asked whether what the student saw is a bug, broken or normal,
 * the section that explains it answers "not a bug" / "yes, expected", said first.
 */
export function expectedVerdict(result: SearchResult, text: string): string | undefined {
  if (!(result.intent === 'yesno' || result.asksYesNo) || SAYS_EXPECTED.test(text.slice(0, 120))) return undefined;
  const ko = result.lang === 'ko';
  if (ASKS_BROKEN.test(result.query)) return ko ? '고장이 아니다.' : 'Not broken.';
  if (ASKS_BUG.test(result.query)) return ko ? '버그가 아니다.' : 'Not a bug.';
  if (ASKS_NORMAL.test(result.query)) return ko ? '네, 정상이다.' : 'Yes, that is expected.';
  return undefined;
}
