// Limits, access rules and the behaviour without a Docker daemon (none of it needs Docker).
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { checkAccess, presetScript, PRESET_NAMES, resolveLimits } from '../../src/sandbox/policy.js';
import { createSandboxService } from '../../src/sandbox/service.js';
import { containerCreateOptions, LABEL } from '../../src/sandbox/runner.js';
import { EXIT_REPORT_WRAPPER } from '../../src/sandbox/exit-report.js';
import { loadConfig } from '../../src/config.js';
import { freezableProxy, memoryDb, silentLogger, testConfig, user } from './helpers.js';

const cfg = testConfig().sandbox;

describe('resolveLimits', () => {
  it('applies the configured defaults', () => {
    const r = resolveLimits(cfg, {});
    expect(r).toMatchObject({
      ok: true,
      value: { memoryMb: 64, memorySwapMb: 64, cpus: 0.5, cpuShares: 1024, pidsLimit: 64, timeoutSeconds: 10 },
    });
  });
  it('reports every out-of-range option with its bounds', () => {
    const r = resolveLimits(cfg, { memory: 5, cpus: 1.5, pids_limit: 1000, timeout: 61, cpu_shares: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const by = Object.fromEntries(r.violations.map((v) => [v.option, v]));
    expect(by.memory).toMatchObject({ min: 6, max: 256 });
    expect(by.cpus).toMatchObject({ max: 1 });
    expect(by.pids_limit).toMatchObject({ max: 256 });
    expect(by.timeout).toMatchObject({ max: 60 });
    expect(by.cpu_shares).toMatchObject({ min: 2 });
  });
  it('memory_swap: absent = memory (no swap), 0 = Docker default, below memory refused', () => {
    expect(resolveLimits(cfg, { memory: 32 })).toMatchObject({ value: { memorySwapMb: 32 } });
    expect(resolveLimits(cfg, { memory: 32, memory_swap: 0 })).toMatchObject({ value: { memorySwapMb: 'docker-default' } });
    expect(resolveLimits(cfg, { memory: 32, memory_swap: 64 })).toMatchObject({ value: { memorySwapMb: 64 } });
    expect(resolveLimits(cfg, { memory: 32, memory_swap: 16 }).ok).toBe(false);
  });
  it('caps --cpus by the host CPUs', () => {
    const wide = testConfig({ SANDBOX_CPUS_MAX: '8' }).sandbox;
    expect(resolveLimits(wide, { cpus: 4 }, 2).ok).toBe(false);
    expect(resolveLimits(wide, { cpus: 2 }, 2).ok).toBe(true);
  });
  it('settings are validated at start-up', () => {
    expect(() => testConfig({ SANDBOX_USER: '0:0' })).toThrow(/SANDBOX_USER/);
    expect(() => testConfig({ SANDBOX_MEMORY_MB_MAX: '2' })).toThrow(/SANDBOX_MEMORY_MB_MAX/);
  });
});

describe('access', () => {
  it('roles, channels and trusted roles', () => {
    const c = testConfig({ SANDBOX_ROLE_IDS: 'r1,r2', SANDBOX_CHANNEL_IDS: 'c1', SANDBOX_TRUSTED_ROLE_IDS: 'admin' }).sandbox;
    expect(checkAccess(c, { userId: 'u', roleIds: ['r1'], channelId: 'c1' }, false)).toBeNull();
    expect(checkAccess(c, { userId: 'u', roleIds: ['r1'], channelId: 'c2' }, false)).toBe('channel');
    expect(checkAccess(c, { userId: 'u', roleIds: ['x'], channelId: 'c1' }, false)).toBe('role');
    expect(checkAccess(c, { userId: 'u', roleIds: ['r1'], channelId: 'c1' }, true)).toBe('untrusted-command');
    expect(checkAccess(c, { userId: 'u', roleIds: ['r1', 'admin'], channelId: 'c1' }, true)).toBeNull();
    // empty lists: everyone, everywhere; custom commands still need a trusted role
    expect(checkAccess(cfg, { userId: 'u', roleIds: [], channelId: 'any' }, false)).toBeNull();
    expect(checkAccess(cfg, { userId: 'u', roleIds: [], channelId: 'any' }, true)).toBe('untrusted-command');
  });
});

describe('container options', () => {
  it('every container gets the hardening and the limits', () => {
    const r = resolveLimits(cfg, { memory: 32, cpus: 0.25, pids_limit: 16 });
    if (!r.ok) throw new Error('limits');
    const o = containerCreateOptions({
      image: 'study-sandbox:busybox',
      cmd: ['sh', '-c', 'true'],
      limits: r.value,
      botId: 'bot-a',
      deadlineGraceSeconds: 1,
    });
    // The container enforces its own deadline: docker-init as PID 1, the payload under timeout -s KILL in the
    // wrapper that reports the kernel's memory figures as it ends.
    expect(o.Cmd).toEqual(['sh', '-c', EXIT_REPORT_WRAPPER, 'study-sandbox', String(r.value.timeoutSeconds + 1), 'sh', '-c', 'true']);
    expect(EXIT_REPORT_WRAPPER).toContain('timeout -s KILL "$t" "$@"');
    expect(o.HostConfig?.Init).toBe(true);
    expect(o.Labels?.[LABEL]).toBe('bot-a');
    expect(o.User).toBe('65534:65534');
    expect(o.NetworkDisabled).toBe(true);
    expect(o.HostConfig).toMatchObject({
      NetworkMode: 'none',
      ReadonlyRootfs: true,
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Memory: 32 * 1048576,
      MemorySwap: 32 * 1048576,
      NanoCpus: 250_000_000,
      PidsLimit: 16,
      Binds: [],
      Devices: [],
      AutoRemove: false,
    });
  });
  it('memory-hog paces itself to reach the limit in about 4 s', () => {
    expect(presetScript('memory-hog', { memoryMb: 64 })).toContain('usleep 62500');
    for (const p of PRESET_NAMES) expect(presetScript(p, { memoryMb: 64 })).not.toContain('@');
  });
  it('SANDBOX_RUNTIME=runsc: the runtime is passed on and --pids-limit starts at 128 (gVisor counts its own threads)', () => {
    const cfg = testConfig({ SANDBOX_RUNTIME: 'runsc' }).sandbox;
    const def = resolveLimits(cfg, {});
    expect(def.ok && def.value.pidsLimit).toBe(128);
    const low = resolveLimits(cfg, { pids_limit: 64 });
    expect(!low.ok && low.violations[0]).toMatchObject({ option: 'pids_limit', min: 128 });
    if (!def.ok) return;
    expect(
      containerCreateOptions({ image: 'i', cmd: ['true'], limits: def.value, botId: 'b', deadlineGraceSeconds: 1 }).HostConfig?.Runtime,
    ).toBe('runsc');
    const plain = resolveLimits(testConfig().sandbox, {});
    expect(
      plain.ok &&
        containerCreateOptions({ image: 'i', cmd: ['true'], limits: plain.value, botId: 'b', deadlineGraceSeconds: 1 }).HostConfig?.Runtime,
    ).toBeUndefined();
    expect(() => loadConfig({ SANDBOX_RUNTIME: 'run sc; rm' })).toThrow(/SANDBOX_RUNTIME/);
  });
  it('SANDBOX_USER must be numeric with uid and gid not 0, in any spelling', () => {
    for (const bad of ['00:00', '0:65534', '65534:0', '000:1', '1:00', 'root:root', 'nobody', '65534']) {
      expect(() => loadConfig({ SANDBOX_USER: bad }), bad).toThrow(/SANDBOX_USER/);
    }
    expect(loadConfig({ SANDBOX_USER: '1000:1000' }).sandbox.user).toBe('1000:1000');
    expect(loadConfig({ SANDBOX_USER: '010:20' }).sandbox.user).toBe('010:20');
  });
});

describe('without a Docker daemon', () => {
  it('a bogus socket gives a clear docker-unavailable error, recorded, never thrown', async () => {
    const db = memoryDb();
    const svc = createSandboxService(testConfig(), silentLogger, db, {
      docker: new Docker({ socketPath: '/nonexistent/docker.sock' }),
      reaper: false,
    });
    const r = await svc.run({ user: user('u1'), guildId: null, channelId: 'c', preset: 'hello' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('docker-unavailable');
    expect(!r.ok && r.error.detail).toMatch(/ENOENT|nonexistent/);
    const c = await svc.compare({ user: user('u1'), guildId: null, channelId: 'c' });
    expect(!c.ok && c.error.code).toBe('docker-unavailable');
    expect(await svc.reap()).toBe(0);
    const rows = db.prepare('SELECT outcome FROM sandbox_runs').all() as { outcome: string }[];
    expect(rows.map((x) => x.outcome)).toEqual(['rejected:docker-unavailable', 'rejected:docker-unavailable']);
    // the user is free again (no leaked per-user lock)
    expect(svc.stats()).toEqual({ running: 0, queued: 0 });
    await svc.close();
  });
  it('an engine that never answers: a docker-timeout error within the API timeout, the slot freed, recorded', async () => {
    const hung = await freezableProxy(null);
    const db = memoryDb();
    const svc = createSandboxService(testConfig({ SANDBOX_DOCKER_TIMEOUT_SECONDS: '1' }), silentLogger, db, {
      docker: new Docker({ socketPath: hung.socketPath }),
      reaper: false,
      warmup: false,
    });
    try {
      const r = await svc.run({ user: user('u-hung'), guildId: null, channelId: 'c', preset: 'hello' });
      expect(!r.ok && r.error.code).toBe('docker-timeout');
      expect(svc.stats()).toEqual({ running: 0, queued: 0 });
      // The user is free again: the next request is admitted (and times out the same way).
      const again = svc.admitRun({ user: user('u-hung'), guildId: null, channelId: 'c', preset: 'hello' });
      expect(again.ok).toBe(true);
      if (again.ok) expect(await again.start().then((x) => !x.ok && x.error.code)).toBe('docker-timeout');
      expect(await svc.reap()).toBe(0); // the reaper's list call times out too, and says nothing
      const rows = db.prepare('SELECT outcome FROM sandbox_runs').all() as { outcome: string }[];
      expect(rows.map((x) => x.outcome)).toEqual(['rejected:docker-timeout', 'rejected:docker-timeout']);
    } finally {
      await svc.close();
      await hung.close();
    }
  }, 20_000);
  it('admission answers synchronously: a refusal or a job to start, before any await', () => {
    const svc = createSandboxService(testConfig(), silentLogger, memoryDb(), {
      docker: new Docker({ socketPath: '/nonexistent/docker.sock' }),
      reaper: false,
      warmup: false,
    });
    const bad = svc.admitRun({ user: user('u-a'), guildId: null, channelId: 'c', preset: 'hello', options: { memory: 1 } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.code).toBe('invalid');
    const good = svc.admitRun({ user: user('u-a'), guildId: null, channelId: 'c', preset: 'hello' });
    expect(good.ok).toBe(true);
    // The same user again while the first is admitted: refused at once.
    const busy = svc.admitCompare({ user: user('u-a'), guildId: null, channelId: 'c' });
    expect(!busy.ok && busy.error.code).toBe('busy-user');
    expect(svc.stats()).toEqual({ running: 1, queued: 0 });
    return good.ok ? good.start().then((r) => expect(!r.ok && r.error.code).toBe('docker-unavailable')) : undefined;
  });
  it('a --cpus above the CPU budget is refused (two 1-CPU jobs cannot saturate a 2-CPU host)', () => {
    const svc = createSandboxService(testConfig({ SANDBOX_CPU_BUDGET: '0.75' }), silentLogger, memoryDb(), {
      docker: new Docker({ socketPath: '/nonexistent/docker.sock' }),
      reaper: false,
      warmup: false,
    });
    expect(svc.cpuBudget()).toBe(0.75);
    const r = svc.admitRun({ user: user('u-b'), guildId: null, channelId: 'c', preset: 'hello', options: { cpus: 1 } });
    expect(!r.ok && r.error.violations?.[0]).toMatchObject({ option: 'cpus', max: 0.75 });
  });
  it('start-up marks runs a previous process left running as interrupted, with the reason', () => {
    const db = memoryDb();
    const first = createSandboxService(testConfig(), silentLogger, db, {
      docker: new Docker({ socketPath: '/nonexistent/docker.sock' }),
      reaper: false,
      warmup: false,
    });
    void first;
    db.prepare(
      `INSERT INTO sandbox_runs (created_at, user_id, kind, outcome) VALUES ('2026-01-01', 'u', 'run', 'running'), ('2026-01-01', 'u', 'run', 'timeout')`,
    ).run();
    createSandboxService(testConfig(), silentLogger, db, {
      docker: new Docker({ socketPath: '/nonexistent/docker.sock' }),
      reaper: false,
      warmup: false,
    });
    const rows = db.prepare('SELECT outcome, error, finished_at FROM sandbox_runs ORDER BY id').all() as {
      outcome: string;
      error: string | null;
      finished_at: string | null;
    }[];
    expect(rows.map((r) => r.outcome)).toEqual(['interrupted', 'timeout']);
    expect(rows[0].error).toMatch(/bot stopped .* before the run finished/);
    expect(rows[0].finished_at).not.toBeNull();
  });
  it('honours DOCKER_HOST (dockerode default modem)', async () => {
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = 'unix:///nonexistent/from-docker-host.sock';
    try {
      const svc = createSandboxService(testConfig(), silentLogger, memoryDb(), { reaper: false });
      const r = await svc.run({ user: user('u1'), guildId: null, channelId: 'c', preset: 'hello' });
      expect(!r.ok && r.error.code).toBe('docker-unavailable');
      expect(!r.ok && r.error.detail).toContain('/nonexistent/from-docker-host.sock');
      await svc.close();
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
  });
  it('disabled: refuses without touching Docker or the DB', async () => {
    const db = memoryDb();
    const svc = createSandboxService(testConfig({ SANDBOX_ENABLED: 'false' }), silentLogger, db, {
      docker: new Docker({ socketPath: '/nonexistent/docker.sock' }),
    });
    const r = await svc.run({ user: user('u1'), guildId: null, channelId: 'c', preset: 'hello' });
    expect(!r.ok && r.error.code).toBe('disabled');
    expect(db.prepare('SELECT count(*) AS n FROM sandbox_runs').get()).toEqual({ n: 0 });
  });
});
