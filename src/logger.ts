// Structured logs (pino) to stderr, so stdout stays clean for the console and the JSON CLI.
// Secrets never reach a log line: the bot token, the API key and authorization headers are redacted wherever
// a logged object carries them (the config, a request's headers, an error's request), and an interaction
// token inside a logged Discord URL is masked.
import { pino, type DestinationStream, type Logger } from 'pino';

// requestBody: discord.js errors carry the body they sent (a message may quote anything).
const SECRET_KEYS = ['token', 'apiKey', 'authorization', 'Authorization', 'DISCORD_TOKEN', 'OPENAI_API_KEY', 'requestBody'];

/** Every path a secret may sit at in what the bot logs (pino matches paths, one `*` per level). */
export const REDACT_PATHS = [
  ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `*.*.*.${k}`]),
  'headers.authorization',
  '*.headers.authorization',
  '*.*.headers.authorization',
  'err.url',
  '*.err.url',
  '*.*.err.url',
];

/** Webhook and interaction URLs carry the interaction token as a path segment. */
const TOKEN_IN_URL = /\/(webhooks|interactions)\/(\d+)\/[^/?\s]+/g;

function censor(value: unknown, path: string[]): unknown {
  if (typeof value === 'string' && path[path.length - 1] === 'url') return value.replace(TOKEN_IN_URL, '/$1/$2/[redacted]');
  return '[redacted]';
}

export function createLogger(
  level: string,
  name = 'study-bot',
  destination: DestinationStream = pino.destination({ dest: 2, sync: true }),
): Logger {
  return pino({ name, level, redact: { paths: REDACT_PATHS, censor } }, destination);
}

/** Logs appended to a file (its folder made if needed): the interactive console keeps its screen for replies. */
export function createFileLogger(level: string, path: string): Logger {
  return createLogger(level, 'study-bot', pino.destination({ dest: path, mkdir: true, sync: true }));
}
