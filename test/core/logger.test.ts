// Logs never carry the Discord token, the API key, an authorization header or an interaction token,
// whatever shape of object is logged.
import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

const BOT_TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.GhIjKl.bot-token-secret-value';
const API_KEY = 'sk-proj-api-key-secret-value';
const INTERACTION_TOKEN = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5-interaction-secret';

function capture() {
  const lines: string[] = [];
  const logger = createLogger('debug', 'test', { write: (s: string) => void lines.push(s) });
  return { logger, text: () => lines.join('') };
}

describe('createLogger redaction', () => {
  it('redacts the token and the key in the whole config, at any depth it is logged', () => {
    const { logger, text } = capture();
    const config = loadConfig({ DISCORD_TOKEN: BOT_TOKEN, OPENAI_API_KEY: API_KEY });
    logger.info({ config }, 'config');
    logger.info({ discord: config.discord, openai: config.openai }, 'parts');
    logger.info({ services: { config } }, 'nested');
    logger.info({ token: BOT_TOKEN, apiKey: API_KEY }, 'top level');
    logger.warn({ env: { DISCORD_TOKEN: BOT_TOKEN, OPENAI_API_KEY: API_KEY } }, 'environment');
    logger.info({ req: { headers: { authorization: `Bot ${BOT_TOKEN}` } } }, 'request');
    const out = text();
    expect(out).not.toContain(BOT_TOKEN);
    expect(out).not.toContain(API_KEY);
    expect(out).toContain('[redacted]');
    // Everything else is still there.
    expect(JSON.parse(out.split('\n')[0]).config.discord.apiUrl).toBe('https://discord.com/api');
  });

  it('masks the interaction token in a Discord error and drops its request body', () => {
    const { logger, text } = capture();
    const url = `http://127.0.0.1:1/api/v10/webhooks/100000000000000001/${INTERACTION_TOKEN}/messages/@original`;
    const err = new DiscordAPIError({ message: 'Invalid Webhook Token', code: 50027 }, 50027, 401, 'PATCH', url, {
      body: { content: BOT_TOKEN },
    });
    logger.warn({ err }, 'edit failed');
    logger.warn({ what: { err } }, 'nested');
    const out = text();
    expect(out).not.toContain(INTERACTION_TOKEN);
    expect(out).not.toContain(BOT_TOKEN);
    expect(out).toContain('/webhooks/100000000000000001/[redacted]/messages/@original');
    expect(out).toContain('50027');
  });
});
