// The Discord front end against the emulator: the real discord.js client, the real knowledge base.
import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { COMMAND_FAILED } from '../../src/commands/messages.js';
import type { Command } from '../../src/commands/types.js';
import { registerCommands, RegisterError } from '../../scripts/register-commands.js';
import { startEmulator, type RecordedMessage } from './emulator.js';
import { sentMessageBodies, startBotUnderTest, type BotUnderTest } from './harness.js';

const EPHEMERAL = 64;

/** A test command whose reply waits for the test to open a gate. */
function gated() {
  let open!: () => void;
  let gate = new Promise<void>((r) => (open = r));
  const command: Command = {
    data: new SlashCommandBuilder().setName('slow').setDescription('waits for the test'),
    async execute(ctx) {
      await gate;
      await ctx.respond.reply({ content: 'done slowly' });
    },
  };
  return {
    command,
    open: () => open(),
    reset: () => {
      gate = new Promise<void>((r) => (open = r));
    },
  };
}

const boom: Command = {
  data: new SlashCommandBuilder().setName('boom').setDescription('always fails'),
  async execute() {
    throw new Error('kaboom');
  },
};

let longText = '';
const long: Command = {
  data: new SlashCommandBuilder().setName('long').setDescription('a long answer'),
  async execute(ctx) {
    await ctx.respond.reply({ content: longText });
  },
};

const silent: Command = {
  data: new SlashCommandBuilder().setName('silent').setDescription('never replies'),
  async execute() {},
};

const mention: Command = {
  data: new SlashCommandBuilder().setName('mention').setDescription('text with mentions'),
  async execute(ctx) {
    await ctx.respond.reply({ content: '@everyone <@123456789012345678> read this' });
  },
};

/** A message with a button; pressing it edits that message (update), slowly when the id says so. */
let updateGate: Promise<void> = Promise.resolve();
const counter: Command = {
  data: new SlashCommandBuilder().setName('counter').setDescription('a button that edits its message'),
  async execute(ctx) {
    await ctx.respond.reply({
      content: 'count 0',
      components: [
        [
          { kind: 'button', id: 'counter:inc:0', label: 'Add' },
          { kind: 'button', id: 'counter:slow:0', label: 'Slow add' },
        ],
      ],
    });
  },
  async handleComponent(ctx) {
    const [, action, n] = ctx.customId.split(':');
    if (action === 'slow') await updateGate;
    const next = Number(n) + 1;
    await ctx.respond.update!({ content: `count ${next}`, components: [[{ kind: 'button', id: `counter:inc:${next}`, label: 'Add' }]] });
  },
};

const final = (m: RecordedMessage) =>
  m.embeds.length > 0 && m.embeds[0].footer?.text !== undefined && !/writing|작성 중/.test(m.embeds[0].footer.text);

