import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, settings } from '../../src/config.js';

describe('settings', () => {
  it('has working defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c.knowledgeDir).toBe('knowledge');
    expect(c.retrieval).toEqual({ topK: 5, answerMaxChars: 600, abstainMinScore: 0.35 });
    expect(c.discord.token).toBeUndefined();
    expect(c.discord.apiUrl).toBe('https://discord.com/api');
    expect(c.openai.apiKey).toBeUndefined();
    expect(c.sandbox.enabled).toBe(false);
  });

  it('parses values, lists and booleans', () => {
    const c = loadConfig({ RETRIEVAL_TOP_K: '3', ALLOWED_CHANNEL_IDS: '1, 2 3', SANDBOX_ENABLED: 'true', DISCORD_TOKEN: '  ' });
    expect(c.retrieval.topK).toBe(3);
    expect(c.discord.allowedChannelIds).toEqual(['1', '2', '3']);
    expect(c.sandbox.enabled).toBe(true);
    expect(c.discord.token).toBeUndefined();
  });

  it('reads booleans in any case, as people write them in .env files', () => {
    expect(loadConfig({ SANDBOX_ENABLED: 'TRUE' }).sandbox.enabled).toBe(true);
    expect(loadConfig({ SANDBOX_ENABLED: ' Yes ' }).sandbox.enabled).toBe(true);
    expect(loadConfig({ KNOWLEDGE_WATCH: 'FALSE' }).knowledgeReload.watch).toBe(false);
    expect(() => loadConfig({ SANDBOX_ENABLED: 'maybe' })).toThrow(/SANDBOX_ENABLED="maybe"/);
  });

  it('checks DOCKER_HOST, which dockerode reads from the environment', () => {
    expect(() => loadConfig({ DOCKER_HOST: 'tcp://127.0.0.1:2375' })).not.toThrow();
    expect(() => loadConfig({ DOCKER_HOST: '' })).not.toThrow();
    expect(() => loadConfig({ DOCKER_HOST: '127.0.0.1:2375' })).toThrow(/DOCKER_HOST="127\.0\.0\.1:2375"/);
  });

  it('names every bad setting and its bound', () => {
    let err: unknown;
    try {
      loadConfig({ RETRIEVAL_TOP_K: '50', COOLDOWN_SECONDS: 'soon', DISCORD_API_URL: 'not a url', LOG_LEVEL: 'loud' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/RETRIEVAL_TOP_K="50".*10/);
    expect(msg).toMatch(/COOLDOWN_SECONDS="soon"/);
    expect(msg).toMatch(/DISCORD_API_URL="not a url"/);
    expect(msg).toMatch(/LOG_LEVEL="loud"/);
  });

  it('documents every setting', () => {
    for (const [name, s] of Object.entries(settings)) expect(s.doc.length, name).toBeGreaterThan(10);
  });
});
