// The image as an owner runs it (Dockerfile, built on local bases): the console answers on stdin, the
// HEALTHCHECK turns healthy, SIGTERM stops it within the grace period, the database on the volume
// survives a restart, it runs as a non-root user, and a mounted folder replaces the baked-in knowledge.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImage } from '../../scripts/image-build.js';
import {
  COMPOSE_HARDENING,
  ConsoleProcess,
  docker,
  imageTestsEnabled,
  inspect,
  name,
  poll,
  removeRunResources,
  RUN_LABEL,
} from './docker-cli.js';

const enabled = await imageTestsEnabled('the bot image');
/** docker stop's grace period: a clean exit within it is 143 (SIGTERM handled), past it Docker sends SIGKILL (137). */
const GRACE_SECONDS = 10;

describe.skipIf(!enabled)('the bot image', () => {
  let image = '';
  const dir = mkdtempSync(join(tmpdir(), 'image-test-'));

  beforeAll(async () => {
    ({ image } = await buildImage());
  }, 600_000);

  afterAll(async () => {
    await removeRunResources();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('declares a non-root user, a /data volume, SIGTERM and a HEALTHCHECK', async () => {
    const config = JSON.parse(await docker(['image', 'inspect', '--format', '{{json .Config}}', image]));
    expect(config.User).toBe('studybot');
    expect(Object.keys(config.Volumes)).toEqual(['/data']);
    expect(config.StopSignal).toBe('SIGTERM');
    expect(config.Healthcheck.Test).toEqual(['CMD', 'node', 'dist/src/health/probe.js']);
    expect(config.Env).toContain('DATABASE_PATH=/data/bot.sqlite');
  });

  it('answers /ask on stdin, turns healthy, stops on SIGTERM within the grace period, keeps its database across a restart', async () => {
    const container = name('console');
    const volume = name('data');
    await docker(['volume', 'create', '--label', RUN_LABEL, volume]);
    const first = new ConsoleProcess([
      'run',
      '-i',
      '--name',
      container,
      '--label',
      RUN_LABEL,
      '--network',
      'none',
      '-v',
      `${volume}:/data`,
      ...COMPOSE_HARDENING,
      // Only how often the image's own HEALTHCHECK runs is changed, so the test need not wait 10 s for the first one.
      '--health-interval',
      '1s',
      image,
    ]);
    first.send('/ask question: What is a hypervisor?');
    await first.waitFor(/── What is a hypervisor\? ──[\s\S]*Sources:/);
    first.send('/quiz start count: 1');
    await first.waitFor(/\[b\d+\] A/);
    first.send('A');
    await first.waitFor(/\d of 1 right/);

    const health = await poll(
      () => inspect(container, '{{.State.Health.Status}}'),
      (s) => s === 'healthy' || s === 'unhealthy',
      60_000,
    );
    expect(health).toBe('healthy');
    const lastCheck = JSON.parse(await inspect(container, '{{json .State.Health.Log}}')).at(-1);
    expect(lastCheck.ExitCode).toBe(0);
    expect(lastCheck.Output).toMatch(/^200 \{"ok":true,"frontEnd":"console","frontEndReady":true,"database":"writable"\}/);
    expect(await docker(['exec', container, 'id', '-u'])).toBe('10001');

    await docker(['stop', '--time', String(GRACE_SECONDS), container], { timeoutMs: 60_000 });
    expect(await first.exited).toBe(143);
    expect(await inspect(container, '{{.State.ExitCode}} {{.State.OOMKilled}}')).toBe('143 false');

    // The same container started again (as its restart policy would): the quiz answer is still counted.
    const again = new ConsoleProcess(['start', '--attach', '--interactive', container]);
    again.send('/quiz score');
    await again.waitFor(/\d right out of 1 \(/);
    again.end();
    expect(await again.exited).toBe(0);
  }, 180_000);

  it('serves a knowledge folder mounted over /app/knowledge instead of the baked-in one', async () => {
    const kb = join(dir, 'knowledge', 'en');
    mkdirSync(kb, { recursive: true });
    writeFileSync(
      join(kb, 'club.md'),
      '---\ntitle: "Study club container rules"\nlang: en\ntopic: containers\n---\n\n## Where the study club runs its containers\n\n' +
        'The study club runs every container on the shared host named quokka-7, with a memory limit of 64 MiB per container.\n',
    );
    const c = new ConsoleProcess([
      'run',
      '-i',
      '--rm',
      '--name',
      name('kb'),
      '--label',
      RUN_LABEL,
      '--network',
      'none',
      '-v',
      `${join(dir, 'knowledge')}:/app/knowledge:ro`,
      image,
    ]);
    c.send('/ask question: Where does the study club run its containers?');
    c.end();
    expect(await c.exited).toBe(0);
    expect(c.out).toMatch(/quokka-7/);
    expect(c.out).not.toMatch(/hypervisor/i);
  }, 120_000);
});