describe('discord bot with the emulator', () => {
  let h: BotUnderTest;
  const slow = gated();

  beforeAll(async () => {
    h = await startBotUnderTest({ commands: [...commands, boom, long, silent, mention, counter, slow.command], bot: { autoDeferMs: 150 } });
    longText = h.services.kb.chunks
      .filter((c) => c.doc.lang === 'en')
      .map((c) => c.text)
      .join('\n\n')
      .slice(0, 5000);
  });
  afterAll(async () => {
    await h?.close();
  });

  test('logs in: /gateway/bot, IDENTIFY with the Guilds intent only, READY', async () => {
    expect(h.emu.calls.some((c) => c.kind === 'gateway')).toBe(true);
    expect(h.emu.identifies).toHaveLength(1);
    expect(h.emu.identifies[0].intents).toBe(1);
    expect(h.emu.identifies[0].token).toBe(h.emu.token);
    expect(h.bot.client.isReady()).toBe(true);
    expect(h.bot.client.application?.id).toBe(h.emu.applicationId);
  });

  test('/ask in Korean: deferred, then an embed with sources and Korean buttons', async () => {
    const i = h.emu.slash('ask', { question: '도커 컨테이너와 VM의 차이가 뭐야?' }, { locale: 'ko' });
    const ack = await i.waitForAck();
    expect(ack.body.type).toBe(5);
    expect(ack.body.data.flags ?? 0).toBe(0);
    const m = await i.waitForMessage(final);
    expect(m.via).toBe('edit');
    const embed = m.embeds[0];
    expect(embed.title).toBe('도커 컨테이너와 VM의 차이가 뭐야?');
    expect(embed.description.length).toBeGreaterThan(40);
    expect(embed.description).toMatch(/[가-힣]/);
    expect(embed.fields[0].name).toBe('출처');
    expect(embed.fields[0].value).toMatch(/\*\*\[1\]\*\*/);
    const buttons = m.components[0].components;
    expect(buttons.map((b: any) => b.label)).toEqual(['출처 보기', '도움됐어요', '아쉬워요']);
    expect(buttons[0].custom_id).toMatch(/^ask:sources:/);
  });

  test("/ask with a bare term answers in the asker's language", async () => {
    const i = h.emu.slash('ask', { question: 'cgroup?' }, { locale: 'ko' });
    const m = await i.waitForMessage(final);
    expect(m.embeds[0].description).toMatch(/[가-힣]/);
    expect(m.embeds[0].fields[0].name).toBe('출처');
    const en = h.emu.slash('ask', { question: 'cgroup?' }, { locale: 'en-US', user: { id: '400000000000000778' } });
    const e = await en.waitForMessage(final);
    expect(e.embeds[0].description).not.toMatch(/[가-힣]/);
  });

  test('/ask in English, sources button (ephemeral passages) and 👍 stored in the database', async () => {
    const q = 'What happens when a container goes over its memory limit?';
    const i = h.emu.slash('ask', { question: q }, { locale: 'en-US', user: { id: '400000000000000777' } });
    const m = await i.waitForMessage(final);
    const embed = m.embeds[0];
    expect(embed.title).toBe(q);
    expect(embed.description.length).toBeGreaterThan(40);
    expect(embed.description).not.toMatch(/[가-힣]/);
    expect(embed.fields[0].name).toBe('Sources');
    expect(m.components[0].components.map((b: any) => b.label)).toEqual(['Sources', 'Helpful', 'Not helpful']);

    const sources = h.emu.click(m, { label: 'Sources', locale: 'en-US' });
    const shown = await sources.waitForMessage();
    expect(shown.via).toBe('reply');
    expect(shown.ephemeral).toBe(true);
    expect(shown.embeds.length).toBeGreaterThan(0);
    expect(shown.embeds[0].title).toMatch(/^\[1\] /);

    const up = h.emu.click(m, { label: 'Helpful', user: { id: '400000000000000888' } });
    const thanks = await up.waitForMessage();
    expect(thanks.ephemeral).toBe(true);
    expect(thanks.content).toMatch(/Thanks/);
    const answerId = String(m.components[0].components[1].custom_id).split(':')[2];
    const row = h.services.db.prepare('SELECT vote, user_id FROM feedback WHERE answer_id = ?').get(answerId) as {
      vote: number;
      user_id: string;
    };
    expect(row).toEqual({ vote: 1, user_id: '400000000000000888' });
  });

  test('/ask hide:true answers ephemerally', async () => {
    const i = h.emu.slash('ask', { question: 'What is a hypervisor?', hide: true });
    const ack = await i.waitForAck();
    expect(ack.body.type).toBe(5);
    expect(ack.body.data.flags).toBe(EPHEMERAL);
    const m = await i.waitForMessage(final);
    expect(m.ephemeral).toBe(true);
  });

  test('autocomplete offers what was typed first, then headings', async () => {
    const i = h.emu.autocomplete('ask', { name: 'question', value: 'memory limit' });
    const ack = await i.waitForAck();
    expect(ack.body.type).toBe(8);
    const choices = i.choices()!;
    expect(choices[0]).toEqual({ name: 'memory limit', value: 'memory limit' });
    expect(choices.length).toBeGreaterThan(1);
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  test('/search shows passages; /topics with its select menu', async () => {
    const s = h.emu.slash('search', { query: 'cgroups', count: 3 });
    const found = await s.waitForMessage();
    expect(found.via).toBe('reply');
    expect(found.content).toMatch(/cgroups/);
    expect(found.embeds.length).toBeGreaterThan(0);
    expect(found.embeds.length).toBeLessThanOrEqual(3);

    const t = h.emu.slash('topics', {}, { locale: 'ko' });
    const overview = await t.waitForMessage();
    expect(overview.embeds[0].title).toBe('지식 베이스 주제');
    const menu = overview.components[0].components[0];
    expect(menu.type).toBe(3);
    expect(menu.custom_id).toBe('topics:show');
    const chosen = h.emu.select('topics:show', [menu.options[0].value], { message: overview, locale: 'ko' });
    const detail = await chosen.waitForMessage();
    expect(detail.ephemeral).toBe(true);
    expect(detail.embeds[0].title).toBe(menu.options[0].label);
    expect(detail.embeds[0].description).toMatch(/•/);
  });

  test('a command that throws gets a short ephemeral error', async () => {
    const i = h.emu.slash('boom');
    const m = await i.waitForMessage();
    expect(m.ephemeral).toBe(true);
    expect(m.content).toBe(COMMAND_FAILED.en);
    const ko = await h.emu.slash('boom', {}, { locale: 'ko' }).waitForMessage();
    expect(ko.content).toBe(COMMAND_FAILED.ko);
  });

  test('a command that returns without replying still tells the user', async () => {
    const m = await h.emu.slash('silent').waitForMessage();
    expect(m.ephemeral).toBe(true);
    expect(m.content).toBe(COMMAND_FAILED.en);
  });

  test('a slow command is deferred by the safety net, then filled; acknowledged once', async () => {
    slow.reset();
    const i = h.emu.slash('slow');
    const ack = await i.waitForAck();
    expect(ack.body.type).toBe(5);
    slow.open();
    const m = await i.waitForMessage((x) => x.content === 'done slowly');
    expect(m.via).toBe('edit');
    expect(i.calls().filter((c) => c.kind === 'callback')).toHaveLength(1);
  });

  test('update() edits the message carrying the button (type 7); a slow one is deferred (type 6) then edited', async () => {
    const first = await h.emu.slash('counter').waitForMessage();
    const click = h.emu.click(first, { label: 'Add' });
    const updated = await click.waitForMessage();
    expect((await click.waitForAck()).body.type).toBe(7);
    expect(updated.via).toBe('update');
    expect(updated.id).toBe(first.id);
    expect(updated.content).toBe('count 1');

    let open!: () => void;
    updateGate = new Promise<void>((r) => (open = r));
    const slowClick = h.emu.click(first, { label: 'Slow add' });
    expect((await slowClick.waitForAck()).body.type).toBe(6);
    open();
    const edited = await slowClick.waitForMessage();
    expect(edited.via).toBe('edit');
    expect(edited.id).toBe(first.id);
    expect(edited.content).toBe('count 1');
    expect(slowClick.calls().filter((c) => c.kind === 'callback')).toHaveLength(1);
  });

  test('content over 2000 characters is split into follow-ups at paragraph boundaries', async () => {
    expect(longText.length).toBeGreaterThan(4000);
    const i = h.emu.slash('long');
    await i.waitForMessage((m) => m.via === 'followup' && longText.trimEnd().endsWith(m.content));
    const parts = i.messages();
    expect(parts[0].via).toBe('reply');
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const p of parts) expect(p.content.length).toBeLessThanOrEqual(2000);
    // Nothing lost, nothing reordered.
    expect(
      parts
        .map((p) => p.content)
        .join('\n\n')
        .replace(/\s+/g, ' '),
    ).toBe(longText.trim().replace(/\s+/g, ' '));
    // Every piece but the last ends where a paragraph ended.
    for (const p of parts.slice(0, -1)) expect(longText).toContain(`${p.content}\n\n`);
  });

  test('mentions in text never ping (allowed_mentions parse [])', async () => {
    const m = await h.emu.slash('mention').waitForMessage();
    expect(m.content).toContain('@everyone');
    expect(m.allowedMentions).toEqual({ parse: [] });
  });

  test('429 with Retry-After on the acknowledgement: waited out, the answer still arrives', async () => {
    h.emu.rateLimitNext({ retryAfter: 0.05, match: (r) => r.kind === 'callback' });
    const i = h.emu.slash('ask', { question: 'What is a container image layer?' });
    const m = await i.waitForMessage(final);
    expect(m.embeds[0].title).toBe('What is a container image layer?');
    const callbacks = i.calls().filter((c) => c.kind === 'callback');
    expect(callbacks.map((c) => c.status)).toEqual([429, 204]);
  });

  test('429 on the edit of the answer is waited out too', async () => {
    h.emu.rateLimitNext({ retryAfter: 0.05, match: (r) => r.kind === 'edit' });
    const i = h.emu.slash('ask', { question: 'How do cpu shares work?' });
    await i.waitForMessage(final);
    expect(
      i
        .calls()
        .filter((c) => c.kind === 'edit')
        .map((c) => c.status),
    ).toEqual([429, 200]);
  });

  test('5xx responses are retried and the answer arrives', async () => {
    h.emu.failNext(2, { status: 502, match: (r) => r.kind === 'callback' || r.kind === 'edit' });
    const i = h.emu.slash('ask', { question: 'What is a namespace?' });
    const m = await i.waitForMessage(final);
    expect(m.embeds[0].title).toBe('What is a namespace?');
    expect(i.calls().filter((c) => c.fault === '502')).toHaveLength(2);
  });

  test('5xx past the retries: the user still gets an ephemeral error', async () => {
    h.emu.failNext(4, { status: 500, match: (r) => r.kind === 'callback' });
    const i = h.emu.slash('ask', { question: 'What is a VM?' });
    const m = await i.waitForMessage();
    expect(m.ephemeral).toBe(true);
    expect(m.content).toBe(COMMAND_FAILED.en);
  });

  test('Unknown interaction (10062, a late ack) is survived; the next command is answered', async () => {
    h.emu.unknownInteractionNext();
    const lost = h.emu.slash('help');
    await lost.waitForCall((c) => c.kind === 'callback' && c.status === 404);
    const m = await h.emu.slash('help').waitForMessage();
    expect(m.ephemeral).toBe(true);
    expect(m.embeds[0].title).toMatch(/study bot/i);
    // The lost interaction got nothing more (no retry storm).
    expect(lost.calls().filter((c) => c.kind !== 'callback')).toHaveLength(0);
  });

  test('a malformed gateway payload is survived, followed by a good answer', async () => {
    h.emu.sendMalformedDispatch();
    h.emu.sendMalformedDispatch(null);
    h.emu.sendMalformedDispatch({ id: 'x', type: 3, token: 't', application_id: h.emu.applicationId, data: {} });
    const m = await h.emu.slash('ask', { question: 'What is docker stats?' }).waitForMessage(final);
    expect(m.embeds[0].title).toBe('What is docker stats?');
    expect(h.emu.sessions).toBe(1);
  });

  test('50 concurrent /ask are all answered', async () => {
    const questions = ['What is a VM?', 'What is a container?', 'How does --memory work?', 'What is a hypervisor?', 'What are cgroups?'];
    const all = Array.from({ length: 50 }, (_, n) =>
      h.emu.slash(
        'ask',
        { question: `${questions[n % questions.length]} (${n})` },
        { user: { id: `5000000000000${String(n).padStart(5, '0')}` }, locale: n % 2 ? 'ko' : 'en-US' },
      ),
    );
    const answers = await Promise.all(all.map((i) => i.waitForMessage(final, 20_000)));
    expect(answers).toHaveLength(50);
    answers.forEach((m, n) => expect(m.embeds[0].title).toBe(`${questions[n % questions.length]} (${n})`));
    for (const i of all) expect(i.calls().filter((c) => c.kind === 'callback' && c.status < 300)).toHaveLength(1);
  });

  test('every message the bot sent had allowed_mentions parse []', () => {
    const bodies = sentMessageBodies(h.emu);
    expect(bodies.length).toBeGreaterThan(60);
    for (const b of bodies) expect(b.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('cooldown and channel allowlist', () => {
  let h: BotUnderTest;
  beforeAll(async () => {
    h = await startBotUnderTest({ bot: { cooldownSeconds: 60, allowedChannelIds: ['300000000000000001'] } });
  });
  afterAll(async () => {
    await h?.close();
  });

  test('a second command within the cooldown gets an ephemeral "try again in"', async () => {
    const user = { id: '600000000000000001' };
    await h.emu.slash('help', {}, { user }).waitForMessage();
    const m = await h.emu.slash('help', {}, { user }).waitForMessage();
    expect(m.ephemeral).toBe(true);
    expect(m.content).toMatch(/try again in \d+ seconds/);
    const ko = await h.emu.slash('help', {}, { user, locale: 'ko' }).waitForMessage();
    expect(ko.content).toMatch(/초 뒤에 다시 시도/);
    // Another user is not affected.
    const other = await h.emu.slash('help', {}, { user: { id: '600000000000000002' } }).waitForMessage();
    expect(other.embeds[0].title).toMatch(/study bot/i);
  });

  test('outside the allowed channels the bot says so, ephemerally', async () => {
    const m = await h.emu.slash('help', {}, { channelId: '300000000000000999', user: { id: '600000000000000003' } }).waitForMessage();
    expect(m.ephemeral).toBe(true);
    expect(m.content).toMatch(/not enabled in this channel/);
  });
});

describe('graceful shutdown', () => {
  test('stop() lets an in-flight command finish, turns new ones away, then disconnects', async () => {
    const slow = gated();
    const h = await startBotUnderTest({ commands: [...commands, slow.command], bot: { autoDeferMs: 100, shutdownGraceMs: 10_000 } });
    try {
      const i = h.emu.slash('slow');
      await i.waitForAck();
      expect(h.bot.inFlight).toBe(1);
      const disconnected = new Promise((r) => h.emu.once('disconnect', r));
      const stopped = h.bot.stop('test');
      const late = h.emu.slash('help');
      const turnedAway = await late.waitForMessage();
      expect(turnedAway.ephemeral).toBe(true);
      expect(turnedAway.content).toMatch(/restarting/);
      slow.open();
      await stopped;
      expect((await i.waitForMessage((m) => m.via === 'edit')).content).toBe('done slowly');
      await disconnected;
      expect(h.bot.inFlight).toBe(0);
      expect(h.emu.sessions).toBe(0);
    } finally {
      await h.close();
    }
  });
});

describe('npm run register (scripts/register-commands.ts)', () => {
  test('PUTs the definitions, with Korean localizations, to a guild or globally', async () => {
    const emu = await startEmulator();
    try {
      const guild = await registerCommands({
        token: 't',
        clientId: emu.applicationId,
        guildId: '200000000000000042',
        apiUrl: emu.apiUrl,
        commands,
      });
      expect(guild.scope).toBe('guild 200000000000000042');
      expect(guild.names).toEqual(commands.map((c) => c.data.name));
      const put = await emu.waitFor((c) => c.kind === 'register');
      expect(put.method).toBe('PUT');
      expect(put.path).toBe(`/api/v10/applications/${emu.applicationId}/guilds/200000000000000042/commands`);
      const ask = put.body.find((d: any) => d.name === 'ask');
      expect(ask.name_localizations).toEqual({ ko: '질문' });
      expect(ask.options[0].name_localizations).toEqual({ ko: '질문' });
      expect(ask.options[0].autocomplete).toBe(true);

      const global = await registerCommands({ token: 't', clientId: emu.applicationId, apiUrl: emu.apiUrl, commands });
      expect(global.scope).toBe('global');
      expect(emu.registered.get('global')?.map((d) => d.name)).toEqual(commands.map((c) => c.data.name));
    } finally {
      await emu.close();
    }
  });

  test('a clear error when the token or client id is missing', async () => {
    await expect(registerCommands({ token: undefined, clientId: undefined, apiUrl: 'http://127.0.0.1:9/api' })).rejects.toThrow(
      RegisterError,
    );
    await expect(registerCommands({ token: 'x', clientId: undefined, apiUrl: 'http://127.0.0.1:9/api' })).rejects.toThrow(
      /DISCORD_CLIENT_ID/,
    );
  });
});
