// /sandbox run | compare: runs a resource-limited container and reports what the limits did.
// Progress edits about every SANDBOX_PROGRESS_SECONDS, then a final embed with a PNG chart
// (attached as a file; the console front end saves it and prints its path).
import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { loadConfig } from '../config.js';
import { PRESET_NAMES, type LimitOptions, type SandboxConfig, type SandboxLimits } from '../sandbox/policy.js';
import type { Admission, CompareReport, RunReport, SandboxError, SandboxService } from '../sandbox/service.js';
import type { Sample } from '../sandbox/stats.js';
import { GUILD_INSTALL, GUILD_ONLY } from './contexts.js';
import { compareChartInput, runChartInput, type ChartInput } from './sandbox-chart-input.js';
import { compareEmbed, COLOR, errorText, progressEmbed, runEmbed } from './sandbox-report.js';
import type { Demo } from './try-it.js';
import type { BotEmbed, BotMessage, Command, CommandContext, SlashInvocation } from './types.js';

/** Bounds for the module's default definition (tests, the console); the bot registers sandboxCommand(config). */
const DEFAULT_SANDBOX = loadConfig({}).sandbox;

/**
 * The definition, with every numeric option bounded by the configured limits (Discord's UI refuses a bad
 * value; the service checks again). Guild-only, and hidden from members without Manage Messages until an
 * admin opens it up in Server Settings → Integrations.
 */
