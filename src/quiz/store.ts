// Quiz answers and scores in the shared SQLite file. One row per (round question, user): the primary key
// is what refuses a second answer, and scores are sums over the rows, so they survive restarts.
import type Database from 'better-sqlite3';
import type { Lang, ShownQuestion, StaleQuestion } from './types.js';

export interface ScoreRow {
  userId: string;
  userName: string;
  correct: number;
  answered: number;
}

export interface UserScore extends ScoreRow {
  /** 1-based place on this server's leaderboard, or null with no answers yet. */
  rank: number | null;
}

export class QuizStore {
  constructor(private db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS quiz_answers (
        question_run TEXT NOT NULL,
        question_key TEXT NOT NULL,
        scope TEXT NOT NULL,
        user_id TEXT NOT NULL,
        user_name TEXT NOT NULL,
        choice INTEGER NOT NULL,
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        answered_at TEXT NOT NULL,
        PRIMARY KEY (question_run, user_id)
      );
      CREATE INDEX IF NOT EXISTS quiz_answers_scope ON quiz_answers (scope, user_id);
      CREATE TABLE IF NOT EXISTS quiz_open (
        question_run TEXT PRIMARY KEY,
        channel_id TEXT NOT NULL,
        guild_id TEXT,
        locale TEXT NOT NULL,
        ref TEXT NOT NULL,
        shown_json TEXT NOT NULL,
        opened_at TEXT NOT NULL
      );`);
  }

  /** Remembers an open question and where it is shown, so that after a restart it can be closed. */
  markOpen(run: string, q: { shown: ShownQuestion; channelId: string; guildId: string | null; locale: Lang; ref: string }): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO quiz_open (question_run, channel_id, guild_id, locale, ref, shown_json, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(run, q.channelId, q.guildId, q.locale, q.ref, JSON.stringify(q.shown), new Date().toISOString());
  }

  markClosed(run: string): void {
    this.db.prepare('DELETE FROM quiz_open WHERE question_run = ?').run(run);
  }

  /** Open questions left by an earlier process (those `mine` accepts), forgotten as they are returned. */
  takeStale(mine: (guildId: string | null) => boolean = () => true): StaleQuestion[] {
    const rows = this.db.prepare('SELECT * FROM quiz_open').all() as {
      question_run: string;
      channel_id: string;
      guild_id: string | null;
      locale: Lang;
      ref: string;
      shown_json: string;
    }[];
    const taken = rows.filter((r) => mine(r.guild_id));
    const drop = this.db.prepare('DELETE FROM quiz_open WHERE question_run = ?');
    for (const r of taken) drop.run(r.question_run);
    return taken.map((r) => ({
      shown: JSON.parse(r.shown_json) as ShownQuestion,
      channelId: r.channel_id,
      guildId: r.guild_id,
      locale: r.locale,
      ref: r.ref,
    }));
  }

  /** Deletes every quiz answer of a member in a scope (/quiz forget); returns how many were removed. */
  forget(scope: string, userId: string): number {
    return this.db.prepare('DELETE FROM quiz_answers WHERE scope = ? AND user_id = ?').run(scope, userId).changes;
  }

  /** Records an answer; false when this user already answered this question run. */
  recordAnswer(a: {
    questionRun: string;
    questionKey: string;
    scope: string;
    userId: string;
    userName: string;
    choice: number;
    correct: boolean;
  }): boolean {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO quiz_answers (question_run, question_key, scope, user_id, user_name, choice, correct, answered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(a.questionRun, a.questionKey, a.scope, a.userId, a.userName, a.choice, a.correct ? 1 : 0, new Date().toISOString());
    return result.changes === 1;
  }

  /** Top players of a scope (a server, or a DM/console channel): most right answers, then fewest tries. */
  leaderboard(scope: string, limit = 10): ScoreRow[] {
    const rows = this.db
      .prepare(
        `SELECT user_id, SUM(correct) AS correct, COUNT(*) AS answered,
                (SELECT user_name FROM quiz_answers n WHERE n.scope = a.scope AND n.user_id = a.user_id ORDER BY answered_at DESC LIMIT 1) AS user_name
           FROM quiz_answers a
          WHERE scope = ?
          GROUP BY user_id
          ORDER BY correct DESC, answered ASC, MIN(answered_at) ASC
          LIMIT ?`,
      )
      .all(scope, limit) as { user_id: string; user_name: string; correct: number; answered: number }[];
    return rows.map((r) => ({ userId: r.user_id, userName: r.user_name, correct: r.correct, answered: r.answered }));
  }

  score(scope: string, userId: string): UserScore {
    const row = this.db
      .prepare(
        `SELECT COALESCE(SUM(correct), 0) AS correct, COUNT(*) AS answered, MAX(user_name) AS user_name FROM quiz_answers WHERE scope = ? AND user_id = ?`,
      )
      .get(scope, userId) as { correct: number; answered: number; user_name: string | null };
    if (!row.answered) return { userId, userName: '', correct: 0, answered: 0, rank: null };
    const ahead = this.db
      .prepare(
        `SELECT COUNT(*) AS n FROM (
           SELECT user_id, SUM(correct) AS c, COUNT(*) AS t FROM quiz_answers WHERE scope = ? GROUP BY user_id
         ) WHERE c > ? OR (c = ? AND t < ?)`,
      )
      .get(scope, row.correct, row.correct, row.answered) as { n: number };
    return { userId, userName: row.user_name ?? '', correct: row.correct, answered: row.answered, rank: ahead.n + 1 };
  }
}
