// Is the sandbox usable now? The engine answers, the configured runtime is registered, the image is present.
// The first good answer also tells the host's CPUs and cgroup version, which size the CPU budget.
import type { Logger } from 'pino';
import { availableParallelism } from 'node:os';
import type { Engine } from './engine.js';
import { classifyDockerError, type SandboxError } from './errors.js';
import type { SandboxConfig } from './policy.js';

export type HostCheck = { ok: true; hostCpus: number; cgroupVersion: string } | { ok: false; error: SandboxError };

export class HostProbe {
  hostCpus = availableParallelism();
  /** The engine's default runtime (runc, or runsc where gVisor is the default), once known. */
  defaultRuntime: string | null = null;
  private cgroupVersion = 'unknown';
  private known = false;

  constructor(
    private readonly engine: Engine | null,
    private readonly clientError: string | null,
    private readonly cfg: SandboxConfig,
    private readonly log: Logger,
    /** Told the host's CPUs once they are known. */
    private readonly onHost: (hostCpus: number) => void,
  ) {}

  async check(image = this.cfg.image): Promise<HostCheck> {
    if (!this.engine) return { ok: false, error: { code: 'docker-unavailable', detail: this.clientError ?? 'no Docker client' } };
    const engineError = await this.checkEngine(this.engine);
    if (engineError) return { ok: false, error: engineError };
    try {
      await this.engine.inspectImage(image);
    } catch (err) {
      const error: SandboxError =
        (err as { statusCode?: number }).statusCode === 404 ? { code: 'image-missing', detail: image } : classifyDockerError(err);
      this.log.error({ image, err: error.detail }, 'sandbox: image not available');
      return { ok: false, error };
    }
    return { ok: true, hostCpus: this.hostCpus, cgroupVersion: this.cgroupVersion };
  }

  private async checkEngine(engine: Engine): Promise<SandboxError | undefined> {
    try {
      await engine.ping();
      if (this.known) return undefined;
      const info = await engine.info();
      const { runtime } = this.cfg;
      if (runtime && !info.Runtimes?.[runtime]) {
        const known = Object.keys(info.Runtimes ?? {}).join(', ');
        this.log.error({ runtime, known }, 'sandbox: SANDBOX_RUNTIME is not registered with the engine');
        return { code: 'runtime-missing', detail: `${runtime} (the engine has: ${known || 'none listed'})` };
      }
      this.hostCpus = info.NCPU ?? this.hostCpus;
      this.defaultRuntime = info.DefaultRuntime ?? null;
      this.cgroupVersion = info.CgroupVersion ?? 'unknown';
      this.known = true;
      this.onHost(this.hostCpus);
      return undefined;
    } catch (err) {
      const e = classifyDockerError(err);
      const error: SandboxError = e.code === 'internal' ? { code: 'docker-unavailable', detail: e.detail } : e;
      this.log.error({ err: error.detail }, 'sandbox: Docker daemon unreachable');
      return error;
    }
  }
}
