// Shared set-up for the sandbox tests: a real Docker engine (skip with a clear message when it is
// unreachable, unless SANDBOX_TESTS_REQUIRE_DOCKER=1, then fail), a config, a silent logger, a DB.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { describe, it } from 'vitest';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { buildSandboxImage } from '../../src/sandbox/image.js';
import { LABEL, type RunResult } from '../../src/sandbox/runner.js';
import { resolveLimits, type LimitOptions, type SandboxLimits } from '../../src/sandbox/policy.js';
import { StatsTracker } from '../../src/sandbox/stats.js';
import type { BotMessage, Locale, Responder, SlashInvocation } from '../../src/commands/types.js';
import type { Services } from '../../src/services.js';
import type { SandboxService } from '../../src/sandbox/service.js';

/** This test run's own label value: tests create, find and remove only containers carrying it (the engine is shared). */
export const TEST_BOT_ID = `test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

export const REQUIRE_DOCKER = process.env.SANDBOX_TESTS_REQUIRE_DOCKER === '1';
export const IMAGE = 'study-sandbox:busybox';

export async function probeDocker(): Promise<{ ok: true; docker: Docker } | { ok: false; reason: string }> {
  try {
    const docker = new Docker();
    await (docker.ping({ abortSignal: AbortSignal.timeout(3000) } as never) as unknown as Promise<unknown>);
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
  return loadConfig({ SANDBOX_ENABLED: 'true', LOG_LEVEL: 'silent', SANDBOX_BOT_ID: TEST_BOT_ID, ...env });
}

export const silentLogger = pino({ level: 'silent' });

/** The limits the test config resolves for these options (throws on a refusal: a test's own mistake). */
export function testLimits(options: LimitOptions = {}): SandboxLimits {
  const r = resolveLimits(testConfig().sandbox, options);
  if (!r.ok) throw new Error('limits');
  return r.value;
}

/** A run's result without a container: a run that exited 0 after printing "hi", for report and chart tests. */
export function fakeRunResult(limits: SandboxLimits, over: Partial<RunResult> = {}): RunResult {
  return {
    containerId: 'abcdef0123456789',
    outcome: 'exited',
    exitCode: 0,
    oomKilled: false,
    oomChild: false,
    killedByBot: false,
    inContainerDeadlineMs: 11_000,
    durationMs: 1234,
    startedAt: new Date(),
    samples: [],
    summary: new StatsTracker().summary(),
    memoryTop: { bytes: 0, basis: 'sampled' },
    kernelHighWater: null,
    oomEvidence: [],
    output: { tail: 'hi\n', bytes: 3, capped: false },
    limits,
    timings: { created: 1, running: 2, firstSample: null, exited: 3, done: 4 },
    hostConfig: {},
    ...over,
  };
}

export function memoryDb() {
  return openDatabase(':memory:');
}

/** Sandbox containers this test run created: its own label value (the Docker engine is shared; others are never touched). */
export async function labelledContainers(docker: Docker): Promise<Docker.ContainerInfo[]> {
  return docker.listContainers({ all: true, filters: { label: [`${LABEL}=${TEST_BOT_ID}`] } });
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
  const services = {
    config: opts.config ?? testConfig(),
    logger: silentLogger,
    db: memoryDb(),
    sandbox: opts.sandbox,
  } as unknown as Services;
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

/**
 * A unix-socket proxy in front of the Docker socket that can be frozen: while frozen it forwards
 * nothing either way (a hung engine, as with dockerd paused), without touching the shared dockerd.
 * With `target` null it never answers at all.
 */
export async function freezableProxy(
  target: string | null = '/var/run/docker.sock',
): Promise<{ socketPath: string; freeze(): void; thaw(): void; close(): Promise<void> }> {
  const { createServer, connect } = await import('node:net');
  const socketPath = join(mkdtempSync(join(tmpdir(), 'docker-proxy-')), 'docker.sock');
  let frozen = target === null;
  const pairs = new Set<{ a: import('node:net').Socket; b?: import('node:net').Socket }>();
  const server = createServer((a) => {
    const pair: { a: import('node:net').Socket; b?: import('node:net').Socket } = { a };
    pairs.add(pair);
    a.on('error', () => undefined);
    a.on('close', () => {
      pair.b?.destroy();
      pairs.delete(pair);
    });
    if (target === null) return;
    const b = connect(target);
    pair.b = b;
    b.on('error', () => a.destroy());
    b.on('close', () => a.destroy());
    // Forward chunk by chunk, holding back whatever arrives while frozen.
    const held: [import('node:net').Socket, Buffer][] = [];
    const forward = (to: import('node:net').Socket) => (chunk: Buffer) => (frozen ? held.push([to, chunk]) : to.write(chunk));
    a.on('data', forward(b));
    b.on('data', forward(a));
    const timer = setInterval(() => {
      while (!frozen && held.length) {
        const [to, chunk] = held.shift()!;
        to.write(chunk);
      }
    }, 20);
    a.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((r) => server.listen(socketPath, r));
  return {
    socketPath,
    freeze: () => (frozen = true),
    thaw: () => (frozen = target === null),
    close: () =>
      new Promise<void>((r) => {
        for (const p of pairs) {
          p.a.destroy();
          p.b?.destroy();
        }
        server.close(() => r());
      }),
  };
}
