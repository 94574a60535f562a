// /quiz: a multiple-choice quiz from the knowledge base for the whole channel. `/quiz start [topic]
// [count]` asks questions with A-D buttons (anyone answers once; the starter may reveal early), one round
// per channel; `/quiz stop` ends it (its starter or a member with Manage Messages); `/quiz score` shows your
// score on this server, `/quiz leaderboard` the top 10, `/quiz forget` deletes your answers (a member with
// Manage Server may name another member).
import { SlashCommandBuilder } from 'discord.js';
import { GUILD_INSTALL, GUILD_ONLY } from './contexts.js';
import { LIMITS, truncate } from './limits.js';
import type { Command, ComponentInvocation, SlashInvocation } from './types.js';
import { USER_BOUNDS } from '../config.js';
import { MAX_COUNT, scopeOf, type QuizService } from '../quiz/service.js';
import type { QuizEvents, Reveal } from '../quiz/types.js';
import { channelPresenter } from './quiz-presenter.js';
import { leaderboardMessage, revealMessage, scoreMessage } from './quiz-render.js';

const UNAVAILABLE = { ko: '퀴즈 기능이 꺼져 있어요.', en: 'The quiz is not available on this bot.' };

/** Shows a reveal on the message whose button was pressed (the press's own, fresh interaction token). */
function showOn(ctx: ComponentInvocation): ((r: Reveal) => Promise<void>) | undefined {
  const update = ctx.respond.update?.bind(ctx.respond);
  return update && ((r: Reveal) => update(revealMessage(r)));
}

function busyText(starterName: string, locale: 'ko' | 'en'): string {
  return locale === 'ko'
    ? `이 채널에서는 ${starterName} 님의 퀴즈가 진행 중이에요. 끝난 뒤에 시작하거나, ${starterName} 님 또는 메시지 관리 권한이 있는 멤버가 /quiz stop 으로 멈출 수 있어요.`
    : `A quiz started by ${starterName} is running in this channel. Start yours when it ends, or ${starterName} (or a member with Manage Messages) can end it with /quiz stop.`;
}

/** /quiz start: one round per channel; the reply announces the round, the questions follow as channel messages. */
async function start(ctx: SlashInvocation, service: QuizService): Promise<void> {
  if (!ctx.channel) {
    await ctx.respond.reply({ content: UNAVAILABLE[ctx.locale], ephemeral: true });
    return;
  }
  const running = service.runningIn(ctx.channelId);
  if (running) {
    await ctx.respond.reply({ content: busyText(running.starter.name, ctx.locale), ephemeral: true });
    return;
  }
  const typedTopic = typeof ctx.options.topic === 'string' ? ctx.options.topic.trim() : '';
  const topic = typedTopic ? service.resolveTopic(typedTopic) : undefined;
  if (typedTopic && !topic) {
    const list = service
      .topics()
      .map((t) => `\`${t}\``)
      .join(', ');
    await ctx.respond.reply({
      content: truncate(
        ctx.locale === 'ko' ? `그런 주제는 없어요. 고를 수 있는 주제: ${list}` : `No such topic. Topics: ${list}`,
        LIMITS.content,
      ),
      ephemeral: true,
    });
    return;
  }
  const count = typeof ctx.options.count === 'number' ? ctx.options.count : 1;
  await ctx.respond.defer();
  const ko = ctx.locale === 'ko';
  const what = topic ? service.topicTitle(topic, ctx.locale) : ko ? '모든 주제' : 'all topics';
  const presenter = channelPresenter(ctx.channel);
  let announced = false;
  // The reply announces the round just before its first question is posted, so it reads first everywhere.
  const events: QuizEvents = {
    ...presenter,
    async asked(q) {
      if (!announced) {
        announced = true;
        await ctx.respond.reply({ content: roundAnnouncement(ctx.user.name, q.shown.total, what, ctx.locale) });
      }
      return presenter.asked(q);
    },
  };
  const outcome = await service.start({
    channelId: ctx.channelId,
    guildId: ctx.guildId,
    starter: ctx.user,
    locale: ctx.locale,
    topic,
    count,
    events,
  });
  if (outcome.kind === 'busy') await ctx.respond.reply({ content: busyText(outcome.starter.name, ctx.locale), ephemeral: true });
  else if (outcome.kind === 'empty' && !announced)
    await ctx.respond.reply({ content: ko ? '낼 문제가 없어요.' : 'There are no questions to ask.', ephemeral: true });
  else if (outcome.kind === 'unshown') await ctx.respond.reply({ content: CANNOT_POST[ctx.locale] });
}

/** The announcement becomes this when the first question could not be posted to the channel. */
const CANNOT_POST = {
  ko: '이 채널에 퀴즈 문제를 올리지 못해서 퀴즈를 시작하지 않았어요. 관리자는 봇에게 이 채널의 채널 보기·메시지 보내기·링크 첨부 권한이 있는지 확인해 주세요.',
  en: 'The quiz did not start: the question could not be posted in this channel. An admin can check that the bot may View Channel, Send Messages and Embed Links here.',
};

function roundAnnouncement(starterName: string, total: number, what: string, locale: 'ko' | 'en'): string {
  return locale === 'ko'
    ? `🧠 ${starterName} 님이 퀴즈를 시작했어요: ${total}문제 · ${what}. 멈추기: /quiz stop`
    : `🧠 ${starterName} started a quiz: ${total} question${total === 1 ? '' : 's'} · ${what}. To end it: /quiz stop`;
}

