// Scores in SQLite: one answer per question run and user, per-server scope, ranks, and persistence.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { QuizStore } from '../../src/quiz/store.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function answer(store: QuizStore, run: string, userId: string, correct: boolean, scope = 'g1') {
  return store.recordAnswer({
    questionRun: run,
    questionKey: `en/${run}`,
    scope,
    userId,
    userName: `name-${userId}`,
    choice: correct ? 1 : 2,
    correct,
  });
}

describe('QuizStore', () => {
  it('refuses a second answer to the same question run', () => {
    const store = new QuizStore(openDatabase(':memory:'));
    expect(answer(store, 'r1:0', 'u1', true)).toBe(true);
    expect(answer(store, 'r1:0', 'u1', false)).toBe(false);
    expect(answer(store, 'r1:1', 'u1', false)).toBe(true);
    expect(store.score('g1', 'u1')).toMatchObject({ correct: 1, answered: 2, rank: 1 });
  });

  it('ranks by right answers, then by fewer tries, and keeps servers apart', () => {
    const store = new QuizStore(openDatabase(':memory:'));
    // u1: 2/3, u2: 2/2, u3: 1/1, u4: 0/1; u9 plays in another server
    answer(store, 'a:0', 'u1', true);
    answer(store, 'a:1', 'u1', true);
    answer(store, 'a:2', 'u1', false);
    answer(store, 'a:0', 'u2', true);
    answer(store, 'a:1', 'u2', true);
    answer(store, 'a:0', 'u3', true);
    answer(store, 'a:0', 'u4', false);
    for (let i = 0; i < 5; i++) answer(store, `b:${i}`, 'u9', true, 'g2');
    const board = store.leaderboard('g1');
    expect(board.map((r) => [r.userId, r.correct, r.answered])).toEqual([
      ['u2', 2, 2],
      ['u1', 2, 3],
      ['u3', 1, 1],
      ['u4', 0, 1],
    ]);
    expect(board[0].userName).toBe('name-u2');
    expect(store.score('g1', 'u1').rank).toBe(2);
    expect(store.score('g1', 'u4').rank).toBe(4);
    expect(store.score('g1', 'u9')).toMatchObject({ answered: 0, rank: null });
    expect(store.leaderboard('g2').map((r) => r.userId)).toEqual(['u9']);
  });

  it('shows at most 10 players', () => {
    const store = new QuizStore(openDatabase(':memory:'));
    for (let u = 0; u < 15; u++) answer(store, 'x:0', `u${u}`, u % 2 === 0);
    expect(store.leaderboard('g1')).toHaveLength(10);
  });

  it('keeps scores across a restart (same file, new connection)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quiz-store-'));
    dirs.push(dir);
    const path = join(dir, 'bot.sqlite');
    const db1 = openDatabase(path);
    answer(new QuizStore(db1), 'r:0', 'u1', true);
    db1.close();
    const db2 = openDatabase(path);
    const store = new QuizStore(db2); // CREATE TABLE IF NOT EXISTS leaves the rows alone
    expect(store.score('g1', 'u1')).toMatchObject({ correct: 1, answered: 1, rank: 1 });
    expect(answer(store, 'r:0', 'u1', true)).toBe(false);
    db2.close();
  });
});
