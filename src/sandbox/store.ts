// The record of every sandbox request in SQLite (sandbox_runs): refusals, runs and their results.
// At start-up, runs a previous process left "running" are marked interrupted, with the reason.
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Prunable } from '../db/retention.js';
import type { RunResult } from './runner.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sandbox_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at TEXT NOT NULL,
  finished_at TEXT,
  user_id TEXT NOT NULL,
  user_name TEXT,
  guild_id TEXT,
  channel_id TEXT,
  kind TEXT NOT NULL,
  preset TEXT,
  command TEXT,
  image TEXT,
  limits_json TEXT,
  outcome TEXT NOT NULL,
  exit_code INTEGER,
  duration_ms INTEGER,
  cpu_avg REAL,
  cpu_peak REAL,
  mem_peak INTEGER,
  pids_peak INTEGER,
  output_bytes INTEGER,
  error TEXT
);
CREATE INDEX IF NOT EXISTS sandbox_runs_user ON sandbox_runs(user_id, created_at);
`;

export const INTERRUPTED_REASON = 'the bot stopped (crash, kill or restart) before the run finished';

export interface RunRecord {
  user: { id: string; name: string };
  guildId: string | null;
  channelId: string;
  kind: 'run' | 'compare';
  preset?: string | null;
  command?: string | null;
  image?: string | null;
  limits?: unknown;
  outcome: string;
  error?: string | null;
}

export interface RunStore {
  /** Insert a row; returns its id (-1 when the database refused, which is logged). */
  record(r: RunRecord): number;
  finish(id: number, outcome: string, result: RunResult | null, error?: string): void;
  /** Mark rows still "running" (left by a previous process) as interrupted; returns how many. */
  markInterrupted(): number;
}

export function createRunStore(db: Database.Database, log: Logger): RunStore {
  db.exec(SCHEMA);
  const insert = db.prepare(
    `INSERT INTO sandbox_runs (created_at, user_id, user_name, guild_id, channel_id, kind, preset, command, image, limits_json, outcome, error)
     VALUES (@created_at, @user_id, @user_name, @guild_id, @channel_id, @kind, @preset, @command, @image, @limits_json, @outcome, @error)`,
  );
  const finish = db.prepare(
    `UPDATE sandbox_runs SET finished_at=@finished_at, outcome=@outcome, exit_code=@exit_code, duration_ms=@duration_ms, cpu_avg=@cpu_avg,
       cpu_peak=@cpu_peak, mem_peak=@mem_peak, pids_peak=@pids_peak, output_bytes=@output_bytes, error=@error WHERE id=@id`,
  );
  const interrupt = db.prepare(`UPDATE sandbox_runs SET outcome='interrupted', finished_at=@now, error=@reason WHERE outcome='running'`);
  return {
    record(r) {
      try {
        const info = insert.run({
          created_at: new Date().toISOString(),
          user_id: r.user.id,
          user_name: r.user.name,
          guild_id: r.guildId,
          channel_id: r.channelId,
          kind: r.kind,
          preset: r.preset ?? null,
          command: r.command ?? null,
          image: r.image ?? null,
          limits_json: r.limits === undefined ? null : JSON.stringify(r.limits),
          outcome: r.outcome,
          error: r.error ?? null,
        });
        return Number(info.lastInsertRowid);
      } catch (err) {
        log.error({ err }, 'sandbox: could not record the run');
        return -1;
      }
    },
    finish(id, outcome, r, error) {
      if (id < 0) return;
      try {
        finish.run({
          id,
          finished_at: new Date().toISOString(),
          outcome,
          exit_code: r?.exitCode ?? null,
          duration_ms: r?.durationMs ?? null,
          cpu_avg: r?.summary.cpuAvg ?? null,
          cpu_peak: r?.summary.cpuPeak ?? null,
          mem_peak: r?.memoryTop.bytes ?? null,
          pids_peak: r?.summary.pidsPeak ?? null,
          output_bytes: r?.output.bytes ?? null,
          error: error ?? null,
        });
      } catch (err) {
        log.error({ err }, 'sandbox: could not record the run result');
      }
    },
    markInterrupted() {
      const n = interrupt.run({ now: new Date().toISOString(), reason: INTERRUPTED_REASON }).changes;
      if (n) log.warn({ runs: n, reason: INTERRUPTED_REASON }, 'sandbox: runs left running by a previous process marked interrupted');
      return n;
    },
  };
}

/**
 * Run records (user ids, channels, commands) are pruned with the rest of what the bot stores after
 * DATA_RETENTION_DAYS; the table exists only once the sandbox has been enabled.
 */
export function sandboxRunRetention(db: Database.Database): Prunable {
  return {
    what: 'sandbox run records',
    prune(before) {
      const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sandbox_runs'").get();
      return table ? db.prepare('DELETE FROM sandbox_runs WHERE created_at < ?').run(before.toISOString()).changes : 0;
    },
  };
}
