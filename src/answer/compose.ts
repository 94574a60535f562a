// The answer that needs no API key, composed for what was asked: the best section's key point first (the
// definition, the reason, the command, the correction), the command as a code block for a how-to question,
// then the few sentences of the best passages that say most about the question, each cited at its end.
import { spelledToDigits } from '../text/spelled-numbers.js';
import { escapeRegExp } from '../text/escape-regexp.js';
import { askedValues, withAskedValuesInText } from './asked-values.js';
import { asksCheck, commandBlock } from './command-block.js';
import { expectedVerdict } from './expected.js';
import { mostAsked, shapedFirst, wholeSentences } from './sentence-shape.js';
import { formsOf, ROW } from './novelty.js';
import { citedFigures, namesOption, type Figure } from './figures/index.js';
import { fixRunCommand, misplacedOptions } from './run-command.js';
import { ownValueReason, restatesWorked, withOwnReason } from './own-values.js';
import { summaryList } from './summary.js';
import { withShortFlagNamed } from './short-flags.js';
import {
  asStated,
  correctionsLast,
  isCorrection,
  leadFor,
  matchedClaim,
  sameThingAsked,
  namesOption as namesOptionAsked,
  namesTheClaim,
  NO_OPENING,
  OFFERS_CHOICE,
  verdictLead,
} from './claims.js';
import { optionsIn } from '../knowledge/option-names.js';
import { askedOverlap } from './overlap.js';
import { sectionKey } from '../knowledge/chunk.js';
import { splitSentences } from '../knowledge/sentences.js';
import { ASKS_WHY } from '../knowledge/query.js';
import { tokenize } from '../knowledge/tokenize.js';
import type { Chunk, Claim, SearchHit, SearchResult } from '../knowledge/types.js';
import {
  bestSentence,
  directSentence,
  firstQuoting,
  mentionsValue,
  quotingSentence,
  reasonSentence,
  sentencesOf,
  type Sentence,
} from './candidates.js';
import { definingSentence } from './defining.js';
import { Draft } from './draft.js';
import { otherParts, partLeads, unnamedSide } from './parts.js';
import { MIN_NOVELTY, supportSentences } from './support.js';

/** After a verdict, a figure bringing less than this share of new terms repeats its reason. */
const REPEAT_NOVELTY = 0.4;
/** How many of the best passages sentences are drawn from. */
const PASSAGES_USED = 3;
/** Supporting sentences after the lead. */
const MAX_SUPPORT = 1;
/** A later passage contributes only if it scored at least this share of the best one. */
const NEAR_BEST = 0.75;
/** A question asking for a value's other forms: what a figure adds even when the lead names the value. */
const ASKS_CONVERSION =
  /period|quota|\bms\b|milli|밀리|equivalent|환산|바꾸면|%|percent|퍼센트|cpu\.max|bytes?|바이트|얼마|how (?:much|many)|몇/i;
/** The sentence naming a compared side the answer left out must still bring this share of new terms. */
const SIDE_NOVELTY = 0.5;

/** Sources as listed: one copy per section (the question's language when both are found), that language first. */
export function answerSources(result: SearchResult): SearchHit[] {
  const groups = new Map<string, SearchHit[]>();
  for (const h of result.hits) {
    const section = sectionKey(h.chunk);
    groups.set(section, [...(groups.get(section) ?? []), h]);
  }
  const kept = [...groups.values()].map((hits) => {
    const langs = new Set(hits.map((h) => h.chunk.doc.lang));
    if (langs.size === 1) return wholeSection(hits);
    // The question's language's copy, ranked as its section's best copy was.
    return { ...wholeSection(hits.filter((h) => h.chunk.doc.lang === result.lang)), score: Math.max(...hits.map((h) => h.score)) };
  });
  kept.sort((a, b) => b.score - a.score);
  return [...kept.filter((h) => h.chunk.doc.lang === result.lang), ...kept.filter((h) => h.chunk.doc.lang !== result.lang)];
}

