// The knowledge base reloads without a restart: a file dropped into KNOWLEDGE_DIR is answered from once the
// watcher's debounce has passed; a broken file is reported and the previous index kept; /reload is for members
// with Manage Server. Real bot, real client, emulator, a copy of knowledge/ in a temp folder.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COLORS } from '../../src/commands/render.js';
import { startBotUnderTest, type BotUnderTest } from './harness.js';

const MANAGE_GUILD = String(1n << 5n);
const dir = mkdtempSync(join(tmpdir(), 'kb-reload-'));
let h: BotUnderTest;

beforeAll(async () => {
  cpSync('knowledge', dir, { recursive: true });
  h = await startBotUnderTest({ env: { KNOWLEDGE_DIR: dir, KNOWLEDGE_RELOAD_DEBOUNCE_MS: '100' } });
});
afterAll(async () => {
  h.services.reloader?.stop();
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

const NEW_DOC = `---
title: The zorblax runtime
lang: en
topic: zorblax
tags: [runtime]
---
# The zorblax runtime

## What zorblax does

**Key point:** zorblax is a container runtime that starts every container inside a tiny VM for stronger isolation.

The zorblax runtime starts each container in its own lightweight virtual machine, so containers do not share the
host kernel. It trades a little start-up time for isolation closer to a VM's.
`;

async function ask(question: string) {
  const i = h.emu.slash('ask', { question });
  return i.waitForMessage((m) => m.via === 'edit' && m.embeds.length > 0 && m.embeds[0].color !== COLORS.streaming);
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe('knowledge base hot reload', () => {
  test('a new file is answered from after the debounce, without a restart', async () => {
    const before = await ask('What does the zorblax runtime do?');
    expect(before.embeds[0].color).toBe(COLORS.abstain);
    const kb = h.services.kb;
    writeFileSync(join(dir, 'en', 'zorblax.md'), NEW_DOC);
    await until(() => h.services.kb !== kb, 'the reload');
    await h.services.reloader!.idle();
    const after = await ask('What does the zorblax runtime do?');
    expect(after.embeds[0].color).toBe(COLORS.answer);
    expect(after.embeds[0].description).toMatch(/zorblax/);
    expect(after.embeds[0].fields[0].value).toMatch(/The zorblax runtime/);
  });

  test('a broken file is reported and the previous index stays in use', async () => {
    const kb = h.services.kb;
    writeFileSync(join(dir, 'en', 'broken.md'), '---\ntitle: [unclosed\nlang: en\n---\n# Broken\n\nText about zorblax.\n');
    await new Promise((r) => setTimeout(r, 300));
    await h.services.reloader!.idle();
    expect(h.services.kb).toBe(kb);

    const byAdmin = await h.emu.slash('reload', {}, { permissions: MANAGE_GUILD }).waitForMessage((m) => m.via === 'edit');
    expect(byAdmin.ephemeral).toBe(true);
    expect(byAdmin.content).toMatch(
      /^Not reloaded; the knowledge base in use is kept\. Problems:\n• en\/broken\.md: front matter could not be parsed/,
    );
    expect(h.services.kb).toBe(kb);
    const still = await ask('What does the zorblax runtime do?');
    expect(still.embeds[0].color).toBe(COLORS.answer);

    rmSync(join(dir, 'en', 'broken.md'));
    await new Promise((r) => setTimeout(r, 300));
    await h.services.reloader!.idle();
    const fixed = await h.emu.slash('reload', {}, { permissions: MANAGE_GUILD }).waitForMessage((m) => m.via === 'edit');
    expect(fixed.content).toMatch(/^Knowledge base reloaded: \d+ documents, \d+ passages \(\d+ ms\)\.$/);
  });

  test('the quiz bank under knowledge/quiz reloads with it; a bank that no longer parses holds the reload back', async () => {
    const kb = h.services.kb;
    const bank = h.services.quiz!.bank;
    const file = join(dir, 'quiz', 'en.json');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, '{ not json');
    const refused = await h.emu.slash('reload', {}, { permissions: MANAGE_GUILD }).waitForMessage((m) => m.via === 'edit');
    expect(refused.content).toMatch(/^Not reloaded; the knowledge base in use is kept\. Problems:\n• quiz bank: /);
    expect([h.services.kb, h.services.quiz!.bank]).toEqual([kb, bank]);

    writeFileSync(file, good);
    await new Promise((r) => setTimeout(r, 300));
    await h.services.reloader!.idle();
    const fixed = await h.emu.slash('reload', {}, { permissions: MANAGE_GUILD }).waitForMessage((m) => m.via === 'edit');
    expect(fixed.content).toMatch(/^Knowledge base reloaded/);
    expect(h.services.quiz!.bank).not.toBe(bank);
    expect(h.services.quiz!.bank.questions.length).toBe(bank.questions.length);
  });

  test('/reload is refused to a member without Manage Server', async () => {
    const kb = h.services.kb;
    const refused = await h.emu.slash('reload', {}, { locale: 'ko' }).waitForMessage();
    expect(refused).toMatchObject({ ephemeral: true, content: '/reload 는 서버 관리 권한이 있어야 쓸 수 있어요.' });
    expect(h.services.kb).toBe(kb);
  });
});
