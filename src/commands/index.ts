// Every slash command the bot has. Front ends and the register script take the list from here.
import type { Config } from '../config.js';
import ask from './ask.js';
import help from './help.js';
import quiz from './quiz.js';
import reload from './reload.js';
import sandbox, { sandboxCommand } from './sandbox.js';
import search from './search.js';
import topics from './topics.js';
import type { Command } from './types.js';

/** Every command, /sandbox with the default bounds (tests and tools that want them all). */
export const commands: Command[] = [ask, search, topics, quiz, sandbox, help, reload];

/** The console's commands: /sandbox always (bounded by the settings; when off it says how to turn it on). */
export function consoleCommands(config: Config): Command[] {
  return [ask, search, topics, quiz, sandboxCommand(config.sandbox), help, reload];
}

/** The commands this configuration offers: /sandbox only when enabled, its options bounded by the settings. */
export function commandsFor(config: Config): Command[] {
  const optional = config.sandbox.enabled ? [sandboxCommand(config.sandbox)] : [];
  return [ask, search, topics, quiz, ...optional, help, reload];
}
