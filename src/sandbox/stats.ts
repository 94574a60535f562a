// Container statistics computed exactly as `docker stats` does (docker/cli,
// cli/command/container/stats_helpers.go), for cgroup v1 and v2 frames of GET /containers/{id}/stats.
//   CPU %   = (container cpu delta / system cpu delta) × online CPUs × 100
//             (online_cpus, falling back to len(percpu_usage)); 0 unless both deltas > 0.
//   memory  = usage − total_inactive_file (v1) / inactive_file (v2) when that is less than usage.
//   net I/O = Σ over networks of rx_bytes / tx_bytes.
//   block   = Σ blkio io_service_bytes_recursive entries whose op starts with r / w (case-insensitive).
// The first frame of a stream has no usable previous reading: its CPU % is not reported (null)
// unless precpu_stats is valid, so a run never shows a fake 0 %.

export interface CpuUsage {
  total_usage?: number;
  percpu_usage?: number[] | null;
  usage_in_kernelmode?: number;
  usage_in_usermode?: number;
}

export interface CpuStats {
  cpu_usage?: CpuUsage;
  system_cpu_usage?: number;
  online_cpus?: number;
  throttling_data?: { periods?: number; throttled_periods?: number; throttled_time?: number };
}

export interface BlkioEntry {
  major?: number;
  minor?: number;
  op?: string;
  value?: number;
}

/** One frame of the Engine API stats endpoint (the Linux fields we read; v1 and v2 shapes). */
export interface StatsFrame {
  read?: string;
  preread?: string;
  pids_stats?: { current?: number; limit?: number };
  blkio_stats?: { io_service_bytes_recursive?: BlkioEntry[] | null };
  cpu_stats?: CpuStats;
  precpu_stats?: CpuStats;
  memory_stats?: {
    usage?: number;
    max_usage?: number;
    failcnt?: number;
    limit?: number;
    stats?: Record<string, number>;
  };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  id?: string;
  name?: string;
}

const ZERO_TIME = '0001-01-01T00:00:00Z';

export function onlineCpus(cpu: CpuStats | undefined): number {
  const n = cpu?.online_cpus ?? 0;
  if (n > 0) return n;
  return cpu?.cpu_usage?.percpu_usage?.length ?? 0;
}

/** docker/cli calculateCPUPercentUnix, given the previous container and system readings. */
export function cpuPercent(previousCpu: number, previousSystem: number, frame: StatsFrame): number {
  const cpuDelta = (frame.cpu_stats?.cpu_usage?.total_usage ?? 0) - previousCpu;
  const systemDelta = (frame.cpu_stats?.system_cpu_usage ?? 0) - previousSystem;
  const cpus = onlineCpus(frame.cpu_stats);
  if (systemDelta > 0 && cpuDelta > 0) return (cpuDelta / systemDelta) * cpus * 100;
  return 0;
}

/** True when a CpuStats holds a real reading (precpu_stats of a stream's first frame does not). */
export function validCpuReading(cpu: CpuStats | undefined): boolean {
  return !!cpu && (cpu.system_cpu_usage ?? 0) > 0 && cpu.cpu_usage?.total_usage !== undefined;
}

/**
 * CPU % of a frame: from its precpu_stats when valid, else from the previous frame we saw,
 * else null (no previous reading — not 0).
 */
export function frameCpuPercent(frame: StatsFrame, previous?: StatsFrame): number | null {
  const pre = frame.precpu_stats;
  if (validCpuReading(pre) && (frame.preread === undefined || frame.preread !== ZERO_TIME)) {
    return cpuPercent(pre!.cpu_usage!.total_usage ?? 0, pre!.system_cpu_usage ?? 0, frame);
  }
  if (previous && validCpuReading(previous.cpu_stats) && validCpuReading(frame.cpu_stats)) {
    return cpuPercent(previous.cpu_stats!.cpu_usage!.total_usage ?? 0, previous.cpu_stats!.system_cpu_usage ?? 0, frame);
  }
  return null;
}

