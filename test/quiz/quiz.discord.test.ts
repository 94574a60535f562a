// /quiz through the Discord emulator with the real discord.js client: a full round with two users, a double
// answer refused, the starter's reveal, a timeout reveal, a round of two questions, one round per channel,
// the leaderboard and open questions closed after a restart (new client, same database file), and a
// 10-question round at the longest answer time that outlives the interaction token (the emulator answers
// 401 / 50027 once the token has expired). Waits are bounded by the emulator's timeouts only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { QuizService } from '../../src/quiz/service.js';
import { startBotUnderTest, type BotUnderTest } from '../discord/harness.js';
import { startEmulator, type Emulator, type EmulatorOptions, type RecordedMessage } from '../discord/emulator.js';
import { manualClock } from './helpers.js';

const ALICE = { id: '400000000000000011', username: 'alice' };
const BOB = { id: '400000000000000022', username: 'bob' };
const CAROL = { id: '400000000000000033', username: 'carol' };
const MANAGE_MESSAGES = String(1n << 13n);

const dbDir = mkdtempSync(join(tmpdir(), 'quiz-discord-'));
const DATABASE_PATH = join(dbDir, 'bot.sqlite');
afterAll(() => rmSync(dbDir, { recursive: true, force: true }));

async function bot(env: Record<string, string> = {}, emulator?: EmulatorOptions, emu?: Emulator): Promise<BotUnderTest> {
  return startBotUnderTest({ env: { DATABASE_PATH, QUIZ_NEXT_SECONDS: '0', ...env }, emulator, emu });
}

async function stop(h: BotUnderTest): Promise<void> {
  h.services.quiz?.close();
  await h.close();
}

const buttons = (m: RecordedMessage): any[] => m.components.flatMap((row: any) => row.components ?? []);
const isOpenQuestion = (m: RecordedMessage) => buttons(m).some((b) => b.label === 'A' && !b.disabled);
const isReveal = (m: RecordedMessage) =>
  /answer: [A-D]$/.test(m.embeds[0]?.title ?? '') && buttons(m).length === 4 && buttons(m).every((b) => b.disabled);
const field = (m: RecordedMessage, name: string): string => m.embeds[0].fields.find((f: any) => f.name === name)?.value ?? '';
const rightLetter = (m: RecordedMessage) => /answer: ([A-D])$/.exec(m.embeds[0].title)![1];
const inChannel = (channelId: string, pick: (m: RecordedMessage) => boolean) => (m: RecordedMessage) =>
  m.channelId === channelId && pick(m);

