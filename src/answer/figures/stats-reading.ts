// docker stats figures the student saw, read back: a CPU % of 250% is about two and a half cores' worth of CPU time;
// PIDS 43 for one app is its threads; a LIMIT the student never set is the host's memory.
import type { Lang } from '../../knowledge/types.js';
import { pastedOutput } from '../../knowledge/query.js';
import { bytesOf, type Figure } from './figure.js';

/** A percentage with "cpu" just before it ("CPU % 가 250%", "cpu at like 350%") or just after it ("180% cpu"). */
const CPU_PERCENT = /\bcpu\b[^%\d\n]{0,24}?(?:%[^%\d\n]{0,16}?)?(\d{1,5}(?:\.\d+)?)\s?%|(\d{1,5}(?:\.\d+)?)\s?%\s?(?:of\s)?cpu\b/i;
/** The host's cores as the student gives them ("my 4 core box", "8코어"); --cpus is a limit, not cores. */
const HOST_CORES = /(?<![\w.-])(\d{1,3})\s?(?:-?\s?cores?\b|코어)/i;

/** Readings above one core's 100% are what students ask about ("is 250% broken?"). */
const ONE_CORE = 100;

/**
 * A pasted docker stats table's row, by column name: the header line (CONTAINER ID, NAME, CPU % …) and the line
 * under it, both split where two or more spaces separate the columns.
 */
function statsTableRow(question: string): Map<string, string> | undefined {
  const lines = question.split('\n').map((l) => l.trim());
  const at = lines.findIndex((l) => /\bCPU %/.test(l) && /\bNAME\b|CONTAINER/.test(l));
  const row = at >= 0 ? lines.slice(at + 1).find((l) => l) : undefined;
  if (!row) return undefined;
  const names = lines[at].split(/\s{2,}/);
  const values = row.split(/\s{2,}/);
  return names.length === values.length ? new Map(names.map((n, i) => [n, values[i]])) : undefined;
}

/** The CPU % the student asks about: written in the question, or in the row of a pasted table when the words ask about CPU. */
function cpuPercentAsked(question: string): number {
  const m = CPU_PERCENT.exec(question);
  if (m) return Number(m[1] ?? m[2]);
  const cell = statsTableRow(question)?.get('CPU %');
  // Asked in the student's own words: the pasted table's "CPU %" header asks nothing.
  const words = pastedOutput(question)?.rest ?? question;
  return cell && /cpu|씨피유/i.test(words) ? Number(cell.replace('%', '')) : NaN;
}

export function cpuPercentReading(question: string, lang: Lang): Figure[] {
  // With a --cpus limit in the question, its own figure gives the ceiling that reading is measured against.
  if (/--cpus\b/i.test(question)) return [];
  const value = cpuPercentAsked(question);
  if (!(value > ONE_CORE) || value > 100 * 1024) return [];
  const cores = Number(HOST_CORES.exec(question)?.[1] ?? NaN);
  const worth = Number((value / 100).toFixed(2));
  const ceiling = cores > 0 && cores * 100 >= value ? cores * 100 : undefined;
  const text =
    lang === 'ko'
      ? `CPU % ${value}%는 고장이 아니다: docker stats는 코어 하나를 다 쓰는 것을 100%로 세므로 코어 약 ${worth}개 분량의 CPU 시간을 쓰고 있다는 뜻이고, 멀티코어 호스트에서는 정상이다${ceiling ? `(${cores}코어면 최대 ${ceiling}%)` : '(최대는 코어 수 × 100%)'}.`
      : `A CPU % of ${value}% is not a fault: docker stats counts one fully busy core as 100%, so it means about ${worth} cores' worth of CPU time, normal on a multi-core host${ceiling ? ` (at most ${ceiling}% on ${cores} cores)` : ' (at most the number of cores × 100%)'}.`;
  return [{ option: 'CPU %', text, reads: true, numbers: [`${value}%`] }];
}

/**
 * A CPU % read off docker stats or said of the CPU ("stats cpu sits right at 100%", "CPU % 가 150% 근처"), its own %
 * sign left out after the column's ("CPU % 가 50 언저리", "CPU % sits at 50"), not a time or a core count.
 */
const READ_PERCENT =
  /(?:\bcpu\b|\bstats\b|스탯)[^%\d\n]{0,30}?(?:%[^%\d\n]{0,16}?(\d{1,5}(?:\.\d+)?)(?![\d.]|\s?%|\s?(?:ms|m\b|cores?|개|코어))|(?:%[^%\d\n]{0,16}?)?(\d{1,5}(?:\.\d+)?)\s?%)/i;
