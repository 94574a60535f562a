// What a passage's heading says it is: its terms, its subject, and the kinds of question it answers.
import { conceptsIn, GENERIC_CONCEPTS } from './glossary.js';
import { optionFamily, optionsNamedIn } from './option-names.js';
import type { PassageProfile } from './ranking.js';
import { TermDictionary, TermSet, type TermLookup } from './term-set.js';
import { textConcepts, words } from './tokenize.js';
import { boundedMemo } from '../text/bounded-memo.js';
import type { Chunk, Intent } from './types.js';

/** Heading cues for each intent: a heading that defines, compares, corrects a misconception … */
const HEADING_ANSWERS: [Intent, RegExp][] = [
  [
    'definition',
    /란$|이란|란[:\s]|역할|정의|개요|무엇|^-{1,2}[a-z]|\bwhat (?:is|are)\b|^what\b[^:]*\b(?:is|are|does)\b|\bwhat .+ does\b|\brole\b|overview|definition/i,
  ],
  ['compare', /차이|비교|대신|\bvs\.?\b|versus|differen|compar|rather than|instead of|한눈에|at a glance/i],
  ['howto', /방법|하는 법|설정|사용법|예시|예제|확인|명령|\bhow (?:to|do)\b|example|setting|usage|command|check/i],
  ['reason', /왜|이유|장점|목적|\bwhy\b|reason|benefit|purpose/i],
  ['yesno', /바로잡기|오해|아니다|않는다|없다|아니라|\bnot\b|\bno\b|misconception|myth|correct(?:ion|ing)|n't\b/i],
  ['troubleshoot', /137|oom|문제|원인|확인|해결|에러|오류|넘으면|초과|check|troubleshoot|error|fail|kill|exceed/i],
  ['summary', /개요|요약|정리|한눈에|overview|summary|at a glance/i],
];

export function headingAnswers(heading: string, hasCode: boolean): Set<Intent> {
  const out = new Set<Intent>(HEADING_ANSWERS.filter(([, re]) => re.test(heading)).map(([intent]) => intent));
  if (hasCode) out.add('howto');
  return out;
}

function termsOf(text: string): Set<string> {
  const set = new Set<string>();
  for (const w of words(text)) for (const t of w.terms) set.add(t);
  for (const c of textConcepts(text)) set.add(c);
  return set;
}

/** A heading's subject: its words before the first colon. Option names count whole (memory-swap is not memory); generic
 * concepts do not make a subject. */
function subjectOf(heading: string): Set<string>[] {
  return words(heading.split(/:\s/)[0])
    .filter((w) => !w.isStop && w.key.length >= 2)
    .map(
      (w) =>
        new Set(/[-_.]/.test(w.surface) ? [w.key] : [w.key, ...conceptsIn(w.surface).filter((c) => !GENERIC_CONCEPTS.has(c.slice(1)))]),
    );
}

/** A top-level section's parent subject: one shared empty list, not one per passage (10,000 passages in the bench). */
const NO_PARENT: Set<string>[] = [];
/** The subjects of a path of parent headings, shared by all the sections under them. */
const parentSubjectOf = boundedMemo(50_000, (path: string) => path.split('\n').flatMap(subjectOf));

/** `all`: the term numbers (in `dict`) of the passage's heading and text; `title`: its document title's terms. */
export function profileOf(chunk: Chunk, all: Int32Array, dict: TermDictionary, title: TermLookup): PassageProfile {
  const own = chunk.headingPath[chunk.headingPath.length - 1] ?? chunk.doc.title;
  const subject = subjectOf(own);
  const ownWords = words(own);
  return {
    all: TermSet.ofIds(dict, all),
    heading: TermSet.of(dict, termsOf(own)),
    title,
    headingExact: TermSet.of(
      dict,
      ownWords.map((w) => w.key),
    ),
    headingOptionParts: TermSet.of(
      dict,
      ownWords.flatMap((w) => (w.surface.includes('-') ? w.terms.filter((t) => t !== w.surface) : [])),
    ),
    headingOptions: [...new Set(optionsNamedIn(own, true).map(optionFamily))],
    answers: headingAnswers(own, chunk.code.length > 0),
    subject,
    // A section is about what its parent sections are about too ("137만으로 OOM이라고 단정할 수 없다" under "메모리 한도를 넘으면").
    parentSubject: chunk.headingPath.length > 1 ? parentSubjectOf(chunk.headingPath.slice(0, -1).join('\n')) : NO_PARENT,
    lang: chunk.doc.lang,
    ...(chunk.doc.everyday ? { everyday: true } : {}),
  };
}
