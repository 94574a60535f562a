// Runs one container under the sandbox's limits and watches it: stats stream, capped output, the
// bot's wall-clock timeout (first line), the container's own deadline (docker-init + busybox
// `timeout -s KILL`, which holds with the bot gone), and removal in every case. Every Engine API
// call has a timeout (engine.ts).
import type Docker from 'dockerode';
import { Writable, type Readable } from 'node:stream';
import type { Logger } from 'pino';
import type { Engine } from './engine.js';
import { isAbort } from './errors.js';
import {
  EXIT_REPORT_WRAPPER,
  ExitReportFilter,
  kernelHighWater,
  memoryTopOf,
  type ExitReport,
  type HighWater,
  type MemoryTop,
} from './exit-report.js';
import { decideOutcome, type BotKill, type Outcome } from './outcome.js';
import type { SandboxLimits } from './policy.js';
import { JsonLineSplitter, StatsTracker, type Sample, type StatsFrame, type StatsSummary } from './stats.js';

/** Label key; its value is the bot's id (SANDBOX_BOT_ID): the reaper touches only its own. */
export const LABEL = 'study-sandbox';
export const LABEL_DEADLINE = 'study-sandbox.deadline';
export const LABEL_USER = 'study-sandbox.user';
export const LABEL_KIND = 'study-sandbox.kind';
export const LABEL_INSTANCE = 'study-sandbox.instance';
/** Past the in-container deadline, the reaper may remove the container (it is dead by then). */
export const REAPER_GRACE_MS = 3_000;

const MiB = 1024 * 1024;

export type { Outcome } from './outcome.js';

export interface RunSpec {
  image: string;
  /** argv of the payload; presets and custom commands are `['sh', '-c', script]`. */
  cmd: string[];
  limits: SandboxLimits;
  /** The `study-sandbox` label value (the bot's id). */
  botId: string;
  /** Seconds after the bot's timeout at which the container kills its own payload. */
  deadlineGraceSeconds: number;
  /** Container name: lets a create whose answer was lost be found and removed. */
  name?: string;
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
  /** The OOM killer struck in the container (some process of it): said by `oomEvidence`. */
  oomKilled: boolean;
  /** What showed the OOM kill: Docker's State.OOMKilled, the kernel's counter read at exit, or both. */
  oomEvidence: string[];
  /** A process other than the main one was OOM-killed and the container went on. */
  oomChild: boolean;
  /** The bot killed it (timeout or output cap) while it was still running. */
  killedByBot: boolean;
  durationMs: number;
  startedAt: Date;
  samples: Sample[];
  summary: StatsSummary;
  /** The memory top of the run and how it was measured (exit-report.ts). */
  memoryTop: MemoryTop;
  /** The kernel's own high-water mark (page cache included), when the container or the stats gave one. */
  kernelHighWater: HighWater | null;
  output: { tail: string; bytes: number; capped: boolean };
  limits: SandboxLimits;
  /** ms after start at which the container's own deadline fires. */
  inContainerDeadlineMs: number;
  timings: RunTimings;
  /** HostConfig as the daemon reports it (inspect), for tests and the report. */
  hostConfig: Record<string, unknown>;
}

/**
 * The payload under the in-container deadline (busybox `timeout` under docker-init: PID 1 cannot be killed
 * from inside), in the wrapper that reports the kernel's memory figures as the payload ends (exit-report.ts).
 */
export function deadlineCmd(cmd: string[], limits: Pick<SandboxLimits, 'timeoutSeconds'>, graceSeconds: number): string[] {
  return ['sh', '-c', EXIT_REPORT_WRAPPER, 'study-sandbox', String(limits.timeoutSeconds + graceSeconds), ...cmd];
}

