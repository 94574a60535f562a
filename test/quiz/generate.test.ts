// Generated questions against a tiny OpenAI-compatible server on 127.0.0.1: a supported question is
// accepted; three options, a claim the passage does not support, bad JSON or a server error are rejected
// and the bank serves instead.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { Chunk } from '../../src/knowledge/types.js';
import { QuizBank } from '../../src/quiz/bank.js';
import { createGenerator } from '../../src/quiz/generate.js';
import { QuizService } from '../../src/quiz/service.js';
import { questionMessage } from '../../src/commands/quiz-render.js';
import { memoryLogger, recordingEvents, user } from './helpers.js';
import { loadOpenAISdk } from '../../src/llm/client.js';

// Start-up loads the SDK only with a key; these tests build clients themselves.
await loadOpenAISdk();

/** What the fake model answers next: a JSON body for the assistant message, or an HTTP status, after a delay. */
let reply: { content?: string; status?: number; delayMs?: number } = {};
const requests: {
  messages: { role: string; content: string }[];
  model: string;
  temperature?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
}[] = [];
const timers = new Set<ReturnType<typeof setTimeout>>();
let server: Server;
let baseUrl: string;
let kb: KnowledgeBase;
let bank: QuizBank;
let passage: Chunk;

beforeAll(async () => {
  kb = await KnowledgeBase.load('knowledge');
  bank = await QuizBank.load('knowledge/quiz');
  // The section's passage that holds the facts the scripted reply cites (the key point may stand in another).
  passage = kb.chunks.find(
    (c) =>
      c.doc.path === 'en/memory-limits.md' &&
      c.heading === 'Default swap (when --memory-swap is not set)' &&
      c.text.includes('twice the --memory value'),
  )!;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      requests.push(JSON.parse(body));
      if (reply.delayMs) {
        const t = setTimeout(() => (timers.delete(t), respond()), reply.delayMs);
        timers.add(t);
      } else respond();
    });
    const respond = () => {
      if (res.destroyed) return;
      if (reply.status) {
        res
          .writeHead(reply.status, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'boom', type: 'server_error' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: 'cmpl-1',
          object: 'chat.completion',
          created: 1,
          model: 'fake-model',
          choices: [{ index: 0, message: { role: 'assistant', content: reply.content ?? '' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
        }),
      );
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => {
  for (const t of timers) clearTimeout(t);
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const valid = {
  question: 'A container is started with only --memory 300m. How much swap may it use?',
  options: ['None', '300 MiB, the same amount as the memory', '600 MiB of swap', 'Unlimited swap'],
  answer: 'B',
  explanation:
    'When only --memory is given, Docker sets --memory-swap to twice the --memory value. Since --memory-swap is the combined limit of memory plus swap, --memory 300m alone allows 300 MiB of memory plus 300 MiB of swap, 600 MiB in total.',
  evidence: ['twice the --memory value', '300 MiB of memory plus 300 MiB of swap'],
};

function generator(env: Record<string, string> = {}) {
  const log = memoryLogger();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: baseUrl,
    OPENAI_MODEL: 'fake-model',
    OPENAI_TIMEOUT_MS: '5000',
    ...env,
  });
  const gen = createGenerator(config, kb, log.logger, { pick: () => passage })!;
  return { gen, log };
}

describe('quiz question generator', () => {
  it('is off without an API key', () => {
    expect(createGenerator(loadConfig({ LOG_LEVEL: 'silent' }), kb, memoryLogger().logger)).toBeUndefined();
  });

  it('accepts a well-formed question that the passage supports', async () => {
    reply = { content: '```json\n' + JSON.stringify(valid) + '\n```' };
    requests.length = 0;
    const { gen } = generator();
    const q = await gen.generate({ lang: 'en', topic: 'memory-limits' });
    expect(q).not.toBeNull();
    expect(q).toMatchObject({
      generated: true,
      lang: 'en',
      topic: 'memory-limits',
      answer: 1,
      source: { doc: 'en/memory-limits.md', section: 'Default swap (when --memory-swap is not set)' },
    });
    expect(q!.key).toMatch(/^gen\/[0-9a-f]{12}$/);
    // The model saw the passage it had to write from.
    expect(requests).toHaveLength(1);
    expect(requests[0].model).toBe('fake-model');
    expect(requests[0].messages.map((m) => m.content).join('\n')).toContain(passage.text);
  });

  it('rejects three options', async () => {
    reply = { content: JSON.stringify({ ...valid, options: valid.options.slice(0, 3), answer: 'B' }) };
    const { gen, log } = generator();
    expect(await gen.generate({ lang: 'en' })).toBeNull();
    expect(log.lines.some((l) => l.msg === 'generated quiz question rejected (shape)')).toBe(true);
  });

  it('rejects two identical options and an answer letter out of range', async () => {
    reply = { content: JSON.stringify({ ...valid, options: ['None', 'None', 'x', 'y'] }) };
    expect(await generator().gen.generate({ lang: 'en' })).toBeNull();
    reply = { content: JSON.stringify({ ...valid, answer: 'E' }) };
    expect(await generator().gen.generate({ lang: 'en' })).toBeNull();
  });

  it('rejects a question the passage does not support', async () => {
    // A plausible but wrong claim: numbers and an option name that are not in the passage.
    reply = {
      content: JSON.stringify({
        ...valid,
        options: ['None', '900 MiB', '600 MiB of swap', 'Unlimited swap'],
        answer: 'B',
        explanation:
          'Docker sets --memory-swap to three times the --memory value, so --memory 300m allows 900 MiB of swap; --swap-ratio changes the factor.',
        evidence: ['three times the --memory value'],
      }),
    };
    const { gen, log } = generator();
    expect(await gen.generate({ lang: 'en' })).toBeNull();
    const rejected = log.lines.find((l) => l.msg === 'generated quiz question rejected (not supported by the passage)');
    expect(rejected?.problems).toEqual(
      expect.arrayContaining([
        'evidence not in section: "three times the --memory value"',
        'term not in section: "900"',
        'term not in section: "--swap-ratio"',
      ]),
    );
  });

  it('rejects an explanation about another passage', async () => {
    reply = {
      content: JSON.stringify({
        ...valid,
        explanation:
          'A hypervisor boots each guest operating system on virtual hardware and keeps one virtual machine away from the memory of another one.',
        evidence: ['twice the --memory value'],
      }),
    };
    expect(await generator().gen.generate({ lang: 'en' })).toBeNull();
  });

  it('returns null (never throws) on bad JSON and on a server error', async () => {
    reply = { content: 'Sure! Here is a question about swap.' };
    expect(await generator().gen.generate({ lang: 'en' })).toBeNull();
    reply = { status: 500 };
    const { gen, log } = generator();
    expect(await gen.generate({ lang: 'en' })).toBeNull();
    expect(log.lines.some((l) => l.msg === 'quiz generation failed; the bank serves')).toBe(true);
  });

  it('sends each model the parameters it takes: no temperature and max_completion_tokens for reasoning models', async () => {
    reply = { content: JSON.stringify(valid) };
    requests.length = 0;
    await generator().gen.generate({ lang: 'en' });
    await generator({ OPENAI_MODEL: 'o4-mini' }).gen.generate({ lang: 'en' });
    expect(requests[0]).toMatchObject({ model: 'fake-model', temperature: 0.7, max_tokens: 600 });
    expect(requests[1].model).toBe('o4-mini');
    expect(requests[1].temperature).toBeUndefined();
    expect(requests[1].max_tokens).toBeUndefined();
    expect(requests[1].max_completion_tokens).toBeGreaterThan(600);
  });

  it('gives up on a slow server after QUIZ_GENERATE_TIMEOUT_MS, without retrying, and logs it once with the reason', async () => {
    reply = { content: JSON.stringify(valid), delayMs: 10_000 };
    requests.length = 0;
    const { gen, log } = generator({ QUIZ_GENERATE_TIMEOUT_MS: '500', OPENAI_MAX_RETRIES: '3' });
    expect(await gen.generate({ lang: 'en' })).toBeNull();
    expect(requests).toHaveLength(1);
    const warnings = log.lines.filter((l) => l.level >= 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ msg: 'quiz generation failed; the bank serves', reason: 'timeout' });
  });

  it('logs each other failure once, with its reason', async () => {
    for (const [r, reason] of [
      [{ status: 500 }, 'server-error'],
      [{ status: 401 }, 'rejected'],
      [{ content: 'Sure! Here is a question about swap.' }, 'malformed'],
      [{ content: JSON.stringify({ ...valid, options: valid.options.slice(0, 3) }) }, 'shape'],
    ] as const) {
      reply = r;
      const { gen, log } = generator();
      expect(await gen.generate({ lang: 'en' })).toBeNull();
      const warnings = log.lines.filter((l) => l.level >= 40);
      expect(warnings.map((w) => w.reason)).toEqual([reason]);
    }
  });

  it('in /quiz: a generated question is shown when it passes, and the bank serves when it does not', async () => {
    const run = async () => {
      const { gen } = generator();
      const s = new QuizService(bank, openDatabase(':memory:'), kb, {
        answerSeconds: 30,
        nextSeconds: 0,
        logger: memoryLogger().logger,
        generator: gen,
      });
      const rec = recordingEvents();
      await s.start({
        channelId: 'c1',
        guildId: 'g1',
        starter: user('1', 'alice'),
        locale: 'en',
        topic: 'memory-limits',
        count: 1,
        events: rec.events,
      });
      s.close();
      return questionMessage(rec.lastAsked()).embeds![0];
    };
    reply = { content: JSON.stringify(valid) };
    const generated = await run();
    expect(generated.title).toMatch(/· generated$/);
    expect(generated.description).toContain(valid.question);

    reply = { content: JSON.stringify({ ...valid, options: valid.options.slice(0, 3) }) };
    const fromBank = await run();
    expect(fromBank.title).not.toMatch(/generated/);
    const bankQuestions = bank.select('en', 'memory-limits').map((q) => q.question);
    expect(bankQuestions).toContain(fromBank.description!.split('\n')[0]);
  });
});
