// Check lists and corrections: whether a yes/no question states a claim the notes check (and what to say after
// "Yes."/"No."), and whether a question is about what a correction (바로잡기) rebuts.
import { DOCKER_SUBCOMMANDS, EN_STOP, KO_STOP } from '../knowledge/closed-class.js';
import { conceptsIn, GENERIC_CONCEPTS } from '../knowledge/glossary.js';
import { optionsIn, optionsNamedIn, SHORT_OPTIONS } from '../knowledge/option-names.js';
import { askedOverlap, claimTerms, weightOf } from './overlap.js';
import { isConcept, isCounter, isHangulBigram, tokenize } from '../knowledge/tokenize.js';
import type { Chunk, Claim, Lang, SearchHit, SearchResult } from '../knowledge/types.js';

/** A correction's "No — …" answers a yes/no question; for any other question the correction itself leads. */
export const NO_OPENING = /^(?:no|아니다|아니요)\s*[—–:,-]+\s*/i;

/** A question names what a correction's heading rebuts with this many of its words. */
const HEADING_WORDS_NAMED = 2;

export const isCorrection = (chunk: Chunk) => !!chunk.keyPoint && NO_OPENING.test(chunk.keyPoint);

/** The text without a leading "No —" / "아니다 —", capitalised where one was removed. */
const withoutNo = (text: string) => {
  const rest = text.replace(NO_OPENING, '');
  return rest === text ? text : rest.charAt(0).toUpperCase() + rest.slice(1);
};

/** The share of some terms' weight found among `among` (0..1; terms have no Hangul bigrams, so each weighs ≥ 1). */
const shareIn = (terms: Iterable<string>, among: Set<string>) => askedOverlap(terms, among) / Math.max(1, weightOf(terms));

/**
 * Whether the question is about what a correction rebuts: it states one of its false claims (as a yes/no verdict
 * would need it), or names two words of its heading ("137 alone does not prove OOM" for "137 but OOMKilled false"),
 * a word and its glossary concept counting once.
 */
export const namesTheClaim = (asked: Set<string>, chunk: Chunk) => {
  const words = [...new Set(tokenize(chunk.heading))].filter((t) => !isConcept(t) && !isHangulBigram(t) && asked.has(t));
  if (words.length >= HEADING_WORDS_NAMED) return true;
  return (chunk.claims ?? []).filter((c) => !c.truth).some((c) => shareIn(claimTerms(c.text), asked) >= CLAIM_MATCH);
};

/**
 * A correction ("바로잡기: …") whose claim the question does not state would rebut what nobody said: when the
 * section it corrects was found too, that section leads.
 */
export function correctionsLast(result: SearchResult, used: SearchHit[]): SearchHit[] {
  const [first] = used;
  if (!first || !isCorrection(first.chunk) || namesTheClaim(new Set(result.terms), first.chunk)) return used;
  const parentPath = first.chunk.headingPath.slice(0, -1).join('\n');
  const parent = used.find((h) => h.chunk.doc.path === first.chunk.doc.path && h.chunk.headingPath.join('\n') === parentPath);
  return parent ? [parent, ...used.filter((h) => h !== parent)] : used;
}

/** A section's key point as a lead: a correction's own "No —" is no verdict (only a checked claim gives one). */
export const leadFor = (chunk: Chunk): string | undefined => chunk.keyPoint && withoutNo(chunk.keyPoint);

/**
 * The things claims are about. A question naming one the claim does not ("VMs share the host kernel like
 * containers, right?" against "all containers share one host kernel") asks about something else.
 */
const SUBJECTS = new Set([
  '§vm',
  '§container',
  '§image',
  '§layer',
  '§hypervisor',
  '§guest-os',
  '§host',
  '§kernel',
  '§daemon',
  '§client',
  '§namespace',
  '§cgroup',
]);

/** The Dockerfile instructions among some terms: RUN, COPY … (dockerfile-run) and CMD, ENTRYPOINT. */
const instructionsIn = (terms: Iterable<string>) =>
  [...terms].filter((t) => t.startsWith('dockerfile-') || t === 'cmd' || t === 'entrypoint');

