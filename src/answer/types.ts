import type { Lang, SearchHit, SearchResult } from '../knowledge/types.js';

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
  /** The passage's inline code spans (commands, option names), for replies that mark them up. */
  inlineCode?: string[];
}

export interface Answer {
  question: string;
  lang: Lang;
  answer: string;
  abstained: boolean;
  sources: Source[];
  /** How the text was produced. */
  mode: 'extractive' | 'generated';
  /** The model that wrote a generated answer. */
  model?: string;
  /** e.g. "generated answer unavailable (timeout); showing the extractive answer". */
  note?: string;
  usage?: { promptTokens: number; completionTokens: number; model: string };
}

export interface AnswerOptions {
  /**
   * Called while a generated answer streams, with the verified text so far (only sentences supported by
   * their sources; '' until the first one) and the model writing it.
   */
  onPartial?: (textSoFar: string, model: string) => void;
  signal?: AbortSignal;
  /** The asker's language, for a question whose words name none ("cgroup?"). */
  langHint?: Lang;
}

/** Where passages come from: the extractive path's search, or the hybrid retriever. */
export interface Retriever {
  search(question: string, signal?: AbortSignal, langHint?: Lang): Promise<SearchResult>;
}

export interface Answerer {
  answer(question: string, options?: AnswerOptions): Promise<Answer>;
  /** Frees what the answerer holds beyond memory (the answer thread); it still answers afterwards. */
  close?(): Promise<void>;
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
    ...(h.chunk.inlineCode?.length ? { inlineCode: h.chunk.inlineCode } : {}),
  }));
}
