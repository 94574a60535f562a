// The Discord front end: a discord.js client that hands interactions to the command router.
// Robust to what Discord sends: bad gateway packets are logged and skipped, REST 5xx/429 are retried
// by discord.js's REST (Retry-After honoured), late acknowledgements (10062) are logged, and every
// failed command still gets a short ephemeral message.
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, MessageFlags, Options, version, type Interaction } from 'discord.js';
import type { Logger } from 'pino';
import type { Text } from '../commands/i18n.js';
import { localeOf } from '../commands/i18n.js';
import { CommandRouter } from '../commands/router.js';
import type { Command } from '../commands/types.js';
import type { Services } from '../services.js';
import { closeStaleQuestions } from '../commands/quiz-presenter.js';
import { InteractionAdapter } from './adapter.js';
import { restMessenger } from './messenger.js';
import { NO_MENTIONS } from './payload.js';

export interface DiscordBotOptions {
  token?: string;
  /** REST base (DISCORD_API_URL); the gateway URL comes from GET /gateway/bot on it. */
  apiUrl?: string;
  cooldownSeconds?: number;
  allowedChannelIds?: string[];
  /** Defer any command that has not acknowledged after this long (Discord's window is 3 s). */
  autoDeferMs?: number;
  /** On stop(), how long in-flight interactions may take to finish. */
  shutdownGraceMs?: number;
  /** Reject start-up if READY has not arrived by then. */
  readyTimeoutMs?: number;
}

export interface DiscordBot {
  client: Client;
  router: CommandRouter;
  /** Interactions being handled right now. */
  readonly inFlight: number;
  /** Stops taking interactions, lets in-flight ones finish (up to the grace period), then disconnects. */
  stop(reason?: string): Promise<void>;
}

export const REST_OPTIONS = {
  /** Retries of a request that failed with 5xx or a network error (429s are waited out and retried apart from this). */
  retries: 3,
  /** Per request; an interaction must be acknowledged within 3 s, so waiting longer than this helps nobody. */
  timeout: 5_000,
  /**
   * discord.js holds every request to 50 per second by default (Discord's global limit). Interaction
   * callbacks, edits and follow-ups are not bound to that limit, and they are nearly all this bot sends (quiz
   * questions are the only channel messages, a few a minute), so the client-side cap is raised; should Discord
   * disagree it answers 429 with Retry-After, which is honoured.
   */
  globalRequestsPerSecond: 500,
} as const;

const SHUTTING_DOWN: Text = {
  ko: '봇이 곧 다시 시작해요. 잠시 후 다시 시도해 주세요.',
  en: 'The bot is restarting. Please try again in a moment.',
};

/**
 * Answers are synchronous CPU work (retrieval, sentence picking). Starting each one from setImmediate lets
 * the event loop first read whatever the socket holds (new interactions to acknowledge, REST responses),
 * so a burst of questions is acknowledged before it is answered.
 */
export function ackFirst(services: Services): Services {
  // Everything else is read through to `services` itself, so a knowledge-base reload (which replaces
  // services.kb and services.answerer) is seen at once.
  const wrapped = Object.create(services) as Services;
  wrapped.answerer = {
    answer: (question, options) => new Promise((resolve) => setImmediate(resolve)).then(() => services.answerer.answer(question, options)),
  };
  return wrapped;
}

export function createClient(apiUrl: string): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: apiUrl, ...REST_OPTIONS },
    allowedMentions: NO_MENTIONS,
    // The bot reads nothing from caches but guilds/channels; keep messages and members out of memory.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (m) => m.id === m.client.user.id },
      UserManager: { maxSize: 0, keepOverLimit: (u) => u.id === u.client.user.id },
      PresenceManager: 0,
      ReactionManager: 0,
      ThreadMemberManager: 0,
      VoiceStateManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
    }),
  });
}

let missingPacketHandlerWarned = false;

/**
 * discord.js dispatches gateway packets synchronously from the socket's message handler; a packet it
 * cannot parse (a field missing, a wrong type) throws there and would surface as an unhandled rejection.
 * Wrap the dispatch so such a packet is logged and skipped while the connection carries on.
 * `WebSocketManager.handlePacket` is private: tested with discord.js 14.28 (package.json pins ~14.28). If
 * an upgrade removes it, say so once and run without the guard rather than break start-up.
 * Returns whether the guard is installed.
 */
export function guardPacketHandling(client: Client, logger: Logger): boolean {
  const ws = client.ws as unknown as { handlePacket?: (packet?: { t?: string; d?: unknown }, shard?: unknown) => boolean };
  if (typeof ws.handlePacket !== 'function') {
    if (!missingPacketHandlerWarned) {
      missingPacketHandlerWarned = true;
      logger.warn(
        { discordjs: version },
        'discord.js has no WebSocketManager.handlePacket any more: malformed gateway packets are not guarded (check guardPacketHandling)',
      );
    }
    return false;
  }
  const original = ws.handlePacket.bind(ws);
  ws.handlePacket = (packet, shard) => {
    try {
      return original(packet, shard);
    } catch (err) {
      logger.warn({ err, event: packet?.t }, 'malformed gateway packet skipped');
      return false;
    }
  };
  return true;
}

