// The student's own numbers worked out: "--memory 1g --memory-swap 3g" is 2g of swap, "--cpus 0.25" is 25 ms in
// every 100 ms, "cpu-shares 2048 vs 512" is 80/20 on cgroup v1. The notes give the rule with their own example;
// this applies the same rule to the values asked, so the answer need not leave the arithmetic to the student.
import type { Lang } from '../../knowledge/types.js';
import { cgroupReading, throttlingReading } from './cgroup-files.js';
import { cpusFigure, sharesFigure } from './cpu.js';
import type { Figure } from './figure.js';
import { escapeRegExp } from '../../text/escape-regexp.js';
import { layerFigure } from './layers.js';
import { memoryFigures } from './memory.js';
import { memoryOutcome } from './memory-outcome.js';
import { sizesCompared } from './sizes.js';
import { pidsFigure } from './pids.js';
import { portFigure, portsEntryReading } from './ports.js';
import { imageNameFigure } from './image-name.js';
import { inspectReading } from './inspect.js';
import {
  cpuCeilingReading,
  cpuPercentReading,
  ioReading,
  limitReading,
  memoryPressureReading,
  memPercentReading,
  pidsReading,
} from './stats-reading.js';

export type { Figure, FigureOption } from './figure.js';
export { sharesToWeight } from './cpu.js';

/** Every figure the question's values give: readings (cgroup files, docker stats, docker inspect) first, then memory, CPUs, shares, layers, process limits, ports. */
export function figuresFor(question: string, lang: Lang): Figure[] {
  return [
    ...cgroupReading(question, lang),
    ...throttlingReading(question, lang),
    ...cpuPercentReading(question, lang),
    ...cpuCeilingReading(question, lang),
    ...pidsReading(question, lang),
    ...ioReading(question, lang),
    ...limitReading(question, lang),
    ...memPercentReading(question, lang),
    ...memoryPressureReading(question, lang),
    ...inspectReading(question, lang),
    ...sizesCompared(question, lang),
    ...memoryOutcome(question, lang),
    ...memoryFigures(question, lang),
    ...cpusFigure(question, lang),
    ...sharesFigure(question, lang),
    ...layerFigure(question, lang),
    ...pidsFigure(question, lang),
    ...portFigure(question, lang),
    ...portsEntryReading(question, lang),
    ...imageNameFigure(question, lang),
  ];
}

/** The text names the option standing whole: -p is not the start of --pids-limit, nor --memory of --memory-swap. */
export const namesOption = (text: string, option: string) => new RegExp(`(?<![\\w-])${escapeRegExp(option)}(?![\\w-])`).test(text);

/** The values a text gives the option ("--cpus=1.5", "--memory 300m" → 1.5, 300m), lower-cased. */
export const valuesOf = (text: string, option: string): string[] =>
  [...text.matchAll(new RegExp(`(?<![\\w-])${escapeRegExp(option)}(?![\\w-])[= ]?\\s*(-?\\d*\\.?\\d+[a-z]*)`, 'gi'))].map((m) =>
    m[1].toLowerCase(),
  );

/**
 * The figures, each with the index of the first text that states its option: the source it cites, since that
 * source states the rule the figure applies. A figure no text states is left out.
 */
export function citedFigures(question: string, lang: Lang, texts: string[]): (Figure & { source: number })[] {
  return figuresFor(question, lang).flatMap((f) => {
    const source = texts.findIndex((t) => namesOption(t, f.option));
    return source < 0 ? [] : [{ ...f, source }];
  });
}