/** Passages of one section found together become one source: their text in document order, the best score. */
function wholeSection(found: SearchHit[], sectionOf?: (chunk: Chunk) => Chunk[]): SearchHit {
  const score = Math.max(...found.map((h) => h.score));
  const hits = sectionOf ? sectionOf(found[0].chunk).map((chunk) => ({ chunk, score })) : found;
  if (hits.length === 1) return hits[0];
  const order = (h: SearchHit) => Number(h.chunk.id.slice(h.chunk.id.lastIndexOf('#') + 1));
  const parts = [...hits].sort((a, b) => order(a) - order(b));
  const chunk: Chunk = {
    ...parts[0].chunk,
    text: parts.map((h) => h.chunk.text).join('\n'),
    code: parts.flatMap((h) => h.chunk.code),
    inlineCode: [...new Set(parts.flatMap((h) => h.chunk.inlineCode ?? []))],
  };
  return { chunk, score };
}

/** A passage that states where docker run's options go (before the image name). */
const STATES_ORDER = /(?:before|after) the image name|이미지 이름 (?:앞|뒤)/i;
/** A question asking for an amount: how much, how many, what share. */
const QUANTITY_ASKED = /얼마|몇|최대|\b(?:how (?:much|many)|what (?:%|percent|share|ratio)|wh?at %|who gets|max(?:imum)?|in total)\b/i;

export interface Composed {
  text: string;
  sources: SearchHit[];
}

/** The sections the answer draws on: the best ones in the question's language, near the best score. */
function usedSections(result: SearchResult, sources: SearchHit[]): { used: SearchHit[]; bestScore: number } {
  const sameLang = sources.filter((h) => h.chunk.doc.lang === result.lang);
  const pool = (sameLang.length ? sameLang : sources).slice(0, PASSAGES_USED);
  const bestScore = pool[0]?.score ?? 0;
  const used = correctionsLast(
    result,
    pool.filter((h, i) => i === 0 || h.score >= bestScore * NEAR_BEST),
  );
  return { used, bestScore };
}

interface Lead {
  verdict?: { source: number; claim: Claim };
  best: SearchHit;
  candidates: Sentence[];
  keyPoint?: string;
  quoting?: Sentence;
  direct?: Sentence;
  text?: string;
}

/**
 * 1. The lead: the key point of the best section, or its sentence that says most about the question. A yes/no
 * question that states a claim the notes check is answered yes or no, from that claim's section (moved first); a
 * guess after another question ("무슨 뜻임?? 코어 1.5개?") is checked the same way.
 */
