// The Docker CLI as an owner uses it, for the image tests. Everything a run creates carries the label
// org.study-bot.test-run=<this run> and a name with it, and only that is removed afterwards: the engine is
// shared with other people's work.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, it } from 'vitest';

const exec = promisify(execFile);

export const RUN_ID = `${process.pid}-${Date.now().toString(36)}`;
export const RUN_LABEL = `org.study-bot.test-run=${RUN_ID}`;
/** One image tag per work tree, rebuilt each run from the layer cache; older builds of it are pruned by label. */
const TREE = createHash('sha256').update(process.cwd()).digest('hex').slice(0, 10);
export const IMAGE = `study-bot:test-${TREE}`;
const IMAGE_LABEL = `org.study-bot.test-image=${TREE}`;

export const name = (what: string) => `study-bot-test-${RUN_ID}-${what}`;

/** The bot service's hardening in compose.yaml, so the tests run the image the way compose does. */
export const COMPOSE_HARDENING = ['--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges:true'];

export async function docker(args: string[], opts: { timeoutMs?: number; host?: string } = {}): Promise<string> {
  const env = { ...process.env, ...(opts.host ? { DOCKER_HOST: opts.host } : {}) };
  const { stdout } = await exec('docker', args, { env, timeout: opts.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

export async function dockerReachable(): Promise<string | null> {
  try {
    await docker(['version', '--format', '{{.Server.Version}}'], { timeoutMs: 10_000 });
    return null;
  } catch (err) {
    return (err as Error).message.split('\n')[0];
  }
}

/** Like the sandbox tests: a clear skip without Docker, a failure when CI says Docker must be there. */
export async function imageTestsEnabled(group: string): Promise<boolean> {
  const problem = await dockerReachable();
  if (!problem) return true;
  const msg = `${group}: Docker is unreachable (${problem})`;
  if (process.env.SANDBOX_TESTS_REQUIRE_DOCKER === '1') {
    describe(group, () => it('needs a reachable Docker engine (SANDBOX_TESTS_REQUIRE_DOCKER=1)', () => {
      throw new Error(msg);
    }));
  } else console.warn(`${msg}; skipping it.`);
  return false;
}

/** deploy/base-images.sh: the two local base images (made once per machine, then imported from its cache). */
export async function baseImages(): Promise<{ run: string; build: string }> {
  const { stdout } = await exec('bash', ['deploy/base-images.sh'], { timeout: 600_000, maxBuffer: 16 * 1024 * 1024 });
  const [run, build] = stdout.trim().split('\n');
  return { run, build };
}

/** Builds the Dockerfile with the local bases as its build arguments (npm ci needs the host's network). */
export async function buildImage(): Promise<string> {
  const base = await baseImages();
  await docker(
    ['build', '--network', 'host', '--label', IMAGE_LABEL, '--build-arg', `BASE_IMAGE=${base.run}`, '--build-arg', `BUILD_IMAGE=${base.build}`, '-t', IMAGE, '.'],
    { timeoutMs: 600_000 },
  );
  await docker(['image', 'prune', '--force', '--filter', 'dangling=true', '--filter', `label=${IMAGE_LABEL}`]);
  return IMAGE;
}

/** Removes this run's containers and volumes, and nothing else. */
export async function removeRunResources(host?: string): Promise<void> {
  const containers = await docker(['ps', '-aq', '--filter', `label=${RUN_LABEL}`], { host });
  if (containers) await docker(['rm', '-f', '-v', ...containers.split('\n')], { host });
  const volumes = await docker(['volume', 'ls', '-q', '--filter', `label=${RUN_LABEL}`], { host });
  if (volumes) await docker(['volume', 'rm', ...volumes.split('\n')], { host });
}

export async function inspect(container: string, format: string): Promise<string> {
  return docker(['inspect', '--format', format, container]);
}

/** Polls until `read` returns a value `done` accepts; gives up after `limitMs` (a hang guard, not a speed check). */
export async function poll<T>(read: () => Promise<T>, done: (v: T) => boolean, limitMs: number): Promise<T> {
  const end = Date.now() + limitMs;
  let value = await read();
  while (!done(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 500));
    value = await read();
  }
  return value;
}

/** A console in a container: lines go to its stdin, its stdout is collected. */
export class ConsoleProcess {
  out = '';
  err = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(args: string[]) {
    this.child = spawn('docker', args);
    this.child.stdout.on('data', (d) => (this.out += d));
    this.child.stderr.on('data', (d) => (this.err += d));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  send(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  end(): void {
    this.child.stdin.end();
  }

  /** Resolves when stdout matches; rejects with what was printed if it never does. */
  async waitFor(pattern: RegExp, limitMs = 60_000): Promise<RegExpMatchArray> {
    const m = await poll(async () => this.out.match(pattern), (x) => x !== null, limitMs);
    if (!m) throw new Error(`no ${pattern} in stdout:\n${this.out}\nstderr:\n${this.err}`);
    return m;
  }
}
