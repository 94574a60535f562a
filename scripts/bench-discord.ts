// Discord front-end benchmark: the bot as its own process (`src/main.ts` with DISCORD_TOKEN, like `npm start`)
// against the Discord API emulator of the tests. 500 /ask interactions, 50 at a time.
//   ack      = INTERACTION_CREATE sent → interaction callback received (the "thinking…" defer)
//   complete = INTERACTION_CREATE sent → the edit carrying the final answer received
// Both are measured by the emulator (one clock). RSS is the bot process's (VmRSS / peak VmHWM).
//   npx tsx scripts/bench-discord.ts [--total 500] [--concurrency 50]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { botProcessEnv, startEmulator, type InjectedInteraction } from '../test/discord/emulator.js';

export interface BenchDiscordOptions {
  total?: number;
  concurrency?: number;
  warmup?: number;
  /** The bot's entry script (default src/main.ts); scripts/bench-discord-floor.ts is the baseline. */
  entry?: string;
}

export interface BenchDiscordResult {
  total: number;
  concurrency: number;
  ack: { median: number; p99: number; max: number };
  complete: { median: number; p99: number; max: number };
  throughputPerSecond: number;
  rssMb: number;
  peakRssMb: number;
  startupMs: number;
  failures: number;
}

const QUESTIONS = [
  'What is a virtual machine?',
  'VM과 컨테이너의 차이는?',
  'How does --memory limit a container?',
  '도커 데몬은 무슨 일을 해?',
  'What are cgroups used for?',
  'What does --cpus do?',
  '네임스페이스가 뭐야?',
  'Why are image layers shared?',
  'What is a hypervisor?',
  '--pids-limit은 왜 필요해?',
];

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function rssOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

export async function benchDiscord(o: BenchDiscordOptions = {}): Promise<BenchDiscordResult> {
  const total = o.total ?? 500;
  const concurrency = o.concurrency ?? 50;
  const warmup = o.warmup ?? 50;
  const emu = await startEmulator();
  const dir = mkdtempSync(join(tmpdir(), 'bench-discord-'));
  const t0 = performance.now();
  // BENCH_BOT_NODE_ARGS: extra node flags for the bot process, e.g. --cpu-prof to profile it.
  const nodeArgs = (process.env.BENCH_BOT_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  // BENCH_BOT_ENTRY=dist/src/main.js measures the built bot, as the image runs it (after npm run build).
  const entry = o.entry ?? process.env.BENCH_BOT_ENTRY ?? 'src/main.ts';
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...loader, entry], {
    env: botProcessEnv(emu, dir, {
      KNOWLEDGE_DIR: process.env.KNOWLEDGE_DIR ?? 'knowledge',
      LOG_LEVEL: 'warn',
      ...(process.env.ANSWER_THREAD ? { ANSWER_THREAD: process.env.ANSWER_THREAD } : {}),
    }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    await emu.waitForIdentify(1, 60_000);
    const startupMs = performance.now() - t0;
    const isFinal = (m: { via: string; embeds: { footer?: { text?: string } }[] }) =>
      m.via === 'edit' && m.embeds.length > 0 && !/writing|작성 중/.test(m.embeds[0].footer?.text ?? '');

    let n = 0;
    const run = async (count: number, record: boolean, acks: number[], completes: number[]): Promise<number> => {
      let failures = 0;
      for (let done = 0; done < count; done += concurrency) {
        const batch: InjectedInteraction[] = [];
        for (let k = 0; k < Math.min(concurrency, count - done); k++, n++) {
          batch.push(
            emu.slash(
              'ask',
              { question: QUESTIONS[n % QUESTIONS.length] },
              { user: { id: String(700000000000000000n + BigInt(n)) }, locale: n % 2 ? 'ko' : 'en-US' },
            ),
          );
        }
        await Promise.all(
          batch.map(async (i) => {
            try {
              const ack = await i.waitForAck(15_000);
              const fin = await i.waitForMessage(isFinal, 15_000);
              if (record) {
                acks.push(ack.at - i.sentAt);
                completes.push(fin.at - i.sentAt);
              }
            } catch {
              failures++;
            }
          }),
        );
      }
      return failures;
    };

    await run(warmup, false, [], []);
    const acks: number[] = [];
    const completes: number[] = [];
    const started = performance.now();
    const failures = await run(total, true, acks, completes);
    const elapsed = performance.now() - started;
    const mem = rssOf(child.pid!);
    acks.sort((a, b) => a - b);
    completes.sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      total,
      concurrency,
      ack: { median: round(quantile(acks, 0.5)), p99: round(quantile(acks, 0.99)), max: round(acks[acks.length - 1]) },
      complete: {
        median: round(quantile(completes, 0.5)),
        p99: round(quantile(completes, 0.99)),
        max: round(completes[completes.length - 1]),
      },
      throughputPerSecond: Math.round((total / elapsed) * 1000),
      rssMb: round(mem.rss),
      peakRssMb: round(mem.peak),
      startupMs: Math.round(startupMs),
      failures,
    };
  } finally {
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function benchDiscordTable(r: BenchDiscordResult): string {
  const ok = (v: number, target: number) => (v < target ? '✅' : '❌');
  return [
    `Discord front end: ${r.total} /ask through the emulator, ${r.concurrency} at a time (${r.failures} failed)`,
    '',
    '| metric | median (ms) | p99 (ms) | max (ms) | target p99 |',
    '|---|---:|---:|---:|---|',
    `| acknowledgement (dispatch → callback) | ${r.ack.median} | ${r.ack.p99} | ${r.ack.max} | < 50 ms ${ok(r.ack.p99, 50)} |`,
    `| complete answer (dispatch → final edit) | ${r.complete.median} | ${r.complete.p99} | ${r.complete.max} | < 150 ms ${ok(r.complete.p99, 150)} |`,
    '',
    '| bot process | value |',
    '|---|---:|',
    `| RSS after the run | ${r.rssMb} MB |`,
    `| peak RSS | ${r.peakRssMb} MB |`,
    `| throughput | ${r.throughputPerSecond} answers/s |`,
    `| start-up to IDENTIFY | ${r.startupMs} ms |`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  benchDiscord({ total: arg('total'), concurrency: arg('concurrency') })
    .then((r) => {
      process.stdout.write(`${benchDiscordTable(r)}\n`);
      if (r.failures) process.exitCode = 1;
    })
    .catch((err) => {
      process.stderr.write(`bench failed: ${(err as Error).stack ?? err}\n`);
      process.exit(1);
    });
}
