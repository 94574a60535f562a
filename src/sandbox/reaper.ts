// Removes this bot's leftover containers (label study-sandbox=<SANDBOX_BOT_ID>, never another
// bot's): any past its deadline label, and any that stopped without a job watching it (left by a
// previous process, or a create whose answer was lost). Runs once at start-up, then periodically.
import type Docker from 'dockerode';
import type { Logger } from 'pino';
import type { Engine } from './engine.js';
import { LABEL, LABEL_DEADLINE, LABEL_INSTANCE, removeContainer } from './runner.js';

export interface ReaperOptions {
  botId: string;
  /** This process's instance id (label study-sandbox.instance). */
  instance: string;
  /** Containers a job of this process is watching now. */
  active: ReadonlySet<string>;
}

/** Whether a listed container is a leftover to remove now. */
export function isLeftover(c: Pick<Docker.ContainerInfo, 'Id' | 'Labels' | 'State'>, o: ReaperOptions, now: number): boolean {
  if (c.Labels?.[LABEL] !== o.botId) return false;
  const deadline = Number(c.Labels?.[LABEL_DEADLINE] ?? 0);
  if (!deadline || now > deadline) return true;
  if (o.active.has(c.Id)) return false;
  const mine = c.Labels?.[LABEL_INSTANCE] === o.instance;
  // A previous process's container that is not running any more; or one of ours no job watches.
  return !mine ? c.State !== 'running' : c.State !== 'running' && c.State !== 'created';
}

/** One sweep; returns how many containers were removed. Never throws. */
export async function reap(engine: Engine, o: ReaperOptions, log: Logger): Promise<number> {
  try {
    const list = await engine.docker.listContainers({ all: true, filters: { label: [`${LABEL}=${o.botId}`] }, ...engine.call() });
    const now = Date.now();
    // In parallel: a container whose removal does not return (a hung runtime) holds up no other.
    const done = await Promise.all(
      list.filter((c) => isLeftover(c, o, now)).map((c) => removeContainer(engine, c.Id, log).then((ok) => ({ c, ok }))),
    );
    for (const { c, ok } of done) {
      if (ok)
        log.warn({ containerId: c.Id.slice(0, 12), state: c.State, labels: c.Labels }, 'sandbox: reaper removed a leftover container');
      else if (c.State === 'created') log.error({ containerId: c.Id }, STUCK_CREATED);
    }
    return done.filter((d) => d.ok).length;
  } catch (err) {
    log.debug({ err }, 'sandbox: reaper could not list containers');
    return 0;
  }
}

/** Said when a "Created" container cannot be removed: its runtime is most likely hung in the start. */
export const STUCK_CREATED =
  'sandbox: a container stuck in "Created" could not be removed: its runtime may be hung in its start (seen with gVisor ' +
  'under a --pids-limit below what its own threads need). The engine host must end it: see docs/sandbox.md, ' +
  '"Leftovers of a failed gVisor start"';
