// QuizService with recorded events (the core reports plain data, shows nothing): answering once, reveals
// (starter, timeout, stop, DM), one round per channel, rounds of several questions with per-round totals,
// failing presenters that must not throw, timers that do not hold the process open, and questions left open
// by a restart.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { QuizBank } from '../../src/quiz/bank.js';
import { QuizService, type QuizServiceOptions } from '../../src/quiz/service.js';
import type { Reveal } from '../../src/quiz/types.js';
import { manualClock, memoryLogger, recordingEvents, user } from './helpers.js';

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

function service(o: Partial<QuizServiceOptions> = {}, db = openDatabase(':memory:')) {
  const log = memoryLogger();
  const s = new QuizService(bank, db, kb, { answerSeconds: 30, nextSeconds: 0, logger: log.logger, ...o });
  services.push(s);
  return { s, log };
}

const alice = user('u-alice', 'alice');
const bob = user('u-bob', 'bob');
const carol = user('u-carol', 'carol');
const wrongOf = (correct: number) => (correct + 1) % 4;

describe('QuizService', () => {
  it("asks a question in the starter's language and reports it as data, with where it is shown", async () => {
    const { s } = service();
    const rec = recordingEvents();
    const out = await s.start({
      channelId: 'c1',
      guildId: 'g1',
      starter: alice,
      locale: 'ko',
      topic: 'memory-limits',
      count: 1,
      events: rec.events,
    });
    expect(out).toMatchObject({ kind: 'started', total: 1 });
    const q = rec.lastAsked();
    expect(q).toMatchObject({ channelId: 'c1', locale: 'ko', starter: alice });
    expect(q.shown.question.lang).toBe('ko');
    expect(q.shown.question.topic).toBe('memory-limits');
    expect([...q.shown.order].sort()).toEqual([0, 1, 2, 3]);
    expect(q.shown.order[q.shown.correct]).toBe(q.shown.question.answer);
    expect(s.isActive('c1')).toBe(true);
    expect(s.runningIn('c1')?.starter).toEqual(alice);
  });

  it('takes one answer per person, refuses a second, and only the starter reveals early', async () => {
    const { s } = service();
    const rec = recordingEvents();
    await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'en', count: 1, events: rec.events });
    const { roundId, index, correct } = rec.lastAsked().shown;
    expect(await s.answer({ roundId, index, pos: correct, user: bob, guildId: 'g1', channelId: 'c1' })).toMatchObject({
      kind: 'recorded',
      correct: true,
      revealNow: false,
    });
    expect(await s.answer({ roundId, index, pos: wrongOf(correct), user: carol, guildId: 'g1', channelId: 'c1' })).toMatchObject({
      kind: 'recorded',
      correct: false,
    });
    expect(await s.answer({ roundId, index, pos: wrongOf(correct), user: bob, guildId: 'g1', channelId: 'c1' })).toEqual({
      kind: 'already',
      letter: 'ABCD'[correct],
    });

    expect(await s.revealByStarter({ roundId, index, user: bob })).toEqual({ kind: 'not-starter', starterName: 'alice' });
    const shown: Reveal[] = [];
    const out = await s.revealByStarter({ roundId, index, user: alice, show: async (r) => void shown.push(r) });
    expect(out.kind).toBe('revealed');
    expect(shown).toHaveLength(1);
    expect(rec.revealed).toHaveLength(0); // shown by the caller (the pressed button's message), not the presenter
    expect(shown[0]).toMatchObject({ reason: 'starter', nextInSeconds: undefined });
    expect(shown[0].answers.map((a) => [a.name, a.correct])).toEqual([
      ['bob', true],
      ['carol', false],
    ]);

    expect(await s.answer({ roundId, index, pos: 0, user: user('late'), guildId: 'g1', channelId: 'c1' })).toEqual({ kind: 'closed' });
    expect(await s.revealByStarter({ roundId, index, user: alice })).toEqual({ kind: 'closed' });
    expect(s.isActive('c1')).toBe(false);
    expect(s.store.score('g1', bob.id)).toMatchObject({ correct: 1, answered: 1, rank: 1 });
    expect(s.store.score('g1', carol.id)).toMatchObject({ correct: 0, answered: 1, rank: 2 });
  });

  it('reveals by itself when the time is up, through the presenter, on the message the question was shown in', async () => {
    vi.useFakeTimers();
    const { s } = service({ answerSeconds: 30 });
    const rec = recordingEvents();
    await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'en', count: 1, events: rec.events });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(rec.revealed).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(rec.revealed).toEqual([{ reveal: expect.objectContaining({ reason: 'timeout', answers: [] }), ref: 'm1' }]);
    expect(s.isActive('c1')).toBe(false);
  });

  it('the default timers do not keep the process alive', async () => {
    const timers: NodeJS.Timeout[] = [];
    const real = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation((fn: () => void, ms?: number) => {
      const t = real(fn, ms);
      timers.push(t);
      return t;
    });
    const { s } = service({ answerSeconds: 30 });
    await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'en', count: 1, events: recordingEvents().events });
    expect(timers.length).toBeGreaterThan(0);
    expect(timers.every((t) => !t.hasRef())).toBe(true);
  });

  it('goes on question after question; each reveal edits its own question; round totals count what each member answered', async () => {
    const clock = manualClock();
    const { s } = service({ answerSeconds: 10, nextSeconds: 5, schedule: clock.schedule });
    const rec = recordingEvents();
    await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'en', topic: 'cpu-limits', count: 3, events: rec.events });
    const q1 = rec.lastAsked().shown;
    expect(q1.total).toBe(3);
    await s.answer({ roundId: q1.roundId, index: 0, pos: q1.correct, user: bob, guildId: 'g1', channelId: 'c1' });
    expect(await clock.fire()).toBe(10_000); // 1st reveal
    expect(rec.lastReveal()).toMatchObject({ reason: 'timeout', nextInSeconds: 5 });
    expect(rec.revealed[0].ref).toBe('m1');
    expect(await clock.fire()).toBe(5_000); // 2nd question
    const q2 = rec.lastAsked().shown;
    expect(q2.index).toBe(1);
    expect(await s.answer({ roundId: q1.roundId, index: 0, pos: 0, user: carol, guildId: 'g1', channelId: 'c1' })).toEqual({
      kind: 'closed',
    });
    // Bob skips question 2; carol answers it.
    await s.answer({ roundId: q2.roundId, index: 1, pos: q2.correct, user: carol, guildId: 'g1', channelId: 'c1' });
    await clock.fire();
    expect(rec.revealed[1].ref).toBe('m2');
    await clock.fire();
    const q3 = rec.lastAsked().shown;
    await s.answer({ roundId: q3.roundId, index: 2, pos: wrongOf(q3.correct), user: bob, guildId: 'g1', channelId: 'c1' });
    await clock.fire();
    const final = rec.lastReveal();
    expect(final.nextInSeconds).toBeUndefined();
    expect(final.roundTotals).toEqual(
      expect.arrayContaining([
        { name: 'bob', correct: 1, answered: 2 },
        { name: 'carol', correct: 1, answered: 1 },
      ]),
    );
    expect(s.isActive('c1')).toBe(false);
    expect(clock.pending).toBe(0);
    expect(new Set(rec.asked.map((q) => q.shown.question.key)).size).toBe(3);
  });

  it('one round per channel: a second start is refused and says who runs the round; other channels are free', async () => {
    const { s } = service();
    const first = recordingEvents();
    await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'en', count: 3, events: first.events });
    const second = recordingEvents();
    expect(await s.start({ channelId: 'c1', guildId: 'g1', starter: bob, locale: 'en', count: 1, events: second.events })).toEqual({
      kind: 'busy',
      starter: alice,
    });
    expect(second.asked).toHaveLength(0);
    expect(first.revealed).toHaveLength(0); // the running round goes on
    expect(await s.start({ channelId: 'c2', guildId: 'g1', starter: bob, locale: 'en', count: 1, events: second.events })).toMatchObject({
      kind: 'started',
    });
  });

  it('stop: refused to other members, allowed to the starter or a member who may manage messages', async () => {
    const { s } = service();
    const rec = recordingEvents();
    await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'en', count: 3, events: rec.events });
    expect(await s.stop('c1', { ...bob, canManageMessages: false })).toEqual({ kind: 'not-allowed', starter: alice });
    expect(s.isActive('c1')).toBe(true);
    expect(await s.stop('c1', { ...carol, canManageMessages: true })).toEqual({ kind: 'stopped' });
    expect(rec.lastReveal()).toMatchObject({ reason: 'stopped', stoppedBy: 'carol', nextInSeconds: undefined });
    expect(s.isActive('c1')).toBe(false);
    expect(await s.stop('c1', { ...alice, canManageMessages: false })).toEqual({ kind: 'none' });
  });

  it('stop between two questions turns the last reveal into the round\'s end (no "next question" left hanging)', async () => {
    const clock = manualClock();
    const { s } = service({ nextSeconds: 6, schedule: clock.schedule });
    const rec = recordingEvents();
    await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'en', count: 3, events: rec.events });
    const q1 = rec.lastAsked().shown;
    await s.answer({ roundId: q1.roundId, index: 0, pos: q1.correct, user: bob, guildId: 'g1', channelId: 'c1' });
    await s.revealByStarter({ roundId: q1.roundId, index: 0, user: alice, show: async () => {} });
    expect(await s.stop('c1', { ...alice, canManageMessages: false })).toEqual({ kind: 'stopped' });
    expect(rec.revealed).toEqual([
      {
        reveal: expect.objectContaining({
          reason: 'stopped',
          stoppedBy: 'alice',
          nextInSeconds: undefined,
          roundTotals: [{ name: 'bob', correct: 1, answered: 1 }],
        }),
        ref: 'm1',
      },
    ]);
    expect(await clock.fire()).toBeUndefined(); // the next question's timer is gone
    expect(rec.asked).toHaveLength(1);
  });

  it('in a DM (no server) the answer closes the question at once', async () => {
    const { s } = service();
    const rec = recordingEvents();
    await s.start({ channelId: 'dm1', guildId: null, starter: alice, locale: 'en', count: 1, events: rec.events });
    const { roundId, index } = rec.lastAsked().shown;
    const out = await s.answer({ roundId, index, pos: 1, user: alice, guildId: null, channelId: 'dm1' });
    expect(out).toMatchObject({ kind: 'recorded', revealNow: true });
    const shown: Reveal[] = [];
    await s.revealAfterAnswer(roundId, index, async (r) => void shown.push(r));
    expect(shown[0].answers[0].name).toBe('alice');
    expect(s.store.score('dm:dm1', alice.id).answered).toBe(1);
  });

  it('logs a failing presenter instead of throwing, also from the timer', async () => {
    const clock = manualClock();
    const { s, log } = service({ answerSeconds: 5, schedule: clock.schedule });
    const rec = recordingEvents();
    await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'en', count: 2, events: rec.events });
    rec.events.failWith = new Error('Unknown Message');
    await clock.fire();
    await clock.fire();
    const warnings = log.lines.filter((l) => l.msg === 'quiz message could not be sent');
    expect(warnings.map((w) => w.what)).toEqual(['reveal', 'question']);
  });

  it('close() stops every timer', async () => {
    vi.useFakeTimers();
    const { s } = service({ answerSeconds: 5 });
    const rec = recordingEvents();
    await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'en', count: 2, events: rec.events });
    s.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(rec.revealed).toHaveLength(0);
    expect(s.isActive('c1')).toBe(false);
  });

  it('says so when there is nothing to ask (empty bank, failing generator)', async () => {
    const log = memoryLogger();
    const generator = { generate: async () => null };
    const s = new QuizService(new QuizBank([]), openDatabase(':memory:'), kb, {
      answerSeconds: 30,
      nextSeconds: 0,
      logger: log.logger,
      generator,
    });
    services.push(s);
    const rec = recordingEvents();
    expect(await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'en', count: 1, events: rec.events })).toEqual({
      kind: 'empty',
    });
    expect(rec.asked).toEqual([]);
    expect(s.isActive('c1')).toBe(false);
  });

  it('questions left open when the process stops are handed to the next process once; revealed ones are not', async () => {
    const db = openDatabase(':memory:');
    const { s } = service({}, db);
    const rec = recordingEvents();
    await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'ko', count: 2, events: rec.events });
    await s.start({ channelId: 'c2', guildId: 'g2', starter: bob, locale: 'en', count: 1, events: rec.events });
    const done = rec.asked[1].shown;
    await s.revealByStarter({ roundId: done.roundId, index: 0, user: bob, show: async () => {} });
    s.close();
    const next = service({}, db).s;
    const stale = next.staleQuestions();
    expect(stale).toEqual([{ shown: rec.asked[0].shown, channelId: 'c1', guildId: 'g1', locale: 'ko', ref: 'm1' }]);
    expect(next.staleQuestions()).toEqual([]);
  });

  it('prefers questions not asked lately in the channel, and resolves topics by id or title', async () => {
    const { s } = service();
    const seen = new Set<string>();
    const pool = bank.select('en', 'docker-stats').length;
    for (let i = 0; i < pool; i++) {
      const rec = recordingEvents();
      await s.start({ channelId: 'c1', guildId: 'g1', starter: alice, locale: 'en', topic: 'docker-stats', count: 1, events: rec.events });
      const { roundId, index } = rec.lastAsked().shown;
      await s.revealByStarter({ roundId, index, user: alice, show: async () => {} });
      seen.add(rec.lastAsked().shown.question.key);
    }
    expect(seen.size).toBe(pool);
    expect(s.resolveTopic('memory-limits')).toBe('memory-limits');
    expect(
      s.resolveTopic(
        kb.topicTitle(
          kb.topics().find((t) => t.id === 'cpu-limits')!,
          'ko',
        ),
      ),
    ).toBe('cpu-limits');
    expect(s.resolveTopic('gardening')).toBeUndefined();
  });
});
