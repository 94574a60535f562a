// Query analysis: what a question asks, separated from how it is typed. It cleans chat noise and Discord
// markup, tells junk and greetings from questions, splits a premise from the question part and names the
// question's intent; query-units.ts turns the words into weighted units for ranking (see ranking.ts).
import {
  ANOTHER_WORD_FOR,
  CHAT_IDIOMS,
  CHAT_NOISE,
  GREETING,
  IS_IT_TRUE,
  NEWCOMER,
  SIMPLE_REGISTER,
  THANKS,
  TRUE_TAG,
} from './closed-class.js';
import { isGlossaryNoun } from './glossary.js';
import { detectLang, words } from './tokenize.js';
import { excludedBy, relayedQuestion } from './question-frame.js';
import { isConjugated } from './query-units.js';
import type { Intent, Lang, QueryKind } from './types.js';

export interface QueryAnalysis {
  /** The question without Discord markup, emoji and laughter. */
  text: string;
  lang: Lang;
  kind: QueryKind;
  intent: Intent;
  /** The question part; the premise before it only helps ranking. */
  focus: string;
  premise: string;
  /** A length asked for ("한 줄로", "3줄요약", "in two sentences"). */
  lines?: number;
  /** Output the asker pasted (a docker stats table, an error line): weighs least. */
  output?: string;
  /** What the student rules out ("stats 말고", "besides resources", "메모리 문제는 아닌거같은데"). */
  excluded?: string;
  /** Candidates the student recalls after the question ("…뭐였지 docker top이었나 docker inspect였나"): guesses, not the topic. */
  guesses?: string;
  /** The question asks for a simple explanation ("eli5", "쉽게", "비유로"). */
  simple?: boolean;
  /** The asking clauses, when there are two or more ("vm 깔면 됨? 네트워크는 어케 되는지도 궁금"). */
  questions?: string[];
  /** The question part asks yes or no, whatever intent ranks it ("옆 vm도 같이 죽음??" asks about a crash). */
  asksYesNo?: boolean;
  /** The last line that asks yes or no below lines that set it up (a pasted error, then "should i chmod 777 it?"). */
  yesNoPart?: string;
}

/** Discord mentions, channels, custom emoji, timestamps and links: not part of the question. */
const DISCORD_MARKUP = /<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:\d+(?::\w)?)>|https?:\/\/\S+|(?<!\S)@[\w.-]+/g;

