// The command layer's Responder over one discord.js interaction.
// All calls on one interaction run one after another (a small queue), so the adapter's safety-net
// defer and a command's own reply can never both acknowledge: whichever runs second sees the state.
import {
  ComponentType,
  DiscordAPIError,
  MessageFlags,
  RESTJSONErrorCodes,
  TextInputStyle,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Logger } from 'pino';
import { truncate } from '../commands/limits.js';
import type { BotMessage, BotModal, Responder } from '../commands/types.js';
import { toPayloads, type DiscordPayload } from './payload.js';

export type RepliableInteraction = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction;

/** A BotModal as Discord's modal JSON (one text input per row; Discord allows 5). */
export function modalJson(m: BotModal) {
  return {
    custom_id: m.id.slice(0, 100),
    title: truncate(m.title, 45),
    components: m.fields.slice(0, 5).map((f) => ({
      type: ComponentType.ActionRow as const,
      components: [
        {
          type: ComponentType.TextInput as const,
          custom_id: f.id,
          label: truncate(f.label, 45),
          style: f.paragraph ? TextInputStyle.Paragraph : TextInputStyle.Short,
          max_length: Math.min(4000, f.maxLength),
          required: f.required ?? false,
          ...(f.placeholder ? { placeholder: truncate(f.placeholder, 100) } : {}),
        },
      ],
    })),
  };
}

/**
 * none: nothing sent yet (3 s to acknowledge);
 * deferred: "thinking…" shown, @original to be filled by an edit;
 * deferredUpdate: a component press acknowledged without a new message (@original = the carrying message);
 * replied: @original has content;
 * dead: Discord no longer knows the interaction (10062, or the token expired) — nothing more can be sent.
 */
export type ResponderState = 'none' | 'deferred' | 'deferredUpdate' | 'replied' | 'dead';

/** Discord's answer when an interaction is acknowledged late (>3 s) or twice. */
export function isUnknownInteraction(err: unknown): boolean {
  return (
    err instanceof DiscordAPIError &&
    (err.code === RESTJSONErrorCodes.UnknownInteraction ||
      err.code === RESTJSONErrorCodes.UnknownWebhook ||
      err.code === RESTJSONErrorCodes.InvalidWebhookToken)
  );
}

export function isAlreadyAcknowledged(err: unknown): boolean {
  return err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged;
}

const flagsFor = (ephemeral: boolean | undefined) => (ephemeral ? MessageFlags.Ephemeral : undefined);

