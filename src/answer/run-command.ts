// A `docker run` line pasted into a question, read the way the Docker CLI reads it: options end at the image
// name, and whatever follows is the container's command. Options typed after the image (the source article's
// own `… resumarble:2.0 --memory 200m`) are a common mistake; the answer shows the line with them moved.
import { EN_STOP } from '../knowledge/closed-class.js';

/** docker run options that take a value (the next word, unless written --opt=value). */
const VALUE_OPTIONS = new Set(
  `-p --publish -e --env --env-file -v --volume --mount --name -m --memory --memory-swap --memory-reservation
  --kernel-memory --cpus -c --cpu-shares --cpuset-cpus --cpuset-mems --cpu-period --cpu-quota --pids-limit --ulimit
  --network --net -u --user -w --workdir --entrypoint --restart -l --label --log-driver --log-opt -h --hostname
  --add-host --tmpfs --device --cap-add --cap-drop --security-opt --runtime --platform --gpus --shm-size
  --stop-timeout --stop-signal --oom-score-adj --blkio-weight --dns --expose --ipc --pid --uts --cgroupns --isolation`
    .split(/\s+/)
    .filter(Boolean),
);
/** docker run options that take no value. */
const FLAGS = new Set(
  '-d --detach -i --interactive -t --tty -it -ti -dit --rm --init --privileged --read-only -P --oom-kill-disable'.split(' '),
);

export interface RunFix {
  /** The line as pasted (from `docker run` to the end of the command). */
  original: string;
  /** The same line with the Docker options moved before the image name. */
  fixed: string;
  /** The options that were after the image name, as typed. */
  moved: string[];
  /** The image name they followed. */
  image: string;
}

/** Why the pasted line set no limit, in the question's language. */
export function misplacedOptions(fix: RunFix, lang: 'ko' | 'en'): string {
  const moved = fix.moved.join(' ');
  return lang === 'ko'
    ? `이미지 이름(${fix.image}) 뒤에 쓴 옵션(${moved})은 도커가 적용하지 않는다: 이미지 이름 뒤의 단어는 도커 옵션이 아니라 컨테이너가 실행할 명령(또는 ENTRYPOINT의 인자)으로 넘어가므로, 옵션은 이미지 이름 앞에 써야 한다.`
    : `${moved} comes after the image name (${fix.image}), so Docker never applied it: everything after the image name is passed to the container as its command (or as arguments to its ENTRYPOINT), not read as a Docker option. Put Docker options before the image name.`;
}

const isDockerOption = (word: string) => FLAGS.has(word) || VALUE_OPTIONS.has(word.split('=')[0]);
const takesValue = (word: string) => VALUE_OPTIONS.has(word) && !word.includes('=');

/** An arrow or a comment marker typed after a command. */
const POINTER = /^(?:<-+|<=+|-+>|=+>|[←→⬅👈]|#|\/\/)/u;

/**
 * The words of the first `docker run` (or other `subcommand`) command in the text: up to a backtick, a line end, a
 * Hangul word, an English function word ("… myapp:1.0 --memory 200m and docker stats still …"), an arrow or comment
 * marker ("<- copied this") or a word ending a clause (?, !, comma).
 */
export function commandWords(text: string, subcommand = 'run'): string[] | undefined {
  const m = new RegExp(`\\bdocker\\s+(?:container\\s+)?${subcommand}(?=\\s|[\\uac00-\\ud7a3])\\s*([^\`\\n]*)`, 'i').exec(text);
  if (!m) return undefined;
  const words: string[] = [];
  for (const w of m[1].trim().split(/\s+/)) {
    // A pointer or a comment after the command ("… --memory 200m  <- copied this") is the student's note, not a word of it.
    if (/[\uac00-\ud7a3]/.test(w) || EN_STOP.has(w.toLowerCase()) || POINTER.test(w)) break;
    words.push(w.replace(/[?!,.]+$/, ''));
    if (/[?!,]$|\.$/.test(w) && !/^\d+\.$/.test(w)) break;
  }
  return words.filter(Boolean);
}

/** Where a command's first operand stands (the image of `docker run`, the container of `docker update`): past its options. */
export function firstOperand(words: string[]): number {
  let i = 0;
  while (i < words.length && words[i].startsWith('-')) i += takesValue(words[i]) ? 2 : 1;
  return i;
}

/** Options after the image of a pasted `docker run`, moved before it; undefined when there are none. */
export function fixRunCommand(text: string): RunFix | undefined {
  const words = commandWords(text);
  if (!words) return undefined;
  const i = firstOperand(words);
  if (i >= words.length) return undefined;
  const image = i;
  const moved: string[] = [];
  let j = image + 1;
  // Only options right after the image: after a command word (python app.py --port 80) they are the command's.
  while (j < words.length && isDockerOption(words[j])) {
    const take = takesValue(words[j]) && j + 1 < words.length ? 2 : 1;
    moved.push(...words.slice(j, j + take));
    j += take;
  }
  if (!moved.length) return undefined;
  const before = words.slice(0, image);
  const fixed = ['docker run', ...before, ...moved, words[image], ...words.slice(j)].join(' ');
  return { original: ['docker run', ...words].join(' '), fixed, moved, image: words[image] };
}
