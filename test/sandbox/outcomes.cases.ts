// Outcomes decided from evidence at the boundaries, against the real engine (imported by docker.test.ts
// so that no two files run containers at once). Trusted custom commands make the exact cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Docker from 'dockerode';
import { containerCreateOptions, type RunResult } from '../../src/sandbox/runner.js';
import { decideOutcome } from '../../src/sandbox/outcome.js';
import { resolveLimits } from '../../src/sandbox/policy.js';
import { createSandboxService, type SandboxService } from '../../src/sandbox/service.js';
import Dockerode from 'dockerode';
import {
  dockerForTests,
  ensureImage,
  freezableProxy,
  IMAGE,
  labelledContainers,
  memoryDb,
  silentLogger,
  TEST_BOT_ID,
  testConfig,
  user,
} from './helpers.js';

const probe = await dockerForTests('sandbox outcomes');
const TRUSTED = 'role-trusted';
const MiB = 1024 * 1024;
// awk keeps 1 MiB strings until the OOM killer ends it (a child of sh: awk is not the last command).
const HOG = `awk 'BEGIN { c = sprintf("%1048576s", ""); while (1) a[i++] = c "" }'`;

/** An OOM run's top: the kernel's mark (read by the container as it ended, unless said), within 3 % of the limit. */
function expectTopNearLimit(r: RunResult, limitMb: number, read: 'at-exit' | 'stats-stream' = 'at-exit'): void {
  expect(r.memoryTop.basis).toBe('kernel-high-water');
  expect(r.kernelHighWater?.read).toBe(read);
  expect(r.memoryTop.bytes).toBeLessThanOrEqual(limitMb * MiB);
  expect(r.memoryTop.bytes).toBeGreaterThanOrEqual(0.97 * limitMb * MiB);
}

