// Builds the bot's image on this machine's local bases (deploy/base-images.sh): used by the image tests
// (test/image) and `npm run bench -- image`. One tag per work tree, rebuilt from the layer cache; older
// builds of that tag are pruned by its label, and nothing else is touched (the engine may be shared).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';

const exec = promisify(execFile);

const TREE = createHash('sha256').update(process.cwd()).digest('hex').slice(0, 10);
export const IMAGE = `study-bot:test-${TREE}`;
const IMAGE_LABEL = `org.study-bot.test-image=${TREE}`;

export async function docker(args: string[], opts: { timeoutMs?: number; host?: string } = {}): Promise<string> {
  const env = { ...process.env, ...(opts.host ? { DOCKER_HOST: opts.host } : {}) };
  const { stdout } = await exec('docker', args, { env, timeout: opts.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

/** deploy/base-images.sh: the two local base images (made once per machine, then imported from its cache). */
export async function baseImages(): Promise<{ run: string; build: string }> {
  const { stdout } = await exec('bash', ['deploy/base-images.sh'], { timeout: 600_000, maxBuffer: 16 * 1024 * 1024 });
  const [run, build] = stdout.trim().split('\n');
  return { run, build };
}

/** Builds the Dockerfile with the local bases as its build arguments (npm ci needs the host's network). */
export async function buildImage(): Promise<{ image: string; base: { run: string; build: string } }> {
  const base = await baseImages();
  await docker(
    // --force-rm: a failed step leaves no container behind on the engine.
    [
      'build',
      '--network',
      'host',
      '--force-rm',
      '--label',
      IMAGE_LABEL,
      '--build-arg',
      `BASE_IMAGE=${base.run}`,
      '--build-arg',
      `BUILD_IMAGE=${base.build}`,
      '-t',
      IMAGE,
      '.',
    ],
    { timeoutMs: 600_000 },
  );
  await docker(['image', 'prune', '--force', '--filter', 'dangling=true', '--filter', `label=${IMAGE_LABEL}`]);
  return { image: IMAGE, base };
}
