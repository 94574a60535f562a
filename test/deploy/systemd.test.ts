// deploy/study-bot.service: what a supervisor needs (restart on failure, a clean SIGTERM stop) and the
// hardening the README promises; systemd-analyze, where installed, must find nothing to say about it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const UNIT = 'deploy/study-bot.service';
const directives = new Map<string, string[]>();
for (const line of readFileSync(UNIT, 'utf8').split('\n')) {
  const m = /^([A-Za-z]+)=(.*)$/.exec(line);
  if (m) directives.set(m[1], [...(directives.get(m[1]) ?? []), m[2]]);
}
const one = (key: string) => directives.get(key)?.at(-1);

it('restarts on failure as a dedicated user and stops with SIGTERM, treating 143 as a clean stop', () => {
  expect(one('Restart')).toBe('on-failure');
  expect(one('User')).toBe('studybot');
  expect(one('KillSignal')).toBe('SIGTERM');
  expect(one('SuccessExitStatus')).toBe('143');
  expect(one('ExecStart')).toBe('/usr/bin/node dist/src/main.js');
});

it('is hardened: no new privileges, a read-only system but for the data directory the database is in', () => {
  expect(one('NoNewPrivileges')).toBe('yes');
  expect(one('ProtectSystem')).toBe('strict');
  const dataDir = one('ReadWritePaths')!;
  const dbPath = /DATABASE_PATH=(\S+)/.exec(one('Environment')!)![1];
  expect(dbPath.startsWith(`${dataDir}/`)).toBe(true);
  expect(one('StateDirectory')).toBe(dataDir.replace('/var/lib/', ''));
  expect(one('MemoryDenyWriteExecute')).toBeUndefined(); // V8's JIT needs writable+executable memory
});

it.skipIf(!existsSync('/usr/bin/systemd-analyze'))('systemd-analyze verify reports nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unit-'));
  try {
    copyFileSync(UNIT, join(dir, 'study-bot.service'));
    // It exits 0 even for a directive it cannot parse, and says so on stderr.
    const r = spawnSync('systemd-analyze', ['verify', join(dir, 'study-bot.service')], { encoding: 'utf8' });
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
