// src/discord/shard.ts: two shard processes behind the emulator; each guild's interactions reach its shard.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { freePort } from '../deploy/free-port.js';
import { botProcessEnv, startEmulator, type Emulator } from './emulator.js';

let emu: Emulator | undefined;
let child: ChildProcess | undefined;
const dir = mkdtempSync(join(tmpdir(), 'discord-shard-'));

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await emu?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('ShardingManager entry: shard count from /gateway/bot, both shards answer, /healthz ready, SIGTERM stops all', async () => {
  emu = await startEmulator({ shards: 2 });
  const healthPort = await freePort();
  child = spawn(process.execPath, ['--import', 'tsx', 'src/discord/shard.ts', '--delay', '0'], {
    env: botProcessEnv(emu, dir, { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn', HEALTH_PORT: String(healthPort) }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((r) => child!.on('exit', (code) => r(code)));
  await emu.waitForIdentify(2, 45_000);
  expect(emu.identifies.map((i) => i.shard).sort()).toEqual([
    [0, 2],
    [1, 2],
  ]);
  // Guild ids whose shard is 0 and 1: (id >> 22) % 2.
  const guildOn = (shard: number) => String((BigInt(1_000_000 + shard) << 22n) | 1n);
  for (const shard of [0, 1]) {
    const m = await emu.slash('help', {}, { guildId: guildOn(shard) }).waitForMessage(undefined, 15_000);
    expect(m.embeds[0].title).toMatch(/study bot/i);
  }
  // One endpoint, the manager's (a shard opening its own would fail on the same port and respawn forever).
  const health = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ ok: true, frontEnd: 'discord-shards', database: 'writable' });
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
}, 60_000);
