// The image against a separate engine, wired as the compose sandbox profile wires it: the engine's socket
// mounted into the bot's container, DOCKER_HOST pointing at it, the bot (non-root) in the socket's group.
// The sandbox image is built there by the image's own build-sandbox-image script, then `/sandbox run
// preset: hello` completes through the console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImage } from '../../scripts/image-build.js';
import { docker, imageTestsEnabled, removeRunResources } from './docker-cli.js';
import { buildSandboxImageOn, helloThroughConsole, startSecondEngine, type SecondEngine } from './second-engine.js';

const enabled = await imageTestsEnabled('the bot image with a separate sandbox engine');

describe.skipIf(!enabled)('the bot image with a separate sandbox engine', () => {
  let image = '';
  let engine: SecondEngine | undefined;

  beforeAll(async () => {
    ({ image } = await buildImage());
    engine = await startSecondEngine();
  }, 600_000);

  afterAll(async () => {
    await removeRunResources();
    await engine?.stop();
  }, 60_000);

  it('builds the sandbox image on that engine and runs /sandbox run preset: hello through the console', async () => {
    await buildSandboxImageOn(engine!, image, 'sandbox');
    expect(await docker(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}'], { host: engine!.host })).toContain(
      'study-sandbox:busybox',
    );

    const since = Math.floor(Date.now() / 1000) - 1;
    const out = await helloThroughConsole(engine!, image, 'sandbox');
    expect(out).toMatch(/Hello from the study sandbox!/);
    expect(out).toMatch(/--network none/);
    // The run's container started on the separate engine, and nothing of it is left there.
    const starts = await docker(
      [
        'events',
        '--since',
        String(since),
        '--until',
        String(Math.ceil(Date.now() / 1000)),
        '--filter',
        'event=start',
        '--filter',
        'label=study-sandbox',
        '--format',
        '{{.Actor.Attributes.image}}',
      ],
      { host: engine!.host },
    );
    expect(starts.split('\n')).toContain('study-sandbox:busybox');
    expect(await docker(['ps', '-aq', '--filter', 'label=study-sandbox'], { host: engine!.host })).toBe('');
  }, 240_000);
});
