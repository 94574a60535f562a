// A question's words as weighted units for ranking (ranking.ts): each word's weight by how rare its best form is in
// the notes, capped for chatter, lowered for Korean verb forms, numbers, a premise and pasted output; and whether the
// question is on-topic at all. Query analysis (query.ts) says which words are the question part and which the premise.
import { CONTEXT_WORDS, KO_STOP } from './closed-class.js';
import { AMBIGUOUS_CONCEPTS, beyondDocker, conceptsIn, GENERIC_CONCEPTS, phraseSpans, wholeWordConcepts } from './glossary.js';
import { finalConsonant, hangulBigrams, isPluralVerb, normalize, textConcepts, words } from './tokenize.js';
import { OUTPUT_POSITION, PREMISE_POSITION } from './question-frame.js';
import type { RankingParams } from './ranking.js';
import type { QueryUnit } from './types.js';
import type { Word } from './tokenize.js';

/** What the index knows about a term (document frequency based). */
export interface Vocabulary {
  knows(term: string): boolean;
  idf(term: string): number;
  /** The notes write this name as an option (--read-only): "read only" typed as two words names it. */
  isOption(name: string): boolean;
  /** Some section's heading names this number (143 in "Exit code 143 (SIGTERM)"). */
  headsSection(number: string): boolean;
}

/** The parts of an analysed question that its units are made of (query.ts `QueryAnalysis`). */
export interface UnitsQuestion {
  text: string;
  focus: string;
  premise: string;
  output?: string;
  guesses?: string;
  excluded?: string;
}

/** The syllable's final consonant is one of `finals` (index in the Unicode Hangul block: ㄴ 4, ㄹ 8, ㄻ 10, ㅁ 16). */
const endsInBatchim = (syllable: string, finals: number[]) => finals.includes(finalConsonant(syllable) ?? -1);
/** Korean word endings of verbs and adjectives: such words say little about the topic. */
const KOREAN_PREDICATE = /(?:면|고|서|어|아|여|요|니|나|지|게|는|은|던|까|야|해|돼|됨|음|함|ㄴ|죠|네|데|가|려|러|다|래|으)$/; // 으: 많으(면)
/**
 * Bound nouns after a verb's adnominal ending (~ㄴ, ~ㄹ, ~는): 넘칠때, 쓸듯, 할수, 막는법, 준거; and the nominaliser
 * 기 (느려지기). 소수, 주적, 헌법 are nouns: the syllable before is no adnominal form.
 */
const afterVerb = (word: string) => {
  if (word.length < 2) return false;
  if (word.endsWith('기')) return true;
  if (!/[때듯수적법거]$/.test(word)) return false;
  const before = word.at(-2) ?? '';
  return before === '는' || endsInBatchim(before, [4, 8]);
};
/**
 * A syllable closed by ㄴ, ㄹ, ㅁ or ㄻ ends a conjugated verb or adjective: 번거로운, 넘칠, 잡힘, 헷갈림, 힘듦 (the
 * adnominal and nominalised forms); one closed by ㅆ, a past stem (잡혔더라, 바꿨는데). Only asked of words the
 * knowledge base never uses.
 */
const endsInVerbFinal = (word: string) => endsInBatchim(word.at(-1) ?? '', [4, 8, 10, 16, 20]);
/** A word that ends in a verb or adjective ending (known words: the ending alone, not a closing ㄴ/ㄹ/ㅁ). */
export const isConjugated = (word: string) => KOREAN_PREDICATE.test(word) || afterVerb(word);
/** A verb with an auxiliary verb typed together: 걸어두면, 켜놓고, 써보니까. */
const WITH_AUXILIARY = /[어아여워해][두놓보주버]/;
/** Case particles only nouns take (전자렌지에, 브로드컴이랑, 오케스트레이션을): the word before them is no verb form. */
const NOUN_PARTICLE = /(?<=[가-힣]{2})(?:을|를|에|에서|으로|로|랑|이랑|와|과|의|한테|에게|까지|부터)$/;
const isKoreanPredicate = (surface: string, word: string) =>
  !NOUN_PARTICLE.test(surface) &&
  (KOREAN_PREDICATE.test(word) || afterVerb(word) || WITH_AUXILIARY.test(word) || (word.length >= 2 && endsInVerbFinal(word)));

