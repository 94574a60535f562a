// `npm run bench`: every benchmark, each beside a baseline measured in the same run.
//   retrieval  build time, query median/p99 and heap; shipped knowledge base and 10,000 generated passages;
//              baseline: a default MiniSearch over the same passages
//   discord    500 /ask through the Discord API emulator, 50 at a time (ack and completed-answer latency, RSS);
//              baseline: a bare discord.js bot that defers and edits a fixed embed
//   sandbox    hello latency (median of 10), bot CPU/RSS during a 30 s cpu-burn, measured --cpus;
//              baseline: bare Engine API create/start/wait/remove. Skipped, with the reason, without Docker.
//   image      the runtime image's size and start to first console answer (builds it on the local bases);
//              baseline: the base image starting node. Skipped, with the reason, without Docker.
//   boundaries only when named (about 12 minutes): the sandbox's boundary cases repeated (--repeats=20,
//              --case=TEXT), the right outcome labels of each and the OOM peaks (bench-sandbox-boundaries.ts).
// Pick some: `npm run bench -- retrieval discord`. Results also go to bench-results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import Docker from 'dockerode';
import { benchDiscord, type BenchDiscordResult } from './bench-discord.js';
import { benchImage, imageTable } from './bench-image.js';
import { benchRetrieval, retrievalTable } from './bench-retrieval.js';
import { benchSandbox, markdownTable } from './bench-sandbox.js';
import { benchBoundaries, boundaryArgs, boundaryTable } from './bench-sandbox-boundaries.js';

const all = ['retrieval', 'discord', 'sandbox', 'image', 'boundaries'] as const;
/** Run only when named. */
const onRequest = new Set<string>(['boundaries']);
const picked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = picked.filter((p) => !all.includes(p as (typeof all)[number]));
if (unknown.length) {
  console.error(`unknown benchmark: ${unknown.join(', ')} (choose from ${all.join(', ')})`);
  process.exit(2);
}
const run = (name: (typeof all)[number]) => (!picked.length && !onRequest.has(name)) || picked.includes(name);
const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version };
let failed = false;

console.log(`# Benchmarks (${new Date().toISOString()}, Node ${process.version})\n`);

const dockerProblem = () =>
  new Docker()
    .ping()
    .then(() => null)
    .catch((err: unknown) => (err instanceof Error ? err.message : String(err)));

/** Runs a benchmark that needs Docker, or says and records why it was skipped. */
async function ifDocker(key: string, body: () => Promise<void>): Promise<void> {
  const reason = await dockerProblem();
  if (!reason) return body();
  console.log(`Skipped: Docker is unreachable (${reason}).\n`);
  results[key] = { skipped: reason };
}

// Sandbox first: its bot-RSS figure must not include the 10,000-passage retrieval corpus.
if (run('sandbox')) {
  console.log('## Sandbox (real Docker engine)\n');
  const reason = await dockerProblem();
  if (reason) {
    console.log(`Skipped: Docker is unreachable (${reason}). Start dockerd and run \`npm run sandbox:image\`.\n`);
    results.sandbox = { skipped: reason };
  } else {
    const { rows, raw } = await benchSandbox();
    results.sandbox = { rows, raw };
    console.log(markdownTable(rows));
    console.log('');
    if (rows.some((r) => r.ok === false)) failed = true;
  }
}

if (run('boundaries')) {
  console.log('## Sandbox boundary cases (real Docker engine)\n');
  await ifDocker('boundaries', async () => {
    const { rows, cpuBurn } = await benchBoundaries(boundaryArgs(process.argv.slice(2)));
    results.boundaries = { rows, cpuBurn };
    console.log(`${boundaryTable(rows)}\n`);
    if (cpuBurn) console.log(`${cpuBurn}\n`);
    if (rows.some((r) => r.right < r.repeats)) failed = true;
  });
}

if (run('discord')) {
  console.log('## Discord front end (emulator on 127.0.0.1, bot as its own process)\n');
  const base: BenchDiscordResult = await benchDiscord({ entry: 'scripts/bench-discord-floor.ts' });
  const ours = await benchDiscord();
  results.discord = { ours, baseline: base };
  const row = (name: string, r: BenchDiscordResult) =>
    `| ${name} | ${r.ack.median} | ${r.ack.p99} | ${r.complete.median} | ${r.complete.p99} | ${r.peakRssMb} MB | ${r.throughputPerSecond}/s | ${r.failures} |`;
  console.log(`${ours.total} /ask interactions, ${ours.concurrency} at a time, after a warm-up.\n`);
  console.log('| bot | ack median (ms) | ack p99 (ms) | complete median (ms) | complete p99 (ms) | peak RSS | throughput | failed |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  const built = process.env.BENCH_BOT_ENTRY;
  console.log(row(built ? `this bot (\`node ${built}\`, as the image runs it)` : 'this bot (`npm start`)', ours));
  console.log(row('baseline: bare discord.js, fixed reply', base));
  console.log(
    `\nTargets: ack p99 < 50 ms ${ours.ack.p99 < 50 ? 'met' : 'MISSED'}, complete p99 < 150 ms ${ours.complete.p99 < 150 ? 'met' : 'MISSED'}.`,
  );
  console.log(
    `Ratio to the baseline: ack p99 ${(ours.ack.p99 / base.ack.p99).toFixed(2)}×, complete p99 ${(ours.complete.p99 / base.complete.p99).toFixed(2)}×.\n`,
  );
  if (ours.failures) failed = true;
}

if (run('retrieval')) {
  if (!(globalThis as { gc?: unknown }).gc) console.error('(heap figures need node --expose-gc; npm run bench sets it)');
  const rows = await benchRetrieval();
  results.retrieval = rows;
  console.log('## Retrieval\n');
  console.log(retrievalTable(rows));
  const ours = rows.find((r) => r.engine === 'this bot' && r.passages >= 10_000)!;
  const base = rows.find((r) => r.engine !== 'this bot' && r.passages >= 10_000)!;
  console.log(
    `\nAt 10,000 passages: query p99 ${ours.p99Ms.toFixed(2)} ms (target < 5 ms), build ${ours.buildMs.toFixed(0)} ms (target < 2000 ms);`,
  );
  console.log(
    `median query ${(base.medianMs / ours.medianMs).toFixed(0)}× faster than the MiniSearch baseline, p99 ${(base.p99Ms / ours.p99Ms).toFixed(0)}× faster.\n`,
  );
  if (ours.p99Ms >= 5 || ours.buildMs >= 2000) failed = true;
}

if (run('image')) {
  console.log('## Image (Dockerfile on the local bases of deploy/base-images.sh)\n');
  await ifDocker('image', async () => {
    const rows = await benchImage();
    results.image = rows;
    console.log(`${imageTable(rows)}\n`);
    if (rows[0].sizeMb >= 250 || rows[0].readyMaxMs >= 3000) failed = true;
  });
}

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('(raw figures: bench-results/latest.json)');
if (failed) process.exitCode = 1;
