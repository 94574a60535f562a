// What the kernel knows of a run's memory, read by the container itself when its payload ends: its cgroup's
// high-water mark and its OOM-kill counter. The stats stream comes about once a second, so its last frame
// usually predates the top of an OOM run (measured: 3 of 20 memory-hog runs within 3 % of the limit), and
// Docker's State.OOMKilled can miss a child's OOM when the container exits right after it (the engine handles
// the exit before the OOM event). A small sh wrapper runs the payload under the in-container deadline, then
// reads v1 memory.max_usage_in_bytes and memory.oom_control (v2: memory.peak, kernel 5.19+, and
// memory.events) with shell builtins only (no fork: it works with the pids limit used up), and writes one
// report to stderr between two U+001E, where the bot takes it out of the output. It travels in the attach
// stream like the output, so it works with the engine on another host.
import type { StatsSummary } from './stats.js';

export const EXIT_REPORT_TAG = 'study-sandbox:exit-report';
const SEP = '\x1e';
/** Where a container sees its own cgroup's high-water mark: cgroup v1, then v2. */
const MARK_FILES = ['/sys/fs/cgroup/memory/memory.max_usage_in_bytes', '/sys/fs/cgroup/memory.peak'];
/** Where it sees its OOM-kill counter (the line `oom_kill N`): cgroup v1, then v2. */
const OOM_FILES = ['/sys/fs/cgroup/memory/memory.oom_control', '/sys/fs/cgroup/memory.events'];
/** Longest report the filter holds back while waiting for its end. */
const REPORT_MAX = SEP.length * 2 + EXIT_REPORT_TAG.length + 80;
const REPORT = new RegExp(`${SEP}${EXIT_REPORT_TAG} (\\d{1,20}|-) (memory\\.[a-z_]{1,30}|-) (\\d{1,20}|-)${SEP}`, 'g');

/**
 * The wrapper (`sh -c WRAPPER study-sandbox <seconds> <payload argv…>`): the payload under busybox
 * `timeout -s KILL`, then the report, then the payload's exit status. The shell's own stderr goes to
 * /dev/null, so its "Killed" note on a SIGKILLed payload is not added to the output (the payload runs in a
 * subshell, so the note comes after the payload's redirection is undone); the payload keeps the real
 * stderr, kept on fd 3 for the report. `-` stands for what could not be read.
 */
export const EXIT_REPORT_WRAPPER = [
  't=$1; shift; exec 3>&2 2>/dev/null',
  '(exec timeout -s KILL "$t" "$@" 2>&3 3>&-); rc=$?',
  `p=-; m=-; for f in ${MARK_FILES.join(' ')}; do if [ -r "$f" ] && read -r p < "$f"; then m=\${f##*/}; break; fi; p=-; done`,
  `o=-; for f in ${OOM_FILES.join(' ')}; do if [ -r "$f" ]; then while read -r k v; do [ "$k" = oom_kill ] && o=$v; done < "$f"; break; fi; done`,
  `printf '\\036${EXIT_REPORT_TAG} %s %s %s\\036' "$p" "$m" "$o" >&3`,
  'exit $rc',
].join('; ');

export interface HighWater {
  bytes: number;
  /** The cgroup file the figure comes from. */
  source: 'memory.max_usage_in_bytes' | 'memory.peak';
  /** Read by the wrapper as the payload ended, or the largest the stats stream carried (v1 max_usage). */
  read: 'at-exit' | 'stats-stream';
}

/** The wrapper's report as it came (a payload can write a fake one: check the figures before use). */
export interface ExitReport {
  mark: { bytes: number; source: HighWater['source'] } | null;
  /** The kernel's count of OOM kills in the container's cgroup; null when it could not be read. */
  oomKills: number | null;
}

