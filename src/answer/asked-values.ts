// The values a how-to question asks for ("nginx capped at 512 MB", "cpu 1개"), put into the notes' example
// command in place of its example values: the student asked for 512m, not the notes' 300m.

export interface AskedValues {
  /** A memory size as docker writes it (512m, 1g). */
  memory?: string;
  /** A number of CPUs for --cpus (1, 0.5). */
  cpus?: string;
  /** A well-known image the question names (redis, postgres). */
  image?: string;
}

/** Official images a study group names; the notes' examples use some of them. */
const IMAGES = 'nginx redis mysql mariadb postgres mongo node python alpine ubuntu debian busybox httpd'.split(' ');
const IMAGE = new RegExp(`(?<![\\w/.-])(${IMAGES.join('|')})(?![\\w/-])`, 'gi');

const MEMORY = /(?<![\w.-])(\d+(?:\.\d+)?)\s?(mb|mib|m|메가바이트|메가|gb|gib|g|기가바이트|기가)(?![a-z])/gi;
const CPUS = [
  /--cpus[= ](\d+(?:\.\d+)?)/i,
  /(?<![\w.-])(\d+(?:\.\d+)?)\s?(?:cpus?|cores?)\b/i,
  /(?:cpu|코어|씨피유)\s?(\d+(?:\.\d+)?)\s?(?:개|코어)/i,
  /(\d+(?:\.\d+)?)\s?(?:개의?\s?)?(?:코어|cpu)/i,
];

/** The memory size and CPU count the question asks for; a value asked twice differently is no value. */
export function askedValues(question: string): AskedValues {
  const sizes = new Set<string>();
  for (const m of question.matchAll(MEMORY)) {
    const giga = /^(?:gb|gib|g|기가바이트|기가)$/i.test(m[2]);
    sizes.add(`${m[1]}${giga ? 'g' : 'm'}`);
  }
  const cpu = CPUS.map((re) => re.exec(question)?.[1]).find(Boolean);
  const images = new Set([...question.matchAll(IMAGE)].map((m) => m[1].toLowerCase()));
  return {
    ...(sizes.size === 1 ? { memory: [...sizes][0] } : {}),
    ...(cpu ? { cpus: cpu } : {}),
    ...(images.size === 1 ? { image: [...images][0] } : {}),
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
