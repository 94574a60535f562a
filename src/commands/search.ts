// /search: the best passages for a query, with their headings, no answer written.
import { SlashCommandBuilder } from 'discord.js';
import { USER_BOUNDS } from '../config.js';
import { GUILD_INSTALL, GUILD_OR_BOT_DM } from './contexts.js';

const PASSAGES = USER_BOUNDS.passages;
import { topicSuggestions } from './autocomplete.js';
import { NOT_FOUND_SEARCH } from './messages.js';
import { chunkToItem, passageEmbeds } from './render.js';
import type { Command } from './types.js';

const search: Command = {
  data: new SlashCommandBuilder()
    .setName('search')
    .setContexts(GUILD_OR_BOT_DM)
    .setIntegrationTypes(GUILD_INSTALL)
    .setNameLocalizations({ ko: '검색' })
    .setDescription('Search the knowledge base and show the matching passages')
    .setDescriptionLocalizations({ ko: '지식 베이스를 검색해 관련 단락 보기' })
    .addStringOption((o) =>
      o
        .setName('query')
        .setNameLocalizations({ ko: '검색어' })
        .setDescription('Words to look for')
        .setDescriptionLocalizations({ ko: '찾을 단어' })
        .setRequired(true)
        .setMaxLength(200)
        .setAutocomplete(true),
    )
    .addIntegerOption((o) =>
      o
        .setName('count')
        .setNameLocalizations({ ko: '개수' })
        .setDescription(`How many passages (${PASSAGES.min}-${PASSAGES.max})`)
        .setDescriptionLocalizations({ ko: `보여줄 단락 수 (${PASSAGES.min}-${PASSAGES.max})` })
        .setMinValue(PASSAGES.min)
        .setMaxValue(PASSAGES.max),
    ),

  async execute(ctx) {
    const query = String(ctx.options.query ?? '').trim();
    const count = typeof ctx.options.count === 'number' ? ctx.options.count : 5;
    const { retrieval } = ctx.services.config;
    const result = ctx.services.kb.search(query, { topK: count, minScore: retrieval.abstainMinScore, lang: ctx.locale });
    if (result.abstain || !result.hits.length) {
      await ctx.respond.reply({ content: NOT_FOUND_SEARCH[ctx.locale], ephemeral: true });
      return;
    }
    const embeds = passageEmbeds(result.hits.map((h, i) => chunkToItem(h.chunk, i + 1, h.score)));
    const header = ctx.locale === 'ko' ? `**${query}** 검색 결과 ${embeds.length}건` : `${embeds.length} passage(s) for **${query}**`;
    await ctx.respond.reply({ content: header, embeds });
  },

  autocomplete(ctx) {
    return topicSuggestions(ctx.services.kb, ctx.focused.value, ctx.locale);
  },
};

export default search;
