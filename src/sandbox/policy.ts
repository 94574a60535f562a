// What a user may run and with which limits. Every bound comes from config.sandbox (src/config.ts);
// an out-of-range option is reported back and no container is created.
import type { Config } from '../config.js';

export type SandboxConfig = Config['sandbox'];

export const PRESET_NAMES = ['hello', 'cpu-burn', 'memory-hog', 'fork-bomb', 'disk-write', 'sleep', 'output-flood'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export interface Preset {
  name: PresetName;
  /** The shell script run by busybox sh -c. */
  script: string;
  en: string;
  ko: string;
}

// Every preset is plain busybox: the image has nothing else.
export const PRESETS: Record<PresetName, Preset> = {
  hello: {
    name: 'hello',
    script: 'echo "Hello from the study sandbox!"; id; uname -sr; echo "network interfaces: $(ls /sys/class/net | tr "\\n" " ")"',
    en: 'Prints a greeting, the user and the kernel, then exits.',
    ko: '인사말, 사용자, 커널 정보를 출력하고 끝납니다.',
  },
  'cpu-burn': {
    name: 'cpu-burn',
    script: 'echo "burning one CPU until the timeout"; while :; do :; done',
    en: 'A busy loop on one CPU until the timeout: watch --cpus cap it.',
    ko: '타임아웃까지 CPU 하나를 쓰는 무한 루프: --cpus 제한을 확인하세요.',
  },
  'memory-hog': {
    name: 'memory-hog',
    // awk keeps 1 MiB strings in an array (anonymous memory) until the OOM killer stops it; the pace
    // (usleep between blocks, see presetScript) makes it reach the limit in about 4 s.
    script:
      'echo "allocating 1 MiB blocks until the memory limit"; ' +
      'awk \'BEGIN { c = sprintf("%1048576s", ""); while (1) { a[i++] = c ""; if (i % 8 == 0) printf "%d MiB\\n", i; system("usleep @PACE_US@") } }\'',
    en: 'Allocates memory 1 MiB at a time until the memory limit: the OOM killer ends it.',
    ko: '메모리 제한에 닿을 때까지 1 MiB씩 할당합니다: OOM killer가 끝냅니다.',
  },
  'fork-bomb': {
    name: 'fork-bomb',
    // Every process forks two children and forks again when they die (a failed fork ends that shell),
    // so the tree presses on --pids-limit until the timeout; docker-init reaps what dies.
    script:
      'echo "fork bomb: f(){ while :; do f & f & wait; done; }"; f() { while :; do f & f & wait; done; } 2>/dev/null; f & exec sleep 3600',
    en: 'A fork bomb, contained by --pids-limit; ends by the timeout.',
    ko: '포크 폭탄. --pids-limit이 막고, 타임아웃으로 끝납니다.',
  },
  'disk-write': {
    name: 'disk-write',
    script:
      'echo "writing zeros to /tmp (tmpfs) until a limit stops it"; ' +
      'dd if=/dev/zero of=/tmp/fill bs=1M count=4096 2>&1; echo "dd exit code: $?"; ls -l /tmp; df -k /tmp; ' +
      'touch /not-writable 2>&1 || echo "the root file system is read-only"',
    en: 'Writes to the /tmp tmpfs until the file-size ulimit or tmpfs size stops it; the root fs is read-only.',
    ko: '/tmp(tmpfs)에 파일 크기 ulimit이나 tmpfs 크기에 막힐 때까지 씁니다. 루트 파일 시스템은 읽기 전용입니다.',
  },
  sleep: {
    name: 'sleep',
    script: 'echo "sleeping until the timeout"; exec sleep 3600',
    en: "Sleeps (no CPU) until the bot's timeout kills it.",
    ko: 'CPU를 쓰지 않고 봇의 타임아웃이 끝낼 때까지 잡니다.',
  },
  'output-flood': {
    name: 'output-flood',
    script: 'yes "flooding the output"',
    en: 'Prints lines as fast as it can: the output cap stops it.',
    ko: '가능한 한 빠르게 출력합니다: 출력 한도가 멈춥니다.',
  },
};

/** The script of a preset under the given limits. */
export function presetScript(name: PresetName, limits: Pick<SandboxLimits, 'memoryMb'>): string {
  const paceUs = Math.max(1000, Math.round(4_000_000 / Math.max(1, limits.memoryMb)));
  return PRESETS[name].script.replace('@PACE_US@', String(paceUs));
}

export function isPreset(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/** What the user asked for (all optional; absent = the configured default). */
export interface LimitOptions {
  memory?: number; // MiB
  memory_swap?: number; // MiB; 0 = Docker's default (swap = memory, i.e. --memory-swap 2× memory)
  cpus?: number;
  cpu_shares?: number;
  pids_limit?: number;
  timeout?: number; // seconds
}

/** The limits a container gets, resolved and validated. */
export interface SandboxLimits {
  memoryMb: number;
  /** MiB of memory + swap; 'docker-default' leaves MemorySwap unset (Docker then allows swap = memory). */
  memorySwapMb: number | 'docker-default';
  /** null = no CPU quota (compare runs use shares only). */
  cpus: number | null;
  cpuShares: number;
  pidsLimit: number;
  timeoutSeconds: number;
  cpusetCpus?: string;
  tmpfsMb: number;
  nofile: number;
  fsizeMb: number;
  user: string;
  outputMaxBytes: number;
  /** Docker runtime (SANDBOX_RUNTIME); null = the engine default. */
  runtime?: string | null;
}

/** What a runtime changes in the limits a run may have. */
export interface RuntimeRules {
  /** Smallest --pids-limit the runtime starts with. */
  pidsMin: number;
  /** What the README and report say the runtime adds. */
  note: string;
}

// gVisor counts its own host threads (Sentry, Gofer) against --pids-limit: below about 80 the sandbox fails to
// start, and with docker-init and the in-container `timeout` the hello preset's one pipe fails below about 96
// (measured with Debian's runsc 2022-12-19), so the minimum is 128. Its OOM kills the whole sandbox, which the
// outcome rules read as OOM of the main process (exit 137 with State.OOMKilled).
export const RUNTIME_RULES: Record<string, RuntimeRules> = {
  runsc: { pidsMin: 128, note: 'gVisor: a user-space kernel between the container and the host' },
};

/** The --pids-limit bounds under the configured runtime. */
export function pidsBounds(cfg: SandboxConfig): { default: number; min: number; max: number } {
  const min = Math.max(cfg.pids.min, RUNTIME_RULES[cfg.runtime ?? '']?.pidsMin ?? 0);
  return { min, max: Math.max(min, cfg.pids.max), default: Math.max(min, cfg.pids.default) };
}

export interface LimitViolation {
  option: keyof LimitOptions | 'command' | 'image' | 'preset';
  value: string;
  min?: number;
  max?: number;
  unit?: string;
  /** For non-range problems. */
  reason?: 'not-integer' | 'not-number' | 'below-memory' | 'unknown-preset' | 'too-long' | 'empty' | 'not-allowed';
}

export type Validation<T> = { ok: true; value: T } | { ok: false; violations: LimitViolation[] };

function checkRange(
  out: LimitViolation[],
  option: keyof LimitOptions,
  value: number | undefined,
  bounds: { default: number; min: number; max: number },
  integer: boolean,
  unit?: string,
): number {
  if (value === undefined || value === null) return clamp(bounds.default, bounds.min, bounds.max);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    out.push({ option, value: String(value), reason: 'not-number', min: bounds.min, max: bounds.max, unit });
    return bounds.default;
  }
  if (integer && !Number.isInteger(value)) {
    out.push({ option, value: String(value), reason: 'not-integer', min: bounds.min, max: bounds.max, unit });
    return bounds.default;
  }
  if (value < bounds.min || value > bounds.max) out.push({ option, value: String(value), min: bounds.min, max: bounds.max, unit });
  return value;
}

function clamp(v: number, min: number, max: number): number {
  return Math.min(Math.max(v, min), max);
}

/**
 * Resolve the user's options against the configured bounds. `cpuCeiling` (the host's CPU budget for
 * sandbox jobs) further caps --cpus when known.
 */
export function resolveLimits(cfg: SandboxConfig, opts: LimitOptions, cpuCeiling?: number): Validation<SandboxLimits> {
  const v: LimitViolation[] = [];
  const memoryMb = checkRange(v, 'memory', opts.memory, cfg.memoryMb, true, 'MiB');
  let memorySwapMb: number | 'docker-default' = memoryMb;
  if (opts.memory_swap !== undefined && opts.memory_swap !== null) {
    if (opts.memory_swap === 0) memorySwapMb = 'docker-default';
    else {
      const swapMax = cfg.memoryMb.max * 2;
      const s = checkRange(v, 'memory_swap', opts.memory_swap, { default: memoryMb, min: memoryMb, max: swapMax }, true, 'MiB');
      memorySwapMb = s;
      if (Number.isInteger(s) && s < memoryMb && !v.some((x) => x.option === 'memory_swap'))
        v.push({ option: 'memory_swap', value: String(s), reason: 'below-memory', min: memoryMb });
    }
  }
  const cpuMax = cpuCeiling ? Math.min(cfg.cpus.max, cpuCeiling) : cfg.cpus.max;
  const cpus = checkRange(v, 'cpus', opts.cpus, { ...cfg.cpus, max: cpuMax }, false);
  const cpuShares = checkRange(v, 'cpu_shares', opts.cpu_shares, cfg.cpuShares, true);
  const pidsLimit = checkRange(v, 'pids_limit', opts.pids_limit, pidsBounds(cfg), true);
  const timeoutSeconds = checkRange(v, 'timeout', opts.timeout, cfg.timeoutSeconds, true, 's');
  if (v.length) return { ok: false, violations: v };
  return {
    ok: true,
    value: {
      memoryMb,
      memorySwapMb,
      cpus: Math.round(cpus * 100) / 100,
      cpuShares,
      pidsLimit,
      timeoutSeconds,
      tmpfsMb: cfg.tmpfsMb,
      nofile: cfg.nofile,
      fsizeMb: cfg.fsizeMb,
      user: cfg.user,
      outputMaxBytes: cfg.outputMaxBytes,
      runtime: cfg.runtime,
    },
  };
}

export const COMMAND_MAX_CHARS = 1000;

export function validateCommand(command: string): LimitViolation | null {
  if (!command.trim()) return { option: 'command', value: '', reason: 'empty' };
  if (command.length > COMMAND_MAX_CHARS)
    return { option: 'command', value: `${command.length}`, max: COMMAND_MAX_CHARS, reason: 'too-long' };
  return null;
}

export function imageAllowed(cfg: SandboxConfig, image: string): boolean {
  return image === cfg.image || cfg.imageAllowlist.includes(image);
}

export interface Who {
  userId: string;
  roleIds: string[];
  channelId: string;
}

export type AccessDenial = 'role' | 'channel' | 'untrusted-command';

/** Role and channel checks (empty lists = no restriction; custom commands need a trusted role). */
export function checkAccess(cfg: SandboxConfig, who: Who, wantsCommand: boolean): AccessDenial | null {
  if (cfg.channelIds.length && !cfg.channelIds.includes(who.channelId)) return 'channel';
  if (cfg.roleIds.length && !who.roleIds.some((r) => cfg.roleIds.includes(r))) return 'role';
  if (wantsCommand && !who.roleIds.some((r) => cfg.trustedRoleIds.includes(r))) return 'untrusted-command';
  return null;
}

/** Exit code → what it means (128+n = killed by signal n). */
export function signalName(exitCode: number): string | null {
  const names: Record<number, string> = {
    1: 'SIGHUP',
    2: 'SIGINT',
    3: 'SIGQUIT',
    6: 'SIGABRT',
    9: 'SIGKILL',
    11: 'SIGSEGV',
    13: 'SIGPIPE',
    15: 'SIGTERM',
    24: 'SIGXCPU',
    25: 'SIGXFSZ',
  };
  if (exitCode > 128 && exitCode < 160) return names[exitCode - 128] ?? `signal ${exitCode - 128}`;
  return null;
}
