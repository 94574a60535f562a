// The Discord entry used by `npm start` (src/main.ts) when DISCORD_TOKEN is set, and by src/discord/shard.ts.
// Process guards (src/process-guards.ts) are installed by src/main.ts for every front end.
// SIGINT/SIGTERM: stop taking interactions, give in-flight ones a moment, disconnect, close the database.
import { closeServices } from '../bootstrap.js';
import type { Command } from '../commands/types.js';
import type { Services } from '../services.js';
import { Status, type Client } from 'discord.js';
import type { Health } from '../health/health.js';
import { startDiscordBot, type DiscordBot, type DiscordBotOptions } from './bot.js';

/** Ready for the health check: every shard of this process has its gateway session open. */
function gatewayConnected(client: Client): boolean {
  return client.ws.shards.size > 0 && client.ws.shards.every((shard) => shard.status === Status.Ready);
}

/** Starts the bot and resolves once it has shut down after SIGINT/SIGTERM. */
export async function runDiscord(
  services: Services,
  commands: Command[],
  options: DiscordBotOptions & { health?: Health } = {},
): Promise<void> {
  const bot: DiscordBot = await startDiscordBot(services, commands, options);
  let stopping = false;
  options.health?.setFrontEnd('discord', () => !stopping && gatewayConnected(bot.client));
  await new Promise<void>((resolve) => {
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
