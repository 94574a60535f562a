// The sandbox service the command layer uses. It composes admission (synchronous: allowed, or a
// typed refusal), the FIFO slot semaphore with the host CPU budget, the run store, the job that
// runs the containers, and the reaper. It never throws to its callers: every failure (Docker
// missing, down or hung, image missing, bad option) comes back as a SandboxError.
import Docker from 'dockerode';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Config } from '../config.js';
import {
  checkCompare,
  checkRun,
  Gate,
  needOf,
  type CompareRequest,
  type ComparePlan,
  type RequestMeta,
  type RunPlan,
  type RunRequest,
  type SandboxRequestBase,
} from './admission.js';
import { Engine } from './engine.js';
import { classifyDockerError, type SandboxError } from './errors.js';
import { HostProbe, type HostCheck } from './host-check.js';
import { compareJob, runJob, type JobContext, type JobHooks } from './job.js';
import type { PresetName, SandboxConfig } from './policy.js';
import { reap } from './reaper.js';
import { removeContainer, type RunResult } from './runner.js';
import { Slots, type Ticket } from './slots.js';
import { createRunStore, type RunStore } from './store.js';

export type { SandboxError, SandboxErrorCode } from './errors.js';
export { classifyDockerError } from './errors.js';
export type { CompareRequest, RunRequest, SandboxRequestBase, SandboxUser } from './admission.js';
export type { JobHooks } from './job.js';

export interface RunReport {
  runId: number;
  kind: 'run';
  preset: PresetName | null;
  command: string | null;
  image: string;
  result: RunResult;
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
  totalMs: number;
}

export type Result<T> = { ok: true; report: T } | { ok: false; error: SandboxError; runId?: number };

/** The answer of admission, before any await: refused (with the reason) or a job to start. */
export type Admission<T> = { ok: true; start(hooks?: JobHooks): Promise<Result<T>> } | { ok: false; error: SandboxError; runId?: number };

export interface SandboxService {
  readonly enabled: boolean;
  readonly config: SandboxConfig;
  /** Daemon reachable and image present? */
  check(): Promise<HostCheck>;
  admitRun(req: RunRequest): Admission<RunReport>;
  admitCompare(req: CompareRequest): Admission<CompareReport>;
  /** admitRun, then start. */
  run(req: RunRequest, hooks?: JobHooks): Promise<Result<RunReport>>;
  compare(req: CompareRequest, hooks?: JobHooks): Promise<Result<CompareReport>>;
  /** Remove this bot's leftover containers; returns how many. */
  reap(): Promise<number>;
  /** Jobs running / waiting now. */
  stats(): { running: number; queued: number };
  /** The CPU budget (sum of --cpus of running jobs). */
  cpuBudget(): number;
  /** Stop the reaper and remove any container still running (call on shutdown). */
  close(): Promise<void>;
}

export interface SandboxDeps {
  /** A dockerode client; default `new Docker()` (honours DOCKER_HOST). */
  docker?: Docker;
  /** Start the periodic reaper (and one sweep now). Default true. */
  reaper?: boolean;
  /** Check Docker at creation to learn the host CPUs (default true). */
  warmup?: boolean;
}

/** The CPU budget: configured, else the host's CPUs minus one for the bot and the engine (at least 0.5). */
export function cpuBudgetFor(cfg: SandboxConfig, hostCpus: number): number {
  return cfg.cpuBudget > 0 ? cfg.cpuBudget : Math.max(0.5, hostCpus - 1);
}

function dockerClient(deps: SandboxDeps, log: Logger): { docker: Docker | null; error: string | null } {
  try {
    return { docker: deps.docker ?? new Docker(), error: null };
  } catch (err) {
    log.error({ err }, 'sandbox: cannot create a Docker client (check DOCKER_HOST)');
    return { docker: null, error: err instanceof Error ? err.message : String(err) };
  }
}

type Execute<P, T> = (plan: P, ctx: JobContext, hooks: JobHooks, runId: number) => Promise<T>;

/** What admission needs from the service: the run records, the host check and a job's context. */
interface AdmitDeps {
  store: RunStore;
  log: Logger;
  check(image?: string): Promise<HostCheck>;
  jobContext(userId: string, t0: number): JobContext;
}

function refuseRequest(deps: AdmitDeps, base: SandboxRequestBase, kind: 'run' | 'compare', error: SandboxError, meta: RequestMeta) {
  const detail = error.detail ?? (error.violations ? JSON.stringify(error.violations) : null);
  const runId =
    error.code === 'disabled' ? undefined : deps.store.record({ ...base, kind, ...meta, outcome: `rejected:${error.code}`, error: detail });
  deps.log.info({ user: base.user.id, channel: base.channelId, code: error.code, detail: error.detail }, 'sandbox: request refused');
  return { ok: false as const, error, runId };
}

