// `npm start` with DISCORD_TOKEN set, as its own process against the emulator: the process guards
// (a READY without data throws inside @discordjs/ws and ends as an unhandled rejection) and SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freePort } from '../deploy/free-port.js';
import { botProcessEnv, startEmulator, type Emulator } from './emulator.js';

let emu: Emulator;
let child: ChildProcess;
let dir: string;
let stderr = '';
let exited: Promise<number | null>;
let healthPort: number;

beforeAll(async () => {
  emu = await startEmulator();
  dir = mkdtempSync(join(tmpdir(), 'discord-proc-'));
  healthPort = await freePort();
  child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: botProcessEnv(emu, dir, { KNOWLEDGE_DIR: 'knowledge', LOG_LEVEL: 'info', HEALTH_PORT: String(healthPort) }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr!.on('data', (d) => (stderr += String(d)));
  exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  await emu.waitForIdentify(1, 30_000);
}, 40_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await emu?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a frame that is not JSON and a malformed dispatch do not kill the bot; it still answers', async () => {
  emu.sendRawFrame(); // not JSON: @discordjs/ws drops it
  emu.sendRawFrame('{"op":0,"t":"READY","s":2,"d":null}'); // throws inside @discordjs/ws: an unhandled rejection
  emu.sendMalformedDispatch(null); // throws inside discord.js's dispatch: the packet guard
  const m = await emu.slash('ask', { question: 'What is a hypervisor?' }).waitForMessage((x) => x.via === 'edit');
  expect(m.embeds[0].title).toBe('What is a hypervisor?');
  expect(child.exitCode).toBeNull();
  expect(stderr).toMatch(/unhandled rejection \(bot continues\)/);
  expect(stderr).toMatch(/malformed gateway packet skipped/);
}, 20_000);

test('/healthz: ready with the gateway connected and the database writable', async () => {
  const res = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ ok: true, frontEnd: 'discord', frontEndReady: true, database: 'writable' });
});

test('SIGTERM: the bot disconnects, closes the database and exits 0', async () => {
  const disconnected = new Promise((r) => emu.once('disconnect', r));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  await disconnected;
  expect(stderr).toMatch(/discord client closed/);
  expect(stderr).toMatch(/"msg":"stopped"/);
}, 20_000);
