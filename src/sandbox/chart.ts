// PNG chart of a run: CPU % (left axis) and memory MiB (right axis) over time, with the limits
// (--cpus × 100 %, --memory) drawn as dashed lines. chart.js rendered on @napi-rs/canvas, with a
// font file shipped in the repo (fonts/DejaVuSans.ttf) so text renders on a machine without fonts.
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { fileURLToPath } from 'node:url';
import type { Sample } from './stats.js';

const FONT_FAMILY = 'SandboxDejaVuSans';
let setUp = false;

function setup(): void {
  if (setUp) return;
  Chart.register(...registerables);
  const fontPath = fileURLToPath(new URL('./fonts/DejaVuSans.ttf', import.meta.url));
  if (!GlobalFonts.registerFromPath(fontPath, FONT_FAMILY)) throw new Error(`could not load chart font ${fontPath}`);
  Chart.defaults.font.family = FONT_FAMILY;
  Chart.defaults.font.size = 13;
  Chart.defaults.color = '#222';
  Chart.defaults.animation = false;
  setUp = true;
}

export interface ChartSeries {
  label: string;
  samples: Sample[];
}

export interface ChartInput {
  title: string;
  series: ChartSeries[];
  /** --cpus; drawn as a line at cpus × 100 %. null = no quota. */
  cpus: number | null;
  memoryLimitBytes: number | null;
  /** A line under the title (e.g. why there are no samples). */
  note?: string;
  /** Extra dashed horizontal lines on the CPU axis (e.g. the expected split of a compare). */
  cpuLines?: { label: string; y: number }[];
  width?: number;
  height?: number;
}

const MiB = 1024 * 1024;
const COLORS = [
  ['#d9480f', '#1971c2'],
  ['#2f9e44', '#7048e8'],
];

/** Render the chart; returns PNG bytes. */
export async function renderChart(input: ChartInput): Promise<Buffer> {
  setup();
  const width = input.width ?? 900;
  const height = input.height ?? 450;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);

  const allT = input.series.flatMap((s) => s.samples.map((x) => x.t / 1000));
  const tMax = Math.ceil(Math.max(1, ...allT));
  const datasets: ChartConfiguration<'line'>['data']['datasets'] = [];
  const multi = input.series.length > 1;
  input.series.forEach((s, i) => {
    const [cpuColor, memColor] = COLORS[i % COLORS.length]!;
    datasets.push({
      label: multi ? `${s.label} CPU %` : 'CPU %',
      data: s.samples.filter((x) => x.cpuPercent !== null).map((x) => ({ x: x.t / 1000, y: x.cpuPercent! })),
      borderColor: cpuColor,
      backgroundColor: cpuColor,
      yAxisID: 'cpu',
      pointRadius: 3,
      borderWidth: 2,
    });
    if (!multi) {
      datasets.push({
        label: 'Memory MiB',
        data: s.samples.map((x) => ({ x: x.t / 1000, y: x.memBytes / MiB })),
        borderColor: memColor,
        backgroundColor: memColor,
        yAxisID: 'mem',
        pointRadius: 3,
        borderWidth: 2,
      });
    }
  });
  let cpuAxisMax = Math.max(100, ...input.series.flatMap((s) => s.samples.map((x) => x.cpuPercent ?? 0)));
  if (input.cpus !== null) {
    const y = input.cpus * 100;
    cpuAxisMax = Math.max(cpuAxisMax, y * 1.1);
    datasets.push({
      label: `CPU limit (--cpus ${input.cpus})`,
      data: [{ x: 0, y }, { x: tMax, y }],
      borderColor: '#e8590c',
      borderDash: [8, 5],
      yAxisID: 'cpu',
      pointRadius: 0,
      borderWidth: 1.5,
    });
  }
  (input.cpuLines ?? []).forEach((line, i) => {
    const color = COLORS[i % COLORS.length]![0]!;
    datasets.push({ label: line.label, data: [{ x: 0, y: line.y }, { x: tMax, y: line.y }], borderColor: color, borderDash: [4, 4], yAxisID: 'cpu', pointRadius: 0, borderWidth: 1.5 });
  });
  const memLimitMiB = input.memoryLimitBytes ? input.memoryLimitBytes / MiB : null;
  if (memLimitMiB !== null && !multi) {
    datasets.push({
      label: `Memory limit (${memLimitMiB.toFixed(0)} MiB)`,
      data: [{ x: 0, y: memLimitMiB }, { x: tMax, y: memLimitMiB }],
      borderColor: '#1c7ed6',
      borderDash: [8, 5],
      yAxisID: 'mem',
      pointRadius: 0,
      borderWidth: 1.5,
    });
  }
  const memMax = Math.max(1, memLimitMiB ?? 0, ...input.series.flatMap((s) => s.samples.map((x) => x.memBytes / MiB))) * 1.1;

  const config: ChartConfiguration<'line'> = {
    type: 'line',
    data: { datasets },
    options: {
      responsive: false,
      animation: false,
      parsing: false,
      plugins: {
        title: { display: true, text: input.title, font: { size: 16 } },
        subtitle: { display: !!input.note, text: input.note ?? '', font: { size: 12, style: 'italic' }, color: '#666' },
        legend: { position: 'bottom' },
      },
      scales: {
        x: { type: 'linear', min: 0, max: tMax, title: { display: true, text: 'seconds since start' } },
        cpu: { type: 'linear', position: 'left', min: 0, suggestedMax: cpuAxisMax, title: { display: true, text: 'CPU % (100 % = one CPU)' } },
        ...(multi
          ? {}
          : { mem: { type: 'linear' as const, position: 'right' as const, min: 0, suggestedMax: memMax, title: { display: true, text: 'Memory (MiB)' }, grid: { drawOnChartArea: false } } }),
      },
    },
    plugins: [
      {
        id: 'white-background',
        beforeDraw: (chart) => {
          const c = chart.ctx;
          c.save();
          c.fillStyle = '#ffffff';
          c.fillRect(0, 0, chart.width, chart.height);
          c.restore();
        },
      },
    ],
  };
  // chart.js runs on a canvas-like object; @napi-rs/canvas provides the 2D context it needs.
  const chart = new Chart(ctx as unknown as CanvasRenderingContext2D, config);
  try {
    chart.draw();
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}
