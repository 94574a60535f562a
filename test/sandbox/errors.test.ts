// The Docker error classifier and the outcome rules: pure functions, every branch.
import { describe, expect, it } from 'vitest';
import { classifyDockerError } from '../../src/sandbox/errors.js';
import { DEADLINE_SLACK_MS, decideOutcome, type Evidence } from '../../src/sandbox/outcome.js';
import { isLeftover } from '../../src/sandbox/reaper.js';

describe('classifyDockerError', () => {
  it('transport errors: docker-unavailable with the message', () => {
    for (const code of ['ENOENT', 'ECONNREFUSED', 'EACCES', 'ECONNRESET', 'EPIPE']) {
      expect(classifyDockerError(Object.assign(new Error(`connect ${code} /x.sock`), { code }))).toEqual({
        code: 'docker-unavailable',
        detail: `connect ${code} /x.sock`,
      });
    }
  });
  it('an aborted (timed-out) call: docker-timeout', () => {
    expect(classifyDockerError(Object.assign(new Error('The operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR' })).code).toBe(
      'docker-timeout',
    );
    expect(classifyDockerError(new DOMException('The operation timed out.', 'TimeoutError')).code).toBe('docker-timeout');
  });
  it('a missing image: image-missing', () => {
    expect(classifyDockerError({ statusCode: 404, json: { message: 'No such image: x:y' } }).code).toBe('image-missing');
    expect(classifyDockerError(new Error('(HTTP code 404) no such image - x')).code).toBe('image-missing');
  });
  it('a daemon 500 about the connection: docker-unavailable; anything else: internal, cut to 300 characters', () => {
    expect(classifyDockerError({ statusCode: 500, message: 'Cannot connect to the Docker daemon' }).code).toBe('docker-unavailable');
    const other = classifyDockerError({ statusCode: 400, message: 'x'.repeat(1000) });
    expect(other.code).toBe('internal');
    expect(other.detail).toHaveLength(300);
    expect(classifyDockerError('plain string').detail).toBe('plain string');
  });
});

describe('decideOutcome', () => {
  const base: Evidence = { exitCode: 0, oomKilled: false, botKill: 'none', durationMs: 2000, inContainerDeadlineMs: 4000 };
  it('exited by itself, with its code, even when the bot tried a kill too late', () => {
    expect(decideOutcome(base)).toEqual({ outcome: 'exited', oomChild: false });
    expect(decideOutcome({ ...base, exitCode: 3 }).outcome).toBe('exited');
    // The kill found it running but the program had already finished with 0: not a timeout.
    expect(decideOutcome({ ...base, botKill: 'timeout' }).outcome).toBe('exited');
    // A program that SIGKILLs itself before any deadline, no OOM: exited with 137.
    expect(decideOutcome({ ...base, exitCode: 137 }).outcome).toBe('exited');
  });
  it("killed by the bot's deadline only when the kill found it running and it died of SIGKILL", () => {
    expect(decideOutcome({ ...base, exitCode: 137, botKill: 'timeout' })).toEqual({ outcome: 'timeout', oomChild: false });
    expect(decideOutcome({ ...base, exitCode: 137, botKill: 'timeout', oomKilled: true })).toEqual({ outcome: 'timeout', oomChild: true });
  });
  it("killed by the container's own deadline when SIGKILLed at or past it", () => {
    expect(decideOutcome({ ...base, exitCode: 137, durationMs: 4005 }).outcome).toBe('deadline');
    expect(decideOutcome({ ...base, exitCode: 137, durationMs: 4005, oomKilled: true })).toEqual({ outcome: 'deadline', oomChild: true });
    // Docker's start time comes after the process started: a span a little short of the deadline is still it.
    expect(decideOutcome({ ...base, exitCode: 137, durationMs: 4000 - DEADLINE_SLACK_MS }).outcome).toBe('deadline');
    expect(decideOutcome({ ...base, exitCode: 137, durationMs: 4000 - DEADLINE_SLACK_MS - 1 }).outcome).toBe('exited');
  });
  it('OOM of the main process vs of a child', () => {
    expect(decideOutcome({ ...base, exitCode: 137, oomKilled: true })).toEqual({ outcome: 'oom', oomChild: false });
    expect(decideOutcome({ ...base, exitCode: 0, oomKilled: true })).toEqual({ outcome: 'oom-child', oomChild: true });
    expect(decideOutcome({ ...base, exitCode: 1, oomKilled: true }).outcome).toBe('oom-child');
  });
  it('output cap: the bot killed it while running', () => {
    expect(decideOutcome({ ...base, exitCode: 137, botKill: 'output-cap' }).outcome).toBe('output-capped');
  });
});

describe('isLeftover (reaper)', () => {
  const o = { botId: 'bot-a', instance: 'i1', active: new Set(['live']) };
  const now = 1_000_000;
  const c = (labels: Record<string, string>, State = 'running', Id = 'x') => ({
    Id,
    State,
    Labels: { 'study-sandbox': 'bot-a', ...labels },
  });
  it("never touches another bot's containers", () => {
    expect(isLeftover({ Id: 'x', State: 'exited', Labels: { 'study-sandbox': 'bot-b', 'study-sandbox.deadline': '1' } }, o, now)).toBe(
      false,
    );
  });
  it('removes any past its deadline label, or with none', () => {
    expect(isLeftover(c({ 'study-sandbox.deadline': String(now - 1) }), o, now)).toBe(true);
    expect(isLeftover(c({}), o, now)).toBe(true);
  });
  it('before the deadline: a previous process’s stopped container goes, a running one or a watched one stays', () => {
    const d = { 'study-sandbox.deadline': String(now + 10_000) };
    expect(isLeftover(c({ ...d, 'study-sandbox.instance': 'old' }, 'exited'), o, now)).toBe(true);
    expect(isLeftover(c({ ...d, 'study-sandbox.instance': 'old' }, 'created'), o, now)).toBe(true);
    expect(isLeftover(c({ ...d, 'study-sandbox.instance': 'old' }, 'running'), o, now)).toBe(false);
    expect(isLeftover(c({ ...d, 'study-sandbox.instance': 'i1' }, 'exited', 'live'), o, now)).toBe(false);
    expect(isLeftover(c({ ...d, 'study-sandbox.instance': 'i1' }, 'exited'), o, now)).toBe(true);
  });
});
