// The command layer: one module per slash command, served unchanged by the Discord and console front ends.
// A command declares itself with discord.js's SlashCommandBuilder (`data`) and acts through a
// platform-neutral context: it never touches a discord.js Interaction.
import type { SlashCommandBuilder, SlashCommandOptionsOnlyBuilder, SlashCommandSubcommandsOnlyBuilder } from 'discord.js';
import type { Services } from '../services.js';

export type Locale = 'ko' | 'en';

/** An embed as plain data (Discord's embed shape, a subset). The console renders it as text. */
export interface BotEmbed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: string;
  /** Name of an attached file to show as the embed image (e.g. a chart PNG). */
  imageFile?: string;
}

export interface BotButton {
  kind: 'button';
  /** custom id: `<command>:<action>[:<arg>...]`, routed back to the command's handleComponent. */
  id: string;
  label: string;
  style?: 'primary' | 'secondary' | 'success' | 'danger';
  emoji?: string;
  disabled?: boolean;
}

export interface BotSelect {
  kind: 'select';
  id: string;
  placeholder?: string;
  options: { label: string; value: string; description?: string }[];
}

export type BotComponent = BotButton | BotSelect;

export interface BotMessage {
  content?: string;
  embeds?: BotEmbed[];
  /** Rows of components (Discord: at most 5 rows, 5 buttons or 1 select per row). */
  components?: BotComponent[][];
  files?: { name: string; data: Buffer }[];
  /** Only the invoking user sees it. Honoured on the first reply/defer and on follow-ups. */
  ephemeral?: boolean;
  /** An intermediate state that later edits replace (streaming text, live stats); the console prints it compactly. */
  progress?: boolean;
}

/** A form that pops up for the user (Discord's modal): text fields, submitted back to the command as `fields`. */
export interface BotModal {
  /** custom id, routed like a component's: `<command>:<action>[:<arg>...]`. */
  id: string;
  title: string;
  fields: { id: string; label: string; placeholder?: string; maxLength: number; required?: boolean; paragraph?: boolean }[];
}

/** How a command talks back. The first reply() answers (or fills a deferred reply); later ones edit it. */
export interface Responder {
  /** Acknowledge now, answer later (Discord's 3-second rule). */
  defer(options?: { ephemeral?: boolean }): Promise<void>;
  /** First answer, or an edit of the answer already shown. */
  reply(message: BotMessage): Promise<void>;
  /** An additional message after the first (e.g. the rest of a split answer). */
  followUp(message: BotMessage): Promise<void>;
  /** For component interactions: edit the message that carries the component. */
  update?(message: BotMessage): Promise<void>;
  /** Answer a button press with a form (the press's only answer). Front ends without forms leave it out. */
  showModal?(modal: BotModal): Promise<void>;
}

export interface Invoker {
  id: string;
  name: string;
  /** Role ids the user holds in this guild (empty in DMs and the console unless configured). */
  roleIds: string[];
  /** Server permissions that some commands check (Discord's own gate is default_member_permissions). */
  canManageMessages?: boolean;
  canManageGuild?: boolean;
}

/**
 * Ordinary messages in a channel, sent with the bot's own token: unlike an interaction's replies they can be
 * sent and edited at any time (an interaction token expires after 15 minutes).
 */
export interface ChannelMessenger {
  /** Posts a message; resolves with its id. */
  send(channelId: string, message: BotMessage): Promise<string>;
  edit(channelId: string, messageId: string, message: BotMessage): Promise<void>;
}

export interface CommandContext {
  user: Invoker;
  guildId: string | null;
  channelId: string;
  locale: Locale;
  services: Services;
  respond: Responder;
  /** Messages outside the interaction (the Discord bot and the console have it; /quiz needs it). */
  channel?: ChannelMessenger;
}

export type OptionValue = string | number | boolean;

export interface SlashInvocation extends CommandContext {
  subcommand?: string;
  options: Record<string, OptionValue | undefined>;
}

export interface ComponentInvocation extends CommandContext {
  /** The full custom id, e.g. `ask:sources:<answerId>`. */
  customId: string;
  /** Selected values for select menus. */
  values: string[];
  /** Id of the message carrying the component. */
  messageId: string;
  /** A submitted form's fields by id (the customId is the form's). */
  fields?: Record<string, string>;
}

export interface AutocompleteInvocation {
  user: Invoker;
  locale: Locale;
  services: Services;
  subcommand?: string;
  focused: { name: string; value: string };
}

export interface Command {
  data: SlashCommandBuilder | SlashCommandOptionsOnlyBuilder | SlashCommandSubcommandsOnlyBuilder;
  execute(ctx: SlashInvocation): Promise<void>;
  handleComponent?(ctx: ComponentInvocation): Promise<void>;
  autocomplete?(ctx: AutocompleteInvocation): Promise<{ name: string; value: string }[]> | { name: string; value: string }[];
  /** Components that start costly work (a sandbox run) and so share the per-user cooldown of commands. */
  componentCooldown?(customId: string): boolean;
  /** Commands that may run long (LLM, sandbox) are exempt from nothing: cooldown applies to all. */
}
