// `npm run feedback`: the worst-rated answers (most 👎 net of 👍), for the people who keep the knowledge base.
// Shows each question, an excerpt of the answer, the votes, what 👎 voters said was wrong, the last vote time and
// the source files to look at.
//   npm run feedback [-- --limit 20] [-- --db data/bot.sqlite] [-- --json]
// Reads DATABASE_PATH by default, read-only (safe while the bot runs); a missing or empty database is reported, not an error.
import 'dotenv/config';
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { FeedbackStore, type WorstRated } from '../src/db/feedback.js';
import { ConfigError, loadConfig } from '../src/config.js';

export interface ReportRow extends WorstRated {
  sources: string[];
}

export interface FeedbackReport {
  database: string;
  status: 'ok' | 'missing' | 'no-feedback-tables';
  answers: number;
  votes: number;
  up: number;
  down: number;
  worst: ReportRow[];
}

const oneLine = (text: string, max: number) => {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

export function collectFeedback(path: string, limit = 20): FeedbackReport {
  const empty = { database: path, answers: 0, votes: 0, up: 0, down: 0, worst: [] };
  if (path !== ':memory:' && !existsSync(path)) return { ...empty, status: 'missing' };
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
    );
    if (!tables.has('answers') || !tables.has('feedback')) return { ...empty, status: 'no-feedback-tables' };
    const store = new FeedbackStore(db, { readonly: true });
    const totals = db
      .prepare('SELECT COUNT(*) AS votes, COALESCE(SUM(vote = 1), 0) AS up, COALESCE(SUM(vote = -1), 0) AS down FROM feedback')
      .get() as { votes: number; up: number; down: number };
    const answers = (db.prepare('SELECT COUNT(*) AS n FROM answers').get() as { n: number }).n;
    const worst = store.worstRated(limit).map((w) => {
      const full = store.getAnswer(w.id);
      const sources = (full?.answer.sources ?? []).map((s) => `[${s.n}] ${s.title} › ${s.heading} (${s.path})`);
      return { ...w, sources };
    });
    return { database: path, status: 'ok', answers, votes: totals.votes, up: totals.up, down: totals.down, worst };
  } finally {
    db.close();
  }
}

export function formatFeedback(r: FeedbackReport): string {
  const lines: string[] = [`# Feedback report — ${r.database}`, ''];
  if (r.status === 'missing')
    return [...lines, `No database at ${r.database} yet: the bot creates it when it first answers. Nothing to report.`].join('\n');
  if (r.status === 'no-feedback-tables') return [...lines, 'The database has no answers or votes yet. Nothing to report.'].join('\n');
  lines.push(`Answers shown: ${r.answers} · votes: ${r.votes} (👍 ${r.up} / 👎 ${r.down})`, '');
  if (!r.worst.length) {
    lines.push(r.votes ? 'No answer has a 👎. Nothing to fix for now.' : 'No votes yet.');
    return lines.join('\n');
  }
  lines.push(`## Worst-rated answers (${r.worst.length}, most 👎 net of 👍 first)`, '');
  r.worst.forEach((w, i) => {
    lines.push(
      `${i + 1}. 👍 ${w.up}  👎 ${w.down}  · last vote ${w.lastVote.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}  · answer ${w.id}`,
    );
    lines.push(`   Q: ${oneLine(w.question, 200)}`);
    lines.push(`   A: ${oneLine(w.answer, 300) || '(empty)'}`);
    for (const reason of w.reasons) lines.push(`   👎 "${oneLine(reason, 300)}"`);
    if (w.sources.length) lines.push(`   Sources: ${w.sources.slice(0, 3).join('; ')}`);
    else lines.push('   Sources: none (the bot abstained or found nothing: a gap in the knowledge base?)');
    lines.push('');
  });
  return lines.join('\n').trimEnd();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const args = process.argv.slice(2);
    const value = (name: string) => {
      const i = args.indexOf(`--${name}`);
      return i >= 0 ? args[i + 1] : undefined;
    };
    const path = value('db') ?? loadConfig().databasePath;
    const limit = Number(value('limit') ?? 20);
    const report = collectFeedback(path, Number.isFinite(limit) && limit > 0 ? limit : 20);
    process.stdout.write(`${args.includes('--json') ? JSON.stringify(report, null, 2) : formatFeedback(report)}\n`);
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : `feedback report failed: ${(err as Error).message}`}\n`);
    process.exit(err instanceof ConfigError ? 78 : 1);
  }
}
