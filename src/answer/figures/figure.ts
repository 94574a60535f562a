// What a worked figure is, and the unit arithmetic the figures share.

/** The option whose section states the rule a figure applies: the figure cites that section. */
export type FigureOption =
  | '--memory'
  | '--memory-swap'
  | '--cpus'
  | '--cpu-shares'
  | 'RUN'
  | 'cpu.max'
  | 'cpu.stat'
  | 'memory.max'
  | 'CPU %'
  | 'MEM %'
  | 'MEM USAGE / LIMIT'
  | 'PIDS'
  | 'BLOCK I/O'
  | 'NET I/O'
  | 'LIMIT'
  | '--pids-limit'
  | '-p'
  | 'repository';

export interface Figure {
  option: FigureOption;
  text: string;
  /** It reads a value the student pasted (cpu.max "50000 100000"): that reading is the answer, so it leads. */
  reads?: boolean;
  /** It says what a special value means (--memory-swap -1 or 0), not what a value works out to: asked about, it leads. */
  special?: boolean;
  /** The figures the sentence states, to skip it when the answer already has them all (spaces before units ignored). */
  numbers: string[];
}

export const MiB = 1024 ** 2;
const UNIT: Record<string, number> = { '': 1, b: 1, k: 1024, m: MiB, g: 1024 ** 3, t: 1024 ** 4 };

/** A size as typed after --memory: a number (or -1) and an optional unit (m, g, MiB, 메가 …). */
export const SIZE = String.raw`(-1|\d+(?:\.\d+)?)\s?([kmgt](?:i?b)?|b|메가|기가)?(?![a-z])`;

export const bytesOf = (value: string, unit = '') =>
  Number(value) * UNIT[unit.toLowerCase().replace(/i?b$/, '').replace('메가', 'm').replace('기가', 'g') || ''];

/** A size as docker writes it, in the largest unit that keeps it whole (724m, 2g). */
export function sizeText(bytes: number): string {
  for (const [unit, size] of [
    ['g', 1024 ** 3],
    ['m', MiB],
    ['k', 1024],
  ] as const)
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`;
  return `${bytes} bytes`;
}

export const group = (n: number) => n.toLocaleString('en-US');
export const percent = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`;
