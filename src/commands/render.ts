// Answer and passage rendering shared by /ask and /search: plain data, within Discord's limits.
import type { Answer, Source } from '../answer/types.js';
import type { Chunk } from '../knowledge/types.js';
import { LIMITS, truncate } from './limits.js';
import type { BotEmbed, Locale } from './types.js';

export const COLORS = { answer: 0x2b8a3e, streaming: 0x868e96, abstain: 0xe67700, info: 0x1971c2, error: 0xc92a2a } as const;

const EXCERPT = 140;

export function excerpt(text: string, max = EXCERPT): string {
  return truncate(text.replace(/\s+/g, ' ').trim(), max);
}

export function sourceLine(s: Source): string {
  return `**[${s.n}]** ${s.title} › ${s.heading}\n> ${excerpt(s.text)}`;
}

/** The numbered sources, as many as fit one embed field. */
export function sourcesField(sources: Source[], locale: Locale): BotEmbed['fields'] {
  if (!sources.length) return [];
  const lines: string[] = [];
  let used = 0;
  for (const s of sources) {
    const line = sourceLine(s);
    if (used + line.length + 1 > LIMITS.fieldValue) break;
    lines.push(line);
    used += line.length + 1;
  }
  return [{ name: locale === 'ko' ? '출처' : 'Sources', value: lines.join('\n') }];
}

export function answerEmbed(answer: Answer, locale: Locale, state: 'streaming' | 'done' = 'done'): BotEmbed {
  const footer: string[] = [];
  const model = answer.model ?? answer.usage?.model;
  if (answer.mode === 'generated') footer.push([locale === 'ko' ? '생성 답변' : 'generated', model].filter(Boolean).join(' · '));
  else footer.push(locale === 'ko' ? '지식 베이스 발췌 답변' : 'extractive answer from the knowledge base');
  if (answer.note) footer.push(answer.note);
  const writing = locale === 'ko' ? '작성 중…' : 'writing…';
  if (state === 'streaming') footer.push(writing);
  return {
    title: truncate(answer.question, LIMITS.embedTitle),
    description: truncate(answer.answer || (state === 'streaming' ? writing : '…'), LIMITS.embedDescription),
    color: state === 'streaming' ? COLORS.streaming : answer.abstained ? COLORS.abstain : COLORS.answer,
    fields: sourcesField(answer.sources, locale),
    footer: truncate(footer.join(' · '), LIMITS.footer),
  };
}

/** Full passages, one embed each, for the "sources" button and /search. */
export function passageEmbeds(items: { n: number; title: string; heading: string; text: string; score?: number }[]): BotEmbed[] {
  const embeds: BotEmbed[] = [];
  let total = 0;
  for (const it of items.slice(0, LIMITS.embedsPerMessage)) {
    const title = truncate(`[${it.n}] ${it.title} › ${it.heading}`, LIMITS.embedTitle);
    const description = truncate(it.text, 1500);
    if (total + title.length + description.length > LIMITS.embedsTotal - 200) break;
    total += title.length + description.length;
    embeds.push({ title, description, color: COLORS.info, footer: it.score !== undefined ? `score ${it.score.toFixed(2)}` : undefined });
  }
  return embeds;
}

export function chunkToItem(c: Chunk, n: number, score?: number) {
  return { n, title: c.doc.title, heading: c.heading, text: c.text, score };
}
