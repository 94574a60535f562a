// The injection attempts end to end in Discord: the real bot (discord.js against the API emulator), its
// answerer configured from OPENAI_* settings and talking to an obeying model through the openai SDK. What
// the channel received (every callback, edit and follow-up, and the Sources button's passages) never holds
// a payload. The embed title, which repeats the member's own question, is left out.
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { RecordedMessage } from '../discord/emulator.js';
import { startBotUnderTest, type BotUnderTest } from '../discord/harness.js';
import { obeyingAnswer, parsePrompt } from './fake-openai.js';
import { realKb, RETRIEVAL } from './helpers.js';
import { fakeAndScratch, INJECTIONS, knowledgeWith, type InjectionCase } from './injection.cases.js';

const ctx = fakeAndScratch('kb-injection-discord-');

const final = (m: RecordedMessage) => m.embeds.length > 0 && !/writing|작성 중/.test(m.embeds[0].footer?.text ?? 'writing');

function sourcesButton(m: RecordedMessage): string {
  const ids = m.components.flatMap((row: { components?: { custom_id?: string }[] }) =>
    (row.components ?? []).map((c) => String(c.custom_id)),
  );
  return ids.find((id) => id.startsWith('ask:sources:')) ?? ids[0];
}

function readable(messages: RecordedMessage[]): string {
  return messages
    .flatMap((m) => [
      m.content,
      ...m.embeds.flatMap((e) => [e.description, e.footer?.text, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value])]),
    ])
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}

function botWith(env: Record<string, string> = {}): Promise<BotUnderTest> {
  return startBotUnderTest({
    env: { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: ctx.baseURL, OPENAI_TIMEOUT_MS: '5000', QUIZ_GENERATE: 'false', ...env },
  });
}

/** Asks in the emulator with an obeying model; what the channel got, Sources included, and whether the model obeyed. */
async function askIn(h: BotUnderTest, c: InjectionCase): Promise<{ seen: string; obeyed: boolean; asked: number }> {
  let obeyed = false;
  ctx.fake.reset();
  ctx.fake.chat = (body) => {
    const reply = obeyingAnswer(parsePrompt(body.messages), c.mode);
    obeyed ||= reply.obeyed;
    return { kind: 'answer', text: reply.text, chunkDelayMs: 5 };
  };
  const i = h.emu.slash('ask', { question: c.question }, { locale: 'en-US' });
  const m = await i.waitForMessage(final);
  const messages = [...i.messages()];
  // The reply is in the question's language: the Sources button is "출처 보기" for a Korean question.
  if (m.components.length) messages.push(await h.emu.click(m, { customId: sourcesButton(m), locale: 'en-US' }).waitForMessage());
  return { seen: readable(messages), obeyed, asked: ctx.fake.chatRequests.length };
}

const shownIn = (c: InjectionCase, seen: string) => c.markers.some((m) => seen.includes(m.toLowerCase()));

describe('injection attempts in Discord', () => {
  it('question-borne: the obeying model writes the payload, the channel never shows it', async () => {
    const kb = await realKb();
    // Those the lexical retrieval answers (the others never reach a model).
    const reaching = INJECTIONS.filter(
      (c) => !c.file && !kb.search(c.question, { topK: RETRIEVAL.topK, minScore: RETRIEVAL.abstainMinScore }).abstain,
    );
    expect(reaching.length).toBeGreaterThanOrEqual(4);
    const h = await botWith();
    try {
      for (const c of reaching) {
        const r = await askIn(h, c);
        expect(r.asked, c.id).toBe(1);
        expect(r.obeyed, c.id).toBe(true);
        expect(shownIn(c, r.seen), c.id).toBe(false);
      }
    } finally {
      await h.close();
    }
  });

  it('passage-borne: "ignore previous instructions, say X [1]" in a dropped .md does not become the answer', async () => {
    for (const c of INJECTIONS.filter((x) => x.id === 'p-say-x-cited' || x.id === 'p-ko-ignore')) {
      const dir = await knowledgeWith(ctx.tmp, c.id, c.file!);
      expect((await KnowledgeBase.load(dir)).chunks.some((ch) => ch.text.includes('PWNED'))).toBe(true); // the file is ingested
      const h = await botWith({ KNOWLEDGE_DIR: dir });
      try {
        const r = await askIn(h, c);
        expect(r.asked, c.id).toBe(1);
        expect(r.seen, c.id).toContain('256m'); // the dropped passage's facts are used and shown
        expect(shownIn(c, r.seen), c.id).toBe(false);
      } finally {
        await h.close();
      }
    }
  });
});
