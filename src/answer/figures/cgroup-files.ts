// cgroup files as pasted: cpu.max and memory.max read back as limits, cpu.stat as throttling.
import type { Lang } from '../../knowledge/types.js';
import { group, MiB, type Figure } from './figure.js';

const CPU_MAX = /cpu\.max\D{0,40}?\b(max|\d+)\s+(\d+)\b/i;
const MEMORY_MAX = /memory\.max\D{0,40}?\b(max|\d{4,})\b/i;

const THROTTLED = /nr_throttled\D{0,5}(\d+)/i;
const PERIODS = /nr_periods\D{0,5}(\d+)/i;
/** cgroup v2 counts throttled time in microseconds, v1 in nanoseconds. */
const THROTTLED_TIME = /throttled_(usec|time)\D{0,5}(\d+)/i;

/** cpu.stat as pasted: how often and how long the CPU quota held the container back, and what to do. */
export function throttlingReading(question: string, lang: Lang): Figure[] {
  const throttled = THROTTLED.exec(question);
  if (!throttled || Number(throttled[1]) === 0) return [];
  const periods = PERIODS.exec(question);
  const time = THROTTLED_TIME.exec(question);
  const share = periods && Number(periods[1]) > 0 ? `${Math.round((100 * Number(throttled[1])) / Number(periods[1]))}%` : '';
  const seconds = time ? Math.round(Number(time[2]) / (time[1].toLowerCase() === 'usec' ? 1e6 : 1e9)) : undefined;
  const ko = lang === 'ko';
  const count = share
    ? ko
      ? `${group(Number(periods![1]))}개 주기 중 ${group(Number(throttled[1]))}개(${share})에서 스로틀링됐고`
      : `the container was throttled in ${group(Number(throttled[1]))} of ${group(Number(periods![1]))} periods (${share})`
    : ko
      ? `${group(Number(throttled[1]))}번 스로틀링됐고`
      : `the container was throttled ${group(Number(throttled[1]))} times`;
  const total = seconds === undefined ? '' : ko ? ` 모두 ${seconds}초 동안 멈췄다` : `, held back ${seconds} s in all`;
  const text = ko
    ? `cpu.stat을 보면 ${count}${total || ' 그때마다 멈췄다'}. 100ms 주기 안에 CPU 쿼터(--cpus)를 다 써서 다음 주기까지 기다린 것이므로, 평균 CPU가 낮아도 응답이 끊긴다. 멈춤이 문제면 --cpus를 올리거나 CPU 작업을 줄인다.`
    : `cpu.stat says ${count}${total}: it used up its CPU quota (--cpus) within a 100 ms period and waited for the next one, which shows as pauses even at a low average CPU. Raise --cpus or cut the CPU work if the pauses hurt.`;
  return [{ option: 'cpu.stat', text, reads: true, numbers: [share || group(Number(throttled[1]))] }];
}

/** A cgroup v2 file's content as pasted: cpu.max "50000 100000" is half a CPU; memory.max "max" is no limit. */
export function cgroupReading(question: string, lang: Lang): Figure[] {
  const ko = lang === 'ko';
  const cpu = CPU_MAX.exec(question);
  if (cpu) {
    const [, quota, period] = cpu;
    const cpus = quota === 'max' ? 0 : Number((Number(quota) / Number(period)).toFixed(3));
    const text =
      quota === 'max'
        ? ko
          ? `cpu.max 값 "max ${period}": CPU 쿼터가 없다는 뜻으로, --cpus나 --cpu-quota 없이 실행된 컨테이너다(${period}µs는 주기).`
          : `cpu.max "max ${period}" means no CPU quota: the container was started without --cpus or --cpu-quota (${period} µs is the period).`
        : ko
          ? `cpu.max 값 "${quota} ${period}": ${group(Number(period))}µs 주기마다 CPU 시간 ${group(Number(quota))}µs라는 쿼터로, CPU ${cpus}개 분량(--cpus ${cpus})이다.`
          : `cpu.max "${quota} ${period}" is a quota of ${group(Number(quota))} µs of CPU time per ${group(Number(period))} µs period: ${cpus} CPUs' worth (--cpus ${cpus}).`;
    return [{ option: 'cpu.max', text, reads: true, numbers: [`"${quota} ${period}"`] }];
  }
  const memory = MEMORY_MAX.exec(question);
  if (!memory) return [];
  const mib = Number((Number(memory[1]) / MiB).toFixed(2));
  const text =
    memory[1] === 'max'
      ? ko
        ? 'memory.max 값 max: 메모리 제한이 없다는 뜻으로, --memory 없이 실행된 컨테이너다.'
        : 'memory.max "max" means no memory limit: the container was started without --memory.'
      : ko
        ? `memory.max 값 ${memory[1]}: ${group(Number(memory[1]))}바이트 = ${mib}MiB 한도다.`
        : `memory.max ${memory[1]} is a limit of ${group(Number(memory[1]))} bytes = ${mib} MiB.`;
  return [{ option: 'memory.max', text, reads: true, numbers: [memory[1] === 'max' ? 'means no memory limit' : 'MiB'] }];
}
