import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/bootstrap.js';
import { commands } from '../../src/commands/index.js';
import { CommandRouter } from '../../src/commands/router.js';
import { loadConfig } from '../../src/config.js';
import { runConsole } from '../../src/console/console.js';
import type { Services } from '../../src/services.js';

let services: Services;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-'));
  services = await createServices(loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: join(dir, 'bot.sqlite'), CONSOLE_OUTPUT_DIR: dir }));
});
afterAll(() => services.db.close());

/** Types lines into the console, as a person at the keyboard would, and returns what it printed. */
async function session(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d) => (text += d));
  const router = new CommandRouter(commands, services, { cooldownSeconds: 0, allowedChannelIds: [] });
  const done = runConsole({ input, output, services, router });
  for (const l of lines) input.write(`${l}\n`);
  input.end();
  await done;
  return text;
}

describe('console front end', () => {
  it('answers /ask with sources and buttons, and the buttons work', async () => {
    const out = await session(['/ask question: 도커와 VM 차이가 뭐야?', 'b1', 'b2']);
    expect(out).toMatch(/── 도커와 VM 차이가 뭐야\? ──/);
    expect(out).toMatch(/출처:\n\[1\] /);
    expect(out).toMatch(/\[b1\] 📚 출처 보기\s+\[b2\] 👍 도움됐어요\s+\[b3\] 👎 아쉬워요/);
    expect(out).toMatch(/── \[1\] .+ ──/); // the sources button showed the passages
    expect(out).toMatch(/평가 고마워요/);
    const votes = services.db.prepare('SELECT vote FROM feedback').all() as { vote: number }[];
    expect(votes).toEqual([{ vote: 1 }]);
  });

  it('takes a plain question, /search, /topics with its menu, and /help', async () => {
    const out = await session(['What does --cpus 0.5 mean?', '/search query: 스왑', '/topics', 's1 memory-limits', '/help']);
    expect(out).toMatch(/── What does --cpus 0\.5 mean\? ──[\s\S]*Sources:/);
    expect(out).toMatch(/스왑 검색 결과 \d건/);
    expect(out).toMatch(/\[s1\] Choose a topic: .*memory-limits/);
    expect(out).toMatch(/Docker container memory limits/);
    expect(out).toMatch(/VM & Docker study bot/);
  });

  it('explains bad input and keeps going', async () => {
    const out = await session(['/ask', '/nope', '/search query: x count: 99', 'b99', '오늘 서울 날씨 어때?']);
    expect(out).toMatch(/"question" is required/);
    expect(out).toMatch(/Unknown command \/nope/);
    expect(out).toMatch(/count: must be at most 10/);
    expect(out).toMatch(/No button or menu called b99/);
    expect(out).toMatch(/잘 모르겠습니다/);
    expect(out).not.toMatch(/발췌 답변/); // an "I don't know" quotes nothing from the knowledge base
  });

  it('says a second 👍 on the same answer changes nothing, and a 👎 after it does', async () => {
    const out = await session(['What is a container image layer?', 'b2', 'b2', 'b3']);
    expect(out).toMatch(/extractive answer from the knowledge base/);
    expect(out).toMatch(/Thanks for the feedback/);
    expect(out).toMatch(/You already gave this answer a 👍/);
    expect(out).toMatch(/Vote changed/);
  });

  it('`npm start` without a token opens the console on stdin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-'));
    const child = spawn('npm', ['start', '--silent'], { env: { ...process.env, DISCORD_TOKEN: '', OPENAI_API_KEY: '', LOG_LEVEL: 'silent', DATABASE_PATH: join(dir, 'db.sqlite') } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stdin.end('/ask question: --memory-swap 기본값은?\n/quit\n');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(out).toMatch(/스왑|swap/);
    expect(out).toMatch(/\[b1\] 📚/);
  });
});
