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
import { answerButton, buttonsOf, recordingResponder, user, type RecordingResponder } from './helpers.js';

let services: Services;
let router: CommandRouter;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quiz-cmd-'));
  services = await createServices(loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: join(dir, 'bot.sqlite'), CONSOLE_OUTPUT_DIR: dir, QUIZ_NEXT_SECONDS: '0' }));
  router = new CommandRouter(commands, services, { cooldownSeconds: 0, allowedChannelIds: [] });
});
afterAll(() => {
  services.quiz?.close();
  services.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ctxBase = (u: Invoker, guildId: string | null, channelId: string, locale: Locale, respond: RecordingResponder) => ({ user: u, guildId, channelId, locale, services, respond });

async function slash(sub: string, options: Record<string, string | number>, u: Invoker, o: { guild?: string | null; channel?: string; locale?: Locale } = {}) {
  const respond = recordingResponder();
  await router.runSlash('quiz', { ...ctxBase(u, o.guild === undefined ? 'g1' : o.guild, o.channel ?? 'c1', o.locale ?? 'en', respond), subcommand: sub, options });
  return respond;
}

async function click(customId: string, u: Invoker, o: { guild?: string | null; channel?: string; locale?: Locale } = {}) {
  const respond = recordingResponder();
  await router.runComponent({ ...ctxBase(u, o.guild === undefined ? 'g1' : o.guild, o.channel ?? 'c1', o.locale ?? 'en', respond), customId, values: [], messageId: 'm1' });
  return respond;
}

const alice = user('100', 'alice');
const bob = user('200', 'bob');
const carol = user('300', 'carol');

describe('/quiz command', () => {
  it('is registered with Korean localizations, subcommands and an autocompleted topic', () => {
    const json = router.get('quiz')!.data.toJSON() as { name_localizations?: Record<string, string>; options?: { name: string; name_localizations?: Record<string, string>; options?: { name: string; autocomplete?: boolean; max_value?: number }[] }[] };
    expect(json.name_localizations?.ko).toBe('퀴즈');
    expect(json.options!.map((o) => o.name)).toEqual(['start', 'score', 'leaderboard']);
    expect(json.options!.every((o) => o.name_localizations?.ko)).toBe(true);
    const start = json.options![0].options!;
    expect(start.find((o) => o.name === 'topic')!.autocomplete).toBe(true);
    expect(start.find((o) => o.name === 'count')!.max_value).toBe(10);
  });

  it('plays a round: two users answer, a second answer is refused, only the starter reveals, scores add up', async () => {
    const start = await slash('start', { topic: 'memory-limits' }, alice);
    expect(start.sent[0].via).toBe('defer');
    const q = start.last();
    const reveal = buttonsOf(q).find((b) => b.label === 'Reveal')!;

    const bobAnswer = await click(answerButton(q, 'A').id, bob);
    expect(bobAnswer.last()).toMatchObject({ ephemeral: true, content: expect.stringMatching(/^Your answer: A\./) });
    const carolAnswer = await click(answerButton(q, 'B').id, carol, { locale: 'ko' });
    expect(carolAnswer.last().content).toMatch(/^B\(으\)로 답했어요/);
    const again = await click(answerButton(q, 'C').id, bob);
    expect(again.last()).toMatchObject({ ephemeral: true, content: 'You already answered A. One answer per person.' });

    const notStarter = await click(reveal.id, bob);
    expect(notStarter.last()).toMatchObject({ ephemeral: true, content: expect.stringMatching(/Only alice, who started the quiz, can reveal early/) });

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
    const bad = await slash('start', { topic: 'pizza' }, alice);
    expect(bad.last().ephemeral).toBe(true);
    expect(bad.last().content).toMatch(/No such topic\. Topics: .*`memory-limits`/);
    const byTitle = await slash('start', { topic: 'Docker image layers: read-only layers, overlay2 and copy-on-write' }, alice, { channel: 'c-title' });
    expect(byTitle.last().embeds![0].title).toMatch(/Docker image layers/);
  });

  it('autocompletes topics from the knowledge base in the user\'s language', async () => {
    const all = await router.runAutocomplete('quiz', { user: alice, locale: 'ko', services, subcommand: 'start', focused: { name: 'topic', value: '' } });
    expect(all.map((c) => c.value).sort()).toEqual(services.kb.topics().map((t) => t.id).sort());
    const some = await router.runAutocomplete('quiz', { user: alice, locale: 'en', services, subcommand: 'start', focused: { name: 'topic', value: 'cpu' } });
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