/** A figure read off docker stats or top, not a guess at what a value means ("1.5 cores or 150%?"). */
const READ_OFF_STATS = /\bstats\b|스탯|\btop\b|htop/i;
/** A reading that does not even reach a value ("100%도 안찍힘", "never even hits 100%"): below the ceiling, not at it. */
const BELOW_READING = /\d\s?%?\s?도\s?(?:안|못)|\bnot even\b|\bnever (?:even )?(?:reach|hit|get)s?\b/i;
const LIMIT_CPUS = /(?<![\w-])--cpus[= ]?\s*"?(\d*\.?\d+)(?!\.?\d)/i;
/** A reading within this share of the --cpus ceiling is at it. */
const NEAR_CEILING = 0.1;

/**
 * A CPU % the student read at the ceiling of the --cpus they set ("--cpus 1.5 … stuck near 150%, is it working?"):
 * the limit at work, and what the app meets there (throttling until the next period).
 */
export function cpuCeilingReading(question: string, lang: Lang): Figure[] {
  const cpus = Number(LIMIT_CPUS.exec(question)?.[1] ?? NaN);
  const m = READ_PERCENT.exec(question.replace(LIMIT_CPUS, ' '));
  // A number without its own % sign is a reading only when docker stats (or top) is named: "cpu% 는 100 안넘는데" is not one.
  const read = Number(m?.[2] ?? (m?.[1] && READ_OFF_STATS.test(question) ? m[1] : NaN));
  if (!(cpus > 0) || !(read > 0) || BELOW_READING.test(question)) return [];
  // The percent of one core docker stats tops out at, and the ms allowed per 100 ms period: the same number.
  const ceiling = Math.round(cpus * 100);
  if (Math.abs(read - ceiling) > NEAR_CEILING * ceiling) return [];
  const text =
    lang === 'ko'
      ? `CPU %가 ${ceiling}% 근처에서 더 오르지 않는 것은 --cpus ${cpus}가 제대로 걸렸다는 뜻이다: 100ms 주기마다 CPU 시간 ${ceiling}ms(코어 ${cpus}개 분량)까지만 쓸 수 있어서, 그보다 더 쓰려는 앱은 다음 주기까지 스로틀링되어 멈추고 그만큼 응답이 늦어진다.`
      : `A CPU % that stays near ${ceiling}% means --cpus ${cpus} is working: the container may use ${ceiling} ms of CPU time in every 100 ms period (${cpus === 1 ? "one core's" : `${cpus} cores'`} worth), so an app that wants more is throttled until the next period, which shows as slow or stalling responses.`;
  return [{ option: '--cpus', text, reads: true, numbers: [`${ceiling}%`] }];
}

/** "PIDS column says 43", "PIDS 칸에 40 떠있음": a count the student read off the PIDS column. */
const PIDS_READING = /\bPIDS\b[^\d\n]{0,30}?(\d{1,6})(?![\d%]|\.\d)\s?(만|천)?/i;
/** Korean counts in ten-thousands and thousands: "3만" is 30000. */
const KO_MAGNITUDE: Record<string, number> = { 만: 10_000, 천: 1_000 };

/** The count will not grow: stuck, capped, a fork bomb, forks failing. */
const AT_A_CEILING =
  /\b(?:stuck|capped|maxed|max(?:es)? out|plateau(?:s|ed)?|won'?t (?:go|grow|climb)|doesn'?t (?:go|grow|climb)|fork ?bombs?|resource temporarily unavailable)\b|안\s?(?:올라|늘어|넘어)|더\s?(?:안|못)\s?(?:올라|늘|넘)|멈춰|멈춤|고정|딱\s?\d+에서|포크\s?(?:폭탄|밤)/i;

export function pidsReading(question: string, lang: Lang): Figure[] {
  if (/--pids-limit/i.test(question)) return [];
  const read = PIDS_READING.exec(question);
  const n = Number(read?.[1] ?? NaN) * (KO_MAGNITUDE[read?.[2] ?? ''] ?? 1);
  if (!(n > 0)) return [];
  // A count that will not grow ("stuck at exactly 50", "fork bomb인데 50에서 안 올라감") is the limit it met.
  if (AT_A_CEILING.test(question)) {
    const atLimit =
      lang === 'ko'
        ? `PIDS가 ${n}에서 더 늘지 않는 것은 컨테이너가 --pids-limit ${n}(cgroup pids.max)에 닿았기 때문이다: 그 뒤의 fork()/clone()은 EAGAIN("Resource temporarily unavailable")으로 실패해서 포크 폭탄도 거기서 더 못 늘고, 이미 있는 프로세스와 호스트는 멀쩡하다.`
        : `PIDS staying at ${n} means the container is at its --pids-limit of ${n} (cgroup pids.max): every further fork()/clone() fails with EAGAIN ("Resource temporarily unavailable"), so a fork bomb stops growing there while existing processes and the host keep running.`;
    return [{ option: '--pids-limit', text: atLimit, reads: true, numbers: [`PIDS ${n}`] }];
  }
  const text =
    lang === 'ko'
      ? `PIDS ${n}은 지금 컨테이너 안에 있는 프로세스와 스레드를 합친 수다: 스레드도 하나씩 세므로 JVM이나 Node.js 같은 앱 하나가 스레드 ${n}개로 이 값을 채울 수 있다.`
      : `PIDS ${n} is the number of processes and threads in the container right now: each thread counts, so a single app such as a JVM or Node.js can account for all ${n}.`;
  return [{ option: 'PIDS', text, reads: true, numbers: [`PIDS ${n}`] }];
}

