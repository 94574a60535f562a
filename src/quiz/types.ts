// What the quiz core tells a front end, as plain data: which question is open, what was revealed. The core
// never shows anything itself; a presenter (src/commands/quiz-presenter.ts) turns these into messages.
import type { Lang } from '../knowledge/types.js';
import type { QuizQuestion } from './bank.js';

export type { Lang };

export interface Player {
  id: string;
  name: string;
}

/** One question as shown: options in display order, `correct` is the display position of the right one. */
export interface ShownQuestion {
  roundId: string;
  index: number;
  total: number;
  question: QuizQuestion;
  /** display position → bank option index */
  order: number[];
  correct: number;
  topicTitle: string;
  answerSeconds: number;
}

/** A question just opened, with what a presenter needs to show it. */
export interface AskedQuestion {
  shown: ShownQuestion;
  channelId: string;
  locale: Lang;
  starter: Player;
}

export interface AnswerRecord {
  name: string;
  choice: number;
  correct: boolean;
}

export interface RoundTotal {
  name: string;
  correct: number;
  /** Questions of the round this member answered (an unanswered one does not count against them). */
  answered: number;
}

export type RevealReason = 'timeout' | 'starter' | 'answered' | 'stopped';

export interface Reveal {
  shown: ShownQuestion;
  channelId: string;
  locale: Lang;
  answers: AnswerRecord[];
  reason: RevealReason;
  /** Seconds until the next question, or undefined when this was the last one. */
  nextInSeconds?: number;
  /** Per-player results over the whole round, given with the last question's reveal. */
  roundTotals?: RoundTotal[];
  /** Who stopped the round (reason 'stopped'). */
  stoppedBy?: string;
}

/** A question left open when the bot stopped: its message should say so and lose its buttons. */
export interface StaleQuestion {
  shown: ShownQuestion;
  channelId: string;
  guildId: string | null;
  locale: Lang;
  /** Where the presenter showed it (what QuizEvents.asked returned). */
  ref: string;
}

/** How the core reports a round; implemented by the front end. Failures are logged by the core, never thrown on. */
export interface QuizEvents {
  /** A question opened; resolves with a reference to where it is shown (kept so a restart can close it). */
  asked(q: AskedQuestion): Promise<string | undefined>;
  /** A question closed by the core itself (timer, stop); `ref` is what asked() returned. */
  revealed(r: Reveal, ref: string | undefined): Promise<void>;
}