/** The docker commands a text names ("docker run …", "docker exec …"). */
const DOCKER_COMMAND = new RegExp(`\\bdocker\\s+(${[...DOCKER_SUBCOMMANDS].join('|')})\\b`, 'gi');
const commandsIn = (text: string) => new Set([...text.matchAll(DOCKER_COMMAND)].map((m) => m[1].toLowerCase()));

/** The question names the option, with or without its dashes, its parts spaced or joined (memory swap, memoryswap). */
export const namesOption = (question: string, option: string) =>
  // Not inside a longer option name: --memory-reservation does not name --memory.
  new RegExp(`(?<![a-z]|[a-z]-)${option.split('-').join('[\\s_-]?')}(?![a-z]|-[a-z])`, 'i').test(question) ||
  // A one-word option is named by its concept too (메모리 상한 names --memory), unless the question names its options
  // itself (--cpu-shares is not --cpus).
  (!option.includes('-') && optionsIn(question).length === 0 && conceptsIn(option).some((c) => conceptsIn(question).includes(c)));

/** A figure of this many digits is precise (209715200, 200,000,000), not an example's count. */
const PRECISE_DIGITS = 4;
/** A number of this many digits is a setting the student states (512, 1024), not a count of cores or a ratio. */
const EXACT_DIGITS = 3;

const digitsOf = (n: string) => n.replace('.', '').length;

/** The numbers a text states, whole (2.5, not 2 and 5). */
const numbersIn = (text: string): string[] => (text.match(/\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?/g) ?? []).map((n) => n.replace(/,/g, ''));

/**
 * Numbers that name one of a kind rather than count: type 1, cgroup v2, exit code 137, ring 0, 타입 2. A word (not an
 * option, whose number is a value) directly before the number, and no unit after it.
 */
const IDENTIFIER =
  /(?<![\w가-힣-])(?<!--[a-z-]*\s?)([a-z]+|[가-힣]+)\s?(\d+)(?!\d|[.:,]\d|\s?(?:[kmgb%]|mb|gb|kb|cores?|ms)\b)(?:\s?([가-힣]+))?/gi;
const HEADS_WITH_V = /^v$/i;
/** The identifiers a text states, by the word they follow (type → {1}); "v1"/"v2" count under "v". */
export const identifiersIn = (text: string): Map<string, Set<string>> => {
  const byHead = new Map<string, Set<string>>();
  for (const [, word, number, after] of text.matchAll(IDENTIFIER)) {
    // A counter after it makes it a count (컨테이너 10개, 2배).
    if (after && isCounter(after)) continue;
    const head = HEADS_WITH_V.test(word) ? 'v' : word.toLowerCase();
    // A lone letter other than v multiplies or abbreviates (x10, 2x): no kind.
    if (EN_STOP.has(head) || KO_STOP.has(head) || (head.length === 1 && head !== 'v')) continue;
    byHead.set(head, (byHead.get(head) ?? new Set()).add(number));
  }
  return byHead;
};
/** The claim names another one of a kind than the question does (type 2 for "type 1 right?", v1 for "on v2?"). */
const otherIdentifier = (claim: string, question: string) => {
  const asked = identifiersIn(question);
  return [...identifiersIn(claim)].some(([head, numbers]) => {
    const own = asked.get(head);
    return !!own && ![...numbers].some((n) => own.has(n));
  });
};

/** Two options named as a list: "--memory and --cpus", "`--memory`나 `--cpus`", "--memory, --cpus". */
const OPTION_LIST = /--[a-z][\w-]*`?\s*(?:and|or|,|와|과|이나|나|랑|하고)\s*`?--[a-z]/i;

/** The claim must have at least this share of its words (by weight) in the question. */
const CLAIM_MATCH = 0.55;
/** The claim must also cover this share of the question's words (by weight). */
const QUESTION_MATCH = 0.4;
/** And it must beat every claim of the opposite answer by this much, or no yes/no is said. */
const CLAIM_MARGIN = 0.15;

/**
 * The checked claim the question states, if one clearly does: its source and whether it is true. `focus` is the
 * question part's terms: the claim must be about what it asks ("컨테끼리 커널 같이 쓴다며, 그럼 격리는 안되는거
 * 아님?" does not ask whether containers share the kernel), while the premise may state the claim's setting.
 */
