// BotMessage (platform-neutral) → discord.js message payloads, within Discord's limits.
// One BotMessage may become several Discord messages: content past 2000 characters is split at
// paragraph/line/sentence/space boundaries, embed descriptions past 4096 continue in further embeds,
// and embeds past 10 per message or 6000 characters per message move to further messages.
// The first payload carries the components and files; the rest are sent as follow-ups.
// Embeds and components are built as plain API JSON (what the builders would produce, with the limits
// applied here): discord.js accepts it as is and skips the builders' validation, which costs more CPU
// than everything else in a reply.
import {
  AttachmentBuilder,
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIStringSelectComponent,
  type BaseMessageOptions,
} from 'discord.js';
import { LIMITS, splitText, truncate } from '../commands/limits.js';
import type { BotComponent, BotEmbed, BotMessage } from '../commands/types.js';

/** Nobody is ever pinged by the bot's text, whatever a question or a passage contains. */
export const NO_MENTIONS = { parse: [] as const } as unknown as NonNullable<BaseMessageOptions['allowedMentions']>;

const MAX_ROWS = 5;
const MAX_BUTTONS_PER_ROW = 5;
const CUSTOM_ID_MAX = 100;
const SELECT_VALUE_MAX = 100;

export type DiscordPayload = BaseMessageOptions & { allowedMentions: NonNullable<BaseMessageOptions['allowedMentions']> };

const STYLE: Record<NonNullable<Extract<BotComponent, { kind: 'button' }>['style']>, ButtonStyle> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
};

