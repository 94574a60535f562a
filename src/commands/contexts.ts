// Where each command may be used (Discord's `contexts` and `integration_types`), decided per command.
// The bot is installed to servers only (its answers, quiz and sandbox belong to a study group), so every
// command is a guild install. Read-only commands (/ask, /search, /topics, /help) also work in a DM with the
// bot; /quiz and /sandbox post to a channel the whole group sees and are guild-only.
import { ApplicationIntegrationType, InteractionContextType } from 'discord.js';

export const GUILD_INSTALL = [ApplicationIntegrationType.GuildInstall];
export const GUILD_ONLY = [InteractionContextType.Guild];
export const GUILD_OR_BOT_DM = [InteractionContextType.Guild, InteractionContextType.BotDM];