describe('/quiz in Discord (emulator)', () => {
  let first: BotUnderTest | undefined;
  afterAll(async () => {
    if (first) await stop(first);
  });

  it('plays a full round: the question is a channel message, two users answer, only the starter reveals', async () => {
    first = await bot();
    const h = first;
    const channel = h.emu.defaultChannelId;
    const start = h.emu.slash('quiz', { topic: 'cpu-limits' }, { subcommand: 'start', user: ALICE });
    const header = await start.waitForMessage((m) => m.via === 'edit');
    expect(header.content).toMatch(/^🧠 alice started a quiz: 1 question · Docker container CPU limits/);
    const question = await h.emu.waitForMessage(inChannel(channel, (m) => m.via === 'send' && isOpenQuestion(m)));
    expect(question.embeds[0].title).toMatch(/^Quiz · Docker container CPU limits/);
    expect(buttons(question).map((b) => b.label)).toEqual(['A', 'B', 'C', 'D', 'Reveal']);
    expect(h.emu.calls.find((c) => c.kind === 'channel-send')!.body.allowed_mentions).toEqual({ parse: [] });

    const bobA = await h.emu.click(question, { label: 'A', user: BOB }).waitForMessage();
    expect(bobA).toMatchObject({ ephemeral: true, content: 'Your answer: A. The right answer is revealed when time is up.' });
    await h.emu.click(question, { label: 'B', user: CAROL, locale: 'ko' }).waitForMessage();
    const bobAgain = await h.emu.click(question, { label: 'C', user: BOB }).waitForMessage();
    expect(bobAgain).toMatchObject({ ephemeral: true, content: 'You already answered A. One answer per person.' });
    const bobReveal = await h.emu.click(question, { label: 'Reveal', user: BOB }).waitForMessage();
    expect(bobReveal.content).toMatch(/Only alice, who started the quiz, can reveal early/);

    const reveal = await h.emu.click(question, { label: 'Reveal', user: ALICE }).waitForMessage(isReveal);
    expect(reveal.via).toBe('update'); // the question's message itself was edited
    expect(reveal.id).toBe(question.id);
    expect(field(reveal, 'Source')).toMatch(/^en\/cpu-limits\.md › /);
    const right = rightLetter(reveal);
    const who = field(reveal, 'Who was right');
    if (right === 'A') expect(who).toMatch(/✅ bob\n❌ carol \(B\)\n1 of 2 right/);
    else if (right === 'B') expect(who).toMatch(/✅ carol\n❌ bob \(A\)\n1 of 2 right/);
    else expect(who).toMatch(/✅ nobody\n❌ bob \(A\), carol \(B\)\n0 of 2 right/);

    const late = await h.emu.click(question, { label: 'D', user: { id: '400000000000000044', username: 'dave' } }).waitForMessage();
    expect(late).toMatchObject({ ephemeral: true, content: 'That question is closed.' });
  });

  it('a round of two: each question is its own message, each reveal edits its question, totals count what was answered', async () => {
    const h = first!;
    const channel = '300000000000000077';
    h.emu.slash('quiz', { topic: 'memory-limits', count: 2 }, { subcommand: 'start', user: ALICE, channelId: channel });
    const q1 = await h.emu.waitForMessage(inChannel(channel, (m) => isOpenQuestion(m) && /Quiz 1\/2/.test(m.embeds[0].title)));
    await h.emu.click(q1, { label: 'C', user: BOB, channelId: channel }).waitForMessage();
    await h.emu.click(q1, { label: 'Reveal', user: ALICE, channelId: channel }).waitForMessage(isReveal);
    const q2 = await h.emu.waitForMessage(
      inChannel(channel, (m) => m.via === 'send' && isOpenQuestion(m) && /Quiz 2\/2/.test(m.embeds[0].title)),
    );
    expect(q2.id).not.toBe(q1.id);
    // Bob does not answer question 2: his round total is out of the one question he answered.
    const end = await h.emu.click(q2, { label: 'Reveal', user: ALICE, channelId: channel }).waitForMessage(isReveal);
    expect(end.embeds[0].footer.text).toMatch(/Quiz over/);
    expect(field(end, 'This round')).toMatch(/^bob: [01]\/1$/);
  });

  it('one round per channel: a second /quiz start is refused with who runs it and how to stop it', async () => {
    const h = first!;
    const channel = '300000000000000088';
    h.emu.slash('quiz', { count: 3 }, { subcommand: 'start', user: ALICE, channelId: channel });
    const q = await h.emu.waitForMessage(inChannel(channel, isOpenQuestion));
    const refused = await h.emu.slash('quiz', {}, { subcommand: 'start', user: BOB, channelId: channel }).waitForMessage();
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toMatch(/A quiz started by alice is running in this channel.*\/quiz stop/);
    const notYours = await h.emu.slash('quiz', {}, { subcommand: 'stop', user: BOB, channelId: channel }).waitForMessage();
    expect(notYours.content).toMatch(/^Only alice/);
    const mod = await h.emu
      .slash('quiz', {}, { subcommand: 'stop', user: CAROL, channelId: channel, permissions: MANAGE_MESSAGES })
      .waitForMessage();
    expect(mod.content).toBe('The quiz is over.');
    const closed = await h.emu.waitForMessage((m) => m.id === q.id && m.via === 'channel-edit');
    expect(closed.embeds[0].footer.text).toMatch(/^Stopped by carol/);
    expect(buttons(closed).every((b) => b.disabled)).toBe(true);
  });

  it('a channel the bot may not post in: the round does not start and the reply says what to check', async () => {
    const h = first!;
    const channel = '300000000000000066';
    h.emu.failNext(1, { status: 403, match: (r) => r.kind === 'channel-send' });
    const start = h.emu.slash('quiz', {}, { subcommand: 'start', user: ALICE, channelId: channel });
    const reply = await start.waitForMessage((m) => /did not start/.test(m.content));
    expect(reply.content).toMatch(/View Channel, Send Messages and Embed Links/);
    expect(h.services.quiz!.isActive(channel)).toBe(false);
    // The channel is free again.
    h.emu.slash('quiz', {}, { subcommand: 'start', user: BOB, channelId: channel });
    const q = await h.emu.waitForMessage(inChannel(channel, isOpenQuestion));
    await h.emu.click(q, { label: 'Reveal', user: BOB, channelId: channel }).waitForMessage(isReveal);
  });

  it('reveals by itself when QUIZ_ANSWER_SECONDS runs out, editing the question with the bot token', async () => {
    const h = await bot({ QUIZ_ANSWER_SECONDS: '5' });
    try {
      h.emu.slash('quiz', {}, { subcommand: 'start', user: ALICE, locale: 'ko' });
      const question = await h.emu.waitForMessage(isOpenQuestion);
      expect(question.embeds[0].footer.text).toMatch(/^5초 안에/);
      await h.emu.click(question, { label: 'D', user: CAROL }).waitForMessage();
      const reveal = await h.emu.waitForMessage((m) => m.id === question.id && m.via === 'channel-edit', 20_000);
      expect(reveal.embeds[0].footer.text).toMatch(/^시간 종료\. 퀴즈 끝/);
      expect(reveal.embeds[0].fields.map((f: any) => f.name)).toEqual(['해설', '출처', '누가 맞혔나']);
      expect(reveal.embeds[0].fields[2].value).toMatch(/carol/);
      expect(buttons(reveal).every((b) => b.disabled)).toBe(true);
    } finally {
      await stop(h);
    }
  });

  it('after a restart: the leaderboard is kept, and a question left open loses its buttons and says why', async () => {
    await stop(first!);
    first = undefined;
    const emu = await startEmulator();
    try {
      const channel = '300000000000000099';
      const h1 = await bot({}, undefined, emu);
      h1.emu.slash('quiz', { count: 2 }, { subcommand: 'start', user: ALICE, channelId: channel });
      const open = await emu.waitForMessage(inChannel(channel, isOpenQuestion));
      await stop(h1); // the process ends with the question open

      const h = await bot({}, undefined, emu);
      try {
        const closed = await emu.waitForMessage((m) => m.id === open.id && m.via === 'channel-edit');
        expect(closed.embeds[0].footer.text).toBe('This round ended when the bot restarted. Start a new one with /quiz start.');
        expect(buttons(closed).every((b) => b.disabled)).toBe(true);
        expect(closed.embeds[0].description).toBe(open.embeds[0].description);
        const board = await h.emu.slash('quiz', {}, { subcommand: 'leaderboard', user: CAROL }).waitForMessage();
        expect(board.embeds[0].title).toBe('Quiz leaderboard (top 10)');
        // Same server throughout: bob answered in the first round and the two-question round.
        expect(board.embeds[0].description).toMatch(/bob · [0-2] right \/ 2 answered/);
        // Closed once: a third start does not touch it again.
        await stop(h);
        const h3 = await bot({}, undefined, emu);
        await stop(h3);
        expect(emu.messages.filter((m) => m.id === open.id && m.via === 'channel-edit')).toHaveLength(1);
      } finally {
        await stop(h);
      }
    } finally {
      await emu.close();
    }
  });

  it('a 10-question round at the longest answer time completes although the interaction token expired after the first seconds', async () => {
    const clock = manualClock();
    const h = await startBotUnderTest({
      env: { DATABASE_PATH, QUIZ_ANSWER_SECONDS: '600', QUIZ_NEXT_SECONDS: '60' },
      emulator: { interactionTokenTtlMs: 400 },
      services: async (s) => {
        s.quiz = await QuizService.create(s.config, s.kb, s.db, s.logger, { schedule: clock.schedule });
      },
    });
    const fireWhenPending = async () => {
      for (let i = 0; i < 500 && clock.pending === 0; i++) await new Promise((r) => setTimeout(r, 10));
      return clock.fire();
    };
    try {
      const channel = '300000000000000111';
      const start = h.emu.slash('quiz', { count: 10 }, { subcommand: 'start', user: ALICE, channelId: channel });
      await start.waitForMessage((m) => /10 questions/.test(m.content));
      await new Promise((r) => setTimeout(r, 500)); // the /quiz interaction's token has now expired
      const expired = await fetch(`${h.emu.apiUrl}/v10/webhooks/${h.emu.applicationId}/${start.token}/messages/@original`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: '{"content":"x"}',
      });
      expect(expired.status).toBe(401);
      expect(await expired.json()).toMatchObject({ code: 50027 });

      const waits: number[] = [];
      for (let k = 1; k <= 10; k++) {
        const q = await h.emu.waitForMessage(
          inChannel(channel, (m) => m.via === 'send' && isOpenQuestion(m) && m.embeds[0].title.startsWith(`Quiz ${k}/10`)),
        );
        if (k % 2 === 1) await h.emu.click(q, { label: 'A', user: BOB, channelId: channel }).waitForMessage();
        waits.push((await fireWhenPending())!); // time is up
        const reveal = await h.emu.waitForMessage((m) => m.id === q.id && m.via === 'channel-edit');
        expect(isReveal(reveal)).toBe(true);
        if (k < 10) {
          expect(reveal.embeds[0].footer.text).toBe("Time's up. Next question in 60s");
          expect(await fireWhenPending()).toBe(60_000);
        } else {
          expect(reveal.embeds[0].footer.text).toMatch(/^Time's up\. Quiz over/);
          expect(field(reveal, 'This round')).toMatch(/^bob: \d+\/5$/);
        }
      }
      expect(waits).toEqual(Array(10).fill(600_000));
      // Nothing but the test's own probe went through the expired token: questions and reveals used channel routes.
      expect(h.emu.calls.filter((c) => c.interactionId === start.id && c.at > start.sentAt + 400).map((c) => c.body)).toEqual([
        { content: 'x' },
      ]);
      expect(h.emu.calls.filter((c) => c.kind === 'channel-send' && c.path.includes(channel))).toHaveLength(10);
    } finally {
      await stop(h);
    }
  });
});
