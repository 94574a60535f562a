// PNG chart of a run: CPU % (left axis) and memory MiB or PIDs (right axis: what the preset
// demonstrates) over time, with the limits (--cpus × 100 %, --memory, --pids-limit) drawn as dashed
// lines and the end of the run marked with its outcome. chart.js rendered on @napi-rs/canvas, with a
// font file shipped in the repo (fonts/DejaVuSans.ttf) so text renders on a machine without fonts.
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { fileURLToPath } from 'node:url';
import type { Sample } from '../sandbox/stats.js';
import { MiB, type ChartInput } from './sandbox-chart-input.js';
import { CHART_TEXT, type ChartText } from './sandbox-chart-text.js';

// DejaVu for Latin, digits and symbols; a Noto Sans KR subset for the Hangul of the Korean texts
// (canvas falls back glyph by glyph along the family list).
const FONTS = [
  { file: 'DejaVuSans.ttf', family: 'SandboxDejaVuSans' },
  { file: 'NotoSansKR-chart.ttf', family: 'SandboxNotoSansKR' },
];
export const FONT_FAMILIES = FONTS.map((f) => f.family).join(', ');
let setUp = false;

function setup(): void {
  if (setUp) return;
  Chart.register(...registerables);
  for (const f of FONTS) {
    const fontPath = fileURLToPath(new URL(`./fonts/${f.file}`, import.meta.url));
    if (!GlobalFonts.registerFromPath(fontPath, f.family)) throw new Error(`could not load chart font ${fontPath}`);
  }
  Chart.defaults.font.family = FONT_FAMILIES;
  Chart.defaults.font.size = 13;
  Chart.defaults.color = '#222';
  Chart.defaults.animation = false;
  setUp = true;
}

export { CHART_MIN_SAMPLES, compareChartInput, runChartInput, type ChartInput, type ChartSeries } from './sandbox-chart-input.js';

const COLORS = [
  ['#d9480f', '#1971c2'],
  ['#2f9e44', '#7048e8'],
];

type Dataset = ChartConfiguration<'line'>['data']['datasets'][number];

const rightValue = (input: ChartInput) => (input.rightAxis === 'pids' ? (x: Sample) => x.pids : (x: Sample) => x.memBytes / MiB);

const textOf = (input: ChartInput): ChartText => CHART_TEXT[input.locale ?? 'en'];

function rightSeries(input: ChartInput, samples: Sample[]): Pick<Dataset, 'label' | 'data'> {
  const value = rightValue(input);
  return {
    label: input.rightAxis === 'pids' ? textOf(input).pidsSeries : textOf(input).memorySeries,
    data: samples.map((x) => ({ x: x.t / 1000, y: value(x) })),
  };
}

/** The right axis of a single-series chart: its limit line, the end marker and its scale. */
function rightAxis(input: ChartInput, tMax: number): { datasets: Dataset[]; max: number; title: string } {
  const pids = input.rightAxis === 'pids';
  const limit = pids ? (input.pidsLimit ?? null) : input.memoryLimitBytes ? input.memoryLimitBytes / MiB : null;
  const datasets: Dataset[] = [];
  if (limit !== null) {
    const label = pids ? textOf(input).pidsLimit(limit) : textOf(input).memoryLimit(limit);
    datasets.push({
      label,
      data: [
        { x: 0, y: limit },
        { x: tMax, y: limit },
      ],
      borderColor: '#1c7ed6',
      borderDash: [8, 5],
      yAxisID: 'right',
      pointRadius: 0,
      borderWidth: 1.5,
    });
  }
  const values = input.series.flatMap((s) => s.samples.map(rightValue(input)));
  if (input.end) {
    const y = input.end.atLimit && limit !== null ? limit : (values[values.length - 1] ?? 0);
    datasets.push({
      label: input.end.label,
      data: [{ x: input.end.t / 1000, y }],
      borderColor: '#c92a2a',
      backgroundColor: '#c92a2a',
      pointStyle: 'crossRot',
      pointRadius: 10,
      pointBorderWidth: 3,
      yAxisID: 'right',
      showLine: false,
      clip: false,
    });
  }
  return { datasets, max: Math.max(1, limit ?? 0, ...values) * 1.1, title: pids ? textOf(input).pidsAxis : textOf(input).memoryAxis };
}

