// `npm run --silent ask -- "question"`: an answer for a person; `--json`: one JSON object;
// `--file questions.jsonl`: one JSON line per question. Only answers go to stdout; logs go to stderr.
import 'dotenv/config';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { answerRecord } from '../answer/format.js';
import { createAnswering } from '../bootstrap.js';
import { ConfigError, loadConfig } from '../config.js';
import type { Answer } from '../answer/types.js';

const USAGE = `usage: npm run --silent ask -- [--json] "question"
       npm run --silent ask -- --file questions.jsonl   (lines with "id" and "q"; prints JSON lines)`;

function renderForPerson(a: Answer): string {
  const lines = [a.answer];
  if (a.note) lines.push('', `(${a.note})`);
  if (a.sources.length) {
    lines.push('', a.lang === 'ko' ? '출처:' : 'Sources:');
    for (const s of a.sources) lines.push(`[${s.n}] ${s.title} — ${s.heading} (${s.score.toFixed(2)})`);
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: { json: { type: 'boolean' }, file: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const question = args.positionals.join(' ').trim();
  if (args.values.help || (!question && !args.values.file)) {
    process.stderr.write(`${USAGE}\n`);
    return args.values.help ? 0 : 2;
  }
  const { answerer } = await createAnswering(loadConfig());

  if (args.values.file) {
    let text: string;
    try {
      text = await readFile(args.values.file, 'utf8');
    } catch (err) {
      process.stderr.write(`cannot read ${args.values.file}: ${(err as Error).message}\n`);
      return 2;
    }
    let bad = 0;
    for (const [i, line] of text.split('\n').entries()) {
      if (!line.trim()) continue;
      let item: { id?: unknown; q?: unknown };
      try {
        item = JSON.parse(line) as { id?: unknown; q?: unknown };
      } catch {
        process.stderr.write(`${args.values.file}:${i + 1}: not JSON, skipped\n`);
        bad++;
        continue;
      }
      if (typeof item.q !== 'string' || !item.q.trim()) {
        process.stderr.write(`${args.values.file}:${i + 1}: no "q" string, skipped\n`);
        bad++;
        continue;
      }
      const id = typeof item.id === 'string' || typeof item.id === 'number' ? String(item.id) : String(i + 1);
      process.stdout.write(`${JSON.stringify(answerRecord(id, await answerer.answer(item.q)))}\n`);
    }
    return bad ? 1 : 0;
  }

  const answer = await answerer.answer(question);
  process.stdout.write(args.values.json ? `${JSON.stringify(answerRecord('1', answer))}\n` : `${renderForPerson(answer)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(err instanceof ConfigError ? `${err.message}\n` : `error: ${(err as Error).stack ?? err}\n`);
    process.exit(err instanceof ConfigError ? 78 : 1);
  },
);
