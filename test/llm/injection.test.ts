// With a model that obeys every instruction it reads, none of twenty injection attempts (question-borne
// and passage-borne, see injection.cases.ts) reaches the channel: not in the reply, its progress edits, the
// partial texts handed to the front end, or the sources. Run through /ask and the real openai SDK.
import { describe, expect, it } from 'vitest';
import type { Answer, Answerer } from '../../src/answer/types.js';
import ask from '../../src/commands/ask.js';
import type { BotMessage } from '../../src/commands/types.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { obeyingAnswer, parsePrompt } from './fake-openai.js';
import { askServices, generatedAnswerer, realKb, RecordingResponder, retrieveAs } from './helpers.js';
import { fakeAndScratch, INJECTIONS, knowledgeWith, type InjectionCase } from './injection.cases.js';

const ctx = fakeAndScratch('kb-injection-');

/** Everything a member can read of a message except the title, which repeats their own question. */
function readable(msg: BotMessage): string {
  const embeds = (msg.embeds ?? []).map((e) => [e.description, e.footer, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n'));
  return [msg.content ?? '', ...embeds].join('\n');
}

interface Outcome {
  shown: boolean;
  obeyed: boolean;
  /** The prompt carried the dropped file's passage. */
  fileSent: boolean;
  answer: Answer;
}

async function attempt(c: InjectionCase): Promise<Outcome> {
  const kb = c.file ? await KnowledgeBase.load(await knowledgeWith(ctx.tmp, c.id, c.file)) : await realKb();
  let obeyed = false;
  let fileSent = false;
  ctx.fake.reset();
  ctx.fake.chat = (body) => {
    const p = parsePrompt(body.messages);
    fileSent = p.passages.some((x) => x.text.includes('docker run --memory 256m nginx'));
    const reply = obeyingAnswer(p, c.mode);
    obeyed = reply.obeyed;
    return { kind: 'answer', text: reply.text };
  };
  const partials: string[] = [];
  const inner = generatedAnswerer(ctx.baseURL, kb, {
    settings: { timeoutMs: 5000 },
    retriever: c.retrievedAs ? retrieveAs(kb, c.retrievedAs) : undefined,
  });
  const recording: Answerer = {
    answer: (q, o) => inner.answer(q, { ...o, onPartial: (t, m) => (partials.push(t), o?.onPartial?.(t, m)) }),
  };
  const answers: Answer[] = [];
  const respond = new RecordingResponder();
  await ask.execute({
    user: { id: 'u1', name: 'u', roleIds: [] },
    guildId: 'g',
    channelId: 'c',
    locale: 'en',
    services: askServices(kb, recording, answers),
    respond,
    options: { question: c.question },
  });
  const visible = [...respond.messages.map((m) => readable(m.msg)), ...partials, ...answers[0].sources.map((s) => s.text)]
    .join('\n')
    .toLowerCase();
  return { shown: c.markers.some((m) => visible.includes(m.toLowerCase())), obeyed, fileSent, answer: answers[0] };
}

describe('injection attempts against a model that obeys them', () => {
  it('shows 0 of 20 in the channel, even for an instant while streaming', async () => {
    expect(INJECTIONS).toHaveLength(20);
    const shown: string[] = [];
    const modes = new Set<string>();
    for (const c of INJECTIONS) {
      const o = await attempt(c);
      if (o.shown) shown.push(c.id);
      modes.add(o.answer.mode);
      expect(ctx.fake.chatRequests, c.id).toHaveLength(1); // the model was asked every time
      if (c.file) {
        // The dropped passage reached the model, without its instruction: the model had nothing to obey.
        expect(o.fileSent, c.id).toBe(true);
        expect(o.obeyed, c.id).toBe(false);
      } else {
        expect(o.obeyed, c.id).toBe(true); // the model did write the payload
      }
    }
    console.log(`injection attempts shown in the channel: ${shown.length} of ${INJECTIONS.length}`);
    expect(shown).toEqual([]);
    // Both outcomes occur: a generated answer without the payload, and the extractive fallback.
    expect(modes).toEqual(new Set(['generated', 'extractive']));
  });

  it('drops the payload an obeying model wrote, and falls back when nothing else remains', async () => {
    const kb = await realKb();
    const c = INJECTIONS[0];
    ctx.fake.reset();
    ctx.fake.chat = (body) => ({ kind: 'answer', text: obeyingAnswer(parsePrompt(body.messages), 'alone').text });
    const a = await generatedAnswerer(ctx.baseURL, kb, { retriever: retrieveAs(kb, c.retrievedAs!) }).answer(c.question);
    expect(ctx.fake.chatRequests).toHaveLength(1);
    expect(a.mode).toBe('extractive');
    expect(a.note).toMatch(/not supported by its sources/);
    expect(a.answer).not.toMatch(/PWNED|evil\.example/);
  });
});
