// --cpus as a CFS quota, and --cpu-shares as cgroup v1 and v2 (runc 1.3.2 weight) percents.
import type { Lang } from '../../knowledge/types.js';
import { group, percent, type Figure } from './figure.js';

/** The CFS period Docker uses for --cpus, in microseconds. */
const CPU_PERIOD_US = 100_000;
const DEFAULT_SHARES = 1024;
const CPUS = /(?<![\w-])(?:--cpus|cpus)[= ]?\s*"?(\d*\.?\d+)(?!\.?\d)/i;
const NAMES_SHARES = /cpu-shares|(?<![\w-])-c\s?\d|\bshares\b|가중치|\bweights?\b/i;
/** Numbers that count something else: containers, cores, percents, times. */
const NOT_A_SHARE = /^\s?(?:%|개|ms|s\b|초|cores?|ctrs?|containers?|컨테|코어|배|x\b|:)/i;
const DEFAULT_NAMED = /default|기본/i;

/** runc 1.3.2's conversion of cpu.shares to cgroup v2's cpu.weight (non-linear; 1024 becomes 100). */
export function sharesToWeight(shares: number): number {
  if (shares <= 2) return 1;
  if (shares >= 262144) return 10000;
  const l = Math.log2(shares);
  return Math.ceil(10 ** ((l * l + 125 * l) / 612 - 7 / 34));
}

/** The host's CPUs, from Docker's refusal ("as there are only 2 CPUs available") or the student ("my 2 core laptop"). */
const HOST_CPUS =
  /only (\d{1,4}) CPUs? available|(?<![\w.-])(\d{1,4})\s?-?\s?(?:cores?|코어|cpus?)\s?(?:짜리\s?)?(?:laptop|box|machine|host|server|vm|pc|노트북|서버|컴퓨터|컴|머신|호스트)|(?:host|laptop|machine|server|호스트|노트북|서버)(?:는|가|에는|\s(?:has|with|only has))\s?(?:only\s)?(\d{1,4})\s?-?\s?(?:cores?|코어|cpus?)/i;

/** --cpus above the host's CPU count: Docker refuses it, and the most it takes. */
function overHostFigure(value: number, host: number, lang: Lang): Figure {
  const text =
    lang === 'ko'
      ? `CPU가 ${host}개인 호스트에서 --cpus ${value} 설정은 도커가 거부한다("Range of CPUs is from 0.01 to ${host}.00"): --cpus는 호스트의 CPU 개수까지만 줄 수 있으니 --cpus ${host} 이하로 준다. CPU 시간 상한이라 여러 컨테이너의 --cpus 합계는 CPU 개수를 넘어도 된다.`
      : `On a host with ${host} CPUs Docker refuses --cpus ${value} ("Range of CPUs is from 0.01 to ${host}.00"): one container's --cpus can be at most the host's CPU count, so use --cpus ${host} or less. It is a ceiling on CPU time, so the --cpus of several containers may add up to more than the host has.`;
  return { option: '--cpus', text, reads: true, numbers: [`${host}.00`] };
}