function parseReport(mark: string, file: string, oom: string): ExitReport {
  const known = file === 'memory.max_usage_in_bytes' || file === 'memory.peak';
  return {
    mark: known && mark !== '-' ? { bytes: Number(mark), source: file } : null,
    oomKills: oom === '-' ? null : Number(oom),
  };
}

/** Takes the wrapper's report out of a byte stream; everything else passes through unchanged. */
export class ExitReportFilter {
  /** The last report seen. */
  report: ExitReport | null = null;
  private held = '';

  push(chunk: Buffer): Buffer {
    // latin1 keeps every byte as one character, so what passes through is byte-for-byte the same.
    let text = (this.held + chunk.toString('latin1')).replace(REPORT, (_m, mark: string, file: string, oom: string) => {
      this.report = parseReport(mark, file, oom);
      return '';
    });
    this.held = '';
    const start = text.lastIndexOf(SEP);
    if (start >= 0 && couldBeReportStart(text.slice(start))) {
      this.held = text.slice(start);
      text = text.slice(0, start);
    }
    return Buffer.from(text, 'latin1');
  }

  /** What is still held back when the stream ends (a report's beginning that never finished). */
  flush(): Buffer {
    const rest = Buffer.from(this.held, 'latin1');
    this.held = '';
    return rest;
  }
}

function couldBeReportStart(s: string): boolean {
  const head = `${SEP}${EXIT_REPORT_TAG} `;
  return s.length <= REPORT_MAX && !s.slice(1).includes(SEP) && (head.startsWith(s) || s.startsWith(head));
}

/**
 * The run's kernel mark: the wrapper's report when it is possible (the payload can write a fake one: a
 * figure above the limit is dropped), else the stats stream's largest v1 max_usage.
 */
export function kernelHighWater(report: ExitReport | null, fromStats: number | null, limitBytes: number): HighWater | null {
  const mark = report?.mark;
  const atExit = mark && mark.bytes > 0 && mark.bytes <= limitBytes ? mark : null;
  if (atExit && atExit.bytes >= (fromStats ?? 0)) return { ...atExit, read: 'at-exit' };
  return fromStats ? { bytes: fromStats, source: 'memory.max_usage_in_bytes', read: 'stats-stream' } : null;
}

export interface MemoryTop {
  bytes: number;
  /**
   * 'sampled': the largest stats reading of usage minus inactive file cache (docker stats' way);
   * 'kernel-high-water': the kernel's own mark (page cache included); 'oom-at-limit': nothing measured
   * the top of an OOM run, so it is given as the limit, where a memory cgroup's OOM killer acts.
   */
  basis: 'sampled' | 'kernel-high-water' | 'oom-at-limit';
}

/** A memory cgroup charges up to 64 pages at once, so a charge that hit the limit leaves the mark this close to it. */
export const CHARGE_BATCH_BYTES = 64 * 4096;

/**
 * The memory top of a run. Without an OOM kill: the sampled peak (docker stats' way), or the kernel's
 * mark when no sample came. With one: the kernel's mark when it covers the OOM (read at exit, after the
 * payload ended; or a stats frame's mark within a charge batch of the limit, which only a charge that
 * reached the limit leaves: docker 20.10 sends no failcnt), else the limit, said to be unmeasured.
 */
export function memoryTopOf(
  oomKilled: boolean,
  summary: Pick<StatsSummary, 'samples' | 'memPeak'>,
  kernel: HighWater | null,
  limitBytes: number,
): MemoryTop {
  if (oomKilled) {
    const coversOom = kernel && (kernel.read === 'at-exit' || kernel.bytes >= limitBytes - CHARGE_BATCH_BYTES);
    return coversOom ? { bytes: kernel.bytes, basis: 'kernel-high-water' } : { bytes: limitBytes, basis: 'oom-at-limit' };
  }
  if (summary.samples || !kernel) return { bytes: summary.memPeak, basis: 'sampled' };
  return { bytes: kernel.bytes, basis: 'kernel-high-water' };
}