export function sandboxData(cfg: SandboxConfig) {
  return new SlashCommandBuilder()
    .setName('sandbox')
    .setContexts(GUILD_ONLY)
    .setIntegrationTypes(GUILD_INSTALL)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageMessages)
    .setNameLocalizations({ ko: '샌드박스' })
    .setDescription('Run a resource-limited container and see what the limits do')
    .setDescriptionLocalizations({ ko: '자원을 제한한 컨테이너를 실행하고 제한의 효과를 봅니다' })
    .addSubcommand((sc) =>
      sc
        .setName('run')
        .setNameLocalizations({ ko: '실행' })
        .setDescription('Run a preset (or, for trusted roles, a command) under limits')
        .setDescriptionLocalizations({ ko: '프리셋(신뢰된 역할은 명령)을 제한 아래에서 실행' })
        .addStringOption((o) =>
          o
            .setName('preset')
            .setNameLocalizations({ ko: '프리셋' })
            .setDescription('What to run')
            .setDescriptionLocalizations({ ko: '실행할 것' })
            .setRequired(true)
            .addChoices(...PRESET_NAMES.map((p) => ({ name: p, value: p }))),
        )
        .addIntegerOption((o) =>
          o
            .setName('memory')
            .setNameLocalizations({ ko: '메모리' })
            .setDescription('--memory in MiB')
            .setDescriptionLocalizations({ ko: '--memory (MiB)' })
            .setMinValue(cfg.memoryMb.min)
            .setMaxValue(cfg.memoryMb.max),
        )
        .addIntegerOption((o) =>
          o
            .setName('memory_swap')
            .setNameLocalizations({ ko: '메모리_스왑' })
            .setDescription('--memory-swap in MiB (memory+swap; 0 = Docker default). Default: equal to memory')
            .setDescriptionLocalizations({ ko: '--memory-swap (MiB, 메모리+스왑; 0 = 도커 기본값). 기본: memory와 같음' })
            .setMinValue(0)
            .setMaxValue(cfg.memoryMb.max * 2),
        )
        .addNumberOption((o) =>
          o
            .setName('cpus')
            .setNameLocalizations({ ko: 'cpu수' })
            .setDescription('--cpus (e.g. 0.5)')
            .setDescriptionLocalizations({ ko: '--cpus (예: 0.5)' })
            .setMinValue(cfg.cpus.min)
            .setMaxValue(cfg.cpus.max),
        )
        .addIntegerOption((o) =>
          o
            .setName('cpu_shares')
            .setNameLocalizations({ ko: 'cpu_가중치' })
            .setDescription('--cpu-shares (relative weight, 1024 = normal)')
            .setDescriptionLocalizations({ ko: '--cpu-shares (상대 가중치, 1024 = 보통)' })
            .setMinValue(cfg.cpuShares.min)
            .setMaxValue(cfg.cpuShares.max),
        )
        .addIntegerOption((o) =>
          o
            .setName('pids_limit')
            .setNameLocalizations({ ko: '프로세스_제한' })
            .setDescription('--pids-limit')
            .setDescriptionLocalizations({ ko: '--pids-limit (프로세스 수 제한)' })
            .setMinValue(cfg.pids.min)
            .setMaxValue(cfg.pids.max),
        )
        .addIntegerOption((o) =>
          o
            .setName('timeout')
            .setNameLocalizations({ ko: '타임아웃' })
            .setDescription('Wall-clock limit in seconds')
            .setDescriptionLocalizations({ ko: '실행 시간 제한 (초)' })
            .setMinValue(cfg.timeoutSeconds.min)
            .setMaxValue(cfg.timeoutSeconds.max),
        )
        .addStringOption((o) =>
          o
            .setName('command')
            .setNameLocalizations({ ko: '명령' })
            .setDescription('Custom shell command instead of the preset (trusted roles only)')
            .setDescriptionLocalizations({ ko: '프리셋 대신 실행할 셸 명령 (신뢰된 역할만)' })
            .setMaxLength(1000),
        )
        .addStringOption((o) =>
          o
            .setName('image')
            .setNameLocalizations({ ko: '이미지' })
            .setDescription('Image (only those on the allowlist; default the sandbox image)')
            .setDescriptionLocalizations({ ko: '이미지 (허용 목록에 있는 것만; 기본은 샌드박스 이미지)' })
            .setMaxLength(200),
        ),
    )
    .addSubcommand((sc) =>
      sc
        .setName('compare')
        .setNameLocalizations({ ko: '비교' })
        .setDescription('Two containers on one CPU with different --cpu-shares: the measured split')
        .setDescriptionLocalizations({ ko: '한 CPU에서 --cpu-shares가 다른 두 컨테이너: 실제로 나뉜 비율' })
        .addIntegerOption((o) =>
          o
            .setName('shares_a')
            .setNameLocalizations({ ko: '가중치_a' })
            .setDescription('--cpu-shares of A (default 1024)')
            .setDescriptionLocalizations({ ko: 'A의 --cpu-shares (기본 1024)' })
            .setMinValue(cfg.cpuShares.min)
            .setMaxValue(cfg.cpuShares.max),
        )
        .addIntegerOption((o) =>
          o
            .setName('shares_b')
            .setNameLocalizations({ ko: '가중치_b' })
            .setDescription('--cpu-shares of B (default 512)')
            .setDescriptionLocalizations({ ko: 'B의 --cpu-shares (기본 512)' })
            .setMinValue(cfg.cpuShares.min)
            .setMaxValue(cfg.cpuShares.max),
        )
        .addIntegerOption((o) =>
          o
            .setName('seconds')
            .setNameLocalizations({ ko: '초' })
            .setDescription('How long they compete')
            .setDescriptionLocalizations({ ko: '경쟁 시간 (초)' })
            .setMinValue(3)
            .setMaxValue(Math.max(cfg.compareSeconds, cfg.timeoutSeconds.max)),
        ),
    );
}

const num = (v: unknown): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/** Serialised, throttled edits of the progress reply; `flush` waits for the last one. */
class ProgressEditor {
  private chain: Promise<void> = Promise.resolve();
  private last = 0;
  private pending = false;
  constructor(
    private readonly ctx: CommandContext,
    private readonly intervalMs: number,
  ) {}
  push(message: BotMessage, force = false): void {
    const now = Date.now();
    if (!force && (now - this.last < this.intervalMs || this.pending)) return;
    this.last = now;
    this.pending = true;
    this.chain = this.chain
      .then(() => this.ctx.respond.reply(message))
      .catch((err: unknown) => this.ctx.services.logger.warn({ err }, 'sandbox: progress edit failed'))
      .finally(() => {
        this.pending = false;
      });
  }
  async flush(): Promise<void> {
    await this.chain;
  }
}