export class InteractionResponder implements Responder {
  state: ResponderState = 'none';
  /** Whether @original is ephemeral (fixed by the first acknowledgement). */
  private originalEphemeral = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private interaction: RepliableInteraction,
    private logger: Logger,
  ) {}

  get acknowledged(): boolean {
    return this.state !== 'none';
  }

  /** Runs `op` after every earlier call on this interaction; a 10062 marks the interaction dead instead of throwing. */
  private run<T>(what: string, op: () => Promise<T>): Promise<T | undefined> {
    const next = this.queue.then(async () => {
      if (this.state === 'dead') {
        this.logger.debug({ what, interaction: this.interaction.id }, 'interaction no longer exists; dropped');
        return undefined;
      }
      try {
        return await op();
      } catch (err) {
        if (isUnknownInteraction(err)) {
          this.state = 'dead';
          this.logger.warn(
            { what, interaction: this.interaction.id, code: (err as DiscordAPIError).code },
            'unknown interaction (acknowledged too late or expired); giving up on it',
          );
          return undefined;
        }
        if (isAlreadyAcknowledged(err)) {
          if (this.state === 'none') this.state = 'replied';
          this.logger.warn({ what, interaction: this.interaction.id }, 'interaction was already acknowledged');
          return undefined;
        }
        throw err;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  defer(options: { ephemeral?: boolean } = {}): Promise<void> {
    return this.run('defer', async () => {
      if (this.state !== 'none') return;
      await this.interaction.deferReply({ flags: flagsFor(options.ephemeral) });
      this.originalEphemeral = options.ephemeral ?? false;
      this.state = 'deferred';
    }).then(() => undefined);
  }

  /** Safety net for slow commands: defer a slash command (public), or a component press (no new message). */
  deferIfIdle(): Promise<void> {
    return this.run('auto-defer', async () => {
      if (this.state !== 'none') return;
      if (this.interaction.isChatInputCommand()) {
        await this.interaction.deferReply();
        this.state = 'deferred';
      } else {
        await this.interaction.deferUpdate();
        this.state = 'deferredUpdate';
      }
      this.logger.info({ interaction: this.interaction.id }, 'command was slow to answer; deferred it');
    }).then(() => undefined);
  }

  reply(msg: BotMessage): Promise<void> {
    return this.run('reply', async () => {
      const progress = msg.progress === true;
      if (this.state === 'none') {
        const [first, ...rest] = toPayloads(msg, { split: !progress });
        await this.interaction.reply({ ...first, flags: flagsFor(msg.ephemeral) });
        this.originalEphemeral = msg.ephemeral ?? false;
        this.state = 'replied';
        await this.sendFollowUps(rest, msg.ephemeral);
        return;
      }
      if (this.state === 'deferredUpdate') {
        // A component press acknowledged without a message: a "reply" is a new message.
        await this.sendFollowUps(toPayloads(msg, { split: !progress }), msg.ephemeral);
        return;
      }
      if (msg.ephemeral && !this.originalEphemeral) {
        // The public @original cannot become ephemeral: say it privately, and remove a still-empty "thinking…".
        await this.sendFollowUps(toPayloads(msg, { split: true }), true);
        if (this.state === 'deferred')
          await this.interaction.deleteReply().catch((err) => this.logger.debug({ err }, 'could not delete the deferred reply'));
        this.state = 'replied';
        return;
      }
      const [first, ...rest] = toPayloads(msg, { split: !progress, edit: true });
      await this.interaction.editReply(first);
      this.state = 'replied';
      if (!progress) await this.sendFollowUps(rest, this.originalEphemeral);
    }).then(() => undefined);
  }

  followUp(msg: BotMessage): Promise<void> {
    if (this.state === 'none') return this.reply(msg);
    return this.run('followUp', () => this.sendFollowUps(toPayloads(msg, { split: true }), msg.ephemeral)).then(() => undefined);
  }

  update(msg: BotMessage): Promise<void> {
    const i = this.interaction;
    // A command or a form has no message of its own to update: its reply is the message.
    if (i.isChatInputCommand() || i.isModalSubmit()) return this.reply(msg);
    return this.run('update', async () => {
      const [first, ...rest] = toPayloads(msg, { split: msg.progress !== true, edit: true });
      if (this.state === 'none') {
        await i.update(first);
        this.state = 'deferredUpdate';
      } else if (this.state === 'deferredUpdate') {
        await i.editReply(first);
      } else {
        // @original is our own reply now, not the carrying message: edit the carrying message by id.
        await i.webhook.editMessage(i.message.id, first);
      }
      await this.sendFollowUps(rest, msg.ephemeral);
    }).then(() => undefined);
  }

  showModal(modal: BotModal): Promise<void> {
    const i = this.interaction;
    return this.run('modal', async () => {
      if (this.state !== 'none' || i.isModalSubmit()) throw new Error('a form can only answer an unanswered button press or command');
      await i.showModal(modalJson(modal));
      this.state = 'replied';
    }).then(() => undefined);
  }

  private async sendFollowUps(payloads: DiscordPayload[], ephemeral: boolean | undefined): Promise<void> {
    for (const p of payloads) await this.interaction.followUp({ ...p, flags: flagsFor(ephemeral) });
  }

  /** Resolves when every call made so far has finished. */
  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }
}
