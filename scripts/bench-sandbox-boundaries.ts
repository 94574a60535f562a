// The sandbox's boundary cases, each repeated against the real engine, with a tally of right outcome labels
// and, for OOM cases, the reported memory peak as a share of the limit:
//   npm run bench -- boundaries [--repeats=20] [--case=oom]          (only when named; needs Docker and the image)
//   npx tsx scripts/bench-sandbox-boundaries.ts [--repeats=20] [--case=oom]
// The right label of a run comes from what the payload itself printed (a line it writes after the step that
// may be cut short), never from the bot's verdict, so a miss is a miss whatever the bot decided.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import type { PresetName } from '../src/sandbox/policy.js';
import type { RunResult } from '../src/sandbox/runner.js';
import { createSandboxService, type SandboxService } from '../src/sandbox/service.js';

const MiB = 1024 * 1024;
// awk keeps 1 MiB strings until the OOM killer ends it.
const HOG = `awk 'BEGIN { c = sprintf("%1048576s", ""); while (1) a[i++] = c "" }'`;

export interface BoundaryCase {
  name: string;
  /** The outcome the case should get, as the table shows it. */
  expected: string;
  command?: string;
  preset?: PresetName;
  options: Record<string, number>;
  /** Whether the label matches what the payload's own output shows happened. */
  right(r: RunResult): boolean;
  /** For OOM cases: the memory limit (MiB) the peak is compared with. */
  oomLimitMb?: number;
}

const printed = (r: RunResult, line: string) => r.output.tail.split('\n').includes(line);

export const CASES: BoundaryCase[] = [
  {
    name: 'exit at 0.9× timeout (sleep 2.7, timeout 3)',
    expected: 'exited, code 3',
    command: 'sleep 2.7; echo woke; exit 3',
    options: { timeout: 3 },
    right: (r) => printed(r, 'woke') && r.outcome === 'exited' && r.exitCode === 3 && !r.killedByBot,
  },
  {
    // Either may happen, and the label must match the exit status: 0 only when the program ended by itself
    // ("woke" printed, no kill found it running); 137 when the bot's kill found it still running, which can
    // be just after "woke" (the shell had not exited yet), so the output alone does not decide it.
    name: 'exit at 1.0× timeout (sleep 3, timeout 3)',
    expected: 'exited 0 or timeout 137, as the exit status says',
    command: 'sleep 3; echo woke',
    options: { timeout: 3 },
    right: (r) =>
      r.exitCode === 0
        ? printed(r, 'woke') && r.outcome === 'exited' && !r.killedByBot
        : r.exitCode === 137 && r.outcome === 'timeout' && r.killedByBot && !r.oomKilled,
  },
  {
    name: 'exit at 1.1× timeout (sleep 3.3, timeout 3)',
    expected: 'timeout, 137',
    command: 'sleep 3.3; echo woke; exit 3',
    options: { timeout: 3 },
    right: (r) => !printed(r, 'woke') && r.outcome === 'timeout' && r.exitCode === 137 && r.killedByBot && !r.oomKilled,
  },
  {
    // Once reported "timed out" though it finished: the CPU quota must not make a quick exit look killed.
    name: 'hello at --cpus 0.01, timeout 3',
    expected: 'exited, code 0',
    command: 'echo hello',
    options: { timeout: 3, cpus: 0.01 },
    right: (r) => printed(r, 'hello') && r.outcome === 'exited' && r.exitCode === 0,
  },
  {
    name: 'OOM in a child, the container goes on',
    expected: 'oom-child, code 0',
    command: `${HOG}; echo "survived: $?"`,
    options: { memory: 16, timeout: 10 },
    right: (r) => printed(r, 'survived: 137') && r.outcome === 'oom-child' && r.exitCode === 0 && r.oomChild,
    oomLimitMb: 16,
  },
  {
    name: 'OOM in a child, then sleep into the timeout',
    expected: 'timeout, a child OOM said',
    command: `${HOG}; echo "survived: $?"; sleep 30`,
    options: { memory: 16, timeout: 3 },
    right: (r) => printed(r, 'survived: 137') && r.outcome === 'timeout' && r.exitCode === 137 && r.oomChild,
    oomLimitMb: 16,
  },
  {
    name: 'main process OOM-killed (exec awk)',
    expected: 'oom, 137',
    command: `exec ${HOG}`,
    options: { memory: 32, timeout: 10 },
    right: (r) => r.outcome === 'oom' && r.exitCode === 137 && !r.oomChild,
    oomLimitMb: 32,
  },
  {
    name: 'memory-hog preset at 64 MiB',
    expected: 'oom, 137',
    preset: 'memory-hog',
    options: { memory: 64, timeout: 15 },
    right: (r) => r.outcome === 'oom' && r.exitCode === 137,
    oomLimitMb: 64,
  },
  {
    // The flood starts 50 ms before the timeout: the cap or the timer may come first; the label must say which.
    name: 'output cap and timeout at once (sleep 2.95; yes)',
    expected: 'output-capped or timeout, 137',
    command: 'sleep 2.95; yes flood',
    options: { timeout: 3 },
    right: (r) => r.exitCode === 137 && r.killedByBot && (r.outcome === 'output-capped' ? r.output.capped : r.outcome === 'timeout'),
  },
];

