// The answer thread: the same answers as on the main thread, and none lost when the thread cannot start, fails a
// question, dies, or is closed.
import { afterEach, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../src/answer/extractive.js';
import { ThreadedAnswerer, type ThreadEntry } from '../../src/answer/threaded.js';
import { captureLogger, realKb } from '../llm/helpers.js';

const SETTINGS = { topK: 5, maxChars: 600, abstainMinScore: 0.35 };
const QUESTIONS = [
  '도커와 VM 차이가 뭐야?',
  'how do I start nginx capped at 300 MB',
  '컨테이너가 자꾸 137로 죽음 ㅠㅠ 왜그럼',
  '--cpus 랑 --cpu-shares 차이',
  'what is a hypervisor',
  '오늘 점심 뭐 먹지',
];

/** A thread body written inline (CommonJS, as Node runs eval workers). */
const inline = (body: string): ThreadEntry => ({ code: `const { parentPort } = require('node:worker_threads');\n${body}` });

const opened: ThreadedAnswerer[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((t) => t.close()));
});

async function setUp(entry?: ThreadEntry) {
  const kb = await realKb();
  const local = new ExtractiveAnswerer(kb, SETTINGS);
  const log = captureLogger();
  const threaded = new ThreadedAnswerer(kb, SETTINGS, log.logger, entry);
  opened.push(threaded);
  return { local, threaded, log };
}

describe('ThreadedAnswerer', () => {
  it('answers a burst of questions on the thread exactly as the main thread does', async () => {
    const { local, threaded, log } = await setUp();
    const [onThread, onMain] = await Promise.all([
      Promise.all(QUESTIONS.map((q) => threaded.answer(q))),
      Promise.all(QUESTIONS.map((q) => local.answer(q))),
    ]);
    expect(onThread).toEqual(onMain);
    expect(onThread[5].abstained).toBe(true);
    expect(log.lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('passes the asker language on (a question without words of either language)', async () => {
    const { local, threaded } = await setUp();
    const asked = await threaded.answer('cgroup?', { langHint: 'ko' });
    expect(asked).toEqual(await local.answer('cgroup?', { langHint: 'ko' }));
    expect(asked.lang).toBe('ko');
  });

  it('answers on the main thread when the thread cannot start, and says so once', async () => {
    const { local, threaded, log } = await setUp(inline(`throw new Error('no index here');`));
    const answers = await Promise.all(QUESTIONS.slice(0, 3).map((q) => threaded.answer(q)));
    expect(answers).toEqual(await Promise.all(QUESTIONS.slice(0, 3).map((q) => local.answer(q))));
    const errors = log.lines.filter((l) => l.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0].msg).toMatch(/answer thread failed: no index here; answering on the main thread/);
  });

  it('answers the questions a dying thread was working on, and every later one', async () => {
    const { local, threaded, log } = await setUp(
      inline(`parentPort.postMessage({ ready: true }); parentPort.on('message', () => process.exit(3));`),
    );
    const first = await Promise.all(QUESTIONS.slice(0, 2).map((q) => threaded.answer(q)));
    expect(first).toEqual(await Promise.all(QUESTIONS.slice(0, 2).map((q) => local.answer(q))));
    expect(await threaded.answer(QUESTIONS[2])).toEqual(await local.answer(QUESTIONS[2]));
    expect(log.lines.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([
      'answer thread exited (code 3); answering on the main thread from now on',
    ]);
  });

  it('retries on the main thread a question the thread could not answer', async () => {
    const { local, threaded, log } = await setUp(
      inline(
        `parentPort.postMessage({ ready: true }); parentPort.on('message', (m) => parentPort.postMessage({ id: m.id, error: 'boom' }));`,
      ),
    );
    expect(await threaded.answer(QUESTIONS[0])).toEqual(await local.answer(QUESTIONS[0]));
    const failed = log.lines.filter((l) => l.level >= 50);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ error: 'boom', question: QUESTIONS[0] });
  });

  it('lets the questions already sent finish when closed, then answers on the main thread', async () => {
    const { local, threaded, log } = await setUp();
    const sent = Promise.all(QUESTIONS.map((q) => threaded.answer(q)));
    await new Promise((r) => setTimeout(r, 0));
    await threaded.close();
    expect(await sent).toEqual(await Promise.all(QUESTIONS.map((q) => local.answer(q))));
    expect(await threaded.answer(QUESTIONS[1])).toEqual(await local.answer(QUESTIONS[1]));
    expect(log.lines.filter((l) => l.level >= 50)).toEqual([]);
  });
});