/**
 * A Hangul word in the chat nominalised form (들어감, 헷갈림: a closing ㅁ): spelling correction leaves it alone, as a
 * verb form is how the question is typed. Other endings are corrected (컨테니어 is 컨테이너, not a verb in ~어).
 */
export const looksLikeVerbForm = (word: string) => word.length >= 2 && endsInBatchim(word.at(-1)!, [10, 16]);

/** A unit naming an option the notes write with its dashes (--cpu-shares; npm's --save-dev is not one). */
export const isOptionOfNotes = (u: QueryUnit, vocab: Vocabulary) => u.known && u.key.includes('-') && vocab.isOption(u.key);

/** A number some section's heading names as its subject (exit code 143): a topic, not the student's value. */
const namesASection = (key: string, vocab: Vocabulary, p: RankingParams) => p.headingNumbers && vocab.headsSection(key);

/** A VM/Docker concept that is not a generic word (difference, run, size …). */
export const hasTopicConcept = (u: QueryUnit) => u.concepts.some((c) => !GENERIC_CONCEPTS.has(c.slice(1)));
/**
 * On-topic: the question names a VM/Docker concept that has no everyday sense (docker, hypervisor, cgroup,
 * an option name), or two topic concepts together ("container memory"); "ship a container" alone is not.
 */
const isOnTopic = (units: QueryUnit[], text: string, vocab: Vocabulary) => {
  const concepts = new Set(units.flatMap((u) => u.concepts));
  const topic = [...concepts].filter((c) => !GENERIC_CONCEPTS.has(c.slice(1)));
  if (
    topic.length >= 2 ||
    topic.some((c) => !AMBIGUOUS_CONCEPTS.has(c.slice(1))) ||
    NAMES_OPTION.test(text) ||
    units.some((u) => u.option || (isOptionOfNotes(u, vocab) && u.key.includes('-', 1) && !EVERYDAY_COMPOUNDS.has(u.key)))
  )
    return true;
  // "list running containers": an ambiguous concept in a Docker setting (a generic concept beside it) and
  // no content word the knowledge base never uses ("resize an image with PIL" has two).
  return topic.length === 1 && concepts.size > topic.length && !units.some((u) => u.foreign);
};
/** Option names of the notes that are also everyday English words (a read-only file): only with dashes an option. */
const EVERYDAY_COMPOUNDS = new Set(['read-only']);
/**
 * An option written as one (--cpus, --memory-swap), docker run's short memory / CPU-shares flag with a value (-m 1g,
 * -c 512), a docker ps PORTS entry (0.0.0.0:8080->80/tcp), or a size as docker takes it (512m, 1g).
 */
