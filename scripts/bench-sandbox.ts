// Sandbox benchmark: latency of a `hello` run (median of 10), the bot's own CPU and memory while a
// 30-second cpu-burn runs, and the measured --cpus figure against the limit.
//   npx tsx scripts/bench-sandbox.ts        (needs Docker and the image: npm run sandbox:image)
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import Docker from 'dockerode';
import pino from 'pino';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { renderChart, runChartInput } from '../src/commands/sandbox-chart.js';
import { runEmbed } from '../src/commands/sandbox-report.js';
import { PRESETS, resolveLimits } from '../src/sandbox/policy.js';
import { containerCreateOptions } from '../src/sandbox/runner.js';
import { createSandboxService } from '../src/sandbox/service.js';

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
  const logger = pino({ level: 'silent' });
  const svc = createSandboxService(config, logger, openDatabase(':memory:'), { reaper: false });
  const who = { user: { id: 'bench', name: 'bench', roleIds: [] }, guildId: null, channelId: 'bench' };
  try {
    const ok = await svc.check();
    if (!ok.ok) throw new Error(`sandbox not usable: ${ok.error.code} ${ok.error.detail ?? ''}`);
    // One warm-up run (first chart render loads fonts; first container start warms the daemon).
    await svc.run({ ...who, preset: 'hello' });

    const running: number[] = [];
    const firstSample: number[] = [];
    const report: number[] = [];
    for (let i = 0; i < helloRuns; i++) {
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
      const tDone = performance.now() - t0;
      running.push(tRun);
      if (!Number.isNaN(tSample)) firstSample.push(tSample);
      report.push(tDone);
    }

    // Baseline in the same run: the same container body (limits, security options) through the bare Engine
    // API, create → start → wait → remove, without attach, stats, inspect, chart or report.
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
    for (let i = 0; i < helloRuns; i++) {
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

    // The bot's own cost while a cpu-burn runs for burnSeconds.
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 250);
    const cpu0 = process.cpuUsage();
    const w0 = performance.now();
    let burnFirstSample = NaN;
    const burn = await svc.run(
      { ...who, preset: 'cpu-burn', options: { cpus, timeout: burnSeconds } },
      {
        onSample: () => {
          if (Number.isNaN(burnFirstSample)) burnFirstSample = performance.now() - w0;
        },
      },
    );
    const wall = performance.now() - w0;
    const cpu = process.cpuUsage(cpu0);
    clearInterval(sampler);
    if (!burn.ok) throw new Error(`cpu-burn failed: ${burn.error.code}`);
    const botCpuPct = ((cpu.user + cpu.system) / 1000 / wall) * 100;
    const measuredCpus = (burn.report.result.summary.cpuAvg ?? NaN) / 100;
    const cpusErr = Math.abs(measuredCpus - cpus) / cpus;

    const ms = (v: number) => `${v.toFixed(0)} ms`;
    const rows: BenchRow[] = [
      {
        metric: `hello: command → container running (median of ${helloRuns})`,
        value: ms(median(running)),
        target: '< 1000 ms',
        ok: median(running) < 1000,
      },
      {
        metric: `hello: command → first stats sample (median of ${firstSample.length}/${helloRuns} runs that got one)`,
        value: firstSample.length ? ms(median(firstSample)) : 'none',
        target: '—',
        ok: null,
      },
      {
        metric: `hello: command → final report incl. chart (median of ${helloRuns})`,
        value: ms(median(report)),
        target: '< 1500 ms',
        ok: median(report) < 1500,
      },
      {
        metric: `baseline, same container via the bare Engine API: create → started (median of ${helloRuns})`,
        value: ms(median(bareRunning)),
        target: '—',
        ok: null,
      },
      {
        metric: `baseline, same container via the bare Engine API: create → start → wait → remove (median of ${helloRuns})`,
        value: ms(median(bareDone)),
        target: '—',
        ok: null,
      },
      {
        metric: 'ratio: our final report / bare Engine API round trip',
        value: `${(median(report) / median(bareDone)).toFixed(2)}×`,
        target: '—',
        ok: null,
      },
      { metric: `cpu-burn ${burnSeconds} s: command → first stats sample`, value: ms(burnFirstSample), target: '—', ok: null },
      {
        metric: `bot CPU during a ${burnSeconds} s cpu-burn (process.cpuUsage / wall)`,
        value: `${botCpuPct.toFixed(2)} %`,
        target: '—',
        ok: null,
      },
      {
        metric: `bot RSS during the cpu-burn (mean / peak)`,
        value: `${(rss.reduce((a, b) => a + b, 0) / rss.length / 1048576).toFixed(0)} / ${(Math.max(...rss) / 1048576).toFixed(0)} MiB`,
        target: '—',
        ok: null,
      },
      {
        metric: `measured --cpus vs limit ${cpus} (${burn.report.result.summary.samples} samples)`,
        value: `${measuredCpus.toFixed(3)} (${(cpusErr * 100).toFixed(1)} % off)`,
        target: 'within 10 %',
        ok: cpusErr <= 0.1,
      },
      {
        metric: 'cpu-burn throttling (throttled / periods, time)',
        value: `${burn.report.result.summary.throttledPeriods} / ${burn.report.result.summary.periods}, ${(burn.report.result.summary.throttledTimeNs / 1e9).toFixed(1)} s`,
        target: '—',
        ok: null,
      },
    ];
    return { rows, raw: { running, firstSample, report, bareRunning, bareDone, botCpuPct, rss, measuredCpus, burnWallMs: wall } };
  } finally {
    await svc.close();
  }
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