/** docker/cli calculateMemUsageUnixNoCache. */
export function memUsageNoCache(mem: StatsFrame['memory_stats']): number {
  const usage = mem?.usage ?? 0;
  const stats = mem?.stats ?? {};
  // cgroup v1
  const v1 = stats['total_inactive_file'];
  if (v1 !== undefined && v1 < usage) return usage - v1;
  // cgroup v2
  const v2 = stats['inactive_file'];
  if (v2 !== undefined && v2 < usage) return usage - v2;
  return usage;
}

/** docker/cli calculateNetwork: summed over all interfaces. */
export function networkBytes(frame: StatsFrame): { rx: number; tx: number } {
  let rx = 0;
  let tx = 0;
  for (const n of Object.values(frame.networks ?? {})) {
    rx += n.rx_bytes ?? 0;
    tx += n.tx_bytes ?? 0;
  }
  return { rx, tx };
}

/** docker/cli calculateBlockIO: op names are "Read"/"Write" on v1 and "read"/"write" on v2. */
export function blockIoBytes(frame: StatsFrame): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const e of frame.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = e.op ?? '';
    if (!op) continue;
    const c = op[0].toLowerCase();
    if (c === 'r') read += e.value ?? 0;
    else if (c === 'w') write += e.value ?? 0;
  }
  return { read, write };
}

/** One reading, as shown while a run is in progress and drawn on the chart. */
export interface Sample {
  /** Milliseconds since the container started. */
  t: number;
  /** null when the frame had no usable previous reading. */
  cpuPercent: number | null;
  memBytes: number;
  memLimit: number;
  pids: number;
  netRx: number;
  netTx: number;
  blkRead: number;
  blkWrite: number;
  throttledPeriods: number;
  throttledTimeNs: number;
  periods: number;
}

export function frameToSample(frame: StatsFrame, previous: StatsFrame | undefined, t: number): Sample {
  const net = networkBytes(frame);
  const blk = blockIoBytes(frame);
  const thr = frame.cpu_stats?.throttling_data ?? {};
  return {
    t,
    cpuPercent: frameCpuPercent(frame, previous),
    memBytes: memUsageNoCache(frame.memory_stats),
    memLimit: frame.memory_stats?.limit ?? 0,
    pids: frame.pids_stats?.current ?? 0,
    netRx: net.rx,
    netTx: net.tx,
    blkRead: blk.read,
    blkWrite: blk.write,
    throttledPeriods: thr.throttled_periods ?? 0,
    throttledTimeNs: thr.throttled_time ?? 0,
    periods: thr.periods ?? 0,
  };
}

export interface StatsSummary {
  samples: number;
  /** Average CPU % over the whole observed span (cumulative CPU time / system time), null if unknown. */
  cpuAvg: number | null;
  cpuPeak: number | null;
  /** Peak memory as `docker stats` counts it: the largest sample of usage minus inactive file cache. */
  memPeak: number;
  /**
   * The kernel's own high-water mark (v1 memory.max_usage_in_bytes, page cache included), from the
   * last frame; null where the engine reports none (v2).
   */
  memHighWater: number | null;
  memLimit: number;
  pidsPeak: number;
  netRx: number;
  netTx: number;
  blkRead: number;
  blkWrite: number;
  periods: number;
  throttledPeriods: number;
  throttledTimeNs: number;
  /** memory.failcnt (v1): times usage hit the limit. null when the stats have none (v2). */
  failcnt: number | null;
  /** Container CPU nanoseconds consumed between the first and last reading. */
  cpuTimeNs: number;
}

/** Accumulates frames of one container's stats stream. */
export class StatsTracker {
  readonly samples: Sample[] = [];
  private first?: StatsFrame;
  private baseline?: { cpu: number; system: number; cpus: number };
  private last?: StatsFrame;
  private peakMaxUsage = 0;
  private failcnt: number | null = null;

