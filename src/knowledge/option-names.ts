// The docker run options a text names: long ones with their dashes, and the notes' two short flags by their long names.

/** docker run's short flags the notes use, and their long names. */
export const SHORT_OPTIONS: Record<string, string> = { '-c': '--cpu-shares', '-m': '--memory' };

const SHORT_OPTION = new RegExp(`(?<![\\w-])(${Object.keys(SHORT_OPTIONS).join('|')})(?![\\w-])`, 'g');
const ANY_SHORT_OPTION = /(?<![\w-])(-[a-z]\w*)(?![\w-])/gi;

/** The options a text names with their dashes (--memory-swap), without the dashes, each once. */
export const optionsIn = (text: string) => [
  ...new Set([...text.matchAll(/(?<![\w-])--([a-z][a-z-]*[a-z])/gi)].map((m) => m[1].toLowerCase())),
];

/**
 * The options a text names, short flags as their long names (-c is cpu-shares), without the dashes; a flag each time.
 * With `everyFlag`, other short flags too, as written (-p, -it): a heading's "-p HOST:CONTAINER" is about an option.
 */
export const optionsNamedIn = (text: string, everyFlag = false): string[] => [
  ...optionsIn(text),
  ...[...text.matchAll(everyFlag ? ANY_SHORT_OPTION : SHORT_OPTION)].map(
    (m) => SHORT_OPTIONS[m[1]]?.slice(2) ?? m[1].slice(1).toLowerCase(),
  ),
];

/** An option's family, its first word: --memory-swap and --memory-reservation are --memory's; --cpus is not --cpu-shares's. */
export const optionFamily = (name: string) => name.split('-')[0];
