// Tokens for Korean and English study questions.
// Korean: whitespace words keep particles attached (도커는, 컨테이너를), so each Hangul word yields its
// particle-stripped form and its character bigrams; bigrams also catch compounds (가상머신 ~ 가상 머신).
// English: Porter stems, plus whole option names such as `cpu-shares`. Glossary concepts (see glossary.ts)
// are added as `§id` tokens so that "virtual machine", "VM" and "가상머신" meet.
import { stem as stemmer } from 'porter2';
import {
  COPULA,
  DOCKER_SUBCOMMANDS,
  EN_STOP,
  isGluedStop,
  isSuffixChain,
  KO_COUNTERS,
  KO_STOP,
  PARTICLES,
  VERB_ENDINGS,
} from './closed-class.js';
import { conceptsIn, isGlossaryNoun } from './glossary.js';
import type { Lang } from './types.js';

const HANGUL = /[\uac00-\ud7a3]/;
const HANGUL_G = /[\uac00-\ud7a3\u3131-\u318e]/g;
const LATIN_G = /[a-z]/gi;

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * The question's language, or `fallback` (the asker's locale) when its words say nothing either way: no Hangul
 * and no English function word ("cgroup?", "docker stats", "OOMKilled").
 */
export function questionLang(text: string, fallback?: Lang): Lang {
  if (!fallback || HANGUL.test(text)) return detectLang(text);
  const english = words(text).some((w) => w.script === 'latin' && w.isStop);
  return english ? 'en' : fallback;
}

export function detectLang(text: string): Lang {
  const hangul = (text.match(HANGUL_G) ?? []).length;
  const latin = (text.match(LATIN_G) ?? []).length;
  // Korean speakers write option names and English terms inside Korean questions, often ending in a
  // Korean particle or ending ("user namespace란", "OOMKilled 확인").
  const endsInHangul = /[\uac00-\ud7a3\u3131-\u318e][\s?!.~]*$/.test(text);
  return hangul >= 1 && (hangul >= latin * 0.1 || endsInHangul) ? 'ko' : 'en';
}

export function stripVerbEnding(word: string): string {
  for (const e of VERB_ENDINGS) {
    if (word.length - e.length >= 2 && word.endsWith(e)) return withoutDoVerb(word.slice(0, -e.length));
  }
  return word;
}

/** The 하/되 of a 하다/되다 verb left before an ending (지정하 of 지정하는거임, 적용되 of 적용되는거임): its noun is the word. */
const withoutDoVerb = (stem: string) => (stem.length >= 3 && /[하되]$/.test(stem) ? stem.slice(0, -1) : stem);

function stripCopula(word: string): string {
  for (const c of COPULA) if (word.length > c.length && word.endsWith(c)) return word.slice(0, -c.length);
  return word;
}

export function stripParticle(word: string): string {
  for (const p of PARTICLES) {
    // A one-syllable particle is only stripped from a word of 3+ syllables: 차이, 많이 and 같이 end in 이 themselves.
    if (word.length - p.length >= (p.length === 1 ? 2 : 1) && word.endsWith(p)) return word.slice(0, -p.length);
  }
  return word;
}

/** The final consonant of a Hangul syllable as its index in the Unicode block (0: none, ㄴ 4, ㄹ 8, ㅁ 16); undefined for any other character. */
export function finalConsonant(syllable: string): number | undefined {
  const code = syllable.charCodeAt(0) - 0xac00;
  return code >= 0 && code <= 11171 ? code % 28 : undefined;
}

export function hangulBigrams(word: string): string[] {
  if (word.length < 2) return [];
  const grams: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) grams.push(word.slice(i, i + 2));
  return grams;
}

/** One surface word of the input with the index terms it yields. */
export interface Word {
  surface: string;
  /** Index terms: stem or stripped word, compound option names, bigrams. */
  terms: string[];
  /** The main term (stem / particle-stripped word), used for coverage and spelling. */
  key: string;
  isStop: boolean;
  script: 'hangul' | 'latin' | 'digit';
}

