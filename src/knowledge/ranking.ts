// The ranking model, on one page. Candidates come from BM25F over heading and text (inverted-index.ts);
// each candidate passage p is scored against the question's weighted units u (query.ts):
//
//   score(p) = [ coverageWeight·cov(p) + headingWeight·head(p) + bm25Weight·bm25(p)/bm25(best) + proximityWeight·prox(p)
//                + askedWeight·asked(p) ]
//              × (1 + sameLanguageBoost·[p is in the question's language])
//              × (1 + intentBoost·[p's heading answers the question's intent])
//              × (1 + sidesBoost·sides(p))
//              × (1 + simpleBoost·[the question asks it simply (eli5, 쉽게, 비유) and p explains in everyday pictures])
//              × (1 − everydayPenalty·[the question does not ask simply and p explains in everyday pictures])
//              × (1 − exclusionPenalty·[a heading subject of p's path names what the student ruled out: "자원 말고", "besides X"])
//              × (1 − otherSidePenalty·[p's heading is about VMs only and the question about containers only, or the reverse])
//              × (1 − otherOptionPenalty·[the question names options and p's heading names options of other families only])
//              + subjectWeight·subject(p)
//
//   cov(p)     share of the question's unit weight that p's heading and text cover (a unit is covered by its
//              word, or a glossary concept it names; by half or more of its Hangul bigrams at bigramCredit ×
//              the share)
//   head(p)    the same share, covered by p's own heading only (a word met there only as a synonym counts
//              synonymHeadingCredit, only inside a longer option name optionPartCredit, only in the document
//              title titleHeadingCredit)
//   asked(p)   the largest share of the question's weight that one line of p's section's "Asked as" list covers
//              (document expansion: how students word a question this section answers; asked.ts)
//   prox(p)    share of the question's near word pairs that stand near each other in p too (proximity.ts)
//   sides(p)   for a comparison ("--ulimit nproc vs --pids-limit", "137이랑 143"), how well p names both things
//              compared: each side counts 1 in p's heading, ½ in its text only; 0 unless p names both
//   subject(p) for a definition or compare question, the share of the heading's subject (its
//              words before the first colon) that the question names: "컨테이너란" for "컨테이너가 뭐야", not
//              "컨테이너 엔진의 역할"
//
// The question is answered when the best passage's cov reaches the abstain bar (ABSTAIN_MIN_SCORE), lowered
// in proportion for long on-topic questions (more than longQuestionWords words outside the glossary), or when
// the question is on-topic and names coveredTopicsMin different VM/Docker things, all of them in that passage. A
// question with no VM/Docker concept needs the bar plus offTopicMargin, and a passage whose heading shares
// some of it (head > 0): a passage about what it asks, not one that mentions its word in passing (Python as
// an example); and none of its words may be foreign to the knowledge base ("깃허브 fork랑 clone" is about
// git, though fork() and clone() are in the fork-bomb passage). Junk and greetings are never answered.
import { GENERIC_CONCEPTS } from './glossary.js';
import { isConcept, isHangulBigram } from './tokenize.js';
import type { QueryUnit } from './types.js';
import type { TermLookup } from './term-set.js';
import type { Intent } from './types.js';