async function stop(ctx: SlashInvocation, service: QuizService): Promise<void> {
  const ko = ctx.locale === 'ko';
  const outcome = await service.stop(ctx.channelId, { ...ctx.user, canManageMessages: ctx.user.canManageMessages === true });
  const content =
    outcome.kind === 'stopped'
      ? ko
        ? '퀴즈를 멈췄어요.'
        : 'The quiz is over.'
      : outcome.kind === 'none'
        ? ko
          ? '이 채널에서 진행 중인 퀴즈가 없어요.'
          : 'No quiz is running in this channel.'
        : ko
          ? `퀴즈는 시작한 ${outcome.starter.name} 님이나 메시지 관리 권한이 있는 멤버만 멈출 수 있어요.`
          : `Only ${outcome.starter.name}, who started it, or a member with Manage Messages can end this quiz.`;
  await ctx.respond.reply({ content, ephemeral: true });
}

/** /quiz forget [member]: deletes a member's quiz answers on this server (another member: Manage Server). */
async function forget(ctx: SlashInvocation, service: QuizService, scope: string): Promise<void> {
  const ko = ctx.locale === 'ko';
  const other = typeof ctx.options.member === 'string' && ctx.options.member !== ctx.user.id ? ctx.options.member : undefined;
  if (other && !ctx.user.canManageGuild) {
    await ctx.respond.reply({
      content: ko ? '다른 멤버의 기록은 서버 관리 권한이 있어야 지울 수 있어요.' : "Deleting another member's answers needs Manage Server.",
      ephemeral: true,
    });
    return;
  }
  const removed = service.store.forget(scope, other ?? ctx.user.id);
  ctx.services.logger.info({ by: ctx.user.id, forgotten: other ?? ctx.user.id, removed }, 'quiz answers forgotten');
  await ctx.respond.reply({
    content: ko
      ? `퀴즈 답 ${removed}개를 지웠어요. 점수와 순위에서도 빠졌어요.`
      : `Deleted ${removed} quiz answer${removed === 1 ? '' : 's'}; the score and leaderboard no longer include them.`,
    ephemeral: true,
  });
}

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
            .setMinValue(USER_BOUNDS.quizQuestions.min)
            .setMaxValue(MAX_COUNT),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('stop')
        .setNameLocalizations({ ko: '멈춤' })
        .setDescription('End the quiz running in this channel (its starter, or Manage Messages)')
        .setDescriptionLocalizations({ ko: '이 채널의 퀴즈 끝내기 (시작한 사람 또는 메시지 관리 권한)' }),
    )
    .addSubcommand((s) =>
      s
        .setName('forget')
        .setNameLocalizations({ ko: '기록삭제' })
        .setDescription('Delete your quiz answers and score on this server')
        .setDescriptionLocalizations({ ko: '이 서버의 내 퀴즈 기록과 점수 삭제' })
        .addUserOption((o) =>
          o
            .setName('member')
            .setNameLocalizations({ ko: '멤버' })
            .setDescription('Another member (needs Manage Server)')
            .setDescriptionLocalizations({ ko: '다른 멤버 (서버 관리 권한 필요)' }),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('score')
        .setNameLocalizations({ ko: '점수' })
        .setDescription('Your quiz score on this server')
        .setDescriptionLocalizations({ ko: '이 서버에서 내 퀴즈 점수' }),
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
    } else if (ctx.subcommand === 'leaderboard') {
      await ctx.respond.reply(leaderboardMessage(service.store.leaderboard(scope, 10), ctx.locale));
    } else if (ctx.subcommand === 'stop') {
      await stop(ctx, service);
    } else if (ctx.subcommand === 'forget') {
      await forget(ctx, service, scope);
    } else {
      await start(ctx, service); // also the default when a front end passes no subcommand
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
      const outcome = await service.answer({
        roundId,
        index,
        pos: Number(posText),
        user: ctx.user,
        guildId: ctx.guildId,
        channelId: ctx.channelId,
      });
      if (outcome.kind === 'closed') {
        await ctx.respond.reply({ content: closed, ephemeral: true });
      } else if (outcome.kind === 'already') {
        await ctx.respond.reply({
          content: ko
            ? `이미 ${outcome.letter}(으)로 답했어요. 답은 한 번만 낼 수 있어요.`
            : `You already answered ${outcome.letter}. One answer per person.`,
          ephemeral: true,
        });
      } else if (outcome.revealNow) {
        // Only this person can answer here (DM, console): the reveal itself acknowledges the click.
        await service.revealAfterAnswer(roundId, index, showOn(ctx));
      } else {
        await ctx.respond.reply({
          content: ko
            ? `${outcome.letter}(으)로 답했어요. 정답은 시간이 끝나면 공개돼요.`
            : `Your answer: ${outcome.letter}. The right answer is revealed when time is up.`,
          ephemeral: true,
        });
      }
      return;
    }

    if (action === 'reveal') {
      const show = showOn(ctx);
      const outcome = await service.revealByStarter({ roundId, index, user: ctx.user, show });
      if (outcome.kind === 'not-starter') {
        await ctx.respond.reply({
          content: ko
            ? `정답은 퀴즈를 낸 ${outcome.starterName} 님만 일찍 공개할 수 있어요.`
            : `Only ${outcome.starterName}, who started the quiz, can reveal early.`,
          ephemeral: true,
        });
      } else if (outcome.kind === 'closed') {
        await ctx.respond.reply({ content: closed, ephemeral: true });
      } else if (!show) {
        await ctx.respond.reply({ content: ko ? '정답을 공개했어요.' : 'Revealed.', ephemeral: true });
      }
      return;
    }
    await ctx.respond.reply({ content: 'Unknown button.', ephemeral: true });
  },

  autocomplete(ctx) {
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
