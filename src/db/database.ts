// One embedded SQLite file for everything the bot must remember (feedback, quiz scores, sandbox runs).
// Each feature creates its own tables with `CREATE TABLE IF NOT EXISTS` when it starts.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export function openDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  return db;
}
