import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const env = { ...process.env, LOG_LEVEL: 'warn', OPENAI_API_KEY: '', DISCORD_TOKEN: '' };
const ask = (...args: string[]) => run('node', ['--import', 'tsx', 'src/cli/ask.ts', ...args], { env });

function checkSchema(o: Record<string, unknown>) {
  expect(Object.keys(o).sort()).toEqual(['abstained', 'answer', 'id', 'sources']);
  expect(typeof o.answer).toBe('string');
  expect(typeof o.abstained).toBe('boolean');
  for (const s of o.sources as Record<string, unknown>[]) {
    expect(Object.keys(s).sort()).toEqual(['heading', 'score', 'text', 'title']);
    expect(typeof s.score).toBe('number');
  }
}

describe('ask CLI', () => {
  it('--json prints exactly one JSON object, sources best first', async () => {
    const { stdout } = await ask('--json', '도커 클라이언트는 데몬과 어떻게 통신해?');
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const o = JSON.parse(lines[0]);
    checkSchema(o);
    expect(o.abstained).toBe(false);
    const scores = o.sources.map((s: { score: number }) => s.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    expect(JSON.stringify(o.sources.slice(0, 3))).toMatch(/docker\.sock/);
  });

  it('--file prints one JSON line per question, keeping ids, and reports bad lines on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'));
    const file = join(dir, 'q.jsonl');
    writeFileSync(
      file,
      ['{"id":"a","q":"What does --cpu-shares do?"}', 'not json', '{"id":"b","q":"오늘 서울 날씨 어때?"}', ''].join('\n'),
    );
    const err = await ask('--file', file).catch((e) => e);
    expect(err.code).toBe(1); // one bad line
    const lines = err.stdout
      .trim()
      .split('\n')
      .map((l: string) => JSON.parse(l));
    expect(lines.map((o: { id: string }) => o.id)).toEqual(['a', 'b']);
    lines.forEach(checkSchema);
    expect(lines[1].abstained).toBe(true);
    expect(err.stderr).toMatch(/q\.jsonl:2: not JSON/);
  });

  it('prints a readable answer with sources for a person', async () => {
    const { stdout } = await ask('What is a hypervisor?');
    expect(stdout).toMatch(/Sources:\n\[1\] /);
  });

  it('explains usage and a bad setting without a stack trace', async () => {
    const usage = await ask().catch((e) => e);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/usage: npm run --silent ask/);
    const bad = await run('node', ['--import', 'tsx', 'src/cli/ask.ts', 'x'], { env: { ...env, RETRIEVAL_TOP_K: '0' } }).catch((e) => e);
    expect(bad.code).toBe(78);
    expect(bad.stderr).toMatch(/RETRIEVAL_TOP_K="0"/);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('eval CLI', () => {
  const evalRun = (...args: string[]) =>
    run('node', ['--import', 'tsx', 'scripts/eval.ts', ...args], { env }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );

  it('stops with one clear line for a missing file, a line that is not JSON and a question without its fields', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-'));
    writeFileSync(join(dir, 'bad.jsonl'), '{"id": "a", "q": "what is docker", "kind": "article", "evidence": [["docker"]]}\n{oops\n');
    writeFileSync(join(dir, 'partial.jsonl'), '{"id": "a", "q": "what is docker", "kind": "article"}\n');
    const missing = await evalRun(join(dir, 'none.jsonl'));
    const bad = await evalRun(join(dir, 'bad.jsonl'));
    const partial = await evalRun(join(dir, 'partial.jsonl'));
    expect(missing).toEqual({ code: 1, stderr: expect.stringMatching(/^eval: cannot read .*none\.jsonl \(ENOENT\)[^\n]*\n$/) });
    expect(bad).toEqual({ code: 1, stderr: expect.stringMatching(/^eval: .*bad\.jsonl line 2 is not JSON[^\n]*\n$/) });
    expect(partial).toEqual({ code: 1, stderr: expect.stringMatching(/^eval: .*partial\.jsonl line 1 needs id, q, kind[^\n]*\n$/) });
  });
});
