// The Discord entry used by `npm start` (src/main.ts) when DISCORD_TOKEN is set, and by src/discord/shard.ts.
// Process-level guards: nothing Discord sends may kill the bot; errors are logged and the bot carries on.
// SIGINT/SIGTERM: stop taking interactions, give in-flight ones a moment, disconnect, close the database.
import type { Logger } from 'pino';
import { closeServices } from '../bootstrap.js';
import type { Command } from '../commands/types.js';
import type { Services } from '../services.js';
import { startDiscordBot, type DiscordBot, type DiscordBotOptions } from './bot.js';

let guardsInstalled = false;

/** Log unhandled rejections and uncaught exceptions instead of dying (installed once per process). */
export function installProcessGuards(logger: Logger): void {
  if (guardsInstalled) return;
  guardsInstalled = true;
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection (bot continues)'));
  process.on('uncaughtException', (err, origin) => logger.error({ err, origin }, 'uncaught exception (bot continues)'));
}

/** Starts the bot and resolves once it has shut down after SIGINT/SIGTERM. */
export async function runDiscord(services: Services, commands: Command[], options: DiscordBotOptions = {}): Promise<void> {
  installProcessGuards(services.logger);
  const bot: DiscordBot = await startDiscordBot(services, commands, options);
  await new Promise<void>((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        services.logger.warn({ signal }, 'second signal: exiting now');
        process.exit(130);
      }
      stopping = true;
      bot
        .stop(signal)
        .catch((err) => services.logger.error({ err }, 'error while stopping the Discord client'))
        .finally(resolve);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  await closeServices(services);
  services.logger.info('stopped');
}
