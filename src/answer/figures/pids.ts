// --pids-limit with the student's own value: what happens at the limit, and what counts toward it.
import type { Lang } from '../../knowledge/types.js';
import { group, type Figure } from './figure.js';

const PIDS_LIMIT = /--pids-limit[= ]?\s*(\d+)(?!\.?\d)/i;

/** "--pids-limit 100: what happens at #101?": the 101st process or thread fails to start; nothing is killed. */
export function pidsFigure(question: string, lang: Lang): Figure[] {
  const limit = Number(PIDS_LIMIT.exec(question)?.[1] ?? NaN);
  if (!(limit > 0)) return [];
  const n = group(limit);
  const next = group(limit + 1);
  const text =
    lang === 'ko'
      ? `--pids-limit ${n}이면 컨테이너의 pids.max가 ${n}이 되어 프로세스와 스레드를 합쳐 ${n}개까지 동시에 있을 수 있고, ${next}번째 fork()/clone()은 EAGAIN("Resource temporarily unavailable")으로 실패할 뿐 컨테이너와 기존 프로세스는 죽지 않고 계속 돈다.`
      : `With --pids-limit ${n}, the container's pids.max is ${n}: processes and threads together may number ${n} at once, and the ${ordinal(limit + 1)} fork()/clone() fails with EAGAIN ("Resource temporarily unavailable") while the container and its existing processes keep running.`;
  return [{ option: '--pids-limit', text, numbers: [next] }];
}

const ordinal = (k: number) => {
  const tens = k % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[k % 10] ?? 'th');
  return `${group(k)}${suffix}`;
};