export function cpusFigure(question: string, lang: Lang): Figure[] {
  const cpus = CPUS.exec(question);
  const value = cpus ? Number(cpus[1]) : NaN;
  if (!(value > 0) || value > 1024) return [];
  const hostMatch = HOST_CPUS.exec(question.replace(CPUS, ' '));
  const host = Number(hostMatch?.[1] ?? hostMatch?.[2] ?? hostMatch?.[3] ?? NaN);
  if (host > 0 && value > host) return [overHostFigure(value, host, lang)];
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
const LIST_GAP = /^\s*(?:짜리)?\s*(?:\/|,|vs\.?|and|랑|이랑|하고|대|와|과)?\s*(?:-c|--cpu-shares)?\s*$/i;
/** A count after a value ("512 두개", "512 x2", "two 512s" is not read): that many containers. */
const COUNT_AFTER = /^\s*(?:짜리\s*)?(?:(두|세|네)\s?개|[x×]\s?([2-4])\b)/i;
const KOREAN_COUNT: Record<string, number> = { 두: 2, 세: 3, 네: 4 };
/** One of a value, said ("1024 하나", "1024짜리 한 개", "1024 x1"). */
const ONE_AFTER = /^\s*(?:짜리\s*)?(?:하나|한\s?개|[x×]\s?1\b)/i;

/**
 * The share values a question compares: a list as written ("512 / 512 / 1024"), else each value named once
 * ("1024 gets twice what 512 gets, so is 512 half a core?"), each as many times as a count after it says, and the
 * default when the question leaves a container on it.
 */
function sharesAsked(question: string): number[] {
  if (!NAMES_SHARES.test(question)) return [];
  const found: { n: number; start: number; end: number; count: number }[] = [];
  for (const m of question.matchAll(/(?<![\w.-])(\d+)(?!\.?\d)/g)) {
    const n = Number(m[1]);
    const start = m.index ?? 0;
    const after = question.slice(start + m[1].length);
    const count = COUNT_AFTER.exec(after);
    if (n >= 2 && n <= 262144 && !NOT_A_SHARE.test(after))
      found.push({ n, start, end: start + m[1].length, count: count ? (KOREAN_COUNT[count[1]] ?? Number(count[2])) : 1 });
  }
  // Runs of values written as one list; the longest is the list compared, the last of equals (a question after
  // someone's example asks about its own values: "1024랑 512면 2배라던데 그럼 2048이랑 512면?").
  const runs: (typeof found)[] = [];
  found.forEach((f, i) => {
    if (i > 0 && LIST_GAP.test(question.slice(found[i - 1].end, f.start))) runs[runs.length - 1].push(f);
    else runs.push([f]);
  });
  // "1024짜리랑 512짜리 두개": a count after the last of a list, as many as the list has, counts the list, unless an
  // earlier value has a count of its own ("1024 하나랑 512 두개").
  for (const run of runs) {
    const last = run[run.length - 1];
    const counted = run.slice(0, -1).some((f) => f.count > 1 || ONE_AFTER.test(question.slice(f.end)));
    if (run.length > 1 && last.count === run.length && !counted) last.count = 1;
  }
  const list = runs.reduce((a, b) => (b.length >= a.length ? b : a), [] as typeof found);
  const named = list.length > 1 ? list : found.filter((f, i) => found.findIndex((g) => g.n === f.n) === i);
  const values = named.flatMap((f) => Array<number>(f.count).fill(f.n));
  if (new Set(values).size === 1 && DEFAULT_NAMED.test(question) && values[0] !== DEFAULT_SHARES) values.push(DEFAULT_SHARES);
  return values.length >= 2 && new Set(values).size > 1 ? values : [];
}

/** For two values a whole number of times apart, how many times as much the larger gets on cgroup v1. */
function timesAsMuch(shares: number[], lang: Lang): string {
  if (shares.length !== 2) return '';
  const [low, high] = [Math.min(...shares), Math.max(...shares)];
  const times = high / low;
  if (!Number.isInteger(times)) return '';
  if (lang === 'ko') return `(${high} 쪽이 ${times}배)`;
  return ` (${high} gets ${times === 2 ? 'twice' : `${times} times`} as much)`;
}

export function sharesFigure(question: string, lang: Lang): Figure[] {
  const shares = sharesAsked(question);
  if (!shares.length) return [];
  const weights = shares.map(sharesToWeight);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const v1 = shares.map((s) => percent(s, sum(shares))).join(' / ');
  const v2 = weights.map((w) => percent(w, sum(weights))).join(' / ');
  const list = shares.join(lang === 'ko' ? ', ' : ' / ');
  const ratio = timesAsMuch(shares, lang);
  const text =
    lang === 'ko'
      ? `--cpu-shares 값이 ${list}인 컨테이너들이 모두 같은 CPU를 두고 바쁠 때 cgroup v1에서는 값 그대로 ${v1}${ratio}를 받고, cgroup v2(runc 1.3.2 이상)에서는 cpu.weight가 ${weights.join(', ')}: 약 ${v2}를 받는다. CPU가 남으면 누구도 제한받지 않는다.`
      : `With --cpu-shares ${list} all busy on the same CPUs, cgroup v1 splits the time ${v1}${ratio}, and cgroup v2 with runc 1.3.2 or later maps them to cpu.weight ${weights.join(', ')}, about ${v2}. While CPU is spare, none is held back.`;
  return [{ option: '--cpu-shares', text, numbers: v2.split(' / ') }];
}
