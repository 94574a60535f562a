// Runs one container under the sandbox's limits and watches it: stats stream, capped output,
// a wall-clock timeout enforced here (Docker has none), and removal in every case.
import type Docker from 'dockerode';
import type { Readable } from 'node:stream';
import type { Logger } from 'pino';
import type { SandboxLimits } from './policy.js';
import { JsonLineSplitter, StatsTracker, type Sample, type StatsFrame, type StatsSummary } from './stats.js';

export const LABEL = 'study-sandbox';
export const LABEL_DEADLINE = 'study-sandbox.deadline';
export const LABEL_USER = 'study-sandbox.user';
export const LABEL_KIND = 'study-sandbox.kind';
export const LABEL_INSTANCE = 'study-sandbox.instance';
/** Extra time past the timeout before the reaper considers a labelled container an orphan. */
export const REAPER_GRACE_MS = 30_000;

const MiB = 1024 * 1024;

export type Outcome = 'exited' | 'timeout' | 'oom' | 'output-capped';

export interface RunSpec {
  image: string;
  /** argv; presets and custom commands are `['sh', '-c', script]`. */
  cmd: string[];
  limits: SandboxLimits;
  labels?: Record<string, string>;
}

export interface RunHooks {
  onCreated?(containerId: string): void;
  onStarted?(info: { containerId: string; msSinceCall: number }): void;
  onSample?(sample: Sample): void;
}

export interface RunTimings {
  /** ms from the call to: container created, running, first stats sample, exit, result ready. */
  created: number;
  running: number;
  firstSample: number | null;
  exited: number;
  done: number;
}

export interface RunResult {
  containerId: string;
  outcome: Outcome;
  exitCode: number | null;
  oomKilled: boolean;
  /** We killed it (timeout or output cap). */
  killedByBot: boolean;
  durationMs: number;
  startedAt: Date;
  samples: Sample[];
  summary: StatsSummary;
  output: { tail: string; bytes: number; capped: boolean };
  limits: SandboxLimits;
  timings: RunTimings;
  /** HostConfig as the daemon reports it (inspect), for tests and the report. */
  hostConfig: Record<string, unknown>;
}

/** The container body sent to POST /containers/create. Exported for tests. */
export function containerCreateOptions(spec: RunSpec): Docker.ContainerCreateOptions {
  const l = spec.limits;
  const memory = l.memoryMb * MiB;
  const hostConfig: Docker.HostConfig = {
    NetworkMode: 'none',
    ReadonlyRootfs: true,
    Tmpfs: { '/tmp': `rw,nosuid,nodev,noexec,size=${l.tmpfsMb}m,mode=1777` },
    CapDrop: ['ALL'],
    SecurityOpt: ['no-new-privileges'],
    Privileged: false,
    Binds: [],
    Devices: [],
    Memory: memory,
    CpuShares: l.cpuShares,
    PidsLimit: l.pidsLimit,
    Ulimits: [
      { Name: 'nofile', Soft: l.nofile, Hard: l.nofile },
      { Name: 'fsize', Soft: l.fsizeMb * MiB, Hard: l.fsizeMb * MiB },
    ],
    LogConfig: { Type: 'none', Config: {} },
    AutoRemove: false,
    RestartPolicy: { Name: 'no' },
    IpcMode: 'private',
  };
  if (l.memorySwapMb !== 'docker-default') hostConfig.MemorySwap = l.memorySwapMb * MiB;
  if (l.cpus !== null) hostConfig.NanoCpus = Math.round(l.cpus * 1e9);
  if (l.cpusetCpus) hostConfig.CpusetCpus = l.cpusetCpus;
  return {
    Image: spec.image,
    Cmd: spec.cmd,
    User: l.user,
    WorkingDir: '/tmp',
    Env: ['PATH=/bin', 'HOME=/tmp'],
    Tty: false,
    OpenStdin: false,
    AttachStdin: false,
    AttachStdout: true,
    AttachStderr: true,
    NetworkDisabled: true,
    Labels: {
      [LABEL]: '1',
      [LABEL_DEADLINE]: String(Date.now() + l.timeoutSeconds * 1000 + REAPER_GRACE_MS),
      ...spec.labels,
    },
    HostConfig: hostConfig,
  };
}

/** Keeps the last `max` characters of text and counts every byte. */
class OutputTail {
  bytes = 0;
  private text = '';
  constructor(private readonly keep: number) {}
  push(buf: Buffer): void {
    this.bytes += buf.length;
    this.text += buf.toString('utf8');
    if (this.text.length > this.keep * 2) this.text = this.text.slice(-this.keep);
  }
  tail(): string {
    return this.text.slice(-this.keep);
  }
}

/**
 * Strips Docker's stdout/stderr multiplexing headers (8 bytes: stream, 0,0,0, size BE32) from an
 * attach stream (Tty false) and hands on the payloads.
 */
export class Demuxer {
  private pending: Buffer = Buffer.alloc(0);
  push(chunk: Buffer, onPayload: (b: Buffer) => void): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (this.pending.length >= 8) {
      const size = this.pending.readUInt32BE(4);
      if (this.pending.length < 8 + size) break;
      onPayload(this.pending.subarray(8, 8 + size));
      this.pending = this.pending.subarray(8 + size);
    }
  }
}

function statusOf(err: unknown): number | undefined {
  return (err as { statusCode?: number })?.statusCode;
}

async function killQuietly(container: Docker.Container): Promise<void> {
  try {
    await container.kill({ signal: 'SIGKILL' });
  } catch (err) {
    const s = statusOf(err);
    if (s !== 404 && s !== 409 && s !== 304) throw err;
  }
}

