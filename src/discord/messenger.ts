// Channel messages with the bot's token (POST/PATCH /channels/{id}/messages): what outlives an interaction's
// 15-minute token. The invite's Send Messages permission covers it.
import { Routes, type Client } from 'discord.js';
import type { ChannelMessenger, BotMessage } from '../commands/types.js';
import { toPayloads, type DiscordPayload } from './payload.js';

/** A discord.js payload as the REST API's JSON body (embeds and components are already API JSON). */
function restBody(p: DiscordPayload) {
  return { content: p.content, embeds: p.embeds, components: p.components, allowed_mentions: { parse: [] } };
}

const restFiles = (msg: BotMessage) => msg.files?.map((f) => ({ name: f.name, data: f.data }));

export function restMessenger(client: Client): ChannelMessenger {
  return {
    async send(channelId, msg) {
      const [first, ...rest] = toPayloads(msg, { split: true });
      const created = (await client.rest.post(Routes.channelMessages(channelId), { body: restBody(first), files: restFiles(msg) })) as {
        id: string;
      };
      for (const p of rest) await client.rest.post(Routes.channelMessages(channelId), { body: restBody(p) });
      return created.id;
    },
    async edit(channelId, messageId, msg) {
      const [first] = toPayloads(msg, { split: false, edit: true });
      await client.rest.patch(Routes.channelMessage(channelId, messageId), { body: restBody(first), files: restFiles(msg) });
    },
  };
}
