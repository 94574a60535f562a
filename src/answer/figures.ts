// The student's own numbers worked out: "--memory 1g --memory-swap 3g" is 2g of swap, "--cpus 0.25" is 25 ms in
// every 100 ms, "cpu-shares 2048 vs 512" is 80/20 on cgroup v1. The notes give the rule with their own example;
// this applies the same rule to the values asked, so the answer need not leave the arithmetic to the student.
import type { Lang } from '../knowledge/types.js';

/** The option whose section states the rule a figure applies: the figure cites that section. */
export type FigureOption = '--memory' | '--memory-swap' | '--cpus' | '--cpu-shares';

export interface Figure {
  option: FigureOption;
  text: string;
  /** The figures the sentence states, to skip it when the answer already has them all (spaces before units ignored). */
  numbers: string[];
}

const MiB = 1024 ** 2;
const UNIT: Record<string, number> = { '': 1, b: 1, k: 1024, m: MiB, g: 1024 ** 3, t: 1024 ** 4 };
/** Docker's smallest --memory (the daemon's "Minimum memory limit allowed is 6MB"). */
const MIN_MEMORY = 6 * MiB;
/** The CFS period Docker uses for --cpus, in microseconds. */
const CPU_PERIOD_US = 100_000;
const DEFAULT_SHARES = 1024;

const SIZE = String.raw`(-1|\d+(?:\.\d+)?)\s?([kmgt](?:i?b)?|b|메가|기가)?(?![a-z])`;
const MEMORY = new RegExp(String.raw`(?<![\w-])(?:--memory|-m)(?![\w-])[= ]?\s*${SIZE}`, 'i');
const SWAP = new RegExp(String.raw`--memory-swap(?![\w-])[= ]?\s*${SIZE}`, 'i');
const CPUS = /(?<![\w-])(?:--cpus|cpus)[= ]?\s*"?(\d*\.?\d+)(?![\d.])/i;
const NAMES_SHARES = /cpu-shares|(?<![\w-])-c\s?\d|\bshares\b|가중치|\bweights?\b/i;
/** Numbers that count something else: containers, cores, percents, times. */
const NOT_A_SHARE = /^\s?(?:%|개|ms|s\b|초|cores?|ctrs?|containers?|컨테|코어|배|x\b|:)/i;
const SWAP_ASKED = /swap|스왑|in total|total|합계|합쳐|총|전부|before it gets killed/i;
const UNIT_ASKED = /\bmi?b\b|mebi|megabyte|bytes?|메가|메비|바이트|단위|units?|exactly|정확히/i;
const DEFAULT_NAMED = /default|기본/i;

const bytesOf = (value: string, unit = '') =>
  Number(value) * UNIT[unit.toLowerCase().replace(/i?b$/, '').replace('메가', 'm').replace('기가', 'g') || ''];