export interface RankingParams {
  /** BM25F candidates that are re-ranked. */
  candidates: number;
  /** BM25F query-term boosts: a glossary concept, a Hangul bigram (partial-word evidence). */
  conceptTermBoost: number;
  bigramTermBoost: number;
  /** Weights of the three relevance features (they sum to 1). */
  coverageWeight: number;
  headingWeight: number;
  bm25Weight: number;
  /** Weight of the asked-as match: the share of the question one of the section's "Asked as" lines covers (asked.ts). */
  askedWeight: number;
  /** The asked-as match counts both ways (F1 of the question's share covered and the line's share said), not only the first. */
  askedPrecision: boolean;
  /** The passages of the `askedCandidateSections` sections whose asked-as match reaches this are candidates too. */
  askedCandidateMin: number;
  askedCandidateSections: number;
  /** Weight of term proximity: near question words that stand near each other in the passage too (proximity.ts). */
  proximityWeight: number;
  /** Question words at most this many words apart form a pair; passage words at most `proximityWindow` apart match it. */
  proximitySpan: number;
  proximityWindow: number;
  /** How many of the best candidates get the proximity feature (it reads each passage's words). */
  proximityCandidates: number;
  /** Credit for a Hangul word met by half or more of its bigrams (compounds, spacing, typos). */
  bigramCredit: number;
  /** Credit for a heading that has a question word only as a synonym or inside another option name. */
  synonymHeadingCredit: number;
  /** Credit for a heading that has a question word only inside a longer option name (kernel in --kernel-memory). */
  optionPartCredit: number;
  /** Credit for a question word met in the heading's document title rather than the heading itself. */
  titleHeadingCredit: number;
  /** Multiplier bonus for a passage in the question's language. */
  sameLanguageBoost: number;
  /** Multiplier bonus for a heading that answers the intent (defines for "what is", compares for "vs" …). */
  intentBoost: number;
  /** Multiplier bonus for a passage that names both things a comparison weighs (see sides(p) above). */
  sidesBoost: number;
  /** Multiplier bonus for an everyday-pictures passage (front matter `everyday: true`) when the question asks simply. */
  simpleBoost: number;
  /** Multiplier penalty for an everyday-pictures passage when the question does not ask simply: a picture answers no technical question. */
  everydayPenalty: number;
  /** Additive bonus by the share of the heading's subject the question names. */
  subjectWeight: number;
  /** Multiplier penalty for a passage whose heading's subject is what the student ruled out ("stats 말고", "besides X"). */
  exclusionPenalty: number;
  /**
   * Multiplier penalty for a passage whose heading is about the other of the two things the notes set side by side (a
   * VM-only heading for a question part that names containers and no VM, and the reverse): "게스트 OS가 컨테이너에도
   * 필요함?" is about containers, not about the VM drawback that shares its words.
   */
  otherSidePenalty: number;
  /** Multiplier penalty for a passage whose heading names options, none of them of a family the question names. */
  otherOptionPenalty: number;
  /** Weight of premise words ("VM은 하드웨어를 나눠 쓴다던데, …") relative to the question part. */
  premiseWeight: number;
  /** Weight of candidates recalled after the question ("…뭐였지 docker top이었나 docker inspect였나"): guesses, often wrong. */
  guessWeight: number;
  /**
   * Weight of pasted output's words (a docker stats table above the question) relative to the question part: none,
   * since a table's column names name every column's section (0.1 still let NET I/O lead "CPU % over 100?").
   */
  outputWeight: number;
  /** Floor of the chatter cap: in an on-topic question, a non-glossary word weighs at most max(this, rarest concept). */
  chatterCapMin: number;
  /** A word the knowledge base never uses weighs up to this many chatter caps (counts against the match). */
  unknownWordFactor: number;
  /** Weight of a number in an on-topic question (--cpus 0.5: the value, not what to look up). */
  numberWeight: number;
  /** A number that some section's heading names (exit code 143) weighs as a word, not as the student's value. */
  headingNumbers: boolean;
  /** A Korean verb form the knowledge base never uses weighs this share of an unknown word. */
  koreanPredicateFactor: number;
  /** Extra coverage a question with no VM/Docker concept needs before it is answered. */
  offTopicMargin: number;
  /**
   * Such a question is declined when more than this share of its weight is words the notes never use ("ship a 20ft
   * container"); a stray one ("every rebuild reruns npm install, takes forever") does not decline it.
   */
  offTopicForeignShare: number;
  /**
   * An on-topic question naming at least this many different VM/Docker things (concepts, docker commands), all of
   * them in the best passage, is answered from it whatever its coverage: the rest is chatter and unknown wording.
   */
  coveredTopicsMin: number;
  /** Words outside the glossary beyond which an on-topic question's bar is lowered in proportion. */
  longQuestionWords: number;
  /** Correct misspelt words against the corpus vocabulary (English letters, Korean jamo). */
  spelling: boolean;
  /** Match glossary concepts (VM ~ 가상머신 ~ virtual machine). */
  glossary: boolean;
}

