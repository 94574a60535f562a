// `npx tsx test/llm/serve-fake.ts [port] [record.jsonl]`: the fake OpenAI-compatible server on its own,
// for running the bot or `npm run eval` against it without a key (OPENAI_API_KEY=x
// OPENAI_BASE_URL=http://127.0.0.1:PORT/v1). Each chat request and the fake answer are appended to
// record.jsonl (used to measure prompt sizes for the README's cost estimate).
import { appendFileSync } from 'node:fs';
import { FakeOpenAI, groundedAnswer, parsePrompt } from './fake-openai.js';

const port = Number(process.argv[2] ?? 8089);
const record = process.argv[3];
const fake = new FakeOpenAI();
fake.chat = (body) => {
  if (record) {
    const messages = body?.messages ?? [];
    appendFileSync(record, `${JSON.stringify({ messages, answer: groundedAnswer(parsePrompt(messages)) })}\n`);
  }
  return { kind: 'answer', chunkDelayMs: 5 };
};
console.log(`fake OpenAI at ${await fake.start(port)}`);
