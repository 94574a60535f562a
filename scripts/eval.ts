// `npm run eval -- [files…] [--verbose] [--ablate]`: scores the bot by the rule in shared/eval/README.md.
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
const files = positionals.length ? positionals : ['../shared/eval/questions.dev.jsonl'];
const readSet = async (file: string): Promise<EvalQuestion[]> =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
const config = loadConfig();
const { answerer, kb } = await createAnswering(config);

async function run(questions: EvalQuestion[], params?: RankingParams, print = false): Promise<Summary> {
  const scores: QuestionScore[] = [];
  const extractive = new ExtractiveAnswerer(kb, { topK: config.retrieval.topK, maxChars: config.retrieval.answerMaxChars, abstainMinScore: config.retrieval.abstainMinScore }, params);
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
        for (const src of a.sources.slice(0, 3)) console.log(`     - ${src.score} ${src.title} > ${src.heading}: ${src.text.slice(0, 90).replace(/\n/g, ' ')}`);
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
