// "▶ Try it" under an answer: when the best source is about a limit the sandbox can show (--memory,
// --memory-swap, --cpus, --cpu-shares, --pids-limit, OOM), the matching preset runs with the limits the question
// named ("--cpus 0.5" → cpu-burn at 0.5 CPUs). Pure functions; the run itself goes through /sandbox's code.
import type { Answer } from '../answer/types.js';
import type { LimitOptions, PresetName } from '../sandbox/policy.js';
import { LIMITS, truncate } from './limits.js';
import type { Locale } from './types.js';

export type DemoLimit = 'memory-swap' | 'pids' | 'cpu-shares' | 'cpus' | 'oom' | 'memory';

export type Demo =
  | { kind: 'run'; limit: DemoLimit; preset: PresetName; options: LimitOptions }
  | { kind: 'compare'; limit: 'cpu-shares'; sharesA?: number; sharesB?: number };

// Which limit a source heading is about, most specific first ("--memory vs --memory-swap" is about swap).
const TOPICS: [DemoLimit, RegExp][] = [
  ['memory-swap', /--memory-swap|\bswap\b|스왑/i],
  ['pids', /--pids-limit|fork bomb|포크 ?폭탄/i],
  ['cpu-shares', /--cpu-shares|(?:^|\s)-c\s*\/|cpu weight|CPU 가중치/i],
  ['cpus', /--cpus(?![-\w])|cpu throttling|CPU 스로틀링/i],
  ['oom', /\bOOM\b/],
  ['memory', /--memory(?![-\w])|(?:^|\s)-m\b|memory limit|메모리 제한/i],
];

/** The limit a heading is about, or undefined (cpuset, reservations, ulimits… are not sandbox demos). */
export function limitOf(heading: string): DemoLimit | undefined {
  if (/--cpuset-cpus|--memory-reservation|--kernel-memory|--oom-kill-disable/i.test(heading)) return undefined;
  return TOPICS.find(([, re]) => re.test(heading))?.[0];
}

const MIB: Record<string, number> = { b: 1 / (1024 * 1024), k: 1 / 1024, m: 1, g: 1024 };

function mebibytes(value: string, unit: string | undefined): number {
  return Math.round(Number(value) * MIB[(unit ?? 'b').toLowerCase()]);
}

/** The limits a question names, as /sandbox options (values are checked by the sandbox, not here). */
export function namedLimits(question: string): LimitOptions {
  const q = question.replace(/[‐–—]/g, '-');
  const out: LimitOptions = {};
  const memory = /(?:--memory|(?:^|\s)-m)(?!-)(?:=|\s+)(\d+(?:\.\d+)?)\s*([bkmg])?/i.exec(q);
  if (memory) out.memory = mebibytes(memory[1], memory[2] ?? 'b');
  const swap = /--memory-swap(?:=|\s+)(\d+(?:\.\d+)?)\s*([bkmg])?/i.exec(q);
  if (swap) out.memory_swap = mebibytes(swap[1], swap[2] ?? 'b');
  const cpus = /--cpus(?:=|\s+)(\d+(?:\.\d+)?)/i.exec(q);
  if (cpus) out.cpus = Number(cpus[1]);
  const shares = /(?:--cpu-shares|(?:^|\s)-c)(?:=|\s+)(\d+)/i.exec(q);
  if (shares) out.cpu_shares = Number(shares[1]);
  const pids = /--pids-limit(?:=|\s+)(\d+)/i.exec(q);
  if (pids) out.pids_limit = Number(pids[1]);
  return out;
}

const PRESET_FOR: Record<Exclude<DemoLimit, 'cpu-shares'>, PresetName> = {
  memory: 'memory-hog',
  oom: 'memory-hog',
  'memory-swap': 'memory-hog',
  cpus: 'cpu-burn',
  pids: 'fork-bomb',
};

/** The demo for an answer: from its best source's heading and the limits its question named. */
export function demoFor(answer: Pick<Answer, 'question' | 'abstained' | 'sources'>): Demo | undefined {
  const best = answer.sources[0];
  if (answer.abstained || !best) return undefined;
  const limit = limitOf(best.heading);
  if (!limit) return undefined;
  const options = namedLimits(answer.question);
  if (limit === 'cpu-shares') {
    // Two cpu-burns share one CPU: the named weight against the default 1024.
    const named = options.cpu_shares;
    return {
      kind: 'compare',
      limit,
      sharesA: named !== undefined && named !== 1024 ? 1024 : undefined,
      sharesB: named !== 1024 ? named : undefined,
    };
  }
  return { kind: 'run', limit, preset: PRESET_FOR[limit], options };
}

const FLAGS: [keyof LimitOptions, string, string][] = [
  ['memory', '--memory', 'm'],
  ['memory_swap', '--memory-swap', 'm'],
  ['cpus', '--cpus', ''],
  ['cpu_shares', '--cpu-shares', ''],
  ['pids_limit', '--pids-limit', ''],
];

/** What the demo runs, docker-style: "cpu-burn --cpus 0.5", "compare --cpu-shares 1024 vs 512". */
export function demoLine(demo: Demo): string {
  if (demo.kind === 'compare') return `compare --cpu-shares ${demo.sharesA ?? 1024} vs ${demo.sharesB ?? 512}`;
  const flags = FLAGS.filter(([k]) => demo.options[k] !== undefined).map(([k, flag, unit]) => `${flag} ${demo.options[k]}${unit}`);
  return [demo.preset, ...flags].join(' ');
}

export function tryItLabel(demo: Demo, locale: Locale): string {
  return truncate(`${locale === 'ko' ? '직접 해 보기' : 'Try it'}: ${demoLine(demo)}`, LIMITS.buttonLabel);
}
