// Shared set-up for the sandbox tests: a real Docker engine (skip with a clear message when it is
// unreachable, unless SANDBOX_TESTS_REQUIRE_DOCKER=1, then fail), a config, a silent logger, a DB.
import Docker from 'dockerode';
import { describe, it } from 'vitest';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { buildSandboxImage } from '../../src/sandbox/image.js';
import { LABEL } from '../../src/sandbox/runner.js';
import type { BotMessage, Locale, Responder, SlashInvocation } from '../../src/commands/types.js';
import type { Services } from '../../src/services.js';
import type { SandboxService } from '../../src/sandbox/service.js';

export const REQUIRE_DOCKER = process.env.SANDBOX_TESTS_REQUIRE_DOCKER === '1';
export const IMAGE = 'study-sandbox:busybox';

export async function probeDocker(): Promise<{ ok: true; docker: Docker } | { ok: false; reason: string }> {
  try {
    const docker = new Docker();
    await Promise.race([docker.ping(), new Promise((_, rej) => setTimeout(() => rej(new Error('ping timed out')), 3000))]);
    return { ok: true, docker };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Probes Docker for a group of tests. When it is unreachable: with SANDBOX_TESTS_REQUIRE_DOCKER=1 (CI) a
 * failing test says so; otherwise a warning says the group is skipped. Use with `describe.skipIf(!probe.ok)`.
 */
export async function dockerForTests(group: string): Promise<Awaited<ReturnType<typeof probeDocker>>> {
  const probe = await probeDocker();
  if (!probe.ok) {
    const msg = `${group}: Docker is unreachable (${probe.reason})`;
    if (REQUIRE_DOCKER) {
      describe(group, () => {
        it('needs a reachable Docker engine (SANDBOX_TESTS_REQUIRE_DOCKER=1)', () => {
          throw new Error(`${msg}. Start dockerd or unset SANDBOX_TESTS_REQUIRE_DOCKER.`);
        });
      });
    } else {
      console.warn(`${msg}; skipping it. Set SANDBOX_TESTS_REQUIRE_DOCKER=1 to make this a failure.`);
    }
  }
  return probe;
}

/** Build the image when it is missing (same code as `npm run sandbox:image`). */
export async function ensureImage(docker: Docker): Promise<void> {
  try {
    await docker.getImage(IMAGE).inspect();
  } catch {
    await buildSandboxImage(docker, { tag: IMAGE });
  }
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ SANDBOX_ENABLED: 'true', LOG_LEVEL: 'silent', ...env });
}

export const silentLogger = pino({ level: 'silent' });

export function memoryDb() {
  return openDatabase(':memory:');
}

/** When this test process started (Docker's Created is in whole seconds). */
const STARTED_AT = Math.floor(Date.now() / 1000) - 1;

/**
 * Sandbox containers this test run may have created: the label value this code sets (`study-sandbox=1`) and
 * created since the run started. The Docker engine is shared: containers of other runs (other label values,
 * or older) are never counted, and so never removed, by these tests.
 */
export async function labelledContainers(docker: Docker): Promise<Docker.ContainerInfo[]> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${LABEL}=1`] } });
  return list.filter((c) => c.Created >= STARTED_AT);
}

export const user = (id: string, roleIds: string[] = []) => ({ id, name: `user-${id}`, roleIds });
/** A Responder that records everything the command sends, in order. */
export class RecordingResponder implements Responder {
  readonly events: ({ kind: 'defer'; ephemeral?: boolean } | { kind: 'reply' | 'followUp'; message: BotMessage; at: number })[] = [];
  async defer(options?: { ephemeral?: boolean }): Promise<void> {
    this.events.push({ kind: 'defer', ephemeral: options?.ephemeral });
  }
  async reply(message: BotMessage): Promise<void> {
    this.events.push({ kind: 'reply', message, at: Date.now() });
  }
  async followUp(message: BotMessage): Promise<void> {
    this.events.push({ kind: 'followUp', message, at: Date.now() });
  }
  get replies(): BotMessage[] {
    return this.events.flatMap((e) => (e.kind === 'reply' ? [e.message] : []));
  }
  get last(): BotMessage | undefined {
    return this.replies[this.replies.length - 1];
  }
}

/** A slash invocation of /sandbox with only what the command uses in Services. */
export function invocation(opts: {
  sandbox?: SandboxService;
  subcommand: 'run' | 'compare';
  options: Record<string, string | number | boolean | undefined>;
  locale?: Locale;
  userId?: string;
  roleIds?: string[];
  config?: Config;
}): { ctx: SlashInvocation; responder: RecordingResponder } {
  const responder = new RecordingResponder();
  const services = { config: opts.config ?? testConfig(), logger: silentLogger, db: memoryDb(), sandbox: opts.sandbox } as unknown as Services;
  const ctx: SlashInvocation = {
    user: { id: opts.userId ?? 'cmd-user', name: 'tester', roleIds: opts.roleIds ?? [] },
    guildId: 'g1',
    channelId: 'c1',
    locale: opts.locale ?? 'en',
    services,
    respond: responder,
    subcommand: opts.subcommand,
    options: opts.options,
  };
  return { ctx, responder };
}