export const DEFAULT_RANKING: RankingParams = {
  candidates: 80,
  conceptTermBoost: 1.3,
  bigramTermBoost: 0.45,
  coverageWeight: 0.4,
  headingWeight: 0.4,
  bm25Weight: 0.2,
  proximityWeight: 0.45,
  askedWeight: 0.2,
  askedPrecision: true,
  askedCandidateMin: 0.5,
  askedCandidateSections: 3,
  proximitySpan: 3,
  proximityWindow: 2,
  proximityCandidates: 12,
  bigramCredit: 0.8,
  synonymHeadingCredit: 0.85,
  titleHeadingCredit: 0.25,
  optionPartCredit: 0.65,
  sameLanguageBoost: 0.3,
  intentBoost: 0.1,
  sidesBoost: 0.2,
  simpleBoost: 1.5,
  everydayPenalty: 0.1,
  subjectWeight: 0.25,
  exclusionPenalty: 0.5,
  otherSidePenalty: 0.2,
  otherOptionPenalty: 0.2,
  premiseWeight: 0.75,
  guessWeight: 0.25,
  outputWeight: 0,
  chatterCapMin: 1.5,
  unknownWordFactor: 2,
  numberWeight: 0.5,
  headingNumbers: true,
  koreanPredicateFactor: 0.3,
  offTopicMargin: 0.15,
  offTopicForeignShare: 0.3,
  coveredTopicsMin: 2,
  longQuestionWords: 4,
  spelling: true,
  glossary: true,
};

/** Each feature switched off (set to its neutral value), for `npm run eval -- --ablate`. */
export const ABLATIONS: Record<string, Partial<RankingParams>> = {
  'coverage (text)': { coverageWeight: 0 },
  'heading coverage': { headingWeight: 0 },
  'bm25 score': { bm25Weight: 0 },
  'term proximity': { proximityWeight: 0 },
  'asked-as lines': { askedWeight: 0 },
  'asked-as precision': { askedPrecision: false },
  'hangul bigram credit': { bigramCredit: 0 },
  'synonym heading credit': { synonymHeadingCredit: 1 },
  'title as heading context': { titleHeadingCredit: 0 },
  'option-part heading credit': { optionPartCredit: 0.85 },
  'same-language boost': { sameLanguageBoost: 0 },
  'intent boost': { intentBoost: 0 },
  'compared sides': { sidesBoost: 0 },
  'simple-register boost': { simpleBoost: 0 },
  'everyday-picture penalty': { everydayPenalty: 0 },
  'subject bonus': { subjectWeight: 0 },
  'excluded-topic penalty': { exclusionPenalty: 0 },
  'other-side penalty': { otherSidePenalty: 0 },
  'other-option penalty': { otherOptionPenalty: 0 },
  'premise down-weight': { premiseWeight: 1 },
  'recalled-guess down-weight': { guessWeight: 1 },
  'pasted-output down-weight': { outputWeight: 1 },
  'chatter cap': { chatterCapMin: Infinity },
  'number weight': { numberWeight: 1e9 },
  'heading numbers': { headingNumbers: false },
  'korean predicate factor': { koreanPredicateFactor: 1 },
  'off-topic margin': { offTopicMargin: 0 },
  'off-topic foreign share': { offTopicForeignShare: 0 },
  'long-question allowance': { longQuestionWords: Infinity },
  'covered-topics allowance': { coveredTopicsMin: Infinity },
  'spelling correction': { spelling: false },
  glossary: { glossary: false },
};

/** What the ranking knows about one passage, computed once at index time. */
export interface PassageProfile {
  /** Terms of the heading path and text. */
  all: TermLookup;
  /** Terms of its document's title: the context its heading is read in ("비교: 격리 강도와 보안" in "VM과 컨테이너 비교"). */
  title: TermLookup;
  /** Terms of the passage's own (innermost) heading. */
  heading: TermLookup;
  /** The heading's words as written (whole words and whole option names). */
  headingExact: TermLookup;
  /** Parts of the heading's longer option names (kernel, memori of --kernel-memory). */
  headingOptionParts: TermLookup;
  /** The families of the options its own heading names (cpu of "-c / --cpu-shares: …", memory of --memory-swap). */
  headingOptions: string[];
  /** The intents its heading answers. */
  answers: Set<Intent>;
  /** The passage explains in everyday pictures (its document's front matter says `everyday: true`). */
  everyday?: boolean;
  /** Words of the heading before the first colon, each with its terms. */
  subject: Set<string>[];
  /** The same for the headings above it in its path (its parent sections' subjects). */
  parentSubject: Set<string>[];
  lang: string;
}

