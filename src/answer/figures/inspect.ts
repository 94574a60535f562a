// docker inspect's HostConfig fields as pasted ("NanoCpus": 1500000000, "Memory": 314572800, "CpuShares": 0): each
// read back as the docker run option it stores, in the option's own units.
import type { Lang } from '../../knowledge/types.js';
import { group, MiB, sizeText, type Figure } from './figure.js';

/** A field as docker inspect prints it, quoted in JSON or bare after a --format template. */
const field = (name: string) => new RegExp(`(?<![\\w.])"?${name}"?\\s*:\\s*(-?\\d+)(?![\\d.])`, 'i');
const NANO_CPUS = field('NanoCpus');
const MEMORY = field('Memory');
const MEMORY_SWAP = field('MemorySwap');
const CPU_SHARES = field('CpuShares');

/** One CPU's worth of time in NanoCpus. */
const NANO = 1e9;

/** Every HostConfig value the question pastes, read as its option. */
export function inspectReading(question: string, lang: Lang): Figure[] {
  return [nanoCpus(question, lang), memory(question, lang), cpuShares(question, lang)].filter((f): f is Figure => !!f);
}

function nanoCpus(question: string, lang: Lang): Figure | undefined {
  const m = NANO_CPUS.exec(question);
  if (!m) return undefined;
  const n = Number(m[1]);
  const ko = lang === 'ko';
  if (n === 0) {
    const text = ko
      ? `NanoCpus 0은 --cpus 제한이 없다는 뜻이라, 컨테이너는 호스트의 모든 CPU를 쓸 수 있다.`
      : `NanoCpus 0 means no --cpus limit: the container may use every CPU of the host.`;
    return { option: '--cpus', text, reads: true, numbers: ['NanoCpus 0'] };
  }
  const cpus = String(Number((n / NANO).toFixed(3)));
  const text = ko
    ? `NanoCpus ${m[1]}은 --cpus ${cpus}다: docker inspect는 --cpus 한도를 CPU 1개의 10억분의 1 단위로 보여 준다(${group(NANO)} = CPU 1개 분량의 시간).`
    : `NanoCpus ${m[1]} is --cpus ${cpus}: docker inspect shows the --cpus limit in billionths of a CPU (${group(NANO)} = one CPU's worth of time).`;
  return { option: '--cpus', text, reads: true, numbers: [`NanoCpus ${m[1]}`] };
}

function memory(question: string, lang: Lang): Figure | undefined {
  const m = MEMORY.exec(question);
  if (!m) return undefined;
  const bytes = Number(m[1]);
  const ko = lang === 'ko';
  if (bytes === 0) {
    const text = ko
      ? `Memory 0은 메모리 제한이 없다는 뜻이라, 컨테이너는 호스트(Docker Desktop이면 그 VM)의 메모리를 다 쓸 수 있다.`
      : `Memory 0 means no memory limit: the container may use all of the host's memory (on Docker Desktop, its VM's).`;
    return { option: '--memory', text, reads: true, numbers: ['Memory 0'] };
  }
  const size = sizeText(bytes);
  const mib = bytes % MiB === 0 ? ` (${group(bytes / MiB)} MiB)` : '';
  const swap = swapOf(question, bytes, lang);
  const text = ko
    ? `Memory ${m[1]}은 --memory ${size}${mib}다: docker inspect는 메모리 한도를 바이트로 보여 준다.${swap}`
    : `Memory ${m[1]} is --memory ${size}${mib}: docker inspect shows the memory limit in bytes.${swap}`;
  return { option: '--memory', text, reads: true, numbers: [`Memory ${m[1]}`] };
}

/** What MemorySwap says beside the memory limit: the total of both, so the swap is the difference. */
function swapOf(question: string, memoryBytes: number, lang: Lang): string {
  const s = MEMORY_SWAP.exec(question);
  if (!s) return '';
  const total = Number(s[1]);
  const ko = lang === 'ko';
  if (total === -1) return ko ? ' MemorySwap -1은 스왑 무제한이다.' : ' MemorySwap -1 is unlimited swap.';
  if (total <= memoryBytes) return ko ? ' MemorySwap이 같으니 스왑은 없다.' : ' MemorySwap equals it, so there is no swap.';
  const swap = sizeText(total - memoryBytes);
  // Twice the memory is what Docker sets when --memory-swap is not given.
  const doubled = total === 2 * memoryBytes;
  const why = doubled
    ? ko
      ? ' --memory-swap을 주지 않으면 도커가 합계를 --memory의 2배로 잡기 때문이다.'
      : ' Docker sets the total to twice --memory when --memory-swap is not given.'
    : '';
  return ko
    ? ` MemorySwap ${s[1]}은 메모리와 스왑의 합계 ${sizeText(total)}이므로 스왑은 ${swap}다.${why}`
    : ` MemorySwap ${s[1]} is memory plus swap, ${sizeText(total)} in all, so ${swap} of it is swap.${why}`;
}

function cpuShares(question: string, lang: Lang): Figure | undefined {
  const m = CPU_SHARES.exec(question);
  if (!m) return undefined;
  const ko = lang === 'ko';
  const text =
    m[1] === '0'
      ? ko
        ? `CpuShares 0은 가중치를 따로 주지 않았다는 뜻이라 기본 가중치 1024가 적용된다.`
        : `CpuShares 0 means no weight was set, so the default weight 1024 applies.`
      : ko
        ? `CpuShares ${m[1]}은 --cpu-shares ${m[1]}, 즉 CPU 경쟁 때만 쓰는 상대 가중치다(기본 1024).`
        : `CpuShares ${m[1]} is --cpu-shares ${m[1]}, a relative weight used only when containers compete for CPU (default 1024).`;
  return { option: '--cpu-shares', text, reads: true, numbers: [`CpuShares ${m[1]}`] };
}
