// Generated answers through an OpenAI-compatible chat model, grounded in the same passages as the
// extractive answer. Passages are screened for instructions (screen.ts), framed as data (prompt.ts), the
// reply is sanitised (sanitize.ts) and shown only as far as its sentences are supported by the passages
// they cite (verify.ts), also while it streams. Anything that goes wrong, or too little supported text,
// falls back to the extractive answer with a note.
import type OpenAI from 'openai';
import type { Logger } from 'pino';
import type { Lang } from '../knowledge/types.js';
import { withNamesNote } from './renamed-note.js';
import { classify, GenerationError, type FailureReason } from '../llm/failure.js';
import { completionParams } from '../llm/model-policy.js';
import { cleanCitations, isNoAnswer } from './citations.js';
import { extractiveAnswer, NOT_FOUND } from './extractive.js';
import { buildPrompt, type Prompt } from './prompt.js';
import { passageHosts, sanitizeMarkdown } from './sanitize.js';
import { screenResult } from './screen.js';
import { streamCompletion } from './stream.js';
import type { Answer, Answerer, AnswerOptions, Retriever } from './types.js';
import { AnswerVerifier, type Verdict } from './verify.js';

export interface GeneratedSettings {
  model: string;
  /** The server (unset: api.openai.com); with the model it decides the request's parameters. */
  baseUrl?: string;
  maxAnswerTokens: number;
  /** Cap on the user message (passages + question), in characters. */
  maxPromptChars: number;
  /** Per request (until the server answers) and per silence within a stream. */
  timeoutMs: number;
  maxRetries: number;
  /** Length cap of the extractive fallback. */
  extractiveMaxChars: number;
}

/** Below this share of its text supported (or nothing at all), a generated answer gives way to the extractive one. */
export const MIN_KEPT_SHARE = 0.5;
const TEMPERATURE = 0.2;

const REASON_TEXT: Record<FailureReason, Record<Lang, string>> = {
  timeout: { en: 'timeout', ko: '시간 초과' },
  'rate-limited': { en: 'rate limited', ko: '요청 한도 초과' },
  'server-error': { en: 'server error', ko: '서버 오류' },
  'network-error': { en: 'network error', ko: '연결 오류' },
  malformed: { en: 'malformed response', ko: '잘못된 응답' },
  empty: { en: 'empty answer', ko: '빈 응답' },
  uncited: { en: 'answer cited no source', ko: '출처 인용 없음' },
  unsupported: { en: 'answer not supported by its sources', ko: '출처로 뒷받침되지 않음' },
  rejected: { en: 'request rejected', ko: '요청 거부' },
  cancelled: { en: 'cancelled', ko: '취소됨' },
};

export function fallbackNote(reason: FailureReason, lang: Lang): string {
  return lang === 'ko'
    ? `생성 답변을 쓸 수 없어 발췌 답변을 보여 드려요 (${REASON_TEXT[reason].ko}).`
    : `Generated answer unavailable (${REASON_TEXT[reason].en}); showing the extractive answer.`;
}

interface Generation {
  text: string;
  abstained: boolean;
  usage?: Answer['usage'];
  verdict?: Verdict;
}

export class GeneratedAnswerer implements Answerer {
  constructor(
    private client: OpenAI,
    private retriever: Retriever,
    private settings: GeneratedSettings,
    private logger: Logger,
  ) {}

  async answer(question: string, options: AnswerOptions = {}): Promise<Answer> {
    const screened = screenResult(await this.retriever.search(question, options.signal, options.langHint));
    if (screened.flagged.size) this.logger.warn({ passages: Object.fromEntries(screened.flagged) }, 'instructions removed from passages');
    const result = screened.result;
    const extractive = extractiveAnswer(result, this.settings.extractiveMaxChars);
    // Retrieval found nothing: the honest answer is "I don't know", and the model is not asked.
    if (extractive.abstained) return extractive;

    const prompt = buildPrompt(result, this.settings.maxPromptChars);
    const model = this.settings.model;
    const started = Date.now();
    try {
      const gen = await this.generate(prompt, options);
      const base = {
        question: result.typed ?? result.query,
        lang: result.lang,
        mode: 'generated' as const,
        model: gen.usage?.model ?? model,
        usage: gen.usage,
      };
      this.logger.info(
        {
          model: base.model,
          usage: gen.usage,
          promptChars: prompt.chars,
          passages: prompt.sources.length,
          ms: Date.now() - started,
          abstained: gen.abstained,
          dropped: gen.verdict?.dropped,
        },
        'generated answer',
      );
      if (gen.abstained) return { ...base, answer: NOT_FOUND[result.lang], abstained: true, sources: [] };
      return { ...base, answer: withNamesNote(result, gen.text), abstained: false, sources: prompt.sources };
    } catch (err) {
      const e = classify(err);
      this.logger.warn(
        { reason: e.reason, err: e.message, usage: e.usage, ms: Date.now() - started },
        'generated answer unavailable; extractive fallback',
      );
      return { ...extractive, note: fallbackNote(e.reason, result.lang), ...(e.usage ? { usage: e.usage } : {}) };
    }
  }

  /** Streams the model's reply, showing only verified sentences; throws GenerationError. */
  private async generate(prompt: Prompt, options: AnswerOptions): Promise<Generation> {
    const { model, baseUrl, maxAnswerTokens, timeoutMs, maxRetries } = this.settings;
    const verifier = new AnswerVerifier(prompt.evidence);
    const hosts = passageHosts(prompt.sources);
    const tidy = (raw: string) => sanitizeMarkdown(cleanCitations(raw, prompt.sources.length), hosts);
    let shown: string | null = null;
    const show = (text: string) => {
      if (text === shown || !options.onPartial) return;
      shown = text;
      try {
        options.onPartial(text, model);
      } catch (err) {
        this.logger.warn({ err }, 'onPartial failed');
      }
    };
    const body = {
      ...completionParams({ model, baseUrl }, { maxTokens: maxAnswerTokens, temperature: TEMPERATURE }),
      messages: prompt.messages,
      stream: true as const,
      stream_options: { include_usage: true },
    };
    // From the first token on, the verified part ('' at first: the front end shows a placeholder).
    const onText = (raw: string) => (isNoAnswer(raw) ? undefined : show(verifier.verify(tidy(raw), false).text));
    const { raw, finish, usage } = await streamCompletion(this.client, body, { timeoutMs, maxRetries }, { signal: options.signal, onText });
    if (isNoAnswer(raw)) return { text: '', abstained: true, usage };
    if (!raw.trim()) throw new GenerationError('empty', 'empty answer', usage);
    const verdict = verifier.verify(tidy(raw), true);
    if (!verdict.cited) throw new GenerationError('uncited', 'answer cites no passage', usage);
    if (!verdict.kept || verdict.keptChars < MIN_KEPT_SHARE * verdict.decidedChars) {
      throw new GenerationError(
        'unsupported',
        `supported ${verdict.keptChars} of ${verdict.decidedChars} characters: ${verdict.dropped.map((d) => d.why).join('; ')}`,
        usage,
      );
    }
    return { text: finish === 'length' ? `${verdict.text} …` : verdict.text, abstained: false, usage, verdict };
  }
}
