// /topics: browse the knowledge base by topic; a select menu shows one topic's sections.
import { SlashCommandBuilder } from 'discord.js';
import { GUILD_INSTALL, GUILD_OR_BOT_DM } from './contexts.js';
import { LIMITS, truncate } from './limits.js';
import { COLORS } from './render.js';
import type { BotMessage, Command, Locale } from './types.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';

function overview(kb: KnowledgeBase, locale: Locale): BotMessage {
  const topics = kb.topics();
  const lines = topics.map((t) => `• **${kb.topicTitle(t, locale)}**`);
  return {
    embeds: [
      {
        title: locale === 'ko' ? '지식 베이스 주제' : 'Knowledge base topics',
        description: truncate(lines.join('\n') || '—', LIMITS.embedDescription),
        color: COLORS.info,
        footer: locale === 'ko' ? '아래 메뉴에서 주제를 고르면 소단원이 보여요.' : 'Pick a topic below to see its sections.',
      },
    ],
    components: topics.length
      ? [
          [
            {
              kind: 'select',
              id: 'topics:show',
              placeholder: locale === 'ko' ? '주제 선택' : 'Choose a topic',
              options: topics.slice(0, LIMITS.selectOptions).map((t) => ({
                label: truncate(kb.topicTitle(t, locale), LIMITS.selectLabel),
                value: t.id,
              })),
            },
          ],
        ]
      : [],
  };
}

export function topicDetail(kb: KnowledgeBase, topicId: string, locale: Locale): BotMessage | undefined {
  const topic = kb.topics().find((t) => t.id === topicId);
  if (!topic) return undefined;
  const headings = [...new Set(kb.topicChunks(topicId, locale).map((c) => c.heading))];
  return {
    embeds: [
      {
        title: truncate(kb.topicTitle(topic, locale), LIMITS.embedTitle),
        description: truncate(headings.map((h) => `• ${h}`).join('\n') || '—', LIMITS.embedDescription),
        color: COLORS.info,
        footer: locale === 'ko' ? '/ask 로 이 주제에 대해 질문해 보세요.' : 'Ask about any of these with /ask.',
      },
    ],
    ephemeral: true,
  };
}

const topics: Command = {
  data: new SlashCommandBuilder()
    .setName('topics')
    .setContexts(GUILD_OR_BOT_DM)
    .setIntegrationTypes(GUILD_INSTALL)
    .setNameLocalizations({ ko: '주제' })
    .setDescription('Browse the knowledge base by topic')
    .setDescriptionLocalizations({ ko: '지식 베이스를 주제별로 둘러보기' }),

  async execute(ctx) {
    await ctx.respond.reply(overview(ctx.services.kb, ctx.locale));
  },

  async handleComponent(ctx) {
    const detail = topicDetail(ctx.services.kb, ctx.values[0] ?? '', ctx.locale);
    await ctx.respond.reply(
      detail ?? { content: ctx.locale === 'ko' ? '그 주제를 찾을 수 없어요.' : 'That topic no longer exists.', ephemeral: true },
    );
  },
};

export default topics;
