// A real bot (real discord.js client, real knowledge base, a temp SQLite file) connected to the emulator.
//
//   const h = await startBotUnderTest({ commands: [...commands, myCommand], env: { COOLDOWN_SECONDS: '0' } });
//   const i = h.emu.slash('ask', { question: 'VM이 뭐야?' }, { locale: 'ko' });
//   const msg = await i.waitForMessage((m) => m.embeds.length > 0 && m.via === 'edit');
//   ...
//   await h.close();   // stops the bot, closes the database and the emulator, removes the temp dir
//
// Also: testServices(env) for services alone, and allCallBodies(emu) for checking every message sent.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../../src/bootstrap.js';
import { commands as allCommands } from '../../src/commands/index.js';
import type { Command } from '../../src/commands/types.js';
import { loadConfig } from '../../src/config.js';
import { startDiscordBot, type DiscordBot, type DiscordBotOptions } from '../../src/discord/bot.js';
import type { Services } from '../../src/services.js';
import { startEmulator, type Emulator, type EmulatorOptions } from './emulator.js';

export interface TestServices {
  services: Services;
  dir: string;
  cleanup(): void;
}

export async function testServices(env: Record<string, string> = {}): Promise<TestServices> {
  const dir = mkdtempSync(join(tmpdir(), 'discord-test-'));
  const config = loadConfig({
    KNOWLEDGE_DIR: 'knowledge',
    DATABASE_PATH: join(dir, 'bot.sqlite'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DISCORD_TOKEN: 'emulator-token',
    DISCORD_CLIENT_ID: '100000000000000001',
    COOLDOWN_SECONDS: '0',
    ...env,
  });
  const services = await createServices(config);
  return {
    services,
    dir,
    cleanup() {
      services.reloader?.stop();
      services.retention?.stop();
      try {
        services.db.close();
      } catch {
        /* already closed */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface BotUnderTest {
  emu: Emulator;
  bot: DiscordBot;
  services: Services;
  dir: string;
  close(): Promise<void>;
}

export async function startBotUnderTest(
  o: {
    commands?: Command[];
    env?: Record<string, string>;
    bot?: DiscordBotOptions;
    emulator?: EmulatorOptions;
    /** An emulator to connect to (e.g. a restarted bot meeting what the first one sent); close() leaves it open. */
    emu?: Emulator;
    /** Adjusts the services before the bot starts (e.g. a quiz service on a manual clock). */
    services?: (services: Services) => void | Promise<void>;
  } = {},
): Promise<BotUnderTest> {
  const emu = o.emu ?? (await startEmulator(o.emulator));
  const ts = await testServices({ DISCORD_API_URL: emu.apiUrl, ...o.env });
  await o.services?.(ts.services);
  let bot: DiscordBot;
  try {
    bot = await startDiscordBot(ts.services, o.commands ?? allCommands, { token: emu.token, ...o.bot });
  } catch (err) {
    ts.cleanup();
    if (!o.emu) await emu.close();
    throw err;
  }
  let closed = false;
  return {
    emu,
    bot,
    services: ts.services,
    dir: ts.dir,
    async close() {
      if (closed) return;
      closed = true;
      await bot.stop('test over');
      ts.cleanup();
      if (!o.emu) await emu.close();
    },
  };
}

/** The message bodies the bot sent: callback data (types 4/7), edits and follow-ups. */
export function sentMessageBodies(emu: Emulator): any[] {
  return emu.calls
    .filter(
      (c) =>
        c.status < 300 &&
        ((c.kind === 'callback' && (c.body?.type === 4 || c.body?.type === 7)) || c.kind === 'edit' || c.kind === 'followup'),
    )
    .map((c) => (c.kind === 'callback' ? c.body.data : c.body));
}
