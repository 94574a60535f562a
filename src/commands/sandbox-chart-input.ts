// What a sandbox chart shows, as plain data (series, limits, labels), built from a run's report. Kept apart
// from the drawing (sandbox-chart.ts) so that chart.js and the canvas load only when a chart is drawn.
import type { CompareReport, RunReport } from '../sandbox/service.js';
import type { Sample } from '../sandbox/stats.js';
import { CHART_TEXT } from './sandbox-chart-text.js';
import type { Locale } from './types.js';

export const MiB = 1024 * 1024;

export interface ChartSeries {
  label: string;
  samples: Sample[];
}

export interface ChartInput {
  title: string;
  /** Language of the axes and legends (default English). */
  locale?: Locale;
  series: ChartSeries[];
  /** --cpus; drawn as a line at cpus × 100 %. null = no quota. */
  cpus: number | null;
  memoryLimitBytes: number | null;
  /** What the right axis shows (single series only): memory (default) or the number of processes. */
  rightAxis?: 'memory' | 'pids';
  pidsLimit?: number | null;
  /** The end of the run, marked on the right axis: at the limit for OOM, else at the last reading. */
  end?: { t: number; label: string; atLimit: boolean };
  /** A line under the title (e.g. why there are no samples). */
  note?: string;
  /** Extra dashed horizontal lines on the CPU axis (e.g. the expected split of a compare). */
  cpuLines?: { label: string; y: number }[];
  width?: number;
  height?: number;
}

/** Runs shorter than this, or with fewer than two readings, get a summary line instead of a chart. */
export const CHART_MIN_SAMPLES = 2;

/** The chart of a run, or null when it ended too soon for a useful one. */
export function runChartInput(report: RunReport, locale: Locale = 'en'): ChartInput | null {
  const r = report.result;
  if (r.samples.length < CHART_MIN_SAMPLES) return null;
  const l = r.limits;
  const text = CHART_TEXT[locale];
  const endLabel = r.outcome === 'exited' ? text.exit(r.exitCode) : text.end[r.outcome];
  return {
    locale,
    title: `${report.preset ?? text.customCommand} · --cpus ${l.cpus ?? '-'} · --memory ${l.memoryMb}m · --pids-limit ${l.pidsLimit}`,
    series: [{ label: report.preset ?? 'command', samples: r.samples }],
    cpus: l.cpus,
    memoryLimitBytes: l.memoryMb * MiB,
    rightAxis: report.preset === 'fork-bomb' ? 'pids' : 'memory',
    pidsLimit: l.pidsLimit,
    end: { t: r.durationMs, label: `${endLabel} (${(r.durationMs / 1000).toFixed(1)} s)`, atLimit: r.outcome === 'oom' },
  };
}

export function compareChartInput(report: CompareReport, locale: Locale = 'en'): ChartInput {
  const { sharesA, sharesB } = report;
  const share = (x: number) => (x / (sharesA + sharesB)) * 100;
  const text = CHART_TEXT[locale];
  return {
    locale,
    title: `${text.compare} · cpuset ${report.cpuset} · --cpu-shares ${sharesA} vs ${sharesB}`,
    series: [
      { label: `A (${sharesA})`, samples: report.a.samples },
      { label: `B (${sharesB})`, samples: report.b.samples },
    ],
    cpus: null,
    memoryLimitBytes: null,
    cpuLines: [
      { label: text.expected('A', share(sharesA)), y: share(sharesA) },
      { label: text.expected('B', share(sharesB)), y: share(sharesB) },
    ],
  };
}
