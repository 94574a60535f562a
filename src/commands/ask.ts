// /ask: answer a question from the knowledge base, with numbered sources, a "sources" button and 👍/👎.
import { SlashCommandBuilder } from 'discord.js';
import { GUILD_INSTALL, GUILD_OR_BOT_DM } from './contexts.js';
import type { Answer } from '../answer/types.js';
import { topicSuggestions } from './autocomplete.js';
import { answerEmbed, passageEmbeds } from './render.js';
import { REASON_MAX } from '../db/feedback.js';
import { questionLang } from '../knowledge/tokenize.js';
import { runDemo } from './sandbox.js';
import { demoFor, tryItLabel, type Demo } from './try-it.js';
import type { BotComponent, BotModal, Command, ComponentInvocation, SlashInvocation } from './types.js';

export const QUESTION_MAX = 500;
/** Streaming edits at most this often (Discord rate-limits message edits). */
export const STREAM_EDIT_INTERVAL_MS = 1000;

function buttons(answerId: string, locale: 'ko' | 'en', demo: Demo | undefined): BotComponent[][] {
  const row: BotComponent[] = [
    { kind: 'button', id: `ask:sources:${answerId}`, label: locale === 'ko' ? '출처 보기' : 'Sources', emoji: '📚', style: 'secondary' },
    { kind: 'button', id: `ask:up:${answerId}`, label: locale === 'ko' ? '도움됐어요' : 'Helpful', emoji: '👍', style: 'secondary' },
    { kind: 'button', id: `ask:down:${answerId}`, label: locale === 'ko' ? '아쉬워요' : 'Not helpful', emoji: '👎', style: 'secondary' },
  ];
  if (demo) row.push({ kind: 'button', id: `ask:try:${answerId}`, label: tryItLabel(demo, locale), emoji: '▶️', style: 'primary' });
  return [row];
}

/** The "▶ Try it" demo of an answer, when /sandbox is on here. */
function demoHere(services: SlashInvocation['services'], answer: Answer): Demo | undefined {
  return services.sandbox?.enabled ? demoFor(answer) : undefined;
}

/**
 * "▶ Try it" is /sandbox by another door: the same gate (Discord shows /sandbox only to members with Manage
 * Messages unless an admin opens it up; a button cannot see such an override, so the bot asks for Manage Messages
 * or a SANDBOX_ROLE_IDS role), then the same service (roles, channels, limits, queue) and the router's cooldown.
 */
async function tryIt(ctx: ComponentInvocation, answer: Answer): Promise<void> {
  const ko = ctx.locale === 'ko';
  const svc = ctx.services.sandbox;
  const demo = demoFor(answer);
  if (!svc?.enabled || !demo) {
    await ctx.respond.reply({
      content: ko ? '이 답변에는 지금 돌려 볼 수 있는 예제가 없어요.' : 'There is no sandbox demo for this answer right now.',
      ephemeral: true,
    });
    return;
  }
  const roles = svc.config.roleIds;
  if (!ctx.user.canManageMessages && !(roles.length && ctx.user.roleIds.some((r) => roles.includes(r)))) {
    await ctx.respond.reply({
      content: ko
        ? '▶ 직접 해 보기는 /sandbox 와 같은 권한이 있어야 쓸 수 있어요 (메시지 관리 또는 샌드박스 역할).'
        : '▶ Try it needs the same permission as /sandbox (Manage Messages, or a sandbox role).',
      ephemeral: true,
    });
    return;
  }
  await runDemo(ctx, svc, demo);
}

const REASON_FIELD = 'reason';

/** The form a 👎 opens: what was wrong, optional, up to REASON_MAX characters. */
function reasonForm(answerId: string, locale: 'ko' | 'en'): BotModal {
  const ko = locale === 'ko';
  return {
    id: `ask:reason:${answerId}`,
    title: ko ? '어떤 점이 아쉬웠나요?' : 'What was wrong with the answer?',
    fields: [
      {
        id: REASON_FIELD,
        label: ko ? '이유 (선택)' : 'Reason (optional)',
        placeholder: ko ? '예: 틀린 내용, 엉뚱한 출처, 너무 길어요' : 'e.g. wrong facts, unrelated source, too long',
        maxLength: REASON_MAX,
        paragraph: true,
      },
    ],
  };
}

/** What a 👍/👎 press says back: a repeated press of the same button is not a change. */
function voteReply(result: 'recorded' | 'changed' | 'unchanged' | 'unknown-answer', action: 'up' | 'down', locale: 'ko' | 'en'): string {
  const ko = locale === 'ko';
  if (result === 'changed') return ko ? '평가를 바꿨어요. 고마워요!' : 'Vote changed. Thanks!';
  if (result === 'unchanged') {
    const emoji = action === 'up' ? '👍' : '👎';
    return ko ? `이미 이 답변에 ${emoji}를 남겼어요.` : `You already gave this answer a ${emoji}.`;
  }
  return ko ? '평가 고마워요! 지식 베이스를 고치는 데 쓰여요.' : 'Thanks for the feedback! It helps fix the knowledge base.';
}

