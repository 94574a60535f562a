// The image in Discord mode against the Discord API emulator on 127.0.0.1 (the container shares the host's
// network namespace, so loopback is the emulator and nothing else is reached): the HEALTHCHECK turns healthy
// once the gateway session is open, a /ask is answered, and docker stop disconnects cleanly with exit 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImage } from '../../scripts/image-build.js';
import { freePort } from '../deploy/free-port.js';
import { startEmulator, type Emulator } from '../discord/emulator.js';
import { COMPOSE_HARDENING, docker, imageTestsEnabled, inspect, name, poll, removeRunResources, RUN_LABEL } from './docker-cli.js';

const enabled = await imageTestsEnabled('the bot image on Discord');

describe.skipIf(!enabled)('the bot image on Discord', () => {
  let image = '';
  let emu: Emulator | undefined;

  beforeAll(async () => {
    ({ image } = await buildImage());
    emu = await startEmulator();
  }, 600_000);

  afterAll(async () => {
    await removeRunResources();
    await emu?.close();
  }, 60_000);

  it('is healthy once the gateway is connected, answers /ask, and stops with a clean disconnect', async () => {
    const container = name('discord');
    // The host's network: the health port must be one free here, not the image's 8079.
    const healthPort = await freePort();
    await docker([
      'run',
      '-d',
      '--name',
      container,
      '--label',
      RUN_LABEL,
      '--network',
      'host',
      ...COMPOSE_HARDENING,
      '--health-interval',
      '1s',
      '-e',
      `DISCORD_TOKEN=${emu!.token}`,
      '-e',
      `DISCORD_API_URL=${emu!.apiUrl}`,
      '-e',
      'COOLDOWN_SECONDS=0',
      '-e',
      `HEALTH_PORT=${healthPort}`,
      image,
    ]);
    await emu!.waitForIdentify(1, 60_000);
    const health = await poll(
      () => inspect(container, '{{.State.Health.Status}}'),
      (s) => s === 'healthy' || s === 'unhealthy',
      60_000,
    );
    expect(health).toBe('healthy');
    expect(JSON.parse(await inspect(container, '{{json .State.Health.Log}}')).at(-1).Output).toMatch(
      /"frontEnd":"discord","frontEndReady":true/,
    );

    const m = await emu!.slash('ask', { question: 'What is a hypervisor?' }).waitForMessage((x) => x.via === 'edit', 30_000);
    expect(m.embeds[0].title).toBe('What is a hypervisor?');

    const disconnected = new Promise((resolve) => emu!.once('disconnect', resolve));
    await docker(['stop', '--time', '10', container], { timeoutMs: 60_000 });
    await disconnected;
    expect(await inspect(container, '{{.State.ExitCode}}')).toBe('0');
  }, 180_000);
});
