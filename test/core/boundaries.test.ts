// The core knows nothing of Discord or of how a reply looks: no file under src/knowledge, src/answer, src/llm,
// src/sandbox, src/quiz or src/db imports discord.js or the front-end layers (src/commands, src/discord,
// src/console), directly or by a dynamic import.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve('src');
const CORE = ['knowledge', 'answer', 'llm', 'sandbox', 'quiz', 'db'];
const FORBIDDEN_PACKAGES = [/^discord\.js$/, /^@discordjs\//];
const FORBIDDEN_DIRS = ['commands', 'discord', 'console'].map((d) => join(ROOT, d));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Module specifiers of static imports/exports (also `import type`) and dynamic import() calls. */
export function specifiers(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g)) out.push(m[1]);
  for (const m of source.matchAll(/(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g)) out.push(m[1]);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

/** What a core file must not import, as "file → specifier" lines. */
function violations(file: string): string[] {
  return specifiers(readFileSync(file, 'utf8'))
    .filter((spec) => {
      if (FORBIDDEN_PACKAGES.some((re) => re.test(spec))) return true;
      if (!spec.startsWith('.')) return false;
      const target = resolve(dirname(file), spec);
      return FORBIDDEN_DIRS.some((d) => target === d || target.startsWith(`${d}/`));
    })
    .map((spec) => `${relative(ROOT, file)} → ${spec}`);
}

describe('layer boundaries', () => {
  it('the core (knowledge, answer, llm, sandbox, quiz, db) imports neither discord.js nor src/commands, src/discord or src/console', () => {
    const core = CORE.flatMap((d) => files(join(ROOT, d)));
    expect(core.length).toBeGreaterThan(5);
    expect(core.flatMap(violations)).toEqual([]);
  });

  it('the check sees every form of import', () => {
    const source = [
      "import { Client } from 'discord.js';",
      "import type { BotMessage } from '../commands/types.js';",
      "export { x } from '../discord/payload.js';",
      "import '../console/console.js';",
      "const m = await import('../commands/render.js');",
      "import { multi,\n  line } from '@discordjs/rest';",
    ].join('\n');
    expect(specifiers(source)).toEqual([
      'discord.js',
      '../commands/types.js',
      '../discord/payload.js',
      '@discordjs/rest',
      '../console/console.js',
      '../commands/render.js',
    ]);
  });
});
