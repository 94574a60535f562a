// The quiz bank: multiple-choice questions in knowledge/quiz/<lang>.json (JSON, not markdown, so the
// knowledge ingest never reads them as passages). Validated with zod at load time; a bad entry stops
// the load with an error naming the file and the question id.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Lang } from '../knowledge/types.js';

export const LETTERS = ['A', 'B', 'C', 'D'] as const;
export type Letter = (typeof LETTERS)[number];

export interface QuizSource {
  /** Knowledge document path, e.g. `ko/memory-limits.md`. */
  doc: string;
  /** The chunk heading (heading path joined with " > "), e.g. `Default swap (when --memory-swap is not set)`. */
  section: string;
}

export interface QuizQuestion {
  /** Unique across languages: `<lang>/<id>` for the bank, `gen/<hash>` for generated questions. */
  key: string;
  id: string;
  lang: Lang;
  topic: string;
  question: string;
  /** Exactly four options, in bank order. */
  options: string[];
  /** Index (0-3) of the right option. */
  answer: number;
  explanation: string;
  source: QuizSource;
  /** Short phrases that must occur in the cited section (checked by the support test). */
  evidence: string[];
  generated?: boolean;
}

export class QuizBankError extends Error {}

const distinct = (xs: string[]) => new Set(xs.map((x) => x.trim().toLowerCase())).size === xs.length;

export const questionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
    topic: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    question: z.string().trim().min(5).max(400),
    options: z
      .array(z.string().trim().min(1).max(300))
      .length(4, 'exactly four options')
      .refine(distinct, 'options must be different from each other'),
    answer: z.enum(LETTERS),
    explanation: z.string().trim().min(20).max(1000),
    source: z
      .object({ doc: z.string().regex(/^(ko|en)\/[a-z0-9-]+\.md$/, 'like "ko/memory-limits.md"'), section: z.string().trim().min(1) })
      .strict(),
    evidence: z.array(z.string().trim().min(2)).min(1, 'at least one evidence phrase'),
  })
  .strict();

const fileSchema = z.object({ lang: z.enum(['ko', 'en']), questions: z.array(z.unknown()).min(1) }).strict();

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(question)'}: ${i.message}`).join('; ');
}

/** Parses one bank file's text. Throws QuizBankError naming the file and the question id. */
export function parseBankFile(name: string, text: string): QuizQuestion[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new QuizBankError(`${name}: not valid JSON (${(err as Error).message})`);
  }
  const file = fileSchema.safeParse(json);
  if (!file.success) throw new QuizBankError(`${name}: ${describe(file.error)}`);
  const { lang } = file.data;
  const seen = new Set<string>();
  return file.data.questions.map((raw, i) => {
    const rawId =
      raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : `#${i + 1}`;
    const parsed = questionSchema.safeParse(raw);
    if (!parsed.success) throw new QuizBankError(`${name}: question "${rawId}": ${describe(parsed.error)}`);
    const q = parsed.data;
    if (seen.has(q.id)) throw new QuizBankError(`${name}: question "${q.id}": duplicate id`);
    seen.add(q.id);
    if (!q.source.doc.startsWith(`${lang}/`))
      throw new QuizBankError(`${name}: question "${q.id}": source.doc ${q.source.doc} is not a ${lang} document`);
    return {
      key: `${lang}/${q.id}`,
      id: q.id,
      lang,
      topic: q.topic,
      question: q.question,
      options: q.options,
      answer: LETTERS.indexOf(q.answer),
      explanation: q.explanation,
      source: q.source,
      evidence: q.evidence,
    };
  });
}

export class QuizBank {
  constructor(readonly questions: QuizQuestion[]) {}

  /** Loads every `*.json` in `dir`. A missing folder is an empty bank when `missingOk`; a bad file always throws. */
  static async load(dir: string, options: { missingOk?: boolean } = {}): Promise<QuizBank> {
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
    } catch (err) {
      if (options.missingOk && (err as NodeJS.ErrnoException).code === 'ENOENT') return new QuizBank([]);
      throw new QuizBankError(`Quiz folder ${JSON.stringify(dir)} cannot be read: ${(err as Error).message}`);
    }
    const questions: QuizQuestion[] = [];
    for (const name of names) questions.push(...parseBankFile(name, await readFile(join(dir, name), 'utf8')));
    return new QuizBank(questions);
  }

  /** Questions in a language (the other language when it has none), optionally of one topic. */
  select(lang: Lang, topic?: string): QuizQuestion[] {
    const of = (l: Lang) => this.questions.filter((q) => q.lang === l && (!topic || q.topic === topic));
    const preferred = of(lang);
    return preferred.length ? preferred : of(lang === 'ko' ? 'en' : 'ko');
  }

  topics(): string[] {
    return [...new Set(this.questions.map((q) => q.topic))].sort();
  }
}