/** "LIMIT 7.6GiB", "MEM USAGE / LIMIT 이 1.2GiB / 15.5GiB": the limit column's size (after a usage, if both are given). */
const LIMIT_READING = /\blimit\b[^\d\n]{0,20}?(?:\d+(?:\.\d+)?\s?[kmgt]i?b\s?\/\s?)?(\d+(?:\.\d+)?\s?[kmgt]i?b)\b/i;

/** "I never set a limit", "limit 건 적 없는데", "안 걸었는데". */
const SET_NONE =
  /\bnever\b|\b(?:didn'?t|did not|haven'?t|not) (?:set|limit|give|put)|(?:건|준|정한|걸어\s?본)\s?적\s?(?:이\s?)?없|안\s?(?:걸|줬|주|정했|넣)/i;

/** Below this, a LIMIT is no host's total memory. */
const SMALLEST_HOST = 1024 ** 3;
/** "200MiB", "1.5GiB", "512mb" in bytes (binary units, as docker stats prints them). */
const sizeInBytes = (size: string) => {
  const m = /^(\d+(?:\.\d+)?)([kmgt](?:i?b)?)$/i.exec(size);
  return m ? bytesOf(m[1], m[2]) : Infinity;
};

/** A LIMIT read off docker stats, in a question that sets no memory limit: the host's (or Docker Desktop VM's) memory. */
export function limitReading(question: string, lang: Lang): Figure[] {
  // A question that sets --memory is about why that limit did not apply (run-command.ts), not about the column.
  if (/--memory|(?<![\w-])-m\s*\d/i.test(question)) return [];
  // Read off docker stats ("memory limit 512mb how" asks to set one), by a student who set none: a LIMIT of 200MiB
  // is a limit somebody set.
  if (!/stats|스탯|MEM USAGE|\bLIMIT\b/i.test(question.replace(/\blimit\b/g, '')) || !SET_NONE.test(question)) return [];
  const size = LIMIT_READING.exec(question)?.[1].replace(/\s/g, '');
  if (!size) return [];
  // No host runs Docker in less than a gigabyte: a LIMIT that small was set, by whoever or whatever started it.
  if (sizeInBytes(size) < SMALLEST_HOST) {
    const flag = size.replace(/^(\d+(?:\.\d+)?)([kmgt]).*$/i, (_, n: string, u: string) => `${n}${u.toLowerCase()}`);
    const set =
      lang === 'ko'
        ? `LIMIT ${size}는 호스트 메모리가 아니라 컨테이너에 걸린 메모리 한도다: 컨테이너를 띄운 명령이나 도구가 --memory ${flag}에 해당하는 값을 줬다(제한이 없으면 LIMIT에는 호스트 전체 메모리가 나온다). docker inspect --format '{{.HostConfig.Memory}}' <컨테이너>로 바이트 단위 값을 확인한다.`
        : `A LIMIT of ${size} is not the host's memory but a memory limit set on the container: whatever started it gave it the equivalent of --memory ${flag} (with no limit, LIMIT shows the host's total memory). docker inspect --format '{{.HostConfig.Memory}}' <container> shows it in bytes.`;
    return [{ option: 'LIMIT', text: set, reads: true, numbers: [size] }];
  }
  const text =
    lang === 'ko'
      ? `LIMIT ${size}는 --memory 없이 띄운 컨테이너에서 docker stats가 보여 주는 호스트 전체 메모리(Docker Desktop이면 그 리눅스 VM의 메모리)다: 제한이 없다는 뜻이고, 그만큼을 미리 잡아 두는 것은 아니다.`
      : `A docker stats LIMIT of ${size} for a container started without --memory is the host's total memory (on Docker Desktop, its Linux VM's): there is no limit, and nothing is reserved.`;
  return [{ option: 'LIMIT', text, reads: true, numbers: [size] }];
}

/** "MEM USAGE / LIMIT 150MiB / 200MiB, MEM % 몇?": the two sizes of the column. */
const USAGE_LIMIT = new RegExp(String.raw`(\d+(?:\.\d+)?)\s?([kmgt])i?b\s?\/\s?(\d+(?:\.\d+)?)\s?([kmgt])i?b\b`, 'i');
const ASKS_PERCENT = /MEM\s?%|퍼센트|percent|몇\s?%|%\s?(?:는|가|로|몇)/i;

