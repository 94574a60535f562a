// The student's own value in a verdict: when a checked claim's reason works the notes' example with another value
// ("아니요. --cpus 2는 …" to "--cpus=1 주면 코어 하나 전용?"), the figure of the student's value gives the reason.
import { VERDICT_WORD } from './claims.js';
import { optionsIn } from '../knowledge/option-names.js';
import { valuesOf, type Figure } from './figures/index.js';
import { termSet } from './overlap.js';
import type { SearchResult } from '../knowledge/types.js';

/** A figure gives a verdict's reason when it shares this many of the reason's words besides the option and numbers. */
const REASON_WORDS_SHARED = 2;
const isPlainWord = (t: string) => !/\d/.test(t) && !t.startsWith('-');
/** Where a reason's clauses end: a semicolon, "…이고," / "…하며,", or ", but" / ", and". */
const CLAUSE_END = /;\s+|(?<=[고며]),\s+|,\s+(?=(?:and|but|while)\s)/;

/**
 * After the student's values are worked, the notes' own example of the same option ("--memory 200m이면 …" after
 * 512m) works the rule again with other numbers: the same point twice, and not about the student's setup.
 */
export const restatesWorked = (worked: Figure[], query: string) => (text: string) =>
  worked.some((f) => {
    const theirs = valuesOf(text, f.option);
    const asked = valuesOf(query, f.option);
    return theirs.length > 0 && asked.length > 0 && !theirs.some((v) => asked.includes(v));
  });

/**
 * The figure that gives a verdict's reason in the student's own value: one whose reason works another value, sharing
 * the reason's point ("어느 코어에서든") and every word of the question the reason has ("nproc"), not one that only
 * converts a unit.
 */
export function ownValueReason<F extends Figure>(result: SearchResult, verdictLead: string, figures: F[]): F | undefined {
  const reason = verdictLead.replace(VERDICT_WORD, '');
  const asked = new Set(result.terms);
  const point = [...termSet(reason)].filter((t) => isPlainWord(t) && !t.startsWith('§'));
  return figures.find((f) => {
    if (f.reads || !restatesWorked([f], result.query)(reason)) return false;
    const own = termSet(f.text);
    const answersAsked = [...termSet(reason)].every((t) => !asked.has(t) || !isPlainWord(t) || own.has(t));
    return answersAsked && point.filter((t) => own.has(t)).length >= REASON_WORDS_SHARED;
  });
}

/**
 * The verdict with the figure as its reason, followed by the replaced reason's clauses that point to another option
 * the figure does not name ("코어 고정은 --cpuset-cpus로 한다"), without the notes' own value of the student's option.
 */
export function withOwnReason(verdictLead: string, figure: Figure, query: string): string {
  const restates = restatesWorked([figure], query);
  const pointer = verdictLead
    .replace(VERDICT_WORD, '')
    .split(CLAUSE_END)
    .map((c) => c.trim().replace(/^(?:and|but|while)\s+/, ''))
    .filter((c) => optionsIn(c).some((o) => `--${o}` !== figure.option && !figure.text.includes(`--${o}`)) && !restates(c))
    .map((c) => `${c.charAt(0).toUpperCase()}${c.slice(1)}${/[.!?다]$/.test(c) ? '' : '.'}`)
    .join(' ');
  return [VERDICT_WORD.exec(verdictLead)?.[0], figure.text, pointer].filter(Boolean).join(' ');
}