interface Admitted<P extends RunPlan | ComparePlan, T> {
  base: SandboxRequestBase;
  plan: P;
  meta: RequestMeta;
  execute: Execute<P, T>;
  entry: { ticket: Ticket; leave: () => void };
  t0: number;
}

/** An admitted job: the engine checked, its turn in the queue, a record, the job, and its place given back. */
async function startAdmitted<P extends RunPlan | ComparePlan, T>(
  deps: AdmitDeps,
  job: Admitted<P, T>,
  hooks: JobHooks,
): Promise<Result<T>> {
  const { base, plan, meta, entry } = job;
  const limits = plan.kind === 'run' ? plan.limits : { a: plan.a, b: plan.b };
  let runId = -1;
  try {
    const ok = await deps.check(meta.image);
    if (!ok.ok) return refuseRequest(deps, base, plan.kind, ok.error, meta);
    if (hooks.onQueued) entry.ticket.onPosition((position) => hooks.onQueued?.(position));
    await entry.ticket.granted;
    runId = deps.store.record({ ...base, kind: plan.kind, ...meta, limits, outcome: 'running' });
    return { ok: true, report: await job.execute(plan, deps.jobContext(base.user.id, job.t0), hooks, runId) };
  } catch (err) {
    const error = classifyDockerError(err);
    deps.log.error({ err, runId }, `sandbox: ${plan.kind} failed`);
    if (runId >= 0) deps.store.finish(runId, `error:${error.code}`, null, error.detail);
    else deps.store.record({ ...base, kind: plan.kind, ...meta, limits, outcome: `error:${error.code}`, error: error.detail });
    return { ok: false, error, runId: runId >= 0 ? runId : undefined };
  } finally {
    entry.leave();
  }
}

/** One admitted run: the container, its record finished, its report. */
async function executeRun(store: RunStore, plan: RunPlan, ctx: JobContext, hooks: JobHooks, runId: number): Promise<RunReport> {
  const result = await runJob(ctx, plan, hooks);
  store.finish(runId, result.outcome, result);
  ctx.log.info(
    { runId, user: ctx.userId, preset: plan.preset, outcome: result.outcome, exitCode: result.exitCode, ms: result.durationMs },
    'sandbox: run finished',
  );
  return {
    runId,
    kind: 'run',
    preset: plan.preset,
    command: plan.command,
    image: plan.image,
    result,
    totalMs: Math.round(performance.now() - ctx.t0),
  };
}

/** One admitted compare: both containers, the measured split recorded, its report. */
async function executeCompare(store: RunStore, plan: ComparePlan, ctx: JobContext, hooks: JobHooks, runId: number): Promise<CompareReport> {
  const { a, b, measuredA } = await compareJob(ctx, plan, hooks);
  const outcome = measuredA === null ? 'compare:no-data' : `compare:${(measuredA * 100).toFixed(0)}/${((1 - measuredA) * 100).toFixed(0)}`;
  store.finish(runId, outcome, a);
  const expectedA = plan.sharesA / (plan.sharesA + plan.sharesB);
  const { sharesA, sharesB, cpuset, seconds } = plan;
  return {
    runId,
    kind: 'compare',
    a,
    b,
    sharesA,
    sharesB,
    cpuset,
    seconds,
    expectedA,
    measuredA,
    totalMs: Math.round(performance.now() - ctx.t0),
  };
}

/**
 * With the sandbox on: learn the host CPUs now, and remove leftovers of a previous process at once, then every
 * SANDBOX_REAPER_SECONDS. Returns the reaper's timer.
 */
function warmUp(cfg: SandboxConfig, deps: SandboxDeps, check: () => Promise<HostCheck>, sweep: () => Promise<number>, log: Logger) {
  if (deps.warmup !== false) {
    void check().then((r) => (r.ok ? undefined : log.warn({ code: r.error.code, detail: r.error.detail }, 'sandbox: not usable yet')));
  }
  if (deps.reaper === false) return undefined;
  void sweep();
  const timer = setInterval(() => void sweep(), cfg.reaperSeconds * 1000);
  timer.unref();
  return timer;
}

