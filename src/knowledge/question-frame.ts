// How a question is framed around what it asks: what the student rules out ("자원 말고"), and a question someone
// else asked, quoted inside a story ("interviewer asked 'is docker a vm?' …"), and the two things a comparison weighs.
import { GENERIC_CONCEPTS } from './glossary.js';
import { textConcepts, words } from './tokenize.js';
import type { QueryUnit } from './types.js';

/**
 * What the student rules out: the word before 말고 / 빼고 / 제외하고 ("stats 말고", "docker stats 말고"), before
 * "(문제는) 아닌 거 같은데" ("메모리 문제는 아닌거같은데", not asked: "메모리 문제 아닌거?"), after besides / other than / apart
 * from / except, or in
 * "not a X issue".
 */
const EXCLUDED = [
  // A clause made a noun ("자원 많이 먹는거 말고"): its words, up to two before the verb, are what is ruled out.
  /((?:[^\s,.?!]+\s){0,2}[가-힣]*(?:는|은|던|한|인|운|린)\s?(?:거|것))(?:은|는|이|가)?\s?(?:말고|빼고|제외하고)(?=\s|[,.?!]|$)(?!\s*[^\s,.?!]+?\s?도(?:\s|[,.?!]|$))/,
  // "A 말고 B도" adds B ("dockerd 말고 containerd도 떠있던데"): nothing is ruled out.
  /((?:[a-z][\w.-]*\s)?[^\s,.?!]+?)(?:은|는|이|가)?\s?(?:말고|빼고|제외하고)(?=\s|[,.?!]|$)(?!\s*[^\s,.?!]+?\s?도(?:\s|[,.?!]|$))/i,
  // Asked, not stated ("메모리 문제 아닌거?", "…아닌거임?"), it rules nothing out.
  /([^\s,.?!]+?)(?:은|는|이|가)?\s(?:문제(?:는|가)?\s?)?아닌\s?(?:거|것|듯)(?!\s*[?？]|임|야|냐|지|죠|니)/,
  /\b(?:besides|other than|apart from|except(?: for)?)\s+(?:the\s+|a\s+|an\s+)?(?:[a-z]+ing\s+)?((?:docker\s)?[\w-]+)/i,
  /\bnot\s+(?:a\s+|an\s+|the\s+)?([\w-]+)\s+(?:issue|problem)\b/i,
];
/**
 * A command or option ruled out is one the asker knows, and the answer is often its variant ("docker ps 말고 꺼진
 * 컨테이너까지" is docker ps -a; "--memory 말고 --memory-reservation은?" asks about the other option).
 */
const NAMES_COMMAND = /^(?:docker\s|-)/i;

/** What the question rules out, if anything: a topic, not a command or an option. */
export function excludedBy(text: string): string | undefined {
  for (const pattern of EXCLUDED) {
    const m = pattern.exec(text);
    if (m) return NAMES_COMMAND.test(m[1]) ? undefined : m[1];
  }
  return undefined;
}

/** A question in quotes ('is docker a vm?', "도커가 vm이냐"), ending as a question does. */
const QUOTED_QUESTION = /['"‘“「]([^'"’”」]{4,}?(?:[?？]|냐|니|까|나요|인가요?|임))\s*['"’”」]/;
/** Words that relay what someone else asked: "interviewer asked", "교수님이 물어봄", "질문 나왔는데". */
const RELAYS_ASKING = /\b(?:asked|asks|asking|quizzed)\b|물어|묻더|질문/i;

/**
 * A question someone else asked, quoted ("interviewer asked 'is docker a vm?' and i froze lol whats the right
 * answer"): the quoted question is what is asked, the story around it is premise.
 */
export function relayedQuestion(text: string): { premise: string; focus: string; questions?: string[] } | undefined {
  const quoted = QUOTED_QUESTION.exec(text);
  if (!quoted) return undefined;
  const story = text.replace(quoted[0], ' ').replace(/\s+/g, ' ').trim();
  return RELAYS_ASKING.test(story) ? { premise: story, focus: quoted[1].trim() } : undefined;
}

/** What joins two things compared: vs, versus, or, and; 랑, 이랑, 하고, 와, 과, 이고 glued to the first. */
const SIDE_JOINER = /\s(?:vs\.?|versus|or|and)\s|(?<=\S)(?:이랑|랑|하고|와|과|이고)\s/i;

/** The text before and after the joiner of a comparison ("--ulimit nproc vs --pids-limit", "137이랑 143"), if any. */
export function comparedSides(text: string): [string, string] | undefined {
  const m = SIDE_JOINER.exec(text);
  return m ? [text.slice(0, m.index), text.slice(m.index + m[0].length)] : undefined;
}

/** The notes' main axes, compared by whole documents (VM vs container, image vs container). */
const MAIN_AXES = new Set(['§vm', '§container', '§docker', '§image', '§hypervisor']);
/** Where a question's units are placed (QueryUnit.position): the question part from 0, its premise and pasted output after. */
export const PREMISE_POSITION = 10_000;
export const OUTPUT_POSITION = 20_000;

/** A unit that names a thing, not how it is asked: a concept beyond the generic ones, an option, a number, a known word. */
const namesThing = (u: QueryUnit) =>
  !u.predicate && !u.foreign && (u.concepts.some((c) => !GENERIC_CONCEPTS.has(c.slice(1))) || (!u.concepts.length && u.known));

/**
 * The two things a comparison weighs ("--ulimit nproc vs --pids-limit", "137이랑 143"): the last thing named before the
 * joiner and the first after it, each as its terms.
 */
export function comparedUnits(focus: string, units: QueryUnit[]): [string[], string[]] | undefined {
  const sides = comparedSides(focus);
  if (!sides) return undefined;
  // A side's words and the concepts its phrases name ("virtual machine").
  const [before, after] = sides.map((text) => new Set([...words(text).map((w) => w.key), ...textConcepts(text)]));
  const focusUnits = units.filter((u) => (u.position ?? 0) < PREMISE_POSITION && namesThing(u));
  // A word typed on the side names it before a concept only a phrase of it carries (--memory-reservation, not §memory).
  const typedFirst = (us: QueryUnit[]) => [...us.filter((u) => u.position !== undefined), ...us.filter((u) => u.position === undefined)];
  const a = typedFirst(focusUnits.filter((u) => before.has(u.key)).reverse())[0];
  const b = typedFirst(focusUnits.filter((u) => after.has(u.key) && !before.has(u.key)))[0];
  // VM vs container, image vs container: the notes' main axes, which whole documents compare.
  // A word on both sides ("docker images vs docker ps") is their setting, not a side.
  const onAxis = (side: Set<string>) =>
    focusUnits.some((u) => side.has(u.key) && !(before.has(u.key) && after.has(u.key)) && u.concepts.some((c) => MAIN_AXES.has(c)));
  if (onAxis(before) && onAxis(after)) return undefined;
  return a && b
    ? [
        [a.key, ...a.concepts],
        [b.key, ...b.concepts],
      ]
    : undefined;
}
