// /sandbox end to end (imported by docker.test.ts): the real discord.js client against the Discord API emulator, the real Docker engine
// behind it. Skipped with a message when Docker is unreachable, unless SANDBOX_TESTS_REQUIRE_DOCKER=1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotUnderTest, type BotUnderTest } from '../discord/harness.js';
import { dockerForTests, ensureImage, labelledContainers, TEST_BOT_ID } from './helpers.js';

const probe = await dockerForTests('/sandbox on Discord (emulator + Docker)');

const ROLE = '300000000000000001';

describe.skipIf(!probe.ok)('/sandbox on Discord (emulator + Docker)', () => {
  let h: BotUnderTest;
  beforeAll(async () => {
    if (!probe.ok) return;
    await ensureImage(probe.docker);
    h = await startBotUnderTest({
      env: { SANDBOX_ENABLED: 'true', SANDBOX_BOT_ID: TEST_BOT_ID, SANDBOX_ROLE_IDS: ROLE, SANDBOX_PROGRESS_SECONDS: '1' },
    });
  }, 60_000);
  afterAll(async () => {
    await h?.services.sandbox?.close();
    await h?.close();
  });

  it('runs a preset: deferred, progress edits, then the report embed with the chart attached', async () => {
    const i = h.emu.slash('sandbox', { preset: 'sleep', timeout: 3 }, { subcommand: 'run', memberRoles: [ROLE], locale: 'en-US' });
    await i.waitForAck(5_000);
    const final = await i.waitForMessage((m) => m.embeds.length > 0 && m.files.length > 0, 20_000);
    const embed = final.embeds[0];
    expect(embed.title).toMatch(/sleep/);
    const fields = Object.fromEntries((embed.fields ?? []).map((f: { name: string; value: string }) => [f.name, f.value]));
    expect(fields['Limits applied']).toMatch(/--network none/);
    expect(fields['Exit code']).toBeDefined();
    expect(final.files[0]).toMatch(/\.png$/);
    expect(embed.image?.url).toMatch(new RegExp(`attachment://${final.files[0].replace('.', '\\.')}`));
    expect(final.allowedMentions).toEqual({ parse: [] });
    // Progress edits came before the report.
    const edits = h.emu.calls.filter((c) => c.kind === 'edit' && c.interactionId === i.id);
    expect(edits.length).toBeGreaterThanOrEqual(2);
    expect((await labelledContainers(probe.ok ? probe.docker : (undefined as never))).length).toBe(0);
  }, 30_000);

  it('refuses a member without the sandbox role, ephemerally, and starts no container', async () => {
    const i = h.emu.slash('sandbox', { preset: 'hello' }, { subcommand: 'run', memberRoles: [], locale: 'ko' });
    const reply = await i.waitForMessage((m) => m.embeds.length > 0 || m.content.length > 0, 10_000);
    expect(reply.ephemeral).toBe(true);
    expect(JSON.stringify(reply.embeds) + reply.content).toMatch(/역할|role/i);
    expect((await labelledContainers(probe.ok ? probe.docker : (undefined as never))).length).toBe(0);
  });
});
