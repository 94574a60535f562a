// The sandbox core knows nothing of Discord or of how a reply looks: no file under src/sandbox imports
// discord.js, src/commands, src/discord or src/console.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FORBIDDEN = [/^discord\.js$/, /(^|\/)commands\//, /(^|\/)discord\//, /(^|\/)console\//];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

export function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
}

describe('src/sandbox stays out of presentation', () => {
  it('finds the imports it checks (the check itself works)', () => {
    expect(importsOf(`import { x } from '../commands/types.js';\nexport type { Y } from "discord.js";\nconst m = await import('../console/console.js');`)).toEqual([
      '../commands/types.js',
      'discord.js',
      '../console/console.js',
    ]);
  });
  it('no file imports discord.js, src/commands, src/discord or src/console', () => {
    const offenders = files('src/sandbox').flatMap((f) => importsOf(readFileSync(f, 'utf8')).filter((i) => FORBIDDEN.some((re) => re.test(i))).map((i) => `${f}: ${i}`));
    expect(files('src/sandbox').length).toBeGreaterThan(5);
    expect(offenders).toEqual([]);
  });
});