function embedLength(e: APIEmbed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** One BotEmbed → one or more API embeds (a description past 4096 continues in untitled embeds). */
export function toApiEmbeds(e: BotEmbed): APIEmbed[] {
  const descriptions = e.description ? splitText(e.description, LIMITS.embedDescription) : [undefined];
  const fields = (e.fields ?? [])
    .filter((f) => f.name || f.value)
    .slice(0, LIMITS.fields)
    .map((f) => ({
      name: truncate(f.name || '\u200b', LIMITS.fieldName),
      value: truncate(f.value || '\u200b', LIMITS.fieldValue),
      inline: f.inline,
    }));
  return descriptions.map((description, i) => {
    const first = i === 0;
    const last = i === descriptions.length - 1;
    const out: APIEmbed = {};
    if (first && e.title) out.title = truncate(e.title, LIMITS.embedTitle);
    if (first && e.url) out.url = e.url;
    if (description) out.description = description;
    if (e.color !== undefined) out.color = e.color;
    if (last && fields.length) out.fields = fields;
    if (last && e.footer) out.footer = { text: truncate(e.footer, LIMITS.footer) };
    if (last && e.imageFile) out.image = { url: `attachment://${e.imageFile}` };
    return out;
  });
}

/** Fits one embed into what is left of a message's 6000 characters (cuts fields, then the description). */
function fitEmbed(e: APIEmbed, budget: number): APIEmbed {
  if (embedLength(e) <= budget) return e;
  const out: APIEmbed = { ...e, fields: [...(e.fields ?? [])] };
  while (out.fields!.length && embedLength(out) > budget) out.fields!.pop();
  if (embedLength(out) > budget && out.description) {
    const rest = embedLength(out) - out.description.length;
    out.description = truncate(out.description, Math.max(1, budget - rest));
  }
  if (embedLength(out) > budget && out.footer) delete out.footer;
  if (embedLength(out) > budget && out.title) out.title = truncate(out.title, Math.max(1, budget - embedLength({ ...out, title: '' })));
  return out;
}

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** A single emoji character, or a custom emoji `<:name:id>` / `<a:name:id>`. */
function emojiOf(text: string): APIButtonComponentWithCustomId['emoji'] {
  const custom = /^<(a)?:(\w+):(\d+)>$/.exec(text);
  return custom ? { id: custom[3], name: custom[2], animated: Boolean(custom[1]) } : { name: text };
}

function toComponents(rows: BotComponent[][]): Row[] {
  const out: Row[] = [];
  for (const row of rows) {
    // A select menu needs a row of its own; buttons share rows of 5.
    const selects = row.filter((c): c is Extract<BotComponent, { kind: 'select' }> => c.kind === 'select');
    const buttons = row.filter((c): c is Extract<BotComponent, { kind: 'button' }> => c.kind === 'button');
    for (let i = 0; i < buttons.length; i += MAX_BUTTONS_PER_ROW) {
      out.push({
        type: ComponentType.ActionRow,
        components: buttons.slice(i, i + MAX_BUTTONS_PER_ROW).map((b): APIButtonComponentWithCustomId => ({
          type: ComponentType.Button,
          custom_id: b.id.slice(0, CUSTOM_ID_MAX),
          label: truncate(b.label || '…', LIMITS.buttonLabel),
          style: STYLE[b.style ?? 'secondary'] as APIButtonComponentWithCustomId['style'],
          disabled: b.disabled ?? false,
          ...(b.emoji ? { emoji: emojiOf(b.emoji) } : {}),
        })),
      });
    }
    for (const s of selects) {
      if (!s.options.length) continue;
      const menu: APIStringSelectComponent = {
        type: ComponentType.StringSelect,
        custom_id: s.id.slice(0, CUSTOM_ID_MAX),
        options: s.options.slice(0, LIMITS.selectOptions).map((o) => ({
          label: truncate(o.label || o.value, LIMITS.selectLabel),
          value: o.value.slice(0, SELECT_VALUE_MAX),
          ...(o.description ? { description: truncate(o.description, LIMITS.selectDescription) } : {}),
        })),
        ...(s.placeholder ? { placeholder: truncate(s.placeholder, 150) } : {}),
      };
      out.push({ type: ComponentType.ActionRow, components: [menu] });
    }
  }
  return out.slice(0, MAX_ROWS);
}

export interface PayloadOptions {
  /**
   * Split long content into several messages (the extra ones become follow-ups). Off for progress
   * edits, which are replaced later and must not leave follow-ups behind: they are cut instead.
   */
  split: boolean;
  /** For edits: send empty arrays to clear embeds/components the message had. */
  edit?: boolean;
}

/** BotMessage → one or more discord.js payloads (without flags; the responder adds those). */
export function toPayloads(msg: BotMessage, opts: PayloadOptions = { split: true }): DiscordPayload[] {
  const contents = msg.content ? (opts.split ? splitText(msg.content, LIMITS.content) : [truncate(msg.content, LIMITS.content)]) : [];
  const embeds = (msg.embeds ?? []).flatMap(toApiEmbeds);

  // Pack embeds into messages: at most 10 per message and 6000 characters (with the content's message).
  const embedGroups: APIEmbed[][] = [];
  let group: APIEmbed[] = [];
  let used = 0;
  for (const e of embeds) {
    const len = embedLength(e);
    if (group.length && (group.length >= LIMITS.embedsPerMessage || used + len > LIMITS.embedsTotal)) {
      embedGroups.push(group);
      group = [];
      used = 0;
    }
    const fitted = fitEmbed(e, LIMITS.embedsTotal - used);
    group.push(fitted);
    used += embedLength(fitted);
  }
  if (group.length) embedGroups.push(group);
  if (!opts.split && embedGroups.length > 1) embedGroups.length = 1;

  // The first message: the first content piece with the first embed group (as the command built it).
  // Then the remaining content pieces, then the remaining embed groups.
  const payloads: DiscordPayload[] = [];
  const first: DiscordPayload = { allowedMentions: NO_MENTIONS };
  if (contents.length) first.content = contents[0];
  else if (opts.edit && msg.content !== undefined) first.content = '';
  if (embedGroups.length) first.embeds = embedGroups[0];
  else if (opts.edit && msg.embeds !== undefined) first.embeds = [];
  if (msg.components !== undefined) first.components = toComponents(msg.components);
  if (msg.files?.length) first.files = msg.files.map((f) => new AttachmentBuilder(f.data, { name: f.name }));
  if (!opts.edit && first.content === undefined && first.embeds === undefined && !first.files) first.content = '…';
  payloads.push(first);
  for (const c of contents.slice(1)) payloads.push({ content: c, allowedMentions: NO_MENTIONS });
  for (const g of embedGroups.slice(1)) payloads.push({ embeds: g, allowedMentions: NO_MENTIONS });
  return payloads;
}
