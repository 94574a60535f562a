// The values a how-to question asks for ("nginx capped at 512 MB", "cpu 1개"), put into the notes' example
// command in place of its example values: the student asked for 512m, not the notes' 300m.
import type { Lang } from '../knowledge/types.js';
import { escapeRegExp } from '../text/escape-regexp.js';

export interface AskedValues {
  /** A memory size as docker writes it (512m, 1g). */
  memory?: string;
  /** A number of CPUs for --cpus (1, 0.5). */
  cpus?: string;
  /** The image the question names: a well-known one (redis, postgres) or a reference with a repository or tag. */
  image?: string;
  /** A process limit for --pids-limit ("200 processes", "프로세스 100개"). */
  pids?: string;
  /** The container name asked for ("named api", "이름 payment-worker로"). */
  name?: string;
  /** A container the question names as already there ("resumarble 컨테만", "the api container"). */
  container?: string;
  /** docker run options asked for by what they do, without a value ("delete itself when it stops": --rm). */
  flags?: string[];
}

/** docker run options a question asks for by what they do, each with the words that ask for it. */
const FLAG_ASKS: [flag: string, asks: RegExp][] = [
  [
    '--rm',
    /--rm\b|\b(?:delete|remove)s? (?:it)?self\b|\bauto(?:matically)?[- ]?(?:remove|delete)|(?:자동(?:으로)?|알아서)\s?(?:삭제|지워|없어)|(?:끝나면|멈추면|종료되면|죽으면)\s?(?:바로\s?)?(?:삭제|지워|없어)/i,
  ],
  ['-e KEY=value', /\benv(?:ironment)?[ _-]?var|(?:^|\s)-e\s|--env\b|환경\s?변수/i],
  ['--read-only', /--read-only\b|\bread[- ]only\b|읽기\s?전용/i],
  [
    '--cap-drop ALL',
    /--cap-drop\b|\bdrop (?:all )?(?:the |its |of its )?(?:capabilities|privileges|caps)\b|권한\s?(?:을\s?)?(?:다|전부|모두)?\s?(?:빼|제거|없애|떨궈|drop)/i,
  ],
];
/** The name is asked for without a value: "with a name", "이름 붙여서". */
const NAME_ASKED = /--name\b|\b(?:with|give it|and) a name\b|이름\s?(?:을\s?)?(?:붙|지정|주고|줘)/i;

/** Official images a study group names; the notes' examples use some of them. */
const IMAGES = 'nginx redis mysql mariadb postgres mongo node python alpine ubuntu debian busybox httpd centos fedora'.split(' ');
const IMAGE = new RegExp(`(?<![\\w/.-])(${IMAGES.join('|')})(?![\\w/-])`, 'gi');

/** An image reference with a repository path or a tag (myrepo/payment:1.4, myapp:1.2), not a port pair or a time. */
const IMAGE_REF =
  /(?<![\w/.:-])([a-z][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)+(?::\w[\w.-]*)?|[a-z][a-z0-9._-]*:[a-z]?\d[\w.-]*)(?![\w/:-])/g;
const PIDS = [/--pids-limit[= ](\d+)/i, /(?<![\w.-])(\d+)\s?(?:processes|procs)\b/i, /프로세스\s?(?:수\s?)?(\d+)\s?개/];
/** The name asked for, after a word that introduces it ("named api", "called web", "이름 web으로"). */
const NAME = /(?:\bnamed|\bcalled|이름(?:은|을|이)?)\s+([a-z0-9][a-z0-9_.-]*[a-z0-9])/i;

/** Memory units as students write them; the giga ones become docker's g, the rest its m. */
const UNITS = 'mb|mib|m|메가바이트|메가|gb|gib|g|기가바이트|기가';
const GIGA = /^(?:gb|gib|g|기가바이트|기가)$/i;
const MEMORY = new RegExp(`(?<![\\w.-])(\\d+(?:\\.\\d+)?)\\s?(${UNITS})(?![a-z])`, 'gi');
/** A size as docker writes it (512m, 1g). */
const dockerSize = (n: string, unit: string) => `${n}${GIGA.test(unit) ? 'g' : 'm'}`;
const CPUS = [
  /--cpus[= ](\d+(?:\.\d+)?)/i,
  /(?<![\w.-])(\d+(?:\.\d+)?)\s?(?:cpus?|cores?)\b/i,
  /(?:cpu|코어|씨피유)\s?(\d+(?:\.\d+)?)\s?(?:개|코어)/i,
  /(\d+(?:\.\d+)?)\s?(?:개의?\s?)?(?:코어|cpu)/i,
];

