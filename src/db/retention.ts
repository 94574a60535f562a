// Stored questions, answers, votes, sandbox run records and the user ids on them are kept for
// DATA_RETENTION_DAYS, then deleted: once at start-up and then once a day. (Quiz scores are kept until a member
// asks /quiz forget.)
import type { Logger } from 'pino';
import type { FeedbackStore } from './feedback.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Records of some kind that can be deleted when older than a date; returns how many went. */
export interface Prunable {
  what: string;
  prune(before: Date): number;
}

export interface Retention {
  /** Deletes what is older than the retention period now; returns how many answers went. */
  pruneNow(): number;
  stop(): void;
}

export function startRetention(
  feedback: FeedbackStore,
  days: number,
  logger: Logger,
  now: () => number = Date.now,
  others: Prunable[] = [],
): Retention {
  const pruneNow = () => {
    const before = new Date(now() - days * DAY_MS);
    const removed = feedback.prune(before);
    if (removed) logger.info({ removed, days }, 'retention: old answers and their votes deleted');
    for (const o of others) {
      const n = o.prune(before);
      if (n) logger.info({ removed: n, days }, `retention: old ${o.what} deleted`);
    }
    return removed;
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