export function matchedClaim(
  used: SearchHit[],
  asked: Set<string>,
  focus = asked,
  question = '',
): { source: number; claim: Claim } | undefined {
  const subjects = [...focus].filter((t) => SUBJECTS.has(t));
  const askedInstructions = instructionsIn(focus);
  const topics = [...focus].filter((t) => isConcept(t) && !GENERIC_CONCEPTS.has(t.slice(1)));
  const numbers = numbersIn(question);
  const commands = commandsIn(question);
  const questionOptions = optionsIn(question);
  const scored = used.flatMap((h, source) =>
    (h.chunk.claims ?? []).flatMap((claim) => {
      const terms = claimTerms(claim.text);
      // A claim about something else than what the question names cannot answer it (see SUBJECTS), nor one about
      // another docker command ("docker exec opens a shell" does not answer "does docker run …?").
      const own = commandsIn(claim.text);
      const otherCommand = commands.size > 0 && own.size > 0 && ![...own].some((c) => commands.has(c));
      // Nor one about some Dockerfile instructions that leaves out one the question names ("RUN이랑 CMD 둘다 실행하는거
      // 아님?" is no claim about CMD lines alone); a claim naming none ("every line makes a layer") may still answer.
      const otherInstruction = instructionsIn(terms).length > 0 && askedInstructions.some((t) => !terms.has(t));
      // Nor one about an option the question never names, in any spelling (--memory-swap for "--memory but not swap").
      // A false claim about options listed together ("--memory and --cpus alone stop a fork bomb") is false of each
      // of them alone too, so it answers a question naming one of them.
      const options = optionsIn(claim.text);
      const listedFalse = !claim.truth && OPTION_LIST.test(claim.text) && options.some((o) => namesOption(question, o));
      const otherOption = !listedFalse && options.some((o) => !namesOption(question, o));
      // A "Yes" must also be about every VM/Docker thing the question names: "--cpus 1.5 … like pinned?" names
      // pinning (--cpuset-cpus), which "--cpus=1.5 gives one and a half cores' worth" does not affirm.
      // Nor about other numbers than the question's ("2048이면 …?" is not affirmed by "the default is 1024").
      const stated = numbersIn(claim.text);
      // Nor a claim stating numbers that leaves out a precise one the question states ("1024면 512보다 2배 빠름?" is
      // not affirmed by "the default is 1024").
      const otherNumbers =
        stated.length > 0 &&
        (!numbers.some((n) => stated.includes(n)) || numbers.some((n) => digitsOf(n) >= EXACT_DIGITS && !stated.includes(n)));
      // A "No" rebuts only a claim the question states, its precise figures included: "200m is 200,000,000 bytes"
      // is not what "m이 메가임?" says (an example's small numbers, 2 cores or 10 containers, stand for any).
      const unstated = !claim.truth && stated.some((n) => digitsOf(n) >= PRECISE_DIGITS && !numbers.includes(n));
      // Nor about fewer options than the question names: "a fork bomb can take down the host" says nothing of one
      // under --pids-limit 50.
      const fewerOptions = questionOptions.some((o) => !options.includes(o));
      const unaffirmed = (claim.truth && (topics.some((t) => !terms.has(t)) || otherNumbers || fewerOptions)) || unstated;
      // It still stands against the opposite answer: only its own "Yes" is not said.
      return subjects.every((t) => terms.has(t)) &&
        !otherCommand &&
        !otherOption &&
        !otherInstruction &&
        !otherIdentifier(claim.text, question)
        ? [{ source, claim, terms, share: shareIn(terms, asked), unaffirmed }]
        : [];
    }),
  );
  scored.sort((a, b) => b.share - a.share || a.source - b.source);
  // And the claim must be most of what the question part asks: "can I change a running container's limit?" is not "a
  // container without --memory has a limit", though it names all that claim's words. A premise's words do not count
  // ("…? gonna run untrusted customer code" still asks whether containers isolate as VMs do).
  const coverOf = (claim: Set<string>) =>
    shareIn(
      [...focus].filter((t) => !isHangulBigram(t)),
      claim,
    );
  // Claims about one thing share most words: the opposite claim is told apart by the words only it has.
  const distinct = (a: Set<string>, b: Set<string>) =>
    shareIn(
      [...a].filter((t) => !b.has(t)),
      asked,
    );
  const answers = (c: (typeof scored)[number]) =>
    !c.unaffirmed &&
    c.share >= CLAIM_MATCH &&
    coverOf(c.terms) >= QUESTION_MATCH &&
    scored
      .filter((s) => s.claim.truth !== c.claim.truth && s.share >= c.share - CLAIM_MARGIN)
      .every((r) => distinct(c.terms, r.terms) - distinct(r.terms, c.terms) >= CLAIM_MARGIN);
  // The best-matching claim, or else an opposite one close behind that the words only it has tell apart
  // ("지우고 다시 띄워야 돼?" is "you must remove and re-run it", not the shorter "it can change without a restart").
  // A best match that cannot be said (unaffirmed) gives way to a claim that says clearly more of the question part
  // ("1024면 512보다 무조건 2배?" is not "the default is 1024" but "1024 always gets 2x"); it still stands against the
  // opposite answer.
  const first = scored[0];
  if (!first) return undefined;
  const top = first.unaffirmed
    ? (scored.find((c) => !c.unaffirmed && coverOf(c.terms) >= coverOf(first.terms) + CLAIM_MARGIN) ?? first)
    : first;
  if (answers(top)) return top;
  return scored.find((c) => c.claim.truth !== top.claim.truth && c.share >= top.share - CLAIM_MARGIN && answers(c));
}

