// A small emulator of Discord's REST API and gateway on 127.0.0.1, for driving the REAL discord.js client in tests.
//
// Usage (any test file may use it; see test/discord/harness.ts for a bot wired to it):
//
//   const emu = await startEmulator();                 // REST on emu.apiUrl, gateway on emu.gatewayUrl
//   new Client({ intents: [Guilds], rest: { api: emu.apiUrl } }).login(emu.token)   // or startDiscordBot(...)
//   await emu.waitForIdentify();                       // a client connected and identified (READY was sent)
//
//   const i = emu.slash('ask', { question: 'What is a VM?' }, { locale: 'ko', user: { id: 'u1' } });
//   const ack = await i.waitForAck();                  // the interaction callback (type 4/5/6/7/8)
//   const msg = await i.waitForMessage((m) => !m.progress && m.embeds.length > 0);   // reply/edit/follow-up
//   emu.click(msg, { customId: 'ask:up:…' })  or  emu.click('ask:up:…')            // button (type 3, component 2)
//   emu.select('topics:show', ['vm-basics'], { message })                         // string select (component 3)
//   emu.submitModal('ask:reason:…', { reason: 'wrong' })                          // a submitted form (type 5)
//   emu.autocomplete('ask', { name: 'question', value: 'mem' })                    // type 4; i.choices() after ack
//   await emu.waitFor((call) => call.kind === 'register')                          // any recorded REST call
//
// Options for slash/click/select/autocomplete: { user: {id, username}, locale, guildId (null = DM), channelId,
// memberRoles, subcommand }. Every interaction gets a fresh id and token; replies, edits of @original and
// follow-ups are matched back to it by token.
//
// Channel messages with the bot token (POST/PATCH /channels/{id}/messages[/{id}]) are recorded as messages with
// via 'send' / 'channel-edit', their channelId set and interactionId ''; an edit of an unknown id answers 10008.
// Recorded REST calls (emu.calls): { kind: 'callback' | 'edit' | 'followup' | 'delete' | 'fetch' | 'register' |
// 'gateway' | 'channel-send' | 'channel-edit' | 'other', method, path, status, body, files, at (performance.now()), interactionId }.
// Messages (emu.messages / i.messages()): the message each callback/edit/follow-up produced, with ephemeral from
// flags & 64 and `progress` unknown to Discord (always false here; tests look at embeds/colour instead).
//
// Faults: emu.failNext(n, { status: 500, match })  next n matching requests answer 5xx;
//         emu.rateLimitNext({ retryAfter: 0.05, match, global })  next matching request answers 429 + Retry-After;
//         emu.unknownInteractionNext(match)  next matching callback answers 404 code 10062;
//         { interactionTokenTtlMs } (option)  webhook calls on an older interaction answer 401 code 50027;
//         emu.sendMalformedDispatch(d?)  an INTERACTION_CREATE whose payload discord.js cannot build;
//         emu.sendRawFrame(text)  any gateway frame (default: not even JSON); dropConnections(code) closes sockets.
// Facts the real client needs (found by trying): GET /gateway/bot with session_start_limit, JSON content type
// everywhere, READY with user.id, guilds and application.id, heartbeat ACKs, `@original` arrives as `%40original`,
// interactions with entitlements [] and authorizing_integration_owners {}.
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, type WebSocket } from 'ws';

export type CallKind =
  'callback' | 'edit' | 'followup' | 'delete' | 'fetch' | 'register' | 'gateway' | 'channel-send' | 'channel-edit' | 'other';

export interface RecordedCall {
  kind: CallKind;
  method: string;
  path: string;
  query: URLSearchParams;
  status: number;
  /** Parsed JSON body (payload_json for multipart). */
  body: any;
  /** Names of attached files (multipart). */
  files: string[];
  at: number;
  interactionId?: string;
  /** Set for faults the emulator injected. */
  fault?: string;
}

export interface RecordedMessage {
  id: string;
  interactionId: string;
  /**
   * How it was produced: callback type 4 (reply), 7 (update), an edit of @original/another message, a follow-up;
   * or with the bot token: a channel message (send) or its edit (channel-edit), whose interactionId is ''.
   */
  via: 'reply' | 'update' | 'edit' | 'followup' | 'send' | 'channel-edit';
  channelId: string;
  content: string;
  embeds: any[];
  components: any[];
  files: string[];
  flags: number;
  ephemeral: boolean;
  allowedMentions: any;
  at: number;
  raw: any;
}

