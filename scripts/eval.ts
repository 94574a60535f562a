// `npm run eval -- questions.jsonl [--verbose]`: scores the bot by the rule in shared/eval/README.md.
import 'dotenv/config';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { answerRecord } from '../src/answer/format.js';
import { createAnswering } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { scoreOne, summarize, type EvalQuestion } from '../src/eval/score.js';

const { values, positionals } = parseArgs({ options: { verbose: { type: 'boolean', short: 'v' } }, allowPositionals: true });
const file = positionals[0] ?? '../shared/eval/questions.dev.jsonl';
const questions: EvalQuestion[] = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const config = loadConfig();
const { answerer } = await createAnswering(config);

const scores = [];
for (const q of questions) {
  const a = answerRecord(q.id, await answerer.answer(q.q));
  const s = scoreOne(q, a);
  scores.push(s);
  const ok = q.kind === 'ood' ? s.abstainedRight : s.hit3 && s.hit1 && s.answerHit;
  if (values.verbose || !ok) {
    console.log(`${ok ? 'ok  ' : 'MISS'} ${q.id} [${q.kind}] ${q.q}`);
    if (!ok) {
      console.log(`     hit1=${s.hit1} hit3=${s.hit3} answerHit=${s.answerHit} abstained=${a.abstained}`);
      for (const src of a.sources.slice(0, 3)) console.log(`     - ${src.score} ${src.title} > ${src.heading}: ${src.text.slice(0, 90).replace(/\n/g, ' ')}`);
      console.log(`     answer: ${a.answer.slice(0, 200).replace(/\n/g, ' ')}`);
    }
  }
}
const sum = summarize(scores);
console.log(`\nmode: ${config.openai.apiKey ? `generated (${config.openai.model})` : 'extractive'}; ${questions.length} questions from ${file}`);
console.log('| kind | n | hit@3 | hit@1 | answer-hit | abstained |');
console.log('|---|---|---|---|---|---|');
for (const [kind, k] of Object.entries(sum.byKind)) {
  console.log(kind === 'ood' ? `| ${kind} | ${k.n} | | | | ${k.abstained}/${k.n} |` : `| ${kind} | ${k.n} | ${k.hit3}/${k.n} | ${k.hit1}/${k.n} | ${k.answerHit}/${k.n} | |`);
}
console.log(`answer-hit over answerable questions: ${sum.answerable.answerHit}/${sum.answerable.n}`);
