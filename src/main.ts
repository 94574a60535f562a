// `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the local console.
import 'dotenv/config';
import { closeServices, createServices } from './bootstrap.js';
import { commandsFor, consoleCommands } from './commands/index.js';
import { CommandRouter } from './commands/router.js';
import { ConfigError, loadConfig } from './config.js';
import { runConsole } from './console/console.js';
import { runDiscord } from './discord/run.js';
import { Health } from './health/health.js';
import { startHealthServer } from './health/server.js';
import { createFileLogger } from './logger.js';
import { installProcessGuards } from './process-guards.js';

async function main(): Promise<void> {
  const config = loadConfig();
  // A person at the console: logs go to a file, since JSON lines among the replies would bury them.
  const interactive = !config.discord.token && process.stdin.isTTY === true;
  const services = await createServices(config, interactive ? createFileLogger(config.logLevel, config.console.logFile) : undefined);
  const health = new Health(services.db);
  const healthServer = config.health.port ? await startHealthServer(health, config.health.host, config.health.port) : undefined;
  installProcessGuards(services.logger, () => closeServices(services));
  if (config.discord.token) {
    await runDiscord(services, commandsFor(config), { health });
    await healthServer?.close();
    process.exit(0);
  }
  // Ctrl+C or a kill mid-command: remove any sandbox container still running before leaving.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    void closeServices(services).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // The console is one local person: cooldowns and channel allowlists are for shared Discord channels, and
  // /sandbox stays listed so that it can say how to turn it on.
  const router = new CommandRouter(consoleCommands(config), services, { cooldownSeconds: 0, allowedChannelIds: [] });
  health.setFrontEnd('console', () => !stopping);
  const logFile = interactive ? config.console.logFile : undefined;
  await runConsole({
    input: process.stdin,
    output: process.stdout,
    services,
    router,
    interactive,
    onInterrupt: () => stop('SIGINT'),
    logFile,
  });
  stopping = true;
  await healthServer?.close();
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
