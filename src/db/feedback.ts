// Answers shown and the 👍/👎 they got, so the people who keep the knowledge base can see what to fix.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Answer } from '../answer/types.js';

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
}

export class FeedbackStore {
  constructor(private db: Database.Database) {
    db.exec(`
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
      );`);
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
      | { id: string; question: string; answer_json: string; user_id: string; guild_id: string | null; created_at: string }
      | undefined;
    if (!row) return undefined;
    return { id: row.id, question: row.question, answer: JSON.parse(row.answer_json), userId: row.user_id, guildId: row.guild_id, createdAt: row.created_at };
  }

  /** One vote per user and answer; voting again replaces the earlier vote. */
  vote(answerId: string, userId: string, vote: Vote): 'recorded' | 'changed' | 'unknown-answer' {
    if (!this.db.prepare('SELECT 1 FROM answers WHERE id = ?').get(answerId)) return 'unknown-answer';
    const before = this.db.prepare('SELECT vote FROM feedback WHERE answer_id = ? AND user_id = ?').get(answerId, userId);
    this.db
      .prepare(
        `INSERT INTO feedback (answer_id, user_id, vote, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(answer_id, user_id) DO UPDATE SET vote = excluded.vote, created_at = excluded.created_at`,
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
    return rows.map((r) => ({ id: r.id, question: r.question, answer: (JSON.parse(r.answer_json) as Answer).answer, up: r.up, down: r.down, lastVote: r.last_vote }));
  }
}
