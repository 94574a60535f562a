// Tokens for Korean and English study questions.
// Korean: whitespace words keep particles attached (도커는, 컨테이너를), so each Hangul word yields its
// particle-stripped form and its character bigrams; bigrams also catch compounds (가상머신 ~ 가상 머신).
// English: Porter stems, plus whole option names such as `cpu-shares`. Glossary concepts (see glossary.ts)
// are added as `§id` tokens so that "virtual machine", "VM" and "가상머신" meet.
import { stem as stemmer } from 'porter2';
import { conceptsIn } from './glossary.js';
import type { Lang } from './types.js';

const HANGUL = /[\uac00-\ud7a3]/;
const HANGUL_G = /[\uac00-\ud7a3]/g;
const LATIN_G = /[a-z]/gi;

/** Particles and endings stripped from the end of a Korean word, longest first. */
const PARTICLES = [
  '에서는', '으로는', '이라는', '이라고', '에서도', '한테서', '까지는',
  '에서', '으로', '에게', '한테', '까지', '부터', '처럼', '보다', '이랑', '하고', '이란', '이나', '라는', '라고',
  '에는', '와는', '과는', '으론', '이면', '에도', '만큼', '마다', '끼리', '들은', '들이', '들을', '들의', '들',
  '은', '는', '이', '가', '을', '를', '의', '에', '로', '와', '과', '도', '만', '랑', '나', '란', '면',
].sort((a, b) => b.length - a.length);

/** Korean verb endings and question words that carry no topic. */
const KO_STOP = new Set([
  '뭐야', '뭘', '뭐를', '무얼', '뭐가', '뭐예요', '뭔가요', '뭐지', '뭐', '무엇', '무엇인가요', '무엇이야', '무슨', '어떻게', '어떡해', '어때', '어떤', '어느',
  '왜', '언제', '어디', '누가', '해', '해줘', '하면', '하나요', '하는', '했을', '하고', '하려면', '할', '함', '하지', '해야',
  '있어', '있나요', '있는', '있을', '있다', '없어', '되나요', '돼', '되는', '된다', '되지', '돼요', '됨', '일어나', '알려줘',
  '좀', '그', '이', '저', '것', '거', '게', '수', '때', '생기는', '생기면', '생겨', '생길', '생긴', '생기나요', '생겨요', '대해', '대한', '관해', '관련', '설명', '설명해줘', '법', '방법', '궁금해',
  '정말', '그냥', '그럼', '그리고', '또', '및', '등', '같은', '같이', '하나', '두', '는', '요', '주세요', '많이', '너무', '아주', '매우', '얼마', '얼마야', '얼마나', '의미', '뜻', '머야', '머', '뭐임', '머임', '뭔', '뭔데', '하는일', '하는일이', '보여주는', '보여줘', '같은거', '같은', '정확히', '자세히', '설명해주실', '설명해', '설명해주세요', '모르겠어요', '모르겠어', '궁금해요', '궁금합니다', '뭐하는', '뭐하', '뭐해', '뭐함', '뭐하나요', '애야', '얘는', '얘',
  // The copula glued to a Latin word or number: "VM이야", "1024인가요".
  '이야', '야', '이에요', '예요', '인가', '인가요', '인지', '일까', '일까요', '입니다', '이다', '이죠', '인데', '이고',
]);

const EN_STOP = new Set(
  `a an the is are was were be been being am do does did doing have has having i me my we our you your it its
  they them their what which who whom whose when where why how this that these those of in on at to for from by
  with about into over under as and or but if then so than too very can could should would will shall may might
  must not no yes there here get got use used using make makes just any some all each between vs versus please tell
  explain show give happen happens go goes going went much many
  whats what's hows dont don't doesnt doesn't didnt didn't isnt isn't arent aren't cant can't wont won't im i'm ive i've
  id i'd youre you're thats that's theres there's lets let's pls plz thx thanks hey hi hello ok okay`.split(/\s+/).filter(Boolean),
);

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function detectLang(text: string): Lang {
  const hangul = (text.match(HANGUL_G) ?? []).length;
  const latin = (text.match(LATIN_G) ?? []).length;
  // Korean speakers write option names and English terms inside Korean questions, often ending in a
  // Korean particle or ending ("user namespace란", "OOMKilled 확인").
  const endsInHangul = /[\uac00-\ud7a3][\s?!.~]*$/.test(text);
  return hangul >= 1 && (hangul >= latin * 0.1 || endsInHangul) ? 'ko' : 'en';
}

/** Endings of Korean "X하다 / X되다" verbs: 공유해 → 공유, 지정하는 → 지정. */
const VERB_ENDINGS = [
  '하려면', '했는데', '하는데', '합니다', '하나요', '해야', '하면', '하는', '하고', '해서', '했어', '했을', '한다', '할까', '해요', '해줘',
  '되나요', '되는', '되면', '된다', '시키는', '시키면', '시켜', '해', '할', '한', '함', '하', '돼', '된', '될', '됨',
  // The copula after a noun: 가상머신인가요, 컨테이너예요.
  '인가요', '인가', '인지', '인데', '이에요', '예요', '입니까', '입니다', '이야', '일까요', '일까',
].sort((a, b) => b.length - a.length);

export function stripVerbEnding(word: string): string {
  for (const e of VERB_ENDINGS) {
    if (word.length - e.length >= 2 && word.endsWith(e)) return word.slice(0, -e.length);
  }
  return word;
}

/** 뜻이야 → 뜻: the copula, even after a one-syllable noun (only used to recognise question words). */
const COPULA = ['이에요', '인가요', '이야', '예요', '인가', '이지', '야'];
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

function analyse(surface: string): Word {
  const cached = wordCache.get(surface);
  if (cached) return cached;
  let word: Word;
  if (HANGUL.test(surface)) {
    const stripped = stripVerbEnding(stripParticle(surface));
    const isStop = KO_STOP.has(surface) || KO_STOP.has(stripped) || KO_STOP.has(stripCopula(surface)) || PARTICLES.includes(surface);
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
      terms.add(/^[0-9]/.test(p) ? p : stemmer(p));
    }
    const stem = stemmer(surface);
    // "whats" stems to "what": a word is a stop word when its stem is one.
    const isStop = parts.length === 1 && (EN_STOP.has(surface) || EN_STOP.has(stem));
    const key = parts.length > 1 ? surface : /^[0-9]/.test(surface) ? surface : stem;
    word = { surface, terms: [...terms], key, isStop, script: /^[0-9]/.test(surface) ? 'digit' : 'latin' };
  }
  if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear();
  wordCache.set(surface, word);
  return word;
}

export function words(text: string): Word[] {
  const out: Word[] = [];
  let prevEnd = -1;
  for (const m of normalize(text).matchAll(WORD_RE)) {
    const surface = m[0];
    const glued = m.index === prevEnd; // e.g. the 과 of "VM과", the 랑 of "1024랑"
    prevEnd = m.index + surface.length;
    if (glued && HANGUL.test(surface) && (PARTICLES.includes(surface) || KO_STOP.has(surface))) continue;
    out.push(analyse(surface));
  }
  return out;
}

/** All index terms of a text: word terms plus glossary concept tokens. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const w of words(text)) if (!w.isStop) terms.push(...w.terms);
  for (const c of conceptsIn(text)) terms.push(c);
  return terms;
}

export function isConcept(term: string): boolean {
  return term.startsWith('§');
}

export function isHangulBigram(term: string): boolean {
  return term.length === 2 && HANGUL.test(term);
}
