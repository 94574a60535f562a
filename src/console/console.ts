// The local console: type the bot's slash commands, see the replies the bot would give in Discord.
// Buttons and menus get short keys (b1, s1 …): type the key to press it, `s1 <value>` to choose.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { CommandRouter } from '../commands/router.js';
import type { BotComponent, BotMessage, ChannelMessenger, Invoker, Locale, Responder } from '../commands/types.js';
import { detectLang } from '../knowledge/tokenize.js';
import type { Services } from '../services.js';
import { parseLine, ParseError } from './parse.js';
import { renderMessage } from './render.js';
import { Terminal } from './terminal.js';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  services: Services;
  router: CommandRouter;
  user?: Invoker;
  /** A person at a terminal: banner, prompt, line editing and history (off when stdin is not a terminal). */
  interactive?: boolean;
  /** Ctrl+C at the prompt; default: leave the console as /quit does. */
  onInterrupt?: () => void;
  /** Where the logs go instead of the screen (named in the banner). */
  logFile?: string;
}

interface Pressable {
  component: BotComponent;
  messageId: string;
  /** Language of the message carrying it: a button answers in the language of its message. */
  locale: Locale;
}

const CHANNEL = 'console';

export async function runConsole(opts: ConsoleOptions): Promise<void> {
  await new ConsoleSession(opts).run();
}

/** One console session: the messages shown, their pressable components, and the language in use. */
class ConsoleSession {
  private readonly services: Services;
  private readonly router: CommandRouter;
  // The person at the console runs the bot: they may stop any quiz and manage what it stores.
  private readonly user: Invoker;
  private readonly outputDir: string;
  private readonly terminal: Terminal;
  private readonly pressables = new Map<string, Pressable>();
  private buttonCount = 0;
  private selectCount = 0;
  private messageCount = 0;
  private lastLocale: Locale = 'en';

  constructor(private readonly opts: ConsoleOptions) {
    this.services = opts.services;
    this.router = opts.router;
    this.user = opts.user ?? { id: 'console-user', name: 'you', roleIds: [], canManageMessages: true, canManageGuild: true };
    this.outputDir = resolve(this.services.config.console.outputDir);
    this.terminal = new Terminal({
      input: opts.input,
      output: opts.output,
      interactive: opts.interactive === true,
      onInterrupt: opts.onInterrupt,
    });
  }

  async run(): Promise<void> {
    if (this.opts.interactive) {
      this.print('VM·Docker study bot — console. Type /help, or just ask a question. /quit to leave.');
      this.print(`Commands: ${this.router.commands.map((c) => `/${c.data.name}`).join(' ')}`);
      this.print('↑/↓ recall earlier lines; Ctrl+C or /quit leaves.' + (this.opts.logFile ? ` Logs: ${this.opts.logFile}` : ''));
    }
    for await (const line of this.terminal.lines()) {
      if (/^\/(quit|exit)\s*$/.test(line.trim())) break;
      try {
        await this.handle(line);
      } catch (err) {
        this.services.logger.error({ err }, 'console command failed');
        this.print(`error: ${(err as Error).message}`);
      }
    }
    this.terminal.close();
  }

  private print(text: string): void {
    this.terminal.print(text);
  }

  /** CONSOLE_LOCALE, or with `auto` the language of the line; a line with no words of its own keeps the last one. */
  private localeFor(text: string): Locale {
    const fixed = this.services.config.console.locale;
    if (fixed !== 'auto') return fixed;
    if (/\p{L}/u.test(text)) this.lastLocale = detectLang(text) === 'ko' ? 'ko' : 'en';
    return this.lastLocale;
  }

  private localeOfMessage(msg: BotMessage): Locale {
    const text = msg.embeds?.[0]?.description ?? msg.content ?? '';
    return this.services.config.console.locale === 'auto' && /\p{L}/u.test(text)
      ? detectLang(text) === 'ko'
        ? 'ko'
        : 'en'
      : this.localeFor('');
  }

  private async show(msg: BotMessage, messageId: string, locale: Locale, state: { streamed: string | null }): Promise<void> {
    // Streaming edits: print only the text added since the last edit, on one growing line.
    const desc = msg.embeds?.[0]?.description ?? msg.content ?? '';
    if (msg.progress) {
      if (state.streamed !== null && desc.startsWith(state.streamed)) this.terminal.write(desc.slice(state.streamed.length));
      else this.terminal.write(`${state.streamed === null ? '' : '\n'}… ${desc}`);
      state.streamed = desc;
      return;
    }
    if (state.streamed !== null) {
      this.terminal.write('\n');
      state.streamed = null;
    }
    const files = await this.saveFiles(msg, messageId);
    const keys = (msg.components ?? []).map((row) =>
      row.map((c) => {
        const key = c.kind === 'button' ? `b${++this.buttonCount}` : `s${++this.selectCount}`;
        this.pressables.set(key, { component: c, messageId, locale });
        return key;
      }),
    );
    this.print(renderMessage(msg, { components: keys, files }));
  }