export interface BoundaryRow {
  name: string;
  expected: string;
  right: number;
  repeats: number;
  /** Outcome/exit code → how many times. */
  seen: Record<string, number>;
  /** For OOM cases: each run's reported peak as % of the limit, and its basis. */
  peaks: { pct: number; basis: string }[];
}

type Who = { user: { id: string; name: string; roleIds: string[] }; guildId: null; channelId: string };

async function runCase(svc: SandboxService, who: Who, c: BoundaryCase, repeats: number): Promise<BoundaryRow> {
  const row: BoundaryRow = { name: c.name, expected: c.expected, right: 0, repeats, seen: {}, peaks: [] };
  for (let i = 0; i < repeats; i++) {
    const r = await svc.run({ ...who, command: c.command, preset: c.preset, options: c.options });
    const label = r.ok ? `${r.report.result.outcome}/${r.report.result.exitCode}` : `error:${r.error.code}`;
    row.seen[label] = (row.seen[label] ?? 0) + 1;
    if (!r.ok) {
      console.error(`${c.name}: ${r.error.code} ${r.error.detail ?? ''}`);
      continue;
    }
    const res = r.report.result;
    if (c.right(res)) row.right++;
    else console.error(`${c.name}: miss ${label}, output ${JSON.stringify(res.output.tail.slice(-120))}`);
    if (c.oomLimitMb) row.peaks.push({ pct: (res.memoryTop.bytes / (c.oomLimitMb * MiB)) * 100, basis: res.memoryTop.basis });
  }
  return row;
}

/** How many OOM runs had a measured top within 3 % of the limit; the limit given as a fallback does not count. */
function peakCell(row: BoundaryRow): string {
  if (!row.peaks.length) return '—';
  const measured = row.peaks.filter((p) => p.basis !== 'oom-at-limit').map((p) => p.pct);
  const near = measured.filter((p) => p >= 97 && p <= 100).length;
  const bases = Object.entries(row.peaks.reduce<Record<string, number>>((n, p) => ({ ...n, [p.basis]: (n[p.basis] ?? 0) + 1 }), {})).map(
    ([b, n]) => `${b} ×${n}`,
  );
  const range = measured.length ? `${Math.min(...measured).toFixed(1)}–${Math.max(...measured).toFixed(1)} %, ` : '';
  return `${near}/${row.peaks.length} measured within 3 % (${range}${bases.join(', ')})`;
}

export function boundaryTable(rows: BoundaryRow[]): string {
  const lines = ['| case | expected | right | outcomes seen | OOM peak of the limit |', '|---|---|---:|---|---|'];
  for (const r of rows) {
    const seen = Object.entries(r.seen)
      .map(([k, n]) => `${k} ×${n}`)
      .join(', ');
    lines.push(`| ${r.name} | ${r.expected} | ${r.right}/${r.repeats} | ${seen} | ${peakCell(r)} |`);
  }
  return lines.join('\n');
}

