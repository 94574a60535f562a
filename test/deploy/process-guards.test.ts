// src/process-guards.ts in a real child process: a rejection is logged and the process carries on; an
// uncaught exception closes what can be closed and exits non-zero for the supervisor to restart.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { FATAL_EXIT_CODE } from '../../src/process-guards.js';

const dir = mkdtempSync(join(tmpdir(), 'guards-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runChild(mode: string, marker: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/deploy/guard-child.ts', mode, marker], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

test('an unhandled rejection is logged and the process carries on', async () => {
  const marker = join(dir, 'rejection');
  const r = await runChild('rejection', marker);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('still running');
  expect(r.stderr).toMatch(/unhandled rejection \(bot continues\)/);
  expect(existsSync(marker)).toBe(false);
});

test('an uncaught exception is logged, closes and exits non-zero', async () => {
  const marker = join(dir, 'exception');
  const r = await runChild('exception', marker);
  expect(r.code).toBe(FATAL_EXIT_CODE);
  expect(r.stderr).toMatch(/"level":60.*uncaught exception: closing and exiting/);
  expect(r.stderr).toContain('state is now undefined');
  expect(readFileSync(marker, 'utf8')).toBe('closed');
});