/** Splits into words: Latin runs (keeping inner hyphens/dots: cpu-shares, docker.sock, 1.5), digit runs, Hangul runs. */
const WORD_RE = /[a-z0-9]+(?:[-_.][a-z0-9]+)*|[\uac00-\ud7a3]+/g;

/** Analysis of one surface word; words repeat, so results are cached (bounded). */
const wordCache = new Map<string, Word>();
const WORD_CACHE_MAX = 200_000;

/** 아니다 ("is not") with any ending (아니라며, 아니잖아, 아니였나): a closed-class word whatever it ends with. */
const isNegativeCopula = (word: string) => /^(?:아니|아닌|아냐|아님|아녀)[가-힣]{0,4}$/.test(word);

/** English irregular verb forms (a closed class the stemmer cannot reach): "ate all the ram" is eat. */
const IRREGULAR = new Map(
  (
    'ate:eat eaten:eat began:begin begun:begin broke:break broken:break brought:bring built:build bought:buy ' +
    'caught:catch chose:choose chosen:choose came:come drew:draw drawn:draw drove:drive driven:drive fell:fall ' +
    'fallen:fall felt:feel found:find froze:freeze frozen:freeze gave:give given:give grew:grow grown:grow ' +
    'hid:hide hidden:hide held:hold knew:know known:know lost:lose meant:mean paid:pay rose:rise risen:rise ' +
    'said:say sent:send shown:show sold:sell spent:spend stood:stand took:take taken:take taught:teach ' +
    'thought:think threw:throw thrown:throw told:tell wrote:write written:write forgot:forget forgotten:forget ' +
    'gotten:get rebuilt:rebuild rewrote:rewrite rewritten:rewrite overwrote:overwrite overwritten:overwrite ' +
    'blew:blow blown:blow woke:wake'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);
const lemma = (word: string) => IRREGULAR.get(word) ?? word;

function analyse(surface: string): Word {
  const cached = wordCache.get(surface);
  if (cached) return cached;
  let word: Word;
  if (HANGUL.test(surface)) {
    const unended = stripVerbEnding(stripParticle(surface));
    // A glossary noun closing a sentence with the copula (하이퍼바이저다, 데몬이다): the noun is the word.
    const beforeCopula = unended === surface ? stripCopula(surface) : surface;
    const stripped = beforeCopula !== surface && isGlossaryNoun(beforeCopula) ? beforeCopula : unended;
    const isStop =
      KO_STOP.has(surface) ||
      KO_STOP.has(stripped) ||
      KO_STOP.has(stripCopula(surface)) ||
      PARTICLES.includes(surface) ||
      isGluedStop(surface) ||
      isGluedStop(stripped) || // 뭔뜻임, 무슨말임: closed-class words typed without a space
      isNumeralCounter(surface) || // 두개, 두배, 몇번: a count, as 2개 is
      isNegativeCopula(surface); // 아니라며, 아니잖아, 아니냐: "is not" in any ending
    const terms = new Set<string>([stripped]);
    if (stripped !== surface) terms.add(surface);
    for (const g of hangulBigrams(stripped)) terms.add(g);
    word = { surface, terms: [...terms], key: stripped, isStop, script: 'hangul' };
  } else {
    const parts = surface.split(/[-_.]/).filter(Boolean);
    const terms = new Set<string>();
    if (parts.length > 1) terms.add(surface);
    for (const p of parts) {
      if (EN_STOP.has(p) && parts.length === 1) continue;
      terms.add(/^[0-9]/.test(p) ? p : stemmer(lemma(p)));
    }
    const stem = stemmer(lemma(surface));
    // "whats" stems to "what": a word is a stop word when its stem is one.
    const isStop = parts.length === 1 && (EN_STOP.has(surface) || EN_STOP.has(stem));
    const key = parts.length > 1 ? surface : /^[0-9]/.test(surface) ? surface : stem;
    word = { surface, terms: [...terms], key, isStop, script: /^[0-9]/.test(surface) ? 'digit' : 'latin' };
  }
  if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear();
  wordCache.set(surface, word);
  return word;
}

/**
 * An option written with its dashes (--cpus, --init) is a term of its own besides the word: "--cpus" names the
 * option, while "cpus" is also part of --cpuset-cpus. Options with inner dashes are terms whole already.
 */
function analyseOption(name: string): Word {
  const surface = `--${name}`;
  const cached = wordCache.get(surface);
  if (cached) return cached;
  const base = analyse(name);
  const word: Word = { surface, terms: [...base.terms, surface], key: surface, isStop: false, script: 'latin' };
  wordCache.set(surface, word);
  return word;
}

/** A docker subcommand names a command, as --cpus names an option; not run, which nearly every docker question says. */
const COMMAND_TERMS = new Set([...DOCKER_SUBCOMMANDS].filter((c) => c !== 'run'));

/** "docker images are built …": a plural noun with its verb, not the command. */
const PLURAL_VERBS = 'are|were|do|have|get|take|use|need|contain|share|hold|include|work|made|built|stored';
const PLURAL_VERB = new RegExp(`^\\s+(?:${PLURAL_VERBS})\\b`);
/** Whether a plural noun (images) followed by this word is the subject of its verb. */
const PLURAL_VERB_WORD = new RegExp(`^(?:${PLURAL_VERBS})$`);
export const isPluralVerb = (word = '') => PLURAL_VERB_WORD.test(word);

/** A subcommand after "docker" is a term of its own (docker-stats) besides the word, and that is its key. */
function analyseCommand(name: string): Word {
  const key = `docker-${name}`;
  const cached = wordCache.get(key);
  if (cached) return cached;
  const base = analyse(name);
  const word: Word = { surface: name, terms: [...base.terms, key], key, isStop: false, script: 'latin' };
  wordCache.set(key, word);
  return word;
}

/** A counter and the particles or endings after it (분씩, 번이나, 개밖에). */
const counters = [...KO_COUNTERS];
export const isCounter = (word: string) => counters.some((c) => word.startsWith(c) && isSuffixChain(word.slice(c.length)));
/** Sino-Korean numerals before a unit of size or CPU, and what follows the unit. */
const SPELLED_SIZE = /^([일이삼사오육칠팔구십백천만영점]+)(?:메가바이트|기가바이트|메가|기가|코어|퍼센트|프로)(.*)$/;
/** A whole number in Sino-Korean numerals, with a tens, hundreds or thousands place (십이, 오백십이, 천이십사). */
const SPELLED_NUMBER = /^((?=[일이삼사오육칠팔구십백천만]*[십백천])[일이삼사오육칠팔구십백천만]{2,})(.*)$/;
/** Native Korean numerals (and 몇, how many) that counters follow: 두개, 세번, 몇배. */
const NUMERALS = ['한', '두', '세', '네', '다섯', '여섯', '일곱', '여덟', '아홉', '열', '스무', '몇'];
const isNumeralCounter = (word: string) =>
  NUMERALS.some((n) => word.startsWith(n) && word.length > n.length && isCounter(word.slice(n.length)));

/** A file path of two or more segments (/var/run/docker.sock, /sys/fs/cgroup). */
const PATH_RE = /(?<![\w./-])\/(?:[a-z0-9._-]+\/)+[a-z0-9._-]*[a-z0-9_-]/g;

/** A path and the directories above it of two or more segments: /var/run/docker.sock is also under /var/run. */
const pathTerms = (path: string) => {
  const parts = path.split('/');
  return [path, ...parts.slice(3).map((_, i) => parts.slice(0, i + 3).join('/'))];
};

/** Where the directories of paths lie: `var` and `run` in /var/run/docker.sock are not words of the text. */
function pathSpans(text: string): { from: number; to: number; path: string }[] {
  return [...text.matchAll(PATH_RE)].map((m) => ({ from: m.index, to: m.index + m[0].lastIndexOf('/'), path: m[0] }));
}

/**
 * Dockerfile instructions typed in capitals (FROM, RUN, COPY …) are instruction names, not the English words (from is a
 * stop word, RUN is no docker run): one term each, dockerfile-from. CMD and ENTRYPOINT have glossary forms of their own.
 */
const INSTRUCTIONS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'ENV', 'EXPOSE', 'WORKDIR', 'ARG', 'LABEL', 'USER', 'VOLUME', 'HEALTHCHECK']);
function analyseInstruction(name: string): Word {
  const key = `dockerfile-${name}`;
  return { surface: name, terms: [key], key, isStop: false, script: 'latin' };
}

