// How a run ended, decided from evidence only (never from which timer fired first):
// the kill call's answer tells whether the container was still running when the bot killed it,
// State.OOMKilled or the kernel's oom_kill counter (read by the container at exit, exit-report.ts) whether
// the kernel's OOM killer struck in the container, the exit code whether
// the main process died of SIGKILL, and Docker's own start/finish times whether the in-container
// deadline had passed.

export type Outcome = 'exited' | 'timeout' | 'deadline' | 'oom' | 'oom-child' | 'output-capped';

/** What the bot did to the container, counted only when the kill call found it running. */
export type BotKill = 'none' | 'timeout' | 'output-cap';

export interface Evidence {
  exitCode: number | null;
  /** Docker's State.OOMKilled or the kernel's oom_kill counter (any process of the container was OOM-killed). */
  oomKilled: boolean;
  botKill: BotKill;
  /** Docker's FinishedAt − StartedAt. */
  durationMs: number;
  /** When the container's own `timeout -s KILL` fires, ms after start. */
  inContainerDeadlineMs: number;
}

export interface Verdict {
  outcome: Outcome;
  /** A process other than the main one was OOM-killed (the container went on). */
  oomChild: boolean;
}

const SIGKILL_EXIT = 128 + 9;
/**
 * Docker's StartedAt is taken after the process started, so Docker's span falls short of what the
 * in-container `timeout` counted by the start latency (a few ms here, more under load: 5994 ms was seen
 * for a 6 s deadline). Half the smallest grace (1 s): a SIGKILL this close to the deadline comes after the
 * bot's timeout, when only the container's own deadline is left to kill (the bot's kill would have counted).
 */
export const DEADLINE_SLACK_MS = 500;

export function decideOutcome(e: Evidence): Verdict {
  const killed = e.exitCode === SIGKILL_EXIT;
  if (e.botKill === 'output-cap') return { outcome: 'output-capped', oomChild: e.oomKilled };
  if (killed && e.botKill === 'timeout') return { outcome: 'timeout', oomChild: e.oomKilled };
  if (killed && e.durationMs >= e.inContainerDeadlineMs - DEADLINE_SLACK_MS) return { outcome: 'deadline', oomChild: e.oomKilled };
  if (killed && e.oomKilled) return { outcome: 'oom', oomChild: false };
  if (e.oomKilled) return { outcome: 'oom-child', oomChild: true };
  return { outcome: 'exited', oomChild: false };
}
