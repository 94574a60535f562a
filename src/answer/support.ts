// The sentences after the lead: those that say most about the question, none twice, none about something else.
import { LEANS_FORWARD, leansOnPrevious } from './sentence-shape.js';
import { ROW } from './novelty.js';
import { termSet } from './overlap.js';
import { isHangulBigram, tokenize } from '../knowledge/tokenize.js';
import type { SearchHit, SearchResult } from '../knowledge/types.js';
import type { Sentence } from './candidates.js';
import type { Draft } from './draft.js';
import { laterPartWords } from './parts.js';

/** A sentence must bring at least this share of terms the answer has not used yet, or it repeats the answer. */
export const MIN_NOVELTY = 0.75;

/** A supporting sentence must have at least this share of the question that the most on-question sentence has. */
const SUPPORT_SHARE = 0.5;

/**
 * A supporting sentence from another section needs its section to score this close to the best: a clear best
 * section answers alone, and a sentence from the next one is padding (density after "does a VM crash spread?").
 */
const OTHER_SECTION_NEAR = 0.9;

/** And it needs this much of the question (by term weight: a glossary concept with its word is about 2.2). */
const OTHER_SECTION_MIN_OVERLAP = 3.5;

/** The lead's own section is what its key point sums up: a sentence of it must bring more to count as new. */
const SAME_SECTION_NOVELTY = 0.8;

/** The question asks for a table ("표로 정리좀", "as a table"): comparison rows are what it wants. */
const ASKS_TABLE = /표로|표\s?형식|\b(?:as a |in a )?table\b|\btabular\b/i;

export interface SupportContext {
  used: SearchHit[];
  bestScore: number;
  candidates: Sentence[];
  lead?: string;
  /** Whether a text works an option of the student's figures again with the notes' own numbers. */
  restates: (text: string) => boolean;
  /** Whether the answer opens with a verdict on a checked claim. */
  verdict: boolean;
}

/**
 * Supporting sentences: those that say most about the question, none twice, none leaning on a missing one, in
 * passage order with table rows after the prose.
 */
export function supportSentences(result: SearchResult, draft: Draft, ctx: SupportContext, maxSupport: number): Sentence[] {
  const { used, bestScore, candidates, lead, restates } = ctx;
  const asked = new Set(result.terms);
  const support: Sentence[] = [];
  const floor = SUPPORT_SHARE * Math.max(0, ...candidates.map((c) => c.overlap));
  // A comparison draws on several sections by nature; a question of several parts, for the later parts' own words.
  const laterWords = laterPartWords(result, new Set(tokenize(draft.text)));
  const forLaterPart = (s: Sentence) => [...termSet(s.text)].some((t) => laterWords.has(t));
  // After a verdict, the claim's reason is the answer: another section's sentence only for a later part asked.
  const fromOther = (s: Sentence) =>
    s.source > 0 &&
    result.intent !== 'compare' &&
    !forLaterPart(s) &&
    (ctx.verdict || used[s.source].score < OTHER_SECTION_NEAR * bestScore);
  // A sentence from a lower-ranked section sharing little of the question (one word, "container") is padding about
  // something else, unless the student asked for several lines or a comparison, which draw on several sections.
  const thinPadding = (s: Sentence) =>
    s.source > 0 && !result.lines && result.intent !== 'compare' && s.overlap < OTHER_SECTION_MIN_OVERLAP;
  // A supporting sentence, of the best section too, must bring a word of the question the answer lacks: else it is
  // about something else ("…the 101st fork fails" then a zombie sentence; the unit of --memory, then that no --memory
  // means no limit; the layers answer, then that layers are named by SHA-256 digests).
  const answered = () => termSet([...draft.parts, ...support.map((x) => x.text)].join(' '));
  const addsNothingAsked = (s: Sentence) => {
    // A comparison draws on other sections, but a table row among them must still bring a word of the question.
    if (result.lines || (result.intent === 'compare' && (!ROW.test(s.text) || ASKS_TABLE.test(result.query)))) return false;
    const inAnswer = answered();
    return ![...termSet(s.text)].some((t) => asked.has(t) && !isHangulBigram(t) && !inAnswer.has(t));
  };
  for (const s of candidates.sort((a, b) => b.score - a.score)) {
    if (support.length >= maxSupport || s.score <= 0) break;
    if (s.overlap < floor || fromOther(s) || restates(s.text) || thinPadding(s) || addsNothingAsked(s)) continue;
    if (lead && (lead.includes(s.text) || s.text.includes(lead))) continue;
    if (
      draft.said.novelty(s.forms) < (s.source === 0 ? SAME_SECTION_NOVELTY : MIN_NOVELTY) ||
      draft.said.repeatsAClause(s.text) ||
      draft.said.repeatsFigures(s.text)
    )
      continue;
    if (s.position > 0 && leansOnPrevious(s.text) && !support.some((x) => x.source === s.source && x.position === s.position - 1)) continue;
    if (LEANS_FORWARD.test(s.text)) continue;
    if (!draft.fits(s.text.length + 5)) continue;
    support.push(s);
    draft.hold(s.text, s.forms);
  }
  // In passage order, table rows after the prose: each row is a line of its own.
  return support.sort((a, b) => Number(ROW.test(a.text)) - Number(ROW.test(b.text)) || a.source - b.source || a.position - b.position);
}
