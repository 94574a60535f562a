// Limits, access rules and the behaviour without a Docker daemon (none of it needs Docker).
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { checkAccess, presetScript, PRESET_NAMES, resolveLimits } from '../../src/sandbox/policy.js';
import { createSandboxService } from '../../src/sandbox/service.js';
import { containerCreateOptions, Demuxer } from '../../src/sandbox/runner.js';
import { memoryDb, silentLogger, testConfig, user } from './helpers.js';

const cfg = testConfig().sandbox;

describe('resolveLimits', () => {
  it('applies the configured defaults', () => {
    const r = resolveLimits(cfg, {});
    expect(r).toMatchObject({ ok: true, value: { memoryMb: 64, memorySwapMb: 64, cpus: 0.5, cpuShares: 1024, pidsLimit: 64, timeoutSeconds: 10 } });
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
    const o = containerCreateOptions({ image: 'study-sandbox:busybox', cmd: ['sh', '-c', 'true'], limits: r.value });
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
  it('demultiplexes the attach stream across chunk boundaries', () => {
    const frame = (stream: number, s: string) => {
      const b = Buffer.from(s);
      const h = Buffer.alloc(8);
      h[0] = stream;
      h.writeUInt32BE(b.length, 4);
      return Buffer.concat([h, b]);
    };
    const all = Buffer.concat([frame(1, 'hello '), frame(2, 'err '), frame(1, 'world')]);
    const out: string[] = [];
    const d = new Demuxer();
    for (let i = 0; i < all.length; i += 5) d.push(all.subarray(i, i + 5), (p) => out.push(p.toString()));
    expect(out.join('')).toBe('hello err world');
  });
});

describe('without a Docker daemon', () => {
  it('a bogus socket gives a clear docker-unavailable error, recorded, never thrown', async () => {
    const db = memoryDb();
    const svc = createSandboxService(testConfig(), silentLogger, db, { docker: new Docker({ socketPath: '/nonexistent/docker.sock' }), reaper: false });
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
    const svc = createSandboxService(testConfig({ SANDBOX_ENABLED: 'false' }), silentLogger, db, { docker: new Docker({ socketPath: '/nonexistent/docker.sock' }) });
    const r = await svc.run({ user: user('u1'), guildId: null, channelId: 'c', preset: 'hello' });
    expect(!r.ok && r.error.code).toBe('disabled');
    expect(db.prepare('SELECT count(*) AS n FROM sandbox_runs').get()).toEqual({ n: 0 });
  });
});
