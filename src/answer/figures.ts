// The student's own numbers worked out: "--memory 1g --memory-swap 3g" is 2g of swap, "--cpus 0.25" is 25 ms in
// every 100 ms, "cpu-shares 2048 vs 512" is 80/20 on cgroup v1. The notes give the rule with their own example;
// this applies the same rule to the values asked, so the answer need not leave the arithmetic to the student.
import type { Lang } from '../knowledge/types.js';

/** The option whose section states the rule a figure applies: the figure cites that section. */
export type FigureOption = '--memory' | '--memory-swap' | '--cpus' | '--cpu-shares' | 'RUN' | 'cpu.max' | 'memory.max';

export interface Figure {
  option: FigureOption;
  text: string;
  /** It reads a value the student pasted (cpu.max "50000 100000"): that reading is the answer, so it leads. */
  reads?: boolean;
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
      ? `--cpus ${value}: 100ms 주기마다 CPU 시간 ${ms}ms를 허용하는 상한(--cpu-period=${CPU_PERIOD_US} --cpu-quota=${quota}, cgroup v2의 cpu.max는 "${quota} ${CPU_PERIOD_US}")이고, 특정 코어가 아니라 어느 코어에서든 쓰는 시간이라 docker stats의 CPU %는 최대 ${pct}까지 나온다.`
      : `--cpus ${value} allows ${ms} ms of CPU time in every 100 ms period (--cpu-period=${CPU_PERIOD_US} --cpu-quota=${quota}; cpu.max "${quota} ${CPU_PERIOD_US}" on cgroup v2), on any cores rather than dedicated ones, so docker stats shows at most ${pct}.`;
  return [{ option: '--cpus', text, numbers: [`${ms}ms`] }];
}

/** Between two values of one list ("512 / 512 / 1024", "1024 vs 512", "512짜리랑 2048짜리"): separators only. */
const LIST_GAP = /^\s*(?:짜리)?\s*(?:\/|,|vs\.?|and|랑|이랑|하고|대|와|과)?\s*$/i;
/** A count after a value ("512 두개", "512 x2", "two 512s" is not read): that many containers. */
const COUNT_AFTER = /^\s*(?:짜리\s*)?(?:(두|세|네)\s?개|[x×]\s?([2-4])\b)/i;
const KOREAN_COUNT: Record<string, number> = { 두: 2, 세: 3, 네: 4 };

/**
 * The share values a question compares: a list as written ("512 / 512 / 1024"), else each value named once
 * ("1024 gets twice what 512 gets, so is 512 half a core?"), each as many times as a count after it says, and the
 * default when the question leaves a container on it.
 */
function sharesAsked(question: string): number[] {
  if (!NAMES_SHARES.test(question)) return [];
  const found: { n: number; start: number; end: number; count: number }[] = [];
  for (const m of question.matchAll(/(?<![\w.-])(\d+)(?![\d.])/g)) {
    const n = Number(m[1]);
    const start = m.index ?? 0;
    const after = question.slice(start + m[1].length);
    const count = COUNT_AFTER.exec(after);
    if (n >= 2 && n <= 262144 && !NOT_A_SHARE.test(after))
      found.push({ n, start, end: start + m[1].length, count: count ? (KOREAN_COUNT[count[1]] ?? Number(count[2])) : 1 });
  }
  // Runs of values written as one list; the longest is the list compared.
  const runs: (typeof found)[] = [];
  found.forEach((f, i) => {
    if (i > 0 && LIST_GAP.test(question.slice(found[i - 1].end, f.start))) runs[runs.length - 1].push(f);
    else runs.push([f]);
  });
  const list = runs.reduce((a, b) => (b.length > a.length ? b : a), [] as typeof found);
  const named = list.length > 1 ? list : found.filter((f, i) => found.findIndex((g) => g.n === f.n) === i);
  const values = named.flatMap((f) => Array<number>(f.count).fill(f.n));
  if (new Set(values).size === 1 && DEFAULT_NAMED.test(question) && values[0] !== DEFAULT_SHARES) values.push(DEFAULT_SHARES);
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
      ? `--cpu-shares 값이 ${list}인 컨테이너들이 모두 같은 CPU를 두고 바쁠 때 cgroup v1에서는 값 그대로 ${v1}를 받고, cgroup v2(runc 1.3.2 이상)에서는 cpu.weight가 ${weights.join(', ')}: 약 ${v2}를 받는다. CPU가 남으면 누구도 제한받지 않는다.`
      : `With --cpu-shares ${list} all busy on the same CPUs, cgroup v1 splits the time ${v1}, and cgroup v2 with runc 1.3.2 or later maps them to cpu.weight ${weights.join(', ')}, about ${v2}. While CPU is spare, none is held back.`;
  return [{ option: '--cpu-shares', text, numbers: v2.split(' / ') }];
}