/**
 * Wanting more or less than a value stated without a new one ("-m 256m 으로 띄웠는데 더 주고 싶음", "running with 256m and
 * needs more"): that value is where the container is now, not the one asked for.
 */
const WANTS_OTHER =
  /더\s?(?:주|늘|올|달|필요)|늘리|늘려|올리|올려|줄이|줄여|\b(?:more|raise|bump|increase|higher|bigger|less|lower|reduce|decrease)\b/i;

/** A value named as the target: "to 1g", "1g로 올리는", "2개로 늘려". */
const TARGET = new RegExp(
  `\\bto\\s+\\d+(?:\\.\\d+)?\\s?(?:${UNITS}|cpus?|cores?)?(?![a-z])|\\d+(?:\\.\\d+)?\\s?(?:${UNITS}|개|코어)?\\s?(?:으로|로|까지)\\s?(?:올|늘|바꾸|바꿔|변경|줄)`,
  'i',
);

/** A change of size ("200m에서 500m로", "from 200m to 500m", "200m -> 500m"): the size asked for is the second. */
const SIZE_CHANGE = new RegExp(
  `\\d+(?:\\.\\d+)?\\s?(?:${UNITS})(?![a-z])\\s*(?:에서|->|→|=>|\\bto\\b)\\s*(\\d+(?:\\.\\d+)?)\\s?(${UNITS})(?![a-z])`,
  'i',
);
/**
 * A container the question names by its name before 컨테(이너) or "container" ("resumarble 컨테만", "the api
 * container"), not a word of another kind there ("도커 컨테이너", "the demo container").
 */
const NAMED_CONTAINER =
  /(?<![\w.-])([a-z][a-z0-9_.-]{2,})\s?(?:컨테이너|컨테|(?:이미\s?)?(?:떠|돌고|돌아가|실행\s?중))|\b(?:the|my|our)\s+([a-z][a-z0-9]*[-_][a-z0-9_-]+|[a-z]+\d+)\s+container\b|\b([a-z][a-z0-9_.-]{2,}) is (?:already )?running\b/i;
const NOT_A_NAME =
  /^(?:docker|demo|running|new|old|same|other|test|linux|windows|that|this|each|every|one|single|whole|default|sandbox|app|vm|container|containers|image|process|server|thing|mine|it|your)$/i;

/** The memory size and CPU count the question asks for; a value asked twice differently is no value. */
export function askedValues(question: string): AskedValues {
  const sizes = new Set<string>();
  const change = SIZE_CHANGE.exec(question);
  if (change) sizes.add(dockerSize(change[1], change[2]));
  else for (const m of question.matchAll(MEMORY)) sizes.add(dockerSize(m[1], m[2]));
  const current = !change && !TARGET.test(question) && WANTS_OTHER.test(question);
  if (current) sizes.clear();
  const cpu = current ? undefined : CPUS.map((re) => re.exec(question)?.[1]).find(Boolean);
  const refs = new Set([...question.matchAll(IMAGE_REF)].map((m) => m[1]).filter((r) => !/^(?:localhost|https?|docker\.io)\b/i.test(r)));
  const images = refs.size ? refs : new Set([...question.matchAll(IMAGE)].map((m) => m[1].toLowerCase()));
  const pids = PIDS.map((re) => re.exec(question)?.[1]).find(Boolean);
  const named = NAMED_CONTAINER.exec(question);
  const container = named && (named[1] ?? named[2] ?? named[3]);
  const name = NAME.exec(question)?.[1];
  const existing =
    container && !NOT_A_NAME.test(container) && !IMAGES.includes(container.toLowerCase()) ? container.toLowerCase() : undefined;
  const flags = FLAG_ASKS.filter(([, asks]) => asks.test(question)).map(([flag]) => flag);
  if (!name && NAME_ASKED.test(question)) flags.unshift('--name <name>');
  return {
    ...(flags.length ? { flags } : {}),
    ...(sizes.size === 1 ? { memory: [...sizes][0] } : {}),
    ...(cpu ? { cpus: cpu } : {}),
    ...(images.size === 1 ? { image: [...images][0] } : {}),
    ...(pids ? { pids } : {}),
    ...(name && !images.has(name) ? { name } : {}),
    ...(existing ? { container: existing } : {}),
  };
}

/** How many of the asked values (memory, CPUs) a command has an option for. */
export function carriesAsked(command: string, asked: AskedValues): number {
  return Number(!!asked.memory && /--memory\b|\s-m\s/.test(command)) + Number(!!asked.cpus && /--cpus\b/.test(command));
}

