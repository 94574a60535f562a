// Streaming through the front ends: /ask edits the deferred reply at most about once a second and ends
// with the complete answer; the console prints the text as it grows.
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import ask, { STREAM_EDIT_INTERVAL_MS } from '../../src/commands/ask.js';
import { commands } from '../../src/commands/index.js';
import { COLORS } from '../../src/commands/render.js';
import { CommandRouter } from '../../src/commands/router.js';
import { runConsole } from '../../src/console/console.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { Answer } from '../../src/answer/types.js';
import { FakeOpenAI, groundedSentences, parsePrompt } from './fake-openai.js';
import { askServices, EN_Q, generatedAnswerer, realKb, RecordingResponder } from './helpers.js';

let fake: FakeOpenAI;
let baseURL: string;
let kb: KnowledgeBase;

beforeAll(async () => {
  fake = new FakeOpenAI();
  baseURL = await fake.start();
  kb = await realKb();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const services = (answers: Answer[]) => askServices(kb, generatedAnswerer(baseURL, kb, { settings: { timeoutMs: 5000 } }), answers);

/** A faithful answer of eight sentences copied from the passages, streamed word by word 35 ms apart (about 4 s). */
let long = '';
/** `/ask` with the English test question, the answers kept and the replies recorded. */
const askEnglish = (answers: Answer[], respond: RecordingResponder) =>
  ask.execute({
    user: { id: 'u1', name: 'u', roleIds: [] },
    guildId: null,
    channelId: 'c',
    locale: 'en',
    services: services(answers),
    respond,
    options: { question: EN_Q },
  });

function streamLong(): void {
  fake.chat = (body) => {
    long = groundedSentences(parsePrompt(body.messages), 8).join(' ');
    return { kind: 'answer', text: long, chunkDelayMs: 35 };
  };
}

describe('/ask streaming', () => {
  it('edits the reply at most about once a second and ends with the complete answer', async () => {
    streamLong();
    const answers: Answer[] = [];
    const respond = new RecordingResponder();
    const started = Date.now();
    await askEnglish(answers, respond);
    const duration = Date.now() - started;

    const progress = respond.messages.filter((m) => m.msg.progress);
    const finals = respond.messages.filter((m) => !m.msg.progress);
    expect(progress.length).toBeGreaterThanOrEqual(1);
    // The throttle: never more edits than seconds of streaming (plus the first).
    expect(progress.length).toBeLessThanOrEqual(Math.floor(duration / STREAM_EDIT_INTERVAL_MS) + 1);
    // A "writing…" placeholder, then only verified text: each edit a prefix of the answer; "generated" throughout.
    expect(progress[0].msg.embeds?.[0].description).toBe('writing…');
    for (const p of progress) {
      expect(p.msg.embeds?.[0].color).toBe(COLORS.streaming);
      expect(p.msg.embeds?.[0].footer).toMatch(/^generated · gpt-4o-mini/);
      const text = p.msg.embeds?.[0].description ?? 'x';
      expect(text === 'writing…' || long.startsWith(text)).toBe(true);
    }
    expect(progress.some((p) => p.msg.embeds?.[0].description !== 'writing…')).toBe(true);
    // The last message is the complete answer, marked done, after every progress edit.
    expect(finals).toHaveLength(1);
    expect(respond.messages.at(-1)).toBe(finals[0]);
    const embed = finals[0].msg.embeds![0];
    expect(answers[0].mode).toBe('generated');
    expect(embed.description).toBe(answers[0].answer);
    expect(embed.description).toBe(long);
    expect(embed.color).toBe(COLORS.answer);
    expect(embed.footer).toMatch(/^generated · gpt-4o-mini/);
    expect(finals[0].msg.components?.length).toBeGreaterThan(0);
  });

  it('ends with the extractive answer and its note when the stream fails midway', async () => {
    fake.queue.push({ kind: 'cut', chunks: ['Partial text [1] ', 'that never ends'] });
    const answers: Answer[] = [];
    const respond = new RecordingResponder();
    await askEnglish(answers, respond);
    const last = respond.messages.at(-1)!.msg;
    expect(last.progress).toBeFalsy();
    expect(answers[0].mode).toBe('extractive');
    // The reply marks inline code up; the words are the extractive answer's.
    expect(last.embeds![0].description!.replace(/`/g, '')).toBe(answers[0].answer.replace(/`/g, ''));
    expect(last.embeds![0].footer).toContain('Generated answer unavailable');
  });
});

describe('console streaming', () => {
  it('prints the answer as it streams, then the final reply', async () => {
    streamLong();
    const answers: Answer[] = [];
    const svc = services(answers);
    const router = new CommandRouter(commands, svc, { cooldownSeconds: 0, allowedChannelIds: [] });
    const output = new PassThrough();
    let printed = '';
    output.on('data', (d) => (printed += String(d)));
    await runConsole({ input: Readable.from([`${EN_Q}\n`]), output, services: svc, router });
    const sentences = groundedSentences(parsePrompt(fake.chatRequests[0].body.messages), 8);
    const firstProgress = printed.indexOf(`… ${sentences[0]}`);
    expect(firstProgress).toBeGreaterThanOrEqual(0);
    // The final reply comes after the growing line and holds the whole answer.
    expect(printed.lastIndexOf(sentences[7])).toBeGreaterThan(firstProgress);
    expect(answers[0].mode).toBe('generated');
  });
});
