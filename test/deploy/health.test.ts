// The readiness endpoint: ready only when the front end says so and the database takes a write.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { Health } from '../../src/health/health.js';
import { startHealthServer } from '../../src/health/server.js';

const dir = mkdtempSync(join(tmpdir(), 'health-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function get(port: number, path = '/healthz') {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, body: res.status === 404 ? null : await res.json() };
}

test('503 while starting, 200 once the front end is ready, 503 again when it is not', async () => {
  const db = new Database(join(dir, 'a.sqlite'));
  const health = new Health(db);
  const server = await startHealthServer(health, '127.0.0.1', 0);
  try {
    expect(await get(server.port)).toMatchObject({ status: 503, body: { ok: false, frontEnd: 'starting', database: 'writable' } });
    let connected = true;
    health.setFrontEnd('discord', () => connected);
    expect(await get(server.port)).toMatchObject({ status: 200, body: { ok: true, frontEnd: 'discord', frontEndReady: true } });
    connected = false;
    expect(await get(server.port)).toMatchObject({ status: 503, body: { ok: false, frontEndReady: false } });
    expect((await get(server.port, '/other')).status).toBe(404);
  } finally {
    await server.close();
    db.close();
  }
});

test('a database that takes no writes makes the bot unhealthy, with the reason', async () => {
  const path = join(dir, 'b.sqlite');
  new Health(new Database(path)); // creates the probe table
  const readOnly = new Database(path, { readonly: true });
  const health = new Health(readOnly);
  health.setFrontEnd('console', () => true);
  const report = health.check();
  expect(report.ok).toBe(false);
  expect(report.database).toMatch(/^not writable: .*readonly/i);
  readOnly.close();
});
