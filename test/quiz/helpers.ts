// Shared pieces for the quiz tests: a recording Responder and a quiet logger.
import { pino } from 'pino';
import type { BotButton, BotMessage, ChannelMessenger, Invoker, Responder } from '../../src/commands/types.js';
import type { Schedule } from '../../src/quiz/service.js';
import type { AskedQuestion, QuizEvents, Reveal } from '../../src/quiz/types.js';

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

/** QuizEvents that record what the core reported; `refs` are handed out as message ids m1, m2, … */
export function recordingEvents() {
  const asked: AskedQuestion[] = [];
  const revealed: { reveal: Reveal; ref: string | undefined }[] = [];
  const events: QuizEvents & { asked: QuizEvents['asked']; failWith?: Error } = {
    async asked(q) {
      if (events.failWith) throw events.failWith;
      asked.push(q);
      return `m${asked.length}`;
    },
    async revealed(reveal, ref) {
      if (events.failWith) throw events.failWith;
      revealed.push({ reveal, ref });
    },
  };
  return { events, asked, revealed, lastAsked: () => asked[asked.length - 1], lastReveal: () => revealed[revealed.length - 1]?.reveal };
}

/** A clock the test advances by hand: `fire()` runs the earliest pending timer (and lets promises settle). */
export function manualClock() {
  let pending: { fn: () => void; at: number; cancelled: boolean }[] = [];
  let now = 0;
  const schedule: Schedule = (fn, ms) => {
    const t = { fn, at: now + ms, cancelled: false };
    pending.push(t);
    return { cancel: () => void (t.cancelled = true) };
  };
  return {
    schedule,
    get pending() {
      return pending.filter((t) => !t.cancelled).length;
    },
    /** Runs the next timer; returns the delay it was set for (ms), or undefined when none is pending. */
    async fire(): Promise<number | undefined> {
      pending = pending.filter((t) => !t.cancelled).sort((a, b) => a.at - b.at);
      const t = pending.shift();
      if (!t) return undefined;
      const waited = t.at - now;
      now = t.at;
      t.fn();
      for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
      return waited;
    },
  };
}

/** A ChannelMessenger that records channel messages and their edits (ids c1, c2, …). */
export function recordingMessenger() {
  const sent: { channelId: string; id: string; message: BotMessage }[] = [];
  const edits: { channelId: string; id: string; message: BotMessage }[] = [];
  const channel: ChannelMessenger = {
    async send(channelId, message) {
      const id = `c${sent.length + 1}`;
      sent.push({ channelId, id, message });
      return id;
    },
    async edit(channelId, id, message) {
      edits.push({ channelId, id, message });
    },
  };
  return { channel, sent, edits, lastSent: () => sent[sent.length - 1].message };
}