  /** Add a frame; returns its sample. `t` = ms since the container started. */
  push(frame: StatsFrame, t: number): Sample {
    const s = frameToSample(frame, this.last, t);
    if (!this.first) this.first = frame;
    if (!this.baseline) {
      if (validCpuReading(frame.precpu_stats) && frame.preread !== ZERO_TIME) {
        const p = frame.precpu_stats!;
        this.baseline = { cpu: p.cpu_usage!.total_usage ?? 0, system: p.system_cpu_usage ?? 0, cpus: onlineCpus(frame.cpu_stats) };
      } else if (validCpuReading(frame.cpu_stats)) {
        const c = frame.cpu_stats!;
        this.baseline = { cpu: c.cpu_usage!.total_usage ?? 0, system: c.system_cpu_usage ?? 0, cpus: onlineCpus(c) };
      }
    }
    if (validCpuReading(frame.cpu_stats)) this.last = frame;
    this.peakMaxUsage = Math.max(this.peakMaxUsage, frame.memory_stats?.max_usage ?? 0);
    if (frame.memory_stats?.failcnt !== undefined) this.failcnt = Math.max(this.failcnt ?? 0, frame.memory_stats.failcnt);
    this.samples.push(s);
    return s;
  }

  summary(): StatsSummary {
    const ss = this.samples;
    const cpuVals = ss.map((s) => s.cpuPercent).filter((v): v is number => v !== null);
    let cpuAvg: number | null = null;
    let cpuTimeNs = 0;
    if (this.baseline && this.last) {
      const cpu = this.last.cpu_stats?.cpu_usage?.total_usage ?? 0;
      const system = this.last.cpu_stats?.system_cpu_usage ?? 0;
      cpuTimeNs = Math.max(0, cpu - this.baseline.cpu);
      const sysDelta = system - this.baseline.system;
      if (sysDelta > 0) cpuAvg = (cpuTimeNs / sysDelta) * (onlineCpus(this.last.cpu_stats) || this.baseline.cpus) * 100;
    }
    const lastS = ss[ss.length - 1];
    return {
      samples: ss.length,
      cpuAvg,
      cpuPeak: cpuVals.length ? Math.max(...cpuVals) : null,
      memPeak: Math.max(0, ...ss.map((s) => s.memBytes)),
      memHighWater: this.peakMaxUsage || null,
      memLimit: lastS?.memLimit ?? 0,
      pidsPeak: Math.max(0, ...ss.map((s) => s.pids)),
      netRx: Math.max(0, ...ss.map((s) => s.netRx)),
      netTx: Math.max(0, ...ss.map((s) => s.netTx)),
      blkRead: Math.max(0, ...ss.map((s) => s.blkRead)),
      blkWrite: Math.max(0, ...ss.map((s) => s.blkWrite)),
      periods: Math.max(0, ...ss.map((s) => s.periods)),
      throttledPeriods: Math.max(0, ...ss.map((s) => s.throttledPeriods)),
      throttledTimeNs: Math.max(0, ...ss.map((s) => s.throttledTimeNs)),
      failcnt: this.failcnt,
      cpuTimeNs,
    };
  }
}

/** Splits a byte stream of newline-separated JSON frames (tolerates frames split across chunks). */
export class JsonLineSplitter {
  private buf = '';
  push(chunk: Buffer | string, onFrame: (f: StatsFrame) => void): void {
    this.buf += chunk.toString();
    let i: number;
    while ((i = this.buf.indexOf('\n')) >= 0) {
      const line = this.buf.slice(0, i).trim();
      this.buf = this.buf.slice(i + 1);
      if (!line) continue;
      try {
        onFrame(JSON.parse(line) as StatsFrame);
      } catch {
        /* a malformed frame is skipped */
      }
    }
  }
}
