// One rule for the parameters a chat request carries, whoever sends it (answers, quiz questions).
// Reasoning models (OpenAI's o-series and gpt-5) refuse `temperature` and `max_tokens`: they take
// `max_completion_tokens`, which also counts their hidden reasoning. OpenAI's own API wants
// `max_completion_tokens` for every model; most compatible servers (Ollama, vLLM) know only `max_tokens`.
import { isOpenAIHosted } from './client.js';

/** Reasoning tokens come out of max_completion_tokens: without room for them the visible answer is empty. */
export const REASONING_ALLOWANCE_TOKENS = 2000;

/** o1, o3-mini, o4-mini, gpt-5, gpt-5-mini …, also behind a provider prefix (openai/o3). */
export function isReasoningModel(model: string): boolean {
  return /^(o\d|gpt-5)/i.test(model.replace(/^.*\//, ''));
}

export interface ModelTarget {
  model: string;
  baseUrl?: string;
}

export interface CompletionLimits {
  /** Tokens of visible output wanted. */
  maxTokens: number;
  /** Used only by models that take one. */
  temperature: number;
}

export interface CompletionParams {
  model: string;
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
}

export function completionParams(target: ModelTarget, limits: CompletionLimits): CompletionParams {
  const reasoning = isReasoningModel(target.model);
  const out: CompletionParams = { model: target.model };
  if (reasoning) out.max_completion_tokens = limits.maxTokens + REASONING_ALLOWANCE_TOKENS;
  else if (isOpenAIHosted(target.baseUrl)) out.max_completion_tokens = limits.maxTokens;
  else out.max_tokens = limits.maxTokens;
  if (!reasoning) out.temperature = limits.temperature;
  return out;
}
