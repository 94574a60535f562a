// `npm run sandbox:image`: builds the sandbox image (SANDBOX_IMAGE, default study-sandbox:busybox)
// FROM scratch with the host's static busybox (BUSYBOX_PATH, default /bin/busybox; Debian: busybox-static).
import 'dotenv/config';
import Docker from 'dockerode';
import { buildSandboxImage, DEFAULT_BUSYBOX } from '../src/sandbox/image.js';
import { loadConfig } from '../src/config.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const tag = config.sandbox.image;
  const busyboxPath = process.env.BUSYBOX_PATH || DEFAULT_BUSYBOX;
  const docker = new Docker(); // honours DOCKER_HOST
  const t0 = Date.now();
  console.log(`sandbox:image building ${tag} from ${busyboxPath}`);
  await buildSandboxImage(docker, { tag, busyboxPath, onLog: (l) => console.log(`  ${l}`) });
  const info = await docker.getImage(tag).inspect();
  console.log(`sandbox:image built ${tag} ${info.Id.slice(7, 19)} (${(info.Size / 1e6).toFixed(1)} MB) in ${Date.now() - t0} ms`);
}

main().catch((err: unknown) => {
  console.error(`sandbox:image failed: ${err instanceof Error ? err.message : String(err)}`);
  console.error('Is Docker running (docker version) and is busybox-static installed (/bin/busybox)?');
  process.exit(1);
});
