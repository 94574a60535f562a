// The public shape of an answer, as printed by the JSON CLI and scored by the evaluation.
import type { Answer } from './types.js';

export function answerRecord(id: string, a: Answer) {
  return {
    id,
    answer: a.answer,
    abstained: a.abstained,
    sources: a.sources.map((s) => ({ title: s.title, heading: s.heading, text: s.text, score: s.score })),
  };
}