  /** Attached files (the sandbox chart) are saved under CONSOLE_OUTPUT_DIR; their paths are printed. */
  private async saveFiles(msg: BotMessage, messageId: string): Promise<string[]> {
    const files: string[] = [];
    for (const f of msg.files ?? []) {
      await mkdir(this.outputDir, { recursive: true });
      const path = join(this.outputDir, `${messageId}-${f.name}`);
      await writeFile(path, f.data);
      files.push(path);
    }
    return files;
  }

  private responder(messageId: string, locale: Locale): Responder {
    const state = { streamed: null as string | null };
    // A reply deferred as ephemeral (/ask hide: true) stays "only you" through its edits, as in Discord.
    let hidden = false;
    const asDeferred = (msg: BotMessage): BotMessage => (hidden && !msg.ephemeral ? { ...msg, ephemeral: true } : msg);
    return {
      defer: (o) => {
        hidden = o?.ephemeral === true;
        return Promise.resolve();
      },
      reply: (msg) => this.show(asDeferred(msg), messageId, locale, state),
      followUp: (msg) => this.show(msg, `${messageId}-${++this.messageCount}`, locale, { streamed: null }),
      update: (msg) => this.show(asDeferred(msg), messageId, locale, state),
    };
  }

  /** Messages the bot posts to the channel by itself (quiz questions), their buttons in the language of their text. */
  private readonly channel: ChannelMessenger = {
    send: async (_channelId, msg) => {
      const id = `m${++this.messageCount}`;
      await this.show(msg, id, this.localeOfMessage(msg), { streamed: null });
      return id;
    },
    edit: (_channelId, id, msg) => this.show(msg, id, this.localeOfMessage(msg), { streamed: null }),
  };

  private async handle(line: string): Promise<void> {
    const text = line.trim();
    if (!text || text === '/quit' || text === '/exit') return;
    const pressed = this.pressFor(text);
    if (!pressed) return this.slash(text);
    if ('error' in pressed) return this.print(pressed.error);
    const { press, values } = pressed;
    if (press.component.kind === 'button' && press.component.disabled) return this.print('That button is disabled.');
    await this.router.runComponent({
      user: this.user,
      guildId: null,
      channelId: CHANNEL,
      locale: press.locale,
      services: this.services,
      respond: this.responder(press.messageId, press.locale),
      channel: this.channel,
      customId: press.component.id,
      values,
      messageId: press.messageId,
    });
  }

  /**
   * The component a line presses: a key (b1, s2 value), or a single letter naming an answer button of the last
   * message (quiz answers). Nothing when the line is a command or a question; an error for a bad key.
   */
  private pressFor(text: string): { press: Pressable; values: string[] } | { error: string } | undefined {
    const key = /^([bs]\d+)(?:\s+(.+))?$/i.exec(text);
    if (key) {
      const press = this.pressables.get(key[1].toLowerCase());
      if (!press) return { error: `No button or menu called ${key[1]}.` };
      if (press.component.kind !== 'select') return { press, values: [] };
      const choice = key[2]?.trim();
      const options = press.component.options;
      const option =
        options.find((o) => o.value === choice || o.label === choice) ??
        (choice && /^\d+$/.test(choice) ? options[Number(choice) - 1] : undefined);
      if (!option)
        return { error: `Choose one of: ${options.map((o) => o.value).join(', ')}  (e.g. ${key[1]} ${options[0]?.value ?? ''})` };
      return { press, values: [option.value] };
    }
    if (!/^[a-d]$/i.test(text)) return undefined;
    const letter = text.toUpperCase();
    const press = [...this.pressables.values()]
      .reverse()
      .find(
        (p) =>
          p.component.kind === 'button' &&
          (p.component.label === letter || p.component.label.startsWith(`${letter}.`) || p.component.label.startsWith(`${letter})`)),
      );
    return press ? { press, values: [] } : { error: `No answer button ${letter} is open.` };
  }

  /** A slash command, or plain text as /ask question: <text>. */
  private async slash(text: string): Promise<void> {
    const commandLine = text.startsWith('/') ? text : `/ask question: ${text}`;
    let parsed;
    try {
      parsed = parseLine(commandLine, this.router.commands);
    } catch (err) {
      if (err instanceof ParseError) return this.print(err.message);
      throw err;
    }
    // The words given set the language; a command typed by its Korean name (/도움말) says Korean too.
    const optionText = Object.values(parsed.options)
      .filter((v) => typeof v === 'string')
      .join(' ');
    const typedName = commandLine.slice(1).split(/\s/, 1)[0];
    const locale = this.localeFor(optionText || (/\p{Script=Hangul}/u.test(typedName) ? typedName : ''));
    await this.router.runSlash(parsed.name, {
      user: this.user,
      guildId: null,
      channelId: CHANNEL,
      locale,
      services: this.services,
      respond: this.responder(`m${++this.messageCount}`, locale),
      channel: this.channel,
      subcommand: parsed.subcommand,
      options: parsed.options,
    });
  }
}