/** Asked whether two things are the same ("같은거임?", "same thing?", "is X the same as Y"). */
const ASKS_SAME =
  /(?:똑\s?)?같은\s?(?:거|것|건|기능|옵션|명령)(?:임|야|인가|이야|냐|예요|에요|인거)?\s*(?:\?|$)|동일한\s?(?:거|것)|\b(?:the )?same (?:thing|command|flag|option)\b|\bsame as\b|\bidentical\b/i;
/** Setting one value the same as another ("set it the same as --memory", "같은 값으로 줘도 됨?") asks about values, not names. */
const SAME_VALUE =
  /\b(?:set|give|make|put|use)\b[^.?!]{0,24}\bsame\b|\bsame (?:value|number|size|amount|limit)\b|같은\s?(?:값|숫자|크기|용량)|똑같이\s?(?:주|설정|걸|맞)/i;
/** The Korean topic particle each short flag's spoken name takes (씨는, 엠은), with its long name. */
export const SHORT_FLAGS: Record<string, { long: string; particle: string }> = {
  '-c': { long: SHORT_OPTIONS['-c'], particle: '는' },
  '-m': { long: SHORT_OPTIONS['-m'], particle: '은' },
};
/** The options (short flags as their long names) and docker commands a text names, with how many times. */
const namedFlagsAndCommands = (text: string) => {
  const named = [...optionsNamedIn(text), ...[...commandsIn(text)].map((c) => `docker ${c}`)];
  return { distinct: new Set(named).size, mentions: named.length };
};

/**
 * Asked whether flags or docker commands are the same: two different ones are not ("--cpus랑 -c 같은거임?", "docker
 * stats vs docker ps same thing?"), a short flag and its long name are ("-c랑 --cpu-shares 같은거임?"), whatever the
 * check list's nearest claim says.
 */
export function sameThingAsked(question: string): boolean | undefined {
  if (!ASKS_SAME.test(question) || SAME_VALUE.test(question)) return undefined;
  const { distinct, mentions } = namedFlagsAndCommands(question);
  return distinct >= 2 ? false : distinct === 1 && mentions === 2 ? true : undefined;
}

/** "Without" turns a claim around: "can I raise it without recreating?" asks the opposite of "you must recreate it". */
const WITHOUT = /\b(?:without|w\/o)\b|(?<!상관|관계)없이|안\s?하고|않고/i;
/**
 * Asking whether something is needed (must, have to, 해야, 만들어야 됨, 필요) or whether one thing alone will do (cli만으론
 * 안됨?, 혼자서는 못함?, on its own).
 */
const ASKS_NEEDED =
  /\b(?:must|ha(?:ve|s) to|needs? to|need|required?|alone)\b|\bon (?:its|their) own\b|\bby (?:itself|themselves)\b|[가-힣]야\s?(?:됨|돼|되|함|하|해|지|만|할|겠)|필요|만으로|만으론|혼자/i;
