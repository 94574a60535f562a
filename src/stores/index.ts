// The state a bot on several machines would share, built in one place: swap a class here for a shared
// store (README, "Past one machine"). The defaults keep it in this process.
import type { Round } from '../quiz/service.js';
import { MemoryCooldownStore, type CooldownStore } from './cooldowns.js';
import { MemoryQuizRoundStore, type QuizRoundStore } from './quiz-rounds.js';

export interface Stores {
  cooldowns: CooldownStore;
  quizRounds: QuizRoundStore<Round>;
}

export function createStores(): Stores {
  return { cooldowns: new MemoryCooldownStore(), quizRounds: new MemoryQuizRoundStore<Round>() };
}
