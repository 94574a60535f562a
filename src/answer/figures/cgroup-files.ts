// cgroup v2 files as pasted: cpu.max and memory.max read back as limits.
import type { Lang } from '../../knowledge/types.js';
import { group, MiB, type Figure } from './figure.js';

const CPU_MAX = /cpu\.max\D{0,40}?\b(max|\d+)\s+(\d+)\b/i;
const MEMORY_MAX = /memory\.max\D{0,40}?\b(max|\d{4,})\b/i;

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
