// Parses a console line such as `/ask question: 도커와 VM 차이가 뭐야?` against the command's own
// definition (the same JSON Discord receives), so the console checks options exactly as Discord does.
import { ApplicationCommandOptionType, type APIApplicationCommandOption } from 'discord.js';
import type { Command, OptionValue } from '../commands/types.js';

export interface ParsedLine {
  name: string;
  subcommand?: string;
  options: Record<string, OptionValue>;
}

export class ParseError extends Error {}

type Option = APIApplicationCommandOption & {
  name_localizations?: Partial<Record<string, string | null>> | null;
  required?: boolean;
  choices?: { name: string; value: string | number }[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  options?: Option[];
};

const TRUE = new Set(['true', 'yes', 'y', '1', 'on', '예', '네', '응']);
const FALSE = new Set(['false', 'no', 'n', '0', 'off', '아니오', '아니', '아니요']);

function convert(opt: Option, raw: string): OptionValue {
  const value = raw.trim();
  switch (opt.type) {
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const n = Number(value);
      if (!Number.isFinite(n) || (opt.type === ApplicationCommandOptionType.Integer && !Number.isInteger(n))) {
        throw new ParseError(
          `${opt.name}: expected ${opt.type === ApplicationCommandOptionType.Integer ? 'a whole number' : 'a number'}, got "${value}"`,
        );
      }
      if (opt.min_value !== undefined && n < opt.min_value) throw new ParseError(`${opt.name}: must be at least ${opt.min_value}`);
      if (opt.max_value !== undefined && n > opt.max_value) throw new ParseError(`${opt.name}: must be at most ${opt.max_value}`);
      return checkChoice(opt, n);
    }
    case ApplicationCommandOptionType.Boolean:
      if (TRUE.has(value.toLowerCase())) return true;
      if (FALSE.has(value.toLowerCase())) return false;
      throw new ParseError(`${opt.name}: expected true or false, got "${value}"`);
    default:
      if (opt.max_length !== undefined && value.length > opt.max_length)
        throw new ParseError(`${opt.name}: at most ${opt.max_length} characters`);
      if (opt.min_length !== undefined && value.length < opt.min_length)
        throw new ParseError(`${opt.name}: at least ${opt.min_length} characters`);
      return checkChoice(opt, value);
  }
}

function checkChoice(opt: Option, value: string | number): OptionValue {
  if (!opt.choices?.length) return value;
  const hit = opt.choices.find(
    (c) => c.value === value || String(c.value) === String(value) || c.name.toLowerCase() === String(value).toLowerCase(),
  );
  if (!hit) throw new ParseError(`${opt.name}: choose one of ${opt.choices.map((c) => c.value).join(', ')}`);
  return hit.value;
}

/** The names a person may type for a command, subcommand or option: its own and its Korean one (as /help shows). */
function namesOf(item: { name: string; name_localizations?: Partial<Record<string, string | null>> | null }): string[] {
  const ko = item.name_localizations?.ko;
  return ko ? [item.name, ko] : [item.name];
}

const named = <T extends { name: string; name_localizations?: Partial<Record<string, string | null>> | null }>(items: T[], typed: string) =>
  items.find((i) => namesOf(i).includes(typed.toLowerCase()));

export function parseLine(line: string, commands: readonly Command[]): ParsedLine {
  const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line.trim());
  if (!m) throw new ParseError('Commands start with "/", e.g. /ask question: ...');
  const [, name, restRaw] = m;
  const command = commands.find((c) => named([c.data.toJSON()], name));
  if (!command) throw new ParseError(`Unknown command /${name}. Type /help.`);
  const json = command.data.toJSON() as { options?: Option[] };
  let options: Option[] = json.options ?? [];
  let rest = restRaw;
  let subcommand: string | undefined;

  const subs = options.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
  if (subs.length) {
    const sm = /^(\S+)\s*([\s\S]*)$/.exec(rest);
    const sub = sm && named(subs, sm[1]);
    if (!sub) throw new ParseError(`/${name} needs one of: ${subs.map((s) => s.name).join(', ')}`);
    subcommand = sub.name;
    options = sub.options ?? [];
    rest = sm[2];
  }

  const values: Record<string, OptionValue> = {};
  const names = options.flatMap(namesOf);
  const marker = names.length ? new RegExp(`(?:^|\\s)(${names.map((n) => n.replace(/[-]/g, '\\-')).join('|')}):`, 'g') : null;
  const marks = marker ? [...rest.matchAll(marker)] : [];
  if (!marks.length && rest.trim()) {
    // No `name:` given: the text is the first text option (what a person means by `/ask 도커가 뭐야?`).
    const first = options.find((o) => o.type === ApplicationCommandOptionType.String);
    if (!first)
      throw new ParseError(
        `/${name}${subcommand ? ` ${subcommand}` : ''} takes options like ${names.map((n) => `${n}: …`).join(' ') || 'none'}`,
      );
    values[first.name] = convert(first, rest);
  } else {
    if (marks.length && rest.slice(0, marks[0].index).trim()) throw new ParseError(`Unexpected text before "${marks[0][1]}:"`);
    marks.forEach((mk, i) => {
      const start = mk.index + mk[0].length;
      const end = i + 1 < marks.length ? marks[i + 1].index : rest.length;
      const opt = named(options, mk[1])!;
      values[opt.name] = convert(opt, rest.slice(start, end));
    });
  }
  for (const o of options) {
    if (o.required && values[o.name] === undefined)
      throw new ParseError(`/${name}${subcommand ? ` ${subcommand}` : ''}: "${o.name}" is required`);
  }
  return { name: command.data.name, subcommand, options: values };
}
