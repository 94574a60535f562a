// The jobs behind /sandbox run and compare: one or two containers run to completion with the
// containers this process watches kept in `active` (so the reaper and shutdown know them).
import type { Logger } from 'pino';
import type { ComparePlan, RunPlan } from './admission.js';
import type { Engine } from './engine.js';
import { presetScript, type PresetName, type SandboxLimits } from './policy.js';
import { LABEL_INSTANCE, LABEL_KIND, LABEL_USER, runContainer, type RunResult } from './runner.js';
import type { Sample } from './stats.js';

export interface JobHooks {
  /** Called when the job must wait, with its 1-based place in the queue (again when it moves). */
  onQueued?(position: number): void;
  /** Called when the container (the first, for compare) is running. */
  onStarted?(info: { limits: SandboxLimits; msSinceCall: number }): void;
  /** Every stats sample; `which` = 'a' | 'b' for compare. */
  onSample?(sample: Sample, which?: 'a' | 'b'): void;
}

export interface JobContext {
  engine: Engine;
  botId: string;
  instance: string;
  deadlineGraceSeconds: number;
  active: Set<string>;
  log: Logger;
  userId: string;
  /** performance.now() when the request came in. */
  t0: number;
}

let serial = 0;

function runOne(
  ctx: JobContext,
  kind: 'run' | 'compare',
  image: string,
  script: string,
  limits: SandboxLimits,
  hooks: { onStarted?: () => void; onSample?: (s: Sample) => void },
): Promise<RunResult> {
  let id = '';
  return runContainer(
    ctx.engine,
    {
      image,
      cmd: ['sh', '-c', script],
      limits,
      botId: ctx.botId,
      deadlineGraceSeconds: ctx.deadlineGraceSeconds,
      name: `study-sandbox-${ctx.botId}-${ctx.instance}-${++serial}`,
      labels: { [LABEL_USER]: ctx.userId, [LABEL_KIND]: kind, [LABEL_INSTANCE]: ctx.instance },
    },
    {
      onCreated: (cid) => {
        id = cid;
        ctx.active.add(cid);
      },
      onStarted: () => hooks.onStarted?.(),
      onSample: (s) => hooks.onSample?.(s),
    },
    ctx.log,
  ).finally(() => ctx.active.delete(id));
}

export function runJob(ctx: JobContext, plan: RunPlan, hooks: JobHooks): Promise<RunResult> {
  const script = plan.command ?? presetScript(plan.preset as PresetName, plan.limits);
  return runOne(ctx, 'run', plan.image, script, plan.limits, {
    onStarted: () => hooks.onStarted?.({ limits: plan.limits, msSinceCall: Math.round(performance.now() - ctx.t0) }),
    onSample: (s) => hooks.onSample?.(s),
  });
}

export async function compareJob(
  ctx: JobContext,
  plan: ComparePlan,
  hooks: JobHooks,
): Promise<{ a: RunResult; b: RunResult; measuredA: number | null }> {
  const script = presetScript('cpu-burn', plan.a);
  let started = 0;
  const side = (limits: SandboxLimits, which: 'a' | 'b') =>
    runOne(ctx, 'compare', plan.image, script, limits, {
      onStarted: () => {
        if (++started === 1) hooks.onStarted?.({ limits: plan.a, msSinceCall: Math.round(performance.now() - ctx.t0) });
      },
      onSample: (s) => hooks.onSample?.(s, which),
    });
  const settled = await Promise.allSettled([side(plan.a, 'a'), side(plan.b, 'b')]);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  const a = (settled[0] as PromiseFulfilledResult<RunResult>).value;
  const b = (settled[1] as PromiseFulfilledResult<RunResult>).value;
  const ta = a.summary.cpuAvg;
  const tb = b.summary.cpuAvg;
  return { a, b, measuredA: ta !== null && tb !== null && ta + tb > 0 ? ta / (ta + tb) : null };
}
