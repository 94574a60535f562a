// `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the local console.
import 'dotenv/config';
import { closeServices, createServices } from './bootstrap.js';
import { commands } from './commands/index.js';
import { CommandRouter } from './commands/router.js';
import { ConfigError, loadConfig } from './config.js';
import { runConsole } from './console/console.js';
import { runDiscord } from './discord/run.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const services = await createServices(config);
  if (config.discord.token) {
    await runDiscord(services, commands);
    process.exit(0);
  }
  // The console is one local person: cooldowns and channel allowlists are for shared Discord channels.
  const router = new CommandRouter(commands, services, { cooldownSeconds: 0, allowedChannelIds: [] });
  await runConsole({ input: process.stdin, output: process.stdout, services, router, interactive: process.stdin.isTTY === true });
  await closeServices(services);
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`fatal: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
