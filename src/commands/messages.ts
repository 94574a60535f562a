// Short user-facing messages shared by several commands, in both languages.
import type { Text } from './i18n.js';

export const NOT_FOUND_SEARCH: Text = {
  ko: '관련된 내용을 찾지 못했어요. 다른 단어로 검색하거나 /topics 로 주제를 둘러보세요.',
  en: 'No matching passages. Try other words, or browse with /topics.',
};

export const COMMAND_FAILED: Text = {
  ko: '명령을 처리하다 문제가 생겼어요. 잠시 후 다시 시도해 주세요.',
  en: 'Something went wrong while handling that command. Please try again in a moment.',
};

export const CHANNEL_NOT_ALLOWED: Text = {
  ko: '이 채널에서는 봇을 쓸 수 없어요. 봇이 허용된 채널에서 사용해 주세요.',
  en: 'The bot is not enabled in this channel. Please use it in one of the allowed channels.',
};

export function cooldownMessage(seconds: number): Text {
  const s = Math.max(1, Math.ceil(seconds));
  return {
    ko: `너무 빨라요! ${s}초 뒤에 다시 시도해 주세요.`,
    en: `Slow down a little: try again in ${s} second${s === 1 ? '' : 's'}.`,
  };
}
