// Answers shown and the 👍/👎 they got (with the optional reason a 👎 gives), so the people who keep the
// knowledge base can see what to fix. Kept for the configured retention period, then pruned.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Answer } from '../answer/types.js';
import type { Prunable } from './retention.js';

export type Vote = 1 | -1;

export interface AnswerRow {
  id: string;
  question: string;
  answer: Answer;
  userId: string;
  guildId: string | null;
  createdAt: string;
}

export interface WorstRated {
  id: string;
  question: string;
  answer: string;
  up: number;
  down: number;
  lastVote: string;
  /** What 👎 voters said was wrong (the optional text of the feedback form). */
  reasons: string[];
}

/** The longest reason a 👎 voter may give (the form's limit too). */
export const REASON_MAX = 300;

export class FeedbackStore {
  /** `readonly`: a report on a database the bot owns; the schema is read as it is, never changed. */
  constructor(
    private db: Database.Database,
    options: { readonly?: boolean } = {},
  ) {
    if (!options.readonly) this.createSchema();
  }

  private hasReasons(): boolean {
    return (this.db.prepare('PRAGMA table_info(feedback)').all() as { name: string }[]).some((c) => c.name === 'reason');
  }

  private createSchema(): void {
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS answers (
        id TEXT PRIMARY KEY,
        question TEXT NOT NULL,
        answer_json TEXT NOT NULL,
        user_id TEXT NOT NULL,
        guild_id TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS feedback (
        answer_id TEXT NOT NULL REFERENCES answers(id),
        user_id TEXT NOT NULL,
        vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
        created_at TEXT NOT NULL,
        PRIMARY KEY (answer_id, user_id)
      );
      CREATE INDEX IF NOT EXISTS answers_created ON answers (created_at);`);
    // Databases from before the feedback form have no reason column.
    if (!this.hasReasons()) this.db.exec('ALTER TABLE feedback ADD COLUMN reason TEXT');
  }

  /** Stores what a 👎 voter said was wrong (cut to REASON_MAX); false when they have no 👎 on that answer. */
  setReason(answerId: string, userId: string, reason: string): boolean {
    const text = reason.trim().slice(0, REASON_MAX);
    return (
      this.db
        .prepare('UPDATE feedback SET reason = ? WHERE answer_id = ? AND user_id = ? AND vote = -1')
        .run(text || null, answerId, userId).changes === 1
    );
  }

  /** Deletes answers stored before `before`, with their votes and reasons; returns how many answers went. */
  prune(before: Date): number {
    const cutoff = before.toISOString();
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM feedback WHERE answer_id IN (SELECT id FROM answers WHERE created_at < ?)').run(cutoff);
      return this.db.prepare('DELETE FROM answers WHERE created_at < ?').run(cutoff).changes;
    })();
  }

  /** Keeps an answer so its sources and votes can be looked up later (also after a restart). */
  saveAnswer(answer: Answer, userId: string, guildId: string | null): string {
    const id = randomUUID().replace(/-/g, '').slice(0, 16);
    this.db
      .prepare('INSERT INTO answers (id, question, answer_json, user_id, guild_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, answer.question, JSON.stringify(answer), userId, guildId, new Date().toISOString());
    return id;
  }

  getAnswer(id: string): AnswerRow | undefined {
    const row = this.db.prepare('SELECT * FROM answers WHERE id = ?').get(id) as
      { id: string; question: string; answer_json: string; user_id: string; guild_id: string | null; created_at: string } | undefined;
    if (!row) return undefined;
    return {
      id: row.id,
      question: row.question,
      answer: JSON.parse(row.answer_json) as Answer,
      userId: row.user_id,
      guildId: row.guild_id,
      createdAt: row.created_at,
    };
  }

  /** One vote per user and answer; voting again replaces the earlier vote (the same vote again changes nothing). */
  vote(answerId: string, userId: string, vote: Vote): 'recorded' | 'changed' | 'unchanged' | 'unknown-answer' {
    if (!this.db.prepare('SELECT 1 FROM answers WHERE id = ?').get(answerId)) return 'unknown-answer';
    const before = this.db.prepare('SELECT vote FROM feedback WHERE answer_id = ? AND user_id = ?').get(answerId, userId) as
      { vote: number } | undefined;
    if (before?.vote === vote) return 'unchanged';
    this.db
      .prepare(
        `INSERT INTO feedback (answer_id, user_id, vote, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(answer_id, user_id) DO UPDATE SET vote = excluded.vote, created_at = excluded.created_at, reason = NULL`,
      )
      .run(answerId, userId, vote, new Date().toISOString());
    return before ? 'changed' : 'recorded';
  }

  /** Answers with the most 👎 (net of 👍), worst first. */
  worstRated(limit = 20): WorstRated[] {
    const rows = this.db
      .prepare(
        `SELECT a.id, a.question, a.answer_json,
                SUM(CASE WHEN f.vote = 1 THEN 1 ELSE 0 END) AS up,
                SUM(CASE WHEN f.vote = -1 THEN 1 ELSE 0 END) AS down,
                MAX(f.created_at) AS last_vote
           FROM feedback f JOIN answers a ON a.id = f.answer_id
          GROUP BY a.id
         HAVING down > 0
          ORDER BY (down - up) DESC, down DESC, last_vote DESC
          LIMIT ?`,
      )
      .all(limit) as { id: string; question: string; answer_json: string; up: number; down: number; last_vote: string }[];
    return rows.map((r) => ({
      id: r.id,
      question: r.question,
      answer: (JSON.parse(r.answer_json) as Answer).answer,
      up: r.up,
      down: r.down,
      lastVote: r.last_vote,
      reasons: this.reasons(r.id),
    }));
  }

  private reasons(answerId: string): string[] {
    if (!this.hasReasons()) return [];
    const rows = this.db
      .prepare("SELECT reason FROM feedback WHERE answer_id = ? AND vote = -1 AND reason IS NOT NULL AND reason <> '' ORDER BY created_at")
      .all(answerId) as { reason: string }[];
    return rows.map((r) => r.reason);
  }
}

/** Answers, with their votes and reasons, as retention prunes them. */
export function feedbackRetention(store: FeedbackStore): Prunable {
  return { what: 'answers and their votes', prune: (before) => store.prune(before) };
}