/** The chart PNG as an attachment; none for a run too short to chart, or when rendering fails. */
async function chartFile(ctx: CommandContext, runId: number, input: ChartInput | null): Promise<{ name: string; data: Buffer }[]> {
  if (!input) return [];
  try {
    // chart.js and the canvas (about 28 MB resident) load with the first chart, not at start-up.
    const { renderChart } = await import('./sandbox-chart.js');
    return [{ name: `sandbox-${runId}.png`, data: await renderChart(input) }];
  } catch (err) {
    ctx.services.logger.warn({ err }, 'sandbox: chart rendering failed');
    return [];
  }
}

/** How one kind of job shows its progress and its report. */
interface JobView<R> {
  label: string;
  /** The readings to show in the progress embed after a new sample (`which` is 'a' | 'b' for compare). */
  readings(sample: Sample, which?: 'a' | 'b'): { sample?: Sample; b?: Sample };
  report(report: R, chartName: string | undefined): BotEmbed;
  chart(report: R): ChartInput | null;
}

/**
 * Admission answers at once: a refusal is answered privately with no defer; an admitted job is
 * deferred publicly, edited with progress, then replaced by its report (or a clear error).
 */
async function watchJob<R extends { runId: number }>(
  ctx: CommandContext,
  svc: SandboxService,
  view: JobView<R>,
  admission: Admission<R>,
): Promise<void> {
  const { label } = view;
  const locale = ctx.locale;
  const failed = (error: SandboxError) => ({
    title: `/sandbox ${label}`,
    description: errorText(error, locale, svc.config),
    color: COLOR.bad,
  });
  if (!admission.ok) {
    await ctx.respond.reply({ embeds: [failed(admission.error)], ephemeral: true });
    return;
  }
  const editor = new ProgressEditor(ctx, svc.config.progressSeconds * 1000);
  let limits: SandboxLimits | undefined;
  let startedAt = 0;
  // Admitted: answered publicly so the channel watches it (the responder keeps the order of calls).
  void ctx.respond.defer().catch((err: unknown) => ctx.services.logger.warn({ err }, 'sandbox: defer failed'));
  const res = await admission.start({
    onQueued: (position) => {
      editor.push({ embeds: [progressEmbed(locale, { label, limits: {} as SandboxLimits, elapsedMs: 0, queuePosition: position })] }, true);
    },
    onStarted: (i) => {
      limits = i.limits;
      startedAt = Date.now();
      editor.push({ embeds: [progressEmbed(locale, { label, limits: i.limits, elapsedMs: 0 })] }, true);
    },
    onSample: (s, which) => {
      const readings = view.readings(s, which);
      if (limits) editor.push({ embeds: [progressEmbed(locale, { label, limits, elapsedMs: Date.now() - startedAt, ...readings })] });
    },
  });
  await editor.flush();
  if (!res.ok) {
    await ctx.respond.reply({ embeds: [failed(res.error)] });
    return;
  }
  const files = await chartFile(ctx, res.report.runId, view.chart(res.report));
  await ctx.respond.reply({ embeds: [view.report(res.report, files[0]?.name)], files });
}

interface RunSpec {
  preset?: string;
  command?: string;
  image?: string;
  options: LimitOptions;
}

