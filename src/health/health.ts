// Readiness as a supervisor needs it: the front end says whether it can take commands (Discord gateway
// connected, console reading input), and every check writes one row so a full disk or a read-only data
// volume shows as unhealthy instead of failing the next user's command.
import type Database from 'better-sqlite3';

export interface HealthReport {
  ok: boolean;
  /** 'starting', 'console' or 'discord'. */
  frontEnd: string;
  frontEndReady: boolean;
  /** 'writable', or why the database could not be written. */
  database: string;
}

export class Health {
  private frontEnd = 'starting';
  private isReady: () => boolean = () => false;
  private readonly touch: Database.Statement;

  constructor(db: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS health_probe (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at TEXT NOT NULL)');
    this.touch = db.prepare(
      'INSERT INTO health_probe (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at',
    );
  }

  /** The front end registers how to tell it is ready; asked again at every check. */
  setFrontEnd(name: string, isReady: () => boolean): void {
    this.frontEnd = name;
    this.isReady = isReady;
  }

  private databaseState(): string {
    try {
      this.touch.run(new Date().toISOString());
      return 'writable';
    } catch (err) {
      return `not writable: ${(err as Error).message}`;
    }
  }

  check(): HealthReport {
    const database = this.databaseState();
    const frontEndReady = this.isReady();
    return { ok: frontEndReady && database === 'writable', frontEnd: this.frontEnd, frontEndReady, database };
  }
}
