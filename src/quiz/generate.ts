// Fresh quiz questions from a random knowledge-base passage, with an OpenAI-compatible model. A generated
// question is shown only if it passes the same rules as the bank (zod shape: four different options, one
// right answer; and checkSupport against the passage it was written from). Any failure (no key, network,
// timeout, bad JSON, failed check) returns null and the bank serves instead.
import { createHash } from 'node:crypto';
import OpenAI from 'openai';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Chunk, Lang } from '../knowledge/types.js';
import { LETTERS, type QuizQuestion } from './bank.js';
import { checkSupport } from './support.js';

export interface QuestionGenerator {
  /** A checked question, or null (the caller then uses the bank). Never throws. */
  generate(req: { lang: Lang; topic?: string; passage?: Chunk }): Promise<QuizQuestion | null>;
}

/** Passages shorter than this rarely hold a whole question's worth of facts. */
const MIN_PASSAGE_CHARS = 200;

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
        'The explanation is one short paragraph that justifies the right answer with the passage\'s own words: repeat its numbers, option names and technical terms exactly; do not add facts, numbers or options the passage does not contain.',
        'evidence: 1-3 short phrases copied verbatim from the passage that prove the answer.',
        'Reply with JSON only: {"question": string, "options": [string, string, string, string], "answer": "A"|"B"|"C"|"D", "explanation": string, "evidence": [string]}.',
        INSTRUCTIONS[lang],
      ].join('\n'),
    },
    { role: 'user', content: `Passage (${passage.doc.path} › ${passage.heading}):\n"""\n${passage.text}\n"""` },
  ];
}

function parseJson(content: string): unknown {
  const body = content.trim().replace(/^```(?:json)?\s*/i, '').replace(/```\s*$/, '');
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  return JSON.parse(start >= 0 && end > start ? body.slice(start, end + 1) : body);
}

export interface GeneratorOptions {
  /** Chooses the passage (tests fix it); default random. */
  pick?: (candidates: Chunk[]) => Chunk | undefined;
}

export function createGenerator(config: Config, kb: KnowledgeBase, logger: Logger, options: GeneratorOptions = {}): QuestionGenerator | undefined {
  const s = config.openai;
  if (!s.apiKey) return undefined;
  const client = new OpenAI({ apiKey: s.apiKey, baseURL: s.baseUrl, timeout: s.timeoutMs, maxRetries: 0, logLevel: 'off' });
  const pick = options.pick ?? ((xs: Chunk[]) => xs[Math.floor(Math.random() * xs.length)]);

  async function generate(req: { lang: Lang; topic?: string; passage?: Chunk }): Promise<QuizQuestion | null> {
    const candidates = kb.chunks.filter((c) => c.doc.lang === req.lang && (!req.topic || c.doc.topic === req.topic) && c.text.length >= MIN_PASSAGE_CHARS);
    const passage = req.passage ?? pick(candidates);
    if (!passage) return null;
    try {
      const completion = await client.chat.completions.create({
        model: s.model,
        messages: prompt(passage, req.lang),
        temperature: 0.7,
        max_tokens: Math.max(600, s.maxAnswerTokens),
        response_format: { type: 'json_object' },
      });
      const content = completion.choices[0]?.message?.content ?? '';
      const parsed = generatedSchema.safeParse(parseJson(content));
      if (!parsed.success) {
        logger.warn({ passage: passage.id, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }, 'generated quiz question rejected (shape)');
        return null;
      }
      const g = parsed.data;
      const answer = typeof g.answer === 'number' ? g.answer : LETTERS.indexOf(g.answer);
      const support = checkSupport({ lang: req.lang, options: g.options, answer, explanation: g.explanation, evidence: g.evidence }, passage.text);
      if (!support.ok) {
        logger.warn({ passage: passage.id, problems: support.problems }, 'generated quiz question rejected (not supported by the passage)');
        return null;
      }
      const hash = createHash('sha1').update(`${g.question}\n${g.options.join('\n')}`).digest('hex').slice(0, 12);
      return {
        key: `gen/${hash}`,
        id: `gen-${hash}`,
        lang: req.lang,
        topic: passage.doc.topic,
        question: g.question,
        options: g.options,
        answer,
        explanation: g.explanation,
        source: { doc: passage.doc.path, section: passage.heading },
        evidence: g.evidence,
        generated: true,
      };
    } catch (err) {
      logger.warn({ err: (err as Error).message, passage: passage.id }, 'quiz generation failed; the bank serves');
      return null;
    }
  }

  return { generate };
}
