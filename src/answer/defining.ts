// Asked what a thing is, the sentence whose subject is that thing answers it: "uts namespace는 호스트 이름을
// 격리한다" for "uts 네임스페이스 뭐 격리하는거임", not the key point listing all eight namespaces.
import { wordConcepts } from '../knowledge/glossary.js';
import { tokenize, words } from '../knowledge/tokenize.js';
import type { Sentence } from './candidates.js';

/** The thing asked about: the words before 란/이란/정의/뜻/뭐야/뭐하는…, after "what is"/"define", in "what does X do", before "stands for". */
const ASKED_THING = [
  /^(?:so\s+|ok\s+|and\s+)?(?:what(?:'s|s| is| are)|define|definition of|meaning of)\s+(?:an?\s+|the\s+)?([^,?.!(]+)/i,
  /^(?:so\s+|ok\s+|and\s+)?what (?:does|do)\s+(?:an?\s+|the\s+)?([^,?.!(]+?)\s+(?:actually\s+|even\s+|really\s+)?do\b/i,
  /^([^,?.!(]+?)\s+(?:stands? for|means?)\b/i,
  /^([^,?.!(]+?)\s*(?:\(이\)란|이란|란\s|란$|의?\s?정의|의?\s?뜻|(?:이|가|은|는)?\s*(?:뭐야|뭐임|머임|머야|뭔데|뭐예요|무엇|[뭐머]\s?하는|[뭐머]함|하는\s?일))/,
];

const TWO_THINGS = /\s(?:하고|그리고|랑|and|or|vs\.?|&|\/)\s|[,+&]|[가-힣a-z0-9](?:와|과|랑|이랑|하고)\s/i;
/** The sources after the best one whose sentences may define the thing when the best one's do not. */
const DEFINING_SOURCES = 2;
/** At most this many words make a thing asked about; longer, the question says more than a name. */
const MAX_THING_WORDS = 3;

/** Each word of the thing asked about, as the forms that name it (its key and its glossary concepts). */
export function askedThing(query: string): string[][] | undefined {
  const text = query.trim();
  for (const re of ASKED_THING) {
    const m = re.exec(text);
    if (!m) continue;
    // Two things ("namespace 하고 cgroup", "image and container") are two definitions, not one thing.
    if (TWO_THINGS.test(m[1])) return undefined;
    const named = words(m[1]).filter((w) => !w.isStop);
    if (!named.length || named.length > MAX_THING_WORDS) return undefined;
    return named.map((w) => [w.key, ...wordConcepts(w.surface)]);
  }
  return undefined;
}

/** A Korean sentence's subject ends at its first topic or subject particle ("uts namespace는 …", "게스트 OS가 …"). */
const KOREAN_SUBJECT = /^(.{1,60}?)(?:은|는|이란|란|이|가)\s/;
/** A word with a case ending (에, 와, 를 …) is no part of a subject: "--memory-swap에 … 같은" is not one. */
const CASE_ENDING = /\S(?:에|에서|와|를|을|로|으로|랑|하고|보다)$/;

const unglossed = (text: string) => text.replace(/\([^)]*\)/g, '');
const namesAll = (opening: Set<string>, thing: string[][]) => thing.every((forms) => forms.some((f) => opening.has(f)));

/**
 * The sentence's subject is the thing: a Korean sentence's words before its first topic or subject particle, at most
 * one beside the thing's (a gloss in brackets does not count against that, and its words name the thing too); an
 * English sentence's first words, one more than the thing has, stop words aside.
 */
export function hasSubject(text: string, thing: string[][]): boolean {
  const lead = text.replace(/^(?:the|an?|each)\s+/i, '');
  if (/[가-힣]/.test(lead)) {
    const subject = KOREAN_SUBJECT.exec(lead)?.[1];
    if (subject === undefined) return false;
    const named = unglossed(subject).split(/\s+/).filter(Boolean);
    if (!named.length || named.length > thing.length + 1 || named.some((w) => CASE_ENDING.test(w))) return false;
    return namesAll(new Set(tokenize(subject)), thing);
  }
  const first = words(unglossed(lead))
    .filter((w) => !w.isStop)
    .slice(0, thing.length + 1);
  return namesAll(new Set(tokenize(first.map((w) => w.surface).join(' '))), thing);
}

/**
 * Each word of the thing stands among the text's first four words by its own form, not a concept it shares (a key
 * point opening "--pids-limit을 걸면" is not about a fork bomb, though both name the pids concept); a gloss counts.
 */
export function namesEarly(text: string, thing: string[][]): boolean {
  const early = new Set(
    words(text)
      .filter((w) => !w.isStop)
      .slice(0, 4)
      .flatMap((w) => w.terms),
  );
  return thing.every((forms) => early.has(forms[0]));
}

/**
 * The sentence whose subject is the thing asked about, unless the best section's key point names the thing first: the best
 * section's, else one of the next DEFINING_SOURCES'; within a source, the one with most of the question, the earliest first.
 */
export function definingSentence(query: string, candidates: Sentence[], keyPoint: string | undefined): Sentence | undefined {
  const thing = askedThing(query);
  if (!thing || !keyPoint || namesEarly(keyPoint, thing)) return undefined;
  return candidates
    .filter((s) => s.source <= DEFINING_SOURCES && hasSubject(s.text, thing))
    .sort((a, b) => a.source - b.source || b.overlap - a.overlap || a.position - b.position)[0];
}
