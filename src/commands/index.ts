// Every slash command the bot has. Front ends and the register script take the list from here.
import ask from './ask.js';
import help from './help.js';
import quiz from './quiz.js';
import sandbox from './sandbox.js';
import search from './search.js';
import topics from './topics.js';
import type { Command } from './types.js';

export const commands: Command[] = [ask, search, topics, quiz, sandbox, help];