export interface UserSpec {
  id: string;
  username?: string;
}

export interface InvokeOptions {
  user?: UserSpec;
  /** Discord locale, e.g. 'ko', 'en-US'. */
  locale?: string;
  /** null = a DM. */
  guildId?: string | null;
  channelId?: string;
  memberRoles?: string[];
  /** The member's permission bitfield in the channel, as Discord sends it (a decimal string). */
  permissions?: string;
  subcommand?: string;
}

export interface ComponentOptions extends InvokeOptions {
  /** The message carrying the component (its id is sent; its components too). */
  message?: RecordedMessage;
  customId?: string;
  /** Pick the button by label when clicking a message. */
  label?: string;
}

export interface InjectedInteraction {
  id: string;
  token: string;
  type: number;
  sentAt: number;
  calls(): RecordedCall[];
  messages(): RecordedMessage[];
  /** The first successful callback. */
  waitForAck(timeoutMs?: number): Promise<RecordedCall>;
  waitForCall(predicate: (c: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  waitForMessage(predicate?: (m: RecordedMessage) => boolean, timeoutMs?: number): Promise<RecordedMessage>;
  /** Autocomplete choices from the callback (type 8). */
  choices(): { name: string; value: string }[] | undefined;
}

interface Fault {
  match: (req: { method: string; path: string; kind: CallKind }) => boolean;
  remaining: number;
  status: number;
  body: unknown;
  headers: Record<string, string>;
  name: string;
}

interface Connection {
  ws: WebSocket;
  seq: number;
  shard: [number, number];
  identified: boolean;
}

export interface EmulatorOptions {
  applicationId?: string;
  botUserId?: string;
  token?: string;
  /** Guild ids in READY (they are then sent as GUILD_CREATE). Default: none. */
  guilds?: string[];
  defaultGuildId?: string;
  defaultChannelId?: string;
  /** Heartbeat interval sent in HELLO (ms). */
  heartbeatInterval?: number;
  /** Recommended shard count in /gateway/bot. */
  shards?: number;
  /** Interaction tokens stop working this long after the interaction (Discord: 15 minutes): 401, code 50027. */
  interactionTokenTtlMs?: number;
}

let snowflakeCounter = 0n;
export function snowflake(): string {
  // Discord epoch based, unique per process.
  const ms = BigInt(Date.now() - 1420070400000);
  snowflakeCounter = (snowflakeCounter + 1n) & 0x3fffffn;
  return ((ms << 22n) | snowflakeCounter).toString();
}

const COMMAND_OPTION = { subcommand: 1, string: 3, integer: 4, boolean: 5, number: 10 } as const;

function optionsPayload(options: Record<string, string | number | boolean | undefined>, focused?: string) {
  return Object.entries(options)
    .filter(([, v]) => v !== undefined)
    .map(([name, value]) => ({
      name,
      type:
        typeof value === 'string'
          ? COMMAND_OPTION.string
          : typeof value === 'boolean'
            ? COMMAND_OPTION.boolean
            : Number.isInteger(value)
              ? COMMAND_OPTION.integer
              : COMMAND_OPTION.number,
      value,
      ...(focused === name ? { focused: true } : {}),
    }));
}

export class Emulator extends EventEmitter {
  readonly applicationId: string;
  readonly botUserId: string;
  readonly token: string;
  readonly calls: RecordedCall[] = [];
  readonly messages: RecordedMessage[] = [];
  /** Command definitions last registered: key 'global' or the guild id. */
  readonly registered = new Map<string, any[]>();
  /** IDENTIFY payloads received. */
  readonly identifies: any[] = [];
  apiUrl = '';
  gatewayUrl = '';

  private http!: Server;
  private wss!: WebSocketServer;
  private connections = new Set<Connection>();
  private faults: Fault[] = [];
  private interactions = new Map<
    string,
    { id: string; token: string; type: number; channelId: string; originalId: string; sentAt: number; payload: any }
  >();
  private byToken = new Map<string, string>();
  private opts: Required<EmulatorOptions>;

  constructor(options: EmulatorOptions = {}) {
    super();
    this.setMaxListeners(0);
    this.opts = {
      applicationId: options.applicationId ?? '100000000000000001',
      botUserId: options.botUserId ?? options.applicationId ?? '100000000000000001',
      token: options.token ?? 'emulator-token',
      guilds: options.guilds ?? [],
      defaultGuildId: options.defaultGuildId ?? '200000000000000001',
      defaultChannelId: options.defaultChannelId ?? '300000000000000001',
      heartbeatInterval: options.heartbeatInterval ?? 41_250,
      shards: options.shards ?? 1,
      interactionTokenTtlMs: options.interactionTokenTtlMs ?? 15 * 60_000,
    };
    this.applicationId = this.opts.applicationId;
    this.botUserId = this.opts.botUserId;
    this.token = this.opts.token;
  }

  get defaultGuildId(): string {
    return this.opts.defaultGuildId;
  }
  get defaultChannelId(): string {
    return this.opts.defaultChannelId;
  }

  async listen(port = 0): Promise<this> {
    this.http = createServer((req, res) => {
      this.handle(req, res).catch((err) => {
        if (!res.headersSent) this.json(res, 500, { message: String(err), code: 0 });
      });
    });
    this.wss = new WebSocketServer({ noServer: true });
    this.http.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
    });
    await new Promise<void>((resolve) => this.http.listen(port, '127.0.0.1', resolve));
    const { port: p } = this.http.address() as AddressInfo;
    this.apiUrl = `http://127.0.0.1:${p}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${p}/gateway`;
    return this;
  }