function chooseLead(
  result: SearchResult,
  sources: SearchHit[],
  used: SearchHit[],
  asked: Set<string>,
  maxChars: number,
  noVerdict = false,
): Lead {
  // Offered a choice ("virtualbox is type 1 or type 2?"), the claim about one side says which (its reason leads).
  const checked = noVerdict
    ? undefined
    : result.intent === 'yesno' || result.asksYesNo
      ? (result.focusTerms ?? result.terms)
      : (result.guessTerms ?? (OFFERS_CHOICE.test(result.query) ? result.terms : undefined));
  // Two flags or commands asked to be the same are told apart by their names, before any check-list claim.
  const same = noVerdict ? undefined : sameThingAsked(result.query);
  const verdict =
    same !== undefined
      ? { source: 0, claim: { truth: same, text: '' } }
      : checked
        ? matchedClaim(used, asked, new Set(checked), result.query)
        : undefined;
  if (verdict && verdict.source > 0) used.unshift(...used.splice(verdict.source, 1));
  // A message the student pasted is explained by the section that quotes it, ranked first or not.
  const quoter = verdict ? { index: -1, quoted: [] } : firstQuoting(used, result.query);
  if (quoter.index > 0) used.unshift(...used.splice(quoter.index, 1));
  // Asked what a thing is, a section with a sentence about that thing goes first when the best one has none.
  // (Not for a question of several parts: the others need their own sections.)
  const definition = !verdict && quoter.index < 0 && result.intent === 'definition' && (result.parts?.length ?? 1) < 2;
  // The defining sentence may stand in a passage of the section that was not found: the sections are read whole.
  const whole = definition ? used.map((h) => wholeSection([h], result.sectionOf)) : used;
  const defined = definition ? definingSentence(result.query, sentencesOf(whole, asked), leadFor(used[0].chunk)) : undefined;
  if (defined) sources[sources.indexOf(used[defined.source])] = used[defined.source] = whole[defined.source];
  if (defined && defined.source > 0) used.unshift(...used.splice(defined.source, 1));
  const best = used[0];
  // A correction whose claim the question does not state gives no supporting sentence either (its rebuttal).
  const rebuttal = used.map((h, i) => i > 0 && isCorrection(h.chunk) && !namesTheClaim(asked, h.chunk));
  const candidates = sentencesOf(used, asked).filter((c) => !rebuttal[c.source]);
  const keyPoint = verdict
    ? verdictLead(result.lang, asStated(result.query, verdict.claim), best.chunk, result.query)
    : leadFor(best.chunk);
  // The sentence that answers what was asked goes first when the key point is about the section in general
  // (a correction's key point is the answer itself). An error message the student pasted is explained first,
  // before any figure of their values.
  const usable = keyPoint && !verdict && !NO_OPENING.test(best.chunk.keyPoint ?? '');
  // A pasted message is explained first, by a correction's section too.
  const quoting = keyPoint && !verdict ? quotingSentence(candidates, quoter.quoted, keyPoint) : undefined;
  // Asked what a thing is, the sentence with that thing as its subject, when the key point's subject is wider.
  const defining = defined && usable ? candidates.find((c) => c.source === 0 && c.text === defined.text) : undefined;
  // Asked why (in so many words: "뭔소리임" asks what a statement means), the sentence that gives the reason when the key
  // point only states what is.
  const keyOverlap = usable ? askedOverlap(tokenize(keyPoint), asked) : 0;
  const reasoning =
    usable && result.intent === 'reason' && ASKS_WHY.test(result.query) ? reasonSentence(candidates, keyPoint, keyOverlap) : undefined;
  const direct = quoting ?? defining ?? reasoning ?? (usable ? directSentence(candidates, keyOverlap) : undefined);
  const text = direct?.text ?? keyPoint ?? bestSentence(candidates, maxChars);
  return { verdict, best, candidates, keyPoint, quoting, direct, text };
}

/** A command that reads state, written in a sentence (docker inspect, docker info, cat /sys/fs/cgroup/…, stat -fc). */
const NAMES_CHECK = /\bdocker (?:inspect|info|stats|events|logs|system df|history)\b|\bcat \/|\bstat -|\bdmesg\b/;
/** A figure: a number with a unit or a ratio (2:1, 63%, 200 ms, 1g). */
const NAMES_FIGURE = /\d\s?(?:%|:\d|ms\b|[mg]\b|mib\b|gib\b|mb\b|gb\b|배|개)/i;

/**
 * What the question's shape asks the lead to carry: the check command when asked how to check a setting, a figure
 * when asked how much.
 */
function shapeAsked(result: SearchResult): ((text: string) => boolean) | undefined {
  if (asksCheck(result)) return (text) => NAMES_CHECK.test(text);
  if (QUANTITY_ASKED.test(result.query)) return (text) => NAMES_FIGURE.test(text);
  return undefined;
}

/** A figure is said when each of its numbers stands whole: 50ms is not said by 150ms. */
const says = (text: string, f: Figure) => {
  const joined = text.replace(/(\d) (ms|%|MiB)/g, '$1$2');
  return f.numbers.every((n) => new RegExp(`(?<![\\d.,])${escapeRegExp(n)}`).test(joined));
};

/**
 * The student's own figure that leads the answer, if one does: when it answers (a reading, a question of how much, or
 * what the student's own value of the best section's option means or does when the lead explains it with another
 * value: --cpus 0.5 against the notes' 1.5, "--pids-limit 100: what happens at #101?" against the notes' 64),
 * whatever the question's intent, and the lead does not say it already.
 */
