// gVisor as the sandbox engine's default runtime, configured with deploy/sandbox-engine-gvisor.json (only the
// path of runsc changed to this machine's), and SANDBOX_RUNTIME=runsc so that the bot applies gVisor's rules
// from the first run (gVisor's own threads count against --pids-limit: it needs 80 or more). The run's
// `uname -r` is gVisor's kernel, not the host's. Skipped with a message where runsc is not installed (Debian: runsc),
// unless CI requires Docker, where .ci/run installs it.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { release } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Docker from 'dockerode';
import pino from 'pino';
import { buildImage } from '../../scripts/image-build.js';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/database.js';
import { Engine } from '../../src/sandbox/engine.js';
import { resolveLimits } from '../../src/sandbox/policy.js';
import { containerCreateOptions, LABEL, LABEL_INSTANCE, runContainer, type RunSpec } from '../../src/sandbox/runner.js';
import { createSandboxService } from '../../src/sandbox/service.js';
import { docker, imageTestsEnabled, poll, removeRunResources, RUN_ID } from './docker-cli.js';
import { buildSandboxImageOn, helloThroughConsole, startSecondEngine, type SecondEngine } from './second-engine.js';

const GROUP = 'the sandbox under gVisor';
const runsc = (() => {
  try {
    return execFileSync('sh', ['-c', 'command -v runsc'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
})();
if (!runsc) {
  if (process.env.SANDBOX_TESTS_REQUIRE_DOCKER === '1')
    describe(GROUP, () => it('needs runsc (apt-get install runsc)', () => expect(runsc).not.toBe('')));
  else console.warn(`${GROUP}: runsc is not installed (apt-get install runsc); skipping it.`);
}
const enabled = runsc !== '' && (await imageTestsEnabled(GROUP));

/** Host processes (not zombies) of the runtime under an engine's exec root: shims, runsc sandboxes, gofers. */
function runtimeProcesses(execRoot: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const zombie = / Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\)/, ''));
      if (!zombie && cmd.includes(execRoot) && /runsc|containerd-shim/.test(cmd)) found.push(`${pid} ${cmd.slice(0, 120)}`);
    } catch {
      /* the process ended while being read */
    }
  }
  return found;
}

describe.skipIf(!enabled)(GROUP, () => {
  let image = '';
  let engine: SecondEngine | undefined;

  beforeAll(async () => {
    ({ image } = await buildImage());
    const daemon = JSON.parse(readFileSync('deploy/sandbox-engine-gvisor.json', 'utf8'));
    daemon.runtimes.runsc.path = runsc;
    engine = await startSecondEngine(daemon);
  }, 600_000);

  afterAll(async () => {
    await removeRunResources();
    await engine?.stop();
  }, 60_000);

  it('runs /sandbox run preset: hello in gVisor, and reports a memory-hog there OOM-killed', async () => {
    expect(await docker(['info', '--format', '{{.DefaultRuntime}}'], { host: engine!.host })).toBe('runsc');
    await buildSandboxImageOn(engine!, image, 'gvisor');
    // gVisor's OOM ends the whole sandbox: the run is reported OOM-killed all the same.
    const oom: [string, RegExp] = ['/sandbox run preset: memory-hog memory: 32', /run memory-hog — OOM-killed/];
    const out = await helloThroughConsole(engine!, image, 'gvisor', ['SANDBOX_RUNTIME=runsc'], [oom]);
    expect(out).toMatch(/--pids-limit 128 /); // the runtime's rule, not the default 64
    const kernel = out.match(/^Linux (\S+)$/m);
    expect(kernel).not.toBeNull();
    expect(kernel![1]).not.toBe(release()); // the run saw gVisor's kernel, not this machine's
  }, 240_000);

  it('a start gVisor cannot make (--pids-limit 16): an error, the bot removes its container, the start-up sweep an old one, no runtime process left', async () => {
    const api = new Docker({ socketPath: engine!.socket });
    const botId = `gvisor-${RUN_ID}`;
    const lim = resolveLimits(loadConfig({ SANDBOX_ENABLED: 'true', SANDBOX_RUNTIME: 'runsc' }).sandbox, {});
    if (!lim.ok) throw new Error('limits');
    // Below what gVisor's own threads need: the policy never asks for this, a misconfigured engine might.
    const spec: RunSpec = {
      image: 'study-sandbox:busybox',
      cmd: ['sh', '-c', 'echo hi'],
      limits: { ...lim.value, pidsLimit: 16 },
      botId,
      deadlineGraceSeconds: 1,
    };
    await expect(runContainer(new Engine(api, 30_000), spec)).rejects.toThrow(/OCI runtime|sandbox/);
    const mine = () => api.listContainers({ all: true, filters: { label: [`${LABEL}=${botId}`] } });
    expect(await mine()).toEqual([]);

    // A failed start whose bot was gone: left "Created", removed by the next bot's start-up sweep.
    const old = await api.createContainer(containerCreateOptions({ ...spec, labels: { [LABEL_INSTANCE]: 'gone' } }));
    await old.start().catch(() => undefined);
    expect((await old.inspect()).State.Status).toBe('created');
    const config = loadConfig({ SANDBOX_ENABLED: 'true', SANDBOX_BOT_ID: botId, SANDBOX_RUNTIME: 'runsc', LOG_LEVEL: 'silent' });
    const svc = createSandboxService(config, pino({ level: 'silent' }), openDatabase(':memory:'), { docker: api });
    try {
      expect(await poll(mine, (l) => l.length === 0, 30_000)).toEqual([]);
    } finally {
      await svc.close();
    }
    // Nothing of the runtime is left on the host for these (the shims exit once their container is deleted);
    // a running container shows that the check sees the runtime's processes.
    const execRoot = `${engine!.socket.replace(/\/docker\.sock$/, '')}/exec`;
    const probe = await api.createContainer(containerCreateOptions({ ...spec, cmd: ['sleep', '30'], limits: lim.value }));
    await probe.start();
    expect(runtimeProcesses(execRoot).join('\n')).toMatch(/runsc-sandbox/);
    await probe.remove({ force: true });
    expect(
      await poll(
        async () => runtimeProcesses(execRoot),
        (p) => p.length === 0,
        20_000,
      ),
    ).toEqual([]);
  }, 120_000);
});
