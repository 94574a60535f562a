// `npm run eval -- [files…] [--verbose] [--ablate]`: scores the bot by the rule in shared/eval/README.md
// (hit@k on the top sources, answer-hit and lead-hit on the answer text, refusals and ood abstention).
// With --ablate, every ranking feature is switched off in turn (ranking.ts ABLATIONS) and the change in
// hit@1, lead-hit and abstention is printed for each file.
import 'dotenv/config';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { answerRecord } from '../src/answer/format.js';
import { createAnswering } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { scoreOne, summarize, type EvalQuestion, type QuestionScore, type Summary } from '../src/eval/score.js';
import { ABLATIONS, DEFAULT_RANKING, type RankingParams } from '../src/knowledge/ranking.js';
import { ExtractiveAnswerer } from '../src/answer/extractive.js';

const { values, positionals } = parseArgs({
  options: { verbose: { type: 'boolean', short: 'v' }, ablate: { type: 'boolean' } },
  allowPositionals: true,
});
// The default sets ship in the repository; ../shared/eval/ exists only beside the project's own checkout.
const files = positionals.length ? positionals : ['test/fixtures/questions.blind.jsonl', 'test/fixtures/questions.blind2.jsonl'];

/** Stops with one clear line instead of a stack trace. */
function fail(message: string): never {
  console.error(`eval: ${message}`);
  process.exit(1);
}

async function readSet(file: string): Promise<EvalQuestion[]> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) =>
    fail(`cannot read ${file} (${e.code ?? e.message}); pass question files (.jsonl), e.g. test/fixtures/questions.blind.jsonl`),
  );
  return text.split('\n').flatMap((raw, i) => {
    if (!raw.trim()) return [];
    let q: Partial<EvalQuestion>;
    try {
      q = JSON.parse(raw) as Partial<EvalQuestion>;
    } catch (e) {
      return fail(`${file} line ${i + 1} is not JSON (${(e as Error).message})`);
    }
    if (
      typeof q.id !== 'string' ||
      typeof q.q !== 'string' ||
      !['article', 'extended', 'ood'].includes(q.kind ?? '') ||
      (q.kind !== 'ood' && !Array.isArray(q.evidence))
    ) {
      return fail(`${file} line ${i + 1} needs id, q, kind (article, extended or ood) and, unless ood, evidence (a list of string lists)`);
    }
    return [{ ...q, evidence: q.evidence ?? [] } as EvalQuestion];
  });
}
const config = loadConfig();
const { answerer, kb } = await createAnswering(config);

async function run(questions: EvalQuestion[], params?: RankingParams, print = false): Promise<Summary> {
  const scores: QuestionScore[] = [];
  const extractive = new ExtractiveAnswerer(
    kb,
    { topK: config.retrieval.topK, maxChars: config.retrieval.answerMaxChars, abstainMinScore: config.retrieval.abstainMinScore },
    params,
  );
  for (const q of questions) {
    const a = answerRecord(q.id, await (params ? extractive : answerer).answer(q.q));
    const s = scoreOne(q, a);
    scores.push(s);
    if (!print) continue;
    const ok = q.kind === 'ood' ? s.abstainedRight : s.hit1 && s.leadHit;
    if (values.verbose || !ok) {
      console.log(`${ok ? 'ok  ' : 'MISS'} ${q.id} [${q.kind}] ${q.q}`);
      if (!ok) {
        console.log(`     hit1=${s.hit1} hit3=${s.hit3} answerHit=${s.answerHit} leadHit=${s.leadHit} abstained=${a.abstained}`);
        for (const src of a.sources.slice(0, 3))
          console.log(`     - ${src.score} ${src.title} > ${src.heading}: ${src.text.slice(0, 90).replace(/\n/g, ' ')}`);
        console.log(`     answer: ${a.answer.slice(0, 260).replace(/\n/g, ' ')}`);
      }
    }
  }
  return summarize(scores);
}

const pct = (a: number, n: number) => (n ? `${a}/${n} (${Math.round((100 * a) / n)}%)` : '-');
function line(name: string, s: Summary): string {
  const a = s.answerable;
  return `| ${name} | ${pct(a.hit3, a.n)} | ${pct(a.hit1, a.n)} | ${pct(a.answerHit, a.n)} | ${pct(a.leadHit, a.n)} | ${pct(a.refused, a.n)} | ${pct(s.ood.n - s.ood.abstained, s.ood.n)} |`;
}
const HEADER = '| set | hit@3 | hit@1 | answer-hit | lead-hit | in-scope refused | ood answered |\n|---|---|---|---|---|---|---|';

const sets = await Promise.all(files.map(async (f) => ({ file: f, questions: await readSet(f) })));
if (!values.ablate) {
  const rows: string[] = [];
  for (const { file, questions } of sets) {
    const sum = await run(questions, undefined, true);
    rows.push(line(file.replace(/^.*\//, ''), sum));
  }
  console.log(`\nmode: ${config.openai.apiKey ? `generated (${config.openai.model})` : 'extractive'}`);
  console.log(HEADER);
  for (const r of rows) console.log(r);
} else {
  const delta = (x: number, y: number) => (x === y ? '0' : `${x > y ? '+' : ''}${x - y}`);
  for (const { file, questions } of sets) {
    const base = await run(questions, DEFAULT_RANKING);
    console.log(`\n${file} (${questions.length} questions); change when each feature is off (negative = the feature earns it)`);
    console.log(HEADER);
    console.log(line('all features', base));
    console.log('| feature off | hit@3 | hit@1 | answer-hit | lead-hit | in-scope refused | ood answered |');
    for (const [name, off] of Object.entries(ABLATIONS)) {
      const s = await run(questions, { ...DEFAULT_RANKING, ...off });
      const a = s.answerable;
      const b = base.answerable;
      console.log(
        `| ${name} | ${delta(a.hit3, b.hit3)} | ${delta(a.hit1, b.hit1)} | ${delta(a.answerHit, b.answerHit)} | ${delta(a.leadHit, b.leadHit)} | ${delta(a.refused, b.refused)} | ${delta(s.ood.n - s.ood.abstained, base.ood.n - base.ood.abstained)} |`,
      );
    }
  }
}
