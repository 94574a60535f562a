// docker stats figures the student saw, read back: a CPU % of 250% is about two and a half cores' worth of CPU time;
// PIDS 43 for one app is its threads.
import type { Lang } from '../../knowledge/types.js';
import type { Figure } from './figure.js';

/** A percentage with "cpu" just before it ("CPU % 가 250%", "cpu at like 350%") or just after it ("180% cpu"). */
const CPU_PERCENT = /\bcpu\b[^%\d\n]{0,24}?(?:%[^%\d\n]{0,16}?)?(\d{1,5}(?:\.\d+)?)\s?%|(\d{1,5}(?:\.\d+)?)\s?%\s?(?:of\s)?cpu\b/i;
/** The host's cores as the student gives them ("my 4 core box", "8코어"); --cpus is a limit, not cores. */
const HOST_CORES = /(?<![\w.-])(\d{1,3})\s?(?:-?\s?cores?\b|코어)/i;

/** Readings above one core's 100% are what students ask about ("is 250% broken?"). */
const ONE_CORE = 100;

export function cpuPercentReading(question: string, lang: Lang): Figure[] {
  // With a --cpus limit in the question, its own figure gives the ceiling that reading is measured against.
  if (/--cpus\b/i.test(question)) return [];
  const m = CPU_PERCENT.exec(question);
  const value = m ? Number(m[1] ?? m[2]) : NaN;
  if (!(value > ONE_CORE) || value > 100 * 1024) return [];
  const cores = Number(HOST_CORES.exec(question)?.[1] ?? NaN);
  const worth = Number((value / 100).toFixed(2));
  const ceiling = cores > 0 && cores * 100 >= value ? cores * 100 : undefined;
  const text =
    lang === 'ko'
      ? `CPU % ${value}%는 코어 약 ${worth}개 분량의 CPU 시간을 쓰고 있다는 뜻으로, 멀티코어 호스트에서는 정상이다${ceiling ? `(${cores}코어면 최대 ${ceiling}%)` : '(최대는 코어 수 × 100%)'}.`
      : `A CPU % of ${value}% means about ${worth} cores' worth of CPU time, which is normal on a multi-core host${ceiling ? ` (at most ${ceiling}% on ${cores} cores)` : ' (at most the number of cores × 100%)'}.`;
  return [{ option: 'CPU %', text, reads: true, numbers: [`${value}%`] }];
}

/** "PIDS column says 43", "PIDS 칸에 40 떠있음": a count the student read off the PIDS column. */
const PIDS_READING = /\bPIDS\b[^\d\n]{0,30}?(\d{1,6})(?![\d.%])/i;

export function pidsReading(question: string, lang: Lang): Figure[] {
  if (/--pids-limit/i.test(question)) return [];
  const n = Number(PIDS_READING.exec(question)?.[1] ?? NaN);
  if (!(n > 0)) return [];
  const text =
    lang === 'ko'
      ? `PIDS ${n}은 지금 컨테이너 안에 있는 프로세스와 스레드를 합친 수다: 스레드도 하나씩 세므로 JVM이나 Node.js 같은 앱 하나가 스레드 ${n}개로 이 값을 채울 수 있다.`
      : `PIDS ${n} is the number of processes and threads in the container right now: each thread counts, so a single app such as a JVM or Node.js can account for all ${n}.`;
  return [{ option: 'PIDS', text, reads: true, numbers: [`PIDS ${n}`] }];
}