/** A size as docker writes it, in the largest unit that keeps it whole (724m, 2g). */
function sizeText(bytes: number): string {
  for (const [unit, size] of [
    ['g', 1024 ** 3],
    ['m', MiB],
    ['k', 1024],
  ] as const)
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`;
  return `${bytes} bytes`;
}

const group = (n: number) => n.toLocaleString('en-US');
const percent = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`;

/** runc 1.3.2's conversion of cpu.shares to cgroup v2's cpu.weight (non-linear; 1024 becomes 100). */
export function sharesToWeight(shares: number): number {
  if (shares <= 2) return 1;
  if (shares >= 262144) return 10000;
  const l = Math.log2(shares);
  return Math.ceil(10 ** ((l * l + 125 * l) / 612 - 7 / 34));
}

function memoryFigures(question: string, lang: Lang): Figure[] {
  const memory = MEMORY.exec(question);
  if (!memory || memory[1] === '-1') return [];
  const bytes = bytesOf(memory[1], memory[2]);
  const asWritten = sizeText(bytes);
  if (bytes < MIN_MEMORY) {
    const size = memory[2] ? `${Number((bytes / MiB).toFixed(3))}MiB` : '';
    const text =
      lang === 'ko'
        ? `--memory ${memory[1]}${memory[2] ?? ''}: ${size || `${group(bytes)}바이트`}로 도커의 최소값 6MiB보다 작아서 docker run이 "Minimum memory limit allowed is 6MB" 오류로 거부한다.`
        : `--memory ${memory[1]}${memory[2] ?? ''} is ${size || `${group(bytes)} bytes`}, below Docker's 6 MiB minimum, so docker run refuses it ("Minimum memory limit allowed is 6MB").`;
    return [{ option: '--memory', text, numbers: ['6MiB'] }];
  }
  const figures: Figure[] = [];
  const swap = SWAP.exec(question);
  if (swap || SWAP_ASKED.test(question)) figures.push(swapFigure(bytes, swap, lang));
  else if (UNIT_ASKED.test(question) && memory[2]) {
    const mib = bytes / MiB;
    const text =
      lang === 'ko'
        ? `--memory ${asWritten} = ${group(mib)}MiB = ${group(bytes)}바이트(m은 1024×1024바이트인 MiB).`
        : `--memory ${asWritten} is ${group(mib)} MiB = ${group(bytes)} bytes (m means MiB, 1024 × 1024 bytes).`;
    figures.push({ option: '--memory', text, numbers: [group(bytes)] });
  }
  return figures;
}

function swapFigure(memory: number, swap: RegExpExecArray | null, lang: Lang): Figure {
  const m = sizeText(memory);
  const ko = lang === 'ko';
  const total = swap ? (swap[1] === '-1' ? -1 : bytesOf(swap[1], swap[2])) : 0;
  const fig = (text: string, numbers: string[]): Figure => ({ option: '--memory-swap', text, numbers });
  if (total === -1)
    return fig(
      ko
        ? `--memory ${m}, --memory-swap -1: 스왑 제한이 없어 메모리 ${m}에 더해 호스트의 스왑을 제한 없이 쓸 수 있다.`
        : `--memory-swap -1 leaves swap unlimited: ${m} of memory plus as much swap as the host has.`,
      ['-1'],
    );
  if (total === 0) {
    const text = ko
      ? `--memory ${m}만 주면(--memory-swap 없음 또는 0) 도커는 메모리+스왑 합계를 2배인 ${sizeText(2 * memory)}로 잡는다: 메모리 ${m}에 스왑 ${m}를 더 쓸 수 있다(커널이 swap accounting을 지원할 때).`
      : `With --memory ${m} and no --memory-swap (or 0), Docker sets memory plus swap to ${sizeText(2 * memory)}, twice the memory: ${m} of memory and ${m} of swap (where the kernel accounts swap).`;
    return fig(text, [sizeText(2 * memory)]);
  }
  const t = sizeText(total);
  if (total < memory)
    return fig(
      ko
        ? `--memory ${m}, --memory-swap ${t}: 합계가 메모리보다 작아서 도커가 거부한다. --memory-swap은 메모리+스왑 합계라 --memory 이상이어야 한다.`
        : `Docker refuses --memory-swap ${t} with --memory ${m}: --memory-swap is memory plus swap, so it must be at least --memory.`,
      [t, m],
    );
  if (total === memory)
    return fig(
      ko
        ? `--memory ${m}, --memory-swap ${m}: 두 값이 같으면 스왑은 0이라 컨테이너는 메모리 ${m}만 쓰고 스왑은 못 쓴다.`
        : `--memory-swap equal to --memory (${m}) means no swap: the container gets ${m} of memory and no swap.`,
      [m],
    );
  const rest = sizeText(total - memory);
  return fig(
    ko
      ? `--memory ${m}, --memory-swap ${t}: 메모리와 스왑을 합쳐 ${t}까지라서 스왑은 ${t} − ${m} = ${rest}이다.`
      : `With --memory ${m} and --memory-swap ${t}, memory plus swap may reach ${t}, so the swap is ${t} − ${m} = ${rest}.`,
    [rest],
  );
}

function cpusFigure(question: string, lang: Lang): Figure[] {
  const cpus = CPUS.exec(question);
  const value = cpus ? Number(cpus[1]) : NaN;
  if (!(value > 0) || value > 1024) return [];
  const quota = Math.round(value * CPU_PERIOD_US);
  const ms = group(quota / 1000);
  const pct = `${group(Math.round(value * 100))}%`;
  const text =
    lang === 'ko'
      ? `--cpus ${value}: 100ms 주기마다 CPU 시간 ${ms}ms를 허용하는 상한(--cpu-period=${CPU_PERIOD_US} --cpu-quota=${quota})이고, 특정 코어가 아니라 어느 코어에서든 쓰는 시간이라 docker stats의 CPU %는 최대 ${pct}까지 나온다.`
      : `--cpus ${value} allows ${ms} ms of CPU time in every 100 ms period (--cpu-period=${CPU_PERIOD_US} --cpu-quota=${quota}), on any cores rather than dedicated ones, so docker stats shows at most ${pct}.`;
  return [{ option: '--cpus', text, numbers: [`${ms}ms`] }];
}

/** The share values a question compares: numbers it gives for --cpu-shares, and the default when it names it. */
function sharesAsked(question: string): number[] {
  if (!NAMES_SHARES.test(question)) return [];
  const values: number[] = [];
  for (const m of question.matchAll(/(?<![\w.-])(\d+)(?![\d.])/g)) {
    const n = Number(m[1]);
    const after = question.slice((m.index ?? 0) + m[1].length);
    if (n >= 2 && n <= 262144 && !NOT_A_SHARE.test(after)) values.push(n);
  }
  if (values.length === 1 && DEFAULT_NAMED.test(question) && values[0] !== DEFAULT_SHARES) values.push(DEFAULT_SHARES);
  return values.length >= 2 && new Set(values).size > 1 ? values : [];
}

function sharesFigure(question: string, lang: Lang): Figure[] {
  const shares = sharesAsked(question);
  if (!shares.length) return [];
  const weights = shares.map(sharesToWeight);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const v1 = shares.map((s) => percent(s, sum(shares))).join(' / ');
  const v2 = weights.map((w) => percent(w, sum(weights))).join(' / ');
  const list = shares.join(lang === 'ko' ? ', ' : ' / ');
  const text =
    lang === 'ko'
      ? `--cpu-shares 값이 ${list}인 컨테이너들이 모두 같은 CPU를 두고 바쁠 때 cgroup v1에서는 값 그대로 ${v1}를 받고, cgroup v2(runc 1.3.2 이상)에서는 cpu.weight ${weights.join(', ')}로 바뀌어 약 ${v2}를 받는다. CPU가 남으면 누구도 제한받지 않는다.`
      : `With --cpu-shares ${list} all busy on the same CPUs, cgroup v1 splits the time ${v1}, and cgroup v2 with runc 1.3.2 or later maps them to cpu.weight ${weights.join(', ')}, about ${v2}. While CPU is spare, none is held back.`;
  return [{ option: '--cpu-shares', text, numbers: v2.split(' / ') }];
}

/** Every figure the question's values give, in the order memory, CPUs, shares. */
export function figuresFor(question: string, lang: Lang): Figure[] {
  return [...memoryFigures(question, lang), ...cpusFigure(question, lang), ...sharesFigure(question, lang)];
}
