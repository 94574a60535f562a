// Stored questions, answers, votes, sandbox run records and the user ids on them are kept for
// DATA_RETENTION_DAYS, then deleted: once at start-up and then once a day. (Quiz scores are kept until a member
// asks /quiz forget.)
import type { Logger } from 'pino';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Records of some kind that can be deleted when older than a date; returns how many went. */
export interface Prunable {
  what: string;
  prune(before: Date): number;
}

export interface Retention {
  /** Deletes what is older than the retention period now; returns how many records went. */
  pruneNow(): number;
  stop(): void;
}

export function startRetention(stored: Prunable[], days: number, logger: Logger, now: () => number = Date.now): Retention {
  const pruneNow = () => {
    const before = new Date(now() - days * DAY_MS);
    let total = 0;
    for (const s of stored) {
      const removed = s.prune(before);
      if (removed) logger.info({ removed, days }, `retention: old ${s.what} deleted`);
      total += removed;
    }
    return total;
  };
  const safePrune = () => {
    try {
      pruneNow();
    } catch (err) {
      logger.error({ err }, 'retention: pruning failed');
    }
  };
  safePrune();
  const timer = setInterval(safePrune, DAY_MS);
  timer.unref();
  return { pruneNow, stop: () => clearInterval(timer) };
}