/**
 * The command with the asked values in place of its example ones. A command that also sets --memory-swap keeps
 * its memory value: the pair must stay consistent, and the question gave only one of them.
 */
export function withAskedValues(command: string, asked: AskedValues): string {
  let out = command;
  if (asked.memory && !/--memory-swap\b/.test(out))
    out = out.replace(/(--memory[= ]|(?<=\s)-m )\d+(?:\.\d+)?[bkmg]?\b/i, `$1${asked.memory}`);
  if (asked.cpus) out = out.replace(/(--cpus[= ]"?)\d+(?:\.\d+)?/i, `$1${asked.cpus}`);
  // The image of a docker run line is its last word when that is a well-known image (never a command after it).
  const last = /^(docker run\b.*\s)(\S+)$/.exec(out);
  if (asked.image && last && IMAGES.includes(last[2])) out = `${last[1]}${asked.image}`;
  return out;
}

/**
 * A sentence of the notes with the student's own values in its commands: the container they named in place of
 * `<container>`, and the memory size they asked for in a `docker update` (with the swap total at twice it, as a
 * first limit needs).
 */
export function withAskedValuesInText(text: string, asked: AskedValues): string {
  let out = text;
  const container = asked.container ?? asked.name;
  if (container) out = out.replace(/<(?:container|컨테이너)>/g, container);
  if (asked.memory)
    out = out.replace(
      /(docker update --memory )\d+(?:\.\d+)?[kmg]( --memory-swap )\d+(?:\.\d+)?[kmg]/g,
      `$1${asked.memory}$2${twice(asked.memory)}`,
    );
  return out;
}

/** Whether a command sets every value the question asks for. */
export function carriesAll(command: string, asked: AskedValues): boolean {
  const has = (option: string, value?: string) => !value || new RegExp(`${option}[= ]${escapeRegExp(value)}(?![\\w.])`).test(command);
  return (
    has('(?:--memory|-m)', asked.memory) &&
    has('--cpus', asked.cpus) &&
    has('--pids-limit', asked.pids) &&
    has('--name', asked.name) &&
    (asked.flags ?? []).every((f) => new RegExp(`(?<![\\w-])${escapeRegExp(f.split(' ')[0])}(?![\\w-])`).test(command)) &&
    (!asked.image || command.split(/\s+/).includes(asked.image))
  );
}

/**
 * A docker command with the options the question asks for, when the notes have none carrying them all: `docker run`
 * with the options before the image, or `docker update` for a container already running (memory with a swap total of
 * twice it, Docker's default, since update needs both when swap is limited).
 */
export function builtCommand(asked: AskedValues, running: boolean, lang: Lang, question: string): string | undefined {
  // A size is a memory limit only where the question speaks of memory or a limit ("my image is 2gb" is not one).
  const memory = LIMIT.test(question) ? asked.memory : undefined;
  const flags = [
    ...(memory ? [`--memory ${memory}`, ...(running ? [`--memory-swap ${twice(memory)}`] : [])] : []),
    ...(asked.cpus ? [`--cpus ${asked.cpus}`] : []),
    ...(asked.pids ? [`--pids-limit ${asked.pids}`] : []),
  ];
  if (running) {
    if (!flags.length) return undefined;
    return `docker update ${flags.join(' ')} ${asked.name ?? (lang === 'ko' ? '<컨테이너>' : '<container>')}`;
  }
  // Options asked for by what they do join in only beside another asked option: one alone is the notes' to show.
  const asks = (asked.flags ?? []).map((f) => (lang === 'ko' ? f.replace('<name>', '<이름>') : f));
  const total = flags.length + asks.length + Number(!!asked.name);
  if (asks.length ? total < 2 : total === 0) return undefined;
  const name = asked.name ? [`--name ${asked.name}`] : [];
  const detach = asks.includes('--rm') ? [] : ['-d'];
  return [
    'docker run',
    ...detach,
    ...asks.filter((f) => f === '--rm'),
    ...name,
    ...asks.filter((f) => f !== '--rm'),
    ...flags,
    asked.image ?? (lang === 'ko' ? '<이미지>' : '<image>'),
  ].join(' ');
}

const LIMIT = /\bcap|limit|제한|상한|한도|리밋|\bmax|최대|--memory|(?:^|\s)-m\b|\bram\b|메모리|\bmem(?:ory)?\b|램/i;

/** Twice a size, as docker writes it: 512m twice is 1g. */
const twice = (size: string) => {
  const doubled = Number(size.slice(0, -1)) * 2;
  return size.endsWith('m') && doubled % 1024 === 0 ? `${doubled / 1024}g` : `${doubled}${size.slice(-1)}`;
};