/** The container body sent to POST /containers/create. Exported for tests. */
export function containerCreateOptions(spec: RunSpec): Docker.ContainerCreateOptions {
  const l = spec.limits;
  const memory = l.memoryMb * MiB;
  const hostConfig: Docker.HostConfig = {
    Init: true,
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
  if (l.runtime) hostConfig.Runtime = l.runtime;
  const deadlineMs = (l.timeoutSeconds + spec.deadlineGraceSeconds) * 1000;
  return {
    ...(spec.name ? { name: spec.name } : {}),
    Image: spec.image,
    Cmd: deadlineCmd(spec.cmd, l, spec.deadlineGraceSeconds),
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
      ...spec.labels,
      [LABEL]: spec.botId,
      [LABEL_DEADLINE]: String(Date.now() + deadlineMs + REAPER_GRACE_MS),
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

function statusOf(err: unknown): number | undefined {
  return (err as { statusCode?: number })?.statusCode;
}

/**
 * SIGKILL the container: true when the engine found it running (204), or said it sent the signal but
 * saw no exit in time (a 500 under load: "tried to kill container, but did not receive an exit event");
 * false when it was not running. Transport errors and timeouts are thrown.
 */
async function kill(engine: Engine, container: Docker.Container, logger?: Logger): Promise<boolean> {
  try {
    await container.kill({ signal: 'SIGKILL', ...engine.call() });
    return true;
  } catch (err) {
    const s = statusOf(err);
    if (s === 404 || s === 409 || s === 304) return false;
    if (s === 500) {
      logger?.warn({ err, containerId: container.id }, 'sandbox: the engine sent SIGKILL but reported an error');
      return true;
    }
    throw err;
  }
}

/** Remove a container (by id or name), retrying; never throws (the reaper catches what is left). */
export async function removeContainer(engine: Engine, idOrName: string, logger?: Logger, attempts = 3): Promise<boolean> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      await engine.docker.getContainer(idOrName).remove({ force: true, v: true, ...engine.call() });
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return true;
      logger?.warn({ err, container: idOrName, attempt }, 'sandbox: container removal failed');
      await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
    }
  }
  return false;
}

type Closable = { value: Readable; close(): void };

function durationOf(state: Docker.ContainerInspectInfo['State']): number {
  return Date.parse(state.FinishedAt) - Date.parse(state.StartedAt);
}

/**
 * How many times, 250 ms apart, an unexplained SIGKILL is inspected again: up to 10 s (gVisor's OOM event can take
 * seconds; 3 s was once not enough in CI).
 */
const SETTLE_LOOKS = 40;

/**
 * Inspect after exit. A SIGKILL nobody explains (no bot kill, before the container's own deadline, no OOM
 * kill counted by the kernel) is most likely the OOM killer whose event the engine has not processed yet:
 * look again, up to ten seconds (under gVisor the shim reports the sandbox's OOM late, or the run would read
 * "SIGKILL, no OOM recorded").
 */
async function inspectSettled(
  engine: Engine,
  container: Docker.Container,
  botKill: BotKill,
  deadlineMs: number,
  kernelOomKills: number,
): Promise<Docker.ContainerInspectInfo> {
  let info = await container.inspect(engine.call());
  for (let i = 0; i < SETTLE_LOOKS; i++) {
    const s = info.State;
    const unexplained = s?.ExitCode === 137 && !s.OOMKilled && !kernelOomKills && botKill === 'none' && durationOf(s) < deadlineMs;
    if (!unexplained) break;
    await new Promise((r) => setTimeout(r, 250));
    info = await container.inspect(engine.call());
  }
  return info;
}

/**
 * Reads the attach stream through docker-modem's demuxer until the output cap; `onCap` kills. The
 * wrapper's exit report is taken out of stderr before the cap counts anything.
 */
function readOutput(
  engine: Engine,
  attach: Closable,
  output: OutputTail,
  maxBytes: number,
  onCap: () => void,
): { done: Promise<void>; capped: () => boolean; exitReport: ExitReportFilter } {
  let capped = false;
  const exitReport = new ExitReportFilter();
  const take = (chunk: Buffer) => {
    if (capped || !chunk.length) return;
    const room = maxBytes - output.bytes;
    if (chunk.length > room) {
      output.push(chunk.subarray(0, Math.max(0, room)));
      output.bytes += chunk.length - Math.max(0, room);
      capped = true;
      onCap();
      attach.close();
    } else output.push(chunk);
  };
  const sink = (filter?: ExitReportFilter) =>
    new Writable({
      write(chunk: Buffer, _enc, next) {
        take(filter ? filter.push(chunk) : chunk);
        next();
      },
    });
  engine.docker.modem.demuxStream(attach.value, sink(), sink(exitReport));
  const done = new Promise<void>((resolve) => {
    for (const ev of ['end', 'close', 'error']) attach.value.on(ev, () => resolve());
  }).then(() => take(exitReport.flush()));
  return { done, capped: () => capped, exitReport };
}

/**
 * Follows the stats stream (about one frame a second) into the tracker. `msSinceStart` times a sample: the
 * stream is opened before the start, so that its first frame after the start is the daemon's first tick, the
 * one `docker stats` shows too (frames of a container not yet running, or stopped, are empty and skipped).
 */