/** The text with its capitalised Dockerfile instructions blanked: RUN names no glossary concept (§run is docker run). */
const INSTRUCTION_RE = new RegExp(`(?<![\\w-])(?:${[...INSTRUCTIONS].join('|')})(?![\\w-])`, 'g');
const withoutInstructions = (text: string) => (/[A-Z]{3}/.test(text) ? text.replace(INSTRUCTION_RE, (m) => ' '.repeat(m.length)) : text);
/** The glossary concepts a text names, its Dockerfile instructions in capitals aside: every reader of a text's concepts. */
export const textConcepts = (text: string) => conceptsIn(withoutInstructions(text));

export function words(text: string): Word[] {
  const out: Word[] = [];
  let prevEnd = -1;
  const normal = normalize(text);
  // Capitals are read off the text as typed, where normalizing kept every offset.
  const cased = normal.length === text.length && /[A-Z]{3}/.test(text) ? text : '';
  const paths = normal.includes('/') ? pathSpans(normal) : [];
  for (const m of normal.matchAll(WORD_RE)) {
    const surface = m[0];
    const path = paths.find(({ from, to }) => m.index > from && m.index <= to + 1);
    if (path && m.index < path.to) continue; // a directory
    if (path) out.push({ surface: path.path, terms: pathTerms(path.path), key: path.path, isStop: false, script: 'latin' }); // the whole path, then its file name
    const glued = m.index === prevEnd; // e.g. the 과 of "VM과", the 랑 of "1024랑"
    prevEnd = m.index + surface.length;
    if (cased && INSTRUCTIONS.has(cased.slice(m.index, prevEnd)) && !/[\w-]/.test(cased[prevEnd] ?? '')) {
      out.push(analyseInstruction(surface));
      continue;
    }
    if (glued && HANGUL.test(surface) && (isSuffixChain(surface) || KO_STOP.has(surface))) continue; // 으로도 of "vm으로도"
    // 5분씩, 3번, 10개: a counter glued to a number (with its particles) is the number's unit.
    if (glued && /[0-9]/.test(normal[m.index - 1]) && HANGUL.test(surface) && isCounter(surface)) continue;
    // A size written in Sino-Korean numerals (이백메가, 일점오코어) is its unit, as 200메가 is.
    const spelled = SPELLED_SIZE.exec(surface);
    if (spelled && isSuffixChain(spelled[2])) {
      out.push(analyse(surface.slice(spelled[1].length)));
      continue;
    }
    // A number spelled in Sino-Korean numerals (오백십이, 천이십사냐) is a number, never a topic word.
    const number = SPELLED_NUMBER.exec(surface);
    if (number && isSuffixChain(number[2])) continue;
    const option = m.index >= 2 && normal.startsWith('--', m.index - 2) && /^[a-z][a-z]+$/.test(surface);
    const command =
      !option &&
      COMMAND_TERMS.has(surface) &&
      /(?:^|[^a-z])docker\s+$/.test(normal.slice(Math.max(0, m.index - 12), m.index)) &&
      !(surface.endsWith('s') && PLURAL_VERB.test(normal.slice(prevEnd, prevEnd + 12)));
    out.push(option ? analyseOption(surface) : command ? analyseCommand(surface) : analyse(surface));
  }
  return out;
}

/** All index terms of a text: word terms plus glossary concept tokens. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const w of words(text)) if (!w.isStop) terms.push(...w.terms);
  for (const c of textConcepts(text)) terms.push(c);
  return terms;
}

export function isConcept(term: string): boolean {
  return term.startsWith('§');
}

export function isHangulBigram(term: string): boolean {
  return term.length === 2 && HANGUL.test(term);
}
