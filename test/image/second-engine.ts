// A separate Docker engine for sandbox runs, as the compose sandbox profile gives the bot one: its own
// socket, data root, exec root and pidfile, so nothing it does touches the shared engine. The socket's
// group is SOCKET_GID; the bot's container joins that group (group_add) instead of running as root.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { docker, poll, RUN_ID } from './docker-cli.js';

export const SOCKET_GID = 2375;

export interface SecondEngine {
  /** Host path of the engine's socket, to mount into the bot's container. */
  socket: string;
  /** DOCKER_HOST for the CLI on the host. */
  host: string;
  stop(): Promise<void>;
}

export async function startSecondEngine(): Promise<SecondEngine> {
  const dir = `/tmp/sbe-${RUN_ID}`; // short: a unix socket path has a 108-byte limit
  mkdirSync(dir, { recursive: true });
  const socket = join(dir, 'docker.sock');
  const host = `unix://${socket}`;
  const pidfile = join(dir, 'docker.pid');
  const child: ChildProcess = spawn(
    'dockerd',
    [
      '--host', host, '--group', String(SOCKET_GID), '--data-root', join(dir, 'root'), '--exec-root', join(dir, 'exec'),
      '--pidfile', pidfile, '--bridge=none', '--iptables=false', '--ip-masq=false',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr!.on('data', (d) => (log = (log + d).slice(-8000)));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const up = await poll(() => docker(['version'], { host, timeoutMs: 5_000 }).then(() => true, () => false), (ok) => ok, 30_000);
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    if (existsSync(pidfile)) throw new Error(`dockerd left ${pidfile}`);
    rmSync(dir, { recursive: true, force: true });
  };
  if (!up) {
    await stop();
    throw new Error(`the second dockerd did not start:\n${log}`);
  }
  return { socket, host, stop };
}

