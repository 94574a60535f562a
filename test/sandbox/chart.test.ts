// Sandbox charts: what they plot for each preset, the end marker, short runs, and Korean text with no
// missing-glyph boxes (tofu).
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { FONT_FAMILIES, renderChart, runChartInput, setupCharts, compareChartInput } from '../../src/commands/sandbox-chart.js';
import { allChartText, CHART_TEXT } from '../../src/commands/sandbox-chart-text.js';
import type { RunResult } from '../../src/sandbox/runner.js';
import type { RunReport } from '../../src/sandbox/service.js';
import type { Sample } from '../../src/sandbox/stats.js';
import { fakeRunResult, testLimits } from './helpers.js';

const limits = testLimits({ pids_limit: 32, memory: 64 });

const sample = (t: number, over: Partial<Sample> = {}): Sample => ({
  t,
  cpuPercent: 50,
  memBytes: 10 * 1048576,
  memLimit: 64 * 1048576,
  pids: 30,
  netRx: 0,
  netTx: 0,
  blkRead: 0,
  blkWrite: 0,
  throttledPeriods: 0,
  throttledTimeNs: 0,
  periods: 0,
  ...over,
});

function report(preset: RunReport['preset'], over: Partial<RunResult>): RunReport {
  const result = fakeRunResult(limits, {
    containerId: 'abc',
    outcome: 'timeout',
    exitCode: 137,
    killedByBot: true,
    durationMs: 4000,
    samples: [sample(1000), sample(2000), sample(3000)],
    output: { tail: '', bytes: 0, capped: false },
    inContainerDeadlineMs: 5000,
    timings: { created: 0, running: 0, firstSample: 0, exited: 0, done: 0 },
    ...over,
  });
  return { runId: 1, kind: 'run', preset, command: null, image: 'x', result, totalMs: 1 };
}

/** The pixels of one character drawn alone in the chart fonts. */
function glyph(ch: string): string {
  const c = createCanvas(40, 40);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 40, 40);
  ctx.fillStyle = '#000';
  ctx.font = `24px ${FONT_FAMILIES}`;
  ctx.fillText(ch, 4, 30);
  return Buffer.from(ctx.getImageData(0, 0, 40, 40).data).toString('base64');
}

describe('sandbox charts', () => {
  it('the fork bomb plots PIDs against --pids-limit; others plot memory', () => {
    const fork = runChartInput(report('fork-bomb', {}))!;
    expect(fork.rightAxis).toBe('pids');
    expect(fork.pidsLimit).toBe(32);
    expect(runChartInput(report('memory-hog', { outcome: 'oom' }))!.rightAxis).toBe('memory');
  });
  it('marks the end with the outcome, at the limit for an OOM kill', () => {
    const oom = runChartInput(report('memory-hog', { outcome: 'oom', durationMs: 4100 }))!;
    expect(oom.end).toEqual({ t: 4100, label: 'OOM-killed × (4.1 s)', atLimit: true });
    const ko = runChartInput(report('sleep', { outcome: 'timeout' }), 'ko')!;
    expect(ko.end).toMatchObject({ label: '시간 초과 (봇) × (4.0 s)', atLimit: false });
    expect(runChartInput(report('hello', { outcome: 'exited', exitCode: 3 }))!.end!.label).toBe('exit 3 (4.0 s)');
  });
  it('a run with fewer than two readings gets no chart (the report says why)', () => {
    expect(runChartInput(report('hello', { samples: [sample(300)] }))).toBeNull();
    expect(runChartInput(report('hello', { samples: [] }))).toBeNull();
  });
  it('renders PNGs in both languages, for a run and a compare', async () => {
    for (const locale of ['en', 'ko'] as const) {
      const png = await renderChart(runChartInput(report('fork-bomb', {}), locale)!);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
    }
    const cmp = compareChartInput(
      {
        runId: 1,
        kind: 'compare',
        a: report('cpu-burn', {}).result,
        b: report('cpu-burn', {}).result,
        sharesA: 1024,
        sharesB: 512,
        cpuset: '0',
        seconds: 5,
        expectedA: 2 / 3,
        measuredA: 0.66,
        totalMs: 1,
      },
      'ko',
    );
    expect(cmp.cpuLines!.map((l) => l.label)).toEqual(['A 기대 비율 66.7 %', 'B 기대 비율 33.3 %']);
    expect((await renderChart(cmp)).subarray(1, 4).toString()).toBe('PNG');
  });
  it('every character of the chart texts, Korean included, draws a real glyph (no tofu)', () => {
    setupCharts();
    const tofu = glyph('\ue000'); // a private-use character no font here has
    expect(glyph('뷁')).toBe(tofu); // not in the subset: the check can tell a missing glyph
    const chars = [...new Set(allChartText().replace(/\s/g, ''))];
    expect(chars.length).toBeGreaterThan(40);
    expect(CHART_TEXT.ko.pidsAxis).toMatch(/[가-힣]/);
    const missing = chars.filter((ch) => glyph(ch) === tofu);
    expect(missing).toEqual([]);
  });
});
