// Every setting the bot reads, with its default and bounds, in one place.
// Values come from the environment (and `.env` through dotenv); a bad value stops start-up
// with a message naming the variable. Nothing else in src/ reads process.env.
import { z } from 'zod';

// Case does not matter (`TRUE`, `Yes`): what people write in .env files varies.
const bool = (def: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', '']))
    .default(def ? 'true' : 'false')
    .transform((v) => (v === '' ? def : ['true', '1', 'yes', 'on'].includes(v)));

const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

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
 * Fixed ranges that are not settings but bound what a user may ask for; commands send them to Discord as
 * min_value/max_value (a quiz round's questions; passages per /search, also the range of RETRIEVAL_TOP_K).
 */
export const USER_BOUNDS = {
  quizQuestions: { min: 1, max: 10 },
  passages: { min: 1, max: 10 },
} as const;

/**
 * The environment variables. Each entry: schema (default and bounds) and a one-line description
 * (the README's settings table is the same list).
 */
export const settings = {
  // --- general ---
  LOG_LEVEL: {
    schema: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent', ''])
      .optional()
      .transform((v) => v || undefined),
    doc: 'Log level (pino, JSON on stderr). Unset: info for the Discord bot, warn for the console and CLI (a person is reading stdout).',
  },
  KNOWLEDGE_DIR: { schema: z.string().min(1).default('knowledge'), doc: 'Folder of markdown files to ingest (every .md below it).' },
  KNOWLEDGE_WATCH: {
    schema: bool(true),
    doc: 'Reload the knowledge base when a file under KNOWLEDGE_DIR changes (the Discord bot and the console; /reload works either way).',
  },
  KNOWLEDGE_RELOAD_DEBOUNCE_MS: {
    schema: int(1000, 50, 60000),
    doc: 'Quiet time after the last file change before the knowledge base reloads.',
  },
  DATABASE_PATH: { schema: z.string().min(1).default('data/bot.sqlite'), doc: 'SQLite file for feedback, quiz scores and sandbox runs.' },
  DATA_RETENTION_DAYS: {
    schema: int(90, 1, 3650),
    doc: 'Days stored questions, answers, votes, feedback reasons and sandbox run records (with their user ids) are kept; pruned at start-up and daily. Quiz scores stay until /quiz forget.',
  },
  HEALTH_PORT: {
    schema: int(0, 0, 65535),
    doc: 'Port of the readiness endpoint GET /healthz (200 when the front end is ready and the database writable, else 503); 0 = off. The image sets 8079.',
  },
  HEALTH_HOST: {
    schema: z.string().min(1).default('127.0.0.1'),
    doc: 'Address the health endpoint listens on (loopback: only the HEALTHCHECK and local supervisors can reach it).',
  },

  // --- retrieval and answers ---
  RETRIEVAL_TOP_K: {
    schema: int(5, USER_BOUNDS.passages.min, USER_BOUNDS.passages.max),
    doc: 'Passages returned per question (sources shown).',
  },
  ANSWER_MAX_CHARS: { schema: int(600, 200, 1800), doc: 'Cap on the extractive answer length.' },
  ABSTAIN_MIN_SCORE: { schema: num(0.35, 0, 1), doc: 'Relevance below which the bot says it does not know (0 disables abstention).' },
  ANSWER_THREAD: {
    schema: bool(true),
    doc: 'Work out offline (extractive) answers on a worker thread, so a burst of questions does not hold up the Discord connection; off = on the main thread. The JSON CLI and the evaluation always answer on the main thread.',
  },

  // --- discord ---
  DISCORD_TOKEN: { schema: optionalString, doc: 'Bot token; when set `npm start` runs the Discord bot, else the console.' },
  DISCORD_CLIENT_ID: { schema: optionalString, doc: 'Application id (needed by `npm run register`).' },
  DISCORD_GUILD_ID: { schema: optionalString, doc: 'Register commands to this guild only (instant); unset = global.' },
  DISCORD_API_URL: {
    schema: url('https://discord.com/api'),
    doc: 'REST base for discord.js (`rest.api`): a REST proxy or a test emulator.',
  },
  COOLDOWN_SECONDS: { schema: num(3, 0, 3600), doc: 'Per-user cooldown between commands (0 disables).' },
  ALLOWED_CHANNEL_IDS: { schema: list, doc: 'If non-empty, the bot answers only in these channels.' },

  CONSOLE_LOCALE: {
    schema: z.enum(['auto', 'ko', 'en']).default('auto'),
    doc: 'Reply language in the console; auto = Korean when the line has Hangul (a line without words, like /help, keeps the last language).',
  },
  CONSOLE_LOG_FILE: {
    schema: z.string().min(1).default('data/console.log'),
    doc: 'Where the interactive console writes its logs (JSON lines), so they stay off the screen; piped input logs to stderr.',
  },
  CONSOLE_OUTPUT_DIR: {
    schema: z.string().min(1).default('data/console'),
    doc: 'Where the console saves attached files (sandbox charts).',
  },

  // --- openai (optional) ---
  OPENAI_API_KEY: { schema: optionalString, doc: 'Enables generated answers. Unset = extractive answers only.' },
  OPENAI_BASE_URL: { schema: optionalUrl, doc: 'OpenAI-compatible server (Ollama, vLLM, LM Studio, a gateway). Unset = api.openai.com.' },
  OPENAI_MODEL: { schema: z.string().min(1).default('gpt-4o-mini'), doc: 'Chat model for answers.' },
  OPENAI_TIMEOUT_MS: {
    schema: int(20000, 1000, 120000),
    doc: 'Timeout for one model request (until it answers) and for a silence in its stream; a whole answer gets (retries + 1) × this.',
  },
  OPENAI_MAX_RETRIES: {
    schema: int(1, 0, 5),
    doc: 'Retries of a failed model request (429, 5xx, network) before falling back to the extractive answer.',
  },
  OPENAI_MAX_ANSWER_TOKENS: { schema: int(500, 50, 4000), doc: 'Cap on generated answer length (tokens).' },
  OPENAI_MAX_PROMPT_CHARS: {
    schema: int(8000, 1000, 100000),
    doc: 'Cap on the user message sent to the model (passages + question, characters); lowest-ranked passages are dropped first.',
  },
  OPENAI_EMBEDDING_MODEL: {
    schema: optionalString,
    doc: 'If set (and OPENAI_API_KEY), retrieval becomes hybrid (lexical + vectors, rank fusion), e.g. text-embedding-3-small.',
  },
  EMBEDDING_CACHE_PATH: {
    schema: z.string().min(1).default('data/embeddings.json'),
    doc: 'Passage-vector cache (keyed by model and content hash).',
  },

  // --- sandbox (optional, off by default) --- (owned by src/sandbox; bounds used by policy.ts)
  SANDBOX_ENABLED: { schema: bool(false), doc: 'Enable /sandbox.' },
  // Read by dockerode itself from the environment (dotenv puts .env there); checked here so a typo stops start-up.
  DOCKER_HOST: {
    schema: optionalString.pipe(
      z
        .string()
        .regex(/^(unix|tcp|http|https|ssh|npipe):\/\/\S+$/, 'expected unix://, tcp://, ssh:// or npipe://')
        .optional(),
    ),
    doc: 'Docker Engine the sandbox uses, e.g. `tcp://127.0.0.1:2375` (unset = the local socket /var/run/docker.sock).',
  },
  SANDBOX_IMAGE: {
    schema: z.string().min(1).default('study-sandbox:busybox'),
    doc: 'Image for /sandbox runs (`npm run sandbox:image` builds the default).',
  },
  SANDBOX_IMAGE_ALLOWLIST: { schema: list, doc: 'Images a run may use besides SANDBOX_IMAGE (empty = SANDBOX_IMAGE only).' },
  SANDBOX_ROLE_IDS: { schema: list, doc: 'Roles allowed to use /sandbox (empty = everyone).' },
  SANDBOX_CHANNEL_IDS: { schema: list, doc: 'Channels where /sandbox works (empty = all).' },
  SANDBOX_TRUSTED_ROLE_IDS: { schema: list, doc: 'Roles allowed to run a custom shell command (empty = nobody).' },
  SANDBOX_MAX_CONCURRENT: { schema: int(2, 1, 8), doc: 'Sandbox jobs running at once; later ones queue.' },
  SANDBOX_QUEUE_MAX: { schema: int(10, 0, 100), doc: 'Jobs that may wait in the queue (0 = no queue, reject when busy).' },
  // Per-run limits: <NAME>_DEFAULT is applied when the user gives none, <NAME>_MAX is the most a user may ask for.
  // The hard floors/ceilings below (the zod bounds) are the range an admin may configure.
  SANDBOX_MEMORY_MB_DEFAULT: { schema: int(64, 6, 4096), doc: 'Memory limit (MiB) when none is given (Docker minimum 6).' },
  SANDBOX_MEMORY_MB_MAX: { schema: int(256, 6, 4096), doc: 'Largest memory limit (MiB) a user may ask for; also caps memory_swap.' },
  SANDBOX_CPUS_DEFAULT: { schema: num(0.5, 0.01, 64), doc: 'CPU limit (--cpus) when none is given.' },
  SANDBOX_CPUS_MAX: { schema: num(1, 0.01, 64), doc: 'Largest --cpus a user may ask for (also bounded by the host CPUs).' },
  SANDBOX_CPU_SHARES_DEFAULT: { schema: int(1024, 2, 262144), doc: 'Relative CPU weight (--cpu-shares) when none is given.' },
  SANDBOX_CPU_SHARES_MIN: { schema: int(2, 2, 262144), doc: 'Smallest --cpu-shares a user may ask for.' },
  SANDBOX_CPU_SHARES_MAX: { schema: int(4096, 2, 262144), doc: 'Largest --cpu-shares a user may ask for.' },
  SANDBOX_PIDS_DEFAULT: { schema: int(64, 4, 4096), doc: 'Process limit (--pids-limit) when none is given.' },
  SANDBOX_PIDS_MAX: { schema: int(256, 4, 4096), doc: 'Largest --pids-limit a user may ask for (minimum 4).' },
  SANDBOX_TIMEOUT_SECONDS_DEFAULT: {
    schema: int(10, 1, 600),
    doc: 'Wall-clock limit of a run (the bot kills the container) when none is given.',
  },
  SANDBOX_TIMEOUT_SECONDS_MAX: { schema: int(60, 1, 600), doc: 'Largest timeout a user may ask for.' },
  SANDBOX_COMPARE_SECONDS: { schema: int(8, 3, 120), doc: 'How long /sandbox compare runs its two containers.' },
  SANDBOX_OUTPUT_MAX_BYTES: {
    schema: int(65536, 1024, 10485760),
    doc: 'Output read from a run; past it the container is killed and the run reported as cut.',
  },
  SANDBOX_TMPFS_MB: { schema: int(16, 1, 1024), doc: 'Size of the writable tmpfs at /tmp (the root fs is read-only).' },
  SANDBOX_NOFILE: { schema: int(64, 16, 65536), doc: 'Open-file limit (ulimit nofile) in the container.' },
  SANDBOX_FSIZE_MB: { schema: int(8, 1, 1024), doc: 'Largest file a run may write (ulimit fsize, MiB).' },
  SANDBOX_USER: {
    schema: z
      .string()
      .regex(/^[0-9]+:[0-9]+$/, 'uid:gid, both numeric')
      .refine((v) => v.split(':').every((n) => Number(n) !== 0), 'neither uid nor gid may be 0 (root), in any spelling such as 00:00')
      .default('65534:65534'),
    doc: 'Unprivileged uid:gid the container runs as (both numeric; uid 0 and gid 0 refused).',
  },
  SANDBOX_PROGRESS_SECONDS: { schema: num(2, 1, 30), doc: 'Interval between progress edits of the reply.' },
  SANDBOX_REAPER_SECONDS: { schema: int(60, 5, 3600), doc: 'Interval of the sweep that removes leftover sandbox containers.' },
  SANDBOX_BOT_ID: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . - (at most 64)')
      .default('study-bot'),
    doc: "Value of the `study-sandbox` label on this bot's containers: the reaper removes only containers carrying it (give each bot sharing a Docker engine its own).",
  },
  SANDBOX_CPU_BUDGET: {
    schema: num(0, 0, 64),
    doc: 'Sum of --cpus that running jobs may hold at once; later jobs queue (0 = the host CPUs minus one, at least 0.5, leaving a CPU to the bot and the engine).',
  },
  SANDBOX_DOCKER_TIMEOUT_SECONDS: {
    schema: num(5, 1, 60),
    doc: 'Timeout of each Docker Engine API call (a hung engine gives an error, not a stuck job).',
  },
  SANDBOX_RUNTIME: {
    schema: z
      .string()
      .regex(/^[A-Za-z0-9_.-]*$/, 'a Docker runtime name (letters, digits, _ . -)')
      .default(''),
    doc: 'Docker runtime for sandbox containers (e.g. `runsc` for gVisor, when the engine has it registered; empty = the engine default).',
  },
  SANDBOX_DEADLINE_GRACE_SECONDS: {
    schema: int(1, 1, 30),
    doc: "The container kills its own payload (busybox timeout -s KILL under docker-init) this long after the bot's timeout, so the limit holds with the bot gone.",
  },

  // --- quiz ---
  QUIZ_ANSWER_SECONDS: { schema: int(30, 5, 600), doc: 'Time a quiz question stays open before the answer is revealed.' },
  QUIZ_NEXT_SECONDS: { schema: int(6, 0, 60), doc: 'Pause after a reveal before the next question of a multi-question quiz.' },
  QUIZ_GENERATE: {
    schema: bool(true),
    doc: 'With OPENAI_API_KEY set, /quiz writes fresh questions from random passages (checked; the bank serves on any failure).',
  },
  QUIZ_GENERATE_TIMEOUT_MS: {
    schema: int(4000, 500, 60000),
    doc: 'How long /quiz waits for a generated question (no retry) before the bank serves; the members are waiting.',
  },
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
    logLevel: s.LOG_LEVEL ?? (s.DISCORD_TOKEN ? 'info' : 'warn'),
    knowledgeDir: s.KNOWLEDGE_DIR,
    knowledgeReload: { watch: s.KNOWLEDGE_WATCH, debounceMs: s.KNOWLEDGE_RELOAD_DEBOUNCE_MS },
    databasePath: s.DATABASE_PATH,
    retentionDays: s.DATA_RETENTION_DAYS,
    health: { port: s.HEALTH_PORT, host: s.HEALTH_HOST },
    retrieval: { topK: s.RETRIEVAL_TOP_K, answerMaxChars: s.ANSWER_MAX_CHARS, abstainMinScore: s.ABSTAIN_MIN_SCORE },
    answerThread: s.ANSWER_THREAD,
    discord: {
      token: s.DISCORD_TOKEN,
      clientId: s.DISCORD_CLIENT_ID,
      guildId: s.DISCORD_GUILD_ID,
      apiUrl: s.DISCORD_API_URL,
      cooldownSeconds: s.COOLDOWN_SECONDS,
      allowedChannelIds: s.ALLOWED_CHANNEL_IDS,
    },
    console: { locale: s.CONSOLE_LOCALE, outputDir: s.CONSOLE_OUTPUT_DIR, logFile: s.CONSOLE_LOG_FILE },
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
    sandbox: {
      enabled: s.SANDBOX_ENABLED,
      image: s.SANDBOX_IMAGE,
      imageAllowlist: s.SANDBOX_IMAGE_ALLOWLIST,
      roleIds: s.SANDBOX_ROLE_IDS,
      channelIds: s.SANDBOX_CHANNEL_IDS,
      trustedRoleIds: s.SANDBOX_TRUSTED_ROLE_IDS,
      maxConcurrent: s.SANDBOX_MAX_CONCURRENT,
      queueMax: s.SANDBOX_QUEUE_MAX,
      memoryMb: { default: s.SANDBOX_MEMORY_MB_DEFAULT, min: 6, max: s.SANDBOX_MEMORY_MB_MAX },
      cpus: { default: s.SANDBOX_CPUS_DEFAULT, min: 0.01, max: s.SANDBOX_CPUS_MAX },
      cpuShares: { default: s.SANDBOX_CPU_SHARES_DEFAULT, min: s.SANDBOX_CPU_SHARES_MIN, max: s.SANDBOX_CPU_SHARES_MAX },
      pids: { default: s.SANDBOX_PIDS_DEFAULT, min: 4, max: s.SANDBOX_PIDS_MAX },
      timeoutSeconds: { default: s.SANDBOX_TIMEOUT_SECONDS_DEFAULT, min: 1, max: s.SANDBOX_TIMEOUT_SECONDS_MAX },
      compareSeconds: s.SANDBOX_COMPARE_SECONDS,
      outputMaxBytes: s.SANDBOX_OUTPUT_MAX_BYTES,
      tmpfsMb: s.SANDBOX_TMPFS_MB,
      nofile: s.SANDBOX_NOFILE,
      fsizeMb: s.SANDBOX_FSIZE_MB,
      user: s.SANDBOX_USER,
      progressSeconds: s.SANDBOX_PROGRESS_SECONDS,
      reaperSeconds: s.SANDBOX_REAPER_SECONDS,
      botId: s.SANDBOX_BOT_ID,
      cpuBudget: s.SANDBOX_CPU_BUDGET,
      dockerTimeoutMs: Math.round(s.SANDBOX_DOCKER_TIMEOUT_SECONDS * 1000),
      deadlineGraceSeconds: s.SANDBOX_DEADLINE_GRACE_SECONDS,
      runtime: s.SANDBOX_RUNTIME || null,
    },
    quiz: {
      answerSeconds: s.QUIZ_ANSWER_SECONDS,
      nextSeconds: s.QUIZ_NEXT_SECONDS,
      generate: s.QUIZ_GENERATE,
      generateTimeoutMs: s.QUIZ_GENERATE_TIMEOUT_MS,
    },
  };
}

export type Config = ReturnType<typeof loadConfig>;
