// Answer and passage rendering shared by /ask and /search: plain data, within Discord's limits.
import type { Answer, Source } from '../answer/types.js';
import type { Chunk } from '../knowledge/types.js';
import { LIMITS, truncate } from './limits.js';
import type { BotEmbed, Locale } from './types.js';
import { withInlineCode } from './inline-code.js';

/** The one palette of the bot's embeds (answers, quiz, sandbox). */
export const COLORS = {
  answer: 0x2b8a3e,
  streaming: 0x868e96,
  abstain: 0xe67700,
  info: 0x1971c2,
  error: 0xc92a2a,
  quiz: 0x5f3dc4,
} as const;

const EXCERPT = 140;

export function excerpt(text: string, max = EXCERPT): string {
  return truncate(text.replace(/\s+/g, ' ').trim(), max);
}

export function sourceLine(s: Source): string {
  return `**[${s.n}]** ${s.title} › ${s.heading}\n> ${excerpt(s.text)}`;
}

/** A source on one short line, for when the excerpts do not all fit. */
function compactSourceLine(s: Source, max: number): string {
  return truncate(`**[${s.n}]** ${s.title} › ${s.heading}`, max);
}

/**
 * Every numbered source, so that each [n] in the answer has its source in sight: with excerpts when they all
 * fit one field, else one short line each (at most 10 sources, so each line still has ~100 characters).
 */
export function sourcesField(sources: Source[], locale: Locale): BotEmbed['fields'] {
  if (!sources.length) return [];
  const full = sources.map(sourceLine).join('\n');
  const perLine = Math.floor((LIMITS.fieldValue - sources.length) / sources.length);
  const value = full.length <= LIMITS.fieldValue ? full : sources.map((s) => compactSourceLine(s, perLine)).join('\n');
  return [{ name: locale === 'ko' ? '출처' : 'Sources', value }];
}

/** An extractive answer shows the notes' inline code as code; a generated one is already markdown. */
const answerText = (answer: Answer) =>
  answer.mode === 'extractive' && !answer.abstained
    ? withInlineCode(
        answer.answer,
        answer.sources.flatMap((s) => s.inlineCode ?? []),
      )
    : answer.answer;

export function answerEmbed(answer: Answer, locale: Locale, state: 'streaming' | 'done' = 'done'): BotEmbed {
  const footer: string[] = [];
  const model = answer.model ?? answer.usage?.model;
  // An "I don't know" (or a greeting) quotes nothing: no "extractive answer" label on it.
  if (answer.mode === 'generated') footer.push([locale === 'ko' ? '생성 답변' : 'generated', model].filter(Boolean).join(' · '));
  else if (!answer.abstained) footer.push(locale === 'ko' ? '지식 베이스 발췌 답변' : 'extractive answer from the knowledge base');
  if (answer.note) footer.push(answer.note);
  const writing = locale === 'ko' ? '작성 중…' : 'writing…';
  if (state === 'streaming') footer.push(writing);
  return {
    title: questionTitle(answer.question),
    description: truncate(answerText(answer) || (state === 'streaming' ? writing : '…'), LIMITS.embedDescription),
    color: state === 'streaming' ? COLORS.streaming : answer.abstained ? COLORS.abstain : COLORS.answer,
    fields: sourcesField(answer.sources, locale),
    footer: truncate(footer.join(' · '), LIMITS.footer),
  };
}

/**
 * Passages, one embed each, for the "sources" button and /search: all of them (at most 10, one message),
 * each passage shortened as needed so that together they stay within a message's 6000 characters.
 */
export function passageEmbeds(items: { n: number; title: string; heading: string; text: string; score?: number }[]): BotEmbed[] {
  const shown = items.slice(0, LIMITS.embedsPerMessage);
  const budget = Math.floor((LIMITS.embedsTotal - 200) / Math.max(1, shown.length));
  return shown.map((it) => {
    const title = truncate(`[${it.n}] ${it.title} › ${it.heading}`, Math.min(LIMITS.embedTitle, Math.floor(budget / 3)));
    const description = truncate(it.text, Math.min(1500, budget - title.length - 20));
    return { title, description, color: COLORS.info, footer: it.score !== undefined ? `score ${it.score.toFixed(2)}` : undefined };
  });
}

/** The question as a title: Discord shows raw markup in titles, so mentions and custom emoji are tidied. */
export function questionTitle(question: string): string {
  const tidy = question
    .replace(/<@[!&]?\d+>/g, '@')
    .replace(/<#\d+>/g, '#')
    .replace(/<a?:(\w+):\d+>/g, ':$1:')
    .replace(/\s+/g, ' ')
    .trim();
  return truncate(tidy || question, LIMITS.embedTitle);
}

export function chunkToItem(c: Chunk, n: number, score?: number) {
  return { n, title: c.doc.title, heading: c.heading, text: c.text, score };
}
