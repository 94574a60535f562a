// 👎 opens a form asking what was wrong (optional, 300 characters); the reason is stored with the vote and
// `npm run feedback` shows it. Through the real client and the emulator.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectFeedback, formatFeedback } from '../../scripts/feedback-report.js';
import { COLORS } from '../../src/commands/render.js';
import type { RecordedMessage } from './emulator.js';
import { startBotUnderTest, type BotUnderTest } from './harness.js';

let h: BotUnderTest;
let answer: RecordedMessage;
beforeAll(async () => {
  h = await startBotUnderTest();
  const i = h.emu.slash('ask', { question: 'What does --memory-swap do?' });
  answer = await i.waitForMessage((m) => m.via === 'edit' && m.embeds[0]?.color === COLORS.answer);
});
afterAll(async () => {
  await h?.close();
});

const answerIdOf = (m: RecordedMessage) => m.components[0].components.find((b: any) => b.label === 'Not helpful').custom_id.split(':')[2];

describe('the 👎 form', () => {
  test('👎 records the vote and answers with a form: one optional paragraph of at most 300 characters', async () => {
    const click = h.emu.click(answer, { label: 'Not helpful', user: { id: '400000000000000051' } });
    const ack = await click.waitForAck();
    expect(ack.body.type).toBe(9); // MODAL
    const form = ack.body.data;
    expect(form.custom_id).toBe(`ask:reason:${answerIdOf(answer)}`);
    expect(form.title).toBe('What was wrong with the answer?');
    const input = form.components[0].components[0];
    expect(input).toMatchObject({ type: 4, style: 2, max_length: 300, required: false });
    expect(h.services.feedback.worstRated().find((w) => w.id === answerIdOf(answer))?.down).toBe(1);
  });

  test('the submitted reason is stored (cut to 300) and npm run feedback shows it', async () => {
    const id = answerIdOf(answer);
    const reason = `The swap default is wrong. ${'x'.repeat(400)}`;
    const submit = h.emu.submitModal(`ask:reason:${id}`, { reason }, { user: { id: '400000000000000051' }, message: answer });
    const thanks = await submit.waitForMessage();
    expect(thanks).toMatchObject({ ephemeral: true, content: 'Thanks for telling us! It helps fix the knowledge base.' });

    // Someone who never pressed 👎 cannot attach a reason.
    const stranger = await h.emu
      .submitModal(`ask:reason:${id}`, { reason: 'spam' }, { user: { id: '400000000000000052' }, locale: 'ko' })
      .waitForMessage();
    expect(stranger.content).toBe('이 답변에 남긴 👎가 없어요.');

    const report = collectFeedback(h.services.config.databasePath);
    const row = report.worst.find((w) => w.id === id)!;
    expect(row.reasons).toEqual([reason.slice(0, 300)]);
    expect(formatFeedback(report)).toContain(`👎 "The swap default is wrong. xxx`);
    expect(formatFeedback(report)).not.toContain('spam');
  });

  test('a 👎 form submitted empty keeps the vote without a reason', async () => {
    const id = answerIdOf(answer);
    await h.emu.click(answer, { label: 'Not helpful', user: { id: '400000000000000053' } }).waitForAck();
    await h.emu.submitModal(`ask:reason:${id}`, { reason: '  ' }, { user: { id: '400000000000000053' } }).waitForMessage();
    const row = collectFeedback(h.services.config.databasePath).worst.find((w) => w.id === id)!;
    expect(row.down).toBe(2);
    expect(row.reasons).toHaveLength(1);
  });
});