/** A run, watched to its report (the /sandbox run subcommand and the "▶ Try it" button). */
async function startRun(ctx: CommandContext, svc: SandboxService, spec: RunSpec): Promise<void> {
  const view: JobView<RunReport> = {
    label: `run ${spec.command ? 'command' : spec.preset}`,
    readings: (sample) => ({ sample }),
    report: (report, chartName) => runEmbed(report, ctx.locale, chartName),
    chart: (report) => runChartInput(report, ctx.locale),
  };
  const who = { user: { id: ctx.user.id, name: ctx.user.name, roleIds: ctx.user.roleIds }, guildId: ctx.guildId, channelId: ctx.channelId };
  await watchJob(ctx, svc, view, svc.admitRun({ ...who, ...spec, preset: spec.command ? undefined : spec.preset }));
}

/** A compare, watched to its report. */
async function startCompare(
  ctx: CommandContext,
  svc: SandboxService,
  spec: { sharesA?: number; sharesB?: number; seconds?: number },
): Promise<void> {
  const latest: { a?: Sample; b?: Sample } = {};
  const view: JobView<CompareReport> = {
    label: 'compare',
    readings: (sample, which) => {
      latest[which ?? 'a'] = sample;
      return { sample: latest.a, b: latest.b };
    },
    report: (report, chartName) => compareEmbed(report, ctx.locale, chartName),
    chart: (report) => compareChartInput(report, ctx.locale),
  };
  const who = { user: { id: ctx.user.id, name: ctx.user.name, roleIds: ctx.user.roleIds }, guildId: ctx.guildId, channelId: ctx.channelId };
  await watchJob(ctx, svc, view, svc.admitCompare({ ...who, ...spec }));
}

async function runSub(ctx: SlashInvocation, svc: SandboxService): Promise<void> {
  const o = ctx.options;
  const command = str(o.command);
  await startRun(ctx, svc, {
    preset: str(o.preset) ?? 'hello',
    command,
    image: str(o.image)?.trim(),
    options: {
      memory: num(o.memory),
      memory_swap: num(o.memory_swap),
      cpus: num(o.cpus),
      cpu_shares: num(o.cpu_shares),
      pids_limit: num(o.pids_limit),
      timeout: num(o.timeout),
    },
  });
}

async function compareSub(ctx: SlashInvocation, svc: SandboxService): Promise<void> {
  const o = ctx.options;
  await startCompare(ctx, svc, { sharesA: num(o.shares_a), sharesB: num(o.shares_b), seconds: num(o.seconds) });
}

/** Runs an answer's "▶ Try it" demo exactly as /sandbox would (same service: access, limits, queue). */
export async function runDemo(ctx: CommandContext, svc: SandboxService, demo: Demo): Promise<void> {
  if (demo.kind === 'compare') await startCompare(ctx, svc, { sharesA: demo.sharesA, sharesB: demo.sharesB });
  else await startRun(ctx, svc, { preset: demo.preset, options: demo.options });
}

/** /sandbox as registered for this configuration (the bounds of its options come from it). */
export function sandboxCommand(cfg: SandboxConfig): Command {
  return { ...sandbox, data: sandboxData(cfg) };
}

const sandbox: Command = {
  data: sandboxData(DEFAULT_SANDBOX),
  async execute(ctx) {
    const locale = ctx.locale;
    const svc = ctx.services.sandbox;
    if (!svc || !svc.enabled) {
      await ctx.respond.reply({
        embeds: [{ title: '/sandbox', description: errorText({ code: 'disabled' }, locale), color: COLOR.info }],
        ephemeral: true,
      });
      return;
    }
    try {
      if (ctx.subcommand === 'compare') await compareSub(ctx, svc);
      else await runSub(ctx, svc);
    } catch (err) {
      // The service never throws; this guards the front end (a failed edit, say). Never rethrow.
      ctx.services.logger.error({ err }, 'sandbox: command failed');
      await ctx.respond
        .reply({
          embeds: [
            {
              title: '/sandbox',
              description: errorText({ code: 'internal', detail: err instanceof Error ? err.message : String(err) }, locale),
              color: COLOR.bad,
            },
          ],
        })
        .catch(() => undefined);
    }
  },
};

export default sandbox;