  async close(): Promise<void> {
    for (const c of this.connections) c.ws.terminate();
    this.connections.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections?.();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  /** Open gateway connections that have identified. */
  get sessions(): number {
    return [...this.connections].filter((c) => c.identified).length;
  }

  // ---------------------------------------------------------------- gateway

  private send(c: Connection, op: number, d: unknown, t: string | null = null): void {
    const frame = op === 0 ? { op, d, s: ++c.seq, t } : { op, d, s: null, t: null };
    c.ws.send(JSON.stringify(frame));
  }

  private onConnection(ws: WebSocket): void {
    const c: Connection = { ws, seq: 0, shard: [0, 1], identified: false };
    this.connections.add(c);
    ws.on('close', () => {
      this.connections.delete(c);
      this.emit('disconnect', c.shard);
    });
    ws.on('error', () => {});
    ws.on('message', (raw) => {
      let msg: any;
      try {
        msg = JSON.parse(String(raw));
      } catch {
        return;
      }
      if (msg.op === 1)
        this.send(c, 11, null); // heartbeat → ACK
      else if (msg.op === 2) {
        c.identified = true;
        c.shard = (msg.d?.shard as [number, number]) ?? [0, 1];
        this.identifies.push(msg.d);
        this.send(
          c,
          0,
          {
            v: 10,
            user: { id: this.botUserId, username: 'StudyBot', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 },
            guilds: this.opts.guilds.map((id) => ({ id, unavailable: true })),
            session_id: `session-${snowflake()}`,
            resume_gateway_url: this.gatewayUrl,
            shard: c.shard,
            application: { id: this.applicationId, flags: 0 },
          },
          'READY',
        );
        for (const id of this.opts.guilds) {
          if (this.shardOf(id, c.shard[1]) !== c.shard[0]) continue;
          this.send(c, 0, this.guildPayload(id), 'GUILD_CREATE');
        }
        this.emit('identify', msg.d);
      } else if (msg.op === 6) {
        // RESUME: we keep no replay buffer; ask for a fresh session.
        this.send(c, 9, false);
      }
    });
    this.send(c, 10, { heartbeat_interval: this.opts.heartbeatInterval });
  }

  private guildPayload(id: string) {
    return {
      id,
      name: 'Study group',
      icon: null,
      owner_id: '1',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        { id, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 2,
      members: [],
      channels: [{ id: this.opts.defaultChannelId, type: 0, name: 'study', position: 0, guild_id: id, permission_overwrites: [] }],
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  private shardOf(guildId: string | null, count: number): number {
    if (!guildId || count <= 1) return 0;
    return Number((BigInt(guildId) >> 22n) % BigInt(count));
  }

  private connectionFor(guildId: string | null): Connection {
    const ready = [...this.connections].filter((c) => c.identified);
    if (!ready.length) throw new Error('emulator: no identified gateway connection (is the bot logged in?)');
    const count = ready[0].shard[1];
    return ready.find((c) => c.shard[0] === this.shardOf(guildId, count)) ?? ready[0];
  }

  /** Resolves once at least `count` connections have identified. */
  async waitForIdentify(count = 1, timeoutMs = 10_000): Promise<void> {
    if (this.sessions >= count) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('identify', on);
        reject(new Error(`emulator: ${this.sessions}/${count} gateway sessions after ${timeoutMs} ms`));
      }, timeoutMs);
      const on = () => {
        if (this.sessions >= count) {
          clearTimeout(timer);
          this.off('identify', on);
          resolve();
        }
      };
      this.on('identify', on);
    });
  }

