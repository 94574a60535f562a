// Stored questions, answers, votes and the user ids on them are kept for DATA_RETENTION_DAYS, then deleted:
// once at start-up and then once a day. (Quiz scores are kept until a member asks /quiz forget.)
import type { Logger } from 'pino';
import type { FeedbackStore } from './feedback.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Retention {
  /** Deletes what is older than the retention period now; returns how many answers went. */
  pruneNow(): number;
  stop(): void;
}

export function startRetention(feedback: FeedbackStore, days: number, logger: Logger, now: () => number = Date.now): Retention {
  const pruneNow = () => {
    const removed = feedback.prune(new Date(now() - days * DAY_MS));
    if (removed) logger.info({ removed, days }, 'retention: old answers and their votes deleted');
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