/**
 * Largest memory reading (bytes) the streaming `docker stats` CLI shows for containers named `prefix…`, from
 * before the run starts until `stop` is called: every frame the CLI gets, as a user watching it would see.
 */
function dockerStatsPeak(prefix: string): { stop(): Promise<number> } {
  const unit: Record<string, number> = { B: 1, KiB: 1024, MiB, GiB: 1024 * MiB, kB: 1000, MB: 1e6, GB: 1e9 };
  let peak = 0;
  const cli = spawn('docker', ['stats', '--format', '{{.Name}} {{.MemUsage}}'], { stdio: ['ignore', 'pipe', 'ignore'] });
  cli.stdout.on('data', (d: Buffer) => {
    for (const m of d.toString().matchAll(/(\S+) ([\d.]+)(B|KiB|MiB|GiB|kB|MB|GB) \//g))
      if (m[1].includes(prefix)) peak = Math.max(peak, Number(m[2]) * unit[m[3]]);
  });
  const exited = new Promise<void>((resolve) => cli.on('exit', () => resolve()));
  return {
    stop: async () => {
      cli.kill();
      await exited;
      return peak;
    },
  };
}

/** cpu-burn's reported peak against the largest reading `docker stats` showed while it ran. */
async function cpuBurnPeak(svc: SandboxService, who: Who, botId: string): Promise<string> {
  const watch = dockerStatsPeak(`study-sandbox-${botId}-`);
  const burn = await svc.run({ ...who, preset: 'cpu-burn', options: { timeout: 8 } });
  const cli = await watch.stop();
  if (!burn.ok) return `cpu-burn failed: ${burn.error.code}`;
  const r = burn.report.result;
  const off = cli ? `${(((r.memoryTop.bytes - cli) / cli) * 100).toFixed(1)} %` : 'no CLI reading';
  return (
    `cpu-burn 8 s: reported peak ${(r.memoryTop.bytes / 1024).toFixed(0)} KiB (${r.memoryTop.basis}), ` +
    `docker stats' largest ${(cli / 1024).toFixed(0)} KiB (${off}), kernel high-water ${((r.kernelHighWater?.bytes ?? 0) / 1024).toFixed(0)} KiB (page cache included)`
  );
}

export async function benchBoundaries(opts: { repeats?: number; only?: string } = {}): Promise<{ rows: BoundaryRow[]; cpuBurn: string }> {
  const repeats = opts.repeats ?? 20;
  const botId = `boundaries-${process.pid}`;
  const config = loadConfig({ ...process.env, SANDBOX_ENABLED: 'true', SANDBOX_BOT_ID: botId, SANDBOX_TRUSTED_ROLE_IDS: 'bench' });
  const svc = createSandboxService(config, pino({ level: 'silent' }), openDatabase(':memory:'), { reaper: false });
  const who: Who = { user: { id: 'bench', name: 'bench', roleIds: ['bench'] }, guildId: null, channelId: 'bench' };
  try {
    const ok = await svc.check();
    if (!ok.ok) throw new Error(`sandbox not usable: ${ok.error.code} ${ok.error.detail ?? ''}`);
    const rows: BoundaryRow[] = [];
    for (const c of CASES.filter((x) => !opts.only || x.name.includes(opts.only))) rows.push(await runCase(svc, who, c, repeats));
    const cpuBurn = !opts.only || 'cpu-burn peak'.includes(opts.only) ? await cpuBurnPeak(svc, who, botId) : '';
    return { rows, cpuBurn };
  } finally {
    await svc.close();
  }
}

/** `--repeats=N` and `--case=TEXT` from the command line. */
export function boundaryArgs(argv: string[]): { repeats: number; only?: string } {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const repeats = Number(value('repeats') ?? 20);
  if (!Number.isInteger(repeats) || repeats < 1) throw new Error('--repeats takes a whole number from 1');
  return { repeats, only: value('case') };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { rows, cpuBurn } = await benchBoundaries(boundaryArgs(process.argv.slice(2)));
  console.log(boundaryTable(rows));
  if (cpuBurn) console.log(`\n${cpuBurn}`);
  if (rows.some((r) => r.right < r.repeats)) process.exitCode = 1;
}
