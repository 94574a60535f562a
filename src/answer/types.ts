import type { Lang, SearchHit } from '../knowledge/types.js';

/** A numbered source as shown to the user and printed by the JSON CLI. */
export interface Source {
  /** 1-based number used in citations [n]. */
  n: number;
  title: string;
  heading: string;
  text: string;
  score: number;
  path: string;
  chunkId: string;
}

export interface Answer {
  question: string;
  lang: Lang;
  answer: string;
  abstained: boolean;
  sources: Source[];
  /** How the text was produced. */
  mode: 'extractive' | 'generated';
  /** e.g. "generated answer unavailable (timeout); showing the extractive answer". */
  note?: string;
  usage?: { promptTokens: number; completionTokens: number; model: string };
}

export interface AnswerOptions {
  /** Called with the whole text so far while a generated answer streams. */
  onPartial?: (textSoFar: string) => void;
  signal?: AbortSignal;
}

export interface Answerer {
  answer(question: string, options?: AnswerOptions): Promise<Answer>;
}

export function toSources(hits: SearchHit[]): Source[] {
  return hits.map((h, i) => ({
    n: i + 1,
    title: h.chunk.doc.title,
    heading: h.chunk.heading,
    text: h.chunk.text,
    score: Math.round(h.score * 1000) / 1000,
    path: h.chunk.doc.path,
    chunkId: h.chunk.id,
  }));
}
