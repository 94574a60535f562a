// Sandbox benchmark: latency of a `hello` run (median of 10), the bot's own CPU and memory while a
// 30-second cpu-burn runs, and the measured --cpus figure against the limit.
//   npx tsx scripts/bench-sandbox.ts        (needs Docker and the image: npm run sandbox:image)
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import Docker from 'dockerode';
import pino from 'pino';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { renderChart, runChartInput } from '../src/commands/sandbox-chart.js';
import { runEmbed } from '../src/commands/sandbox-report.js';
import { PRESETS, resolveLimits } from '../src/sandbox/policy.js';
import { containerCreateOptions } from '../src/sandbox/runner.js';
import { createSandboxService, type SandboxService } from '../src/sandbox/service.js';

export interface BenchRow {
  metric: string;
  value: string;
  target: string;
  ok: boolean | null;
}

const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

type Who = { user: { id: string; name: string; roleIds: string[] }; guildId: null; channelId: string };

/** `runs` hello runs through the service: command → running, → first stats sample, → final report with chart. */
async function measureHello(svc: SandboxService, who: Who, runs: number) {
  const running: number[] = [];
  const firstSample: number[] = [];
  const report: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    let tRun = NaN;
    let tSample = NaN;
    const r = await svc.run(
      { ...who, preset: 'hello' },
      {
        onStarted: () => (tRun = performance.now() - t0),
        onSample: () => {
          if (Number.isNaN(tSample)) tSample = performance.now() - t0;
        },
      },
    );
    if (!r.ok) throw new Error(`hello failed: ${r.error.code}`);
    const chart = runChartInput(r.report); // the report as the command builds it (a run under a second has no chart)
    if (chart) await renderChart(chart);
    runEmbed(r.report, 'en', 'chart.png');
    running.push(tRun);
    if (!Number.isNaN(tSample)) firstSample.push(tSample);
    report.push(performance.now() - t0);
  }
  return { running, firstSample, report };
}

/**
 * Baseline in the same run: the same container body (limits, security options) through the bare Engine API,
 * create → start → wait → remove, without attach, stats, inspect, chart or report.
 */
async function measureBare(config: Config, runs: number) {
  const docker = new Docker();
  const limits = resolveLimits(config.sandbox, {});
  if (!limits.ok) throw new Error('default limits do not validate');
  const body = containerCreateOptions({
    image: config.sandbox.image,
    cmd: ['sh', '-c', PRESETS.hello.script],
    limits: limits.value,
    botId: config.sandbox.botId,
    deadlineGraceSeconds: config.sandbox.deadlineGraceSeconds,
  });
  const bareRunning: number[] = [];
  const bareDone: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c = await docker.createContainer(body);
    try {
      await c.start();
      bareRunning.push(performance.now() - t0);
      await c.wait();
    } finally {
      await c.remove({ force: true });
    }
    bareDone.push(performance.now() - t0);
  }
  return { bareRunning, bareDone };
}

/** The bot's own cost while a cpu-burn runs for `seconds`, and how close the measured --cpus comes to the limit. */
async function measureBurn(svc: SandboxService, who: Who, cpus: number, seconds: number) {
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 250);
  const cpu0 = process.cpuUsage();
  const w0 = performance.now();
  let firstSample = NaN;
  const burn = await svc.run(
    { ...who, preset: 'cpu-burn', options: { cpus, timeout: seconds } },
    {
      onSample: () => {
        if (Number.isNaN(firstSample)) firstSample = performance.now() - w0;
      },
    },
  );
  const wall = performance.now() - w0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  if (!burn.ok) throw new Error(`cpu-burn failed: ${burn.error.code}`);
  const botCpuPct = ((cpu.user + cpu.system) / 1000 / wall) * 100;
  const measuredCpus = (burn.report.result.summary.cpuAvg ?? NaN) / 100;
  return { rss, wall, firstSample, botCpuPct, measuredCpus, summary: burn.report.result.summary };
}

