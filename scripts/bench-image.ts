// `npm run bench -- image`: the runtime image's size and its start-to-ready time in console mode, beside
// the base image it is built on (bare Debian + node) as the baseline measured in the same run.
// Start-to-ready: from `docker run` to the console's first answer on stdout (an /ask written at once, so it
// includes container start, node start, loading the knowledge base and one answer).
import { spawn } from 'node:child_process';
import { buildImage, docker } from './image-build.js';

const RUNS = 5;
const LABEL = `org.study-bot.bench-run=${process.pid}-${Date.now().toString(36)}`;

export interface ImageBenchRow {
  image: string;
  sizeMb: number;
  readyMedianMs: number;
  readyMaxMs: number;
}

/** ms from spawning `docker run` to the first stdout line matching `ready`. */
function timeToOutput(args: string[], input: string, ready: RegExp): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('docker', ['run', '-i', '--rm', '--label', LABEL, '--network', 'none', ...args]);
    let out = '';
    let at = 0;
    child.stdout.on('data', (d) => {
      out += d;
      if (!at && ready.test(out)) at = performance.now() - t0;
    });
    child.on('exit', (code) => (at ? resolve(at) : reject(new Error(`no ${ready} (exit ${code}): ${out.slice(0, 500)}`))));
    child.stdin.end(input);
  });
}

async function row(image: string, args: string[], input: string, ready: RegExp): Promise<ImageBenchRow> {
  const size = Number(await docker(['image', 'inspect', '--format', '{{.Size}}', image]));
  await timeToOutput(args, input, ready); // warm the page cache
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await timeToOutput(args, input, ready));
  times.sort((a, b) => a - b);
  return {
    image,
    sizeMb: Math.round(size / 1e5) / 10,
    readyMedianMs: Math.round(times[Math.floor(RUNS / 2)]),
    readyMaxMs: Math.round(times[RUNS - 1]),
  };
}

export async function benchImage(): Promise<ImageBenchRow[]> {
  const { image, base } = await buildImage();
  return [
    await row(image, [image], '/ask question: What is a hypervisor?\n', /── What is a hypervisor\? ──/),
    await row(base.run, [base.run, 'node', '-e', 'console.log("ready")'], '', /ready/),
  ];
}

export function imageTable(rows: ImageBenchRow[]): string {
  const [ours, base] = rows;
  return [
    '| image | size | start to first answer, median of 5 | max |',
    '|---|---:|---:|---:|',
    `| the bot (\`${ours.image}\`) | ${ours.sizeMb} MB | ${ours.readyMedianMs} ms | ${ours.readyMaxMs} ms |`,
    `| baseline: its base, \`node -e\` printing one line | ${base.sizeMb} MB | ${base.readyMedianMs} ms | ${base.readyMaxMs} ms |`,
    '',
    `Targets: size < 250 MB ${ours.sizeMb < 250 ? 'met' : 'MISSED'}, start to ready < 3 s ${ours.readyMaxMs < 3000 ? 'met' : 'MISSED'}.`,
  ].join('\n');
}