/** Which guilds this process serves: all of them, or a shard's share (Discord's formula). */
function servedBy(client: Client): (guildId: string | null) => boolean {
  const count = client.options.shardCount ?? 1;
  const mine = new Set(client.ws.shards.map((s) => s.id));
  return (guildId) => count <= 1 || (guildId !== null && mine.has(Number((BigInt(guildId) >> 22n) % BigInt(count))));
}

/** Gateway and REST events worth a log line. */
function logClientEvents(client: Client, logger: Logger, stopping: () => boolean): void {
  client.on(Events.Error, (err) => logger.error({ err }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'client warning'));
  client.on(Events.ShardError, (err, shardId) => logger.error({ err, shardId }, 'shard error'));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ code: event.code, shardId }, 'shard disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => !stopping() && logger.info({ shardId }, 'shard reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'shard resumed'));
  client.on(Events.Invalidated, () => logger.error('session invalidated'));
  client.rest.on('rateLimited', (info) =>
    logger.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'rate limited by Discord'),
  );
}

/** Logs in and waits for READY, or gives up after `readyTimeoutMs` with the client destroyed. */
async function login(client: Client, token: string, readyTimeoutMs: number): Promise<void> {
  const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(readyTimeoutMs) });
  try {
    await client.login(token);
    await ready;
  } catch (err) {
    await client.destroy().catch(() => {});
    if ((err as Error).name === 'AbortError') throw new Error(`Discord gateway not ready after ${readyTimeoutMs} ms`, { cause: err });
    throw err;
  }
}

/** Lets in-flight interactions finish, for at most `graceMs`. */
async function drain(inFlight: Set<Promise<void>>, graceMs: number, reason: string, logger: Logger): Promise<void> {
  logger.info({ reason, inFlight: inFlight.size }, 'shutting down: letting in-flight interactions finish');
  if (!inFlight.size) return;
  let timer: NodeJS.Timeout | undefined;
  const drained = await Promise.race([
    Promise.allSettled([...inFlight]).then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
  ]);
  clearTimeout(timer);
  if (!drained) logger.warn({ left: inFlight.size, graceMs }, 'grace period over; interactions cut off');
}

export async function startDiscordBot(services: Services, commands: Command[], options: DiscordBotOptions = {}): Promise<DiscordBot> {
  const cfg = services.config.discord;
  const token = options.token ?? cfg.token;
  if (!token) throw new Error('DISCORD_TOKEN is not set');
  const logger = services.logger.child({ component: 'discord' });
  services = ackFirst(services);
  const router = new CommandRouter(commands, services, {
    cooldownSeconds: options.cooldownSeconds ?? cfg.cooldownSeconds,
    allowedChannelIds: options.allowedChannelIds ?? cfg.allowedChannelIds,
    cooldowns: services.stores?.cooldowns,
  });
  const client = createClient(options.apiUrl ?? cfg.apiUrl);
  const channel = restMessenger(client);
  const adapter = new InteractionAdapter(router, services, logger, { autoDeferMs: options.autoDeferMs ?? 2_000, channel });
  guardPacketHandling(client, logger);

  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  logClientEvents(client, logger, () => stopping);

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (stopping) {
      if (interaction.isRepliable()) {
        interaction
          .reply({ content: SHUTTING_DOWN[localeOf(interaction.locale)], flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS })
          .catch((err) => logger.debug({ err }, 'could not answer during shutdown'));
      }
      return;
    }
    const task = adapter.handle(interaction).finally(() => inFlight.delete(task));
    inFlight.add(task);
  });

  await login(client, token, options.readyTimeoutMs ?? 60_000);
  logger.info(
    {
      user: client.user?.tag,
      application: client.application?.id,
      guilds: client.guilds.cache.size,
      shards: client.ws.shards.map((s) => s.id),
    },
    'discord bot ready',
  );
  if (services.quiz) {
    const closed = await closeStaleQuestions(
      services.quiz,
      channel,
      (err) => logger.warn({ err }, 'could not close a quiz question left open by the last run'),
      servedBy(client),
    );
    if (closed) logger.info({ closed }, 'quiz questions left open by the last run closed');
  }

  return {
    client,
    router,
    get inFlight() {
      return inFlight.size;
    },
    async stop(reason = 'stop') {
      if (stopping) return;
      stopping = true;
      await drain(inFlight, options.shutdownGraceMs ?? 5_000, reason, logger);
      await client.destroy();
      logger.info('discord client closed');
    },
  };
}