/** The credit of a Hangul word met by this share of its bigrams: half or more, in proportion (compounds, typos). */
export const bigramCover = (share: number, p: RankingParams) => (share >= 0.5 ? share * p.bigramCredit : 0);

/** Share of the question's weight that a set of terms covers (0..1). */
export function coverage(
  units: QueryUnit[],
  terms: TermLookup,
  p: RankingParams,
  exact?: TermLookup,
  context?: { terms: TermLookup; credit: number; optionParts?: TermLookup },
): number {
  let total = 0;
  let covered = 0;
  const has = (set: TermLookup, u: QueryUnit) => set.has(u.key) || u.concepts.some((c) => set.has(c));
  const credit = (u: QueryUnit) => {
    if (!exact || exact.has(u.key) || isConcept(u.key)) return 1;
    return context?.optionParts?.has(u.key) ? p.optionPartCredit : p.synonymHeadingCredit;
  };
  for (const u of units) {
    total += u.weight;
    if (has(terms, u)) covered += u.weight * credit(u);
    else if (context && has(context.terms, u)) covered += u.weight * context.credit;
    else if (u.bigrams.length >= 2) covered += u.weight * bigramCover(u.bigrams.filter((g) => terms.has(g)).length / u.bigrams.length, p);
  }
  return total ? covered / total : 0;
}

/** Intents whose answer is a passage about the very thing named: what X is, how X and Y compare. */
const SUBJECT_INTENTS = new Set<Intent>(['definition', 'compare', 'summary']);

export interface Scored {
  score: number;
  /** Coverage of the question by the passage: the abstain decision reads it. */
  cov: number;
  /** Coverage by the passage's own heading: what the passage is about. */
  head: number;
}

export function scorePassage(
  units: QueryUnit[],
  asked: Set<string>,
  profile: PassageProfile,
  bm25Share: number,
  prox: number,
  askedMatch: number,
  ctx: {
    lang: string;
    intent: Intent;
    simple?: boolean;
    excluded?: string[];
    sides?: [string[], string[]];
    side?: Side;
    /** The families of the notes' options the question names. */
    options?: string[];
  },
  p: RankingParams,
): Scored {
  const cov = coverage(units, profile.all, p);
  const head = coverage(units, profile.heading, p, profile.headingExact, {
    terms: profile.title,
    credit: p.titleHeadingCredit,
    optionParts: profile.headingOptionParts,
  });
  let score =
    p.coverageWeight * cov + p.headingWeight * head + p.bm25Weight * bm25Share + p.proximityWeight * prox + p.askedWeight * askedMatch;
  if (profile.lang === ctx.lang) score *= 1 + p.sameLanguageBoost;
  if (profile.answers.has(ctx.intent)) score *= 1 + p.intentBoost;
  if (ctx.sides) score *= 1 + p.sidesBoost * sidesNamed(ctx.sides, profile);
  if (ctx.simple && profile.everyday) score *= 1 + p.simpleBoost;
  if (!ctx.simple && profile.everyday) score *= 1 - p.everydayPenalty;
  // Ruled out by the student ("stats 말고 정확한 숫자로"): a passage about that is not the answer.
  const ruledOut = (w: Set<string>) => ctx.excluded!.some((t) => w.has(t));
  if (ctx.excluded?.length && (profile.subject.some(ruledOut) || profile.parentSubject.some(ruledOut))) score *= 1 - p.exclusionPenalty;
  if (ctx.side && sideOf(profile.heading) === otherSide(ctx.side)) score *= 1 - p.otherSidePenalty;
  // Asked about an option by name ("--cpu-shares 2048 means 2 cores?"), a section headed by other options only (the
  // --cpus correction that speaks of cores) is about something else.
  if (ctx.options?.length && profile.headingOptions.length && !profile.headingOptions.some((o) => ctx.options!.includes(o)))
    score *= 1 - p.otherOptionPenalty;
  // Asked what X is, the passage about X itself ("컨테이너란"), not about X's parts ("컨테이너 엔진의 역할").
  if (SUBJECT_INTENTS.has(ctx.intent) && profile.subject.length)
    score += p.subjectWeight * (profile.subject.filter((w) => [...w].some((t) => asked.has(t))).length / profile.subject.length);
  return { score, cov, head };
}

