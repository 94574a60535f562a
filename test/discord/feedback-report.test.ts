// npm run feedback: worst-rated answers from votes cast through the bot's buttons.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { collectFeedback, formatFeedback } from '../../scripts/feedback-report.js';
import { openDatabase } from '../../src/db/database.js';
import { FeedbackStore } from '../../src/db/feedback.js';
import { testServices } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'feedback-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a missing database or one without votes is reported, not an error', () => {
  const missing = collectFeedback(join(dir, 'nope.sqlite'));
  expect(missing.status).toBe('missing');
  expect(formatFeedback(missing)).toMatch(/Nothing to report/);

  const path = join(dir, 'empty.sqlite');
  openDatabase(path).close();
  expect(collectFeedback(path).status).toBe('no-feedback-tables');

  const db = openDatabase(join(dir, 'novotes.sqlite'));
  new FeedbackStore(db);
  db.close();
  const none = collectFeedback(join(dir, 'novotes.sqlite'));
  expect(none.status).toBe('ok');
  expect(formatFeedback(none)).toMatch(/No votes yet/);
});

test('worst-rated answers first, with question, excerpt, votes, last vote and sources', async () => {
  const ts = await testServices({ DATABASE_PATH: join(dir, 'bot.sqlite') });
  try {
    const { answerer, feedback } = ts.services;
    const bad = feedback.saveAnswer(await answerer.answer('What does --memory-swap do?'), 'u0', 'g');
    const meh = feedback.saveAnswer(await answerer.answer('What is a VM?'), 'u0', 'g');
    const good = feedback.saveAnswer(await answerer.answer('What are cgroups?'), 'u0', 'g');
    for (const u of ['a', 'b', 'c']) feedback.vote(bad, u, -1);
    feedback.vote(meh, 'a', -1);
    feedback.vote(meh, 'b', 1);
    feedback.vote(good, 'a', 1);
    const report = collectFeedback(join(dir, 'bot.sqlite'));
    expect(report).toMatchObject({ status: 'ok', answers: 3, votes: 6, up: 2, down: 4 });
    expect(report.worst.map((w) => w.id)).toEqual([bad, meh]);
    const text = formatFeedback(report);
    expect(text).toMatch(/1\. 👍 0 {2}👎 3/);
    expect(text).toMatch(/Q: What does --memory-swap do\?/);
    expect(text).toMatch(/A: \S/);
    expect(text).toMatch(/Sources: \[1\] .* \(.*\.md\)/);
    expect(text).toMatch(/last vote \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  } finally {
    ts.cleanup();
  }
});
