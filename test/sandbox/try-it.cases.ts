// "▶ Try it" end to end (imported by docker.test.ts): an answer about --cpus carries the button; pressing it runs
// cpu-burn with --cpus 0.5 through the real Docker engine, with /sandbox's gate and the shared cooldown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLORS } from '../../src/commands/render.js';
import { startBotUnderTest, type BotUnderTest } from '../discord/harness.js';
import { dockerForTests, ensureImage } from './helpers.js';

const probe = await dockerForTests('▶ Try it (emulator + Docker)');
const MANAGE_MESSAGES = String(1n << 13n);
const ASKER = { id: '400000000000000071', username: 'asker' };
const MOD = { id: '400000000000000072', username: 'mod' };

describe.skipIf(!probe.ok)('▶ Try it (emulator + Docker)', () => {
  let h: BotUnderTest;
  beforeAll(async () => {
    if (!probe.ok) return;
    await ensureImage(probe.docker);
    h = await startBotUnderTest({
      env: { SANDBOX_ENABLED: 'true', SANDBOX_TIMEOUT_SECONDS_DEFAULT: '2', SANDBOX_PROGRESS_SECONDS: '1', COOLDOWN_SECONDS: '60' },
    });
  }, 60_000);
  afterAll(async () => {
    await h?.services.sandbox?.close();
    await h?.close();
  });

  it("runs the matching preset with the limit the question named, behind /sandbox's gate and cooldown", async () => {
    const asked = h.emu.slash('ask', { question: 'What does --cpus 0.5 actually limit?' }, { user: ASKER });
    const answer = await asked.waitForMessage((m) => m.via === 'edit' && m.embeds[0]?.color === COLORS.answer);
    const button = answer.components[0].components.find((b: any) => String(b.custom_id).startsWith('ask:try:'));
    expect(button.label).toBe('Try it: cpu-burn --cpus 0.5');

    // A member without Manage Messages: refused privately, nothing runs.
    const refused = await h.emu
      .click(answer, { customId: button.custom_id, user: { id: '400000000000000073', username: 'member' } })
      .waitForMessage();
    expect(refused).toMatchObject({ ephemeral: true, content: expect.stringMatching(/^▶ Try it needs the same permission as \/sandbox/) });
    expect(h.services.sandbox!.stats()).toEqual({ running: 0, queued: 0 });

    const run = h.emu.click(answer, { customId: button.custom_id, user: MOD, permissions: MANAGE_MESSAGES });
    const report = await run.waitForMessage((m) => m.files.length > 0, 30_000);
    expect(report.ephemeral).toBe(false);
    expect(report.embeds[0].title).toMatch(/cpu-burn/);
    const limits = report.embeds[0].fields.find((f: any) => f.name === 'Limits applied').value;
    expect(limits).toMatch(/--cpus 0\.5\b/);

    const again = await h.emu.click(answer, { customId: button.custom_id, user: MOD, permissions: MANAGE_MESSAGES }).waitForMessage();
    expect(again).toMatchObject({ ephemeral: true, content: expect.stringMatching(/^Slow down a little: try again in \d+ seconds\.$/) });
  }, 60_000);
});
