// Builds the sandbox image `study-sandbox:busybox`: FROM scratch with a static busybox and one
// symlink per applet, sent to the Engine API as a tar build context (no registry, no pull).
import type Docker from 'dockerode';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import * as tar from 'tar-stream';

export const DEFAULT_BUSYBOX = '/bin/busybox';

export interface BuildImageOptions {
  tag: string;
  busyboxPath?: string;
  /** Called with each line of build output. */
  onLog?: (line: string) => void;
}

function appletList(busybox: string): string[] {
  const out = execFileSync(busybox, ['--list'], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => /^[a-z0-9_.[\]-]+$/i.test(s) && s !== 'busybox');
}

/** The build context as a tar stream (Dockerfile + rootfs/). */
export function buildContext(busyboxPath = DEFAULT_BUSYBOX): tar.Pack {
  const st = statSync(busyboxPath);
  if (!st.isFile()) throw new Error(`${busyboxPath} is not a file`);
  const bin = readFileSync(busyboxPath);
  const applets = appletList(busyboxPath);
  const dockerfile = [
    'FROM scratch',
    'COPY rootfs/ /',
    'ENV PATH=/bin',
    'USER 65534:65534',
    'WORKDIR /tmp',
    'LABEL study-sandbox.image="1"',
    'CMD ["/bin/sh"]',
    '',
  ].join('\n');
  const pack = tar.pack();
  const mtime = new Date(0);
  pack.entry({ name: 'Dockerfile', mode: 0o644, mtime }, dockerfile);
  pack.entry({ name: 'rootfs/', type: 'directory', mode: 0o755, mtime });
  pack.entry({ name: 'rootfs/bin/', type: 'directory', mode: 0o755, mtime });
  pack.entry({ name: 'rootfs/tmp/', type: 'directory', mode: 0o1777, mtime });
  pack.entry({ name: 'rootfs/etc/', type: 'directory', mode: 0o755, mtime });
  pack.entry({ name: 'rootfs/etc/passwd', mode: 0o644, mtime }, 'root:x:0:0:root:/:/bin/sh\nnobody:x:65534:65534:nobody:/tmp:/bin/sh\n');
  pack.entry({ name: 'rootfs/etc/group', mode: 0o644, mtime }, 'root:x:0:\nnogroup:x:65534:\n');
  pack.entry({ name: 'rootfs/bin/busybox', mode: 0o755, mtime }, bin);
  for (const a of applets) pack.entry({ name: `rootfs/bin/${a}`, type: 'symlink', linkname: 'busybox', mode: 0o777, mtime });
  pack.finalize();
  return pack;
}

/** Build the image through the daemon; resolves when the image exists. */
export async function buildSandboxImage(docker: Docker, opts: BuildImageOptions): Promise<void> {
  const context = buildContext(opts.busyboxPath ?? DEFAULT_BUSYBOX);
  const stream = await docker.buildImage(context as unknown as NodeJS.ReadableStream, { t: opts.tag, rm: true, forcerm: true });
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (err: Error | null, output: { error?: string; errorDetail?: { message?: string } }[]) => {
        if (err) return reject(err);
        const failed = output.find((o) => o.error || o.errorDetail);
        if (failed) return reject(new Error(failed.error ?? failed.errorDetail?.message ?? 'build failed'));
        resolve();
      },
      (ev: { stream?: string }) => {
        if (ev.stream && opts.onLog) for (const l of ev.stream.split('\n')) if (l.trim()) opts.onLog(l);
      },
    );
  });
  await docker.getImage(opts.tag).inspect();
}