function leadingFigure(result: SearchResult, lead: Lead, figures: CitedFigure[], used: SearchHit[]): CitedFigure | undefined {
  const [first] = figures;
  const explainsOther = (f: Figure) =>
    namesOption(lead.best.chunk.heading, f.option) && !mentionsValue(lead.text ?? '', result.query, f.option);
  // Asked whether an option they set failed ("cpu-shares 256 줬는데 180% 씀, 안먹힌거임?"), the option's own section
  // explains it first; what they read off the output follows.
  const optionDoubted =
    OPTION_DOUBTED.test(result.query) && used.some((h) => optionsIn(h.chunk.heading).some((o) => namesOptionAsked(result.query, o)));
  // Asked to pick one of two options ("which one actually stops it"), the contrast answers, not the first one's figure.
  const picks = ASKS_PICK.test(result.query);
  // A reading of the doubted option itself (CPU % at the --cpus cap) is the verdict on it, and leads.
  const readsDoubted = !!first?.reads && first.option.startsWith('--') && namesOptionAsked(result.query, first.option);
  // A special value's own meaning leads even when the key point names it among the other cases ("--memory-swap -1
  // 이건 뭐임" against "같으면 스왑 없음, -1이면 무제한, 0이면 2배…").
  const answers =
    first &&
    ((first.reads && (!optionDoubted || readsDoubted)) ||
      QUANTITY_ASKED.test(result.query) ||
      ((explainsOther(first) || (first.special && result.intent !== 'compare')) && !picks));
  // Asked how to check a setting, the check leads, not what the student's value does.
  const checks = asksCheck(result) && !first?.reads;
  // A lead that names the reading's number as its own example (200% in "200%처럼 100%를 넘는 것이 정상") without the
  // option read against has not said it.
  const saidAlready = !!first && says(lead.text ?? '', first) && (!readsDoubted || (lead.text ?? '').includes(first.option));
  return !lead.verdict && !lead.quoting && !checks && answers && !saidAlready ? first : undefined;
}

type CitedFigure = ReturnType<typeof citedFigures>[number];

/** Asked to pick between things: which one, which of them, 둘 중, 뭐가 더 (not 어느 쪽, often the side of a host:container pair). */
const ASKS_PICK = /\bwhich (?:one|of (?:them|the two|these|those))\b|\bwhich (?:flag|option) (?:actually|really)\b|둘\s?중|뭐가\s?더/i;

/** Asked to judge what they read: is that bad, fine, normal, 괜찮음, 정상, 위험. */
const JUDGES_READING = /\b(?:bad|fine|ok(?:ay)?|normal|healthy|dangerous|a problem)\b|괜찮|정상|위험|문제\s?(?:있|없|임|됨)/i;

/** The student doubts an option took effect: it did not work, was ignored, 안먹힘, 씹힘, 적용 안됨. */
const OPTION_DOUBTED =
  /안\s?먹|씹[힌힘혔]|안\s?걸린|무시\s?(?:된|됨|당)|적용\s?안|\b(?:didn'?t|doesn'?t|isn'?t|wasn'?t) (?:work|apply|take effect|working|applied)|\bnot (?:work(?:ing)?|appl(?:y|ied)|take effect)\b|\bignored\b/i;

