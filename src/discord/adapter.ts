// discord.js interactions → the router's platform-neutral invocations.
// Slash commands, buttons, string selects and autocomplete; anything else is ignored.
// Every failure ends in a short ephemeral message to the user (or, for autocomplete, no choices), never silence.
import {
  ApplicationCommandOptionType,
  PermissionFlagsBits,
  type ModalSubmitInteraction,
  type AutocompleteInteraction,
  type CommandInteractionOption,
  type GuildMember,
  type Interaction,
  type APIInteractionGuildMember,
} from 'discord.js';
import type { Logger } from 'pino';
import { localeOf } from '../commands/i18n.js';
import { LIMITS, truncate } from '../commands/limits.js';
import { COMMAND_FAILED } from '../commands/messages.js';
import type { CommandRouter } from '../commands/router.js';
import type { ChannelMessenger, Invoker, OptionValue } from '../commands/types.js';
import type { Services } from '../services.js';
import { InteractionResponder, type RepliableInteraction } from './responder.js';

export interface AdapterOptions {
  /** Defer a command that has not acknowledged by then (Discord allows 3 s). */
  autoDeferMs: number;
  /** Channel messages with the bot's token. */
  channel: ChannelMessenger;
}

function roleIds(member: GuildMember | APIInteractionGuildMember | null): string[] {
  if (!member) return [];
  const roles = member.roles;
  if (Array.isArray(roles)) return roles;
  return [...roles.cache.keys()];
}

export function invokerOf(interaction: Interaction): Invoker {
  const u = interaction.user;
  const perms = interaction.memberPermissions;
  return {
    id: u.id,
    name: u.globalName ?? u.username,
    roleIds: roleIds(interaction.member),
    canManageMessages: perms?.has(PermissionFlagsBits.ManageMessages) ?? false,
    canManageGuild: perms?.has(PermissionFlagsBits.ManageGuild) ?? false,
  };
}

/** Options of a chat input command, flattened out of subcommand groups and subcommands. */
export function optionsOf(data: readonly CommandInteractionOption[]): {
  subcommand?: string;
  options: Record<string, OptionValue | undefined>;
} {
  let subcommand: string | undefined;
  const options: Record<string, OptionValue | undefined> = {};
  const walk = (list: readonly CommandInteractionOption[]) => {
    for (const o of list) {
      if (o.options && (o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup)) {
        if (o.type === ApplicationCommandOptionType.Subcommand) subcommand = o.name;
        walk(o.options);
      } else if (o.value !== undefined && o.value !== null) {
        options[o.name] = o.value;
      } else if (o.attachment || o.user || o.channel || o.role) {
        // Not used by the command layer yet: pass the id as a string.
        options[o.name] = String(o.attachment?.id ?? o.user?.id ?? o.channel?.id ?? o.role?.id);
      }
    }
  };
  walk(data);
  return { subcommand, options };
}

/** A submitted form's text fields by custom id. */
function modalFields(interaction: ModalSubmitInteraction): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, field] of interaction.fields.fields) if ('value' in field && typeof field.value === 'string') out[id] = field.value;
  return out;
}

export class InteractionAdapter {
  constructor(
    private router: CommandRouter,
    private services: Services,
    private logger: Logger,
    private options: AdapterOptions,
  ) {}

  /** Handles one interaction to the end (resolves, never rejects). */
  async handle(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isAutocomplete()) return await this.autocomplete(interaction);
      if (interaction.isChatInputCommand() || interaction.isButton() || interaction.isStringSelectMenu() || interaction.isModalSubmit())
        return await this.repliable(interaction);
      this.logger.debug({ type: interaction.type, id: interaction.id }, 'interaction type not handled');
    } catch (err) {
      this.logger.error({ err, interaction: interaction.id }, 'interaction handling failed');
    }
  }

  private async repliable(interaction: RepliableInteraction): Promise<void> {
    const started = Date.now();
    const log = this.logger.child({ interaction: interaction.id, user: interaction.user.id });
    const respond = new InteractionResponder(interaction, log);
    const locale = localeOf(interaction.locale);
    const timer = setTimeout(() => {
      respond.deferIfIdle().catch((err) => log.warn({ err }, 'safety-net defer failed'));
    }, this.options.autoDeferMs);
    timer.unref();
    const base = {
      user: invokerOf(interaction),
      guildId: interaction.guildId,
      channelId: interaction.channelId ?? '',
      locale,
      services: this.services,
      respond,
      channel: this.options.channel,
    };
    const what = interaction.isChatInputCommand() ? `/${interaction.commandName}` : interaction.customId;
    try {
      if (interaction.isChatInputCommand()) {
        const { subcommand, options } = optionsOf(interaction.options.data);
        await this.router.runSlash(interaction.commandName, { ...base, subcommand, options });
      } else {
        await this.router.runComponent({
          ...base,
          customId: interaction.customId,
          values: interaction.isStringSelectMenu() ? interaction.values : [],
          messageId: interaction.message?.id ?? '',
          fields: interaction.isModalSubmit() ? modalFields(interaction) : undefined,
        });
      }
      await respond.settled();
      if (!respond.acknowledged) {
        // The command returned without answering: Discord would show "interaction failed".
        log.warn({ what }, 'command finished without replying');
        await respond.reply({ content: COMMAND_FAILED[locale], ephemeral: true });
      }
    } catch (err) {
      // Errors outside the router's own handling (building the invocation, the router itself).
      log.error({ err, what }, 'adapter error');
      try {
        await respond.reply({ content: COMMAND_FAILED[locale], ephemeral: true, embeds: [], components: [] });
      } catch (replyErr) {
        log.warn({ err: replyErr }, 'could not tell the user about the failure');
      }
    } finally {
      clearTimeout(timer);
      log.debug({ what, ms: Date.now() - started, state: respond.state }, 'interaction done');
    }
  }

  private async autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    let choices: { name: string; value: string }[] = [];
    try {
      const focused = interaction.options.getFocused(true);
      choices = await this.router.runAutocomplete(interaction.commandName, {
        user: invokerOf(interaction),
        locale: localeOf(interaction.locale),
        services: this.services,
        subcommand: interaction.options.getSubcommand(false) ?? undefined,
        focused: { name: focused.name, value: String(focused.value ?? '') },
      });
    } catch (err) {
      this.logger.warn({ err, command: interaction.commandName }, 'autocomplete failed');
    }
    // A value past Discord's limit would have to be cut, and a cut value replaces what the user typed: drop it.
    const safe = choices
      .filter((c) => c.name && c.value && c.value.length <= LIMITS.choiceName)
      .slice(0, LIMITS.autocompleteChoices)
      .map((c) => ({ name: truncate(c.name, LIMITS.choiceName), value: c.value }));
    try {
      await interaction.respond(safe);
    } catch (err) {
      // Autocomplete has no error message to show; a late response (10062) is normal while typing fast.
      this.logger.debug({ err, command: interaction.commandName }, 'autocomplete response not delivered');
    }
  }
}
