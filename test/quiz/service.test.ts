// QuizService with recorded responders: answering once, reveals (starter, timeout, replaced, DM), rounds of
// several questions, failing edits that must not throw, and timers that do not hold the process open.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { QuizBank } from '../../src/quiz/bank.js';
import { QuizService, type QuizServiceOptions } from '../../src/quiz/service.js';
import { answerButton, buttonsOf, memoryLogger, recordingResponder, user } from './helpers.js';

let kb: KnowledgeBase;
let bank: QuizBank;
beforeAll(async () => {
  kb = await KnowledgeBase.load('knowledge');
  bank = await QuizBank.load('knowledge/quiz');
});

const services: QuizService[] = [];
afterEach(() => {
  for (const s of services.splice(0)) s.close();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function service(o: Partial<QuizServiceOptions> = {}) {
  const log = memoryLogger();
  const s = new QuizService(bank, openDatabase(':memory:'), kb, { answerSeconds: 30, nextSeconds: 0, logger: log.logger, ...o });
  services.push(s);
  return { s, log };
}

/** Parses `quiz:answer:<round>:<index>:<pos>` from a button. */
function ids(customId: string) {
  const [, , roundId, index, pos] = customId.split(':');
  return { roundId, index: Number(index), pos: Number(pos) };
}

const alice = user('u-alice', 'alice');
const bob = user('u-bob', 'bob');
const carol = user('u-carol', 'carol');

describe('QuizService', () => {
  it('asks a question with A-D buttons and a reveal button, in the starter\'s language', async () => {
    const { s } = service();
    const respond = recordingResponder();
    expect(await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'ko', topic: 'memory-limits', count: 1, respond })).toBe(true);
    const q = respond.last();
    expect(q.embeds?.[0].title).toMatch(/^퀴즈 · /);
    expect(q.embeds?.[0].description).toMatch(/\*\*A\.\*\* [\s\S]*\*\*D\.\*\* /);
    expect(buttonsOf(q).map((b) => b.label)).toEqual(['A', 'B', 'C', 'D', '정답 공개']);
    expect(buttonsOf(q).every((b) => !b.disabled)).toBe(true);
    expect(s.isActive('c1')).toBe(true);
  });

  it('takes one answer per person, refuses a second, and the starter\'s reveal shows answer, explanation, source and who was right', async () => {
    const { s } = service();
    const respond = recordingResponder();
    await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'en', count: 1, respond });
    const q = respond.last();
    const shownCorrect = (() => {
      // The right option is the one whose text is the bank's right answer.
      const desc = q.embeds![0].description!;
      const question = bank.questions.find((x) => desc.startsWith(x.question))!;
      const line = desc.split('\n').find((l) => l.includes(question.options[question.answer]))!;
      return line.match(/\*\*([A-D])\.\*\*/)![1];
    })();
    const wrong = 'ABCD'.replace(shownCorrect, '')[0];

    const a = ids(answerButton(q, shownCorrect).id);
    expect(await s.answer({ ...a, user: bob, guildId: 'g1', channelId: 'c1' })).toMatchObject({ kind: 'recorded', letter: shownCorrect, correct: true, revealNow: false });
    const w = ids(answerButton(q, wrong).id);
    expect(await s.answer({ ...w, user: carol, guildId: 'g1', channelId: 'c1' })).toMatchObject({ kind: 'recorded', correct: false });
    // Bob tries again with another letter: refused, and his first answer stands.
    expect(await s.answer({ ...w, user: bob, guildId: 'g1', channelId: 'c1' })).toEqual({ kind: 'already', letter: shownCorrect });

    // Only the starter may reveal early.
    expect(await s.revealByStarter({ roundId: a.roundId, index: 0, user: bob })).toEqual({ kind: 'not-starter', starterName: 'alice' });
    const out = await s.revealByStarter({ roundId: a.roundId, index: 0, user: alice });
    expect(out.kind).toBe('revealed');
    const reveal = respond.last();
    expect(respond.sent.at(-1)!.via).toBe('reply'); // edited through the responder captured at start
    const embed = reveal.embeds![0];
    expect(embed.title).toMatch(new RegExp(`answer: ${shownCorrect}$`));
    expect(embed.fields!.map((f) => f.name)).toEqual(['Explanation', 'Source', 'Who was right']);
    expect(embed.fields![1].value).toMatch(/^en\/[a-z-]+\.md › /);
    expect(embed.fields![2].value).toMatch(/✅ bob/);
    expect(embed.fields![2].value).toMatch(new RegExp(`❌ carol \\(${wrong}\\)`));
    expect(embed.fields![2].value).toMatch(/1 of 2 right/);
    expect(buttonsOf(reveal).every((b) => b.disabled)).toBe(true);
    expect(buttonsOf(reveal).find((b) => b.label === shownCorrect)!.style).toBe('success');
    expect(embed.footer).toMatch(/Quiz over/);

    // Closed now: later answers and reveals are refused.
    expect(await s.answer({ ...a, user: user('late'), guildId: 'g1', channelId: 'c1' })).toEqual({ kind: 'closed' });
    expect(await s.revealByStarter({ roundId: a.roundId, index: 0, user: alice })).toEqual({ kind: 'closed' });
    expect(s.isActive('c1')).toBe(false);

    expect(s.store.score('g1', bob.id)).toMatchObject({ correct: 1, answered: 1, rank: 1 });
    expect(s.store.score('g1', carol.id)).toMatchObject({ correct: 0, answered: 1, rank: 2 });
  });

  it('reveals by itself when the time is up (fake clock), with a timer that does not keep the process alive', async () => {
    vi.useFakeTimers();
    const timers: NodeJS.Timeout[] = [];
    const real = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      const t = real(fn, ms);
      timers.push(t);
      return t;
    }) as typeof setTimeout);
    const { s } = service({ answerSeconds: 30 });
    const respond = recordingResponder();
    await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'en', count: 1, respond });
    expect(timers.length).toBeGreaterThan(0);
    expect(timers.every((t) => !t.hasRef())).toBe(true);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(respond.sent.filter((x) => x.via === 'reply')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    const reveal = respond.last();
    expect(reveal.embeds![0].footer).toMatch(/^Time's up\. Quiz over/);
    expect(reveal.embeds![0].fields![2].value).toBe('Nobody answered.');
    expect(s.isActive('c1')).toBe(false);
  });

  it('goes on to the next question with count > 1, keeping each reveal as its own message', async () => {
    vi.useFakeTimers();
    const { s } = service({ answerSeconds: 10, nextSeconds: 5 });
    const respond = recordingResponder();
    await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'en', topic: 'cpu-limits', count: 3, respond });
    const first = respond.last();
    expect(first.embeds![0].title).toMatch(/^Quiz 1\/3 · /);
    const a = ids(answerButton(first, 'A').id);
    await s.answer({ ...a, user: bob, guildId: 'g1', channelId: 'c1' });
    await vi.advanceTimersByTimeAsync(10_000); // 1st reveal
    expect(respond.last().embeds![0].footer).toMatch(/Next question in 5s/);
    await vi.advanceTimersByTimeAsync(5_000); // reveal record + 2nd question
    const vias = respond.sent.map((x) => x.via);
    expect(vias).toEqual(['reply', 'reply', 'followUp', 'reply']);
    expect(respond.sent[2].message!.components).toEqual([]);
    const second = respond.last();
    expect(second.embeds![0].title).toMatch(/^Quiz 2\/3 · /);
    expect(second.embeds![0].description).not.toBe(first.embeds![0].description);
    // An answer button of question 1 no longer counts.
    expect(await s.answer({ ...a, user: carol, guildId: 'g1', channelId: 'c1' })).toEqual({ kind: 'closed' });
    const b = ids(answerButton(second, 'B').id);
    expect(b.index).toBe(1);
    await s.answer({ ...b, user: bob, guildId: 'g1', channelId: 'c1' });
    await s.revealByStarter({ roundId: b.roundId, index: 1, user: alice });
    await vi.advanceTimersByTimeAsync(5_000);
    const third = respond.last();
    expect(third.embeds![0].title).toMatch(/^Quiz 3\/3 · /);
    await vi.advanceTimersByTimeAsync(10_000);
    const final = respond.last();
    expect(final.embeds![0].footer).toMatch(/Quiz over/);
    expect(final.embeds![0].fields!.map((f) => f.name)).toContain('This round');
    expect(final.embeds![0].fields!.at(-1)!.value).toMatch(/^bob: \d\/3$/);
    expect(s.isActive('c1')).toBe(false);
    // Three different questions of the topic.
    const titles = respond.sent.filter((x) => x.via === 'reply' && !x.message!.embeds![0].fields).map((x) => x.message!.embeds![0].description);
    expect(new Set(titles).size).toBe(3);
  });

  it('a new /quiz in the channel reveals the open question first', async () => {
    const { s } = service();
    const first = recordingResponder();
    await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'en', count: 3, respond: first });
    const second = recordingResponder();
    await s.start({ channelId: 'c1', guildId: 'g1', starter: bob, locale: 'en', count: 1, respond: second });
    expect(first.last().embeds![0].footer).toMatch(/^Revealed because a new quiz started\. Quiz over/);
    expect(buttonsOf(first.last()).every((b) => b.disabled)).toBe(true);
    expect(first.sent.filter((x) => x.via === 'followUp')).toHaveLength(0); // the old round does not go on
    expect(buttonsOf(second.last()).some((b) => !b.disabled)).toBe(true);
  });

  it('in a DM (no server) the answer closes the question at once', async () => {
    const { s } = service();
    const respond = recordingResponder();
    await s.start({ channelId: 'dm1', guildId: null, starter: alice, locale: 'en', count: 1, respond });
    const a = ids(answerButton(respond.last(), 'B').id);
    const out = await s.answer({ ...a, user: alice, guildId: null, channelId: 'dm1' });
    expect(out).toMatchObject({ kind: 'recorded', revealNow: true });
    const click = recordingResponder();
    await s.revealAfterAnswer(a.roundId, a.index, (m) => click.update!(m));
    expect(click.last().embeds![0].fields![2].value).toMatch(/alice/);
    expect(s.store.score('dm:dm1', alice.id).answered).toBe(1);
  });

  it('logs a failing Discord edit instead of throwing, also from the timer', async () => {
    vi.useFakeTimers();
    const { s, log } = service({ answerSeconds: 5 });
    const respond = recordingResponder();
    await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'en', count: 2, respond });
    respond.failWith = new Error('Unknown Message');
    await vi.advanceTimersByTimeAsync(5_000);
    await vi.advanceTimersByTimeAsync(5_000);
    const warnings = log.lines.filter((l) => l.msg === 'quiz message could not be sent');
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    expect(warnings[0].what).toBe('reveal');
  });

  it('close() stops every timer', async () => {
    vi.useFakeTimers();
    const { s } = service({ answerSeconds: 5 });
    const respond = recordingResponder();
    await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'en', count: 2, respond });
    s.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(respond.sent.filter((x) => x.via !== 'defer')).toHaveLength(1);
    expect(s.isActive('c1')).toBe(false);
  });

  it('says so when there is nothing to ask (empty bank, failing generator)', async () => {
    const log = memoryLogger();
    const generator = { generate: async () => null };
    const s = new QuizService(new QuizBank([]), openDatabase(':memory:'), kb, { answerSeconds: 30, nextSeconds: 0, logger: log.logger, generator });
    services.push(s);
    const respond = recordingResponder();
    expect(await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'en', count: 1, respond })).toBe(false);
    expect(respond.sent).toEqual([]);
    expect(s.isActive('c1')).toBe(false);
  });

  it('prefers questions not asked lately in the channel, and resolves topics by id or title', async () => {
    const { s } = service();
    const seen = new Set<string>();
    const pool = bank.select('en', 'docker-stats').length;
    for (let i = 0; i < pool; i++) {
      const respond = recordingResponder();
      await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'en', topic: 'docker-stats', count: 1, respond });
      seen.add(respond.last().embeds![0].description!.split('\n')[0]);
    }
    expect(seen.size).toBe(pool);
    expect(s.resolveTopic('memory-limits')).toBe('memory-limits');
    expect(s.resolveTopic(kb.topicTitle(kb.topics().find((t) => t.id === 'cpu-limits')!, 'ko'))).toBe('cpu-limits');
    expect(s.resolveTopic('pizza')).toBeUndefined();
  });
});