const ask: Command = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setContexts(GUILD_OR_BOT_DM)
    .setIntegrationTypes(GUILD_INSTALL)
    .setNameLocalizations({ ko: '질문' })
    .setDescription('Ask a question about VMs and Docker')
    .setDescriptionLocalizations({ ko: 'VM과 도커에 대해 질문하기' })
    .addStringOption((o) =>
      o
        .setName('question')
        .setNameLocalizations({ ko: '질문' })
        .setDescription('Your question, in Korean or English')
        .setDescriptionLocalizations({ ko: '질문 내용 (한국어 또는 영어)' })
        .setRequired(true)
        .setMaxLength(QUESTION_MAX)
        .setAutocomplete(true),
    )
    .addBooleanOption((o) =>
      o
        .setName('hide')
        .setNameLocalizations({ ko: '나만보기' })
        .setDescription('Only you see the answer')
        .setDescriptionLocalizations({ ko: '나에게만 답변 보이기' }),
    ),

  async execute(ctx: SlashInvocation) {
    const question = String(ctx.options.question ?? '').trim();
    const ephemeral = ctx.options.hide === true;
    if (!question) {
      await ctx.respond.reply({ content: ctx.locale === 'ko' ? '질문을 입력해 주세요.' : 'Please type a question.', ephemeral: true });
      return;
    }
    await ctx.respond.defer({ ephemeral });

    // One language per reply: labels, buttons and footers follow the question's language (what the answer is
    // written in), whatever the asker's Discord locale.
    const lang = questionLang(question, ctx.locale);
    let lastEdit = 0;
    let pending: Promise<void> = Promise.resolve();
    const onPartial = (textSoFar: string, model: string) => {
      const now = Date.now();
      if (now - lastEdit < STREAM_EDIT_INTERVAL_MS) return;
      lastEdit = now;
      const partial: Answer = { question, lang, answer: textSoFar, abstained: false, sources: [], mode: 'generated', model };
      pending = pending
        .then(() => ctx.respond.reply({ embeds: [answerEmbed(partial, lang, 'streaming')], progress: true }))
        .catch(() => {});
    };

    const answer = await ctx.services.answerer.answer(question, { onPartial, langHint: ctx.locale });
    await pending;
    const answerId = ctx.services.feedback.saveAnswer(answer, ctx.user.id, ctx.guildId);
    ctx.services.logger.info(
      { answerId, user: ctx.user.id, abstained: answer.abstained, mode: answer.mode, usage: answer.usage },
      'answered',
    );
    await ctx.respond.reply({
      embeds: [answerEmbed(answer, answer.lang)],
      components: answer.abstained ? [] : buttons(answerId, answer.lang, demoHere(ctx.services, answer)),
    });
  },

  async handleComponent(ctx: ComponentInvocation) {
    const [, action, answerId] = ctx.customId.split(':');
    const row = answerId ? ctx.services.feedback.getAnswer(answerId) : undefined;
    if (!row) {
      await ctx.respond.reply({
        content: ctx.locale === 'ko' ? '이 답변을 더 이상 찾을 수 없어요.' : 'That answer is no longer available.',
        ephemeral: true,
      });
      return;
    }
    if (action === 'sources') {
      const embeds = passageEmbeds(row.answer.sources);
      await ctx.respond.reply({
        embeds,
        ephemeral: true,
        content: embeds.length ? undefined : ctx.locale === 'ko' ? '출처가 없습니다.' : 'No sources.',
      });
      return;
    }
    if (action === 'try') {
      await tryIt(ctx, row.answer);
      return;
    }
    if (action === 'down' && ctx.respond.showModal) {
      // The 👎 is recorded at once; the form asks (optionally) what was wrong.
      ctx.services.feedback.vote(answerId, ctx.user.id, -1);
      await ctx.respond.showModal(reasonForm(answerId, ctx.locale));
      return;
    }
    if (action === 'reason') {
      const saved = ctx.services.feedback.setReason(answerId, ctx.user.id, ctx.fields?.[REASON_FIELD] ?? '');
      const ko = ctx.locale === 'ko';
      const content = saved
        ? ko
          ? '알려 줘서 고마워요! 지식 베이스를 고치는 데 쓰여요.'
          : 'Thanks for telling us! It helps fix the knowledge base.'
        : ko
          ? '이 답변에 남긴 👎가 없어요.'
          : 'There is no 👎 of yours on that answer.';
      await ctx.respond.reply({ content, ephemeral: true });
      return;
    }
    if (action === 'up' || action === 'down') {
      const result = ctx.services.feedback.vote(answerId, ctx.user.id, action === 'up' ? 1 : -1);
      await ctx.respond.reply({ content: voteReply(result, action, ctx.locale), ephemeral: true });
      return;
    }
    await ctx.respond.reply({ content: 'Unknown button.', ephemeral: true });
  },

  /** "▶ Try it" starts a sandbox run: it shares the commands' per-user cooldown. */
  componentCooldown: (customId) => customId.startsWith('ask:try:'),

  autocomplete(ctx) {
    return topicSuggestions(ctx.services.kb, ctx.focused.value, ctx.locale);
  },
};

export default ask;
