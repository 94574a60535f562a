// "▶ Try it": which limit an answer's best source is about, the limits a question names, and the demo that follows.
import { describe, expect, it } from 'vitest';
import { demoFor, demoLine, limitOf, namedLimits, tryItLabel } from '../../src/commands/try-it.js';
import type { Source } from '../../src/answer/types.js';

const source = (heading: string): Source => ({ n: 1, title: 'T', heading, text: '', score: 1, path: 'en/x.md', chunkId: 'x' });
const answer = (question: string, heading: string, abstained = false) => ({ question, abstained, sources: [source(heading)] });

describe('limitOf (the source heading)', () => {
  it.each([
    ['--memory (-m): setting a hard memory limit for a container', 'memory'],
    ['--memory vs --memory-swap: what each --memory-swap value means', 'memory-swap'],
    ['스왑 메모리 기본값 (--memory-swap 미지정 시)', 'memory-swap'],
    ['Exceeding the memory limit: the OOM killer and exit code 137', 'oom'],
    ['--cpus: limiting CPU time with a CFS quota', 'cpus'],
    ['CPU 스로틀링(throttling): 쿼터를 다 쓰면 다음 주기까지 대기', 'cpus'],
    ['-c / --cpu-shares: CPU weight, default 1024', 'cpu-shares'],
    ['포크 폭탄(fork bomb) 차단: fork가 EAGAIN으로 실패', 'pids'],
    ["--pids-limit: capping a container's processes and threads", 'pids'],
  ])('%s → %s', (heading, limit) => expect(limitOf(heading)).toBe(limit));

  it.each([
    '--cpuset-cpus: pinning to specific CPU cores',
    '--memory-reservation: a soft limit',
    'What docker stats is',
    'Caution with --oom-kill-disable',
  ])('%s → none', (heading) => expect(limitOf(heading)).toBeUndefined());
});

describe('namedLimits (the question)', () => {
  it('reads options with their values and units, as /sandbox options in MiB', () => {
    expect(namedLimits('What does --cpus 0.5 actually limit?')).toEqual({ cpus: 0.5 });
    expect(namedLimits('docker run --memory=100m --memory-swap 1g alpine')).toEqual({ memory: 100, memory_swap: 1024 });
    expect(namedLimits('-m 256m 주면 어떻게 돼?')).toEqual({ memory: 256 });
    expect(namedLimits('--pids-limit 20 이면 포크 폭탄은?')).toEqual({ pids_limit: 20 });
    expect(namedLimits('-c 512 vs 1024')).toEqual({ cpu_shares: 512 });
    expect(namedLimits('What is the OOM killer?')).toEqual({});
  });
});

describe('demoFor', () => {
  it('runs the matching preset with the limits the question named', () => {
    expect(demoFor(answer('What does --cpus 0.5 actually limit?', '--cpus: limiting CPU time with a CFS quota'))).toEqual({
      kind: 'run',
      limit: 'cpus',
      preset: 'cpu-burn',
      options: { cpus: 0.5 },
    });
    expect(
      demoFor(answer('What happens past --memory 64m?', 'Exceeding the memory limit: the OOM killer and exit code 137')),
    ).toMatchObject({ preset: 'memory-hog', options: { memory: 64 } });
    expect(demoFor(answer('fork bomb?', 'Stopping a fork bomb: fork fails with EAGAIN'))).toMatchObject({
      preset: 'fork-bomb',
      options: {},
    });
  });

  it('--cpu-shares is shown by a compare of the named weight against 1024', () => {
    const demo = demoFor(answer('What does --cpu-shares 512 do?', '-c / --cpu-shares: CPU weight, default 1024'))!;
    expect(demo).toEqual({ kind: 'compare', limit: 'cpu-shares', sharesA: 1024, sharesB: 512 });
    expect(demoLine(demo)).toBe('compare --cpu-shares 1024 vs 512');
  });

  it('no demo for abstentions, answers without sources, or sources about something else', () => {
    expect(demoFor(answer('What does --cpus 0.5 limit?', '--cpus: limiting CPU time', true))).toBeUndefined();
    expect(demoFor({ question: 'x', abstained: false, sources: [] })).toBeUndefined();
    expect(demoFor(answer('What is a hypervisor?', 'Hypervisors: type 1 and type 2'))).toBeUndefined();
  });

  it("the button says what will run, in the reply's language, within Discord's 80 characters", () => {
    const demo = demoFor(answer('--memory 100m --memory-swap 200m --cpus 0.5 --pids-limit 30 -c 512 with OOM', 'OOM killer'))!;
    expect(tryItLabel(demo, 'en')).toMatch(/^Try it: memory-hog --memory 100m --memory-swap 200m --cpus 0\.5/);
    expect(tryItLabel(demo, 'en').length).toBeLessThanOrEqual(80);
    expect(tryItLabel(demo, 'ko')).toMatch(/^직접 해 보기: memory-hog/);
  });
});
