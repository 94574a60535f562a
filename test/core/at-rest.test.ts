// Lighter at rest: the optional parts' packages load only when their setting turns them on.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Each optional package and a path only its full load resolves (openai's error classes alone are small and allowed). */
const OPTIONAL: Record<string, string> = {
  openai: '/node_modules/openai/client.',
  dockerode: '/node_modules/dockerode/',
  '@napi-rs/canvas': '/node_modules/@napi-rs/canvas/',
  'chart.js': '/node_modules/chart.js/',
};

/** The optional packages that start-up imported with these settings. */
function optionalPackagesLoaded(env: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'at-rest-'));
  const log = join(dir, 'loads.txt');
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', './test/fixtures/loads/register.mjs', 'test/fixtures/loads/start-services.ts'],
    {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        LOG_LEVEL: 'silent',
        DATABASE_PATH: join(dir, 'bot.sqlite'),
        KNOWLEDGE_WATCH: 'false',
        LOAD_LOG: log,
        ...env,
      },
      encoding: 'utf8',
    },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const urls = readFileSync(log, 'utf8');
  return Object.keys(OPTIONAL).filter((name) => urls.includes(OPTIONAL[name]));
}

describe('start-up loads optional parts only when enabled', () => {
  it('without a key and with the sandbox off: no openai, dockerode, canvas or chart.js', () => {
    expect(optionalPackagesLoaded({})).toEqual([]);
  });

  it('with OPENAI_API_KEY and SANDBOX_ENABLED: the SDK and dockerode (charts still wait for the first chart)', () => {
    const loaded = optionalPackagesLoaded({
      OPENAI_API_KEY: 'test-key',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      QUIZ_GENERATE: 'false',
      SANDBOX_ENABLED: 'true',
    });
    expect(loaded).toEqual(['openai', 'dockerode']);
  });
});
