// The report that the container's wrapper writes to stderr as its payload ends (the kernel's memory
// high-water mark and OOM-kill counter): taken out of the output wherever the stream splits it, checked
// against the limit, and turned into the run's memory top.
import { describe, expect, it } from 'vitest';
import {
  CHARGE_BATCH_BYTES,
  EXIT_REPORT_TAG,
  ExitReportFilter,
  kernelHighWater,
  memoryTopOf,
  type HighWater,
} from '../../src/sandbox/exit-report.js';

const MiB = 1024 * 1024;
const report = (mark: number | '-', file = 'memory.max_usage_in_bytes', oom: number | '-' = 0) =>
  `\x1e${EXIT_REPORT_TAG} ${mark} ${file} ${oom}\x1e`;
const mark = (bytes: number, source: 'memory.max_usage_in_bytes' | 'memory.peak' = 'memory.max_usage_in_bytes') => ({ bytes, source });

/** Pushes `text` through a filter in chunks of `size` bytes; returns what passed and the report. */
function through(text: string, size: number) {
  const f = new ExitReportFilter();
  const bytes = Buffer.from(text, 'utf8');
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(f.push(bytes.subarray(i, i + size)));
  out.push(f.flush());
  return { passed: Buffer.concat(out).toString('utf8'), report: f.report };
}

describe('exit report', () => {
  it('is taken out of the output however the stream splits it, and nothing else changes', () => {
    const text = `héllo ✓\nerror: x\n${report(67108864, 'memory.max_usage_in_bytes', 1)}`;
    for (const size of [1, 2, 3, 7, 64, 4096]) {
      const r = through(text, size);
      expect(r.passed).toBe('héllo ✓\nerror: x\n');
      expect(r.report).toEqual({ mark: mark(67108864), oomKills: 1 });
    }
  });

  it('passes record separators and unfinished reports through unchanged', () => {
    const text = `a\x1eb\x1e ${EXIT_REPORT_TAG} 12 x 0\n\x1e${EXIT_REPORT_TAG} 99`;
    for (const size of [1, 5, 4096]) expect(through(text, size)).toEqual({ passed: text, report: null });
  });

  it('keeps the last report, reads the cgroup v2 file name, and "-" for what the container could not read', () => {
    const r = through(`${report(5)}out${report(7 * MiB, 'memory.peak', 2)}`, 3);
    expect(r).toEqual({ passed: 'out', report: { mark: mark(7 * MiB, 'memory.peak'), oomKills: 2 } });
    expect(through(report('-', '-', '-'), 4).report).toEqual({ mark: null, oomKills: null });
  });

  it('drops a figure above the limit (a payload can write a fake one) and prefers the larger of exit and stats', () => {
    const limit = 16 * MiB;
    const exit = (bytes: number) => ({ mark: mark(bytes, 'memory.peak'), oomKills: 0 });
    expect(kernelHighWater(exit(limit + 1), null, limit)).toBeNull();
    expect(kernelHighWater(exit(limit), 3 * MiB, limit)).toEqual({ bytes: limit, source: 'memory.peak', read: 'at-exit' });
    expect(kernelHighWater(null, 3 * MiB, limit)).toEqual({ bytes: 3 * MiB, source: 'memory.max_usage_in_bytes', read: 'stats-stream' });
    expect(kernelHighWater(exit(0), null, limit)).toBeNull();
  });
});

describe('memory top', () => {
  const limit = 64 * MiB;
  const atExit: HighWater = { bytes: limit, source: 'memory.max_usage_in_bytes', read: 'at-exit' };
  const fromStats: HighWater = { bytes: 50 * MiB, source: 'memory.max_usage_in_bytes', read: 'stats-stream' };
  const sampled = { samples: 4, memPeak: 48 * MiB };

  it("without an OOM kill: docker stats' way, or the kernel's mark when no reading came", () => {
    expect(memoryTopOf(false, sampled, atExit, limit)).toEqual({ bytes: 48 * MiB, basis: 'sampled' });
    expect(memoryTopOf(false, { samples: 0, memPeak: 0 }, atExit, limit)).toEqual({
      bytes: limit,
      basis: 'kernel-high-water',
    });
    expect(memoryTopOf(false, { samples: 0, memPeak: 0 }, null, limit)).toEqual({ bytes: 0, basis: 'sampled' });
  });

  it("with an OOM kill: the kernel's mark read after it, else the limit, said to be unmeasured", () => {
    expect(memoryTopOf(true, sampled, atExit, limit)).toEqual({ bytes: limit, basis: 'kernel-high-water' });
    // A stats frame's mark counts only when it shows the charge reached the limit (within one charge batch).
    const atLimit: HighWater = { ...fromStats, bytes: limit - CHARGE_BATCH_BYTES };
    expect(memoryTopOf(true, sampled, atLimit, limit)).toEqual({ bytes: limit - CHARGE_BATCH_BYTES, basis: 'kernel-high-water' });
    expect(memoryTopOf(true, sampled, { ...atLimit, bytes: atLimit.bytes - 1 }, limit)).toEqual({ bytes: limit, basis: 'oom-at-limit' });
    expect(memoryTopOf(true, sampled, fromStats, limit)).toEqual({ bytes: limit, basis: 'oom-at-limit' });
    expect(memoryTopOf(true, sampled, null, limit)).toEqual({ bytes: limit, basis: 'oom-at-limit' });
  });
});