export function composeAnswer(result: SearchResult, maxChars: number): Composed {
  const sources = answerSources(result);
  const { used, bestScore } = usedSections(result, sources);
  const asked = new Set(result.terms);
  const cite = (h: SearchHit) => sources.indexOf(h) + 1;

  if (result.intent === 'summary' && result.lines !== 1) {
    const list = summaryList(result, sources, maxChars);
    if (list) return { text: list, sources };
  }

  const draft = new Draft(maxChars);
  // A question asking how much ("스왑 얼마?", "who gets what %") is answered by its own values first; values spelled
  // in Sino-Korean numerals (오백십이메가) are read as digits.
  const valued = spelledToDigits(result.query);
  const figures = citedFigures(
    valued,
    result.lang,
    sources.map((h) => h.chunk.text),
  );
  // Asked whether what they read is bad or fine ("495MiB / 512MiB, is that bad?"), the reading answers, not a claim.
  const judgesReading = !!figures[0]?.reads && JUDGES_READING.test(result.query);
  const lead = chooseLead(result, sources, used, asked, maxChars, judgesReading);
  const { verdict, best, keyPoint, direct } = lead;
  const ownReason = lead.verdict && lead.text ? ownValueReason(result, lead.text, figures) : undefined;
  if (ownReason) lead.text = withOwnReason(lead.text ?? '', ownReason, result.query);
  const leading = leadingFigure(result, lead, figures, used);
  const worked: Figure[] = ownReason ? [ownReason] : []; // figures added: each takes the place of a supporting sentence
  const restates = restatesWorked(worked, result.query);
  if (leading) {
    draft.add(`${leading.text} [${leading.source + 1}]`, formsOf(leading.text));
    worked.push(leading);
  }
  // A pasted `docker run` with options after the image: why they were ignored is the answer (to "why no limit?" and to
  // "how do I fix it?" alike), cited to the section that states where options go.
  const fix = fixRunCommand(result.query);
  const orderSource = fix ? sources.findIndex((h) => STATES_ORDER.test(h.chunk.text)) : -1;
  if (fix && orderSource >= 0 && !leading) {
    const why = misplacedOptions(fix, result.lang);
    draft.add(`${why} [${orderSource + 1}]`, formsOf(why));
  }
  // After that diagnosis, a lead saying the same rule again ("options go before the image name") is left out.
  const diagnosed = orderSource >= 0 && lead.text && draft.said.novelty(formsOf(lead.text)) < MIN_NOVELTY;
  // A reading of what the student saw (250% CPU, a LIMIT, cpu.max) states the rule it applies: the key point, which
  // states it again with the notes' example, would repeat it.
  const readAlready = leading?.reads && lead.text === keyPoint;
  // Asked for N lines ("한줄로"), a key point of more sentences gives the N that say most about the question.
  // Asked how to check or how much, the key point's sentence with the check or the figure leads.
  const shape = lead.text === keyPoint && !verdict ? shapeAsked(result) : undefined;
  const leadSentences = lead.text && shape ? shapedFirst(splitSentences(lead.text), shape) : undefined;
  const leadText =
    lead.text && result.lines
      ? mostAsked(leadSentences ?? splitSentences(lead.text), asked, result.lines, shape).join(' ')
      : (leadSentences?.join(' ') ?? lead.text);
  if (leadText && !diagnosed && !readAlready && !(leading && restates(leadText)))
    draft.add(`${wholeSentences(leadText, maxChars)} [${ownReason ? ownReason.source + 1 : cite(best)}]`, formsOf(leadText));
  // After a verdict the claim counts as said: a sentence restating it ("a common misconception is that …") adds nothing.
  if (verdict) draft.said.add(formsOf(verdict.claim.text), verdict.claim.text);
  // After a quoted message's meaning, the key point, unless the student's own values (worked below) take its room.
  const keyPointAfter = direct && keyPoint ? keyPoint : undefined;

  // The student's own values worked out by the rule of the section that states it.
  for (const figure of figures.filter((f) => f !== leading && f !== ownReason)) {
    if (says(draft.text, figure) || !draft.fits(figure.text.length + 5)) continue;
    // A figure in other words than the verdict's reason that said it already ("CpuShares 0 … 1024 applies").
    if (lead.verdict && draft.said.novelty(formsOf(figure.text)) < REPEAT_NOVELTY) continue;
    // A reading of what the student pasted (cpu.max "25000 100000") is the answer; a figure quoting the same value
    // works it again from the option's side.
    if (leading?.reads && leading.numbers.some((n) => figure.text.includes(n))) continue;
    // A lead that already works the student's own value leaves its figure only the same point again, unless the
    // question asks for the figure's other forms (quota and period, milliseconds, a percentage).
    if (
      lead.text &&
      mentionsValue(lead.text, result.query, figure.option) &&
      !ASKS_CONVERSION.test(result.query) &&
      draft.said.novelty(formsOf(figure.text)) < MIN_NOVELTY
    )
      continue;
    draft.add(`${figure.text} [${figure.source + 1}]`, formsOf(figure.text));
    worked.push(figure);
  }
  // Asked for N lines, the key point after the lead only while there is a line left for it.
  if (
    keyPointAfter &&
    draft.fits(keyPointAfter.length + 5) &&
    !(result.lines && draft.parts.length >= result.lines) &&
    !(worked.length && (restates(keyPointAfter) || draft.said.novelty(formsOf(keyPointAfter)) < MIN_NOVELTY))
  )
    draft.add(`${keyPointAfter} [${cite(best)}]`, formsOf(keyPointAfter));

  // 2. A pasted `docker run` with options after the image gets the line corrected; a how-to question, the command.
  if (fix && draft.fits(fix.fixed.length + 60)) {
    const label = result.lang === 'ko' ? '옵션을 이미지 이름 앞으로 옮긴 명령:' : 'The command with the options before the image name:';
    draft.add(`${label}\n\`\`\`\n${fix.fixed}\n\`\`\``, formsOf(fix.fixed));
  } else if (result.intent === 'howto') {
    const code = commandBlock(result, used, sources, valued, lead.text ?? '');
    if (code && draft.fits(code.length + 12) && !(lead.text ?? '').includes(code)) draft.add(`\`\`\`\n${code}\n\`\`\``, formsOf(code));
  }

  // 3. A comparison names both things compared: a side the answer has not named gets the sentence that names it.
  const side = unnamedSide(result, sources, draft.text);
  const roomForSide = !result.lines || draft.parts.length < result.lines;
  if (
    side &&
    roomForSide &&
    draft.fits(side.text.length + 5) &&
    draft.said.novelty(side.forms) >= SIDE_NOVELTY &&
    !draft.said.repeatsAClause(side.text)
  )
    draft.add(`${side.text} [${side.source + 1}]`, side.forms);

  // 3. A question of several asking clauses: each clause's own best section is cited, and a clause the answer has not
  // touched gets its best sentence.
  for (const s of partLeads(result, sources, draft.text)) {
    if (!draft.fits(s.text.length + 5) || (result.lines && draft.parts.length >= result.lines)) break;
    draft.add(`${s.text} [${s.source + 1}]`, s.forms);
  }
  for (const s of otherParts(result, sources, draft.text)) {
    if (!draft.fits(s.text.length + 5) || (result.lines && draft.parts.length >= result.lines)) break;
    draft.add(`${s.text} [${s.source + 1}]`, s.forms);
  }

  // 4. Supporting sentences, as many as the length asked for allows ("한 줄로": the lead alone). A reading of what
  // the student saw is the whole answer: a supporting sentence after it is about something else.
  const maxSupport = result.lines
    ? Math.max(0, result.lines - draft.parts.length)
    : readAlready
      ? 0
      : Math.max(0, MAX_SUPPORT - worked.length);
  const support = supportSentences(
    result,
    draft,
    { used, bestScore, candidates: lead.candidates, lead: lead.text, restates, verdict: !!verdict },
    maxSupport,
  );
  // A table row is a line of its own: "• 격리 강도 — 가상 머신: 강함 / 컨테이너: 약함".
  for (const s of support) draft.place(`${ROW.test(s.text) ? '\n• ' : ''}${s.text} [${cite(used[s.source])}]`);
  // The notes' commands with the student's own container and size ("resumarble", "200m에서 500m로").
  const text = withAskedValuesInText(
    draft.text.replace(/ ```/g, '\n```').replace(/``` /g, '```\n').replace(/ \n/g, '\n'),
    askedValues(valued),
  );
  const expected = expectedVerdict(result, text);
  const named = withShortFlagNamed(text, result.query, result.lang, sources);
  return { text: expected ? `${expected} ${named}` : named, sources };
}
