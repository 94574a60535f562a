// Shows quiz rounds in a channel. Every question is its own channel message and its reveal edits that message,
// both with the bot's token, so a round of any length outlives the 15-minute token of the /quiz interaction.
import type { QuizService } from '../quiz/service.js';
import type { QuizEvents } from '../quiz/types.js';
import { endedByRestartMessage, questionMessage, revealMessage } from './quiz-render.js';
import type { ChannelMessenger } from './types.js';

export function channelPresenter(channel: ChannelMessenger): QuizEvents {
  return {
    asked: (q) => channel.send(q.channelId, questionMessage(q)),
    async revealed(r, ref) {
      const message = revealMessage(r);
      if (ref) await channel.edit(r.channelId, ref, message);
      else await channel.send(r.channelId, message);
    },
  };
}

/**
 * After a restart: questions the previous process left open lose their buttons and say the round ended.
 * `mine` picks the guilds this process serves (a shard closes only its own). Returns how many were closed.
 */
export async function closeStaleQuestions(
  quiz: QuizService,
  channel: ChannelMessenger,
  onError: (err: unknown) => void,
  mine?: (guildId: string | null) => boolean,
): Promise<number> {
  let closed = 0;
  for (const q of quiz.staleQuestions(mine)) {
    try {
      await channel.edit(q.channelId, q.ref, endedByRestartMessage(q));
      closed++;
    } catch (err) {
      onError(err);
    }
  }
  return closed;
}
