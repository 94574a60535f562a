// The registered command JSON, checked against Discord's documented rules for application commands
// (https://discord.com/developers/docs/interactions/application-commands): names, descriptions, option
// order and counts, choices, localizations, total size; plus what a server admin relies on: /sandbox only
// when enabled, hidden behind Manage Messages and guild-only; contexts and integration types on every
// command; min/max from src/config.ts on every integer and number option.
import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { registerCommands } from '../../scripts/register-commands.js';
import { commandsFor } from '../../src/commands/index.js';
import { loadConfig, USER_BOUNDS } from '../../src/config.js';
import { startEmulator } from './emulator.js';

const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const OPTION = { subcommand: 1, group: 2, string: 3, integer: 4, boolean: 5, number: 10 };

/** Every rule violation in one command definition, as readable strings (empty = valid). */
function violations(cmd: any): string[] {
  const out: string[] = [];
  const where = (path: string) => `/${cmd.name}${path}`;
  const checkNamed = (o: any, path: string) => {
    for (const name of [o.name, ...Object.values(o.name_localizations ?? {})] as string[]) {
      if (!NAME.test(name) || name !== name.toLowerCase()) out.push(`${where(path)}: bad name "${name}"`);
    }
    for (const d of [o.description, ...Object.values(o.description_localizations ?? {})] as string[]) {
      if (typeof d !== 'string' || d.length < 1 || d.length > 100) out.push(`${where(path)}: description length ${d?.length}`);
    }
  };
  const checkOptions = (options: any[] = [], path: string) => {
    if (options.length > 25) out.push(`${where(path)}: ${options.length} options`);
    const firstOptional = options.findIndex((o) => !o.required);
    if (firstOptional >= 0 && options.slice(firstOptional).some((o) => o.required))
      out.push(`${where(path)}: required option after an optional one`);
    if (new Set(options.map((o) => o.name)).size !== options.length) out.push(`${where(path)}: duplicate option names`);
    for (const o of options) {
      checkNamed(o, `${path} ${o.name}`);
      if (o.choices && (o.choices.length > 25 || o.autocomplete)) out.push(`${where(path)} ${o.name}: choices`);
      if (o.type === OPTION.integer || o.type === OPTION.number) {
        if (o.min_value !== undefined && o.max_value !== undefined && o.min_value > o.max_value)
          out.push(`${where(path)} ${o.name}: min > max`);
      }
      if (o.type === OPTION.subcommand || o.type === OPTION.group) checkOptions(o.options, `${path} ${o.name}`);
    }
  };
  checkNamed(cmd, '');
  checkOptions(cmd.options, '');
  const size = (o: any): number =>
    o.name.length +
    o.description.length +
    Object.values(o.name_localizations ?? {}).join('').length +
    Object.values(o.description_localizations ?? {}).join('').length +
    (o.options ?? []).reduce((n: number, x: any) => n + size(x), 0) +
    (o.choices ?? []).reduce((n: number, c: any) => n + c.name.length + String(c.value).length, 0);
  if (size(cmd) > 4000) out.push(`/${cmd.name}: ${size(cmd)} characters (max 4000)`);
  return out;
}

function boundedOptions(options: any[] = []): any[] {
  return options.flatMap((o) =>
    o.type === OPTION.subcommand || o.type === OPTION.group
      ? boundedOptions(o.options)
      : o.type === OPTION.integer || o.type === OPTION.number
        ? [o]
        : [],
  );
}

async function registered(env: Record<string, string>): Promise<any[]> {
  const emu = await startEmulator();
  try {
    const config = loadConfig(env);
    await registerCommands({ token: 't', clientId: emu.applicationId, apiUrl: emu.apiUrl, commands: commandsFor(config) });
    return emu.registered.get('global')!;
  } finally {
    await emu.close();
  }
}

describe('registered commands (through the emulator, as Discord receives them)', () => {
  it('without SANDBOX_ENABLED: no /sandbox, and every command valid with contexts and integration types', async () => {
    const defs = await registered({});
    expect(defs.map((d) => d.name)).not.toContain('sandbox');
    expect(defs.map((d) => d.name)).toEqual(expect.arrayContaining(['ask', 'search', 'topics', 'quiz', 'help']));
    for (const d of defs) {
      expect(violations(d)).toEqual([]);
      expect(d.integration_types).toEqual([ApplicationIntegrationType.GuildInstall]);
      expect(d.contexts.length).toBeGreaterThan(0);
    }
    const byName = Object.fromEntries(defs.map((d) => [d.name, d]));
    expect(byName.quiz.contexts).toEqual([InteractionContextType.Guild]);
    expect(byName.ask.contexts).toEqual([InteractionContextType.Guild, InteractionContextType.BotDM]);
    expect(byName.reload.contexts).toEqual([InteractionContextType.Guild]);
    expect(byName.reload.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    // Only /sandbox and /reload are hidden from members by default.
    expect(defs.filter((d) => d.default_member_permissions).map((d) => d.name)).toEqual(['reload']);
  });

  it('with SANDBOX_ENABLED: /sandbox is guild-only, behind Manage Messages, its bounds from the settings', async () => {
    const defs = await registered({
      SANDBOX_ENABLED: 'true',
      SANDBOX_MEMORY_MB_MAX: '512',
      SANDBOX_CPUS_MAX: '2',
      SANDBOX_PIDS_MAX: '100',
      SANDBOX_TIMEOUT_SECONDS_MAX: '30',
    });
    const sandbox = defs.find((d) => d.name === 'sandbox');
    expect(violations(sandbox)).toEqual([]);
    expect(sandbox.contexts).toEqual([InteractionContextType.Guild]);
    expect(sandbox.default_member_permissions).toBe(String(PermissionFlagsBits.ManageMessages));
    const run = sandbox.options.find((o: any) => o.name === 'run');
    const bound = (name: string) => {
      const o = run.options.find((x: any) => x.name === name);
      return [o.min_value, o.max_value];
    };
    expect(bound('memory')).toEqual([6, 512]);
    expect(bound('memory_swap')).toEqual([0, 1024]);
    expect(bound('cpus')).toEqual([0.01, 2]);
    expect(bound('pids_limit')).toEqual([4, 100]);
    expect(bound('timeout')).toEqual([1, 30]);
  });

  it('every integer and number option of every command carries min_value and max_value', async () => {
    const defs = await registered({ SANDBOX_ENABLED: 'true' });
    const options = defs.flatMap((d) => boundedOptions(d.options).map((o) => ({ command: d.name, ...o })));
    expect(options.length).toBeGreaterThan(8);
    const unbounded = options.filter((o) => o.min_value === undefined || o.max_value === undefined).map((o) => `/${o.command} ${o.name}`);
    expect(unbounded).toEqual([]);
    const bounds = (command: string, name: string) =>
      options.filter((o) => o.command === command && o.name === name).map((o) => [o.min_value, o.max_value]);
    expect(bounds('quiz', 'count')).toEqual([[USER_BOUNDS.quizQuestions.min, USER_BOUNDS.quizQuestions.max]]);
    expect(bounds('search', 'count')).toEqual([[USER_BOUNDS.passages.min, USER_BOUNDS.passages.max]]);
  });

  it('the validator itself catches what Discord refuses', () => {
    const bad = {
      name: 'Bad Name',
      description: '',
      options: [
        { name: 'a', description: 'x', type: 3 },
        { name: 'b', description: 'y', type: 3, required: true },
      ],
    };
    expect(violations(bad)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/bad name/),
        expect.stringMatching(/description length 0/),
        expect.stringMatching(/required option after/),
      ]),
    );
  });
});