const INSTRUCTION = String.raw`(RUN|COPY|ADD|ENV|CMD|LABEL|EXPOSE|WORKDIR|ENTRYPOINT|USER|ARG|HEALTHCHECK)`;
const COUNTED = [
  new RegExp(String.raw`\b${INSTRUCTION}\s*[x×]?\s*(\d+)\s*(?:줄|개|번|lines?|instructions?|times?|x)?(?![\w.])`, 'g'),
  new RegExp(String.raw`(?<![\w.])(\d+)\s*[x×]?\s*${INSTRUCTION}s?\b`, 'g'),
];
const MAKES_LAYER = new Set(['RUN', 'COPY', 'ADD']);

/** "RUN 3줄 COPY 1줄 ENV 2줄 → 레이어 몇개?": RUN, COPY and ADD make filesystem layers; the rest only metadata. */
function layerFigure(question: string, lang: Lang): Figure[] {
  if (!/레이어|계층|layers?/i.test(question) || !/몇|how many|count/i.test(question)) return [];
  const counts = new Map<string, number>();
  for (const m of question.matchAll(COUNTED[0])) counts.set(m[1], Number(m[2]));
  for (const m of question.matchAll(COUNTED[1])) if (!counts.has(m[2])) counts.set(m[2], Number(m[1]));
  if (!counts.size) return [];
  const all = [...counts];
  const layered = all.filter(([i]) => MAKES_LAYER.has(i));
  const meta = all.filter(([i]) => !MAKES_LAYER.has(i));
  const total = layered.reduce((n, [, c]) => n + c, 0);
  const sum = layered.length ? `${layered.map(([i, c]) => `${i} ${c}`).join(' + ')} = ${total}` : '0';
  const rest = meta.map(([i, c]) => `${i} ${c}`).join(', ');
  const text =
    lang === 'ko'
      ? `새로 생기는 파일 시스템 레이어는 RUN, COPY, ADD만 세서 ${sum}개다${rest ? `. 나머지(${rest})는 이미지 메타데이터만 바꿔 docker history에 0B로 나온다` : ''}.`
      : `Only RUN, COPY and ADD make filesystem layers: ${sum} new layers${rest ? `; ${rest} change only the image's metadata (0B in docker history)` : ''}.`;
  return [{ option: 'RUN', text, numbers: [`= ${total}`] }];
}

const CPU_MAX = /cpu\.max\D{0,40}?\b(max|\d+)\s+(\d+)\b/i;
const MEMORY_MAX = /memory\.max\D{0,40}?\b(max|\d{4,})\b/i;

/** A cgroup v2 file's content as pasted: cpu.max "50000 100000" is half a CPU; memory.max "max" is no limit. */
function cgroupReading(question: string, lang: Lang): Figure[] {
  const ko = lang === 'ko';
  const cpu = CPU_MAX.exec(question);
  if (cpu) {
    const [, quota, period] = cpu;
    const cpus = quota === 'max' ? 0 : Number(quota) / Number(period);
    const text =
      quota === 'max'
        ? ko
          ? `cpu.max 값 "max ${period}": CPU 쿼터가 없다는 뜻으로, --cpus나 --cpu-quota 없이 실행된 컨테이너다(${period}µs는 주기).`
          : `cpu.max "max ${period}" means no CPU quota: the container was started without --cpus or --cpu-quota (${period} µs is the period).`
        : ko
          ? `cpu.max 값 "${quota} ${period}": ${group(Number(period))}µs 주기마다 CPU 시간 ${group(Number(quota))}µs라는 쿼터로, CPU ${Number(cpus.toFixed(3))}개 분량(--cpus ${Number(cpus.toFixed(3))})이다.`
          : `cpu.max "${quota} ${period}" is a quota of ${group(Number(quota))} µs of CPU time per ${group(Number(period))} µs period: ${Number(cpus.toFixed(3))} CPUs' worth (--cpus ${Number(cpus.toFixed(3))}).`;
    return [{ option: 'cpu.max', text, reads: true, numbers: [`"${quota} ${period}"`] }];
  }
  const memory = MEMORY_MAX.exec(question);
  if (!memory) return [];
  const text =
    memory[1] === 'max'
      ? ko
        ? 'memory.max 값 max: 메모리 제한이 없다는 뜻으로, --memory 없이 실행된 컨테이너다.'
        : 'memory.max "max" means no memory limit: the container was started without --memory.'
      : ko
        ? `memory.max 값 ${memory[1]}: ${group(Number(memory[1]))}바이트 = ${Number((Number(memory[1]) / MiB).toFixed(2))}MiB 한도다.`
        : `memory.max ${memory[1]} is a limit of ${group(Number(memory[1]))} bytes = ${Number((Number(memory[1]) / MiB).toFixed(2))} MiB.`;
  return [{ option: 'memory.max', text, reads: true, numbers: [memory[1] === 'max' ? 'means no memory limit' : 'MiB'] }];
}

/** Every figure the question's values give, in the order memory, CPUs, shares. */
export function figuresFor(question: string, lang: Lang): Figure[] {
  return [
    ...cgroupReading(question, lang),
    ...memoryFigures(question, lang),
    ...cpusFigure(question, lang),
    ...sharesFigure(question, lang),
    ...layerFigure(question, lang),
  ];
}