/** The two things the notes set side by side; a text is on one side when it names it and not the other. */
export type Side = 'vm' | 'container';
const SIDE_CONCEPTS: Record<Side, string[]> = { vm: ['§vm', '§hypervisor'], container: ['§container', '§docker'] };
const otherSide = (side: Side): Side => (side === 'vm' ? 'container' : 'vm');

/** The side a set of terms (a heading's, a question part's) is on, if it names one side only. */
export function sideOf(terms: TermLookup): Side | undefined {
  const names = (side: Side) => SIDE_CONCEPTS[side].some((c) => terms.has(c));
  const vm = names('vm');
  const container = names('container');
  return vm === container ? undefined : vm ? 'vm' : 'container';
}

/** How well a passage names both things compared: each side 1 in its heading, ½ in its text only; 0 unless both. */
function sidesNamed(sides: [string[], string[]], profile: PassageProfile): number {
  const side = (terms: string[]) => (terms.some((t) => profile.heading.has(t)) ? 1 : terms.some((t) => profile.all.has(t)) ? 0.5 : 0);
  const [a, b] = sides.map(side);
  return a && b ? (a + b) / 2 : 0;
}

/** The highest score a passage can reach, so relevance is reported in 0..1. */
export function maxScore(p: RankingParams): number {
  return (
    // The simple-register and sides boosts are left out: they lift a few everyday passages over the rest, and relevance is capped at 1.
    (p.coverageWeight + p.headingWeight + p.bm25Weight + p.proximityWeight + p.askedWeight) *
      (1 + p.sameLanguageBoost) *
      (1 + p.intentBoost) +
    p.subjectWeight
  );
}

/** The coverage the best passage must reach for the question to be answered. */
export function abstainBar(units: QueryUnit[], onTopic: boolean, minScore: number, p: RankingParams): number {
  if (!onTopic) return minScore + p.offTopicMargin;
  // A word the knowledge base never uses is only half the wording it could match.
  const wording = units.reduce((n, u) => n + (u.concepts.length ? 0 : u.foreign ? 0.5 : 1), 0);
  return minScore * Math.min(1, p.longQuestionWords / Math.max(1, wording));
}

/**
 * An on-topic question naming `coveredTopicsMin` different VM/Docker things (glossary concepts other than a size,
 * docker commands), every one of them in the passage, is about it however much chatter and unknown wording dilute
 * its coverage ("explain in 3 lines why ppl went from vms to containers, total beginner here"). One word twice
 * (docker, dockers) or a size beside memory (램 16기가) is one thing.
 */
export function coversNamedTopics(units: QueryUnit[], passage: TermLookup, p: RankingParams): boolean {
  const topical = units.filter((u) => u.key.startsWith('docker-') || u.concepts.some((c) => !GENERIC_CONCEPTS.has(c.slice(1))));
  // Docker names containers in a question ("docker라고 함?" beside 컨테이너): one thing, not two.
  const thing = (u: QueryUnit) => (u.key.startsWith('docker-') ? u.key : u.concepts[0] === '§docker' ? '§container' : u.concepts[0]);
  const named = new Set(topical.map(thing).filter((c) => c !== '§unit'));
  return named.size >= p.coveredTopicsMin && topical.every((u) => passage.has(u.key) || u.concepts.some((c) => passage.has(c)));
}

/** BM25F query-term boost by kind of term. */
export function termBoost(term: string, p: RankingParams): number {
  return isHangulBigram(term) ? p.bigramTermBoost : isConcept(term) ? p.conceptTermBoost : 1;
}