/** A claim negating itself ("…할 일이 없다") is no plain statement for a "without" question to turn around. */
const NEGATES = /없(?!이)|않|못|\b(?:not|never|no|nothing|none|nobody|cannot|can't|doesn't|don't|isn't|won't)\b/i;
/**
 * Whether something works or fails: "--memory 4m should be fine?" asks the opposite of "4m fails with an error",
 * with the same words.
 */
const WORKS = /\b(?:fine|ok(?:ay)?|works?|allowed|accepted|valid)\b|괜찮|(?<!안\s?)먹[힘혀히]|문제\s?없/i;
const FAILS = /\b(?:fail(?:s|ed)?|errors?|reject(?:s|ed)?|refuse[sd]?|invalid)\b|에러|오류|거부|실패/i;
const onlyOne = (a: RegExp, b: RegExp, text: string) => a.test(text) && !b.test(text);
const opposite = (question: string, claim: string) =>
  (onlyOne(WORKS, FAILS, question) && onlyOne(FAILS, WORKS, claim)) || (onlyOne(FAILS, WORKS, question) && onlyOne(WORKS, FAILS, claim));

/**
 * The claim as the question states it: true or false the other way round when only one of them says "without" (of a
 * claim that does not negate itself), or when one says it works and the other that it fails.
 */
export const asStated = (question: string, claim: Claim): Claim => {
  // Only the claim saying "without" is turned round by a question that asks whether the thing is needed ("재시작해야
  // 됨?" against "재시작 없이 바뀐다"); "FROM RUN COPY 순서 아무렇게나 써도 됨?" asks nothing of the kind.
  const saysWithout = WITHOUT.test(question) ? !WITHOUT.test(claim.text) : WITHOUT.test(claim.text) && ASKS_NEEDED.test(question);
  const without = saysWithout && !NEGATES.test(claim.text.replace(WITHOUT, ' '));
  return without !== opposite(question, claim.text) ? { ...claim, truth: !claim.truth } : claim;
};

/**
 * A question offering a choice ("is that 200 MB or MiB", "… or is it just a frontend", "cli가 돌리는거임 아니면
 * 데몬임?"): a bare yes or no would not say which. "…, or not?" and "… or nah" still ask yes or no, and so does an "or"
 * inside a condition ("if one vm crashes or gets pwned does it drag the others down").
 */
/** A question word or a filler: not one of the things offered ("뭐임? 버그임?", "죽음? 왜?"). */
const NOT_AN_OPTION = String.raw`(?:뭐|머|뭔|왜|어케|어떻|어캐|무슨|what|why|how|which|진짜|정말|ㄹㅇ|ㅇㅇ)`;
export const OFFERS_CHOICE = new RegExp(
  String.raw`\bor (?:is|are|does|do|did|was|were|can|should|will|would|am)\b|\bor\s+(?!(?:not|nah|no|nope|what|smth|something|anything)\b)(?:\S+\s+){0,3}\S+?\s*(?:(?:lol|lmao|\?+)?\s*$|\?)|아니면|혹은|또는|(?<![가-힣])아님\s+(?=[^\s?ㅋㅎㅠ])|(?:^|\s)(?!${NOT_AN_OPTION})\S{0,11}[가-힣a-z0-9](?:임|이야|야|인가)\s+(?!${NOT_AN_OPTION})\S{1,12}(?:임|이야|야|인가)\s*\?*\s*$|(?:타입|type|유형|형)\s?몇|\bwhich type\b`,
  'i',
);

/** The verdict word a verdict lead opens with ("No. …", "아니요. …"). */
export const VERDICT_WORD = /^(?:Yes|No|네|아니요)\.(?=\s)/;

/**
 * "네." or "아니요." and the section's key point, which states what is true; asked to choose, the key point alone.
 */
export function verdictLead(lang: Lang, claim: Claim, chunk: Chunk, question = ''): string {
  const reason = withoutNo(claim.reason ?? chunk.keyPoint ?? claim.text);
  // Asked to choose, what is true says which: a true claim itself, then its reason; a false one's reason.
  if (OFFERS_CHOICE.test(question)) return claim.truth && claim.reason ? `${claim.text} ${reason}` : reason;
  const word = claim.truth ? (lang === 'ko' ? '네.' : 'Yes.') : lang === 'ko' ? '아니요.' : 'No.';
  // "No — the engine does not …" becomes "No. The engine does not …"; a command opening stays as written.
  return `${word} ${reason}`;
}
