// Every Engine API call has a deadline (dockerode's abortSignal), so a hung engine gives an error in
// seconds instead of a stuck job. One-shot calls get the whole-call timeout; streams get it until
// the answer's headers arrive and are closed by their owner afterwards.
import type Docker from 'dockerode';

export interface EngineInfo {
  NCPU?: number;
  CgroupVersion?: string;
  Runtimes?: Record<string, unknown>;
  DefaultRuntime?: string;
}

interface WithOptions {
  ping(o: object): Promise<unknown>;
  info(o: object): Promise<EngineInfo>;
  inspect(o: object): Promise<unknown>;
}

export class Engine {
  constructor(
    readonly docker: Docker,
    readonly timeoutMs: number,
  ) {}

  /** Options for a one-shot call (merge with the call's own options). */
  call(ms = this.timeoutMs): { abortSignal: AbortSignal } {
    return { abortSignal: AbortSignal.timeout(ms) };
  }

  // dockerode accepts abortSignal on these calls; its type definitions do not say so.
  ping(): Promise<unknown> {
    return (this.docker as unknown as WithOptions).ping(this.call());
  }

  info(): Promise<EngineInfo> {
    return (this.docker as unknown as WithOptions).info(this.call());
  }

  inspectImage(name: string): Promise<unknown> {
    return (this.docker.getImage(name) as unknown as WithOptions).inspect(this.call());
  }

  /**
   * Open a streaming call: aborted if no answer comes within the timeout, or when `close` is called
   * (or `parent` aborts) later.
   */
  async stream<T>(open: (abortSignal: AbortSignal) => Promise<T>, parent?: AbortSignal): Promise<{ value: T; close(): void }> {
    const ctl = new AbortController();
    const onParent = () => ctl.abort(parent?.reason);
    parent?.addEventListener('abort', onParent, { once: true });
    const timer = setTimeout(
      () => ctl.abort(Object.assign(new Error(`no answer from the Docker engine in ${this.timeoutMs} ms`), { name: 'TimeoutError' })),
      this.timeoutMs,
    );
    try {
      const value = await open(ctl.signal);
      return {
        value,
        close: () => {
          parent?.removeEventListener('abort', onParent);
          ctl.abort();
        },
      };
    } catch (err) {
      parent?.removeEventListener('abort', onParent);
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }
}
