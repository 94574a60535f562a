// A question of several asking clauses or sides: for each clause or side the answer has not covered yet, the
// sentence or key point of the source that answers it.
import { sectionKey } from '../knowledge/chunk.js';
import { isConcept, isHangulBigram, tokenize } from '../knowledge/tokenize.js';
import { GENERIC_CONCEPTS } from '../knowledge/glossary.js';
import type { SearchHit, SearchResult } from '../knowledge/types.js';
import { standingCandidates, type Sentence } from './candidates.js';
import { formsOf } from './novelty.js';
import { wholeSentences } from './sentence-shape.js';

/** The words of a question's later asking clauses that neither its first clause nor the answer so far has. */
export function laterPartWords(result: SearchResult, answered: Set<string>): Set<string> {
  const [first, ...later] = result.parts ?? [];
  const firstWords = new Set(first ?? []);
  return new Set(later.flat().filter((t) => !firstWords.has(t) && !answered.has(t) && !isHangulBigram(t)));
}

/** The terms of asking clause `i` that no other clause has (Hangul bigrams aside). */
const ownTerms = (parts: string[][], i: number) => {
  const others = new Set(parts.filter((_, j) => j !== i).flat());
  return (parts[i] ?? []).filter((t) => !others.has(t) && !isHangulBigram(t));
};

/**
 * For each asking clause after the first whose own words (in no other clause) the answer does not have yet, the
 * sentence or key point of any source that has most of them.
 */
export function otherParts(result: SearchResult, sources: SearchHit[], answerSoFar: string): Sentence[] {
  const parts = result.parts;
  if (!parts) return [];
  const answered = new Set(tokenize(answerSoFar));
  const picked: Sentence[] = [];
  parts.forEach((_, i) => {
    const own = new Set(ownTerms(parts, i));
    if (i === 0 || !own.size || [...own].some((t) => answered.has(t))) return;
    const best = standingCandidates(sources, own).sort(
      (a, b) => b.overlap - a.overlap || a.source - b.source || a.position - b.position,
    )[0];
    if (best) picked.push(best);
  });
  return picked;
}

/** A thing of a list gets the opening of its section's point: a line each, so that every thing named gets one. */
const LISTED_THING_CHARS = 220;

/** A clause needs this many words of its own (in no other clause; glossary concepts aside) to get its own section's point. */
const PART_OWN_WORDS = 2;

/**
 * For each asking clause whose own best section (ranked on the clause alone) the answer does not cite yet, that
 * section's key point, or else its sentence having most of the clause's words.
 */
export function partLeads(result: SearchResult, sources: SearchHit[], answerSoFar: string): Sentence[] {
  const picked: Sentence[] = [];
  const parts = result.parts ?? [];
  const answered = new Set(tokenize(answerSoFar));
  (result.partBests ?? []).forEach((best, i) => {
    if (!best) return;
    const listed = sources.findIndex((h) => sectionKey(h.chunk) === sectionKey(best.chunk));
    const source = listed >= 0 ? listed : sources.length;
    if (answerSoFar.includes(`[${source + 1}]`) || picked.some((s) => s.source === source)) return;
    // Only a clause of its own words ("--cpus does what exactly" beside "--cpu-shares"), none of them answered yet.
    const own = ownTerms(parts, i);
    // A Hangul word's forms (명령, 명령어, 명령어로) are one word: the shortest stands for the rest.
    const words = own.filter((t) => !isConcept(t) && !own.some((o) => o !== t && t.startsWith(o)));
    // One word will do if it names a VM/Docker thing of the glossary ("하이퍼바이저가 뭐고").
    // So will a clause pointing back at an earlier one's VM/Docker thing ("…PIDS column, and can i cap it").
    const topic = own.some((t) => isConcept(t) && !GENERIC_CONCEPTS.has(t.slice(1))) || !!result.partPointsBack?.[i];
    // A thing of a list is named by its one word ("FROM" of "FROM RUN CMD").
    if (words.length < (topic || result.partsListed ? 1 : PART_OWN_WORDS) || own.some((t) => answered.has(t))) return;
    const candidates = standingCandidates(listed >= 0 ? sources : [...sources, best], new Set(own)).filter((s) => s.source === source);
    const pick = candidates.find((s) => s.position < 0) ?? candidates.sort((a, b) => b.overlap - a.overlap)[0];
    if (!pick) return;
    // A section the hits lacked is listed as a source once the answer cites it.
    if (listed < 0) sources.push(best);
    const text = result.partsListed ? wholeSentences(pick.text, LISTED_THING_CHARS) : pick.text;
    picked.push(text === pick.text ? pick : { ...pick, text, forms: formsOf(text) });
  });
  return picked;
}

/**
 * For a comparison ("--memory-reservation vs --memory", "--ulimit nofile and --pids-limit"), the side the answer so far
 * does not name: the key point or sentence of the best source that names its word, standing on its own.
 */
export function unnamedSide(result: SearchResult, sources: SearchHit[], answerSoFar: string): Sentence | undefined {
  if (!result.sides) return undefined;
  const said = new Set(tokenize(answerSoFar));
  const missing = result.sides.find(([word]) => !said.has(word));
  if (!missing) return undefined;
  return standingCandidates(sources, new Set([missing[0]])).sort((a, b) => a.source - b.source || a.position - b.position)[0];
}
