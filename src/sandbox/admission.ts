// Admission: decides synchronously whether a request may run (access, image, options, one job per
// user, queue room) and, when it may, reserves the user and a place in the FIFO queue at once, so
// the front end knows before any await whether to refuse privately or to show the job publicly.
import type { SandboxError } from './errors.js';
import {
  checkAccess,
  imageAllowed,
  isPreset,
  resolveLimits,
  validateCommand,
  type LimitOptions,
  type LimitViolation,
  type PresetName,
  type SandboxConfig,
  type SandboxLimits,
} from './policy.js';
import type { Need, Slots, Ticket } from './slots.js';

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

export interface RunPlan {
  kind: 'run';
  preset: PresetName | null;
  command: string | null;
  image: string;
  limits: SandboxLimits;
}

export interface ComparePlan {
  kind: 'compare';
  image: string;
  sharesA: number;
  sharesB: number;
  seconds: number;
  cpuset: string;
  /** Limits of each side (cpuShares differ). */
  a: SandboxLimits;
  b: SandboxLimits;
}

/** What is recorded about a request even when it is refused. */
export interface RequestMeta {
  preset: string | null;
  command: string | null;
  image: string;
}

export type Checked<P> = { ok: true; plan: P; meta: RequestMeta } | { ok: false; error: SandboxError; meta: RequestMeta };

const invalid = (violations: LimitViolation[]): SandboxError => ({ code: 'invalid', violations });

/** Validate a run: access, image, command or preset, limits (--cpus bounded by the CPU budget). */
export function checkRun(cfg: SandboxConfig, req: RunRequest, cpuBudget: number): Checked<RunPlan> {
  const command = req.command?.trim() ? req.command : undefined;
  const preset = command ? null : (req.preset ?? 'hello');
  const image = req.image ?? cfg.image;
  const meta: RequestMeta = { preset, command: command ?? null, image };
  const refuse = (error: SandboxError): Checked<RunPlan> => ({ ok: false, error, meta });
  const denial = checkAccess(cfg, { userId: req.user.id, roleIds: req.user.roleIds, channelId: req.channelId }, !!command);
  if (denial) return refuse({ code: denial });
  if (!imageAllowed(cfg, image)) return refuse({ code: 'image-not-allowed', detail: image });
  if (command) {
    const bad = validateCommand(command);
    if (bad) return refuse(invalid([bad]));
  } else if (!isPreset(preset!)) {
    return refuse(invalid([{ option: 'preset', value: String(preset), reason: 'unknown-preset' }]));
  }
  const lim = resolveLimits(cfg, req.options ?? {}, cpuBudget);
  if (!lim.ok) return refuse(invalid(lim.violations));
  return { ok: true, meta, plan: { kind: 'run', preset: preset as PresetName | null, command: command ?? null, image, limits: lim.value } };
}

/** Validate a compare: two cpu-burns on one CPU, each capped so the pair fits the CPU budget. */
export function checkCompare(cfg: SandboxConfig, req: CompareRequest, cpuBudget: number): Checked<ComparePlan> {
  const meta: RequestMeta = { preset: 'cpu-burn', command: null, image: cfg.image };
  const denial = checkAccess(cfg, { userId: req.user.id, roleIds: req.user.roleIds, channelId: req.channelId }, false);
  if (denial) return { ok: false, error: { code: denial }, meta };
  const violations: LimitViolation[] = [];
  const sharesA = req.sharesA ?? 1024;
  const sharesB = req.sharesB ?? 512;
  for (const v of [sharesA, sharesB]) {
    if (!Number.isInteger(v) || v < cfg.cpuShares.min || v > cfg.cpuShares.max)
      violations.push({ option: 'cpu_shares', value: String(v), min: cfg.cpuShares.min, max: cfg.cpuShares.max });
  }
  const seconds = req.seconds ?? cfg.compareSeconds;
  const maxSeconds = Math.max(cfg.compareSeconds, cfg.timeoutSeconds.max);
  if (!Number.isInteger(seconds) || seconds < 3 || seconds > maxSeconds)
    violations.push({ option: 'timeout', value: String(seconds), min: 3, max: maxSeconds, unit: 's' });
  const lim = resolveLimits(cfg, { memory: req.memory, timeout: Math.min(seconds, cfg.timeoutSeconds.max) });
  if (!lim.ok) violations.push(...lim.violations);
  if (violations.length || !lim.ok) return { ok: false, error: invalid(violations), meta };
  // Both sides share one CPU (so --cpu-shares decide the split); each is capped at the pair's share of the budget.
  const pairCpus = Math.min(1, cpuBudget);
  const base: SandboxLimits = { ...lim.value, cpus: pairCpus, cpusetCpus: '0', timeoutSeconds: seconds };
  return {
    ok: true,
    meta,
    plan: {
      kind: 'compare',
      image: cfg.image,
      sharesA,
      sharesB,
      seconds,
      cpuset: '0',
      a: { ...base, cpuShares: sharesA },
      b: { ...base, cpuShares: sharesB },
    },
  };
}

/** What a plan holds while it runs: one job slot per container, and its --cpus from the budget. */
export function needOf(plan: RunPlan | ComparePlan): Need {
  if (plan.kind === 'compare') return { jobs: 2, cpus: plan.a.cpus ?? 1 };
  return { jobs: 1, cpus: plan.limits.cpus ?? 1 };
}

/** One job per user and a bounded queue; a ticket in the FIFO queue from the moment of admission. */
export class Gate {
  private readonly busyUsers = new Set<string>();
  private admitted = 0;
  constructor(
    private readonly slots: Slots,
    private readonly maxAdmitted: number,
  ) {}

  /** Reserve the user and a place in the queue, or say why not. `leave` undoes it. */
  enter(userId: string, need: Need): { ok: true; ticket: Ticket; leave: () => void } | { ok: false; error: SandboxError } {
    if (this.busyUsers.has(userId)) return { ok: false, error: { code: 'busy-user' } };
    if (this.admitted >= this.maxAdmitted) return { ok: false, error: { code: 'queue-full' } };
    this.busyUsers.add(userId);
    this.admitted++;
    const ticket = this.slots.enqueue(need);
    let left = false;
    return {
      ok: true,
      ticket,
      leave: () => {
        if (left) return;
        left = true;
        ticket.cancel();
        this.busyUsers.delete(userId);
        this.admitted--;
      },
    };
  }
}
