// The sandbox service the command layer uses: access rules, validation, one job per user, a global
// concurrency limit with a queue, runs and compares, a record of every run in SQLite, and a reaper
// for labelled containers that outlived their timeout. It never throws to its callers: every
// failure (Docker missing or down, image missing, bad option) comes back as a SandboxError.
import Docker from 'dockerode';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import { renderChart } from './chart.js';
import {
  checkAccess,
  imageAllowed,
  isPreset,
  presetScript,
  resolveLimits,
  validateCommand,
  type LimitOptions,
  type LimitViolation,
  type PresetName,
  type SandboxConfig,
  type SandboxLimits,
} from './policy.js';
import { LABEL, LABEL_DEADLINE, LABEL_INSTANCE, LABEL_KIND, LABEL_USER, removeContainer, runContainer, type RunResult } from './runner.js';
import type { Sample } from './stats.js';

export type SandboxErrorCode =
  | 'disabled'
  | 'channel'
  | 'role'
  | 'untrusted-command'
  | 'invalid'
  | 'image-not-allowed'
  | 'busy-user'
  | 'queue-full'
  | 'docker-unavailable'
  | 'image-missing'
  | 'internal';

export interface SandboxError {
  code: SandboxErrorCode;
  violations?: LimitViolation[];
  /** Technical detail (Docker's message), safe to show. */
  detail?: string;
}

export interface SandboxUser {
  id: string;
  name: string;
  roleIds: string[];
}

export interface SandboxRequestBase {
  user: SandboxUser;
  guildId: string | null;
  channelId: string;
}

export interface RunRequest extends SandboxRequestBase {
  /** One of PRESET_NAMES; ignored when `command` is set. */
  preset?: string;
  /** A custom shell script (sh -c); only for SANDBOX_TRUSTED_ROLE_IDS. */
  command?: string;
  image?: string;
  options?: LimitOptions;
}

export interface CompareRequest extends SandboxRequestBase {
  sharesA?: number;
  sharesB?: number;
  seconds?: number;
  memory?: number;
}

export interface JobHooks {
  /** Called when the job must wait, with its 1-based place in the queue (again when it moves). */
  onQueued?(position: number): void;
  /** Called when the container (the first, for compare) is running. */
  onStarted?(info: { limits: SandboxLimits; msSinceCall: number }): void;
  /** Every stats sample; `which` = 'a' | 'b' for compare. */
  onSample?(sample: Sample, which?: 'a' | 'b'): void;
}

export interface RunReport {
  runId: number;
  kind: 'run';
  preset: PresetName | null;
  command: string | null;
  image: string;
  result: RunResult;
  chart: Buffer | null;
  /** ms from the call to the report being ready (queue wait included). */
  totalMs: number;
}

export interface CompareReport {
  runId: number;
  kind: 'compare';
  a: RunResult;
  b: RunResult;
  sharesA: number;
  sharesB: number;
  cpuset: string;
  seconds: number;
  /** Expected fraction of the CPU for A (sharesA / (sharesA + sharesB)). */
  expectedA: number;
  /** Measured fraction for A from CPU time consumed; null when there were too few samples. */
  measuredA: number | null;
  chart: Buffer | null;
  totalMs: number;
}

export type Result<T> = { ok: true; report: T } | { ok: false; error: SandboxError; runId?: number };

export interface SandboxService {
  readonly enabled: boolean;
  readonly config: SandboxConfig;
  /** Daemon reachable and image present? */
  check(): Promise<{ ok: true; hostCpus: number; cgroupVersion: string } | { ok: false; error: SandboxError }>;
  run(req: RunRequest, hooks?: JobHooks): Promise<Result<RunReport>>;
  compare(req: CompareRequest, hooks?: JobHooks): Promise<Result<CompareReport>>;
  /** Remove labelled containers that outlived their timeout (or are ours and finished); returns how many. */
  reap(): Promise<number>;
  /** Jobs running / waiting now. */
  stats(): { running: number; queued: number };
  /** Stop the reaper and remove any container still running (call on shutdown). */
  close(): Promise<void>;
}