async function followStats(
  engine: Engine,
  container: Docker.Container,
  tracker: StatsTracker,
  msSinceStart: () => number,
  onSample: (s: Sample) => void,
  job: AbortSignal,
): Promise<Closable | undefined> {
  const s = await engine.stream(
    (abortSignal) => container.stats({ stream: true, abortSignal } as { stream: true }) as unknown as Promise<Readable>,
    job,
  );
  const splitter = new JsonLineSplitter();
  s.value.on('data', (chunk: Buffer) =>
    splitter.push(chunk, (frame: StatsFrame) => {
      // A frame read after the container stopped is all zeros: skip it.
      if (!frame.cpu_stats?.cpu_usage?.total_usage && !frame.memory_stats?.usage && !frame.pids_stats?.current) return;
      onSample(tracker.push(frame, msSinceStart()));
    }),
  );
  s.value.on('error', () => undefined);
  return s;
}

/**
 * The bot's kills of one container: which one found it running (the first counts), whether the engine
 * failed to answer (then the job is aborted: the container's own deadline holds), and a way to wait for
 * the answers in flight (the container may exit before the kill's answer arrives).
 */
function botKiller(engine: Engine, container: Docker.Container, job: AbortController, logger?: Logger) {
  let which: BotKill = 'none';
  let hung = false;
  const inFlight: Promise<void>[] = [];
  return {
    kill: (why: Exclude<BotKill, 'none'>): void => {
      const k = kill(engine, container, logger).then(
        (wasRunning) => {
          if (wasRunning && which === 'none') which = why;
        },
        (err: unknown) => {
          hung = true;
          logger?.warn({ err, containerId: container.id }, `sandbox: kill (${why}) failed`);
          job.abort(err);
        },
      );
      inFlight.push(k);
    },
    settled: () => Promise.all(inFlight),
    which: () => which,
    engineHung: () => hung,
  };
}

interface RunFacts {
  containerId: string;
  limits: SandboxLimits;
  botKill: BotKill;
  inContainerDeadlineMs: number;
  tracker: StatsTracker;
  timings: RunTimings;
  startedAtWall: Date;
  startedPerf: number;
  waitedCode: number | undefined;
  exitReport: ExitReport | null;
}

/** The result from the container's final state and what the run saw (output is filled in by the caller). */
function resultOf(info: Docker.ContainerInspectInfo, f: RunFacts): RunResult {
  const state = info.State;
  const exitCode = typeof state?.ExitCode === 'number' ? state.ExitCode : (f.waitedCode ?? null);
  const started = Date.parse(state?.StartedAt ?? '');
  const finished = Date.parse(state?.FinishedAt ?? '');
  const durationMs =
    Number.isFinite(started) && Number.isFinite(finished) && finished >= started
      ? finished - started
      : Math.round(performance.now() - f.startedPerf);
  const oomEvidence = [
    ...(state?.OOMKilled ? ['State.OOMKilled=true'] : []),
    ...(f.exitReport?.oomKills ? [`oom_kill=${f.exitReport.oomKills}`] : []),
  ];
  const oomKilled = oomEvidence.length > 0;
  const verdict = decideOutcome({ exitCode, oomKilled, botKill: f.botKill, durationMs, inContainerDeadlineMs: f.inContainerDeadlineMs });
  const summary = f.tracker.summary();
  const limitBytes = f.limits.memoryMb * MiB;
  const kernel = kernelHighWater(f.exitReport, summary.memHighWater, limitBytes);
  return {
    containerId: f.containerId,
    outcome: verdict.outcome,
    exitCode,
    oomKilled,
    oomEvidence,
    oomChild: verdict.oomChild,
    killedByBot: verdict.outcome === 'timeout' || verdict.outcome === 'output-capped',
    durationMs,
    startedAt: Number.isFinite(started) ? new Date(started) : f.startedAtWall,
    samples: f.tracker.samples,
    summary,
    memoryTop: memoryTopOf(oomKilled, summary, kernel, limitBytes),
    kernelHighWater: kernel,
    output: { tail: '', bytes: 0, capped: false },
    limits: f.limits,
    inContainerDeadlineMs: f.inContainerDeadlineMs,
    timings: f.timings,
    hostConfig: (info.HostConfig ?? {}) as Record<string, unknown>,
  };
}

/**
 * Run one container to completion. Throws for Docker errors (unreachable, timed out, image missing,
 * bad HostConfig); the container is removed in every case (or left to the reaper and its own deadline
 * when the engine does not answer).
 */
/** What a run holds while it goes, so that clean-up can release it whatever happened. */
interface RunState {
  job: AbortController;
  containerId: string;
  engineHung: boolean;
  attach?: Closable;
  stats?: Closable;
  timer?: NodeJS.Timeout;
  killer?: ReturnType<typeof botKiller>;
}

