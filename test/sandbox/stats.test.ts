// docker-stats arithmetic on recorded cgroup v1 frames (this engine) and on v2 frames written
// after the Engine API's cgroup v2 shape.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  blockIoBytes,
  cpuPercent,
  frameCpuPercent,
  JsonLineSplitter,
  memUsageNoCache,
  networkBytes,
  StatsTracker,
  type StatsFrame,
} from '../../src/sandbox/stats.js';

const v1 = JSON.parse(readFileSync(new URL('./fixtures/v1-cpu-burn.json', import.meta.url), 'utf8')) as { frames: StatsFrame[] };

/** cgroup v2 frames (Engine API ≥ 1.41 on a v2 host): no percpu_usage, no max_usage/failcnt,
 * memory_stats.stats keyed like memory.stat (anon, file, inactive_file, ...), blkio ops lowercase. */
function v2Frame(i: number, prev?: StatsFrame): StatsFrame {
  const read = new Date(Date.UTC(2026, 0, 1, 12, 0, i)).toISOString();
  const cpu = {
    cpu_usage: { total_usage: 1_000_000_000 + i * 250_000_000, usage_in_kernelmode: 10_000_000 * i, usage_in_usermode: 240_000_000 * i },
    system_cpu_usage: 500_000_000_000 + i * 2_000_000_000,
    online_cpus: 2,
    throttling_data: { periods: 10 * i, throttled_periods: 9 * i, throttled_time: 70_000_000 * i },
  };
  return {
    read,
    preread: prev ? prev.read : '0001-01-01T00:00:00Z',
    pids_stats: { current: 3 + i, limit: 64 },
    blkio_stats: {
      io_service_bytes_recursive: [
        { major: 254, minor: 0, op: 'read', value: 4096 * i },
        { major: 254, minor: 0, op: 'write', value: 8192 * i },
        { major: 254, minor: 16, op: 'read', value: 100 },
      ],
    },
    cpu_stats: cpu,
    precpu_stats: prev
      ? prev.cpu_stats!
      : {
          cpu_usage: { total_usage: 0, usage_in_kernelmode: 0, usage_in_usermode: 0 },
          throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 },
        },
    memory_stats: {
      usage: 20 * 1048576 + i * 1048576,
      stats: {
        anon: 18 * 1048576,
        file: 2 * 1048576,
        active_file: 1048576,
        inactive_file: 1048576,
        kernel_stack: 16384,
        slab: 200000,
        pgfault: 1000,
        oom_kill: 0,
      },
      limit: 64 * 1048576,
    },
    networks: { eth0: { rx_bytes: 1000 * i, tx_bytes: 500 * i }, eth1: { rx_bytes: 10, tx_bytes: 20 } },
    id: 'c0ffee',
    name: '/v2',
  };
}

describe('docker stats arithmetic, cgroup v1 (recorded on this engine)', () => {
  const f = v1.frames;
  it('the first frame has no previous reading: CPU % is null, not 0', () => {
    expect(f[0].precpu_stats?.system_cpu_usage).toBeUndefined();
    expect(frameCpuPercent(f[0])).toBeNull();
  });
  it('CPU % = cpu delta / system delta × online CPUs × 100, from precpu_stats', () => {
    const fr = f[1];
    const expected =
      ((fr.cpu_stats!.cpu_usage!.total_usage! - fr.precpu_stats!.cpu_usage!.total_usage!) /
        (fr.cpu_stats!.system_cpu_usage! - fr.precpu_stats!.system_cpu_usage!)) *
      2 *
      100;
    expect(frameCpuPercent(fr)).toBeCloseTo(expected, 10);
    expect(frameCpuPercent(fr)!).toBeGreaterThan(45);
    expect(frameCpuPercent(fr)!).toBeLessThan(55); // --cpus 0.5
  });
  it('falls back to len(percpu_usage) when online_cpus is 0', () => {
    const fr = structuredClone(f[2]);
    const withOnline = frameCpuPercent(fr)!;
    fr.cpu_stats!.online_cpus = 0;
    expect(fr.cpu_stats!.cpu_usage!.percpu_usage).toHaveLength(2);
    expect(frameCpuPercent(fr)).toBeCloseTo(withOnline, 10);
  });
  it('memory = usage − total_inactive_file', () => {
    const m = structuredClone(f[1].memory_stats!);
    expect(memUsageNoCache(m)).toBe(m.usage! - m.stats!['total_inactive_file']);
    m.stats!['total_inactive_file'] = 4096;
    expect(memUsageNoCache(m)).toBe(m.usage! - 4096);
    m.stats!['total_inactive_file'] = m.usage! + 1; // not less than usage: usage as is
    expect(memUsageNoCache(m)).toBe(m.usage);
  });
  it('summary: average from cumulative CPU time, throttling, peaks', () => {
    const t = new StatsTracker();
    f.forEach((fr, i) => t.push(fr, i * 1000));
    const s = t.summary();
    expect(t.samples[0].cpuPercent).toBeNull();
    const first = f[0].cpu_stats!;
    const last = f[f.length - 1].cpu_stats!;
    const expectedAvg =
      ((last.cpu_usage!.total_usage! - first.cpu_usage!.total_usage!) / (last.system_cpu_usage! - first.system_cpu_usage!)) * 2 * 100;
    expect(s.cpuAvg).toBeCloseTo(expectedAvg, 8);
    expect(s.cpuPeak).toBe(Math.max(...t.samples.slice(1).map((x) => x.cpuPercent!)));
    expect(s.throttledPeriods).toBe(last.throttling_data!.throttled_periods);
    expect(s.throttledTimeNs).toBe(last.throttling_data!.throttled_time);
    // The peak counts as docker stats does (usage minus inactive file cache), not the kernel's
    // high-water mark, which includes page cache and is reported apart, labelled.
    expect(s.memPeak).toBe(Math.max(...f.map((x) => x.memory_stats!.usage! - x.memory_stats!.stats!.total_inactive_file)));
    expect(s.memPeak).toBe(Math.max(...t.samples.map((x) => x.memBytes)));
    expect(s.memHighWater).toBe(Math.max(...f.map((x) => x.memory_stats!.max_usage!)));
    expect(s.memHighWater!).toBeGreaterThan(s.memPeak);
    expect(s.memLimit).toBe(64 * 1048576);
    expect(s.pidsPeak).toBe(1);
    expect(s.netRx + s.netTx).toBe(0); // network none: no networks key
  });
  it('block I/O ops are matched case-insensitively (v1 "Read"/"Write"; Sync/Async/Total ignored)', () => {
    const fr: StatsFrame = {
      blkio_stats: {
        io_service_bytes_recursive: [
          { major: 8, minor: 0, op: 'Read', value: 100 },
          { major: 8, minor: 0, op: 'Write', value: 50 },
          { major: 8, minor: 0, op: 'Sync', value: 150 },
          { major: 8, minor: 0, op: 'Async', value: 0 },
          { major: 8, minor: 0, op: 'Total', value: 150 },
          { major: 8, minor: 16, op: 'Read', value: 1 },
          { major: 8, minor: 16, op: '', value: 999 },
        ],
      },
    };
    expect(blockIoBytes(fr)).toEqual({ read: 101, write: 50 });
  });
});