export function createSandboxService(config: Config, logger: Logger, db: Database.Database, deps: SandboxDeps = {}): SandboxService {
  const cfg = config.sandbox;
  const log = logger.child({ mod: 'sandbox' });
  const instance = randomUUID().slice(0, 8);
  const client = dockerClient(deps, log);
  const engine = client.docker ? new Engine(client.docker, cfg.dockerTimeoutMs) : null;
  const store = createRunStore(db, log);
  if (cfg.enabled) store.markInterrupted();
  const slots = new Slots({ jobs: cfg.maxConcurrent, cpus: cpuBudgetFor(cfg, availableParallelism()) });
  const probe = new HostProbe(engine, client.error, cfg, log, (hostCpus) =>
    slots.resize({ jobs: cfg.maxConcurrent, cpus: cpuBudgetFor(cfg, hostCpus) }),
  );
  const check = (image?: string) => probe.check(image);
  const gate = new Gate(slots, cfg.maxConcurrent + cfg.queueMax);
  const active = new Set<string>();
  const reaperOptions = { botId: cfg.botId, instance, active };

  const jobContext = (userId: string, t0: number): JobContext => {
    const { botId, deadlineGraceSeconds } = cfg;
    return { engine: engine!, botId, instance, deadlineGraceSeconds, active, log, userId, t0 };
  };
  const admitting: AdmitDeps = { store, log, check, jobContext };
  const refuse = (base: SandboxRequestBase, kind: 'run' | 'compare', error: SandboxError, meta: RequestMeta) =>
    refuseRequest(admitting, base, kind, error, meta);

  /** Admission shared by run and compare, once the request is valid: the user and queue reservation. */
  function admit<P extends RunPlan | ComparePlan, T>(
    base: SandboxRequestBase,
    plan: P,
    meta: RequestMeta,
    execute: Execute<P, T>,
  ): Admission<T> {
    const t0 = performance.now();
    const entry = gate.enter(base.user.id, needOf(plan));
    if (!entry.ok) return refuse(base, plan.kind, entry.error, meta);
    return { ok: true, start: (hooks: JobHooks = {}) => startAdmitted(admitting, { base, plan, meta, execute, entry, t0 }, hooks) };
  }

  function admitRun(req: RunRequest): Admission<RunReport> {
    if (!cfg.enabled) return { ok: false, error: { code: 'disabled' } };
    const checked = checkRun(policyConfig(), req, slotsBudget());
    if (!checked.ok) return refuse(req, 'run', checked.error, checked.meta);
    return admit(req, checked.plan, checked.meta, (plan, ctx, hooks, runId) => executeRun(store, plan, ctx, hooks, runId));
  }

  function admitCompare(req: CompareRequest): Admission<CompareReport> {
    if (!cfg.enabled) return { ok: false, error: { code: 'disabled' } };
    const checked = checkCompare(policyConfig(), req, slotsBudget());
    if (!checked.ok) return refuse(req, 'compare', checked.error, checked.meta);
    return admit(req, checked.plan, checked.meta, (plan, ctx, hooks, runId) => executeCompare(store, plan, ctx, hooks, runId));
  }

  const slotsBudget = () => cpuBudgetFor(cfg, probe.hostCpus);
  // The runtime's rules apply also when it is the engine's default (gVisor made default, SANDBOX_RUNTIME unset).
  const policyConfig = (): SandboxConfig =>
    cfg.runtime || !probe.defaultRuntime || probe.defaultRuntime === 'runc' ? cfg : { ...cfg, runtime: probe.defaultRuntime };
  const sweep = () => (engine ? reap(engine, reaperOptions, log) : Promise.resolve(0));

  const timer = cfg.enabled && engine ? warmUp(cfg, deps, check, sweep, log) : undefined;

  const started = <T>(a: Admission<T>, hooks?: JobHooks): Promise<Result<T>> =>
    a.ok ? a.start(hooks) : Promise.resolve({ ok: false, error: a.error, runId: a.runId });

  return {
    enabled: cfg.enabled,
    config: cfg,
    check: () => (cfg.enabled ? check() : Promise.resolve({ ok: false as const, error: { code: 'disabled' as const } })),
    admitRun,
    admitCompare,
    run: (req, hooks) => started(admitRun(req), hooks),
    compare: (req, hooks) => started(admitCompare(req), hooks),
    reap: sweep,
    stats: () => ({ running: slots.running, queued: slots.queued }),
    cpuBudget: slotsBudget,
    close: async () => {
      if (timer) clearInterval(timer);
      // On shutdown, containers still running are removed now (their runs then report an error).
      if (engine) await Promise.all([...active].map((id) => removeContainer(engine, id, log, 1)));
    },
  };
}