export async function runContainer(engine: Engine, spec: RunSpec, hooks: RunHooks = {}, logger?: Logger): Promise<RunResult> {
  const st: RunState = { job: new AbortController(), containerId: '', engineHung: false };
  try {
    return await runSteps(engine, spec, hooks, st, logger);
  } catch (err) {
    if (isAbort(err) || st.killer?.engineHung()) st.engineHung = true;
    throw err;
  } finally {
    await cleanUp(engine, spec, st, logger);
  }
}

/** Create, attach, start, watch, wait for the exit, then read the evidence into a result. */
async function runSteps(engine: Engine, spec: RunSpec, hooks: RunHooks, st: RunState, logger?: Logger): Promise<RunResult> {
  const t0 = performance.now();
  const since = () => Math.round(performance.now() - t0);
  const limits = spec.limits;
  const timings: RunTimings = { created: 0, running: 0, firstSample: null, exited: 0, done: 0 };
  const tracker = new StatsTracker();
  const output = new OutputTail(4096);
  const inContainerDeadlineMs = (limits.timeoutSeconds + spec.deadlineGraceSeconds) * 1000;
  const container = await engine.docker.createContainer({ ...containerCreateOptions(spec), ...engine.call() });
  const containerId = (st.containerId = container.id);
  timings.created = since();
  hooks.onCreated?.(containerId);

  const killer = (st.killer = botKiller(engine, container, st.job, logger));
  // Attach before start so no output is missed; read until the cap, then kill and stop reading.
  const attach = (st.attach = await engine.stream(
    (abortSignal) =>
      container.attach({ stream: true, stdout: true, stderr: true, logs: false, abortSignal }) as unknown as Promise<Readable>,
    st.job.signal,
  ));
  const reader = readOutput(engine, attach, output, limits.outputMaxBytes, () => killer.kill('output-cap'));
  let startedPerf = performance.now();
  const onSample = (sample: Sample) => {
    if (timings.firstSample === null) timings.firstSample = since();
    hooks.onSample?.(sample);
  };
  const msSinceStart = () => Math.max(0, Math.round(performance.now() - startedPerf));
  const statsOpen = followStats(engine, container, tracker, msSinceStart, onSample, st.job.signal).catch((err: unknown) => {
    logger?.debug({ err, containerId }, 'sandbox: stats stream unavailable');
    return undefined;
  });

  const startedAtWall = new Date();
  await container.start(engine.call());
  startedPerf = performance.now();
  timings.running = since();
  hooks.onStarted?.({ containerId, msSinceCall: timings.running });
  st.timer = setTimeout(() => killer.kill('timeout'), limits.timeoutSeconds * 1000);

  // wait() answers when the container exits: it may take the whole run plus its own deadline.
  const waitMs = inContainerDeadlineMs + engine.timeoutMs * 2;
  const waited = (await container.wait({ abortSignal: AbortSignal.any([AbortSignal.timeout(waitMs), st.job.signal]) })) as {
    StatusCode?: number;
  };
  timings.exited = since();
  clearTimeout(st.timer);
  await killer.settled();
  const botKill = killer.which();
  st.stats = await statsOpen;
  st.stats?.close();
  // Let the last output arrive (the attach stream ends right after the container).
  await Promise.race([reader.done, new Promise((r) => setTimeout(r, 500))]);
  attach.close();

  const exitReport = reader.exitReport.report;
  const info = await inspectSettled(engine, container, botKill, inContainerDeadlineMs, exitReport?.oomKills ?? 0);
  const facts = { containerId, limits, botKill, inContainerDeadlineMs, tracker, timings, startedAtWall, startedPerf };
  const result = resultOf(info, { ...facts, waitedCode: waited.StatusCode, exitReport });
  result.output = { tail: output.tail(), bytes: output.bytes, capped: reader.capped() };
  timings.done = since();
  return result;
}

/** Stops what runs and removes the container; with the engine hung, one try in the background. */
async function cleanUp(engine: Engine, spec: RunSpec, st: RunState, logger?: Logger): Promise<void> {
  if (st.timer) clearTimeout(st.timer);
  st.job.abort();
  st.stats?.close();
  st.attach?.close();
  // With the engine hung, the user hears now; the container's own deadline and the reaper do the rest.
  const target = st.containerId || spec.name;
  if (target && (st.engineHung || st.killer?.engineHung())) void removeContainer(engine, target, logger, 1);
  else if (target) await removeContainer(engine, target, logger);
}
