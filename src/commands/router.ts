// Routes slash commands, components and autocomplete to command modules, applying the rules every
// front end shares: channel allowlist, per-user cooldown, and a short ephemeral error instead of silence.
import type { Services } from '../services.js';
import { MemoryCooldownStore, type CooldownStore } from '../stores/cooldowns.js';
import { CHANNEL_NOT_ALLOWED, COMMAND_FAILED, cooldownMessage } from './messages.js';
import type { AutocompleteInvocation, Command, ComponentInvocation, SlashInvocation } from './types.js';

export interface RouterOptions {
  cooldownSeconds: number;
  allowedChannelIds: string[];
  now?: () => number;
  /** Where cooldowns live; default this process's memory (src/stores/cooldowns.ts). */
  cooldowns?: CooldownStore;
}

export class CommandRouter {
  private byName = new Map<string, Command>();
  private cooldowns: CooldownStore;
  private now: () => number;

  constructor(
    readonly commands: Command[],
    private services: Services,
    private options: RouterOptions,
  ) {
    for (const c of commands) this.byName.set(c.data.name, c);
    this.now = options.now ?? Date.now;
    this.cooldowns = options.cooldowns ?? new MemoryCooldownStore();
  }

  get(name: string): Command | undefined {
    return this.byName.get(name);
  }

  /** Command definitions as Discord's REST API takes them. */
  definitions() {
    return this.commands.map((c) => c.data.toJSON());
  }

  private channelAllowed(channelId: string): boolean {
    const allowed = this.options.allowedChannelIds;
    return allowed.length === 0 || allowed.includes(channelId);
  }

  /** Seconds the user must still wait, or 0. Starts a new cooldown when 0. */
  private async cooldownLeft(userId: string): Promise<number> {
    const seconds = this.options.cooldownSeconds;
    if (seconds <= 0) return 0;
    return (await this.cooldowns.take(`cooldown:${userId}`, seconds * 1000, this.now())) / 1000;
  }

  private async fail(ctx: SlashInvocation | ComponentInvocation, what: string, err: unknown): Promise<void> {
    this.services.logger.error({ err, what, user: ctx.user.id, channel: ctx.channelId }, 'command failed');
    try {
      await ctx.respond.reply({ content: COMMAND_FAILED[ctx.locale], ephemeral: true, embeds: [], components: [] });
    } catch (replyErr) {
      this.services.logger.warn({ err: replyErr, what }, 'could not tell the user about the failure');
    }
  }

  async runSlash(name: string, ctx: SlashInvocation): Promise<void> {
    const command = this.byName.get(name);
    if (!command) {
      await ctx.respond.reply({
        content: ctx.locale === 'ko' ? `알 수 없는 명령: /${name}` : `Unknown command: /${name}`,
        ephemeral: true,
      });
      return;
    }
    if (!this.channelAllowed(ctx.channelId)) {
      await ctx.respond.reply({ content: CHANNEL_NOT_ALLOWED[ctx.locale], ephemeral: true });
      return;
    }
    const wait = await this.cooldownLeft(ctx.user.id);
    if (wait > 0) {
      await ctx.respond.reply({ content: cooldownMessage(wait)[ctx.locale], ephemeral: true });
      return;
    }
    try {
      await command.execute(ctx);
    } catch (err) {
      await this.fail(ctx, `/${name}`, err);
    }
  }

  async runComponent(ctx: ComponentInvocation): Promise<void> {
    const name = ctx.customId.split(':')[0];
    const command = this.byName.get(name);
    if (!command?.handleComponent) {
      await ctx.respond.reply({
        content: ctx.locale === 'ko' ? '더 이상 쓸 수 없는 버튼이에요.' : 'That control is no longer active.',
        ephemeral: true,
      });
      return;
    }
    if (!this.channelAllowed(ctx.channelId)) {
      await ctx.respond.reply({ content: CHANNEL_NOT_ALLOWED[ctx.locale], ephemeral: true });
      return;
    }
    const wait = command.componentCooldown?.(ctx.customId) ? await this.cooldownLeft(ctx.user.id) : 0;
    if (wait > 0) {
      await ctx.respond.reply({ content: cooldownMessage(wait)[ctx.locale], ephemeral: true });
      return;
    }
    try {
      await command.handleComponent(ctx);
    } catch (err) {
      await this.fail(ctx, ctx.customId, err);
    }
  }

  async runAutocomplete(name: string, ctx: AutocompleteInvocation): Promise<{ name: string; value: string }[]> {
    const command = this.byName.get(name);
    if (!command?.autocomplete) return [];
    try {
      return await command.autocomplete(ctx);
    } catch (err) {
      this.services.logger.warn({ err, command: name }, 'autocomplete failed');
      return [];
    }
  }
}
