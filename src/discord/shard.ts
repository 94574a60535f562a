// Sharded start: `npx tsx src/discord/shard.ts [--shards N] [--delay ms]`.
// discord.js's ShardingManager runs src/main.ts once per shard, each its own process (the Client reads
// SHARDS/SHARD_COUNT from the environment the manager sets). The shard count defaults to Discord's
// recommendation from GET /gateway/bot on DISCORD_API_URL (ShardingManager's own 'auto' would ask
// discord.com directly). Shards are started `--delay` ms apart (default 5500: Discord allows one
// IDENTIFY per 5 s per max_concurrency bucket). SIGINT/SIGTERM stop every shard gracefully.
// All shards share DATABASE_PATH (SQLite WAL, busy timeout); cooldowns are per shard process.
import 'dotenv/config';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'study-bot-shards');
  const token = config.discord.token;
  if (!token) throw new ConfigError('DISCORD_TOKEN is not set: sharding is only for the Discord bot.');
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  let totalShards = arg('shards');
  if (!totalShards) {
    const rest = new REST({ api: config.discord.apiUrl }).setToken(token);
    const info = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
    totalShards = Math.max(1, info.shards);
  }
  const manager = new ShardingManager(fileURLToPath(new URL('../main.ts', import.meta.url)), {
    token,
    totalShards,
    mode: 'process',
    respawn: true,
    execArgv: ['--import', 'tsx'],
  });
  let stopping = false;
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, of: totalShards }, 'shard started');
    shard.on('death', () => (stopping ? logger.info({ shard: shard.id }, 'shard stopped') : logger.warn({ shard: shard.id }, 'shard process exited; respawning')));
  });

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    manager.respawn = false;
    logger.info({ signal }, 'stopping all shards');
    await Promise.all(
      manager.shards.map(
        (shard) =>
          new Promise<void>((resolve) => {
            const child = shard.process;
            if (!child || child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await manager.spawn({ amount: totalShards, delay: arg('delay') ?? 5_500, timeout: 60_000 });
  logger.info({ shards: totalShards }, 'all shards ready');
}

main().catch((err) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `sharding failed: ${(err as Error).stack ?? err}`}\n`);
  process.exit(err instanceof ConfigError ? 78 : 1);
});
