// A separate Docker engine for sandbox runs, as the compose sandbox profile gives the bot one: its own
// socket, data root, exec root and pidfile, so nothing it does touches the shared engine. The socket's
// group is SOCKET_GID; the bot's container joins that group (group_add) instead of running as root.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPOSE_HARDENING, ConsoleProcess, docker, name, poll, RUN_ID, RUN_LABEL } from './docker-cli.js';

export const SOCKET_GID = 2375;

export interface SecondEngine {
  /** Host path of the engine's socket, to mount into the bot's container. */
  socket: string;
  /** DOCKER_HOST for the CLI on the host. */
  host: string;
  stop(): Promise<void>;
}

/** dockerd can leave its network namespace file mounted under the exec root after it stops. */
function unmountUnder(dir: string): void {
  const mounts = readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[1])
    .filter((m) => m?.startsWith(`${dir}/`));
  for (const m of mounts.reverse()) execFileSync('umount', ['--lazy', m]);
}

/** `daemon`: a daemon.json for this engine (e.g. gVisor as its default runtime). */
export async function startSecondEngine(daemon?: object): Promise<SecondEngine> {
  const dir = `/tmp/sbe-${RUN_ID}`; // short: a unix socket path has a 108-byte limit
  mkdirSync(dir, { recursive: true });
  const configFile = join(dir, 'daemon.json');
  writeFileSync(configFile, JSON.stringify(daemon ?? {}));
  const socket = join(dir, 'docker.sock');
  const host = `unix://${socket}`;
  const pidfile = join(dir, 'docker.pid');
  const child: ChildProcess = spawn(
    'dockerd',
    [
      '--config-file',
      configFile,
      '--host',
      host,
      '--group',
      String(SOCKET_GID),
      '--data-root',
      join(dir, 'root'),
      '--exec-root',
      join(dir, 'exec'),
      '--pidfile',
      pidfile,
      '--bridge=none',
      '--iptables=false',
      '--ip-masq=false',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr!.on('data', (d) => (log = (log + d).slice(-8000)));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const up = await poll(
    () =>
      docker(['version'], { host, timeoutMs: 5_000 }).then(
        () => true,
        () => false,
      ),
    (ok) => ok,
    30_000,
  );
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    if (existsSync(pidfile)) throw new Error(`dockerd left ${pidfile}`);
    unmountUnder(dir);
    rmSync(dir, { recursive: true, force: true });
  };
  if (!up) {
    await stop();
    throw new Error(`the second dockerd did not start:\n${log}`);
  }
  return { socket, host, stop };
}

const IN_CONTAINER_SOCKET = '/var/run/sandbox/docker.sock';

/** `docker run` arguments wiring the bot's container to the engine as the compose sandbox profile does. */
export function wiredTo(engine: SecondEngine): string[] {
  return [
    '--label',
    RUN_LABEL,
    '--network',
    'none',
    ...COMPOSE_HARDENING,
    '--group-add',
    String(SOCKET_GID),
    '-v',
    `${engine.socket}:${IN_CONTAINER_SOCKET}`,
    '-e',
    `DOCKER_HOST=unix://${IN_CONTAINER_SOCKET}`,
  ];
}

/** Builds the sandbox image on the engine with the image's own script (as the compose one-shot does). */
export async function buildSandboxImageOn(engine: SecondEngine, image: string, what: string): Promise<void> {
  await docker(['run', '--rm', '--name', name(`${what}-image`), ...wiredTo(engine), image, 'node', 'dist/scripts/build-sandbox-image.js'], {
    timeoutMs: 120_000,
  });
}

/**
 * `/sandbox run preset: hello` (then any `more` commands, each awaited by its pattern) through the console of a bot
 * wired to the engine; resolves to what it printed.
 */
export async function helloThroughConsole(
  engine: SecondEngine,
  image: string,
  what: string,
  env: string[] = [],
  more: [string, RegExp][] = [],
): Promise<string> {
  const bot = new ConsoleProcess([
    'run',
    '-i',
    '--rm',
    '--name',
    name(`${what}-bot`),
    ...wiredTo(engine),
    '-e',
    'SANDBOX_ENABLED=true',
    ...env.flatMap((e) => ['-e', e]),
    image,
  ]);
  bot.send('/sandbox run preset: hello');
  await bot.waitFor(/Exit code:\n0 — done/, 90_000);
  for (const [command, done] of more) {
    bot.send(command);
    await bot.waitFor(done, 90_000);
  }
  bot.end();
  const code = await bot.exited;
  if (code !== 0) throw new Error(`the console exited ${code}:\n${bot.err}`);
  return bot.out;
}
