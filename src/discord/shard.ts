// Sharded start: `npx tsx src/discord/shard.ts [--shards N] [--delay ms]` (in the image: `node dist/src/discord/shard.js`).
// discord.js's ShardingManager runs src/main.ts once per shard, each its own process (the Client reads
// SHARDS/SHARD_COUNT from the environment the manager sets). The shard count defaults to Discord's
// recommendation from GET /gateway/bot on DISCORD_API_URL (ShardingManager's own 'auto' would ask
// discord.com directly). Shards are started `--delay` ms apart (default 5500: Discord allows one
// IDENTIFY per 5 s per max_concurrency bucket). SIGINT/SIGTERM stop every shard gracefully.
// All shards share DATABASE_PATH (SQLite WAL, busy timeout); cooldowns are per shard process (src/stores).
// With HEALTH_PORT set, this process serves /healthz: ready when every shard is (the shards open none).
import 'dotenv/config';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { Health } from '../health/health.js';
import { startHealthServer } from '../health/server.js';
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
  // main.ts under tsx, main.js when compiled (the image: `node dist/src/discord/shard.js`).
  const ext = extname(fileURLToPath(import.meta.url));
  const manager = new ShardingManager(fileURLToPath(new URL(`../main${ext}`, import.meta.url)), {
    token,
    totalShards,
    mode: 'process',
    respawn: true,
    execArgv: ext === '.ts' ? ['--import', 'tsx'] : [],
  });
  let stopping = false;
  manager.on('shardCreate', (shard) => {
    (shard.env as NodeJS.ProcessEnv).HEALTH_PORT = '0'; // one endpoint, this process's: ready when every shard is
    logger.info({ shard: shard.id, of: totalShards }, 'shard started');
    shard.on('death', () =>
      stopping ? logger.info({ shard: shard.id }, 'shard stopped') : logger.warn({ shard: shard.id }, 'shard process exited; respawning'),
    );
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

  if (config.health.port) {
    const health = new Health(openDatabase(config.databasePath));
    health.setFrontEnd('discord-shards', () => !stopping && manager.shards.size === totalShards && manager.shards.every((s) => s.ready));
    await startHealthServer(health, config.health.host, config.health.port);
  }
  await manager.spawn({ amount: totalShards, delay: arg('delay') ?? 5_500, timeout: 60_000 });
  logger.info({ shards: totalShards }, 'all shards ready');
}

main().catch((err) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `sharding failed: ${(err as Error).stack ?? err}`}\n`);
  process.exit(err instanceof ConfigError ? 78 : 1);
});
