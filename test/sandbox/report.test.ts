// The report text: Discord limits, safe code blocks, outcome meanings, both languages.
import { describe, expect, it } from 'vitest';
import { cleanOutput, errorText, outcomeText, outputBlock, runEmbed } from '../../src/commands/sandbox-report.js';
import type { RunResult } from '../../src/sandbox/runner.js';
import type { RunReport } from '../../src/sandbox/service.js';
import { fakeRunResult, testLimits } from './helpers.js';

const limits = testLimits();
const result = (over: Partial<RunResult>): RunResult => fakeRunResult(limits, over);

describe('sandbox report', () => {
  it('output cannot close the code block early and fits a field', () => {
    const tail = 'a```b\n'.repeat(2000);
    const block = outputBlock(tail, 1024, true);
    expect(block.length).toBeLessThanOrEqual(1024);
    expect(block.startsWith('```\n')).toBe(true);
    expect(block.endsWith('\n```')).toBe(true);
    expect(block.slice(4, -4)).not.toContain('```');
  });
  it('strips terminal escapes and control characters', () => {
    expect(outputBlock('\x1b[31mred\x1b[0m\x07 ok\n', 1024, false)).toBe('```\nred ok\n```');
  });
  it('every outcome has a meaning, in both languages', () => {
    expect(outcomeText(result({}), 'en').title).toBe('done');
    expect(outcomeText(result({ outcome: 'timeout', exitCode: 137 }), 'en').meaning).toMatch(/timeout.*SIGKILL.*Not an OOM kill/);
    expect(outcomeText(result({ outcome: 'oom', exitCode: 137, oomKilled: true }), 'ko').title).toBe('OOM으로 종료');
    expect(outcomeText(result({ outcome: 'output-capped', exitCode: 137 }), 'en').title).toBe('killed by the output cap');
    expect(outcomeText(result({ exitCode: 153 }), 'en').meaning).toMatch(/SIGXFSZ.*file-size ulimit/);
    expect(outcomeText(result({ exitCode: 2 }), 'en').meaning).toMatch(/exited by itself with code 2/);
    expect(outcomeText(result({ outcome: 'deadline', exitCode: 137 }), 'en').title).toBe("killed by the container's own deadline");
    const child = outcomeText(result({ outcome: 'oom-child', exitCode: 0, oomKilled: true, oomChild: true }), 'en');
    expect(child.title).toBe('exit code 0, a child OOM-killed');
    expect(child.meaning).toMatch(/child process .* OOM-killed/);
    // OOM in a child, then the main process ran into the timeout: a timeout, with the child's OOM said.
    const both = outcomeText(result({ outcome: 'timeout', exitCode: 137, oomKilled: true, oomChild: true }), 'en');
    expect(both.title).toBe('timed out');
    expect(both.meaning).toMatch(/child process/);
  });
  it('a custom command with ``` and a huge output stays within Discord limits', () => {
    const report: RunReport = {
      runId: 7,
      kind: 'run',
      preset: null,
      command: 'echo ```; ' + 'x'.repeat(3000),
      image: 'study-sandbox:busybox',
      result: result({ output: { tail: 'y'.repeat(4096), bytes: 10_000_000, capped: true }, outcome: 'output-capped', exitCode: 137 }),
      totalMs: 300,
    };
    const e = runEmbed(report, 'en');
    expect(e.description!.length).toBeLessThanOrEqual(4096);
    for (const f of e.fields! as { name: string; value: string }[]) {
      expect(f.value.length).toBeLessThanOrEqual(1024);
      expect(f.name.length).toBeLessThanOrEqual(256);
    }
    const total =
      (e.title ?? '').length +
      (e.description ?? '').length +
      (e.footer ?? '').length +
      e.fields!.reduce((n: number, f: { name: string; value: string }) => n + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
    expect(e.fields!.find((f) => f.name.startsWith('Memory'))!.value).toMatch(/^— \//); // no samples: no fake 0
  });
  it('strips C1 controls and bidi overrides as well as C0 controls', () => {
    const nasty = 'a\u009b31mb\u202etxt.exe\u202c c\u2066d\u2069\u200fe\u0085f\tg\nh';
    expect(cleanOutput(nasty)).toBe('a31mbtxt.exe cdef\tg\nh');
    expect(outputBlock('\u202eevil\n', 1024, false)).toBe('```\nevil\n```');
    expect(outputBlock('\x1b]0;title\x07ok\n', 1024, false)).toBe('```\nok\n```');
  });
  const oomReport = (over: Partial<RunResult>): RunReport => ({
    runId: 1,
    kind: 'run',
    preset: 'memory-hog',
    command: null,
    image: 'i',
    totalMs: 1,
    result: result({ outcome: 'oom', exitCode: 137, oomKilled: true, ...over }),
  });
  const field = (report: RunReport, locale: 'en' | 'ko', name: string) => runEmbed(report, locale).fields!.find((f) => f.name === name)!;

  it("an OOM run's peak is the kernel's high-water mark, labelled as such in both languages", () => {
    const report = oomReport({
      memoryTop: { bytes: 64 * 1048576, basis: 'kernel-high-water' },
      kernelHighWater: { bytes: 64 * 1048576, source: 'memory.max_usage_in_bytes', read: 'at-exit' },
    });
    expect(field(report, 'en', 'Memory peak / limit').value).toBe('64.0 MiB (kernel high-water mark) / 64.0 MiB');
    expect(field(report, 'ko', '메모리 최고 / 제한').value).toBe('64.0 MiB (커널 최고 기록) / 64.0 MiB');
    expect(runEmbed(report, 'en').description).toMatch(
      /kernel's own high-water mark \(memory\.max_usage_in_bytes, read by the container as it ended; page cache included\)/,
    );
    expect(runEmbed(report, 'ko').description).toMatch(/커널이 기록한 최고 사용량/);
    // Shown once, as the peak, not again as a separate field.
    expect(runEmbed(report, 'en').fields!.some((f) => f.name.startsWith('Kernel high-water'))).toBe(false);
  });

  it('an OOM run with nothing measured shows the limit and says it was not measured', () => {
    const report = oomReport({ memoryTop: { bytes: 64 * 1048576, basis: 'oom-at-limit' } });
    expect(field(report, 'en', 'Memory peak / limit').value).toBe('64.0 MiB (not measured: the OOM killer acts at the limit) / 64.0 MiB');
    expect(runEmbed(report, 'en').description).toMatch(/Nothing measured this run's memory top/);
    expect(runEmbed(report, 'ko').description).toMatch(/측정되지 않았어요/);
  });

  it("a sampled peak is docker stats' way, with the kernel's mark beside it, labelled", () => {
    const report = oomReport({
      outcome: 'exited',
      exitCode: 0,
      oomKilled: false,
      memoryTop: { bytes: 700 * 1024, basis: 'sampled' },
      kernelHighWater: { bytes: 4 * 1048576, source: 'memory.max_usage_in_bytes', read: 'stats-stream' },
    });
    expect(field(report, 'en', 'Kernel high-water (incl. cache)').value).toBe('4.0 MiB — memory.max_usage_in_bytes, from the stats stream');
    expect(field(report, 'ko', '커널 최고 기록 (캐시 포함)').value).toBe('4.0 MiB — memory.max_usage_in_bytes, 통계 스트림');
  });
  it("the limits applied include the container's own deadline", () => {
    const report: RunReport = {
      runId: 1,
      kind: 'run',
      preset: 'sleep',
      command: null,
      image: 'i',
      totalMs: 1,
      result: result({ inContainerDeadlineMs: 11_000 }),
    };
    const field = runEmbed(report, 'en').fields!.find((f) => f.name === 'Limits applied')!;
    expect(field.value).toMatch(/timeout 10 s` \(the container's own deadline 11 s\)$/);
  });
  it('errors read clearly', () => {
    expect(errorText({ code: 'docker-timeout', detail: 'no answer in 5000 ms' }, 'en')).toMatch(/did not answer in time/);
    expect(errorText({ code: 'image-missing', detail: 'study-sandbox:busybox' }, 'en')).toMatch(/npm run sandbox:image/);
    expect(errorText({ code: 'busy-user' }, 'ko')).toMatch(/이미 실행 중/);
  });
});
