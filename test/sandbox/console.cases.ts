// /sandbox through the console front end (imported by docker.test.ts), with the services built as `npm start` builds them
// (src/bootstrap.ts), against the real Docker engine. Skipped with a message when Docker is unreachable,
// unless SANDBOX_TESTS_REQUIRE_DOCKER=1.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import type Docker from 'dockerode';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { closeServices, createServices } from '../../src/bootstrap.js';
import { commands } from '../../src/commands/index.js';
import { CommandRouter } from '../../src/commands/router.js';
import { loadConfig } from '../../src/config.js';
import { runConsole } from '../../src/console/console.js';
import { DEADLINE_SLACK_MS } from '../../src/sandbox/outcome.js';
import { dockerForTests, ensureImage, labelledContainers, TEST_BOT_ID } from './helpers.js';

async function consoleSession(env: Record<string, string>, lines: string[]): Promise<{ out: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-console-'));
  const services = await createServices(
    loadConfig({
      LOG_LEVEL: 'silent',
      SANDBOX_BOT_ID: TEST_BOT_ID,
      DATABASE_PATH: join(dir, 'bot.sqlite'),
      CONSOLE_OUTPUT_DIR: dir,
      ...env,
    }),
  );
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (d) => (out += d));
  const router = new CommandRouter(commands, services, { cooldownSeconds: 0, allowedChannelIds: [] });
  const done = runConsole({ input, output, services, router });
  for (const l of lines) input.write(`${l}\n`);
  input.end();
  await done;
  await closeServices(services);
  return { out, dir };
}

describe('/sandbox in the console, default settings', () => {
  it('is off unless SANDBOX_ENABLED, and says how to turn it on', async () => {
    const { out } = await consoleSession({ SANDBOX_ENABLED: 'false' }, ['/sandbox run preset: hello']);
    expect(out).toMatch(/SANDBOX_ENABLED/);
    expect(out).not.toMatch(/Exit code/);
  });
});

const probe = await dockerForTests('/sandbox in the console with Docker');

describe.skipIf(!probe.ok)('/sandbox in the console with Docker', () => {
  it('runs hello to a final report (too short for a chart), sleep with a saved chart PNG, refuses out-of-range input, leaves no container', async () => {
    if (!probe.ok) return;
    await ensureImage(probe.docker);
    const before = (await labelledContainers(probe.docker)).length;
    const { out, dir } = await consoleSession({ SANDBOX_ENABLED: 'true' }, [
      '/sandbox run preset: hello',
      '/sandbox run preset: sleep timeout: 2',
      '/sandbox run preset: cpu-burn cpus: 9',
    ]);
    expect(out).toMatch(/Hello from the study sandbox!/);
    expect(out).toMatch(/Exit code:\n0 — done/);
    expect(out).toMatch(/--network none/);
    // hello ends within a second: a summary line instead of an almost empty chart.
    expect(out).toMatch(/Too short for a chart|ended before the first stats reading/);
    expect(out.match(/\[file saved: (.+\.png)\]/g)).toHaveLength(1);
    const saved = out.match(/\[file saved: (.+\.png)\]/);
    expect(saved).not.toBeNull();
    const png = saved![1];
    expect(png.startsWith(dir)).toBe(true);
    expect(existsSync(png)).toBe(true);
    expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
    // The console checks options against the registered bounds, as Discord's own UI does (the service checks again).
    expect(out).toMatch(/^cpus: must be at most 1$/m);
    expect((await labelledContainers(probe.docker)).length).toBe(before);
  }, 60_000);
});

describe.skipIf(!probe.ok)('/sandbox in the console, stopped mid-run', () => {
  it('SIGTERM while a container runs: the container is removed before the process exits', async () => {
    if (!probe.ok) return;
    await ensureImage(probe.docker);
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-sigterm-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      // DOCKER_HOST too: the bot must use the engine this test watches.
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DOCKER_HOST: process.env.DOCKER_HOST,
        SANDBOX_ENABLED: 'true',
        SANDBOX_BOT_ID: TEST_BOT_ID,
        DATABASE_PATH: join(dir, 'bot.sqlite'),
        CONSOLE_OUTPUT_DIR: dir,
        LOG_LEVEL: 'silent',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdin.write('/sandbox run preset: sleep timeout: 30\n');
    const deadline = Date.now() + 20_000;
    let mine: Docker.ContainerInfo[] = [];
    while (Date.now() < deadline) {
      mine = (await labelledContainers(probe.docker)).filter((c) => c.State === 'running');
      if (mine.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(mine.length).toBe(1);
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(await labelledContainers(probe.docker)).toEqual([]);
    expect(out).toMatch(/sleep/);
  }, 40_000);
});

describe.skipIf(!probe.ok)('/sandbox in the console, the bot SIGKILLed mid-run', () => {
  it("the container's own deadline ends the run with the bot gone; a restarted bot removes it at once and marks the run interrupted", async () => {
    if (!probe.ok) return;
    await ensureImage(probe.docker);
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-sigkill-'));
    const env = {
      SANDBOX_ENABLED: 'true',
      SANDBOX_BOT_ID: TEST_BOT_ID,
      DATABASE_PATH: join(dir, 'bot.sqlite'),
      CONSOLE_OUTPUT_DIR: dir,
      LOG_LEVEL: 'silent',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    child.stdin.write('/sandbox run preset: cpu-burn timeout: 5\n');
    let id = '';
    for (let i = 0; i < 200 && !id; i++) {
      id = (await labelledContainers(probe.docker)).find((c) => c.State === 'running')?.Id ?? '';
      if (!id) await new Promise((r) => setTimeout(r, 100));
    }
    expect(id).not.toBe('');
    await new Promise((r) => setTimeout(r, 2000));
    child.kill('SIGKILL'); // no shutdown handler runs: nothing of the bot is left to stop the container
    await exited;
    const container = probe.docker.getContainer(id);
    const result = (await container.wait()) as { StatusCode: number };
    const state = (await container.inspect()).State;
    expect(result.StatusCode).toBe(137);
    // Docker's own times: it ran to the in-container deadline (5 s + 1 s grace), not longer (Docker's start time
    // comes a little after the process started).
    const ranMs = Date.parse(state.FinishedAt) - Date.parse(state.StartedAt);
    expect(ranMs).toBeGreaterThanOrEqual(6000 - DEADLINE_SLACK_MS);
    expect(ranMs).toBeLessThan(6000 + 4000);

    // Restarted with the same bot id and database: the stopped container goes at once, the run is marked.
    const services = await createServices(loadConfig({ ...env, SANDBOX_REAPER_SECONDS: '3600' }));
    try {
      let left = await labelledContainers(probe.docker);
      for (let i = 0; i < 50 && left.length; i++) {
        await new Promise((r) => setTimeout(r, 100));
        left = await labelledContainers(probe.docker);
      }
      expect(left).toEqual([]);
      const rows = services.db.prepare('SELECT outcome, error FROM sandbox_runs').all() as { outcome: string; error: string }[];
      expect(rows).toEqual([{ outcome: 'interrupted', error: expect.stringMatching(/bot stopped/) }]);
    } finally {
      await closeServices(services);
    }
  }, 40_000);
});
