// The one OpenAI client of the process, shared by generated answers, embeddings and the quiz generator.
// Each caller bounds its own requests (timeout, retries) per call; the client carries the defaults.
import type OpenAI from 'openai';
import type { Logger } from 'pino';

/** A 429 that asks us to wait longer than this is not retried (the SDK would sleep as long as asked). */
const MAX_RETRY_AFTER_MS = 5000;

export interface ClientSettings {
  /** Required: callers offer generated text only when a key is set. */
  apiKey?: string;
  baseUrl?: string;
  timeoutMs: number;
  maxRetries: number;
}

/** True for OpenAI's own API (unset base URL or api.openai.com). */
export function isOpenAIHosted(baseUrl: string | undefined): boolean {
  if (!baseUrl) return true;
  try {
    return new URL(baseUrl).hostname.endsWith('api.openai.com');
  } catch {
    return false;
  }
}

/** Milliseconds a response asks us to wait (retry-after-ms or retry-after), if it says. */
function retryAfterMs(headers: Headers): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms && !Number.isNaN(Number(ms))) return Number(ms);
  const s = headers.get('retry-after');
  if (!s) return undefined;
  return Number.isNaN(Number(s)) ? Date.parse(s) - Date.now() : Number(s) * 1000;
}

/**
 * fetch for the SDK: a 429/503 asking to wait longer than we would is reported as not retryable
 * (x-should-retry: false), since the SDK otherwise sleeps as long as the server says, past any timeout.
 */
export function boundedRetryFetch(maxWaitMs = MAX_RETRY_AFTER_MS): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    if (res.ok) return res;
    const wait = retryAfterMs(res.headers);
    if (wait === undefined || !(wait > maxWaitMs)) return res;
    const headers = new Headers(res.headers);
    headers.set('x-should-retry', 'false');
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  };
}

/** The SDK's own messages, one level down (our callers log each failure once, with its reason). */
function sdkLogger(log: Logger) {
  return {
    error: (m: string, ...a: unknown[]) => log.debug({ detail: a }, m),
    warn: (m: string, ...a: unknown[]) => log.debug({ detail: a }, m),
    info: (m: string, ...a: unknown[]) => log.trace({ detail: a }, m),
    debug: (m: string, ...a: unknown[]) => log.trace({ detail: a }, m),
  };
}

let sdk: typeof OpenAI | undefined;

/** Loads the openai SDK (about 13 MB resident), which start-up does only when OPENAI_API_KEY is set. */
export async function loadOpenAISdk(): Promise<void> {
  sdk ??= (await import('openai')).default;
}

export function createOpenAIClient(s: ClientSettings, logger?: Logger): OpenAI {
  if (!s.apiKey) throw new Error('OPENAI_API_KEY is not set');
  if (!sdk) throw new Error('the openai SDK is not loaded: await loadOpenAISdk() first');
  return new sdk({
    apiKey: s.apiKey,
    baseURL: s.baseUrl,
    timeout: s.timeoutMs,
    maxRetries: s.maxRetries,
    fetch: boundedRetryFetch(),
    logLevel: 'warn',
    ...(logger ? { logger: sdkLogger(logger.child({ component: 'openai' })) } : {}),
  });
}

const shared = new WeakMap<object, OpenAI>();

/** The process's client for these settings (one per settings object: the config's `openai`). */
export function sharedOpenAIClient(s: ClientSettings, logger?: Logger): OpenAI {
  let client = shared.get(s);
  if (!client) {
    client = createOpenAIClient(s, logger);
    shared.set(s, client);
  }
  return client;
}
