// Every failure of the model falls back to the extractive answer with a note, within a bounded time.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { extractiveAnswer } from '../../src/answer/extractive.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { FakeOpenAI, parsePrompt, passageSentences, type ChatBehaviour } from './fake-openai.js';
import { EN_Q, generatedAnswerer, KO_Q, realKb, RETRIEVAL } from './helpers.js';

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

const extractiveFor = (q: string) =>
  extractiveAnswer(kb.search(q, { topK: RETRIEVAL.topK, minScore: RETRIEVAL.abstainMinScore }), RETRIEVAL.maxChars);

const cases: [string, ChatBehaviour, RegExp][] = [
  ['429', { kind: 'status', status: 429, headers: { 'retry-after': '0' } }, /rate limited/],
  ['500', { kind: 'status', status: 500 }, /server error/],
  ['401', { kind: 'status', status: 401 }, /request rejected/],
  ['malformed SSE', { kind: 'malformed' }, /malformed response/],
  ['empty content', { kind: 'answer', text: '', chunks: [] }, /empty answer/],
  ['whitespace content', { kind: 'answer', text: '  \n ', chunks: ['  ', '\n '] }, /empty answer/],
  ['connection dropped', { kind: 'drop' }, /network error/],
  ['error event mid-stream', { kind: 'error-event', chunks: ['Docker ', 'limits [1] '] }, /server error/],
  ['stream cut without finish', { kind: 'cut', chunks: ['Docker limits ', 'memory [1'] }, /malformed response/],
  ['no answer before the timeout', { kind: 'slow', delayMs: 5000 }, /timeout/],
  ['stream stalls', { kind: 'stall', chunks: ['Use ', '--memory ', '[1] and '] }, /timeout/],
];

describe('fallback to the extractive answer', () => {
  for (const [name, behaviour, note] of cases) {
    it(`${name} → extractive answer with a note`, async () => {
      fake.chat = () => behaviour;
      const a = await generatedAnswerer(baseURL, kb, { settings: { timeoutMs: 400, maxRetries: 0 } }).answer(EN_Q);
      // A slow or stalled server had not finished when the answer came: the bot did not wait for it.
      if (behaviour.kind === 'slow' || behaviour.kind === 'stall') expect(fake.chatFinished).toBe(0);
      const ex = extractiveFor(EN_Q);
      expect(a.mode).toBe('extractive');
      expect(a.answer).toBe(ex.answer);
      expect(a.sources).toEqual(ex.sources);
      expect(a.abstained).toBe(false);
      expect(a.note).toMatch(note);
      expect(a.note).toMatch(/^Generated answer unavailable/);
    });
  }

  it('writes the note in the question’s language', async () => {
    fake.chat = () => ({ kind: 'status', status: 503 });
    const a = await generatedAnswerer(baseURL, kb, { settings: { maxRetries: 0 } }).answer(KO_Q);
    expect(a.mode).toBe('extractive');
    expect(a.note).toBe('생성 답변을 쓸 수 없어 발췌 답변을 보여 드려요 (서버 오류).');
  });

  it('shows the verified sentences while streaming but the extractive answer at the end when the stream stalls', async () => {
    let first = '';
    fake.chat = (body) => {
      first = `${passageSentences(parsePrompt(body.messages).passages[0].text)[0]} [1]`;
      return { kind: 'stall', chunks: [`${first} `, 'Use ', '--memory ', 'to limit'] };
    };
    const partials: string[] = [];
    const a = await generatedAnswerer(baseURL, kb, { settings: { timeoutMs: 300, maxRetries: 0 } }).answer(EN_Q, {
      onPartial: (t) => partials.push(t),
    });
    expect(partials.at(-1)).toBe(first); // the unfinished sentence never shows
    expect(a.answer).toBe(extractiveFor(EN_Q).answer);
    expect(a.note).toMatch(/timeout/);
  });

  it('gives up when the caller aborts', async () => {
    fake.chat = () => ({ kind: 'slow', delayMs: 5000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const a = await generatedAnswerer(baseURL, kb, { settings: { timeoutMs: 10_000 } }).answer(EN_Q, { signal: ac.signal });
    expect(fake.chatFinished).toBe(0); // the server had not answered yet
    expect(a.note).toMatch(/cancelled/);
  });
});

describe('retries are bounded', () => {
  it('retries a 500 OPENAI_MAX_RETRIES times, then falls back', async () => {
    fake.chat = () => ({ kind: 'status', status: 500, headers: { 'retry-after-ms': '10' } });
    const a = await generatedAnswerer(baseURL, kb, { settings: { maxRetries: 2 } }).answer(EN_Q);
    expect(fake.chatRequests).toHaveLength(3);
    expect(a.mode).toBe('extractive');
  });

  it('retries a 429 after its retry-after and then answers', async () => {
    fake.queue.push({ kind: 'status', status: 429, headers: { 'retry-after': '0' } });
    const a = await generatedAnswerer(baseURL, kb, { settings: { maxRetries: 1 } }).answer(EN_Q);
    expect(fake.chatRequests).toHaveLength(2);
    expect(a.mode).toBe('generated');
  });

  it('does not wait out a long retry-after (the SDK would sleep for an hour)', async () => {
    fake.chat = () => ({ kind: 'status', status: 429, headers: { 'retry-after': '3600' } });
    const a = await generatedAnswerer(baseURL, kb, { settings: { maxRetries: 3 } }).answer(EN_Q);
    expect(fake.chatRequests).toHaveLength(1); // not retried (waiting would outlast the test's own timeout)
    expect(a.note).toMatch(/rate limited/);
  });

  it('bounds the whole answer to (retries + 1) × timeout however the attempts fail', async () => {
    fake.chat = () => ({ kind: 'slow', delayMs: 5000 });
    const a = await generatedAnswerer(baseURL, kb, { settings: { timeoutMs: 300, maxRetries: 2 } }).answer(EN_Q);
    // Each attempt would take 5 s; the bot gave up on all of them (the budget is 3 × 300 ms).
    expect(fake.chatFinished).toBe(0);
    expect(fake.chatRequests.length).toBeLessThanOrEqual(3);
    expect(a.note).toMatch(/timeout/);
  });
});
