// Fresh quiz questions from a random knowledge-base passage, with an OpenAI-compatible model (the process's
// one client and model policy, src/llm). A generated question is shown only if it passes the same rules as
// the bank (zod shape: four different options, one right answer; and checkSupport against the passage it
// was written from). Any failure (network, timeout, bad JSON, failed check) is logged once with its reason
// and returns null: the bank serves instead. The members are waiting, so one attempt, bounded in time.
import { createHash } from 'node:crypto';
import type OpenAI from 'openai';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Chunk, Lang } from '../knowledge/types.js';
import { sharedOpenAIClient } from '../llm/client.js';
import { classify } from '../llm/failure.js';
import { completionParams } from '../llm/model-policy.js';
import { LETTERS, type QuizQuestion } from './bank.js';
import { checkSupport } from './support.js';

export interface QuestionGenerator {
  /** A checked question, or null (the caller then uses the bank). Never throws. */
  generate(req: { lang: Lang; topic?: string; passage?: Chunk }): Promise<QuizQuestion | null>;
}

/** Passages shorter than this rarely hold a whole question's worth of facts. */
const MIN_PASSAGE_CHARS = 200;
/** A question, four options, an explanation and evidence in JSON. */
const MIN_QUESTION_TOKENS = 600;
const TEMPERATURE = 0.7;

const generatedSchema = z.object({
  question: z.string().trim().min(5).max(400),
  options: z
    .array(z.string().trim().min(1).max(300))
    .length(4, 'exactly four options')
    .refine((xs) => new Set(xs.map((x) => x.toLowerCase())).size === 4, 'options must differ'),
  answer: z.union([z.enum(LETTERS), z.number().int().min(0).max(3)]),
  explanation: z.string().trim().min(20).max(1000),
  evidence: z.array(z.string().trim().min(2)).min(1).max(5),
});

const INSTRUCTIONS: Record<Lang, string> = {
  en: 'Write the question, options and explanation in English.',
  ko: '질문, 보기, 해설은 한국어로 쓰세요. (Write the question, options and explanation in Korean.)',
};

function prompt(passage: Chunk, lang: Lang): OpenAI.Chat.ChatCompletionMessageParam[] {
  return [
    {
      role: 'system',
      content: [
        'You write one multiple-choice quiz question for a study group learning VMs and Docker.',
        'Use only facts stated in the passage. Exactly four options, exactly one of them right; the wrong ones must be plausible but clearly wrong by the passage.',
        "The explanation is one short paragraph that justifies the right answer with the passage's own words: repeat its numbers, option names and technical terms exactly; do not add facts, numbers or options the passage does not contain.",
        'evidence: 1-3 short phrases copied verbatim from the passage that prove the answer.',
        'Reply with JSON only: {"question": string, "options": [string, string, string, string], "answer": "A"|"B"|"C"|"D", "explanation": string, "evidence": [string]}.',
        INSTRUCTIONS[lang],
      ].join('\n'),
    },
    { role: 'user', content: `Passage (${passage.doc.path} › ${passage.heading}):\n"""\n${passage.text}\n"""` },
  ];
}

function parseJson(content: string): unknown {
  const body = content
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/```\s*$/, '');
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  return JSON.parse(start >= 0 && end > start ? body.slice(start, end + 1) : body);
}

export interface GeneratorOptions {
  /** Chooses the passage (tests fix it); default random. */
  pick?: (candidates: Chunk[]) => Chunk | undefined;
}

export function createGenerator(
  config: Config,
  kb: KnowledgeBase,
  logger: Logger,
  options: GeneratorOptions = {},
): QuestionGenerator | undefined {
  const s = config.openai;
  if (!s.apiKey) return undefined;
  const client = sharedOpenAIClient(s, logger);
  const pick = options.pick ?? ((xs: Chunk[]) => xs[Math.floor(Math.random() * xs.length)]);
  const params = completionParams(
    { model: s.model, baseUrl: s.baseUrl },
    { maxTokens: Math.max(MIN_QUESTION_TOKENS, s.maxAnswerTokens), temperature: TEMPERATURE },
  );
  const timeoutMs = config.quiz.generateTimeoutMs;

  /** The model's reply; throws on any request failure. */
  async function complete(passage: Chunk, lang: Lang, signal: AbortSignal): Promise<string> {
    const completion = await client.chat.completions.create(
      { ...params, messages: prompt(passage, lang), response_format: { type: 'json_object' } },
      { signal, timeout: timeoutMs, maxRetries: 0 },
    );
    return completion.choices[0]?.message?.content ?? '';
  }

  async function generate(req: { lang: Lang; topic?: string; passage?: Chunk }): Promise<QuizQuestion | null> {
    const candidates = kb.chunks.filter(
      (c) => c.doc.lang === req.lang && (!req.topic || c.doc.topic === req.topic) && c.text.length >= MIN_PASSAGE_CHARS,
    );
    const passage = req.passage ?? pick(candidates);
    if (!passage) {
      logger.info({ lang: req.lang, topic: req.topic }, 'no passage to write a quiz question from; the bank serves');
      return null;
    }
    const started = Date.now();
    let content: string;
    // The whole request, body included, within the time the members wait (the SDK's timeout covers the headers).
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      content = await complete(passage, req.lang, signal);
    } catch (err) {
      const e = classify(err, signal.aborted ? 'timeout' : null);
      logger.warn(
        { reason: e.reason, err: e.message, passage: passage.id, ms: Date.now() - started },
        'quiz generation failed; the bank serves',
      );
      return null;
    }
    return checkedQuestion(content, passage, req.lang, logger);
  }

  return { generate };
}

/** The reply as a question, if it has the bank's shape and the passage supports it. */
function checkedQuestion(content: string, passage: Chunk, lang: Lang, logger: Logger): QuizQuestion | null {
  let json: unknown;
  try {
    json = parseJson(content);
  } catch (err) {
    logger.warn({ reason: 'malformed', err: (err as Error).message, passage: passage.id }, 'generated quiz question rejected (shape)');
    return null;
  }
  const parsed = generatedSchema.safeParse(json);
  if (!parsed.success) {
    logger.warn(
      { reason: 'shape', passage: passage.id, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) },
      'generated quiz question rejected (shape)',
    );
    return null;
  }
  const g = parsed.data;
  const answer = typeof g.answer === 'number' ? g.answer : LETTERS.indexOf(g.answer);
  const support = checkSupport({ lang, options: g.options, answer, explanation: g.explanation, evidence: g.evidence }, passage.text);
  if (!support.ok) {
    logger.warn(
      { reason: 'unsupported', passage: passage.id, problems: support.problems },
      'generated quiz question rejected (not supported by the passage)',
    );
    return null;
  }
  const hash = createHash('sha1')
    .update(`${g.question}\n${g.options.join('\n')}`)
    .digest('hex')
    .slice(0, 12);
  return {
    key: `gen/${hash}`,
    id: `gen-${hash}`,
    lang,
    topic: passage.doc.topic,
    question: g.question,
    options: g.options,
    answer,
    explanation: g.explanation,
    source: { doc: passage.doc.path, section: passage.heading },
    evidence: g.evidence,
    generated: true,
  };
}
