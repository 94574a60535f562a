// Every setting the bot reads, with its default and bounds, in one place.
// Values come from the environment (and `.env` through dotenv); a bad value stops start-up
// with a message naming the variable. Nothing else in src/ reads process.env.
import { z } from 'zod';

const bool = (def: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', ''])
    .default(def ? 'true' : 'false')
    .transform((v) => (v === '' ? def : ['true', '1', 'yes', 'on'].includes(v)));

const int = (def: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(def);

const num = (def: number, min: number, max: number) => z.coerce.number().min(min).max(max).default(def);

/** Comma- or space-separated list; empty means "no restriction" where the setting says so. */
const list = z
  .string()
  .default('')
  .transform((v) => v.split(/[\s,]+/).filter(Boolean));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const url = (def: string) => z.string().url().default(def);
const optionalUrl = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined))
  .pipe(z.string().url().optional());

/**
 * The environment variables. Each entry: schema (default and bounds) and a one-line description
 * (the README's settings table is the same list).
 */
export const settings = {
  // --- general ---
  LOG_LEVEL: { schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'), doc: 'Log level (pino).' },
  KNOWLEDGE_DIR: { schema: z.string().min(1).default('knowledge'), doc: 'Folder of markdown files to ingest (every .md below it).' },
  DATABASE_PATH: { schema: z.string().min(1).default('data/bot.sqlite'), doc: 'SQLite file for feedback, quiz scores and sandbox runs.' },

  // --- retrieval and answers ---
  RETRIEVAL_TOP_K: { schema: int(5, 1, 10), doc: 'Passages returned per question (sources shown).' },
  ANSWER_MAX_CHARS: { schema: int(600, 200, 1800), doc: 'Cap on the extractive answer length.' },
  ABSTAIN_MIN_SCORE: { schema: num(0.35, 0, 1), doc: 'Relevance below which the bot says it does not know (0 disables abstention).' },

  // --- discord ---
  DISCORD_TOKEN: { schema: optionalString, doc: 'Bot token; when set `npm start` runs the Discord bot, else the console.' },
  DISCORD_CLIENT_ID: { schema: optionalString, doc: 'Application id (needed by `npm run register`).' },
  DISCORD_GUILD_ID: { schema: optionalString, doc: 'Register commands to this guild only (instant); unset = global.' },
  DISCORD_API_URL: { schema: url('https://discord.com/api'), doc: 'REST base for discord.js (`rest.api`): a REST proxy or a test emulator.' },
  COOLDOWN_SECONDS: { schema: num(3, 0, 3600), doc: 'Per-user cooldown between commands (0 disables).' },
  ALLOWED_CHANNEL_IDS: { schema: list, doc: 'If non-empty, the bot answers only in these channels.' },

  // --- openai (optional) ---
  OPENAI_API_KEY: { schema: optionalString, doc: 'Enables generated answers. Unset = extractive answers only.' },
  OPENAI_BASE_URL: { schema: optionalUrl, doc: 'OpenAI-compatible server (Ollama, vLLM, LM Studio, a gateway). Unset = api.openai.com.' },
  OPENAI_MODEL: { schema: z.string().min(1).default('gpt-4o-mini'), doc: 'Chat model for answers.' },
  OPENAI_TIMEOUT_MS: { schema: int(20000, 1000, 120000), doc: 'Timeout for one model request.' },
  OPENAI_MAX_RETRIES: { schema: int(1, 0, 5), doc: 'Retries of a failed model request before falling back.' },
  OPENAI_MAX_ANSWER_TOKENS: { schema: int(500, 50, 4000), doc: 'Cap on generated answer length (tokens).' },
  OPENAI_MAX_PROMPT_CHARS: { schema: int(8000, 1000, 100000), doc: 'Cap on passages sent to the model (characters).' },
  OPENAI_EMBEDDING_MODEL: { schema: optionalString, doc: 'If set, retrieval becomes hybrid (lexical + vectors).' },
  EMBEDDING_CACHE_PATH: { schema: z.string().min(1).default('data/embeddings.json'), doc: 'Passage-vector cache (keyed by model and content hash).' },

  // --- sandbox (optional, off by default) --- (owned by src/sandbox; bounds used by policy.ts)
  SANDBOX_ENABLED: { schema: bool(false), doc: 'Enable /sandbox.' },

  // --- quiz ---
  QUIZ_ANSWER_SECONDS: { schema: int(30, 5, 600), doc: 'Time a quiz question stays open before the answer is revealed.' },
} as const;

type Settings = typeof settings;
export type RawConfig = { [K in keyof Settings]: z.output<Settings[K]['schema']> };

export class ConfigError extends Error {}

/** Parse the environment; throws ConfigError naming every bad variable. */
export function parseSettings(env: Record<string, string | undefined> = process.env): RawConfig {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, { schema }] of Object.entries(settings)) {
    const raw = env[name];
    const result = (schema as z.ZodType).safeParse(raw === undefined ? undefined : raw.trim());
    if (result.success) out[name] = result.data;
    else problems.push(`${name}=${JSON.stringify(raw)}: ${result.error.issues.map((i) => i.message).join('; ')}`);
  }
  if (problems.length) throw new ConfigError(`Invalid setting${problems.length > 1 ? 's' : ''}:\n  ${problems.join('\n  ')}`);
  return out as RawConfig;
}

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const s = parseSettings(env);
  return {
    logLevel: s.LOG_LEVEL,
    knowledgeDir: s.KNOWLEDGE_DIR,
    databasePath: s.DATABASE_PATH,
    retrieval: { topK: s.RETRIEVAL_TOP_K, answerMaxChars: s.ANSWER_MAX_CHARS, abstainMinScore: s.ABSTAIN_MIN_SCORE },
    discord: {
      token: s.DISCORD_TOKEN,
      clientId: s.DISCORD_CLIENT_ID,
      guildId: s.DISCORD_GUILD_ID,
      apiUrl: s.DISCORD_API_URL,
      cooldownSeconds: s.COOLDOWN_SECONDS,
      allowedChannelIds: s.ALLOWED_CHANNEL_IDS,
    },
    openai: {
      apiKey: s.OPENAI_API_KEY,
      baseUrl: s.OPENAI_BASE_URL,
      model: s.OPENAI_MODEL,
      timeoutMs: s.OPENAI_TIMEOUT_MS,
      maxRetries: s.OPENAI_MAX_RETRIES,
      maxAnswerTokens: s.OPENAI_MAX_ANSWER_TOKENS,
      maxPromptChars: s.OPENAI_MAX_PROMPT_CHARS,
      embeddingModel: s.OPENAI_EMBEDDING_MODEL,
      embeddingCachePath: s.EMBEDDING_CACHE_PATH,
    },
    sandbox: { enabled: s.SANDBOX_ENABLED },
    quiz: { answerSeconds: s.QUIZ_ANSWER_SECONDS },
  };
}

export type Config = ReturnType<typeof loadConfig>;
