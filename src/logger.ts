// Structured logs (pino) to stderr, so stdout stays clean for the console and the JSON CLI.
import { pino, type Logger } from 'pino';

export function createLogger(level: string, name = 'study-bot'): Logger {
  return pino({ name, level }, pino.destination({ dest: 2, sync: true }));
}
