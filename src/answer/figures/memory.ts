// --memory and --memory-swap: swap from the two values, sizes in bytes, Docker's 6 MiB minimum.
import type { Lang } from '../../knowledge/types.js';
import { commandWords, firstOperand } from '../run-command.js';
import { bytesOf, group, MiB, SIZE, sizeText, type Figure } from './figure.js';

/** Docker's smallest --memory (the daemon's "Minimum memory limit allowed is 6MB"). */
const MIN_MEMORY = 6 * MiB;
/** --memory (or -m) and its size as typed. */
export const MEMORY = new RegExp(String.raw`(?<![\w-])(?:--memory|-m)(?![\w-])[= ]?\s*${SIZE}`, 'i');
/** "메모리 300m 주고", "ram 1g limit": the option named in words, with a unit (a bare number is not a size here). */
const MEMORY_WORDS = new RegExp(
  String.raw`(?<![\w-])(?:memory|mem|ram|메모리|램)(?:를|을|은|는|가|이|로|limit|제한|상한|\s)*\s?(\d+(?:\.\d+)?)\s?([kmgt](?:i?b)?|메가|기가)(?![a-z])`,
  'i',
);
/** The size before the word ("2기가 memory", "2gb ram", "512메가 메모리"): the option named in words the other way round. */
const SIZE_THEN_MEMORY = new RegExp(
  String.raw`(?<![\w.-])(\d+(?:\.\d+)?)\s?([kmgt](?:i?b)?|메가|기가)\s?(?:of\s)?(?:memory|mem|ram|메모리|램)(?![a-z])`,
  'i',
);
/** Whose memory a size before the word is: the machine's ("my laptop has 16gb ram") is no limit given. */
const MACHINE_BEFORE =
  /\b(?:host|laptop|server|machine|pc|box|desktop|node|vm)\b|노트북|호스트|서버|컴퓨터|(?<![가-힣])컴(?![가-힣])|데스크탑/i;
const containerSizeThenMemory = (question: string) => {
  const m = SIZE_THEN_MEMORY.exec(question);
  return m && !MACHINE_BEFORE.test(question.slice(Math.max(0, m.index - 30), m.index)) ? m : null;
};
/** --memory-swap and its size as typed. */
export const SWAP = new RegExp(String.raw`--memory-swap(?![\w-])[= ]?\s*${SIZE}`, 'i');
const SWAP_ASKED = /swap|스왑|in total|total|합계|합쳐|총|전부|before it gets killed/i;
const UNIT_ASKED = /\bmi?b\b|mebi|megabyte|bytes?|메가|메비|바이트|단위|units?|exactly|정확히/i;

/** "--memory-swap -1", "memory-swap 0": one of the two special values, asked about without a --memory. */
const SPECIAL_SWAP = /(?<![\w-])(?:--)?memory[- ]?swap(?![\w-])[= ]?\s*(-1|0)(?![\w.])/i;

/** What --memory-swap -1 or 0 means, whatever --memory is. */
function specialSwapFigure(value: string, lang: Lang): Figure {
  const ko = lang === 'ko';
  const text =
    value === '-1'
      ? ko
        ? `--memory-swap -1은 스왑 무제한이다: 컨테이너는 --memory 한도만큼의 메모리에 더해 호스트의 스왑을 제한 없이 쓸 수 있다(--memory와 함께 줄 때만 의미가 있다).`
        : `--memory-swap -1 means unlimited swap: the container gets its --memory of memory plus as much swap as the host has (it only means something together with --memory).`
      : ko
        ? `--memory-swap 0은 주지 않은 것과 같다: 메모리+스왑 합계가 --memory의 2배가 되어 메모리와 같은 양의 스왑을 더 쓸 수 있다.`
        : `--memory-swap 0 is the same as leaving it unset: memory plus swap becomes twice --memory, so the container may swap as much as its memory limit.`;
  return { option: '--memory-swap', text, numbers: [`--memory-swap ${value}`], special: true };
}

export function memoryFigures(question: string, lang: Lang): Figure[] {
  const option = MEMORY.exec(question);
  const memory = option ?? MEMORY_WORDS.exec(question) ?? containerSizeThenMemory(question);
  const special = SPECIAL_SWAP.exec(question);
  if (!memory && special) return [specialSwapFigure(special[1], lang)];
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
  // docker update keeps the container's memory-swap: a larger --memory alone is refused, so the total goes with it.
  const update = option && !swap ? commandWords(question, 'update') : undefined;
  // The size given to docker update is the new limit, not one the container was started with ("--memory 300m으로 띄운
  // 컨테 … docker update --memory 1g 했더니 …").
  const updated = update && MEMORY.exec(update.join(' '));
  if (update) return [updateFigure(updated ? bytesOf(updated[1], updated[2]) : bytes, containerOf(update), lang)];
  // Named in words ("메모리 300m 주고"), the size is how the limit is said, not a question about units; and "swap 4g"
  // beside it may mean the swap alone or the total: no figure rather than a guess.
  if (!option) {
    const swapInWords = !swap && /(?:swap|스왑)(?:은|는|을|를|이|가)?\s?\d/i.test(question);
    if (!swapInWords && (swap || SWAP_ASKED.test(question))) figures.push(swapFigure(bytes, swap, lang));
    return figures;
  }
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

/** The container a pasted `docker update …` names: its first word past the options, if it reads as a name. */
function containerOf(words: string[]): string | undefined {
  const name = words[firstOperand(words)];
  return name && /^[a-z0-9][\w.-]*$/i.test(name) ? name : undefined;
}

/** A new --memory for a running container, with the total it needs: memory plus as much swap, as docker run's default. */
function updateFigure(memory: number, container: string | undefined, lang: Lang): Figure {
  const m = sizeText(memory);
  const total = sizeText(2 * memory);
  const name = container ?? (lang === 'ko' ? '<컨테이너>' : '<container>');
  const command = `docker update --memory ${m} --memory-swap ${total} ${name}`;
  const text =
    lang === 'ko'
      ? `--memory ${m}로 올릴 때는 합계도 함께 준다: ${command} (--memory-swap은 메모리+스왑 합계라 새 --memory 이상이어야 하고, ${total}면 docker run 기본값처럼 메모리만큼 스왑을 쓸 수 있다).`
      : `To set --memory ${m}, give the total with it: ${command} (--memory-swap is memory plus swap and must be at least the new --memory; ${total} allows as much swap as memory, as docker run's default does).`;
  return { option: '--memory-swap', text, numbers: [command] };
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
    // Said already only where the answer has the student's memory value with the total (the notes' 300m/1g
    // example has a 1g that is no total of 512m).
    return fig(text, [sizeText(2 * memory), m]);
  }
  const t = sizeText(total);
  if (total < memory)
    return fig(
      ko
        ? `--memory ${m}, --memory-swap ${t}: 합계가 메모리보다 작아서 도커가 거부한다. --memory-swap은 메모리+스왑 합계라 --memory 이상이어야 하고, 스왑을 ${t} 주려면 --memory ${m} --memory-swap ${sizeText(memory + total)}(${m} + ${t})로 준다.`
        : `Docker refuses --memory-swap ${t} with --memory ${m}: --memory-swap is memory plus swap, so it must be at least --memory; for ${t} of swap, give --memory ${m} --memory-swap ${sizeText(memory + total)} (${m} + ${t}).`,
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
