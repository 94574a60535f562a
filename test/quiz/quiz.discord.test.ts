// /quiz through the Discord emulator with the real discord.js client: a full round with two users, a double
// answer refused, the starter's reveal, a timeout reveal, a round of two questions, and the leaderboard
// after a restart (new client, same database file). Waits are bounded by the emulator's timeouts only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBotUnderTest, type BotUnderTest } from '../discord/harness.js';
import type { RecordedMessage } from '../discord/emulator.js';

const ALICE = { id: '400000000000000011', username: 'alice' };
const BOB = { id: '400000000000000022', username: 'bob' };
const CAROL = { id: '400000000000000033', username: 'carol' };

const dbDir = mkdtempSync(join(tmpdir(), 'quiz-discord-'));
const DATABASE_PATH = join(dbDir, 'bot.sqlite');
afterAll(() => rmSync(dbDir, { recursive: true, force: true }));

async function bot(env: Record<string, string> = {}): Promise<BotUnderTest> {
  return startBotUnderTest({ env: { DATABASE_PATH, QUIZ_NEXT_SECONDS: '0', ...env } });
}

async function stop(h: BotUnderTest): Promise<void> {
  h.services.quiz?.close();
  await h.close();
}

const buttons = (m: RecordedMessage): any[] => m.components.flatMap((row: any) => row.components ?? []);
const isOpenQuestion = (m: RecordedMessage) => buttons(m).some((b) => b.label === 'A' && !b.disabled);
const isReveal = (m: RecordedMessage) => /answer: [A-D]$/.test(m.embeds[0]?.title ?? '') && buttons(m).length === 4 && buttons(m).every((b) => b.disabled);
const field = (m: RecordedMessage, name: string): string => m.embeds[0].fields.find((f: any) => f.name === name)?.value ?? '';
const rightLetter = (m: RecordedMessage) => /answer: ([A-D])$/.exec(m.embeds[0].title)![1];

