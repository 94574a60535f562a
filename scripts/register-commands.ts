// `npm run register`: publish the slash commands (with their Korean localizations) to Discord.
// DISCORD_GUILD_ID set → to that guild only (appears at once; good while developing);
// unset → globally (every guild the bot is in). Uses DISCORD_API_URL like the bot.
import 'dotenv/config';
import { REST, Routes, type RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import { pathToFileURL } from 'node:url';
import { commandsFor } from '../src/commands/index.js';
import type { Command } from '../src/commands/types.js';
import { ConfigError, loadConfig } from '../src/config.js';

export interface RegisterOptions {
  token: string | undefined;
  clientId: string | undefined;
  guildId?: string;
  apiUrl: string;
  /** Default: what the configuration offers (no /sandbox unless SANDBOX_ENABLED). */
  commands?: Command[];
}

export class RegisterError extends Error {}

/** PUTs the command definitions (replacing what was registered before); returns what Discord stored. */
export async function registerCommands(o: RegisterOptions): Promise<{ scope: string; names: string[] }> {
  const missing = [
    !o.token && 'DISCORD_TOKEN (the bot token, Developer Portal → Bot → Reset Token)',
    !o.clientId && 'DISCORD_CLIENT_ID (Developer Portal → General Information → Application ID)',
  ].filter(Boolean);
  if (missing.length) throw new RegisterError(`Cannot register commands; missing:\n  ${missing.join('\n  ')}`);
  const body: RESTPutAPIApplicationCommandsJSONBody = (o.commands ?? commandsFor(loadConfig())).map((c) => c.data.toJSON());
  const rest = new REST({ api: o.apiUrl, retries: 3, timeout: 15_000 }).setToken(o.token!);
  const route = o.guildId ? Routes.applicationGuildCommands(o.clientId!, o.guildId) : Routes.applicationCommands(o.clientId!);
  const stored = (await rest.put(route, { body })) as { name: string }[];
  return { scope: o.guildId ? `guild ${o.guildId}` : 'global', names: stored.map((c) => c.name) };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const { token, clientId, guildId, apiUrl } = config.discord;
  const result = await registerCommands({ token, clientId, guildId, apiUrl });
  process.stdout.write(`Registered ${result.names.length} commands (${result.scope}): ${result.names.map((n) => `/${n}`).join(' ')}\n`);
  if (!guildId)
    process.stdout.write(
      'Global commands can take a while to appear in every guild; set DISCORD_GUILD_ID for instant updates while testing.\n',
    );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    if (err instanceof RegisterError || err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    process.stderr.write(`register failed: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
