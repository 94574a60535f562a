// gVisor as the sandbox engine's default runtime, configured with deploy/sandbox-engine-gvisor.json (only the
// path of runsc changed to this machine's), and SANDBOX_RUNTIME=runsc so that the bot applies gVisor's rules
// from the first run (gVisor's own threads count against --pids-limit: it needs 80 or more). The run's
// `uname -r` is gVisor's kernel, not the host's. Skipped with a message where runsc is not installed (Debian: runsc),
// unless CI requires Docker, where .ci/run installs it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { release } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImage } from '../../scripts/image-build.js';
import { docker, imageTestsEnabled, removeRunResources } from './docker-cli.js';
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
});