  /** Sends a dispatch to the connection serving the guild (shard 0 for DMs). */
  dispatch(t: string, d: unknown, guildId: string | null = null): void {
    this.send(this.connectionFor(guildId), 0, d, t);
  }

  /** An INTERACTION_CREATE that discord.js cannot turn into an Interaction (it throws while dispatching). */
  sendMalformedDispatch(d: unknown = { id: snowflake(), type: 2, token: 'broken' }): void {
    this.dispatch('INTERACTION_CREATE', d);
  }

  /** A frame that is not JSON at all. */
  sendRawFrame(text = '{"op": 0, "t": "INTERACTION_CREATE", "d": {'): void {
    this.connectionFor(null).ws.send(text);
  }

  /** Closes every gateway connection with a close code (e.g. 4000 to make the client resume/reconnect). */
  dropConnections(code = 4000): void {
    for (const c of this.connections) c.ws.close(code, 'emulator dropped the connection');
  }

  // ---------------------------------------------------------------- interactions

  private base(type: number, o: InvokeOptions) {
    const id = snowflake();
    const token = `itoken-${id}-${Math.random().toString(36).slice(2)}`;
    const guildId = o.guildId === undefined ? this.opts.defaultGuildId : o.guildId;
    const channelId = o.channelId ?? this.opts.defaultChannelId;
    const userId = o.user?.id ?? '400000000000000001';
    const user = {
      id: userId,
      username: o.user?.username ?? `user${userId.slice(-4)}`,
      discriminator: '0',
      global_name: null,
      avatar: null,
    };
    const payload: any = {
      id,
      application_id: this.applicationId,
      type,
      token,
      version: 1,
      locale: o.locale ?? 'en-US',
      guild_locale: 'en-US',
      channel_id: channelId,
      channel: { id: channelId, type: guildId ? 0 : 1, ...(guildId ? { guild_id: guildId, name: 'study' } : {}) },
      app_permissions: '0',
      entitlements: [],
      authorizing_integration_owners: {},
      context: guildId ? 0 : 1,
      attachment_size_limit: 10 * 1024 * 1024,
    };
    if (guildId) {
      payload.guild_id = guildId;
      payload.guild = { id: guildId, locale: 'en-US', features: [] };
      payload.member = {
        user,
        roles: o.memberRoles ?? [],
        permissions: o.permissions ?? '0',
        joined_at: new Date(0).toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
        nick: null,
        avatar: null,
        premium_since: null,
        pending: false,
        communication_disabled_until: null,
      };
    } else payload.user = user;
    return { id, token, guildId, channelId, payload };
  }

  private inject(type: number, b: ReturnType<Emulator['base']>): InjectedInteraction {
    const sentAt = performance.now();
    this.interactions.set(b.id, {
      id: b.id,
      token: b.token,
      type,
      channelId: b.channelId,
      originalId: snowflake(),
      sentAt,
      payload: b.payload,
    });
    this.byToken.set(b.token, b.id);
    this.dispatch('INTERACTION_CREATE', b.payload, b.guildId);
    return this.handleFor(b.id, b.token, type, sentAt);
  }

  private handleFor(id: string, token: string, type: number, sentAt: number): InjectedInteraction {
    return {
      id,
      token,
      type,
      sentAt,
      calls: () => this.calls.filter((c) => c.interactionId === id),
      messages: () => this.messages.filter((m) => m.interactionId === id),
      waitForAck: (timeoutMs) => this.waitFor((c) => c.interactionId === id && c.kind === 'callback' && c.status < 300, timeoutMs),
      waitForCall: (predicate, timeoutMs) => this.waitFor((c) => c.interactionId === id && predicate(c), timeoutMs),
      waitForMessage: (predicate = () => true, timeoutMs) => this.waitForMessage((m) => m.interactionId === id && predicate(m), timeoutMs),
      choices: () => this.calls.find((c) => c.interactionId === id && c.kind === 'callback' && c.body?.type === 8)?.body?.data?.choices,
    };
  }

