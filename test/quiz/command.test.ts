// /quiz through the command router (as every front end calls it): start, answers, double answer,
// reveal rights, score, leaderboard, topics and autocomplete; and /quiz in the console, answered with a letter.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/bootstrap.js';
import { commands } from '../../src/commands/index.js';
import { CommandRouter } from '../../src/commands/router.js';
import type { Invoker, Locale } from '../../src/commands/types.js';
import { loadConfig } from '../../src/config.js';
import { runConsole } from '../../src/console/console.js';
import type { Services } from '../../src/services.js';
import { answerButton, buttonsOf, recordingMessenger, recordingResponder, user, type RecordingResponder } from './helpers.js';

let services: Services;
let router: CommandRouter;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quiz-cmd-'));
  services = await createServices(
    loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: join(dir, 'bot.sqlite'), CONSOLE_OUTPUT_DIR: dir, QUIZ_NEXT_SECONDS: '0' }),
  );
  router = new CommandRouter(commands, services, { cooldownSeconds: 0, allowedChannelIds: [] });
});
afterAll(() => {
  services.quiz?.close();
  services.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const messenger = recordingMessenger();
const ctxBase = (u: Invoker, guildId: string | null, channelId: string, locale: Locale, respond: RecordingResponder) => ({
  user: u,
  guildId,
  channelId,
  locale,
  services,
  respond,
  channel: messenger.channel,
});

async function slash(
  sub: string,
  options: Record<string, string | number>,
  u: Invoker,
  o: { guild?: string | null; channel?: string; locale?: Locale } = {},
) {
  const respond = recordingResponder();
  await router.runSlash('quiz', {
    ...ctxBase(u, o.guild === undefined ? 'g1' : o.guild, o.channel ?? 'c1', o.locale ?? 'en', respond),
    subcommand: sub,
    options,
  });
  return respond;
}

async function click(customId: string, u: Invoker, o: { guild?: string | null; channel?: string; locale?: Locale } = {}) {
  const respond = recordingResponder();
  await router.runComponent({
    ...ctxBase(u, o.guild === undefined ? 'g1' : o.guild, o.channel ?? 'c1', o.locale ?? 'en', respond),
    customId,
    values: [],
    messageId: 'm1',
  });
  return respond;
}

const alice = user('100', 'alice');
const bob = user('200', 'bob');
const carol = user('300', 'carol');

describe('/quiz command', () => {
  it('is registered with Korean localizations, subcommands and an autocompleted topic', () => {
    const json = router.get('quiz')!.data.toJSON() as {
      name_localizations?: Record<string, string>;
      options?: {
        name: string;
        name_localizations?: Record<string, string>;
        options?: { name: string; autocomplete?: boolean; max_value?: number }[];
      }[];
    };
    expect(json.name_localizations?.ko).toBe('퀴즈');
    expect(json.options!.map((o) => o.name)).toEqual(['start', 'stop', 'forget', 'score', 'leaderboard']);
    expect(json.options!.every((o) => o.name_localizations?.ko)).toBe(true);
    const start = json.options![0].options!;
    expect(start.find((o) => o.name === 'topic')!.autocomplete).toBe(true);
    expect(start.find((o) => o.name === 'count')!.max_value).toBe(10);
  });

  it('plays a round: two users answer, a second answer is refused, only the starter reveals, scores add up', async () => {
    const start = await slash('start', { topic: 'memory-limits' }, alice);
    expect(start.sent.map((x) => x.via)).toEqual(['defer', 'reply']);
    // The reply announces the round; the question itself is a channel message (it outlives the interaction).
    expect(start.last().content).toMatch(/^🧠 alice started a quiz: 1 question · .*To end it: \/quiz stop$/);
    const q = messenger.lastSent();
    expect(messenger.sent.at(-1)!.channelId).toBe('c1');
    const reveal = buttonsOf(q).find((b) => b.label === 'Reveal')!;

    const bobAnswer = await click(answerButton(q, 'A').id, bob);
    expect(bobAnswer.last()).toMatchObject({ ephemeral: true, content: expect.stringMatching(/^Your answer: A\./) });
    const carolAnswer = await click(answerButton(q, 'B').id, carol, { locale: 'ko' });
    expect(carolAnswer.last().content).toMatch(/^B\(으\)로 답했어요/);
    const again = await click(answerButton(q, 'C').id, bob);
    expect(again.last()).toMatchObject({ ephemeral: true, content: 'You already answered A. One answer per person.' });

    const notStarter = await click(reveal.id, bob);
    expect(notStarter.last()).toMatchObject({
      ephemeral: true,
      content: expect.stringMatching(/Only alice, who started the quiz, can reveal early/),
    });

    const byStarter = await click(reveal.id, alice);
    // The starter's click edits the quiz message itself (update), no extra message.
    expect(byStarter.sent.map((s) => s.via)).toEqual(['update']);
    const shown = byStarter.last().embeds![0];
    expect(shown.fields!.map((f) => f.name)).toEqual(['Explanation', 'Source', 'Who was right']);
    expect(shown.fields![1].value).toMatch(/^en\/memory-limits\.md › /);
    expect(shown.fields![2].value).toMatch(/1 of 2 right|0 of 2 right/);
    expect(buttonsOf(byStarter.last()).every((b) => b.disabled)).toBe(true);

    const late = await click(answerButton(q, 'D').id, user('400', 'dave'));
    expect(late.last()).toMatchObject({ ephemeral: true, content: 'That question is closed.' });

    const score = await slash('score', {}, bob);
    expect(score.last().ephemeral).toBe(true);
    expect(score.last().embeds![0].description).toMatch(/^[01] right out of 1 \(\d+%\) · #[12] on this server$/);
    const board = await slash('leaderboard', {}, carol, { locale: 'ko' });
    expect(board.last().embeds![0].title).toBe('퀴즈 순위 (상위 10명)');
    expect(board.last().embeds![0].description).toMatch(/bob/);
    expect(board.last().embeds![0].description).toMatch(/carol/);
    const other = await slash('leaderboard', {}, carol, { guild: 'g2' });
    expect(other.last().embeds![0].description).toBe('No scores yet.');
    const none = await slash('score', {}, user('999', 'zed'));
    expect(none.last().embeds![0].description).toMatch(/No answers yet/);
  });

  it('refuses an unknown topic with the list of topics, and accepts a topic title', async () => {
    const bad = await slash('start', { topic: 'gardening' }, alice);
    expect(bad.last().ephemeral).toBe(true);
    expect(bad.last().content).toMatch(/No such topic\. Topics: .*`memory-limits`/);
    await slash('start', { topic: 'Docker image layers: read-only layers, overlay2 and copy-on-write' }, alice, { channel: 'c-title' });
    expect(messenger.lastSent().embeds![0].title).toMatch(/Docker image layers/);
    await slash('stop', {}, alice, { channel: 'c-title' });
  });

  it('one round per channel: another member is told who runs it and how to stop it; stop and forget check rights', async () => {
    await slash('start', { count: 3 }, alice, { channel: 'c-busy' });
    const busy = await slash('start', {}, bob, { channel: 'c-busy', locale: 'ko' });
    expect(busy.sent.map((x) => x.via)).toEqual(['reply']);
    expect(busy.last()).toMatchObject({ ephemeral: true, content: expect.stringMatching(/alice 님의 퀴즈가 진행 중이에요.*\/quiz stop/) });
    const notYours = await slash('stop', {}, bob, { channel: 'c-busy' });
    expect(notYours.last()).toMatchObject({
      ephemeral: true,
      content: expect.stringMatching(/^Only alice, who started it, or a member with Manage Messages/),
    });
    const edits = messenger.edits.length;
    const moderator = await slash('stop', {}, { ...carol, canManageMessages: true }, { channel: 'c-busy' });
    expect(moderator.last().content).toBe('The quiz is over.');
    // The open question's message became its reveal, saying who stopped the round.
    expect(messenger.edits.length).toBe(edits + 1);
    expect(messenger.edits.at(-1)!.message.embeds![0].footer).toMatch(/^Stopped by carol\. Quiz over/);
    const again = await slash('start', {}, bob, { channel: 'c-busy' });
    expect(again.last().content).toMatch(/^🧠 bob started a quiz/);
    await slash('stop', {}, bob, { channel: 'c-busy' });
  });

  it("/quiz forget deletes a member's answers; naming another member needs Manage Server", async () => {
    const dan = user('500', 'dan');
    const start = await slash('start', { topic: 'cpu-limits' }, dan, { channel: 'c-forget' });
    expect(start.last().content).toMatch(/dan started/);
    const q = messenger.lastSent();
    await click(answerButton(q, 'A').id, dan, { channel: 'c-forget' });
    expect(services.quiz!.store.score('g1', dan.id).answered).toBe(1);
    const refused = await slash('forget', { member: dan.id }, bob);
    expect(refused.last().content).toMatch(/needs Manage Server/);
    expect(services.quiz!.store.score('g1', dan.id).answered).toBe(1);
    const own = await slash('forget', {}, dan);
    expect(own.last()).toMatchObject({
      ephemeral: true,
      content: 'Deleted 1 quiz answer; the score and leaderboard no longer include them.',
    });
    expect(services.quiz!.store.score('g1', dan.id).answered).toBe(0);
    expect(services.quiz!.store.leaderboard('g1').some((r) => r.userId === dan.id)).toBe(false);
    const admin = await slash('forget', { member: bob.id }, { ...carol, canManageGuild: true });
    expect(admin.last().content).toMatch(/^Deleted \d+ quiz answer/);
    expect(services.quiz!.store.score('g1', bob.id).answered).toBe(0);
    await slash('stop', {}, dan, { channel: 'c-forget' });
  });

  it("autocompletes topics from the knowledge base in the user's language", async () => {
    const all = await router.runAutocomplete('quiz', {
      user: alice,
      locale: 'ko',
      services,
      subcommand: 'start',
      focused: { name: 'topic', value: '' },
    });
    expect(all.map((c) => c.value).sort()).toEqual(
      services.kb
        .topics()
        .map((t) => t.id)
        .sort(),
    );
    const some = await router.runAutocomplete('quiz', {
      user: alice,
      locale: 'en',
      services,
      subcommand: 'start',
      focused: { name: 'topic', value: 'cpu' },
    });
    expect(some.map((c) => c.value)).toContain('cpu-limits');
  });
});

/** Types lines into the console and returns what it printed. */
async function consoleSession(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d) => (text += d));
  const done = runConsole({ input, output, services, router });
  for (const l of lines) input.write(`${l}\n`);
  input.end();
  await done;
  return text;
}

describe('/quiz in the console', () => {
  it('a person types /quiz start, then B, and sees the result', async () => {
    const out = await consoleSession(['/quiz start topic: cpu-limits', 'B']);
    expect(out).toMatch(/── Quiz · Docker container CPU limits[^\n]* ──/);
    expect(out).toMatch(/\[b1\] A {2}\[b2\] B {2}\[b3\] C {2}\[b4\] D\n\[b5\] 🔍 Reveal/);
    // Typing B pressed the B button; in the console nobody else can answer, so the result shows at once.
    expect(out).toMatch(/── Quiz · Docker container CPU limits[^\n]* · answer: [A-D] ──/);
    expect(out).toMatch(/Explanation:\n.+/);
    expect(out).toMatch(/Source:\nen\/cpu-limits\.md › /);
    expect(out).toMatch(/Who was right:\n(✅ you|✅ nobody\n❌ you \(B\))/);
    expect(out).toMatch(/\(disabled\)/);
    const score = await consoleSession(['/quiz score']);
    expect(score).toMatch(/── Quiz score · you ──\n[01] right out of 1/);
  });

  it('a letter with no open question is explained', async () => {
    const out = await consoleSession(['C']);
    expect(out).toMatch(/No answer button C is open|That question is closed/);
  });
});
