// What happens to a program that needs more than the --memory the student set: past memory plus swap the OOM
// killer ends it; between the two it swaps and slows. The student's experiment ("--memory 300m --memory-swap 300m,
// a 500mb python → Killed, expected?") worked out with their own sizes.
import type { Lang } from '../../knowledge/types.js';
import { bytesOf, sizeText, type Figure } from './figure.js';
import { MEMORY, SWAP } from './memory.js';

const UNIT = String.raw`(m|g|mb|gb|mib|gib|메가|기가)(?![a-z])`;
/** A size the program takes: "500mb 잡는", "1g 먹는", "512m 넘게 쓰려고"; "allocates 500mb", "tries to grab 1g". */
const TAKES = new RegExp(
  String.raw`(\d+(?:\.\d+)?)\s?${UNIT}\s?(?:짜리\s?)?(?:넘게\s?|이상\s?)?(?:를|을)?\s?(?:잡|먹|쓰|할당|채우)|\b(?:allocat\w*|grab\w*|tries to (?:use|grab|take|allocate)|eats?|needs?|fills?)\s(?:up\s)?(?:like\s|about\s|around\s|~)?(\d+(?:\.\d+)?)\s?${UNIT}`,
  'i',
);

/** The host has no swap to give ("swap turned off", "스왑 꺼둠", "no swap on the host"). */
const NO_HOST_SWAP = /\bswap (?:is )?(?:turned |switched )?off\b|\bno swap\b|\bswapoff\b|스왑\s?(?:을\s?|이\s?)?(?:꺼|끄|없)/i;

/** A program taking more than the --memory set: killed past memory plus swap, swapping and slow below that. */
export function memoryOutcome(question: string, lang: Lang): Figure[] {
  const memory = MEMORY.exec(question);
  const takes = TAKES.exec(question.replace(SWAP, ' ').replace(MEMORY, ' '));
  if (!memory || memory[1] === '-1' || !takes) return [];
  const limit = bytesOf(memory[1], memory[2]);
  const wanted = takes[1] ? bytesOf(takes[1], takes[2]) : bytesOf(takes[3], takes[4]);
  if (!(limit > 0) || !(wanted > limit)) return [];
  const swap = SWAP.exec(question);
  const unlimited = swap?.[1] === '-1';
  const noHostSwap = NO_HOST_SWAP.test(question);
  const allowed = !swap || Number(swap[1]) === 0 ? 2 * limit : unlimited ? Infinity : bytesOf(swap[1], swap[2]);
  // Swap allowed is no swap to use on a host that has none.
  const total = noHostSwap ? limit : allowed;
  if (total < limit) return [];
  const [m, w, t] = [sizeText(limit), sizeText(wanted), sizeText(total)];
  const ko = lang === 'ko';
  const totalSaid = noHostSwap
    ? ko
      ? `(호스트에 스왑이 없어 ${t})`
      : ` (${t}: the host has no swap)`
    : !swap
      ? ko
        ? `(--memory-swap을 주지 않아 합계는 2배인 ${t})`
        : ` (${t}: with no --memory-swap the total is twice --memory)`
      : ko
        ? `(${t})`
        : ` (${t})`;
  const text =
    wanted >= total
      ? ko
        ? `--memory ${m}에서 프로그램에 필요한 메모리(${w})가 메모리+스왑 합계${totalSaid}를 넘으므로, 커널의 OOM killer가 그 프로세스를 죽이는 것이 정상이다: 셸에는 Killed가 찍히고 메인 프로세스라면 종료 코드 137, docker inspect의 OOMKilled는 true다.`
        : `Under --memory ${m}, a program that needs ${w} goes past the memory plus swap total${totalSaid}, so the kernel's OOM killer killing it is expected: the shell prints Killed, a main process exits with code 137, and docker inspect shows OOMKilled true.`
      : ko
        ? `--memory ${m}에서 프로그램에 필요한 메모리(${w})는 --memory 한도를 넘지만 메모리+스왑 합계${unlimited ? '(-1, 무제한)' : totalSaid} 안이라, 넘는 부분이 스왑으로 나가 바로 죽지 않고 크게 느려진다(호스트에 스왑이 있을 때). 스왑 없이 바로 막으려면 --memory-swap을 --memory와 같게 준다.`
        : `Under --memory ${m}, a program that needs ${w} is over the memory limit but within the memory plus swap total${unlimited ? ' (-1, unlimited)' : totalSaid}, so the excess goes to swap and it slows down instead of dying (where the host has swap). To stop it at ${m} with no swap, set --memory-swap equal to --memory.`;
  return [{ option: '--memory', text, reads: true, numbers: [w] }];
}
