// The README's settings table and .env.example are generated from src/config.ts; this keeps them true.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envExample, readmeWithTable, settingRows } from '../../scripts/settings-doc.js';
import { loadConfig } from '../../src/config.js';

describe('settings documentation', () => {
  it('README.md carries the current settings table (run scripts/settings-doc.ts --write after changing config.ts)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toBe(readmeWithTable(readme));
  });

  it('.env.example lists every setting and is current', () => {
    const example = readFileSync('.env.example', 'utf8');
    expect(example).toBe(envExample());
    for (const r of settingRows()) expect(example).toMatch(new RegExp(`^(# )?${r.name}=`, 'm'));
  });

  it('.env.example, loaded as it is, gives the defaults', () => {
    const env: Record<string, string> = {};
    for (const line of envExample().split('\n')) {
      const m = line.match(/^([A-Z_]+)=(.*)$/);
      if (m) env[m[1]] = m[2];
    }
    expect(loadConfig(env)).toEqual(loadConfig({}));
  });

  it('shows bounds for numbers and choices for enums', () => {
    const byName = Object.fromEntries(settingRows().map((r) => [r.name, r]));
    expect(byName.RETRIEVAL_TOP_K).toMatchObject({ default: '5', allowed: '1 – 10' });
    expect(byName.LOG_LEVEL.allowed).toContain('silent');
    expect(byName.SANDBOX_ENABLED).toMatchObject({ default: 'false', allowed: 'true / false' });
  });
});
