// Quiz messages as plain BotMessage data: the open question with A-D buttons, the reveal (right answer,
// explanation, source, who was right, buttons disabled), scores and the leaderboard.
import { LETTERS } from '../quiz/bank.js';
import type { ScoreRow, UserScore } from '../quiz/store.js';
import type { AnswerRecord, AskedQuestion, Reveal, ShownQuestion, StaleQuestion } from '../quiz/types.js';
import { LIMITS, truncate } from './limits.js';
import { COLORS } from './render.js';
import type { BotButton, BotComponent, BotEmbed, BotMessage, Locale } from './types.js';

export const QUIZ_COLORS = { open: COLORS.quiz, revealed: COLORS.answer, info: COLORS.info, ended: COLORS.streaming } as const;

export const answerId = (roundId: string, index: number, pos: number) => `quiz:answer:${roundId}:${index}:${pos}`;
export const revealId = (roundId: string, index: number) => `quiz:reveal:${roundId}:${index}`;

const optionLines = (s: ShownQuestion, mark = false) =>
  s.order
    .map((bankIndex, pos) => {
      const text = truncate(s.question.options[bankIndex], 300);
      return mark && pos === s.correct ? `✅ **${LETTERS[pos]}.** **${text}**` : `**${LETTERS[pos]}.** ${text}`;
    })
    .join('\n');

function header(s: ShownQuestion, locale: Locale): string {
  const n = s.total > 1 ? ` ${s.index + 1}/${s.total}` : '';
  const tag = s.question.generated ? (locale === 'ko' ? ' · 새로 만든 문제' : ' · generated') : '';
  return truncate(`${locale === 'ko' ? '퀴즈' : 'Quiz'}${n} · ${s.topicTitle}${tag}`, LIMITS.embedTitle);
}

/** A-D (and, while open, the starter's reveal button); `markRight` colours the right answer once revealed. */
function buttons(s: ShownQuestion, locale: Locale, revealed: boolean, markRight = revealed): BotComponent[][] {
  const answers: BotButton[] = LETTERS.map((letter, pos) => ({
    kind: 'button',
    id: answerId(s.roundId, s.index, pos),
    // The label is the bare letter: the console presses it when a person types that letter.
    label: letter,
    style: revealed ? (markRight && pos === s.correct ? 'success' : 'secondary') : 'primary',
    disabled: revealed,
  }));
  if (revealed) return [answers];
  return [
    answers,
    [
      {
        kind: 'button',
        id: revealId(s.roundId, s.index),
        label: locale === 'ko' ? '정답 공개' : 'Reveal',
        emoji: '🔍',
        style: 'secondary',
      },
    ],
  ];
}

export function questionMessage(q: AskedQuestion): BotMessage {
  const { shown: s, locale } = q;
  const starterName = q.starter.name;
  const footer =
    locale === 'ko'
      ? `${s.answerSeconds}초 안에 A~D 중 하나를 고르세요 · 한 사람당 한 번 · ${starterName} 님이 '정답 공개'로 일찍 공개할 수 있어요`
      : `Pick A-D within ${s.answerSeconds}s · one answer per person · ${starterName} can reveal early`;
  return {
    embeds: [
      {
        title: header(s, locale),
        description: truncate(`${s.question.question}\n\n${optionLines(s)}`, LIMITS.embedDescription),
        color: QUIZ_COLORS.open,
        footer: truncate(footer, LIMITS.footer),
      },
    ],
    components: buttons(s, locale, false),
  };
}

function whoWasRight(answers: AnswerRecord[], locale: Locale): string {
  if (!answers.length) return locale === 'ko' ? '아무도 답하지 않았어요.' : 'Nobody answered.';
  const right = answers.filter((a) => a.correct).map((a) => a.name);
  const wrong = answers.filter((a) => !a.correct).map((a) => `${a.name} (${LETTERS[a.choice]})`);
  const lines = [
    right.length ? `✅ ${right.join(', ')}` : locale === 'ko' ? '✅ 정답자 없음' : '✅ nobody',
    wrong.length ? `❌ ${wrong.join(', ')}` : '',
    locale === 'ko' ? `${answers.length}명 중 ${right.length}명 정답` : `${right.length} of ${answers.length} right`,
  ].filter(Boolean);
  return truncate(lines.join('\n'), LIMITS.fieldValue);
}