/** Register the fonts and chart.js's parts (once); exported for the font test. */
export function setupCharts(): void {
  setup();
}

type LineDatasets = ChartConfiguration<'line'>['data']['datasets'];

/** A horizontal limit line across the whole run. */
function limitLine(label: string, y: number, tMax: number, color: string, dash: number[]): LineDatasets[number] {
  return {
    label,
    data: [
      { x: 0, y },
      { x: tMax, y },
    ],
    borderColor: color,
    borderDash: dash,
    yAxisID: 'cpu',
    pointRadius: 0,
    borderWidth: 1.5,
  };
}

/** CPU % of every series, and (for one series) the right-axis reading it demonstrates. */
function seriesDatasets(input: ChartInput): LineDatasets {
  const datasets: LineDatasets = [];
  const multi = input.series.length > 1;
  input.series.forEach((s, i) => {
    const [cpuColor, memColor] = COLORS[i % COLORS.length];
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
      const right = { ...rightSeries(input, s.samples), borderColor: memColor, backgroundColor: memColor };
      datasets.push({ ...right, yAxisID: 'right', pointRadius: 3, borderWidth: 2 });
    }
  });
  return datasets;
}

/** The chart.js configuration: series, limit lines, axes, title in the reply's language, a white background. */
function chartConfig(input: ChartInput): ChartConfiguration<'line'> {
  const allT = input.series.flatMap((s) => s.samples.map((x) => x.t / 1000));
  const tMax = Math.ceil(Math.max(1, ...allT, (input.end?.t ?? 0) / 1000));
  const datasets = seriesDatasets(input);
  let cpuAxisMax = Math.max(100, ...input.series.flatMap((s) => s.samples.map((x) => x.cpuPercent ?? 0)));
  if (input.cpus !== null) {
    cpuAxisMax = Math.max(cpuAxisMax, input.cpus * 110);
    datasets.push(limitLine(textOf(input).cpuLimit(input.cpus), input.cpus * 100, tMax, '#e8590c', [8, 5]));
  }
  (input.cpuLines ?? []).forEach((line, i) => datasets.push(limitLine(line.label, line.y, tMax, COLORS[i % COLORS.length][0], [4, 4])));
  const right = input.series.length > 1 ? null : rightAxis(input, tMax);
  if (right) datasets.push(...right.datasets);
  const rightScale = right
    ? {
        right: {
          type: 'linear' as const,
          position: 'right' as const,
          min: 0,
          suggestedMax: right.max,
          title: { display: true, text: right.title },
          grid: { drawOnChartArea: false },
        },
      }
    : {};
  return {
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
        x: { type: 'linear', min: 0, max: tMax, title: { display: true, text: textOf(input).seconds } },
        cpu: { type: 'linear', position: 'left', min: 0, suggestedMax: cpuAxisMax, title: { display: true, text: textOf(input).cpuAxis } },
        ...rightScale,
      },
    },
    plugins: [WHITE_BACKGROUND],
  };
}

const WHITE_BACKGROUND = {
  id: 'white-background',
  beforeDraw: (chart: Chart) => {
    const c = chart.ctx;
    c.save();
    c.fillStyle = '#ffffff';
    c.fillRect(0, 0, chart.width, chart.height);
    c.restore();
  },
};

/** Render the chart; returns PNG bytes. */
export async function renderChart(input: ChartInput): Promise<Buffer> {
  setup();
  const width = input.width ?? 900;
  const height = input.height ?? 450;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  // chart.js runs on a canvas-like object; @napi-rs/canvas provides the 2D context it needs.
  const chart = new Chart(ctx as unknown as CanvasRenderingContext2D, chartConfig(input));
  try {
    chart.draw();
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}