describe('/quiz in Discord (emulator)', () => {
  let first: BotUnderTest | undefined;
  afterAll(async () => {
    if (first) await stop(first);
  });

  it('plays a full round: two users answer, a double answer is refused, only the starter reveals', async () => {
    first = await bot();
    const h = first;
    const start = h.emu.slash('quiz', { topic: 'cpu-limits' }, { subcommand: 'start', user: ALICE });
    const question = await start.waitForMessage(isOpenQuestion);
    expect(question.ephemeral).toBe(false);
    expect(question.embeds[0].title).toMatch(/^Quiz · Docker container CPU limits/);
    expect(buttons(question).map((b) => b.label)).toEqual(['A', 'B', 'C', 'D', 'Reveal']);

    const bobA = await h.emu.click(question, { label: 'A', user: BOB }).waitForMessage();
    expect(bobA).toMatchObject({ ephemeral: true, content: 'Your answer: A. The right answer is revealed when time is up.' });
    const carolB = await h.emu.click(question, { label: 'B', user: CAROL, locale: 'ko' }).waitForMessage();
    expect(carolB.ephemeral).toBe(true);
    expect(carolB.content).toMatch(/^B\(으\)로 답했어요/);

    const bobAgain = await h.emu.click(question, { label: 'C', user: BOB }).waitForMessage();
    expect(bobAgain).toMatchObject({ ephemeral: true, content: 'You already answered A. One answer per person.' });
    const bobReveal = await h.emu.click(question, { label: 'Reveal', user: BOB }).waitForMessage();
    expect(bobReveal.ephemeral).toBe(true);
    expect(bobReveal.content).toMatch(/Only alice, who started the quiz, can reveal early/);

    const aliceReveal = h.emu.click(question, { label: 'Reveal', user: ALICE });
    const reveal = await aliceReveal.waitForMessage(isReveal);
    expect(reveal.via).toBe('update'); // the quiz message itself was edited
    expect(field(reveal, 'Explanation').length).toBeGreaterThan(40);
    expect(field(reveal, 'Source')).toMatch(/^en\/cpu-limits\.md › /);
    const right = rightLetter(reveal);
    const who = field(reveal, 'Who was right');
    if (right === 'A') expect(who).toMatch(/✅ bob\n❌ carol \(B\)\n1 of 2 right/);
    else if (right === 'B') expect(who).toMatch(/✅ carol\n❌ bob \(A\)\n1 of 2 right/);
    else expect(who).toMatch(/✅ nobody\n❌ bob \(A\), carol \(B\)\n0 of 2 right/);
    expect(buttons(reveal).find((b) => b.label === right).style).toBe(3); // success (green)

    const late = await h.emu.click(question, { label: 'D', user: { id: '400000000000000044', username: 'dave' } }).waitForMessage();
    expect(late).toMatchObject({ ephemeral: true, content: 'That question is closed.' });

    const score = await h.emu.slash('quiz', {}, { subcommand: 'score', user: BOB }).waitForMessage();
    expect(score.ephemeral).toBe(true);
    expect(score.embeds[0].description).toMatch(new RegExp(`^${right === 'A' ? 1 : 0} right out of 1 `));
  });

  it('goes on to the next question of a round, keeping the reveal in the channel', async () => {
    const h = first!;
    const start = h.emu.slash('quiz', { topic: 'memory-limits', count: 2 }, { subcommand: 'start', user: ALICE, channelId: '300000000000000077' });
    const q1 = await start.waitForMessage((m) => isOpenQuestion(m) && /Quiz 1\/2/.test(m.embeds[0].title));
    await h.emu.click(q1, { label: 'C', user: BOB, channelId: '300000000000000077' }).waitForMessage();
    await h.emu.click(q1, { label: 'Reveal', user: ALICE, channelId: '300000000000000077' }).waitForMessage(isReveal);
    // The reveal is kept as its own message, and the quiz message (@original) becomes question 2.
    const record = await start.waitForMessage((m) => m.via === 'followup' && /Quiz 1\/2 .*answer: [A-D]$/.test(m.embeds[0]?.title ?? ''));
    expect(record.components).toEqual([]);
    const q2 = await start.waitForMessage((m) => m.via === 'edit' && isOpenQuestion(m) && /Quiz 2\/2/.test(m.embeds[0].title));
    expect(q2.id).toBe(q1.id);
    const reveal2 = h.emu.click(q2, { label: 'Reveal', user: ALICE, channelId: '300000000000000077' });
    const end = await reveal2.waitForMessage(isReveal);
    expect(end.embeds[0].footer.text).toMatch(/Quiz over/);
    expect(field(end, 'This round')).toMatch(/^bob: [01]\/2$/);
  });

  it('reveals by itself when QUIZ_ANSWER_SECONDS runs out', async () => {
    const h = await bot({ QUIZ_ANSWER_SECONDS: '5' });
    try {
      const start = h.emu.slash('quiz', {}, { subcommand: 'start', user: ALICE, locale: 'ko' });
      const question = await start.waitForMessage(isOpenQuestion);
      expect(question.embeds[0].footer.text).toMatch(/^5초 안에/);
      await h.emu.click(question, { label: 'D', user: CAROL }).waitForMessage();
      // Nobody presses reveal: the timer edits the original message through the responder captured at start.
      const reveal = await start.waitForMessage((m) => m.via === 'edit' && /정답: [A-D]$/.test(m.embeds[0]?.title ?? ''), 20_000);
      expect(reveal.embeds[0].footer.text).toMatch(/^시간 종료\. 퀴즈 끝/);
      expect(reveal.embeds[0].fields.map((f: any) => f.name)).toEqual(['해설', '출처', '누가 맞혔나']);
      expect(reveal.embeds[0].fields[1].value).toMatch(/^ko\//);
      expect(reveal.embeds[0].fields[2].value).toMatch(/carol/);
      expect(buttons(reveal).every((b) => b.disabled)).toBe(true);
    } finally {
      await stop(h);
    }
  });

  it('keeps the leaderboard across a restart (new client, same database file)', async () => {
    await stop(first!);
    first = undefined;
    const h = await bot();
    try {
      const board = await h.emu.slash('quiz', {}, { subcommand: 'leaderboard', user: CAROL }).waitForMessage();
      expect(board.ephemeral).toBe(false);
      const text: string = board.embeds[0].description;
      expect(board.embeds[0].title).toBe('Quiz leaderboard (top 10)');
      // Same server throughout: bob answered in the first round and in the two-question round, carol in the
      // first round and in the timeout test (another bot process, same file).
      expect(text).toMatch(/bob · [0-2] right \/ 2 answered/);
      expect(text).toMatch(/carol · [0-2] right \/ 2 answered/);
      expect(text.split('\n')).toHaveLength(2);
      const score = await h.emu.slash('quiz', {}, { subcommand: 'score', user: BOB }).waitForMessage();
      expect(score.embeds[0].description).toMatch(/right out of 2 \(\d+%\) · #\d on this server/);
    } finally {
      await stop(h);
    }
  });
});