describe('docker stats arithmetic, cgroup v2 (Engine API shape)', () => {
  const frames: StatsFrame[] = [];
  for (let i = 0; i < 5; i++) frames.push(v2Frame(i, frames[i - 1]));
  it('CPU % with online_cpus and no percpu_usage', () => {
    expect(frameCpuPercent(frames[0])).toBeNull();
    // 250 ms of CPU per 2 s of system time on 2 CPUs = 25 %
    expect(frameCpuPercent(frames[1])).toBeCloseTo(25, 10);
    expect(cpuPercent(1_000_000_000, 500_000_000_000, frames[1])).toBeCloseTo(25, 10);
  });
  it('no delta → 0 (as docker stats), negative delta → 0', () => {
    expect(cpuPercent(frames[1].cpu_stats!.cpu_usage!.total_usage!, frames[1].cpu_stats!.system_cpu_usage!, frames[1])).toBe(0);
    expect(cpuPercent(frames[2].cpu_stats!.cpu_usage!.total_usage!, 0, frames[1])).toBe(0);
  });
  it('memory = usage − inactive_file', () => {
    expect(memUsageNoCache(frames[2].memory_stats)).toBe(22 * 1048576 - 1048576);
  });
  it('network summed over interfaces, block I/O with lowercase ops', () => {
    expect(networkBytes(frames[3])).toEqual({ rx: 3010, tx: 1520 });
    expect(blockIoBytes(frames[3])).toEqual({ read: 4096 * 3 + 100, write: 8192 * 3 });
  });
  it('summary: no max_usage or failcnt in v2, peaks from samples', () => {
    const t = new StatsTracker();
    frames.forEach((fr, i) => t.push(fr, i * 1000));
    const s = t.summary();
    expect(s.cpuAvg).toBeCloseTo(25, 8);
    expect(s.cpuPeak).toBeCloseTo(25, 8);
    expect(s.failcnt).toBeNull();
    expect(s.memPeak).toBe(24 * 1048576 - 1048576);
    expect(s.pidsPeak).toBe(7);
    expect(s.blkWrite).toBe(8192 * 4);
    expect(s.throttledPeriods).toBe(36);
  });
  it('uses our previous frame when precpu_stats is missing', () => {
    const a = structuredClone(frames[1]);
    const b = structuredClone(frames[2]);
    delete b.precpu_stats;
    b.preread = '0001-01-01T00:00:00Z';
    expect(frameCpuPercent(b, a)).toBeCloseTo(25, 10);
    expect(frameCpuPercent(b)).toBeNull();
  });
});

describe('stats stream framing', () => {
  it('splits JSON frames across chunk boundaries and skips bad lines', () => {
    const got: StatsFrame[] = [];
    const sp = new JsonLineSplitter();
    const text = `${JSON.stringify(v1.frames[0])}\n{bad json}\n${JSON.stringify(v1.frames[1])}\n`;
    for (let i = 0; i < text.length; i += 97) sp.push(Buffer.from(text.slice(i, i + 97)), (f) => got.push(f));
    expect(got.map((f) => f.read)).toEqual([v1.frames[0].read, v1.frames[1].read]);
  });
});