const NAMES_OPTION =
  /(?:^|[\s(`])--[a-z][a-z-]+|(?:^|[\s(`])-[mc][\s=]*\d|:\d{1,5}->\d{1,5}\/(?:tcp|udp)\b|(?:^|[\s(`])\d+(?:\.\d+)?[mg](?=[\s,.?!)`]|$)/i;

/**
 * In a question, "Docker" usually stands for containers in general ("VM vs Docker"), a size (300 MB) for memory, and
 * a desktop hypervisor's name (VirtualBox) for a VM.
 */
const QUERY_ALSO: Record<string, string[]> = { '§docker': ['§container'], '§unit': ['§memory'], '§vm-product': ['§vm'] };

/** 안 or 못 typed onto a verb the notes never use in that form (안붙이면, 못씀): the verb; the negation is closed-class. */
function unnegated(w: Word, vocab: Vocabulary): Word {
  if (w.script !== 'hangul' || !/^[안못][가-힣]{2,}/.test(w.surface) || vocab.knows(w.key)) return w;
  const [verb] = words(w.surface.slice(1));
  return verb && (isKoreanPredicate(verb.surface, verb.key) || isKoreanPredicate(verb.surface, verb.surface)) ? verb : w;
}

function wordUnits(text: string, vocab: Vocabulary, p: RankingParams, seen: Set<string>, offset: number): QueryUnit[] {
  const ws = words(text);
  const units: QueryUnit[] = [];
  for (const [i, typed] of ws.entries()) {
    // A docker subcommand the notes never name (docker kill) is read as its plain word.
    const command = typed.key.startsWith('docker-');
    const w = command && !vocab.knows(typed.key) ? words(typed.surface)[0] : unnegated(typed, vocab);
    if (w.isStop || seen.has(w.key) || CONTEXT_WORDS.has(w.surface) || CONTEXT_WORDS.has(w.key)) continue;
    // 1, and the s of what's or the m of I'm; a short option (-c, -m) is a word.
    if (w.script !== 'hangul' && w.key.length < 2 && !new RegExp(`(?:^|[\\s(\`])-${w.key}\\b`).test(text)) continue;
    // An option name the knowledge base knows counts whole: --memory-reservation is not --memory.
    const option = w.script === 'latin' && w.surface.includes('-') && vocab.knows(w.key);
    // A command the notes name counts whole, as an option does: docker stats is not any usage or monitoring.
    const concepts =
      p.glossary && !w.surface.startsWith('/') && !w.key.startsWith('dockerfile-') && !(command && w === typed)
        ? (option ? wholeWordConcepts(w.surface) : conceptsIn(w.surface)).flatMap((c) => [c, ...(QUERY_ALSO[c] ?? [])])
        : [];
    if (concepts.includes('§role')) continue; // "역할", "what does … do" say what kind of answer is wanted (intent)
    if (w.script === 'hangul' && w.key.length < 2 && !concepts.length) continue; // 일, 큰, 치: too ambiguous to weigh
    seen.add(w.key);
    // A word weighs as much as its best form is rare; one the knowledge base never uses weighs the most.
    const known = [w.key, ...concepts].filter((t) => vocab.knows(t));
    let weight = known.length ? Math.min(...known.map((t) => vocab.idf(t))) : vocab.idf('\u0000unknown');
    const predicate =
      w.script === 'hangul' && !concepts.length && (known.length ? isConjugated(w.key) : isKoreanPredicate(w.surface, w.key));
    if (predicate) weight *= p.koreanPredicateFactor;
    // The value asked about (--cpus 0.5), not what to look up; a number that names a concept (137: OOM) or that a
    // section's heading names (143: the SIGTERM exit code) is a topic.
    const value = w.script === 'digit' && !concepts.length && !namesASection(w.key, vocab, p);
    if (value) weight = Math.min(weight, p.numberWeight);
    // An identifier the notes never use (DB_PASSWORD, my_app) is a value the asker typed, like a number.
    const identifier = w.surface.includes('_') && !known.length;
    if (identifier) weight = Math.min(weight, p.numberWeight);
    // A bigram that is a closed-class word (같은 in 같은말) says nothing of the topic.
    const bigrams = w.script === 'hangul' ? hangulBigrams(w.key).filter((g) => !KO_STOP.has(g)) : [];
    const foreign =
      !known.length &&
      !predicate &&
      !identifier &&
      w.script !== 'digit' &&
      bigrams.filter((g) => vocab.knows(g)).length < Math.max(1, bigrams.length);
    units.push({ key: w.key, bigrams, concepts, weight, known: known.length > 0, predicate, foreign, position: offset + i });
  }
  // Two Latin words the knowledge base writes as one option name ("pids limit" → pids-limit).
  for (let i = 0; i + 1 < ws.length; i++) {
    const [a, b] = [ws[i], ws[i + 1]];
    if (a.script !== 'latin' || b.script !== 'latin' || a.surface.includes('-') || b.surface.includes('-')) continue;
    if (a.isStop && b.isStop) continue; // "one liner" asks for a short answer, whatever the notes call a one-liner
    const compound = `${a.surface}-${b.surface}`;
    if (!vocab.knows(compound) || seen.has(compound) || (b.surface.endsWith('s') && isPluralVerb(ws[i + 2]?.surface))) continue;
    seen.add(compound);
    units.push({ key: compound, bigrams: [], concepts: [], weight: vocab.idf(compound), known: true, option: vocab.isOption(compound) });
  }
  // Concepts only a phrase carries ("under the hood", "fork bomb") become units of their own.
  if (p.glossary) {
    const inWords = new Set(units.flatMap((u) => u.concepts));
    const normal = normalize(text);
    for (const c of textConcepts(text)) {
      if (inWords.has(c) || seen.has(c) || c === '§role' || !vocab.knows(c)) continue;
      seen.add(c);
      units.push({ key: c, bigrams: [], concepts: [c], weight: vocab.idf(c), known: true });
      // The phrase stands for its words: one the notes never use ("fakes" of "fakes hardware") is no foreign topic.
      const inPhrase = new Set(phraseSpans(normal, [c])[0].flatMap(([from, to]) => words(normal.slice(from, to)).map((w) => w.key)));
      for (let i = units.length - 1; i >= 0; i--) if (units[i].foreign && inPhrase.has(units[i].key)) units.splice(i, 1);
    }
  }
  return units;
}

/**
 * The question's weighted units. Words of the premise weigh `premiseWeight` times as much. In a question
 * that is plainly about VMs or Docker, a word outside the glossary is more likely chatter than the point: it
 * weighs no more than the question's rarest VM/Docker concept (`unknownWordFactor` times that if the
 * knowledge base never uses it); numbers weigh `numberWeight`.
 */
export function queryUnits(q: UnitsQuestion, vocab: Vocabulary, p: RankingParams): { units: QueryUnit[]; onTopic: boolean } {
  const seen = new Set<string>();
  const focusUnits = wordUnits(q.focus, vocab, p, seen, 0);
  const premiseUnits = wordUnits(q.premise, vocab, p, seen, PREMISE_POSITION);
  const outputUnits = wordUnits(q.output ?? '', vocab, p, seen, OUTPUT_POSITION);
  const guessUnits = wordUnits(q.guesses ?? '', vocab, p, seen, PREMISE_POSITION);
  // What the student ruled out ("쿠버 말고") is not asked: its words weigh nothing (ranking.ts penalises passages about it).
  const ruledOut = new Set(words(q.excluded ?? '').map((w) => w.key));
  const units = [...focusUnits, ...premiseUnits, ...outputUnits, ...guessUnits].filter((u) => !ruledOut.has(u.key));
  const onTopic = isOnTopic(units, q.text, vocab);
  if (onTopic && Number.isFinite(p.chatterCapMin)) {
    const cap = Math.max(p.chatterCapMin, ...units.filter(hasTopicConcept).map((u) => u.weight));
    // A question naming an option of the notes (--cpu-shares) is about Docker whatever else it says: its foreign
    // words are chatter. (npm's --save-dev is no option of the notes.)
    const namesOption = units.some((u) => isOptionOfNotes(u, vocab));
    for (const u of units) {
      // Topic words, option names and paths keep their weight; a docker command does not, as it is as often what the
      // student ran ("docker ps -a 하면 Exited (137)") as what is asked.
      // A path the notes name (/usr/bin/docker, /var/run/docker.sock) is as precise as an option name.
      if (hasTopicConcept(u) || (u.known && (u.key.startsWith('/') || (u.key.includes('-') && !u.key.startsWith('docker-'))))) continue;
      // A verb form says how it is asked: it weighs a share of the topic's weight, not of the rarest word's.
      const limit = /^[0-9]/.test(u.key)
        ? namesASection(u.key, vocab, p)
          ? cap
          : p.numberWeight
        : u.predicate
          ? p.koreanPredicateFactor * cap
          : u.known || namesOption
            ? cap
            : p.unknownWordFactor * cap;
      u.weight = Math.min(u.weight, limit);
    }
  }
  // After the cap: a premise's chatter weighs less than the question part's, whatever the cap allowed.
  // A question part that names no VM/Docker thing beyond Docker itself ("what flag do we put on docker run so that cant
  // happen") asks about what the premise names: its words weigh in full.
  const ownTopic = focusUnits.some((u) => u.concepts.some(beyondDocker));
  if (ownTopic) for (const u of premiseUnits) u.weight *= p.premiseWeight;
  // Likewise pasted output: asked only "which command prints this?", the output is what the question is about.
  const askedTopic = ownTopic || premiseUnits.some((u) => u.concepts.some(beyondDocker));
  if (askedTopic) for (const u of outputUnits) u.weight *= p.outputWeight;
  for (const u of guessUnits) u.weight *= p.guessWeight;
  return { units, onTopic };
}