  /** A slash command (type 2). Options are typed from their JS type: string 3, integer 4, boolean 5, other number 10. */
  slash(name: string, options: Record<string, string | number | boolean | undefined> = {}, o: InvokeOptions = {}): InjectedInteraction {
    const b = this.base(2, o);
    const opts = optionsPayload(options);
    b.payload.data = {
      id: snowflake(),
      name,
      type: 1,
      options: o.subcommand ? [{ name: o.subcommand, type: COMMAND_OPTION.subcommand, options: opts }] : opts,
      ...(b.guildId ? { guild_id: b.guildId } : {}),
    };
    return this.inject(2, b);
  }

  /** Autocomplete (type 4): `focused` is the option being typed; `options` the others already filled. */
  autocomplete(
    name: string,
    focused: { name: string; value: string },
    o: InvokeOptions & { options?: Record<string, string | number | boolean> } = {},
  ): InjectedInteraction {
    const b = this.base(4, o);
    const opts = optionsPayload({ ...(o.options ?? {}), [focused.name]: focused.value }, focused.name);
    b.payload.data = { id: snowflake(), name, type: 1, options: o.subcommand ? [{ name: o.subcommand, type: 1, options: opts }] : opts };
    return this.inject(4, b);
  }

  private componentMessage(message: RecordedMessage | undefined, channelId: string) {
    return {
      id: message?.id ?? snowflake(),
      channel_id: channelId,
      type: 0,
      content: message?.content ?? '',
      author: this.botAuthor(),
      embeds: message?.embeds ?? [],
      components: message?.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: message?.flags ?? 0,
    };
  }

  private findComponent(message: RecordedMessage, pick: (c: any) => boolean): any {
    for (const row of message.components ?? []) for (const c of row.components ?? []) if (pick(c)) return c;
    return undefined;
  }

  /** A button press (type 3, component_type 2), by custom id or on a recorded message (by customId/label, else its first button). */
  click(target: string | RecordedMessage, o: ComponentOptions = {}): InjectedInteraction {
    const message = typeof target === 'string' ? o.message : target;
    let customId = typeof target === 'string' ? target : o.customId;
    if (!customId && message) {
      const c = this.findComponent(
        message,
        (x) => x.type === 2 && (o.label ? x.label === o.label || String(x.label).includes(o.label) : true),
      );
      if (!c) throw new Error(`emulator: no button ${o.label ?? ''} on message ${message.id}`);
      customId = c.custom_id;
    }
    if (!customId) throw new Error('emulator: click needs a custom id or a message');
    const b = this.base(3, o);
    b.payload.data = { custom_id: customId, component_type: 2 };
    b.payload.message = this.componentMessage(message, b.channelId);
    return this.inject(3, b);
  }

