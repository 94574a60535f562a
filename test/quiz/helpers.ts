// Shared pieces for the quiz tests: a recording Responder and a quiet logger.
import { pino } from 'pino';
import type { BotButton, BotMessage, Invoker, Responder } from '../../src/commands/types.js';

export interface Sent {
  via: 'defer' | 'reply' | 'followUp' | 'update';
  message?: BotMessage;
}

export interface RecordingResponder extends Responder {
  sent: Sent[];
  last(): BotMessage;
  /** Make the next calls of reply/update reject (a Discord edit that fails). */
  failWith?: Error;
}

export function recordingResponder(): RecordingResponder {
  const r: RecordingResponder = {
    sent: [],
    last() {
      const m = [...r.sent].reverse().find((s) => s.message);
      if (!m?.message) throw new Error('nothing sent');
      return m.message;
    },
    async defer() {
      r.sent.push({ via: 'defer' });
    },
    async reply(message) {
      if (r.failWith) throw r.failWith;
      r.sent.push({ via: 'reply', message });
    },
    async followUp(message) {
      if (r.failWith) throw r.failWith;
      r.sent.push({ via: 'followUp', message });
    },
    async update(message) {
      if (r.failWith) throw r.failWith;
      r.sent.push({ via: 'update', message });
    },
  };
  return r;
}

export const user = (id: string, name = id): Invoker => ({ id, name, roleIds: [] });

export function buttonsOf(m: BotMessage): BotButton[] {
  return (m.components ?? []).flat().filter((c): c is BotButton => c.kind === 'button');
}

export function answerButton(m: BotMessage, letter: string): BotButton {
  const b = buttonsOf(m).find((x) => x.label === letter);
  if (!b) throw new Error(`no button ${letter}`);
  return b;
}

/** Logger whose warnings/errors land in `lines` (to check that failures are logged, not thrown). */
export function memoryLogger() {
  const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
  const logger = pino({ level: 'debug' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
  return { logger, lines };
}