export function cleanQuestion(raw: string): string {
  return (
    raw
      .replace(DISCORD_MARKUP, ' ')
      .replace(CHAT_NOISE, ' ')
      .replace(CHAT_IDIOMS, ' ')
      .replace(IS_IT_TRUE, '$1 $2 right')
      // "what year", "which year": when.
      .replace(/\b(?:what|which) year\b/gi, 'when')
      .replace(TRUE_TAG, ', right$1')
      .replace(ANOTHER_WORD_FOR, 'the same as')
      // mem is chat for memory in an option's name: mem-reservation is --memory-reservation.
      .replace(/(?<![\w-])(--)?mem-(?=(?:reservation|swap|swappiness)\b)/gi, '$1memory-')
      // "can you explain …", "could u tell me …": a request, not a yes/no question about the bot's abilities.
      .replace(
        /\b(?:can|could|would|will)\s+(?:you|u|ya)\s+(?:please\s+|pls\s+|plz\s+)?(?=(?:explain|tell|describe|show|give|summari[sz]e|list|define|clarify|help me understand)\b)/gi,
        '',
      )
      // "옵션 이름", "name of the flag": which option is asked, not the --name option or a name of anything.
      .replace(/(옵션|명령어|명령|플래그|커맨드)\s?이름/g, '$1')
      .replace(/\b(option|flag|command)'?s? name\b|\bname of (?:the |that |this )?(option|flag|command)\b/gi, '$1$2')
      // "exact cmd pls" is chat for a command; the Dockerfile instruction is written CMD.
      .replace(/\bcmds?\b/g, 'command')
      // A Dockerfile instruction written as one, in capitals with its argument ("FROM ubuntu:22.04"), names the Dockerfile.
      .replace(/(?<![\w-])(FROM|RUN|COPY|ADD|WORKDIR|EXPOSE)(?=\s+[\w.$/"'[-])/g, 'Dockerfile $1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Junk: nothing left that could be a word (one letter, "?", only emoji or laughter). */
function isJunk(text: string): boolean {
  const ws = words(text).filter((w) => !(w.script === 'latin' && w.surface.length < 2) && !(w.script === 'digit' && w.surface.length < 2));
  return ws.length === 0;
}

/** Cue words for each intent, in the order they are tried (a question that compares and asks why compares). */
/** Hangul syllables ending in ㅁ (바뀜, 감, 됨, 먹음): the nominal ending that closes a casual statement or question. */
const MIEUM_FINAL = Array.from({ length: 19 * 21 }, (_, i) => String.fromCharCode(0xac00 + i * 28 + 16)).join('');
/** A casual question closed by a ㅁ-final syllable ("이미지도 바뀜??", "같이 죽음?") asks yes or no. */
const KO_NOMINAL_QUESTION = new RegExp(`[${MIEUM_FINAL}]\\s*\\?`);
/** An auxiliary and its subject inside a sentence ("if i run 5 … does that eat 5gb") ask yes or no. */
const EN_INNER_AUXILIARY = /\b(?:does|do|did|is|are|was|will|would|can|could|should)\s+(?:that|it|this|they|i|we|you|there)\b/i;

const INTENT_CUES: [Intent, RegExp][] = [
  [
    'troubleshoot',
    /에러|오류|안\s?돼|안\s?됨|죽어|죽음|죽는|죽었|꺼져|꺼짐|멈춰|터져|터짐|\b(?:exit(?:ed)?\s*(?:code)?\s*\d+|137|error|fail(?:s|ed|ing)?|crash(?:es|ed|ing)?|killed|stuck|not working)\b/i,
  ],
  [
    'compare',
    /차이|비교|다른\s?점|다름|뭐가\s?(?:달|다른)|\S(?:임|야|이야|인가)\s+\S+(?:임|야|이야|인가)\s*\?|\b(?:vs\.?|versus|differ(?:s|ence|ences)?|compare[ds]?|comparison|better than)\b|\b\w+ or \w+\s*\?/i,
  ],
  [
    'howto',
    /어떻게\s*(?:해|하|써|쓰|걸|설정|제한|실행|띄|확인|봐|보|막|줄|늘)|어케|어캐|방법|막을\s?수|막으려면|막고\s?싶|방지|\b(?:prevent|avoid)\b|하는\s?법|[가-힣]는\s?법|\S\s?법\s*(?:좀|알려|\?|$)|하려면|(?:명령어|커맨드)(?![가이])|뭐\s?(?:쳐|치면|입력)|\bwhat (?:do|should) i (?:type|run|enter)\b|옵션\s*(?:뭐|머|뭔|어떤|무슨)|(?:뭔|무슨|어떤)\s*옵션|\bhow (?:do|can|should|would) (?:i|you|we)\b|\bhow to\b|\b(?:which|what)(?: (?!does\b|do\b|is\b|are\b|was\b)[\w-]+){0,3} (?:flags?|options?|commands?)\b|\b(?:command|cmd) (?:to|for)\b|\bsyntax\b/i,
  ],
  ['reason', /왜|이유|어째서|\bwhy\b|\bhow come\b|\breason\b|^y (?:did|do|does|is|are|would|can|cant|can't)\b/i],
  [
    'definition',
    /뭐야|뭐임|머임|머야|뭔데|뭔가요|뭐예요|무엇|(?:이)?란\s*\??$|이란|뜻|의미|정의|(?:뭔|먼|무슨)\s?(?:말|소리|얘기)|[뭐머]하는|[뭐머]함|하는\s?일|역할|\bwhat(?:'s|s| is| are| does| do)\b|\bwhat (?:a|an|the) [\w-]+(?: [\w-]+)? (?:do|does|is|are)\b|\bdefine\b|\bdefinition\b|\bmeaning\b|\bstands? for\b|\bshort for\b|약자|줄임말|풀네임/i,
  ],
  [
    'yesno',
    /아님|아니야|아닌가|아닌지|맞아|맞나요|맞음|맞지|인가요|거임\s*\??$|\b(?:true|legit|right|correct) or (?:nah|not|no|false)\b|[가-힣](?:임|씀|음|는거|인거)\s*\?|(?:^|\s)(?:씀|함|됨)\s*\?|[가-힣]거\s*\?+\s*$|(?:거지|있지|없지|되지|하지|거죠|건가요|나요)\s*\??\s*$|잖아요?\s*\?|건가|가능\s?(?:해|함|한가|\?|$)|되나요|되냐|돼\s*\?|됨\s*\?|(?:있|없)(?:음|나|냐|어)\s*\?|(?:^|[.!?]\s+)(?:is|are|does|do|can|could|will|should|isn'?t|doesn'?t|aren'?t)\b|,?\s*(?:right|correct|isn'?t it|no|yeah|yea|yes|yep|ya|eh|huh|bug|normal|true|ok|okay|safe)\s*\?+\s*$/i,
  ],
  ['summary', /요약|정리|\b(?:tl;?dr|summar(?:y|ize|ise)|in short|overview)\b/i],
];

/**
 * A question word asks for content ("스왑 얼마까지 쓰는거임", "what is …"; in English, opening a clause (after an arrow or
 * a colon too), or anywhere before an inverted auxiliary, a noun between them or not: "the container that got killed
 * how do i prove …", "… how much swap do i get"): not yes/no.
 */
const WH_WORD =
  /얼마|뭐|뭘|뭔|먼(?=\s?(?:말|소리|뜻|얘기))|머임|머야|(?<![가-힣])머(?=하|함|해|냐|가\s|를|였|라고)|무엇|무슨|어떤|어떻|어케|어캐|어느|어디|언제|누가|누구|몇|왜|(?:^|[.?!,;:>—–]\s*)(?:what|how|which|where|who|whose|whom|when|why)\b|\b(?:what|how(?: much| many)?|which|where|who|when|why)\s+(?:[a-z]+\s+)?(?:do|does|did|is|are|was|were|can|could|should|would|will)\s+(?:i|we|you|it|they|this|that|there|the|my|docker|containers?|vms?)\b/i;

/** A question word inside an embedded clause ("얼마나 먹는지 보고싶음", "뭔 의미인지 헷갈림") asks nothing itself. */
const EMBEDDED_WH =
  /(?:얼마나?|뭐|뭘|뭔|무엇|무슨|어떤|어떻게|어디|언제|몇|왜)(?:\s?[가-힣]+){0,2}?\s?[가-힣]*[는은던인한된난운른간런든]지(?=\s|$|[.,])(?!\s*\?)/g;
/** 누가 in a condition ("누가 포크폭탄 돌리면 …") is someone, not who: it asks nothing. */
const INDEFINITE_WHO = /누가(?=(?:\s+\S+){0,4}?[가-힣]면(?:\s|$|[.,]))/g;
/** A question part with its embedded and indefinite question words taken out: what is left asks. */
const directPart = (text: string) => text.replace(EMBEDDED_WH, ' ').replace(INDEFINITE_WHO, ' ');

/**
 * A closing tag that asks for agreement ("…쓴다는 뜻 맞음?", "…, right?", "…? thats all it does?"): the question is
 * yes/no, whatever came before.
 */
const CLOSING_TAG =
  /(?:맞음|맞지|맞아|맞나요|맞죠|맞냐|(?<![가-힣])맞|아님|아니야|아닌가요?)\s*\?+\s*$|,?\s*(?:right|correct|yeah|true|accurate|legit)\s*\?+\s*$|(?<!\b(?:the|on|to|turn|far|top|bottom|upper|lower|all)\s+)\b(?:right|correct)\s*[.!]*\s*$|\b(?:true|right|correct|legit) or (?:nah|not|no|false)\s*\?*\s*$|\b(?:that'?s|is that) (?:all|it)(?: it does)?\s*\?+\s*$|[.,]\s*(?:legit|true)\s*[.!]*\s*$|(?:다|라)(?:던데|더라|며|는데)\s*[.!~ㅋㅎ]*\s*$/i;

/**
 * A guess after a question ("무슨 뜻임?? 코어 1.5개?", "what does it mean? half a core?"): the last asking clause,
 * with no question word of its own, after one that has one. It is checked as a yes/no question.
 */
export function guessOf(questions?: string[]): string | undefined {
  const last = questions && questions.length > 1 ? questions[questions.length - 1] : undefined;
  return last && WH_WORD.test(questions![0]) && !WH_WORD.test(last) && /[?？]\s*$/.test(last) ? last : undefined;
}

/** An English clause opening with an auxiliary and its subject ("should i …", "does it …") asks yes or no. */
const YESNO_OPENING =
  /^(?:should|can|could|will|would|do|does|did|is|are|was|were|isn'?t|doesn'?t|aren'?t|don'?t)\s+(?:i|we|you|it|they|this|that|there|the|my|a|an|docker|containers?|vms?|--[a-z][\w-]*)(?![\w-])/i;

/** Intents a yes/no form may also carry: a symptom ("옆 vm도 같이 죽음??"); not a choice, a command or a reason. */
const YESNO_TOO = new Set<Intent>(['troubleshoot', 'general']);
/** What asks yes or no beside the intent that ranks the question: its cue, a ㅁ-final close, an inner auxiliary. */
const YESNO_CUE = new RegExp(
  [INTENT_CUES.find(([intent]) => intent === 'yesno')![1], KO_NOMINAL_QUESTION, EN_INNER_AUXILIARY].map((r) => r.source).join('|'),
  'i',
);

/** The last line of a message of several ("permission denied …\nshould i just chmod 777 the socket"): often the question. */
const lastLine = (raw: string) => {
  const lines = raw.trim().split(/\n+/);
  return lines.length > 1 ? cleanQuestion(lines[lines.length - 1]) : '';
};

/**
 * A yes/no form whatever else the text says: a closing tag ("…, right?") or an auxiliary opening ("should i …");
 * "was docker the first, or did it just make it popular" offers a choice: not yes or no.
 */
const isYesNoForm = (direct: string) => CLOSING_TAG.test(direct) || (YESNO_OPENING.test(direct.trim()) && !/\bor\b/i.test(direct));

/**
 * Asking whether a means exists ("막는 옵션 있음?", "is there a way to …", "any flag to …") asks for that means: a
 * how-to, not a claim to confirm.
 */
const ASKS_FOR_MEANS =
  /(?:옵션|플래그|설정|기능|명령어?|커맨드|방법)\s?(?:이|은|는|가|도|같은\s?거|같은게|같은건)?\s?(?:있|없)(?:음|나|냐|어|을까|는지|니|남|습니까|나요|어요)|\bis there (?:a|an|any) (?:way|option|flag|command|setting|switch)\b|\b(?:any|a) (?:way|option|flag|command|switch) to\b/i;

/** Whether a question part asks yes or no: a yes/no form or cue, and no question word of its own. */
export function asksYesNo(text: string): boolean {
  const direct = directPart(text);
  return !WH_WORD.test(direct) && !ASKS_FOR_MEANS.test(direct) && (isYesNoForm(direct) || YESNO_CUE.test(direct));
}

const COMPARE_CUE = INTENT_CUES.find(([intent]) => intent === 'compare')![1];
/** The text weighs two things, whatever intent it is classified as ("exit 137 vs exit 143, whats the difference"). */
export const asksComparison = (text: string) => COMPARE_CUE.test(text);

/**
 * Asked what a statement means ("vm 늘어날수록 버전관리 지옥된다는게 무슨말임", "what does it mean that …"): its reason
 * is wanted, not the definition of a word in it.
 */
const MEANING_OF_STATEMENT =
  /(?:다는|냐는|다던)\s?(?:게|거|건|말|말이|얘기)\s*(?:뭔|먼|무슨|뭐|머)\s?(?:말|소리|얘기|뜻|의미)?|\bwhat (?:does|do) (?:it|they|you|he|she|the \w+) mean (?:that|by saying|when (?:they|you|he|she|it) says?)\b/i;

/**
 * A whole statement quoted with 라는 ("…software 때문이라는게 뭔 소리임"): its meaning is asked. A term quoted so
 * ("레이어라는게 무슨 뜻임") is a definition: the statement needs four words or more.
 */
const MEANING_OF_QUOTED = /(?:\S+\s+){3,}\S*라는\s?(?:게|거|건|말이?|얘기)\s*(?:뭔|먼|무슨)\s?(?:말|소리|얘기|뜻|의미)/;

export function classifyIntent(text: string): Intent {
  const direct = directPart(text);
  if (ASKS_FOR_MEANS.test(direct)) return 'howto';
  if (isYesNoForm(direct) && !WH_WORD.test(direct)) return 'yesno';
  if (MEANING_OF_STATEMENT.test(text) || MEANING_OF_QUOTED.test(text)) return 'reason';
  for (const [intent, cue] of INTENT_CUES) if (cue.test(text) && !(intent === 'yesno' && WH_WORD.test(direct))) return intent;
  return 'general';
}

/** Question words that make a clause a question even without "?" (왜, 뭐, how, what …). */
const QUESTION_WORD =
  /[?？]|(?:였|이었)(?:나|던가|지|더라)(?=\s|$|[.,!])|왜|뭐|뭔|머임|머야|(?<![가-힣])머(?=하|함|해|냐|가\s|를|였|라고)|어떻|어케|어캐|누구|언제|어디|얼마|몇|무슨|무엇|나요|까요|\b(?:what|why|how|which|who|where)\b|^(?:(?:and|so|then|but|or)\s+)?(?:is|are|does|do|can|should|could|will)\b/i;
/** Whether a text asks anything: a "?", a question word, or an intent's cue ("알려줘", "explain", "vs"). */
export const asksAnything = (text: string) => QUESTION_WORD.test(text) || classifyIntent(text) !== 'general';
/** 이미지만 is 이미지 + 만 (only), not a verb + 지만 (but): a glossary noun before the particle. */
const isNounWithParticle = (word: string) => word.endsWith('만') && isGlossaryNoun(word.slice(0, -1));
/** A clause saying what the asker wants ("200메가까지만 쓰게 하고싶은데", "i want to cap it at 512mb") is the question's goal. */
const WANTS =
  /싶[은어음]|싶다|려는데|려고\s?(?:하는데|함)|\b(?:i want|want to|wanna|i'd like|i need|need to|i'm trying|im trying|trying to)\b/i;
/** A condition or reason clause ("if the daemon does the work, …") sets up the question; it is not one. */
const SETS_UP = /^(?:if|when|since|because|as|given)\b/i;
/** Connective and hearsay endings ("…쓴다던데", "…2배 먹는다며"): the clause sets up what is asked. */
const SETS_UP_ENDINGS = '던데|는데|은데|인데|다는데|다던데|지만|잖아|다며|라며';
/** A clause closed by one of them states what the asker heard (~니까, "because", ends a clause without that). */
const RELAYS = new RegExp(`(?:${SETS_UP_ENDINGS})[.,!]*$`);
/** Where a clause ends at one of them, or at ~니까. */
const ENDS_ON_CONNECTIVE = new RegExp(`(\\S+(?:${SETS_UP_ENDINGS}|니까)),?\\s+`, 'g');
/** "true or nah", "is that right?": a clause asking only for agreement has no words of its own. */
const AGREEMENT_TAG =
  /^(?:is (?:it|that|this|he|she) )?(?:true|right|correct|legit|accurate)(?: or (?:nah|not|no|false|what))?\s*\?*$|^(?:is (?:it|that|this) )?(?:a )?(?:good|bad|fine|ok|okay|safe|risky|dangerous)(?: idea| practice)?(?: or (?:not|nah|bad|fine|good|safe|ok|okay|risky|what))?\s*\?*$/i;
/** Words of a clause that point back at the things named before it: each, both, the two. */
const POINTS_BACK = /각각|각자|둘\s?다|둘이|둘의|둘\s?중|두\s?개\s?(?:다|가|의|는)?(?=\s|$|[?.,])|\b(?:each|both|the two|either)\b/i;
/** A recalled guess: "docker top이었나", "inspect였던가", "1024인가" closing a clause. */
const RECALLED_GUESS = /(?:였|이었)(?:나|던가)\s*[?？]*$|(?<=[a-z0-9])\s?인가\s*[?？]*$/i;
/** Asking why in so many words: 왜임?, 어째서, why tho, how come (not "뭔소리임", which asks what a statement means). */
export const ASKS_WHY = /왜|어째서|\bwhy\b|\bhow come\b/i;
/** A clause offering the other alternative ("…half a core? or 50% of all cores") asks with the one before it. */
const ALTERNATIVE = /^(?:or|아니면|아님|혹은|또는)(?:\s|$)/i;

/**
 * The question part and the premise before it. Clauses end at sentence punctuation, at Korean connective
 * endings (~던데, ~는데, ~지만) and at an English comma before a question word. Clauses that ask (a "?", a
 * question word, an intent cue) are the question part; statements are the premise. With no asking clause,
 * the last clause with a content word is the question.
 */
export function splitPremise(text: string): { premise: string; focus: string; questions?: string[]; guesses?: string } {
  const marked = text
    .replace(/(?<=\S)([.?!？]+)(?=\s|$)|\n/g, '$1\uE000')
    .replace(ENDS_ON_CONNECTIVE, (m, word: string) => (isNounWithParticle(word) || word.endsWith('까지만') ? m : `${word}\uE000`))
    .replace(/,\s+(?=(?:so|then|but|and|what|how|why|which|is|are|do|does|can|should|where|who)\b)/gi, '\uE000')
    // "what is a hypervisor and why do vms need one": "and" before a question word starts a second question.
    .replace(/(?<=\w)\s+and\s+(?=(?:what|how|why|which|where|who)\s+(?!not\b|else\b)\w)/gi, '\uE000')
    .replace(/(?:^|\s|\uE000)(?:그럼|그러면|그래서|근데)\s+/g, '\uE000')
    // "X가 뭐고 Y는 왜 …": a question word closed by 고 ends one question and starts another.
    .replace(/(?<=[가-힣]\s?(?:뭐|머|뭔지|어떻게|어케|왜)고),?\s+/g, '\uE000')
    // "명령어 뭐였지 docker top이었나 …": a question word's recalling ending closes a clause too.
    .replace(/(?<=(?:뭐|머|뭔|무슨|어떤|몇)[가-힣]{0,3}(?:였|이었)(?:지|더라|나|던가)),?\s+/g, '\uE000');
  const all = marked.split('\uE000').map((c) => c.trim());
  const hasContent = (c: string) => !AGREEMENT_TAG.test(c) && words(c).some((w) => !w.isStop && w.surface.length > 1);
  const clauses = all.filter(hasContent);
  if (clauses.length < 2) return { premise: '', focus: text };
  // After a clause closed by "?", one with no question word that only reports a symptom ("…왜 10초나 걸림? 그리고
  // 멈춘거 보면 137 떠있음") tells what was seen: it is context, not a second question. (Before the question, the
  // symptom is what is asked about: "exited 137 but OOMKilled says false. so what killed it?")
  const firstMarked = clauses.findIndex((c) => /[?？]\s*$/.test(c));
  const reports = (c: string) =>
    firstMarked >= 0 && clauses.indexOf(c) > firstMarked && !QUESTION_WORD.test(c) && classifyIntent(c) === 'troubleshoot';
  const asks = (c: string) => !SETS_UP.test(c) && !RELAYS.test(c) && asksAnything(c) && !reports(c);
  // A guess after a question word ("…명령어 뭐였지 docker top이었나 docker inspect였나") offers candidates: premise.
  const guesses = (c: string, i: number) => i > 0 && WH_WORD.test(clauses[0]) && !WH_WORD.test(c) && RECALLED_GUESS.test(c);
  const asked = clauses.filter((c, i) => (asks(c) || (i > 0 && ALTERNATIVE.test(c))) && !guesses(c, i));
  // A tag: a question of no words of its own ("이게 뭐임?", "ㄹㅇ임?", "is he right or nah").
  const isTag = (c: string) => !!c && !hasContent(c) && asks(c);
  // "…라는데 이게 뭐임?", "…a lightweight vm. is he right or nah": a closing tag points back at everything before it.
  if (!asked.length && isTag(all.filter((c) => c).at(-1) ?? '')) return { premise: '', focus: text };
  // A tag before another question ("…써있던데 ㄹㅇ임? 그럼 …") asks about the clause just before it.
  const tagged = all.flatMap((c, i) => (isTag(c) ? all.slice(0, i).filter(hasContent).slice(-1) : []));
  // A tag asking why ("…빠르다던데 왜임?") asks for the reason of what the clause states, not whether it holds: it stays
  // with the clause.
  const whyTag = new Map<string, string>();
  all.forEach((c, i) => {
    const before = isTag(c) && ASKS_WHY.test(c) ? all.slice(0, i).filter(hasContent).at(-1) : undefined;
    if (before) whyTag.set(before, c);
  });
  // "--cpus랑 -c 둘다 cpu 옵션이던데 각각 뭐하는거임?": an asking clause about "each" or "both" asks about the things
  // the clause before it names.
  const referred = clauses.flatMap((c, i) => (i > 0 && asked.includes(c) && POINTS_BACK.test(c) ? [clauses[i - 1]] : []));
  const asking = clauses.filter((c) => asked.includes(c) || tagged.includes(c) || referred.includes(c));
  const goals = clauses.filter((c) => WANTS.test(c) && !asking.includes(c));
  const focus = asking.length ? [...goals, ...asking] : [clauses[clauses.length - 1]];
  const guessed = clauses.filter(guesses);
  const split = {
    premise: clauses.filter((c) => !focus.includes(c) && !guessed.includes(c)).join(' '),
    focus: focus.map((c) => (whyTag.has(c) ? `${c} ${whyTag.get(c)}` : c)).join(' '),
    ...(guessed.length ? { guesses: guessed.join(' ') } : {}),
  };
  return asking.length > 1 ? { ...split, questions: asking } : split;
}

const COUNT_WORDS: Record<string, number> = { 한: 1, 두: 2, 세: 3, 1: 1, 2: 2, 3: 3, one: 1, two: 2, three: 3, a: 1 };
/**
 * "한줄로", "3줄요약", "한마디로", "in one line", "in two sentences": how many sentences the answer should have. "한줄만" asks it
 * only at the end or before a request ("한줄만 ㄱ"), not in "코드 한줄만 바꿔도".
 */
const LENGTH_ASKED =
  /(?:^|[^가-힣0-9])(한|두|세|[123])\s?(?:줄|문장|단어|마디)(?:\s?(?:로|으로|요약|정리|설명)|(?:만|씩|씩만)?(?=\s*(?:$|[.!?ㄱ]|좀|요약|정리|설명|알려|부탁|해\s?줘|pls|plz)))|\b(?:in (?:just )?)(one|two|three|a|[123]) (?:line|sentence)s?\b|\b(one|two|three|[123])[- ](?:line|sentence)s?(?: (?:summary|answer|explanation|version)\b|,? (?:pls|plz|please|only|max)\b|\s*[.!?]*$)/i;
export function requestedLines(text: string): number | undefined {
  const m = LENGTH_ASKED.exec(text);
  if (!m) return undefined;
  const count = COUNT_WORDS[(m[1] ?? m[2] ?? m[3]).toLowerCase()];
  // "차이 한줄씩": that many lines for each of the two things compared.
  return m[0].includes('씩') ? count * 2 : count;
}

/** A term alone ("cgroup?", "docker stats??", "--memory-swap"): asked what it is. */
const isBareTerm = (text: string) => {
  const content = words(text).filter((w) => !w.isStop);
  return content.length > 0 && content.length <= 2 && content.every((w) => w.script !== 'digit' && !isConjugated(w.key));
};

/** A line of terminal output: a table header in capitals, or mostly numbers, sizes and percentages. */
function looksLikeOutput(line: string): boolean {
  const tokens = line.trim().split(/\s+/).filter(Boolean);
  if (tokens.length < 4 || /[가-힣]/.test(line)) return false;
  const header = tokens.filter((t) => /^[A-Z][A-Z/%.]*$/.test(t)).length >= 4;
  const figures = tokens.filter((t) => /\d/.test(t)).length >= tokens.length / 2;
  return header || figures;
}

/** Output lines before the question, or quoted output (`…`) inside it: split from the words that ask. */
export function pastedOutput(raw: string): { output: string; rest: string } | undefined {
  const lines = raw.split(/\n/);
  const output = lines.filter(looksLikeOutput);
  if (lines.length > 1 && output.length && output.length < lines.filter((l) => l.trim()).length)
    return { output: output.join(' '), rest: lines.filter((l) => !looksLikeOutput(l)).join(' ') };
  const quoted = [...raw.matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter(looksLikeOutput);
  if (quoted.length) return { output: quoted.join(' '), rest: quoted.reduce((r, q) => r.replace(`\`${q}\``, ' '), raw) };
  // A table header typed inline ("it just shows REPOSITORY TAG IMAGE ID CREATED SIZE"): five or more capitalised column names in a row.
  const header = INLINE_HEADER.exec(raw);
  return header ? { output: header[0].trim(), rest: raw.replace(header[0], ' ') } : undefined;
}
const INLINE_HEADER = /(?:^|\s)(?:[A-Z][A-Z/%.]*(?:\s+|$)){5,}/;

const ASKS_SIMPLY = new RegExp(SIMPLE_REGISTER.source, 'i');

/** A negated question: 안 + verb at its close, 않, n't, not. */
const NEGATED = /(?:^|\s)(?:안|못)\s?[가-힣]+\s*[?？]|않|\bnot\b|n't\b/i;

/**
 * Whether the question asks yes or no beside the intent that ranks it: its question part, or else the last line
 * below lines that set it up, which is then the part a claim is checked against.
 */
function yesNoOf(intent: Intent, focus: string, raw: string, questions?: string[]): Pick<QueryAnalysis, 'asksYesNo' | 'yesNoPart'> {
  // After a statement of what the student saw ("shim 프로세스가 컨테이너 수만큼 떠있음.. 죽여도 됨?"), the one clause
  // closed by a question mark is what is answered yes or no.
  const asked = questions?.filter((c) => /[?？]\s*$/.test(c)) ?? [];
  if (intent === 'yesno' && questions && questions.length > 1 && asked.length === 1 && asked[0] === questions.at(-1) && asksYesNo(asked[0]))
    return { asksYesNo: true, yesNoPart: asked[0] };
  if (intent === 'yesno') return { asksYesNo: true };
  // A yes/no question followed by another ("vm 만들어주고 끝임? 그담엔 뭐함"): the first is answered yes or no, unless
  // it is negated ("os 따로 부팅 안함?"), where a bare 네 or 아니요 would not say which way.
  const [first, ...later] = questions ?? [];
  if (first && later.length > 0 && asksYesNo(first) && !NEGATED.test(first)) return { asksYesNo: true, yesNoPart: first };
  // After what the student saw ("…stuck at exactly 50% and the app is laggy. is it being throttled?"), a closing yes/no
  // clause is what is answered yes or no, not the symptom before it.
  const last = later.at(-1);
  const closesAsking = (c: string) => /[?？]\s*$/.test(c) || isYesNoForm(c);
  if (YESNO_TOO.has(intent) && last && closesAsking(last) && asksYesNo(last) && ![first, ...later.slice(0, -1)].some(asksYesNo))
    return { asksYesNo: true, yesNoPart: last };
  // Below pasted lines, the last line is what is asked, whatever the lines above say.
  const below = YESNO_TOO.has(intent) ? lastLine(raw) : '';
  if (below && asksYesNo(below)) return { asksYesNo: true, yesNoPart: below };
  return YESNO_TOO.has(intent) && asksYesNo(focus) ? { asksYesNo: true } : {};
}

export function analyseQuery(raw: string, lang?: Lang): QueryAnalysis {
  const simple = ASKS_SIMPLY.test(raw);
  const unregistered = raw.replace(NEWCOMER, ' ');
  const text = cleanQuestion(simple ? unregistered.replace(SIMPLE_REGISTER, ' ') : unregistered);
  const detected = lang ?? detectLang(text || raw);
  const kind: QueryKind = GREETING.test(text) ? 'greeting' : THANKS.test(text) ? 'thanks' : isJunk(text) ? 'junk' : 'question';
  // Output pasted above or quoted inside the question (a docker stats table, an error line) is what the asker
  // saw: premise, never what is asked.
  const found = pastedOutput(raw);
  const rest = found && cleanQuestion(found.rest);
  // Only when words of the question remain ("이거 뭐임?" above an error line asks about the line itself).
  const pasted = rest && words(rest).some((w) => !w.isStop && w.script !== 'digit' && w.surface.length > 1) ? found : undefined;
  const excluded = excludedBy(text);
  const split: ReturnType<typeof splitPremise> = relayedQuestion(text) ?? splitPremise(pasted && rest ? rest : text);
  const { focus, questions, premise, guesses } = split;
  const output = pasted ? { output: cleanQuestion(pasted.output) } : {};
  // The intent is read from the question part; "…, why?" leaves it with no content, so the whole text then.
  const intent = classifyIntent(focus);
  const lines = requestedLines(text);
  const read = intent === 'general' ? classifyIntent(text) : intent;
  const final = read === 'general' && isBareTerm(text) ? 'definition' : read;
  const yesNo = yesNoOf(final, focus, raw, questions);
  return {
    text,
    lang: detected,
    kind,
    intent: final,
    focus,
    premise,
    lines,
    ...(questions ? { questions } : {}),
    ...yesNo,
    ...(simple ? { simple } : {}),
    ...(excluded ? { excluded } : {}),
    ...(guesses ? { guesses } : {}),
    ...output,
  };
}
