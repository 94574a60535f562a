// Is a quiz question supported by the knowledge-base section it cites? Shared by the bank test and the
// generated-question gate, on top of the grounding check answers use too (src/llm/grounding.ts):
//  1. the cited section exists (document path + chunk heading);
//  2. every evidence phrase occurs in the section text;
//  3. every hard term of the right option and the explanation occurs in the section (numbers, option
//     names, identifiers, code, acronyms; Latin words in Korean text);
//  4. most content words of the explanation occur in the section, and it does not negate where the section never does.
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { coverage, hardTerms, missingTerms, negatesPassage, normalizeForMatch } from '../llm/grounding.js';
import type { Lang } from '../knowledge/types.js';
import type { QuizSource } from './bank.js';

export { hardTerms, normalizeForMatch };

/** Share of the explanation's content words that must occur in the section. */
export const MIN_COVERAGE = 0.7;

export interface SupportInput {
  lang: Lang;
  options: string[];
  answer: number;
  explanation: string;
  evidence: string[];
}

export interface SupportResult {
  ok: boolean;
  problems: string[];
  /** Share of content words of the explanation found in the section (0-1). */
  coverage: number;
}

/** All passages of one section joined, or undefined when the document or heading does not exist. */
export function sectionText(kb: KnowledgeBase, source: QuizSource): string | undefined {
  const chunks = kb.chunks.filter((c) => c.doc.path === source.doc && c.heading === source.section);
  return chunks.length ? chunks.map((c) => c.text).join('\n') : undefined;
}

export function checkSupport(q: SupportInput, section: string, minCoverage = MIN_COVERAGE): SupportResult {
  const problems: string[] = [];
  const haystack = normalizeForMatch(section);
  for (const e of q.evidence) {
    if (!haystack.includes(normalizeForMatch(e))) problems.push(`evidence not in section: "${e}"`);
  }
  const right = q.options[q.answer];
  if (right === undefined) problems.push(`answer index ${q.answer} has no option`);
  for (const term of missingTerms(`${right ?? ''}\n${q.explanation}`, section, q.lang)) problems.push(`term not in section: "${term}"`);
  if (negatesPassage(q.explanation, section, q.lang)) problems.push('explanation negates where the section never does');
  const cov = coverage(q.explanation, section);
  if (cov < minCoverage)
    problems.push(`explanation words found in section: ${(cov * 100).toFixed(0)}% < ${(minCoverage * 100).toFixed(0)}%`);
  return { ok: problems.length === 0, problems, coverage: cov };
}

/** The full check against a loaded knowledge base: section exists, then checkSupport. */
export function verifyQuestion(kb: KnowledgeBase, q: SupportInput & { source: QuizSource }): SupportResult {
  const text = sectionText(kb, q.source);
  if (text === undefined) return { ok: false, problems: [`section not found: ${q.source.doc} › ${q.source.section}`], coverage: 0 };
  return checkSupport(q, text);
}
