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
    const out = await session(['/search query: 스왑', 'What does --cpus 0.5 mean?', '/topics', 's1 memory-limits', '/help']);
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

  it('takes the Korean command and option names the Korean /help shows', async () => {
    const out = await session([
      '/도움말',
      '/질문 질문: 도커 데몬은 무슨 일을 해? 나만보기: 예',
      '/검색 검색어: 스왑 개수: 2',
      '/퀴즈 점수',
    ]);
    expect(out).toMatch(/\/질문 질문:.*`나만보기:`/); // what /help tells a Korean reader to type
    expect(out).toMatch(/\(only you can see this\)\n── 도커 데몬은 무슨 일을 해\? ──/);
    expect(out).toMatch(/스왑 검색 결과 2건/);
    expect(out).not.toMatch(/Unknown command|is required|takes options/);
  });

  it('marks a hide: answer "(only you can see this)" and leaves a public one unmarked', async () => {
    const out = await session(['/ask question: What is a hypervisor? hide: true', '/ask question: What is a namespace?']);
    expect(out).toMatch(/\(only you can see this\)\n── What is a hypervisor\? ──/);
    expect(out).toMatch(/\n── What is a namespace\? ──/);
    expect(out).not.toMatch(/\(only you can see this\)\n── What is a namespace/);
  });

  it('with CONSOLE_LOCALE=auto, /help, /topics and /quiz follow the language last written in', async () => {
    const out = await session(['도커 이미지 레이어가 뭐야?', '/help', '/topics', '/quiz score', 'What is a VM?', '/help']);
    const helps = [...out.matchAll(/── (VM·도커 스터디 봇|VM & Docker study bot) ──/g)].map((m) => m[1]);
    expect(helps).toEqual(['VM·도커 스터디 봇', 'VM & Docker study bot']);
    expect(out).toMatch(/── 지식 베이스 주제 ──/);
  });

  it('`npm start` without a token opens the console on stdin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-'));
    const child = spawn('npm', ['start', '--silent'], {
      env: { ...process.env, DISCORD_TOKEN: '', OPENAI_API_KEY: '', LOG_LEVEL: 'silent', DATABASE_PATH: join(dir, 'db.sqlite') },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stdin.end('/ask question: --memory-swap 기본값은?\n/quit\n');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(out).toMatch(/스왑|swap/);
    expect(out).toMatch(/\[b1\] 📚/);
  });
});
