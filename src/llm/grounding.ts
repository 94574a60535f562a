// Is a text supported by a passage? One lexical check for everything a model writes (quiz questions,
// answer sentences) and for the quiz bank:
//  1. every "hard" term of the text occurs in the passage: numbers, option names (--memory-swap, -c),
//     dotted/slashed identifiers (cpu.max, /var/run/docker.sock, evil.example), inline code, upper-case
//     acronyms (CFS, OOM) and, in Korean text, every Latin word (cgroups, runc);
//  2. most content words of the text (stems / particle-stripped Korean words) occur in the passage;
//  3. the text does not negate (not, never, 않, 없 …) where the passage never does.
// It cannot prove the text true: a sentence that rearranges the passage's own words wrongly passes.
import { KO_COUNTERS } from '../knowledge/closed-class.js';
import { hangulBigrams, words } from '../knowledge/tokenize.js';
import type { Lang } from '../knowledge/types.js';

/** Text normalised for substring matching: NFKC, lower case, no quotes/backticks, single spaces. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[`"'“”‘’*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const FLAG = /(?:^|[\s(（,/:=])(--?[a-z][a-z0-9-]*[a-z0-9])/gi;
const SHORT_FLAG = /(?:^|[\s(（,/:=])(-[a-z])(?![a-z0-9-])/gi;
const NUMBER = /\d+(?:[.,]\d+)*/g;
/** A number with a Korean counter after it (3배, 10초): the counters of closed-class.ts, longest first. */
const COUNTED = new RegExp(String.raw`(\d+(?:\.\d+)?)\s?(${[...KO_COUNTERS].sort((a, b) => b.length - a.length).join('|')})`, 'g');
const IDENT = /\/?[a-z0-9_]+(?:[._/][a-z0-9_]+)+/gi;
const CODE = /`([^`]+)`/g;
const ACRONYM = /(?<![A-Za-z])([A-Z][A-Z0-9]+)s?(?![A-Za-z])/g;
const LATIN_WORD = /[a-z][a-z0-9]+(?:-[a-z0-9]+)*/gi;

/** The terms of a text that must occur verbatim in the supporting passage. */
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
  // A number with its Korean counter (3배, 10초) must appear with that counter: 3배 is not 3g.
  for (const m of plain.matchAll(COUNTED)) add(m[1] + m[2]);
  for (const m of plain.matchAll(ACRONYM)) add(m[1]);
  if (lang === 'ko') for (const m of plain.matchAll(LATIN_WORD)) add(m[0]);
  return [...out];
}

/** `term` (normalised) occurs in `haystack` (normalised); a number must not be part of a longer one. */
export function containsTerm(haystack: string, term: string): boolean {
  if (/^[\d.,]+$/.test(term)) {
    // A number stands whole: 5 is not in 512 or 1.5; 1024 is in 1,024 and the reverse; 50 is in 50000, the same
    // figure in a unit a thousand times smaller (50 ms as 50000 µs).
    const whole = (h: string, t: string) => new RegExp(`(?<![\\d.])${t.replace(/[.]/g, '\\.')}(?:000)*(?!\\d|\\.\\d)`).test(h);
    const plain = (h: string) => h.replace(/(?<=\d),(?=\d{3}(?!\d))/g, '');
    return whole(haystack, term) || whole(plain(haystack), plain(term));
  }
  return haystack.includes(term);
}

/** Share of content words of `text` that occur in `passage`. */
export function coverage(text: string, passage: string): number {
  const passageWords = words(passage);
  const keys = new Set(passageWords.map((w) => w.key));
  const bigrams = new Set(passageWords.filter((w) => w.script === 'hangul').flatMap((w) => hangulBigrams(w.key)));
  const flat = normalizeForMatch(passage);
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

/** Hard terms of `text` missing from `passage`. */
export function missingTerms(text: string, passage: string, lang: Lang): string[] {
  const haystack = normalizeForMatch(passage);
  return hardTerms(text, lang).filter((t) => !containsTerm(haystack, t));
}

const NEGATION: Record<Lang, RegExp> = {
  en: /\b(?:not|never|no|none|cannot|without)\b|n't\b/i,
  ko: /않|없|못|아니|말고/,
};

/** The text negates where the passage never does: it likely says the opposite of it. */
export function negatesPassage(text: string, passage: string, lang: Lang): boolean {
  return NEGATION[lang].test(text) && !NEGATION[lang].test(passage);
}