  /** A submitted form (type 5): `fields` by the text inputs' custom ids. */
  submitModal(customId: string, fields: Record<string, string>, o: ComponentOptions = {}): InjectedInteraction {
    const b = this.base(5, o);
    b.payload.data = {
      custom_id: customId,
      components: Object.entries(fields).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] })),
    };
    if (o.message) b.payload.message = this.componentMessage(o.message, b.channelId);
    return this.inject(5, b);
  }

  /** A string select choice (type 3, component_type 3). */
  select(customId: string, values: string[], o: ComponentOptions = {}): InjectedInteraction {
    const b = this.base(3, o);
    b.payload.data = { custom_id: customId, component_type: 3, values };
    b.payload.message = this.componentMessage(o.message, b.channelId);
    return this.inject(3, b);
  }

  // ---------------------------------------------------------------- waiting

  /** Resolves with the first recorded call (past or future) matching; rejects after timeoutMs. */
  waitFor(predicate: (c: RecordedCall) => boolean, timeoutMs = 10_000): Promise<RecordedCall> {
    const found = this.calls.find(predicate);
    if (found) return Promise.resolve(found);
    return this.waitOn('call', predicate, timeoutMs, () => this.describeRecent());
  }

  waitForMessage(predicate: (m: RecordedMessage) => boolean, timeoutMs = 10_000): Promise<RecordedMessage> {
    const found = this.messages.find(predicate);
    if (found) return Promise.resolve(found);
    return this.waitOn('message', predicate, timeoutMs, () => this.describeRecent());
  }

  private waitOn<T>(event: string, predicate: (x: T) => boolean, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off(event, on);
        reject(new Error(`emulator: nothing matched within ${timeoutMs} ms. Recent calls:\n${describe()}`));
      }, timeoutMs);
      const on = (x: T) => {
        if (!predicate(x)) return;
        clearTimeout(timer);
        this.off(event, on);
        resolve(x);
      };
      this.on(event, on);
    });
  }

  private describeRecent(): string {
    return this.calls
      .slice(-12)
      .map(
        (c) =>
          `  ${c.status} ${c.method} ${c.path} ${c.kind}${c.fault ? ` (fault ${c.fault})` : ''} ${JSON.stringify(c.body)?.slice(0, 160) ?? ''}`,
      )
      .join('\n');
  }

  // ---------------------------------------------------------------- faults

  private addFault(f: Partial<Fault> & Pick<Fault, 'status' | 'name'>): void {
    this.faults.push({ match: () => true, remaining: 1, body: { message: f.name, code: 0 }, headers: {}, ...f });
  }

  /** The next `n` requests (matching `match`, default: interaction callbacks and webhook calls) answer `status` (5xx). */
  failNext(n = 1, o: { status?: number; match?: Fault['match'] } = {}): void {
    this.addFault({
      name: `${o.status ?? 500}`,
      status: o.status ?? 500,
      remaining: n,
      match: o.match ?? ((r) => ['callback', 'edit', 'followup'].includes(r.kind)),
      body: { message: 'Internal Server Error', code: 0 },
    });
  }

  /** The next matching request answers 429 with Retry-After (seconds). */
  rateLimitNext(o: { retryAfter?: number; match?: Fault['match']; global?: boolean; n?: number } = {}): void {
    const retryAfter = o.retryAfter ?? 0.05;
    this.addFault({
      name: '429',
      status: 429,
      remaining: o.n ?? 1,
      match: o.match ?? ((r) => ['callback', 'edit', 'followup'].includes(r.kind)),
      headers: { 'Retry-After': String(retryAfter), ...(o.global ? { 'X-RateLimit-Global': 'true' } : {}), 'X-RateLimit-Scope': 'user' },
      body: { message: 'You are being rate limited.', retry_after: retryAfter, global: o.global ?? false, code: 0 },
    });
  }

  /** The next matching interaction callback answers 404 Unknown interaction (10062), as when the ack came too late. */
  unknownInteractionNext(match: Fault['match'] = (r) => r.kind === 'callback'): void {
    this.addFault({ name: '10062', status: 404, match, body: { message: 'Unknown interaction', code: 10062 } });
  }

  // ---------------------------------------------------------------- REST

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (status === 204) {
      res.writeHead(204, headers);
      res.end();
      return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
    res.end(text);
  }

  private async readBody(req: IncomingMessage): Promise<{ body: any; files: string[] }> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const buf = Buffer.concat(chunks);
    if (!buf.length) return { body: undefined, files: [] };
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(buf, { headers: { 'content-type': type } }).formData();
      const files: string[] = [];
      let body: any;
      for (const [key, value] of form.entries()) {
        if (key === 'payload_json') body = JSON.parse(String(value));
        else if (typeof value !== 'string') files.push(value.name);
      }
      return { body, files };
    }
    try {
      return { body: JSON.parse(buf.toString('utf8')), files: [] };
    } catch {
      return { body: buf.toString('utf8'), files: [] };
    }
  }

  private botAuthor() {
    return { id: this.botUserId, username: 'StudyBot', discriminator: '0', global_name: null, avatar: null, bot: true };
  }

  private messageObject(id: string, channelId: string, data: any, files: string[]) {
    return {
      id,
      channel_id: channelId,
      type: 20,
      content: data?.content ?? '',
      author: this.botAuthor(),
      embeds: data?.embeds ?? [],
      components: data?.components ?? [],
      attachments: files.map((name, i) => ({
        id: `${id}${i}`,
        filename: name,
        size: 1,
        url: `https://cdn.invalid/${name}`,
        proxy_url: `https://cdn.invalid/${name}`,
      })),
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: data?.flags ?? 0,
      application_id: this.applicationId,
      webhook_id: this.applicationId,
    };
  }

  private record(call: RecordedCall, message?: Omit<RecordedMessage, 'at'>): void {
    this.calls.push(call);
    if (message) {
      const m = { ...message, at: call.at };
      this.messages.push(m);
      this.emit('call', call);
      this.emit('message', m);
    } else this.emit('call', call);
  }

  private classify(method: string, parts: string[]): { kind: CallKind; interactionId?: string } {
    // parts after /api/v10
    if (parts[0] === 'gateway') return { kind: 'gateway' };
    if (parts[0] === 'interactions' && parts[3] === 'callback') return { kind: 'callback', interactionId: parts[1] };
    if (parts[0] === 'applications' && parts[parts.length - 1] === 'commands' && method === 'PUT') return { kind: 'register' };
    if (parts[0] === 'channels' && parts[2] === 'messages') {
      if (parts.length === 3 && method === 'POST') return { kind: 'channel-send' };
      if (parts.length === 4 && method === 'PATCH') return { kind: 'channel-edit' };
    }
    if (parts[0] === 'webhooks' && parts.length >= 3) {
      const interactionId = this.byToken.get(parts[2]);
      if (parts.length === 3 && method === 'POST') return { kind: 'followup', interactionId };
      if (parts[3] === 'messages') {
        if (method === 'PATCH') return { kind: 'edit', interactionId };
        if (method === 'DELETE') return { kind: 'delete', interactionId };
        if (method === 'GET') return { kind: 'fetch', interactionId };
      }
    }
    return { kind: 'other' };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const path = decodeURIComponent(url.pathname);
    const parts = path
      .replace(/^\/api(\/v\d+)?\//, '')
      .split('/')
      .filter(Boolean);
    const { kind, interactionId } = this.classify(method, parts);
    const { body, files } = await this.readBody(req);
    const at = performance.now();
    const call: RecordedCall = { kind, method, path, query: url.searchParams, status: 200, body, files, at, interactionId };

    const fault = this.faults.find((f) => f.remaining > 0 && f.match({ method, path, kind }));
    if (fault) {
      fault.remaining--;
      if (fault.remaining <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      call.status = fault.status;
      call.fault = fault.name;
      this.record(call);
      return this.json(res, fault.status, fault.body, fault.headers);
    }

    if (kind === 'gateway') {
      this.record(call);
      return this.json(res, 200, {
        url: this.gatewayUrl,
        shards: this.opts.shards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      });
    }

    if (kind === 'register') {
      const guildId = parts[2] === 'guilds' ? parts[3] : 'global';
      const defs = (Array.isArray(body) ? body : []).map((d: any) => ({
        id: snowflake(),
        application_id: parts[1],
        version: snowflake(),
        type: 1,
        ...d,
        guild_id: guildId === 'global' ? undefined : guildId,
      }));
      this.registered.set(guildId, defs);
      this.record(call);
      return this.json(res, 200, defs);
    }

    if (kind === 'callback') {
      const inter = interactionId ? this.interactions.get(interactionId) : undefined;
      if (!inter || parts[2] !== inter.token) {
        call.status = 404;
        this.record(call);
        return this.json(res, 404, { message: 'Unknown interaction', code: 10062 });
      }
      if (this.calls.some((c) => c.interactionId === interactionId && c.kind === 'callback' && c.status < 300)) {
        call.status = 400;
        this.record(call);
        return this.json(res, 400, { message: 'Interaction has already been acknowledged.', code: 40060 });
      }
      const type = body?.type;
      let message: Omit<RecordedMessage, 'at'> | undefined;
      if (type === 4 || type === 7) {
        const id = type === 4 ? inter.originalId : (inter.payload.message?.id ?? inter.originalId);
        const flags = body.data?.flags ?? 0;
        message = this.toRecorded(id, inter.id, type === 4 ? 'reply' : 'update', body.data, files, flags);
      }
      call.status = 204;
      this.record(call, message);
      if (url.searchParams.get('with_response') === 'true') {
        return this.json(res, 200, {
          interaction: {
            id: inter.id,
            type: inter.type,
            activity_instance_id: null,
            response_message_id: inter.originalId,
            response_message_loading: type === 5,
            response_message_ephemeral: Boolean((body?.data?.flags ?? 0) & 64),
          },
          resource: message ? { type, message: this.messageObject(message.id, inter.channelId, body.data, files) } : { type },
        });
      }
      return this.json(res, 204, undefined);
    }

    if (kind === 'channel-send' || kind === 'channel-edit') return this.channelMessage(kind, parts, call, body, files, res);

    if (kind === 'edit' || kind === 'followup' || kind === 'delete' || kind === 'fetch') {
      const inter = interactionId ? this.interactions.get(interactionId) : undefined;
      if (!inter) {
        call.status = 404;
        this.record(call);
        return this.json(res, 404, { message: 'Unknown Webhook', code: 10015 });
      }
      if (performance.now() - inter.sentAt > this.opts.interactionTokenTtlMs) {
        call.status = 401;
        call.fault = 'token expired';
        this.record(call);
        return this.json(res, 401, { message: 'Invalid Webhook Token', code: 50027 });
      }
      if (kind === 'delete') {
        call.status = 204;
        this.record(call);
        return this.json(res, 204, undefined);
      }
      if (kind === 'fetch') {
        const last = [...this.messages].reverse().find((m) => m.interactionId === inter.id && m.via !== 'followup');
        this.record(call);
        return this.json(res, 200, this.messageObject(last?.id ?? inter.originalId, inter.channelId, last?.raw ?? {}, []));
      }
      let id: string;
      let flags: number;
      if (kind === 'edit') {
        const target = parts[4];
        id =
          target === '@original'
            ? inter.type === 3 &&
              !this.messages.some((m) => m.interactionId === inter.id && m.via === 'reply') &&
              this.wasDeferredUpdate(inter.id)
              ? inter.payload.message.id
              : inter.originalId
            : target;
        const prior = [...this.messages].reverse().find((m) => m.id === id);
        flags = prior?.flags ?? this.deferFlags(inter.id);
      } else {
        id = snowflake();
        flags = body?.flags ?? 0;
      }
      const previous = kind === 'edit' ? [...this.messages].reverse().find((m) => m.id === id) : undefined;
      const merged = previous ? { ...previous.raw, ...body } : body;
      const message = this.toRecorded(id, inter.id, kind === 'edit' ? 'edit' : 'followup', merged, files, flags);
      this.record(call, message);
      return this.json(res, 200, this.messageObject(id, inter.channelId, { ...merged, flags }, files));
    }

    this.record(call);
    if (method === 'GET' && path.endsWith('/users/@me')) return this.json(res, 200, this.botAuthor());
    return this.json(res, 404, { message: '404: Not Found (emulator)', code: 0 });
  }

  /** POST /channels/{id}/messages and PATCH /channels/{id}/messages/{id}, with the bot token. */
  private channelMessage(
    kind: 'channel-send' | 'channel-edit',
    parts: string[],
    call: RecordedCall,
    body: any,
    files: string[],
    res: ServerResponse,
  ): void {
    const channelId = parts[1];
    const previous =
      kind === 'channel-edit' ? [...this.messages].reverse().find((m) => m.id === parts[3] && m.channelId === channelId) : undefined;
    if (kind === 'channel-edit' && !previous) {
      call.status = 404;
      this.record(call);
      return this.json(res, 404, { message: 'Unknown Message', code: 10008 });
    }
    const id = previous?.id ?? snowflake();
    const merged = previous ? { ...previous.raw, ...body } : body;
    const message = { ...this.toRecorded(id, '', kind === 'channel-send' ? 'send' : 'channel-edit', merged, files, 0), channelId };
    this.record(call, message);
    return this.json(res, 200, { ...this.messageObject(id, channelId, merged, files), type: 0, webhook_id: undefined });
  }

  private wasDeferredUpdate(interactionId: string): boolean {
    return this.calls.some((c) => c.interactionId === interactionId && c.kind === 'callback' && c.status < 300 && c.body?.type === 6);
  }

  private deferFlags(interactionId: string): number {
    return this.calls.find((c) => c.interactionId === interactionId && c.kind === 'callback' && c.status < 300)?.body?.data?.flags ?? 0;
  }

  private toRecorded(
    id: string,
    interactionId: string,
    via: RecordedMessage['via'],
    data: any,
    files: string[],
    flags: number,
  ): Omit<RecordedMessage, 'at'> {
    return {
      id,
      interactionId,
      channelId: this.interactions.get(interactionId)?.channelId ?? '',
      via,
      content: data?.content ?? '',
      embeds: data?.embeds ?? [],
      components: data?.components ?? [],
      files,
      flags,
      ephemeral: Boolean(flags & 64),
      allowedMentions: data?.allowed_mentions,
      raw: data ?? {},
    };
  }
}

/** Starts an emulator on a free port of 127.0.0.1. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return new Emulator(options).listen();
}

/**
 * The environment of a bot process pointed at this emulator (its token and API URL), with its database under
 * `dir` and no cooldown; `extra` adds or overrides settings.
 */
export function botProcessEnv(emu: Emulator, dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DISCORD_TOKEN: emu.token,
    DISCORD_API_URL: emu.apiUrl,
    DATABASE_PATH: join(dir, 'bot.sqlite'),
    COOLDOWN_SECONDS: '0',
    ...extra,
  };
}
