// /quiz: a multiple-choice quiz from the knowledge base for the whole channel. `/quiz start [topic]
// [count]` asks questions with A-D buttons (anyone answers once; the starter may reveal early),
// `/quiz score` shows your score on this server and `/quiz leaderboard` the top 10.
import { SlashCommandBuilder } from 'discord.js';
import { GUILD_INSTALL, GUILD_ONLY } from './contexts.js';
import { LIMITS, truncate } from './limits.js';
import type { Command, ComponentInvocation, SlashInvocation } from './types.js';
import { MAX_COUNT, scopeOf } from '../quiz/service.js';
import { leaderboardMessage, scoreMessage } from '../quiz/render.js';

const UNAVAILABLE = { ko: '퀴즈 기능이 꺼져 있어요.', en: 'The quiz is not available on this bot.' };

const quiz: Command = {
  data: new SlashCommandBuilder()
    .setName('quiz')
    .setContexts(GUILD_ONLY)
    .setIntegrationTypes(GUILD_INSTALL)
    .setNameLocalizations({ ko: '퀴즈' })
    .setDescription('Quiz the study group on VMs and Docker')
    .setDescriptionLocalizations({ ko: 'VM·도커 퀴즈로 함께 복습하기' })
    .addSubcommand((s) =>
      s
        .setName('start')
        .setNameLocalizations({ ko: '시작' })
        .setDescription('Ask quiz questions in this channel; anyone may answer')
        .setDescriptionLocalizations({ ko: '이 채널에 퀴즈 내기 (누구나 답할 수 있어요)' })
        .addStringOption((o) =>
          o
            .setName('topic')
            .setNameLocalizations({ ko: '주제' })
            .setDescription('Only questions about this topic')
            .setDescriptionLocalizations({ ko: '이 주제의 문제만' })
            .setAutocomplete(true),
        )
        .addIntegerOption((o) =>
          o
            .setName('count')
            .setNameLocalizations({ ko: '문제수' })
            .setDescription(`Number of questions (1-${MAX_COUNT}, default 1)`)
            .setDescriptionLocalizations({ ko: `문제 수 (1~${MAX_COUNT}, 기본 1)` })
            .setMinValue(1)
            .setMaxValue(MAX_COUNT),
        ),
    )
    .addSubcommand((s) =>
      s.setName('score').setNameLocalizations({ ko: '점수' }).setDescription('Your quiz score on this server').setDescriptionLocalizations({ ko: '이 서버에서 내 퀴즈 점수' }),
    )
    .addSubcommand((s) =>
      s
        .setName('leaderboard')
        .setNameLocalizations({ ko: '순위' })
        .setDescription('Top 10 quiz players on this server')
        .setDescriptionLocalizations({ ko: '이 서버 퀴즈 상위 10명' }),
    ),

  async execute(ctx: SlashInvocation) {
    const service = ctx.services.quiz;
    if (!service) {
      await ctx.respond.reply({ content: UNAVAILABLE[ctx.locale], ephemeral: true });
      return;
    }
    const scope = scopeOf(ctx.guildId, ctx.channelId);
    if (ctx.subcommand === 'score') {
      await ctx.respond.reply(scoreMessage(service.store.score(scope, ctx.user.id), ctx.user.name, ctx.locale));
      return;
    }
    if (ctx.subcommand === 'leaderboard') {
      await ctx.respond.reply(leaderboardMessage(service.store.leaderboard(scope, 10), ctx.locale));
      return;
    }

    // start (also the default when a front end passes no subcommand)
    const typedTopic = typeof ctx.options.topic === 'string' ? ctx.options.topic.trim() : '';
    const topic = typedTopic ? service.resolveTopic(typedTopic) : undefined;
    if (typedTopic && !topic) {
      const list = service.topics().map((t) => `\`${t}\``).join(', ');
      await ctx.respond.reply({
        content: truncate(ctx.locale === 'ko' ? `그런 주제는 없어요. 고를 수 있는 주제: ${list}` : `No such topic. Topics: ${list}`, LIMITS.content),
        ephemeral: true,
      });
      return;
    }
    const count = typeof ctx.options.count === 'number' ? ctx.options.count : 1;
    await ctx.respond.defer();
    const started = await service.start({ channelId: ctx.channelId, guildId: ctx.guildId, starter: ctx.user, locale: ctx.locale, topic, count, respond: ctx.respond });
    if (!started) {
      await ctx.respond.reply({ content: ctx.locale === 'ko' ? '낼 문제가 없어요.' : 'There are no questions to ask.', ephemeral: true });
    }
  },

  async handleComponent(ctx: ComponentInvocation) {
    const service = ctx.services.quiz;
    const ko = ctx.locale === 'ko';
    if (!service) {
      await ctx.respond.reply({ content: UNAVAILABLE[ctx.locale], ephemeral: true });
      return;
    }
    const [, action, roundId = '', indexText = '', posText = ''] = ctx.customId.split(':');
    const index = Number(indexText);
    const closed = ko ? '이미 끝난 문제예요.' : 'That question is closed.';

    if (action === 'answer') {
      const outcome = await service.answer({ roundId, index, pos: Number(posText), user: ctx.user, guildId: ctx.guildId, channelId: ctx.channelId });
      if (outcome.kind === 'closed') {
        await ctx.respond.reply({ content: closed, ephemeral: true });
      } else if (outcome.kind === 'already') {
        await ctx.respond.reply({ content: ko ? `이미 ${outcome.letter}(으)로 답했어요. 답은 한 번만 낼 수 있어요.` : `You already answered ${outcome.letter}. One answer per person.`, ephemeral: true });
      } else if (outcome.revealNow) {
        // Only this person can answer here (DM, console): the reveal itself acknowledges the click.
        const edit = ctx.respond.update?.bind(ctx.respond);
        await service.revealAfterAnswer(roundId, index, edit);
      } else {
        await ctx.respond.reply({
          content: ko ? `${outcome.letter}(으)로 답했어요. 정답은 시간이 끝나면 공개돼요.` : `Your answer: ${outcome.letter}. The right answer is revealed when time is up.`,
          ephemeral: true,
        });
      }
      return;
    }

    if (action === 'reveal') {
      const edit = ctx.respond.update?.bind(ctx.respond);
      const outcome = await service.revealByStarter({ roundId, index, user: ctx.user, edit });
      if (outcome.kind === 'not-starter') {
        await ctx.respond.reply({ content: ko ? `정답은 퀴즈를 낸 ${outcome.starterName} 님만 일찍 공개할 수 있어요.` : `Only ${outcome.starterName}, who started the quiz, can reveal early.`, ephemeral: true });
      } else if (outcome.kind === 'closed') {
        await ctx.respond.reply({ content: closed, ephemeral: true });
      } else if (!edit) {
        await ctx.respond.reply({ content: ko ? '정답을 공개했어요.' : 'Revealed.', ephemeral: true });
      }
      return;
    }
    await ctx.respond.reply({ content: 'Unknown button.', ephemeral: true });
  },

  async autocomplete(ctx) {
    const service = ctx.services.quiz;
    if (!service) return [];
    const typed = ctx.focused.value.trim().toLowerCase();
    return service
      .topics()
      .map((id) => ({ name: truncate(service.topicTitle(id, ctx.locale), LIMITS.choiceName), value: id }))
      .filter((c) => !typed || c.value.includes(typed) || c.name.toLowerCase().includes(typed))
      .slice(0, LIMITS.autocompleteChoices);
  },
};

export default quiz;