/** The usage and limit the student gives, in bytes and as written back (150MiB / 200MiB), if the usage is within it. */
function usageAndLimit(question: string): { usage: number; limit: number; shown: string; usageShown: string } | undefined {
  const m = USAGE_LIMIT.exec(question);
  if (!m) return undefined;
  const [, u, uu, l, lu] = m;
  const usage = bytesOf(u, uu);
  const limit = bytesOf(l, lu);
  if (!(limit > 0) || usage > limit) return undefined;
  const usageShown = `${u}${uu.toUpperCase()}iB`;
  return { usage, limit, usageShown, shown: `${usageShown} / ${l}${lu.toUpperCase()}iB` };
}

/** MEM % worked from the usage and limit the student gives: USAGE ÷ LIMIT × 100. */
export function memPercentReading(question: string, lang: Lang): Figure[] {
  const read = usageAndLimit(question);
  // Asked in the student's own words: a pasted stats table's "MEM %" header asks nothing.
  const asked = pastedOutput(question)?.rest ?? question;
  if (!read || !ASKS_PERCENT.test(asked)) return [];
  const { usage, limit, shown } = read;
  const pct = Number(((100 * usage) / limit).toFixed(2));
  const text =
    lang === 'ko'
      ? `MEM USAGE / LIMIT가 ${shown}면 MEM %는 USAGE ÷ LIMIT × 100 = ${pct}%다.`
      : `With MEM USAGE / LIMIT at ${shown}, MEM % is USAGE ÷ LIMIT × 100 = ${pct}%.`;
  return [{ option: 'MEM %', text, reads: true, numbers: [`${pct}%`] }];
}

/** A usage at this share of its limit or more is at the limit: reclaim, then the OOM killer. */
const AT_LIMIT = 0.9;

/**
 * A MEM USAGE / LIMIT the student read at (or within a tenth of) the limit ("199.4MiB / 200MiB 이거 괜찮음?"): what
 * happens there. Not for the host's own memory, a LIMIT set by nobody (limitReading says that).
 */
export function memoryPressureReading(question: string, lang: Lang): Figure[] {
  const read = usageAndLimit(question);
  if (!read || SET_NONE.test(question) || read.usage < AT_LIMIT * read.limit) return [];
  const { shown, usageShown } = read;
  const text =
    lang === 'ko'
      ? `MEM USAGE / LIMIT ${shown}는 컨테이너가 메모리 한도에 닿았다는 뜻이다: 커널이 먼저 페이지 캐시를 회수하고, 더 회수할 수 없으면 OOM killer가 컨테이너 안의 프로세스를 죽인다(docker inspect의 OOMKilled가 true, 종료 코드 137). 앱에 더 필요하면 docker update로 --memory를 올린다.`
      : `MEM USAGE / LIMIT at ${shown} means the container is at its memory limit: the kernel first reclaims page cache, and when it cannot free more, the OOM killer kills a process in the container (docker inspect then shows OOMKilled true, exit code 137). If the app needs more, raise --memory with docker update.`;
  return [{ option: 'MEM USAGE / LIMIT', text, reads: true, numbers: [usageShown] }];
}

/** "BLOCK I/O 1.2GB / 300MB", "NET I/O 1.2MB / 860kB": the two totals of an I/O column as the student read them. */
/** The column named last before the two totals reads them ("BLOCK I/O vs NET I/O, my block io is 0B / 0B"). */
const IO_READING =
  /\b(BLOCK|NET)[\s_]?I\/?O\b((?:(?!\b(?:BLOCK|NET)[\s_]?I\/?O\b)[^\d\n]){0,24})(\d+(?:\.\d+)?\s?[kMGT]?i?B)\s?\/\s?(\d+(?:\.\d+)?\s?[kMGT]?i?B)/i;

export function ioReading(question: string, lang: Lang): Figure[] {
  const m = IO_READING.exec(question);
  if (!m) return [];
  const [, kind, , first, second] = m;
  const block = kind.toUpperCase() === 'BLOCK';
  const column = block ? 'BLOCK I/O' : 'NET I/O';
  const text =
    lang === 'ko'
      ? `${column} ${first} / ${second}: 앞의 ${first}는 ${block ? '블록 장치(디스크)에서 읽은 양' : '네트워크로 받은 양'}, 뒤의 ${second}는 ${block ? '쓴 양' : '보낸 양'}이고, 초당 값이 아니라 컨테이너가 시작된 뒤의 누적 합계다.`
      : `${column} ${first} / ${second}: ${first} ${block ? 'read from block devices (disk)' : 'received over the network'} and ${second} ${block ? 'written' : 'sent'}, totals since the container started, not rates.`;
  return [{ option: column, text, reads: true, numbers: [first.replace(/\s/g, '')] }];
}
