// The Docker CLI as an owner uses it, for the image tests. Everything a run creates carries the label
// org.study-bot.test-run=<this run> and a name with it, and only that is removed afterwards: the engine is
// shared with other people's work.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { describe, it } from 'vitest';
import { docker } from '../../scripts/image-build.js';

export { docker };

export const RUN_ID = `${process.pid}-${Date.now().toString(36)}`;
export const RUN_LABEL = `org.study-bot.test-run=${RUN_ID}`;
export const name = (what: string) => `study-bot-test-${RUN_ID}-${what}`;

/** The bot service's hardening in compose.yaml, so the tests run the image the way compose does. */
export const COMPOSE_HARDENING = ['--read-only', '--tmpfs', '/tmp', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges:true'];

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
    describe(group, () =>
      it('needs a reachable Docker engine (SANDBOX_TESTS_REQUIRE_DOCKER=1)', () => {
        throw new Error(msg);
      }),
    );
  } else console.warn(`${msg}; skipping it.`);
  return false;
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
    const m = await poll(
      async () => this.out.match(pattern),
      (x) => x !== null,
      limitMs,
    );
    if (!m) throw new Error(`no ${pattern} in stdout:\n${this.out}\nstderr:\n${this.err}`);
    return m;
  }
}