export async function benchSandbox(
  opts: { helloRuns?: number; burnSeconds?: number; cpus?: number } = {},
): Promise<{ rows: BenchRow[]; raw: Record<string, unknown> }> {
  const helloRuns = opts.helloRuns ?? 10;
  const burnSeconds = opts.burnSeconds ?? 30;
  const cpus = opts.cpus ?? 0.5;
  const config = loadConfig({
    ...process.env,
    SANDBOX_ENABLED: 'true',
    SANDBOX_BOT_ID: `bench-${process.pid}`,
    SANDBOX_TIMEOUT_SECONDS_MAX: String(Math.max(60, burnSeconds)),
  });
  const svc = createSandboxService(config, pino({ level: 'silent' }), openDatabase(':memory:'), { reaper: false });
  const who: Who = { user: { id: 'bench', name: 'bench', roleIds: [] }, guildId: null, channelId: 'bench' };
  try {
    const ok = await svc.check();
    if (!ok.ok) throw new Error(`sandbox not usable: ${ok.error.code} ${ok.error.detail ?? ''}`);
    // One warm-up run (first chart render loads fonts; first container start warms the daemon).
    await svc.run({ ...who, preset: 'hello' });
    const hello = await measureHello(svc, who, helloRuns);
    const bare = await measureBare(config, helloRuns);
    const burn = await measureBurn(svc, who, cpus, burnSeconds);
    const rows = rowsOf(hello, bare, burn, { helloRuns, burnSeconds, cpus });
    const { running, firstSample, report } = hello;
    const raw = {
      running,
      firstSample,
      report,
      ...bare,
      botCpuPct: burn.botCpuPct,
      rss: burn.rss,
      measuredCpus: burn.measuredCpus,
      burnWallMs: burn.wall,
    };
    return { rows, raw };
  } finally {
    await svc.close();
  }
}

function rowsOf(
  hello: Awaited<ReturnType<typeof measureHello>>,
  bare: Awaited<ReturnType<typeof measureBare>>,
  burn: Awaited<ReturnType<typeof measureBurn>>,
  o: { helloRuns: number; burnSeconds: number; cpus: number },
): BenchRow[] {
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const { running, firstSample, report } = hello;
  const { helloRuns, burnSeconds, cpus } = o;
  const cpusErr = Math.abs(burn.measuredCpus - cpus) / cpus;
  const row = (metric: string, value: string, target = '—', ok: boolean | null = null): BenchRow => ({ metric, value, target, ok });
  return [
    row(`hello: command → container running (median of ${helloRuns})`, ms(median(running)), '< 1000 ms', median(running) < 1000),
    row(
      `hello: command → first stats sample (median of ${firstSample.length}/${helloRuns} runs that got one)`,
      firstSample.length ? ms(median(firstSample)) : 'none',
    ),
    row(`hello: command → final report incl. chart (median of ${helloRuns})`, ms(median(report)), '< 1500 ms', median(report) < 1500),
    row(`baseline, same container via the bare Engine API: create → started (median of ${helloRuns})`, ms(median(bare.bareRunning))),
    row(
      `baseline, same container via the bare Engine API: create → start → wait → remove (median of ${helloRuns})`,
      ms(median(bare.bareDone)),
    ),
    row('ratio: our final report / bare Engine API round trip', `${(median(report) / median(bare.bareDone)).toFixed(2)}×`),
    row(`cpu-burn ${burnSeconds} s: command → first stats sample`, ms(burn.firstSample)),
    row(`bot CPU during a ${burnSeconds} s cpu-burn (process.cpuUsage / wall)`, `${burn.botCpuPct.toFixed(2)} %`),
    row(
      `bot RSS during the cpu-burn (mean / peak)`,
      `${(burn.rss.reduce((a, b) => a + b, 0) / burn.rss.length / 1048576).toFixed(0)} / ${(Math.max(...burn.rss) / 1048576).toFixed(0)} MiB`,
    ),
    row(
      `measured --cpus vs limit ${cpus} (${burn.summary.samples} samples)`,
      `${burn.measuredCpus.toFixed(3)} (${(cpusErr * 100).toFixed(1)} % off)`,
      'within 10 %',
      cpusErr <= 0.1,
    ),
    row(
      'cpu-burn throttling (throttled / periods, time)',
      `${burn.summary.throttledPeriods} / ${burn.summary.periods}, ${(burn.summary.throttledTimeNs / 1e9).toFixed(1)} s`,
    ),
  ];
}

export function markdownTable(rows: BenchRow[]): string {
  const lines = ['| metric | value | target | ok |', '| --- | --- | --- | --- |'];
  for (const r of rows) lines.push(`| ${r.metric} | ${r.value} | ${r.target} | ${r.ok === null ? '' : r.ok ? 'yes' : 'NO'} |`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchSandbox()
    .then(({ rows, raw }) => {
      const table = markdownTable(rows);
      console.log(table);
      mkdirSync('bench-results', { recursive: true });
      writeFileSync('bench-results/sandbox.json', JSON.stringify({ at: new Date().toISOString(), rows, raw }, null, 2));
      if (rows.some((r) => r.ok === false)) process.exitCode = 1;
    })
    .catch((err: unknown) => {
      console.error(`bench-sandbox failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    });
}
