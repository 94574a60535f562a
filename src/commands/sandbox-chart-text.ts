// Every word a sandbox chart draws, in both reply languages (the Korean font file holds exactly the
// Hangul used here: scripts/build-chart-font.ts subsets it from this table).
import type { RunResult } from '../sandbox/runner.js';
import type { Locale } from './types.js';

export interface ChartText {
  seconds: string;
  cpuAxis: string;
  memoryAxis: string;
  pidsAxis: string;
  memorySeries: string;
  pidsSeries: string;
  cpuLimit: (cpus: number) => string;
  memoryLimit: (mib: number) => string;
  pidsLimit: (n: number) => string;
  customCommand: string;
  compare: string;
  expected: (side: string, pct: number) => string;
  end: Record<RunResult['outcome'], string>;
  exit: (code: number | null) => string;
}

export const CHART_TEXT: Record<Locale, ChartText> = {
  en: {
    seconds: 'seconds since start',
    cpuAxis: 'CPU % (100 % = one CPU)',
    memoryAxis: 'Memory (MiB)',
    pidsAxis: 'Processes (PIDs)',
    memorySeries: 'Memory MiB',
    pidsSeries: 'PIDs',
    cpuLimit: (cpus) => `CPU limit (--cpus ${cpus})`,
    memoryLimit: (mib) => `Memory limit (${mib.toFixed(0)} MiB)`,
    pidsLimit: (n) => `PIDs limit (--pids-limit ${n})`,
    customCommand: 'custom command',
    compare: 'compare',
    expected: (side, pct) => `${side} expected ${pct.toFixed(1)} %`,
    end: {
      exited: 'exited',
      oom: 'OOM-killed ×',
      'oom-child': 'exited after a child OOM ×',
      timeout: 'timeout (bot) ×',
      deadline: "container's own deadline ×",
      'output-capped': 'output cap ×',
    },
    exit: (code) => `exit ${code ?? '?'}`,
  },
  ko: {
    seconds: '시작 후 경과 시간 (초)',
    cpuAxis: 'CPU % (100 % = CPU 하나)',
    memoryAxis: '메모리 (MiB)',
    pidsAxis: '프로세스 수 (PIDs)',
    memorySeries: '메모리 MiB',
    pidsSeries: '프로세스 수',
    cpuLimit: (cpus) => `CPU 제한 (--cpus ${cpus})`,
    memoryLimit: (mib) => `메모리 제한 (${mib.toFixed(0)} MiB)`,
    pidsLimit: (n) => `프로세스 제한 (--pids-limit ${n})`,
    customCommand: '직접 입력한 명령',
    compare: '비교',
    expected: (side, pct) => `${side} 기대 비율 ${pct.toFixed(1)} %`,
    end: {
      exited: '종료',
      oom: 'OOM으로 종료 ×',
      'oom-child': '자식 OOM 뒤 종료 ×',
      timeout: '시간 초과 (봇) ×',
      deadline: '컨테이너 자체 시간 제한 ×',
      'output-capped': '출력 한도 ×',
    },
    exit: (code) => `종료 코드 ${code ?? '?'}`,
  },
};

/** Every text the table can produce (for the font subset and its test). */
export function allChartText(): string {
  return Object.values(CHART_TEXT)
    .flatMap((t) => [
      t.seconds,
      t.cpuAxis,
      t.memoryAxis,
      t.pidsAxis,
      t.memorySeries,
      t.pidsSeries,
      t.cpuLimit(1),
      t.memoryLimit(64),
      t.pidsLimit(64),
      t.customCommand,
      t.compare,
      t.expected('A', 66.7),
      ...Object.values(t.end),
      t.exit(0),
    ])
    .join(' ');
}
