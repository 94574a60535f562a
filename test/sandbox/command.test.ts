// /sandbox through the command layer without Docker: the data, the disabled and unreachable paths.
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import sandbox from '../../src/commands/sandbox.js';
import { PRESET_NAMES } from '../../src/sandbox/policy.js';
import { createSandboxService } from '../../src/sandbox/service.js';
import { invocation, memoryDb, silentLogger, testConfig } from './helpers.js';

describe('/sandbox command (no Docker needed)', () => {
  it('declares run and compare with Korean localizations and preset choices', () => {
    const json = sandbox.data.toJSON();
    expect(json.name).toBe('sandbox');
    expect(json.name_localizations?.ko).toBe('샌드박스');
    const subs = (json.options ?? []) as {
      name: string;
      name_localizations?: Record<string, string>;
      options?: { name: string; choices?: { value: string }[] }[];
    }[];
    expect(subs.map((s) => s.name)).toEqual(['run', 'compare']);
    expect(subs.every((s) => s.name_localizations?.ko)).toBe(true);
    const run = subs[0];
    expect(run.options!.map((o) => o.name)).toEqual([
      'preset',
      'memory',
      'memory_swap',
      'cpus',
      'cpu_shares',
      'pids_limit',
      'timeout',
      'command',
      'image',
    ]);
    expect(run.options![0].choices!.map((c) => c.value)).toEqual([...PRESET_NAMES]);
  });

  it('no sandbox service: an ephemeral message saying it is off and how to enable it', async () => {
    const { ctx, responder } = invocation({ subcommand: 'run', options: { preset: 'hello' } });
    await sandbox.execute(ctx);
    expect(responder.events).toHaveLength(1);
    expect(responder.last?.ephemeral).toBe(true);
    expect(responder.last?.embeds?.[0]?.description).toMatch(/SANDBOX_ENABLED=true/);
  });

  it('disabled service, Korean', async () => {
    const svc = createSandboxService(testConfig({ SANDBOX_ENABLED: 'false' }), silentLogger, memoryDb(), { reaper: false });
    const { ctx, responder } = invocation({ sandbox: svc, subcommand: 'run', options: { preset: 'hello' }, locale: 'ko' });
    await sandbox.execute(ctx);
    expect(responder.last?.ephemeral).toBe(true);
    expect(responder.last?.embeds?.[0]?.description).toMatch(/샌드박스가 꺼져 있어요/);
  });

  it('Docker unreachable: a clear message, nothing thrown', async () => {
    const svc = createSandboxService(testConfig(), silentLogger, memoryDb(), {
      docker: new Docker({ socketPath: '/nonexistent/docker.sock' }),
      reaper: false,
    });
    const { ctx, responder } = invocation({ sandbox: svc, subcommand: 'run', options: { preset: 'cpu-burn' } });
    await expect(sandbox.execute(ctx)).resolves.toBeUndefined();
    // A fast failure (ENOENT) may be answered before any defer; a slow one after a public defer. Either way, said.
    expect(responder.events.some((e) => e.kind === 'reply')).toBe(true);
    expect(responder.last?.embeds?.[0]?.description).toMatch(/Docker is not reachable .*ENOENT.*The rest of the bot keeps working/s);
    const cmp = invocation({ sandbox: svc, subcommand: 'compare', options: {}, locale: 'ko' });
    await sandbox.execute(cmp.ctx);
    expect(cmp.responder.last?.embeds?.[0]?.description).toMatch(/Docker에 연결할 수 없어요/);
  });

  it('out-of-range options: the message lists each with its bounds', async () => {
    const svc = createSandboxService(testConfig(), silentLogger, memoryDb(), {
      docker: new Docker({ socketPath: '/nonexistent/docker.sock' }),
      reaper: false,
    });
    const { ctx, responder } = invocation({
      sandbox: svc,
      subcommand: 'run',
      options: { preset: 'hello', memory: 1, cpus: 9, timeout: 0 },
    });
    await sandbox.execute(ctx);
    // Refused before any defer, so the reply can be private.
    expect(responder.events).toHaveLength(1);
    expect(responder.events[0]).toMatchObject({ kind: 'reply', message: { ephemeral: true } });
    const d = responder.last?.embeds?.[0]?.description ?? '';
    expect(d).toMatch(/no container was created/);
    expect(d).toMatch(/`memory` = 1 MiB: must be within 6–256 MiB/);
    expect(d).toMatch(/`cpus` = 9: must be within 0\.01–1/);
    expect(d).toMatch(/`timeout` = 0 s: must be within 1–60 s/);
  });
});