describe.skipIf(!probe.ok)('sandbox outcomes with Docker', () => {
  const docker = (probe as { docker: Docker }).docker;
  let svc: SandboxService;
  const run = (command: string, options: Record<string, number>) =>
    svc.run({ guildId: 'g', channelId: 'c', user: user(`u-out-${Math.random()}`, [TRUSTED]), command, options }).then((r) => {
      if (!r.ok) throw new Error(`run refused: ${r.error.code} ${r.error.detail ?? ''}`);
      return r.report.result;
    });

  beforeAll(async () => {
    await ensureImage(docker);
    svc = createSandboxService(testConfig({ SANDBOX_TRUSTED_ROLE_IDS: TRUSTED }), silentLogger, memoryDb(), { reaper: false });
  }, 60_000);
  afterAll(async () => {
    await svc?.close();
    expect(await labelledContainers(docker)).toEqual([]);
  });

  it('exits at 0.9× the timeout: exited by itself with its code, even at --cpus 0.01', async () => {
    const r = await run('sleep 2.7; exit 3', { timeout: 3 });
    expect([r.outcome, r.exitCode, r.killedByBot]).toEqual(['exited', 3, false]);
    const slow = await run('echo hello', { timeout: 3, cpus: 0.01 });
    expect([slow.outcome, slow.exitCode]).toEqual(['exited', 0]);
  }, 20_000);

  it('exits at 1.0× the timeout: whichever happened, the label matches the evidence', async () => {
    const r = await run('sleep 3', { timeout: 3 });
    if (r.outcome === 'exited') expect([r.exitCode, r.killedByBot]).toEqual([0, false]);
    else expect([r.outcome, r.exitCode, r.killedByBot]).toEqual(['timeout', 137, true]);
  }, 20_000);

  it("exits at 1.1× the timeout: killed by the bot's deadline", async () => {
    const r = await run('sleep 3.3; exit 3', { timeout: 3 });
    expect([r.outcome, r.exitCode, r.killedByBot, r.oomKilled]).toEqual(['timeout', 137, true, false]);
  }, 20_000);

  it('OOM in a child while the container goes on: oom-child, with the exit code of the main process', async () => {
    const r = await run(`${HOG}; echo "survived: $?"`, { memory: 16, timeout: 10 });
    expect([r.outcome, r.exitCode, r.oomKilled, r.oomChild]).toEqual(['oom-child', 0, true, true]);
    expect(r.output.tail).toContain('survived: 137');
    // The kernel's own count, read by the container as it ended: Docker's flag can miss an OOM right before the exit.
    expect(r.oomEvidence).toContain('oom_kill=1');
    expectTopNearLimit(r, 16);
  }, 20_000);

  it('OOM in a child, then a sleep into the timeout: a timeout (not OOM-killed), with the child OOM said', async () => {
    const r = await run(`${HOG}; sleep 30`, { memory: 16, timeout: 3 });
    expect([r.outcome, r.exitCode, r.oomChild]).toEqual(['timeout', 137, true]);
    // The bot's kill leaves the wrapper no time to report; a stats frame after the OOM carries the kernel's mark.
    expectTopNearLimit(r, 16, 'stats-stream');
  }, 20_000);

  it("the main process OOM-killed: oom, its top the kernel's high-water mark read as it ended, nothing added to the output", async () => {
    const r = await run(`exec ${HOG}`, { memory: 32, timeout: 10 });
    expect([r.outcome, r.exitCode, r.oomKilled, r.oomChild]).toEqual(['oom', 137, true, false]);
    expectTopNearLimit(r, 32);
    // The wrapper's report is taken out, and its shell's own "Killed" note never written.
    expect([r.output.tail, r.output.bytes]).toEqual(['', 0]);
  }, 20_000);

  it('output exactly at the cap, then an exit: exited, not cut (the high-water report is not counted)', async () => {
    const cap = testConfig().sandbox.outputMaxBytes;
    const r = await run(`head -c ${cap} /dev/zero | tr '\\0' a`, { timeout: 10 });
    expect([r.outcome, r.exitCode, r.output.capped, r.output.bytes]).toEqual(['exited', 0, false, cap]);
    expect(r.kernelHighWater?.read).toBe('at-exit');
  }, 20_000);

  it('output cap and timeout at once: one of the two, told apart by evidence', async () => {
    const r = await run('sleep 2.95; yes flood', { timeout: 3 });
    expect(r.exitCode).toBe(137);
    expect(r.killedByBot).toBe(true);
    expect(['output-capped', 'timeout']).toContain(r.outcome);
    if (r.outcome === 'output-capped') expect(r.output.capped).toBe(true);
  }, 20_000);

  it('cpu-burn: the memory peak leaves page cache out (as docker stats), below the kernel high-water mark', async () => {
    const r = await svc.run({ guildId: 'g', channelId: 'c', user: user('u-peak'), preset: 'cpu-burn', options: { timeout: 3 } });
    if (!r.ok) throw new Error(r.error.code);
    const s = r.report.result.summary;
    expect(s.samples).toBeGreaterThan(0);
    expect(s.memPeak).toBe(Math.max(...r.report.result.samples.map((x) => x.memBytes)));
    expect(r.report.result.memoryTop).toEqual({ bytes: s.memPeak, basis: 'sampled' });
    expect(s.memPeak).toBeLessThan(2 * MiB); // a shell loop: well under a MiB or two without cache
    if (s.memHighWater !== null) expect(s.memHighWater).toBeGreaterThanOrEqual(s.memPeak);
  }, 20_000);

  it("with nobody watching, the container's own deadline kills the payload (timeout + grace)", async () => {
    const lim = resolveLimits(testConfig().sandbox, { timeout: 1 });
    if (!lim.ok) throw new Error('limits');
    const c = await docker.createContainer(
      containerCreateOptions({
        image: IMAGE,
        cmd: ['sh', '-c', 'sleep 60'],
        limits: lim.value,
        botId: TEST_BOT_ID,
        deadlineGraceSeconds: 1,
      }),
    );
    try {
      await c.start();
      const waited = (await c.wait()) as { StatusCode: number };
      const info = await c.inspect();
      const durationMs = Date.parse(info.State.FinishedAt) - Date.parse(info.State.StartedAt);
      expect(waited.StatusCode).toBe(137);
      expect(
        decideOutcome({ exitCode: 137, oomKilled: info.State.OOMKilled, botKill: 'none', durationMs, inContainerDeadlineMs: 2000 }).outcome,
      ).toBe('deadline');
    } finally {
      await c.remove({ force: true });
    }
  }, 20_000);

  it('the engine hangs mid-run (as with dockerd paused): a clear error soon after the timeout, the slot freed, nothing left', async () => {
    const proxy = await freezableProxy();
    const hung = createSandboxService(testConfig({ SANDBOX_DOCKER_TIMEOUT_SECONDS: '1' }), silentLogger, memoryDb(), {
      docker: new Dockerode({ socketPath: proxy.socketPath }),
      reaper: false,
    });
    try {
      const r = await hung.run(
        { guildId: 'g', channelId: 'c', user: user('u-hang'), preset: 'sleep', options: { timeout: 2 } },
        { onStarted: () => proxy.freeze() },
      );
      expect(!r.ok && r.error.code).toBe('docker-timeout');
      expect(hung.stats()).toEqual({ running: 0, queued: 0 });
      // The container killed itself at its own deadline; with the engine back, the reaper removes it.
      proxy.thaw();
      let left = await labelledContainers(docker);
      for (let i = 0; i < 50 && left.some((c) => c.State === 'running'); i++) {
        await new Promise((res) => setTimeout(res, 100));
        left = await labelledContainers(docker);
      }
      await hung.reap();
      expect(await labelledContainers(docker)).toEqual([]);
    } finally {
      await hung.close();
      await proxy.close();
    }
  }, 30_000);
});
