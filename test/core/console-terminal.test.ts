// The console at a terminal: readline in terminal mode (history, line editing), output that arrives while the
// prompt waits printed above a redrawn prompt, and logs kept off the screen.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { closeServices, createServices } from '../../src/bootstrap.js';
import { consoleCommands } from '../../src/commands/index.js';
import { CommandRouter } from '../../src/commands/router.js';
import { loadConfig } from '../../src/config.js';
import { runConsole } from '../../src/console/console.js';
import type { Services } from '../../src/services.js';

const UP = '\x1b[A';
const opened: Services[] = [];
afterAll(async () => {
  for (const s of opened) await closeServices(s);
});

async function until(what: string, check: () => boolean, limitMs = 20_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A console on a fake terminal: keys go in as a person types them, everything written comes back in `text()`. */
async function terminalConsole(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'console-tty-'));
  const services = await createServices(
    loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: join(dir, 'bot.sqlite'), CONSOLE_OUTPUT_DIR: dir, KNOWLEDGE_WATCH: 'false', ...env }),
  );
  opened.push(services);
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (d) => (written += String(d)));
  const router = new CommandRouter(consoleCommands(services.config), services, { cooldownSeconds: 0, allowedChannelIds: [] });
  const done = runConsole({ input, output, services, router, interactive: true });
  return { type: (keys: string) => input.write(keys), text: () => written, done };
}

describe('console at a terminal', () => {
  it('recalls the previous line with ↑ (readline history) and leaves on /quit', async () => {
    const t = await terminalConsole();
    t.type('/help\r');
    await until('the help', () => t.text().includes('VM & Docker study bot'));
    t.type(`${UP}\r`);
    await until('the help again', () => t.text().split('── VM & Docker study bot ──').length === 3);
    t.type('/quit\r');
    await t.done;
  });

  it('prints a quiz reveal above the prompt and redraws the prompt with what was being typed', async () => {
    const t = await terminalConsole({ QUIZ_ANSWER_SECONDS: '5', QUIZ_NEXT_SECONDS: '0' });
    t.type('/quiz start count: 1\r');
    await until('the question', () => /\[b\d+\] 🔍 Reveal/.test(t.text()));
    t.type('what is a hypervisor');
    await until('the timed reveal', () => t.text().includes("Time's up"), 30_000);
    const afterReveal = t.text().slice(t.text().indexOf("Time's up"));
    expect(afterReveal).toContain('> what is a hypervisor'); // the half-typed line is back under the reveal
    t.type('?\r'); // finishing the line sends what was typed before the reveal
    await until('the answer', () => t.text().includes('── what is a hypervisor? ──'));
    t.type('/quit\r');
    await t.done;
  });
});

/** `npm start`'s entry under script(1), which gives it a pseudo-terminal: stdin is a TTY as it is for a person. */
async function startAtTerminal(dir: string, logFile: string) {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LOG_LEVEL: 'debug',
    DATABASE_PATH: join(dir, 'db.sqlite'),
    CONSOLE_LOG_FILE: logFile,
    KNOWLEDGE_WATCH: 'false',
    TERM: 'dumb',
  };
  const child = spawn('script', ['-qfec', 'npx tsx src/main.ts', '/dev/null'], { env });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  await until('the banner', () => out.includes('/quit leaves'), 30_000);
  return { type: (keys: string) => child.stdin.write(keys), text: () => out, exited };
}

describe('`npm start` at a terminal', () => {
  it('leaves on Ctrl+C (readline takes the key at a terminal) with the exit code of an interrupt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-pty-'));
    const bot = await startAtTerminal(dir, join(dir, 'console.log'));
    bot.type('\x03');
    expect(await bot.exited).toBe(130);
  });

  it('writes its logs to CONSOLE_LOG_FILE, not among the replies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-pty-'));
    const logFile = join(dir, 'logs', 'console.log');
    const bot = await startAtTerminal(dir, logFile);
    bot.type('/help\r');
    await until('the help', () => bot.text().includes('VM & Docker study bot'), 30_000);
    bot.type('/quit\r');
    expect(await bot.exited).toBe(0);
    const out = bot.text();
    expect(out).toContain(`Logs: ${logFile}`);
    expect(out).not.toMatch(/"level":/);
    expect(existsSync(logFile)).toBe(true);
    expect(readFileSync(logFile, 'utf8')).toMatch(/"msg":"knowledge base loaded"/);
  });
});