export interface SandboxDeps {
  /** A dockerode client; default `new Docker()` (honours DOCKER_HOST). */
  docker?: Docker;
  /** Start the periodic reaper (and one sweep now). Default true. */
  reaper?: boolean;
  /** Render PNG charts (default true). */
  charts?: boolean;
  /** Check Docker and load the chart library at creation (default true). */
  warmup?: boolean;
}

const PING_TIMEOUT_MS = 3000;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(Object.assign(new Error(`${what}: no answer in ${ms} ms`), { code: 'ETIMEDOUT' })), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

/** Maps a Docker/transport error to what the user is told. */
export function classifyDockerError(err: unknown): SandboxError {
  const e = err as { code?: string; statusCode?: number; message?: string; json?: { message?: string } };
  const msg = e?.json?.message ?? e?.message ?? String(err);
  const transport = ['ENOENT', 'ECONNREFUSED', 'EACCES', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE'];
  if (e?.code && transport.includes(e.code)) return { code: 'docker-unavailable', detail: msg };
  if (e?.statusCode === 404 && /image/i.test(msg)) return { code: 'image-missing', detail: msg };
  if (/no such image/i.test(msg)) return { code: 'image-missing', detail: msg };
  if (e?.statusCode === 500 && /daemon|connect/i.test(msg)) return { code: 'docker-unavailable', detail: msg };
  return { code: 'internal', detail: msg.slice(0, 300) };
}

/** FIFO counting semaphore; waiters learn their position. */
class Slots {
  private used = 0;
  private readonly waiters: { need: number; grant: () => void; onPosition?: (n: number) => void }[] = [];
  constructor(private readonly capacity: number) {}
  get running(): number {
    return this.used;
  }
  get queued(): number {
    return this.waiters.length;
  }
  /** Resolves with a release function once `need` slots are free. */
  acquire(need: number, onPosition?: (n: number) => void): Promise<() => void> {
    need = Math.min(need, this.capacity);
    const release = () => {
      this.used -= need;
      this.pump();
    };
    if (this.waiters.length === 0 && this.used + need <= this.capacity) {
      this.used += need;
      return Promise.resolve(release);
    }
    return new Promise((resolve) => {
      this.waiters.push({ need, grant: () => resolve(release), onPosition });
      onPosition?.(this.waiters.length);
    });
  }
  private pump(): void {
    let moved = false;
    while (this.waiters.length && this.used + this.waiters[0]!.need <= this.capacity) {
      const w = this.waiters.shift()!;
      this.used += w.need;
      w.grant();
      moved = true;
    }
    if (moved) this.waiters.forEach((w, i) => w.onPosition?.(i + 1));
  }
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sandbox_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at TEXT NOT NULL,
  finished_at TEXT,
  user_id TEXT NOT NULL,
  user_name TEXT,
  guild_id TEXT,
  channel_id TEXT,
  kind TEXT NOT NULL,
  preset TEXT,
  command TEXT,
  image TEXT,
  limits_json TEXT,
  outcome TEXT NOT NULL,
  exit_code INTEGER,
  duration_ms INTEGER,
  cpu_avg REAL,
  cpu_peak REAL,
  mem_peak INTEGER,
  pids_peak INTEGER,
  output_bytes INTEGER,
  error TEXT
);
CREATE INDEX IF NOT EXISTS sandbox_runs_user ON sandbox_runs(user_id, created_at);
`;

export function createSandboxService(config: Config, logger: Logger, db: Database.Database, deps: SandboxDeps = {}): SandboxService {
  const cfg = config.sandbox;
  const log = logger.child({ mod: 'sandbox' });
  const instance = randomUUID().slice(0, 8);
  let docker: Docker | null = null;
  let dockerInitError: string | null = null;
  try {
    docker = deps.docker ?? new Docker();
  } catch (err) {
    dockerInitError = err instanceof Error ? err.message : String(err);
    log.error({ err }, 'sandbox: cannot create a Docker client (check DOCKER_HOST)');
  }
  db.exec(SCHEMA);
  const insert = db.prepare(
    `INSERT INTO sandbox_runs (created_at, user_id, user_name, guild_id, channel_id, kind, preset, command, image, limits_json, outcome, error)
     VALUES (@created_at, @user_id, @user_name, @guild_id, @channel_id, @kind, @preset, @command, @image, @limits_json, @outcome, @error)`,
  );
  const finish = db.prepare(
    `UPDATE sandbox_runs SET finished_at=@finished_at, outcome=@outcome, exit_code=@exit_code, duration_ms=@duration_ms, cpu_avg=@cpu_avg,
       cpu_peak=@cpu_peak, mem_peak=@mem_peak, pids_peak=@pids_peak, output_bytes=@output_bytes, error=@error WHERE id=@id`,
  );
  const slots = new Slots(cfg.maxConcurrent);
  const busyUsers = new Set<string>();
  /** Jobs accepted and not finished (checking Docker, queued or running): bounds the queue without races. */
  let admitted = 0;
  const active = new Set<string>();
  let hostCpus: number | undefined;
  let cgroupVersion = 'unknown';

  function record(
    base: SandboxRequestBase,
    kind: 'run' | 'compare',
    fields: { preset?: string | null; command?: string | null; image?: string | null; limits?: unknown; outcome: string; error?: string | null },
  ): number {
    try {
      const info = insert.run({
        created_at: new Date().toISOString(),
        user_id: base.user.id,
        user_name: base.user.name,
        guild_id: base.guildId,
        channel_id: base.channelId,
        kind,
        preset: fields.preset ?? null,
        command: fields.command ?? null,
        image: fields.image ?? null,
        limits_json: fields.limits === undefined ? null : JSON.stringify(fields.limits),
        outcome: fields.outcome,
        error: fields.error ?? null,
      });
      return Number(info.lastInsertRowid);
    } catch (err) {
      log.error({ err }, 'sandbox: could not record the run');
      return -1;
    }
  }

  function recordFinish(id: number, outcome: string, r: RunResult | null, error?: string): void {
    if (id < 0) return;
    try {
      finish.run({
        id,
        finished_at: new Date().toISOString(),
        outcome,
        exit_code: r?.exitCode ?? null,
        duration_ms: r?.durationMs ?? null,
        cpu_avg: r?.summary.cpuAvg ?? null,
        cpu_peak: r?.summary.cpuPeak ?? null,
        mem_peak: r?.summary.memPeak ?? null,
        pids_peak: r?.summary.pidsPeak ?? null,
        output_bytes: r?.output.bytes ?? null,
        error: error ?? null,
      });
    } catch (err) {
      log.error({ err }, 'sandbox: could not record the run result');
    }
  }

  function reject(base: SandboxRequestBase, kind: 'run' | 'compare', error: SandboxError, extra: { preset?: string | null; command?: string | null; image?: string | null } = {}) {
    const runId = error.code === 'disabled' ? undefined : record(base, kind, { ...extra, outcome: `rejected:${error.code}`, error: error.detail ?? (error.violations ? JSON.stringify(error.violations) : null) });
    log.info({ user: base.user.id, channel: base.channelId, code: error.code, detail: error.detail }, 'sandbox: request refused');
    return { ok: false as const, error, runId };
  }

  async function check(image = cfg.image): Promise<{ ok: true; hostCpus: number; cgroupVersion: string } | { ok: false; error: SandboxError }> {
    if (!docker) return { ok: false, error: { code: 'docker-unavailable', detail: dockerInitError ?? 'no Docker client' } };
    try {
      await withTimeout(docker.ping(), PING_TIMEOUT_MS, 'docker ping');
      if (hostCpus === undefined) {
        const info = (await withTimeout(docker.info(), PING_TIMEOUT_MS, 'docker info')) as { NCPU?: number; CgroupVersion?: string };
        hostCpus = info.NCPU;
        cgroupVersion = info.CgroupVersion ?? 'unknown';
      }
    } catch (err) {
      const e = classifyDockerError(err);
      const error: SandboxError = e.code === 'internal' ? { code: 'docker-unavailable', detail: e.detail } : e;
      log.error({ err: error.detail }, 'sandbox: Docker daemon unreachable');
      return { ok: false, error };
    }
    try {
      await withTimeout(docker.getImage(image).inspect(), PING_TIMEOUT_MS, 'image inspect');
    } catch (err) {
      const e = classifyDockerError(err);
      const error: SandboxError = (err as { statusCode?: number }).statusCode === 404 ? { code: 'image-missing', detail: image } : e;
      log.error({ image, err: error.detail }, 'sandbox: image not available');
      return { ok: false, error };
    }
    return { ok: true, hostCpus: hostCpus ?? 0, cgroupVersion };
  }

  async function run(req: RunRequest, hooks: JobHooks = {}): Promise<Result<RunReport>> {
    const t0 = performance.now();
    if (!cfg.enabled) return { ok: false, error: { code: 'disabled' } };
    const command = req.command?.trim() ? req.command : undefined;
    const presetName = command ? null : (req.preset ?? 'hello');
    const image = req.image ?? cfg.image;
    const meta = { preset: presetName, command: command ?? null, image };
    const denial = checkAccess(cfg, { userId: req.user.id, roleIds: req.user.roleIds, channelId: req.channelId }, !!command);
    if (denial) return reject(req, 'run', { code: denial }, meta);
    if (!imageAllowed(cfg, image)) return reject(req, 'run', { code: 'image-not-allowed', detail: image }, meta);
    if (command) {
      const bad = validateCommand(command);
      if (bad) return reject(req, 'run', { code: 'invalid', violations: [bad] }, meta);
    } else if (!isPreset(presetName!)) {
      return reject(req, 'run', { code: 'invalid', violations: [{ option: 'preset', value: String(presetName), reason: 'unknown-preset' }] }, meta);
    }
    const lim = resolveLimits(cfg, req.options ?? {}, hostCpus);
    if (!lim.ok) return reject(req, 'run', { code: 'invalid', violations: lim.violations }, meta);
    const limits = lim.value;
    if (busyUsers.has(req.user.id)) return reject(req, 'run', { code: 'busy-user' }, meta);
    if (admitted >= cfg.maxConcurrent + cfg.queueMax) return reject(req, 'run', { code: 'queue-full' }, meta);
    busyUsers.add(req.user.id);
    admitted++;
    let release: (() => void) | undefined;
    let runId = -1;
    try {
      const ok = await check(image);
      if (!ok.ok) return reject(req, 'run', ok.error, meta);
      // hostCpus may have just become known: re-check --cpus against it.
      const lim2 = resolveLimits(cfg, req.options ?? {}, hostCpus);
      if (!lim2.ok) return reject(req, 'run', { code: 'invalid', violations: lim2.violations }, meta);
      release = await slots.acquire(1, hooks.onQueued);
      runId = record(req, 'run', { ...meta, limits, outcome: 'running' });
      const script = command ?? presetScript(presetName as PresetName, limits);
      let cid = '';
      const result = await runContainer(
        docker!,
        {
          image,
          cmd: ['sh', '-c', script],
          limits,
          labels: { [LABEL_USER]: req.user.id, [LABEL_KIND]: 'run', [LABEL_INSTANCE]: instance },
        },
        {
          onCreated: (id) => {
            cid = id;
            active.add(id);
          },
          onStarted: (i) => hooks.onStarted?.({ limits, msSinceCall: Math.round(performance.now() - t0) || i.msSinceCall }),
          onSample: (s) => hooks.onSample?.(s),
        },
        log,
      ).finally(() => active.delete(cid));
      let chart: Buffer | null = null;
      if (deps.charts !== false) {
        try {
          chart = await renderChart({
            title: `${presetName ?? 'custom command'} · --cpus ${limits.cpus ?? '-'} · --memory ${limits.memoryMb}m · --pids-limit ${limits.pidsLimit}`,
            series: [{ label: presetName ?? 'command', samples: result.samples }],
            cpus: limits.cpus,
            memoryLimitBytes: limits.memoryMb * 1024 * 1024,
            note: result.samples.length === 0 ? 'no stats samples: the container ended before the first reading (about one a second)' : undefined,
          });
        } catch (err) {
          log.warn({ err }, 'sandbox: chart rendering failed');
        }
      }
      recordFinish(runId, result.outcome, result);
      log.info({ runId, user: req.user.id, preset: presetName, outcome: result.outcome, exitCode: result.exitCode, ms: result.durationMs }, 'sandbox: run finished');
      return { ok: true, report: { runId, kind: 'run', preset: presetName as PresetName | null, command: command ?? null, image, result, chart, totalMs: Math.round(performance.now() - t0) } };
    } catch (err) {
      const error = classifyDockerError(err);
      log.error({ err, runId }, 'sandbox: run failed');
      if (runId >= 0) recordFinish(runId, `error:${error.code}`, null, error.detail);
      else record(req, 'run', { ...meta, limits, outcome: `error:${error.code}`, error: error.detail });
      return { ok: false, error, runId: runId >= 0 ? runId : undefined };
    } finally {
      release?.();
      busyUsers.delete(req.user.id);
      admitted--;
    }
  }

  async function compare(req: CompareRequest, hooks: JobHooks = {}): Promise<Result<CompareReport>> {
    const t0 = performance.now();
    if (!cfg.enabled) return { ok: false, error: { code: 'disabled' } };
    const meta = { preset: 'cpu-burn', command: null, image: cfg.image };
    const denial = checkAccess(cfg, { userId: req.user.id, roleIds: req.user.roleIds, channelId: req.channelId }, false);
    if (denial) return reject(req, 'compare', { code: denial }, meta);
    const violations: LimitViolation[] = [];
    const sharesA = req.sharesA ?? 1024;
    const sharesB = req.sharesB ?? 512;
    for (const [option, v] of [['cpu_shares', sharesA], ['cpu_shares', sharesB]] as const) {
      if (!Number.isInteger(v) || v < cfg.cpuShares.min || v > cfg.cpuShares.max)
        violations.push({ option, value: String(v), min: cfg.cpuShares.min, max: cfg.cpuShares.max });
    }
    const seconds = req.seconds ?? cfg.compareSeconds;
    const maxSeconds = Math.max(cfg.compareSeconds, cfg.timeoutSeconds.max);
    if (!Number.isInteger(seconds) || seconds < 3 || seconds > maxSeconds) violations.push({ option: 'timeout', value: String(seconds), min: 3, max: maxSeconds, unit: 's' });
    const lim = resolveLimits(cfg, { memory: req.memory, timeout: Math.min(seconds, cfg.timeoutSeconds.max) }, hostCpus);
    if (!lim.ok) violations.push(...lim.violations);
    if (violations.length || !lim.ok) return reject(req, 'compare', { code: 'invalid', violations }, meta);
    if (busyUsers.has(req.user.id)) return reject(req, 'compare', { code: 'busy-user' }, meta);
    if (admitted >= cfg.maxConcurrent + cfg.queueMax) return reject(req, 'compare', { code: 'queue-full' }, meta);
    const cpuset = '0';
    const base: SandboxLimits = { ...lim.value, cpus: null, cpusetCpus: cpuset, timeoutSeconds: seconds };
    const limitsA = { ...base, cpuShares: sharesA };
    const limitsB = { ...base, cpuShares: sharesB };
    busyUsers.add(req.user.id);
    admitted++;
    let release: (() => void) | undefined;
    let runId = -1;
    try {
      const ok = await check(cfg.image);
      if (!ok.ok) return reject(req, 'compare', ok.error, meta);
      release = await slots.acquire(2, hooks.onQueued);
      runId = record(req, 'compare', { ...meta, limits: { a: limitsA, b: limitsB }, outcome: 'running' });
      const script = presetScript('cpu-burn', base);
      const ids: string[] = [];
      let started = 0;
      const one = (limits: SandboxLimits, which: 'a' | 'b') =>
        runContainer(
          docker!,
          { image: cfg.image, cmd: ['sh', '-c', script], limits, labels: { [LABEL_USER]: req.user.id, [LABEL_KIND]: 'compare', [LABEL_INSTANCE]: instance } },
          {
            onCreated: (id) => {
              ids.push(id);
              active.add(id);
            },
            onStarted: () => {
              if (++started === 1) hooks.onStarted?.({ limits: base, msSinceCall: Math.round(performance.now() - t0) });
            },
            onSample: (s) => hooks.onSample?.(s, which),
          },
          log,
        );
      const settled = await Promise.allSettled([one(limitsA, 'a'), one(limitsB, 'b')]);
      ids.forEach((id) => active.delete(id));
      const failed = settled.find((s) => s.status === 'rejected');
      if (failed) throw (failed as PromiseRejectedResult).reason;
      const a = (settled[0] as PromiseFulfilledResult<RunResult>).value;
      const b = (settled[1] as PromiseFulfilledResult<RunResult>).value;
      const ta = a.summary.cpuAvg;
      const tb = b.summary.cpuAvg;
      const measuredA = ta !== null && tb !== null && ta + tb > 0 ? ta / (ta + tb) : null;
      let chart: Buffer | null = null;
      if (deps.charts !== false) {
        try {
          chart = await renderChart({
            title: `compare · cpuset ${cpuset} · --cpu-shares ${sharesA} vs ${sharesB}`,
            series: [
              { label: `A (${sharesA})`, samples: a.samples },
              { label: `B (${sharesB})`, samples: b.samples },
            ],
            cpus: null,
            memoryLimitBytes: null,
            cpuLines: [
              { label: `A expected ${((sharesA / (sharesA + sharesB)) * 100).toFixed(1)} %`, y: (sharesA / (sharesA + sharesB)) * 100 },
              { label: `B expected ${((sharesB / (sharesA + sharesB)) * 100).toFixed(1)} %`, y: (sharesB / (sharesA + sharesB)) * 100 },
            ],
          });
        } catch (err) {
          log.warn({ err }, 'sandbox: chart rendering failed');
        }
      }
      const outcome = measuredA === null ? 'compare:no-data' : `compare:${(measuredA * 100).toFixed(0)}/${((1 - measuredA) * 100).toFixed(0)}`;
      recordFinish(runId, outcome, a);
      return {
        ok: true,
        report: { runId, kind: 'compare', a, b, sharesA, sharesB, cpuset, seconds, expectedA: sharesA / (sharesA + sharesB), measuredA, chart, totalMs: Math.round(performance.now() - t0) },
      };
    } catch (err) {
      const error = classifyDockerError(err);
      log.error({ err, runId }, 'sandbox: compare failed');
      if (runId >= 0) recordFinish(runId, `error:${error.code}`, null, error.detail);
      return { ok: false, error, runId: runId >= 0 ? runId : undefined };
    } finally {
      release?.();
      busyUsers.delete(req.user.id);
      admitted--;
    }
  }

  async function reap(): Promise<number> {
    if (!docker) return 0;
    let removed = 0;
    try {
      const list = await withTimeout(docker.listContainers({ all: true, filters: { label: [LABEL] } }), 10_000, 'list containers');
      const now = Date.now();
      for (const c of list) {
        const deadline = Number(c.Labels?.[LABEL_DEADLINE] ?? 0);
        const ours = c.Labels?.[LABEL_INSTANCE] === instance;
        const expired = !deadline || now > deadline;
        const leftover = ours && !active.has(c.Id) && c.State !== 'running' && c.State !== 'created';
        if ((expired || leftover) && (!active.has(c.Id) || expired)) {
          if (await removeContainer(docker, c.Id, log)) {
            removed++;
            log.warn({ containerId: c.Id.slice(0, 12), state: c.State, labels: c.Labels }, 'sandbox: reaper removed a leftover container');
          }
        }
      }
    } catch (err) {
      log.debug({ err }, 'sandbox: reaper could not list containers');
    }
    return removed;
  }

  let timer: NodeJS.Timeout | undefined;
  if (cfg.enabled && deps.warmup !== false && docker) {
    // Learn the host CPUs and load the chart library now, so the first run reports as fast as the rest.
    void check().then((r) => {
      if (!r.ok) log.warn({ code: r.error.code, detail: r.error.detail }, 'sandbox: not usable yet');
    });
    if (deps.charts !== false) void renderChart({ title: 'warm-up', series: [], cpus: 1, memoryLimitBytes: null }).catch(() => undefined);
  }
  if (cfg.enabled && deps.reaper !== false && docker) {
    void reap();
    timer = setInterval(() => void reap(), cfg.reaperSeconds * 1000);
    timer.unref();
  }

  return {
    enabled: cfg.enabled,
    config: cfg,
    check: () => (cfg.enabled ? check() : Promise.resolve({ ok: false as const, error: { code: 'disabled' as const } })),
    run,
    compare,
    reap,
    stats: () => ({ running: slots.running, queued: slots.queued }),
    close: async () => {
      if (timer) clearInterval(timer);
      // On shutdown, containers still running are removed now (their runs then report an error).
      if (docker) await Promise.all([...active].map((id) => removeContainer(docker!, id, log)));
    },
  };
}
