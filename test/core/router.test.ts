import { SlashCommandBuilder } from 'discord.js';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { splitText } from '../../src/commands/limits.js';
import { CommandRouter } from '../../src/commands/router.js';
import type { BotMessage, Command, SlashInvocation } from '../../src/commands/types.js';
import type { Services } from '../../src/services.js';

const services = { logger: pino({ level: 'silent' }) } as unknown as Services;

function recorder() {
  const sent: BotMessage[] = [];
  return {
    sent,
    respond: {
      defer: async () => {},
      reply: async (m: BotMessage) => void sent.push(m),
      followUp: async (m: BotMessage) => void sent.push(m),
    },
  };
}

function invocation(respond: ReturnType<typeof recorder>['respond'], over: Partial<SlashInvocation> = {}): SlashInvocation {
  return {
    user: { id: 'u1', name: 'u', roleIds: [] },
    guildId: 'g',
    channelId: 'c1',
    locale: 'en',
    services,
    respond,
    options: {},
    ...over,
  };
}

const echo: Command = {
  data: new SlashCommandBuilder().setName('echo').setDescription('echo'),
  async execute(ctx) {
    await ctx.respond.reply({ content: 'ok' });
  },
};
const broken: Command = {
  data: new SlashCommandBuilder().setName('broken').setDescription('throws'),
  async execute() {
    throw new Error('boom');
  },
};

describe('command router', () => {
  it('answers a failing command with a short ephemeral error instead of silence', async () => {
    const router = new CommandRouter([broken], services, { cooldownSeconds: 0, allowedChannelIds: [] });
    const r = recorder();
    await router.runSlash('broken', invocation(r.respond, { locale: 'ko' }));
    expect(r.sent).toHaveLength(1);
    expect(r.sent[0].ephemeral).toBe(true);
    expect(r.sent[0].content).toMatch(/문제가 생겼어요/);
  });

  it('applies a per-user cooldown and says when to retry', async () => {
    let now = 1_000_000;
    const router = new CommandRouter([echo], services, { cooldownSeconds: 5, allowedChannelIds: [], now: () => now });
    const r = recorder();
    await router.runSlash('echo', invocation(r.respond));
    now += 2000;
    await router.runSlash('echo', invocation(r.respond));
    await router.runSlash('echo', invocation(r.respond, { user: { id: 'u2', name: 'v', roleIds: [] } }));
    now += 3500;
    await router.runSlash('echo', invocation(r.respond));
    expect(r.sent.map((m) => m.content)).toEqual(['ok', 'Slow down a little: try again in 3 seconds.', 'ok', 'ok']);
    expect(r.sent[1].ephemeral).toBe(true);
  });

  it('answers only in allowed channels when an allowlist is set', async () => {
    const router = new CommandRouter([echo], services, { cooldownSeconds: 0, allowedChannelIds: ['c2'] });
    const r = recorder();
    await router.runSlash('echo', invocation(r.respond));
    await router.runSlash('echo', invocation(r.respond, { channelId: 'c2' }));
    expect(r.sent[0]).toMatchObject({ ephemeral: true });
    expect(r.sent[0].content).toMatch(/not enabled in this channel/);
    expect(r.sent[1].content).toBe('ok');
  });
});

describe('splitting long text for Discord', () => {
  it('breaks at paragraphs, then lines, then sentences, then spaces, never over the limit', () => {
    const para = 'First sentence here. Second sentence follows. '.repeat(30).trim();
    const text = `${para}\n\n${para}`;
    const parts = splitText(text, 500);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(500);
    expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
    for (const p of parts) expect(p).toMatch(/\.$/);
    expect(splitText('short', 2000)).toEqual(['short']);
    expect(splitText('x'.repeat(4500), 2000).map((p) => p.length)).toEqual([2000, 2000, 500]);
  });
});
