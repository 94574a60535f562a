// Shared set-up for the sandbox tests: a real Docker engine (skip with a clear message when it is
// unreachable, unless SANDBOX_TESTS_REQUIRE_DOCKER=1, then fail), a config, a silent logger, a DB.
import Docker from 'dockerode';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { buildSandboxImage } from '../../src/sandbox/image.js';
import { LABEL } from '../../src/sandbox/runner.js';

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

export async function labelledContainers(docker: Docker): Promise<Docker.ContainerInfo[]> {
  return docker.listContainers({ all: true, filters: { label: [LABEL] } });
}

export const user = (id: string, roleIds: string[] = []) => ({ id, name: `user-${id}`, roleIds });
