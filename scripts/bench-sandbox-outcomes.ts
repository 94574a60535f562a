// Outcome labels at the boundaries, repeated, and the memory peak against `docker stats`:
//   npx tsx scripts/bench-sandbox-outcomes.ts [repeats=20] [case-name filter]     (needs Docker and the image)
// Each case runs `repeats` times through the sandbox service; a label is right when it matches the
// evidence the case fixes (see `right`). The memory rows compare the report's peak with the largest
// reading of the docker CLI polled while cpu-burn runs, and the OOM run's peak with its limit.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import type { RunResult } from '../src/sandbox/runner.js';
import { createSandboxService } from '../src/sandbox/service.js';

const run = promisify(execFile);
const MiB = 1024 * 1024;
const HOG = `awk 'BEGIN { c = sprintf("%1048576s", ""); while (1) a[i++] = c "" }'`;

interface Case {
  name: string;
  command: string;
  options: Record<string, number>;
  right(r: RunResult): boolean;
}

const CASES: Case[] = [
  {
    name: 'exit at 0.9× timeout (sleep 2.7, timeout 3)',
    command: 'sleep 2.7; exit 3',
    options: { timeout: 3 },
    right: (r) => r.outcome === 'exited' && r.exitCode === 3,
  },
  {
    name: 'exit at 1.0× timeout (sleep 3, timeout 3)',
    command: 'sleep 3',
    options: { timeout: 3 },
    right: (r) =>
      (r.outcome === 'exited' && r.exitCode === 0 && !r.killedByBot) || (r.outcome === 'timeout' && r.exitCode === 137 && r.killedByBot),
  },
  {
    name: 'exit at 1.1× timeout (sleep 3.3, timeout 3)',
    command: 'sleep 3.3; exit 3',
    options: { timeout: 3 },
    right: (r) => r.outcome === 'timeout' && r.exitCode === 137,
  },
  {
    name: 'hello at --cpus 0.01, timeout 3',
    command: 'echo hello',
    options: { timeout: 3, cpus: 0.01 },
    right: (r) => r.outcome === 'exited' && r.exitCode === 0,
  },
  {
    name: 'OOM in a child, container goes on',
    command: `${HOG}; echo "survived: $?"`,
    options: { memory: 16, timeout: 10 },
    right: (r) => r.outcome === 'oom-child' && r.exitCode === 0,
  },
  {
    name: 'OOM in a child, then sleep into the timeout',
    command: `${HOG}; sleep 30`,
    options: { memory: 16, timeout: 3 },
    right: (r) => r.outcome === 'timeout' && r.oomChild,
  },
  {
    name: 'main process OOM-killed',
    command: `exec ${HOG}`,
    options: { memory: 32, timeout: 10 },
    right: (r) => r.outcome === 'oom' && r.exitCode === 137,
  },
  {
    name: 'output cap and timeout at once',
    command: 'sleep 2.95; yes flood',
    options: { timeout: 3 },
    right: (r) => r.exitCode === 137 && ((r.outcome === 'output-capped' && r.output.capped) || r.outcome === 'timeout'),
  },
];

/** Largest memory reading (bytes) the docker CLI shows for containers whose name starts with `prefix`, polled until `done`. */
async function dockerStatsPeak(prefix: string, done: () => boolean): Promise<number> {
  let peak = 0;
  while (!done()) {
    const { stdout } = await run('docker', ['stats', '--no-stream', '--format', '{{.Name}} {{.MemUsage}}']).catch(() => ({ stdout: '' }));
    for (const line of stdout.split('\n')) {
      const m = line.match(/^(\S+) ([\d.]+)(B|KiB|MiB|GiB) \//);
      if (m && m[1].startsWith(prefix))
        peak = Math.max(peak, Number(m[2]) * ({ B: 1, KiB: 1024, MiB: MiB, GiB: 1024 * MiB } as Record<string, number>)[m[3]]);
    }
  }
  return peak;
}

async function main(): Promise<void> {
  const repeats = Number(process.argv[2] ?? 20);
  const only = process.argv[3];
  const botId = `outcomes-${process.pid}`;
  const config = loadConfig({ ...process.env, SANDBOX_ENABLED: 'true', SANDBOX_BOT_ID: botId, SANDBOX_TRUSTED_ROLE_IDS: 'bench' });
  const svc = createSandboxService(config, pino({ level: 'silent' }), openDatabase(':memory:'), { reaper: false });
  const who = { user: { id: 'bench', name: 'bench', roleIds: ['bench'] }, guildId: null, channelId: 'bench' };
  const ok = await svc.check();
  if (!ok.ok) throw new Error(`sandbox not usable: ${ok.error.code}`);
  console.log(`| case | right labels | outcomes seen |\n|---|---:|---|`);
  for (const c of CASES.filter((x) => !only || x.name.includes(only))) {
    const seen: Record<string, number> = {};
    let right = 0;
    for (let i = 0; i < repeats; i++) {
      const r = await svc.run({ ...who, command: c.command, options: c.options });
      const label = r.ok ? `${r.report.result.outcome}/${r.report.result.exitCode}` : `error:${r.error.code}`;
      if (!r.ok) console.error(`${c.name}: ${r.error.code} ${r.error.detail ?? ''}`);
      seen[label] = (seen[label] ?? 0) + 1;
      if (r.ok && c.right(r.report.result)) right++;
    }
    console.log(
      `| ${c.name} | ${right}/${repeats} | ${Object.entries(seen)
        .map(([k, n]) => `${k} ×${n}`)
        .join(', ')} |`,
    );
  }

  let finished = false;
  const cliPeak = dockerStatsPeak(`study-sandbox-${botId}-`, () => finished);
  const burn = await svc.run({ ...who, preset: 'cpu-burn', options: { timeout: 8 } });
  finished = true;
  const cli = await cliPeak;
  if (!burn.ok) throw new Error(`${burn.error.code}: ${burn.error.detail ?? ''}`);
  const peak = burn.report.result.summary.memPeak;
  console.log(
    `\ncpu-burn 8 s: report peak ${(peak / 1024).toFixed(0)} KiB, docker stats largest ${(cli / 1024).toFixed(0)} KiB (${(((peak - cli) / cli) * 100).toFixed(1)} %), kernel high-water ${((burn.report.result.summary.memHighWater ?? 0) / 1024).toFixed(0)} KiB (page cache included)`,
  );
  const oom = await svc.run({ ...who, preset: 'memory-hog', options: { memory: 64, timeout: 15 } });
  if (!oom.ok) throw new Error(`${oom.error.code}: ${oom.error.detail ?? ''}`);
  const s = oom.report.result.summary;
  const top = oom.report.result.memoryTop;
  console.log(
    `memory-hog 64 MiB (${oom.report.result.outcome}): reported top ${(top.bytes / MiB).toFixed(1)} MiB (${top.basis}), sampled peak ${(s.memPeak / MiB).toFixed(1)} MiB, ` +
      `last kernel high-water ${((s.memHighWater ?? 0) / MiB).toFixed(1)} MiB = ${(((s.memHighWater ?? 0) / (64 * MiB)) * 100).toFixed(1)} % of the limit`,
  );
  await svc.close();
}

await main();
