// Is a quiz question supported by the knowledge-base section it cites? A lexical check, shared by the
// bank test and the generated-question gate:
//  1. the cited section exists (document path + chunk heading);
//  2. every evidence phrase occurs in the section text;
//  3. every "hard" term of the right option and the explanation occurs in the section: numbers,
//     option names (--memory-swap, -c), dotted/slashed identifiers (cpu.max, /var/run/docker.sock),
//     inline code, upper-case acronyms (CFS, OOM) and, in Korean text, every Latin word (cgroups, runc);
//  4. most content words of the explanation (stems / particle-stripped Korean words) occur in the section.
// It cannot prove the explanation true: a sentence that rearranges the section's own words wrongly passes.
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { hangulBigrams, words } from '../knowledge/tokenize.js';
import type { Lang } from '../knowledge/types.js';
import type { QuizSource } from './bank.js';

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

/** Text normalised for substring matching: NFKC, lower case, no quotes/backticks, single spaces. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[`"'“”‘’*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** All passages of one section joined, or undefined when the document or heading does not exist. */
export function sectionText(kb: KnowledgeBase, source: QuizSource): string | undefined {
  const chunks = kb.chunks.filter((c) => c.doc.path === source.doc && c.heading === source.section);
  return chunks.length ? chunks.map((c) => c.text).join('\n') : undefined;
}

const FLAG = /(?:^|[\s(（,/:=])(--?[a-z][a-z0-9-]*[a-z0-9])/gi;
const SHORT_FLAG = /(?:^|[\s(（,/:=])(-[a-z])(?![a-z0-9-])/gi;
const NUMBER = /\d+(?:[.,]\d+)*/g;
const IDENT = /\/?[a-z0-9_]+(?:[._/][a-z0-9_]+)+/gi;
const CODE = /`([^`]+)`/g;
const ACRONYM = /(?<![A-Za-z])([A-Z][A-Z0-9]+)s?(?![A-Za-z])/g;
const LATIN_WORD = /[a-z][a-z0-9]+(?:-[a-z0-9]+)*/gi;

/** The terms of a text that must occur verbatim in the supporting section. */
export function hardTerms(text: string, lang: Lang): string[] {
  const out = new Set<string>();
  const add = (t: string) => {
    const n = normalizeForMatch(t);
    if (n) out.add(n);
  };
  for (const m of text.matchAll(CODE)) add(m[1]);
  const plain = text.replace(CODE, ' $1 ');
  for (const m of plain.matchAll(FLAG)) add(m[1]);
  for (const m of plain.matchAll(SHORT_FLAG)) add(m[1]);
  for (const m of plain.matchAll(IDENT)) {
    // Skip numbers (checked below) and abbreviations such as e.g. / i.e.
    if (/^[\d.,]+$/.test(m[0]) || m[0].split(/[._/]/).every((s) => s.length <= 1)) continue;
    add(m[0].replace(/[.,]+$/, ''));
  }
  for (const m of plain.matchAll(NUMBER)) add(m[0].replace(/[.,]+$/, ''));
  for (const m of plain.matchAll(ACRONYM)) add(m[1]);
  if (lang === 'ko') for (const m of plain.matchAll(LATIN_WORD)) add(m[0]);
  return [...out];
}

function containsTerm(haystack: string, term: string): boolean {
  if (/^[\d.,]+$/.test(term)) {
    // A number must not be part of a longer number (200 in 1200 does not count).
    return new RegExp(`(?<![\\d])${term.replace(/[.]/g, '\\.')}(?![\\d])`).test(haystack) || haystack.includes(term.replace(/,/g, ''));
  }
  return haystack.includes(term);
}

/** Share of content words of `text` that occur in `section`. */
export function coverage(text: string, section: string): number {
  const sectionWords = words(section);
  const keys = new Set(sectionWords.map((w) => w.key));
  const bigrams = new Set(sectionWords.filter((w) => w.script === 'hangul').flatMap((w) => hangulBigrams(w.key)));
  const flat = normalizeForMatch(section);
  const content = words(text).filter((w) => !w.isStop && w.key.length > 1);
  if (!content.length) return 1;
  let hit = 0;
  for (const w of content) {
    if (keys.has(w.key) || flat.includes(w.key)) hit++;
    else if (w.script === 'hangul') {
      const grams = hangulBigrams(w.key);
      if (grams.length && grams.filter((g) => bigrams.has(g)).length / grams.length >= 0.5) hit++;
    }
  }
  return hit / content.length;
}

export function checkSupport(q: SupportInput, section: string, minCoverage = MIN_COVERAGE): SupportResult {
  const problems: string[] = [];
  const haystack = normalizeForMatch(section);
  for (const e of q.evidence) {
    if (!haystack.includes(normalizeForMatch(e))) problems.push(`evidence not in section: "${e}"`);
  }
  const right = q.options[q.answer];
  if (right === undefined) problems.push(`answer index ${q.answer} has no option`);
  for (const term of hardTerms(`${right ?? ''}\n${q.explanation}`, q.lang)) {
    if (!containsTerm(haystack, term)) problems.push(`term not in section: "${term}"`);
  }
  const cov = coverage(q.explanation, section);
  if (cov < minCoverage) problems.push(`explanation words found in section: ${(cov * 100).toFixed(0)}% < ${(minCoverage * 100).toFixed(0)}%`);
  return { ok: problems.length === 0, problems, coverage: cov };
}

/** The full check against a loaded knowledge base: section exists, then checkSupport. */
export function verifyQuestion(kb: KnowledgeBase, q: SupportInput & { source: QuizSource }): SupportResult {
  const text = sectionText(kb, q.source);
  if (text === undefined) return { ok: false, problems: [`section not found: ${q.source.doc} › ${q.source.section}`], coverage: 0 };
  return checkSupport(q, text);
}