function revealFooter(o: Reveal): string {
  const ko = o.locale === 'ko';
  const why =
    o.reason === 'stopped'
      ? ko
        ? `${o.stoppedBy ?? ''} 님이 퀴즈를 멈췄어요. `
        : `Stopped by ${o.stoppedBy ?? 'a moderator'}. `
      : o.reason === 'timeout'
        ? ko
          ? '시간 종료. '
          : "Time's up. "
        : '';
  const next =
    o.nextInSeconds !== undefined
      ? o.nextInSeconds > 0
        ? ko
          ? `${o.nextInSeconds}초 뒤 다음 문제`
          : `Next question in ${o.nextInSeconds}s`
        : ko
          ? '다음 문제로'
          : 'Next question'
      : ko
        ? '퀴즈 끝 · /quiz score 로 내 점수, /quiz leaderboard 로 순위'
        : 'Quiz over · /quiz score for your score, /quiz leaderboard for the top 10';
  return `${why}${next}`;
}

export function revealMessage(o: Reveal): BotMessage {
  const { shown: s, locale } = o;
  const ko = locale === 'ko';
  const fields: NonNullable<BotEmbed['fields']> = [
    { name: ko ? '해설' : 'Explanation', value: truncate(s.question.explanation, LIMITS.fieldValue) },
    { name: ko ? '출처' : 'Source', value: truncate(`${s.question.source.doc} › ${s.question.source.section}`, LIMITS.fieldValue) },
    { name: ko ? '누가 맞혔나' : 'Who was right', value: whoWasRight(o.answers, locale) },
  ];
  if (o.roundTotals && o.roundTotals.length && s.total > 1) {
    // Right answers out of the questions each member answered (one they skipped does not count against them).
    const lines = [...o.roundTotals]
      .sort((a, b) => b.correct - a.correct || a.answered - b.answered)
      .map((t) => `${t.name}: ${t.correct}/${t.answered}`);
    fields.push({ name: ko ? '이번 퀴즈 결과' : 'This round', value: truncate(lines.join('\n'), LIMITS.fieldValue) });
  }
  return {
    embeds: [
      {
        title: truncate(`${header(s, locale)} · ${ko ? '정답' : 'answer'}: ${LETTERS[s.correct]}`, LIMITS.embedTitle),
        description: truncate(`${s.question.question}\n\n${optionLines(s, true)}`, LIMITS.embedDescription),
        color: QUIZ_COLORS.revealed,
        fields,
        footer: truncate(revealFooter(o), LIMITS.footer),
      },
    ],
    components: buttons(s, locale, true),
  };
}

/** An open question left by a restart: its buttons disabled and a short note saying why. */
export function endedByRestartMessage(q: StaleQuestion): BotMessage {
  const note =
    q.locale === 'ko'
      ? '봇이 다시 시작되면서 이 퀴즈는 끝났어요. /quiz start 로 새로 시작하세요.'
      : 'This round ended when the bot restarted. Start a new one with /quiz start.';
  const open = questionMessage({ shown: q.shown, channelId: q.channelId, locale: q.locale, starter: { id: '', name: '' } });
  return {
    embeds: open.embeds?.map((e) => ({ ...e, color: QUIZ_COLORS.ended, footer: note })),
    components: buttons(q.shown, q.locale, true, false),
  };
}

export function scoreMessage(score: UserScore, name: string, locale: Locale): BotMessage {
  const ko = locale === 'ko';
  const pct = score.answered ? Math.round((score.correct / score.answered) * 100) : 0;
  const description = !score.answered
    ? ko
      ? '아직 푼 문제가 없어요. /quiz start 로 시작해 보세요.'
      : 'No answers yet. Start one with /quiz start.'
    : ko
      ? `${score.answered}문제 중 ${score.correct}문제 정답 (${pct}%) · 이 서버 ${score.rank}위`
      : `${score.correct} right out of ${score.answered} (${pct}%) · #${score.rank} on this server`;
  return {
    embeds: [{ title: ko ? `${name} 님의 퀴즈 점수` : `Quiz score · ${name}`, description, color: QUIZ_COLORS.info }],
    ephemeral: true,
  };
}

export function leaderboardMessage(rows: ScoreRow[], locale: Locale): BotMessage {
  const ko = locale === 'ko';
  const medal = ['🥇', '🥈', '🥉'];
  const lines = rows.map((r, i) => {
    const pct = r.answered ? Math.round((r.correct / r.answered) * 100) : 0;
    return `${medal[i] ?? `${i + 1}.`} ${r.userName} · ${ko ? `${r.correct}문제 정답 / ${r.answered}문제` : `${r.correct} right / ${r.answered} answered`} (${pct}%)`;
  });
  return {
    embeds: [
      {
        title: ko ? '퀴즈 순위 (상위 10명)' : 'Quiz leaderboard (top 10)',
        description: truncate(lines.join('\n') || (ko ? '아직 기록이 없어요.' : 'No scores yet.'), LIMITS.embedDescription),
        color: QUIZ_COLORS.info,
      },
    ],
  };
}