/** Remove a container, retrying once; never throws (the reaper catches what is left). */
export async function removeContainer(docker: Docker, id: string, logger?: Logger): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await docker.getContainer(id).remove({ force: true, v: true });
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return true;
      logger?.warn({ err, containerId: id, attempt }, 'sandbox: container removal failed');
      await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
    }
  }
  return false;
}

/**
 * Run one container to completion. Throws only for Docker errors before the container runs
 * (daemon unreachable, image missing, bad HostConfig); the container is removed in every case.
 */
export async function runContainer(docker: Docker, spec: RunSpec, hooks: RunHooks = {}, logger?: Logger): Promise<RunResult> {
  const t0 = performance.now();
  const since = () => Math.round(performance.now() - t0);
  const limits = spec.limits;
  const timings: RunTimings = { created: 0, running: 0, firstSample: null, exited: 0, done: 0 };
  const tracker = new StatsTracker();
  const output = new OutputTail(4096);
  let capped = false;
  let timedOut = false;
  let exited = false;
  let containerId = '';
  let attachStream: (Readable & { destroy(): void }) | undefined;
  let statsStream: (Readable & { destroy(): void }) | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const container = await docker.createContainer(containerCreateOptions(spec));
    containerId = container.id;
    timings.created = since();
    hooks.onCreated?.(containerId);

    // Attach before start so no output is missed; read until the cap, then kill and stop reading.
    attachStream = (await container.attach({ stream: true, stdout: true, stderr: true, logs: false })) as unknown as Readable & { destroy(): void };
    const attachDone = new Promise<void>((resolve) => {
      const demux = new Demuxer();
      const s = attachStream!;
      s.on('data', (chunk: Buffer) => {
        if (capped) return;
        demux.push(chunk, (payload) => {
          if (capped) return;
          const room = limits.outputMaxBytes - output.bytes;
          if (payload.length > room) {
            output.push(payload.subarray(0, Math.max(0, room)));
            output.bytes += payload.length - Math.max(0, room);
            capped = true;
            killQuietly(container).catch((err) => logger?.warn({ err, containerId }, 'sandbox: kill after output cap failed'));
            s.destroy();
            resolve();
          } else output.push(payload);
        });
      });
      s.on('end', () => resolve());
      s.on('close', () => resolve());
      s.on('error', () => resolve());
    });

    const startedAtWall = new Date();
    await container.start();
    const startedPerf = performance.now();
    timings.running = since();
    hooks.onStarted?.({ containerId, msSinceCall: timings.running });

    timer = setTimeout(() => {
      timedOut = true;
      killQuietly(container).catch((err) => logger?.warn({ err, containerId }, 'sandbox: kill at timeout failed'));
    }, limits.timeoutSeconds * 1000);

    // Stats stream (about one frame a second). A container that already exited may refuse it.
    const statsPromise = (async () => {
      try {
        statsStream = (await container.stats({ stream: true })) as unknown as Readable & { destroy(): void };
        if (exited) {
          statsStream.destroy(); // the container was faster than the stats request
          return;
        }
        const splitter = new JsonLineSplitter();
        await new Promise<void>((resolve) => {
          statsStream!.on('data', (chunk: Buffer) =>
            splitter.push(chunk, (frame: StatsFrame) => {
              // A frame read after the container stopped is all zeros: skip it.
              if (!frame.cpu_stats?.cpu_usage?.total_usage && !frame.memory_stats?.usage && !frame.pids_stats?.current) return;
              const s = tracker.push(frame, Math.round(performance.now() - startedPerf));
              if (timings.firstSample === null) timings.firstSample = since();
              hooks.onSample?.(s);
            }),
          );
          statsStream!.on('end', () => resolve());
          statsStream!.on('close', () => resolve());
          statsStream!.on('error', () => resolve());
        });
      } catch (err) {
        logger?.debug({ err, containerId }, 'sandbox: stats stream unavailable');
      }
    })();

    const waited = (await container.wait()) as { StatusCode?: number };
    exited = true;
    timings.exited = since();
    clearTimeout(timer);
    statsStream?.destroy();
    // Let the last output arrive (the attach stream ends right after the container).
    await Promise.race([attachDone, new Promise((r) => setTimeout(r, 500))]);
    attachStream.destroy();
    await Promise.race([statsPromise, new Promise((r) => setTimeout(r, 50))]);

    const info = await container.inspect();
    const state = info.State;
    const exitCode = typeof state?.ExitCode === 'number' ? state.ExitCode : (waited.StatusCode ?? null);
    const summary = tracker.summary();
    const oomKilled = !!state?.OOMKilled || (exitCode === 137 && !timedOut && !capped && (summary.failcnt ?? 0) > 0);
    let outcome: Outcome = 'exited';
    if (capped) outcome = 'output-capped';
    else if (oomKilled) outcome = 'oom';
    else if (timedOut) outcome = 'timeout';
    const started = Date.parse(state?.StartedAt ?? '');
    const finished = Date.parse(state?.FinishedAt ?? '');
    const durationMs = Number.isFinite(started) && Number.isFinite(finished) && finished >= started ? finished - started : Math.round(performance.now() - startedPerf);
    timings.done = since();
    return {
      containerId,
      outcome,
      exitCode,
      oomKilled,
      killedByBot: capped || timedOut,
      durationMs,
      startedAt: Number.isFinite(started) ? new Date(started) : startedAtWall,
      samples: tracker.samples,
      summary,
      output: { tail: output.tail(), bytes: output.bytes, capped },
      limits,
      timings,
      hostConfig: (info.HostConfig ?? {}) as Record<string, unknown>,
    };
  } finally {
    if (timer) clearTimeout(timer);
    statsStream?.destroy();
    attachStream?.destroy();
    if (containerId) await removeContainer(docker, containerId, logger);
  }
}
