// Stored answers, votes and reasons (and the user ids on them) go after DATA_RETENTION_DAYS: at start-up, then daily.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { openDatabase } from '../../src/db/database.js';
import { feedbackRetention, FeedbackStore } from '../../src/db/feedback.js';
import { startRetention } from '../../src/db/retention.js';
import { loadConfig } from '../../src/config.js';
import { createRunStore, sandboxRunRetention } from '../../src/sandbox/store.js';
import { memoryLogger } from '../quiz/helpers.js';

const answer = (question: string): Answer => ({ question, lang: 'en', answer: 'text', abstained: false, sources: [], mode: 'extractive' });
const DAY = 24 * 60 * 60 * 1000;

describe('retention', () => {
  it('defaults to 90 days, within 1-3650', () => {
    expect(loadConfig({}).retentionDays).toBe(90);
    expect(() => loadConfig({ DATA_RETENTION_DAYS: '0' })).toThrow(/DATA_RETENTION_DAYS/);
  });

  it('deletes answers older than the period with their votes and reasons, keeps the rest, and stops cleanly', () => {
    const db = openDatabase(':memory:');
    const store = new FeedbackStore(db);
    const now = Date.parse('2026-06-01T00:00:00Z');
    const old = store.saveAnswer(answer('old question'), 'user-old', 'g');
    const recent = store.saveAnswer(answer('recent question'), 'user-new', 'g');
    store.vote(old, 'voter', -1);
    store.setReason(old, 'voter', 'wrong numbers');
    store.vote(recent, 'voter', -1);
    const setAge = (id: string, days: number) =>
      db.prepare('UPDATE answers SET created_at = ? WHERE id = ?').run(new Date(now - days * DAY).toISOString(), id);
    setAge(old, 31);
    setAge(recent, 29);

    const { logger, lines } = memoryLogger();
    const retention = startRetention([feedbackRetention(store)], 30, logger, () => now);
    retention.stop();
    expect(store.getAnswer(old)).toBeUndefined();
    expect(store.getAnswer(recent)?.question).toBe('recent question');
    const rows = db.prepare('SELECT answer_id, user_id FROM feedback').all();
    expect(rows).toEqual([{ answer_id: recent, user_id: 'voter' }]);
    expect(JSON.stringify(db.prepare('SELECT * FROM answers').all())).not.toContain('user-old');
    expect(lines.some((l) => l.msg === 'retention: old answers and their votes deleted' && l.removed === 1)).toBe(true);
    expect(retention.pruneNow()).toBe(0);
  });

  it('deletes sandbox run records older than the period too, and does nothing when the sandbox never ran', () => {
    const db = openDatabase(':memory:');
    const never = sandboxRunRetention(db);
    expect(never.prune(new Date())).toBe(0); // no table yet
    const { logger } = memoryLogger();
    const runs = createRunStore(db, logger);
    const base = { user: { id: 'u1', name: 'u', roleIds: [] }, guildId: 'g', channelId: 'c' };
    const old = runs.record({ ...base, kind: 'run', outcome: 'done' });
    const recent = runs.record({ ...base, kind: 'run', outcome: 'done' });
    const now = Date.parse('2026-06-01T00:00:00Z');
    db.prepare('UPDATE sandbox_runs SET created_at = ? WHERE id = ?').run(new Date(now - 40 * DAY).toISOString(), old);
    db.prepare('UPDATE sandbox_runs SET created_at = ? WHERE id = ?').run(new Date(now - 1 * DAY).toISOString(), recent);
    const retention = startRetention([feedbackRetention(new FeedbackStore(db)), never], 30, logger, () => now);
    retention.stop();
    expect(db.prepare('SELECT id FROM sandbox_runs').all()).toEqual([{ id: recent }]);
  });
});
