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
  const { services, router, output } = opts;
  // The person at the console runs the bot: they may stop any quiz and manage what it stores.
  const user: Invoker = opts.user ?? { id: 'console-user', name: 'you', roleIds: [], canManageMessages: true, canManageGuild: true };
  const outputDir = resolve(services.config.console.outputDir);
  const pressables = new Map<string, Pressable>();
  let buttonCount = 0;
  let selectCount = 0;
  let messageCount = 0;
  const terminal = new Terminal({ input: opts.input, output, interactive: opts.interactive === true, onInterrupt: opts.onInterrupt });
  const print = (text: string): void => terminal.print(text);

  // CONSOLE_LOCALE, or with `auto` the language of the line; a line with no words of its own (/help, /topics,
  // /quiz start) keeps the language the person last wrote in.
  let lastLocale: Locale = 'en';
  const localeFor = (text: string): Locale => {
    const fixed = services.config.console.locale;
    if (fixed !== 'auto') return fixed;
    if (/\p{L}/u.test(text)) lastLocale = detectLang(text) === 'ko' ? 'ko' : 'en';
    return lastLocale;
  };
  const localeOfMessage = (msg: BotMessage): Locale => {
    const text = msg.embeds?.[0]?.description ?? msg.content ?? '';
    return services.config.console.locale === 'auto' && /\p{L}/u.test(text) ? (detectLang(text) === 'ko' ? 'ko' : 'en') : localeFor('');
  };

  async function show(msg: BotMessage, messageId: string, locale: Locale, state: { streamed: string | null }): Promise<void> {
    // Streaming edits: print only the text added since the last edit, on one growing line.
    const desc = msg.embeds?.[0]?.description ?? msg.content ?? '';
    if (msg.progress) {
      if (state.streamed !== null && desc.startsWith(state.streamed)) terminal.write(desc.slice(state.streamed.length));
      else terminal.write(`${state.streamed === null ? '' : '\n'}… ${desc}`);
      state.streamed = desc;
      return;
    }
    if (state.streamed !== null) {
      terminal.write('\n');
      state.streamed = null;
    }
    const files: string[] = [];
    for (const f of msg.files ?? []) {
      await mkdir(outputDir, { recursive: true });
      const path = join(outputDir, `${messageId}-${f.name}`);
      await writeFile(path, f.data);
      files.push(path);
    }
    const keys = (msg.components ?? []).map((row) =>
      row.map((c) => {
        const key = c.kind === 'button' ? `b${++buttonCount}` : `s${++selectCount}`;
        pressables.set(key, { component: c, messageId, locale });
        return key;
      }),
    );
    print(renderMessage(msg, { components: keys, files }));
  }

  function responder(messageId: string, locale: Locale): Responder {
    const state = { streamed: null as string | null };
    // A reply deferred as ephemeral (/ask hide: true) stays "only you" through its edits, as in Discord.
    let hidden = false;
    const asDeferred = (msg: BotMessage): BotMessage => (hidden && !msg.ephemeral ? { ...msg, ephemeral: true } : msg);
    return {
      defer: (o) => {
        hidden = o?.ephemeral === true;
        return Promise.resolve();
      },
      reply: (msg) => show(asDeferred(msg), messageId, locale, state),
      followUp: (msg) => show(msg, `${messageId}-${++messageCount}`, locale, { streamed: null }),
      update: (msg) => show(asDeferred(msg), messageId, locale, state),
    };
  }

  // Messages the bot posts to the channel by itself (quiz questions): printed like any reply, their buttons
  // answering in the language of their text.
  const channel: ChannelMessenger = {
    async send(_channelId, msg) {
      const id = `m${++messageCount}`;
      await show(msg, id, localeOfMessage(msg), { streamed: null });
      return id;
    },
    edit: (_channelId, id, msg) => show(msg, id, localeOfMessage(msg), { streamed: null }),
  };

  async function handle(line: string): Promise<void> {
    const text = line.trim();
    if (!text) return;
    if (text === '/quit' || text === '/exit') return;

    // A component key (b1, s2 value), or a single letter naming a button of the last message (quiz answers).
    const key = /^([bs]\d+)(?:\s+(.+))?$/i.exec(text);
    const letter = /^[a-d]$/i.test(text) ? text.toUpperCase() : null;
    let press: Pressable | undefined;
    let values: string[] = [];
    if (key) {
      press = pressables.get(key[1].toLowerCase());
      if (!press) return print(`No button or menu called ${key[1]}.`);
      if (press.component.kind === 'select') {
        const choice = key[2]?.trim();
        const options = press.component.options;
        const option =
          options.find((o) => o.value === choice || o.label === choice) ??
          (choice && /^\d+$/.test(choice) ? options[Number(choice) - 1] : undefined);
        if (!option) return print(`Choose one of: ${options.map((o) => o.value).join(', ')}  (e.g. ${key[1]} ${options[0]?.value ?? ''})`);
        values = [option.value];
      }
    } else if (letter) {
      const candidates = [...pressables.values()].reverse();
      press = candidates.find(
        (p) =>
          p.component.kind === 'button' &&
          (p.component.label === letter || p.component.label.startsWith(`${letter}.`) || p.component.label.startsWith(`${letter})`)),
      );
      if (!press) return print(`No answer button ${letter} is open.`);
    }
    if (press) {
      if (press.component.kind === 'button' && press.component.disabled) return print('That button is disabled.');
      await router.runComponent({
        user,
        guildId: null,
        channelId: CHANNEL,
        locale: press.locale,
        services,
        respond: responder(press.messageId, press.locale),
        channel,
        customId: press.component.id,
        values,
        messageId: press.messageId,
      });
      return;
    }

    // Plain text is a question: the same as /ask question: <text>.
    const commandLine = text.startsWith('/') ? text : `/ask question: ${text}`;
    let parsed;
    try {
      parsed = parseLine(commandLine, router.commands);
    } catch (err) {
      if (err instanceof ParseError) return print(err.message);
      throw err;
    }
    // The words given set the language; a command typed by its Korean name (/도움말) says Korean too.
    const optionText = Object.values(parsed.options)
      .filter((v) => typeof v === 'string')
      .join(' ');
    const typedName = commandLine.slice(1).split(/\s/, 1)[0];
    const locale = localeFor(optionText || (/\p{Script=Hangul}/u.test(typedName) ? typedName : ''));
    await router.runSlash(parsed.name, {
      user,
      guildId: null,
      channelId: CHANNEL,
      locale,
      services,
      respond: responder(`m${++messageCount}`, locale),
      channel,
      subcommand: parsed.subcommand,
      options: parsed.options,
    });
  }

  if (opts.interactive) {
    print('VM·Docker study bot — console. Type /help, or just ask a question. /quit to leave.');
    print(`Commands: ${router.commands.map((c) => `/${c.data.name}`).join(' ')}`);
    print('↑/↓ recall earlier lines; Ctrl+C or /quit leaves.' + (opts.logFile ? ` Logs: ${opts.logFile}` : ''));
  }
  for await (const line of terminal.lines()) {
    if (/^\/(quit|exit)\s*$/.test(line.trim())) break;
    try {
      await handle(line);
    } catch (err) {
      services.logger.error({ err }, 'console command failed');
      print(`error: ${(err as Error).message}`);
    }
  }
  terminal.close();
}
