// Quiz rounds: one open round per channel. A round asks `count` questions one after another in the
// message of the /quiz command (edited through the responder captured at start). Each question closes
// when its time runs out, when the starter presses "reveal", when a new quiz starts in the channel, or,
// in a DM or the console where only one person can answer, as soon as that person answers.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { BotMessage, Invoker, Locale, Responder } from '../commands/types.js';
import type { Config } from '../config.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { QuizBank, type QuizQuestion } from './bank.js';
import type { QuestionGenerator } from './generate.js';
import { createGenerator } from './generate.js';
import { questionMessage, revealMessage, type AnswerRecord, type RevealOptions, type ShownQuestion } from './render.js';
import { QuizStore } from './store.js';
import { MemoryQuizRoundStore, type QuizRoundStore } from '../stores/quiz-rounds.js';

export const MAX_COUNT = 10;
/** Questions remembered per channel so a new round prefers questions not asked lately. */
const RECENT_PER_CHANNEL = 40;

export interface QuizServiceOptions {
  answerSeconds: number;
  /** Pause between a reveal and the next question of the same round. */
  nextSeconds: number;
  logger: Logger;
  generator?: QuestionGenerator;
  /** Random numbers in [0, 1) (tests pass a seeded one). */
  random?: () => number;
  /** Where open rounds live; default this process's memory (src/stores/quiz-rounds.ts). */
  rounds?: QuizRoundStore<Round>;
}

interface Live {
  shown: ShownQuestion;
  /** Unique per asked question: the database key that allows one answer per user. */
  run: string;
  answers: Map<string, AnswerRecord>;
  revealed: boolean;
  timer?: NodeJS.Timeout;
}

export interface Round {
  id: string;
  channelId: string;
  guildId: string | null;
  scope: string;
  starter: Invoker;
  locale: Locale;
  topic?: string;
  respond: Responder;
  planned: QuizQuestion[];
  total: number;
  live?: Live;
  nextTimer?: NodeJS.Timeout;
  finished: boolean;
  totals: Map<string, { name: string; correct: number }>;
}

export type AnswerOutcome =
  /** revealNow: a DM or the console, where nobody else can answer: reveal at once. */
  | { kind: 'recorded'; letter: string; correct: boolean; revealNow: boolean }
  | { kind: 'already'; letter: string }
  | { kind: 'closed' };

export type RevealOutcome = { kind: 'revealed'; message: BotMessage } | { kind: 'not-starter'; starterName: string } | { kind: 'closed' };

export interface StartRequest {
  channelId: string;
  guildId: string | null;
  starter: Invoker;
  locale: Locale;
  topic?: string;
  count: number;
  respond: Responder;
}

export function scopeOf(guildId: string | null, channelId: string): string {
  return guildId ?? `dm:${channelId}`;
}

export class QuizService {
  readonly store: QuizStore;
  private rounds: QuizRoundStore<Round>;
  private recent = new Map<string, string[]>();
  private random: () => number;
  private closed = false;

  constructor(
    readonly bank: QuizBank,
    db: Database.Database,
    private kb: KnowledgeBase,
    private options: QuizServiceOptions,
  ) {
    this.store = new QuizStore(db);
    this.random = options.random ?? Math.random;
    this.rounds = options.rounds ?? new MemoryQuizRoundStore<Round>();
  }

  /** The service the bot uses: bank from `<knowledge>/quiz`, generator when an OpenAI key is set. */
  static async create(config: Config, kb: KnowledgeBase, db: Database.Database, logger: Logger, rounds?: QuizRoundStore<Round>): Promise<QuizService> {
    const bank = await QuizBank.load(join(config.knowledgeDir, 'quiz'), { missingOk: true });
    if (!bank.questions.length) logger.warn({ dir: join(config.knowledgeDir, 'quiz') }, 'quiz bank is empty');
    const generator = config.quiz.generate ? createGenerator(config, kb, logger) : undefined;
    return new QuizService(bank, db, kb, { answerSeconds: config.quiz.answerSeconds, nextSeconds: config.quiz.nextSeconds, logger, generator, rounds });
  }

  get answerSeconds(): number {
    return this.options.answerSeconds;
  }

  /** Topic ids that have questions (the bank's; generated questions can cover any knowledge-base topic). */
  topics(): string[] {
    return this.options.generator ? [...new Set([...this.bank.topics(), ...this.kb.topics().map((t) => t.id)])].sort() : this.bank.topics();
  }

  topicTitle(topicId: string, locale: Locale): string {
    const topic = this.kb.topics().find((t) => t.id === topicId);
    return topic ? this.kb.topicTitle(topic, locale) : topicId;
  }

  /** Resolves what a user typed (id or title, either language) to a topic id. */
  resolveTopic(text: string): string | undefined {
    const t = text.trim().toLowerCase();
    if (!t) return undefined;
    const ids = this.topics();
    if (ids.includes(t)) return t;
    for (const id of ids) {
      const topic = this.kb.topics().find((x) => x.id === id);
      if (topic && Object.values(topic.titles).some((title) => title?.toLowerCase() === t)) return id;
    }
    const titles = (id: string) => Object.values(this.kb.topics().find((x) => x.id === id)?.titles ?? {}).map((x) => x?.toLowerCase() ?? '');
    return ids.find((id) => id.includes(t)) ?? ids.find((id) => titles(id).some((title) => title.includes(t)));
  }

  isActive(channelId: string): boolean {
    return this.rounds.inChannel(channelId) !== undefined;
  }

  private shuffle<T>(xs: T[]): T[] {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }

  private plan(channelId: string, locale: Locale, topic: string | undefined, count: number): QuizQuestion[] {
    const pool = this.shuffle(this.bank.select(locale, topic));
    const recent = new Set(this.recent.get(channelId) ?? []);
    const fresh = pool.filter((q) => !recent.has(q.key));
    const stale = pool.filter((q) => recent.has(q.key));
    return [...fresh, ...stale].slice(0, count);
  }

  private remember(channelId: string, key: string): void {
    const list = (this.recent.get(channelId) ?? []).filter((k) => k !== key);
    list.push(key);
    this.recent.set(channelId, list.slice(-RECENT_PER_CHANNEL));
  }

  /** Edits a quiz message; a failed Discord edit is logged, never thrown into a timer. */
  private async safe(what: string, round: Round, send: () => Promise<void>): Promise<void> {
    try {
      await send();
    } catch (err) {
      this.options.logger.warn({ err, what, round: round.id, channel: round.channelId }, 'quiz message could not be sent');
    }
  }

  /**
   * Starts a round. A round already open in the channel is revealed and ended first ("the next
   * question is asked"). Returns false when there is nothing to ask (no questions for the topic).
   */
  async start(req: StartRequest): Promise<boolean> {
    if (this.closed) return false;
    const previous = this.rounds.inChannel(req.channelId);
    if (previous) await this.endRound(previous, 'replaced');

    const count = Math.max(1, Math.min(MAX_COUNT, Math.floor(req.count)));
    const planned = this.plan(req.channelId, req.locale, req.topic, count);
    if (!planned.length && !this.options.generator) return false;
    const round: Round = {
      id: randomBytes(5).toString('hex'),
      channelId: req.channelId,
      guildId: req.guildId,
      scope: scopeOf(req.guildId, req.channelId),
      starter: req.starter,
      locale: req.locale,
      topic: req.topic,
      respond: req.respond,
      planned,
      total: this.options.generator ? count : planned.length,
      finished: false,
      totals: new Map(),
    };
    this.rounds.put(round);
    return this.ask(round, 0);
  }

  private async nextQuestion(round: Round, index: number): Promise<QuizQuestion | undefined> {
    const gen = this.options.generator;
    if (gen) {
      try {
        const q = await gen.generate({ lang: round.locale, topic: round.topic });
        if (q) return q;
      } catch (err) {
        this.options.logger.warn({ err }, 'quiz generation failed; using the bank');
      }
    }
    return round.planned[index] ?? this.plan(round.channelId, round.locale, round.topic, 1)[0];
  }

  /** Shows question `index` of the round; false when there was none to show (the round is then over). */
  private async ask(round: Round, index: number): Promise<boolean> {
    if (round.finished) return false;
    const question = await this.nextQuestion(round, index);
    if (!question || round.finished) {
      this.finish(round);
      return false;
    }
    this.remember(round.channelId, question.key);
    const order = this.shuffle([0, 1, 2, 3]);
    const shown: ShownQuestion = {
      roundId: round.id,
      index,
      total: round.total,
      question,
      order,
      correct: order.indexOf(question.answer),
      topicTitle: this.topicTitle(question.topic, round.locale),
      answerSeconds: this.options.answerSeconds,
    };
    const live: Live = { shown, run: `${round.id}:${index}`, answers: new Map(), revealed: false };
    round.live = live;
    await this.safe('question', round, () => round.respond.reply(questionMessage(shown, round.locale, round.starter.name)));
    if (round.live !== live || live.revealed) return true; // closed while the message was being sent
    live.timer = setTimeout(() => {
      this.reveal(round, live, 'timeout').catch((err) => this.options.logger.error({ err, round: round.id }, 'quiz timeout reveal failed'));
    }, this.options.answerSeconds * 1000);
    live.timer.unref();
    return true;
  }

  private revealOptions(round: Round, live: Live, reason: RevealOptions['reason']): RevealOptions {
    const last = round.finished || live.shown.index + 1 >= round.total;
    return {
      answers: [...live.answers.values()],
      reason,
      nextInSeconds: last ? undefined : this.options.nextSeconds,
      roundTotals: last ? [...round.totals.values()] : undefined,
    };
  }

  /**
   * Closes the open question and shows the reveal. `edit` is how to show it: the responder captured at
   * start by default, or the clicking user's `update` (same message) for the reveal button.
   */
  private async reveal(round: Round, live: Live, reason: RevealOptions['reason'], edit?: (m: BotMessage) => Promise<void>): Promise<BotMessage | undefined> {
    if (live.revealed || round.live !== live) return undefined;
    live.revealed = true;
    clearTimeout(live.timer);
    if (reason === 'replaced') round.finished = true;
    const message = revealMessage(live.shown, round.locale, this.revealOptions(round, live, reason));
    await this.safe('reveal', round, () => (edit ?? ((m: BotMessage) => round.respond.reply(m)))(message));
    this.options.logger.info({ round: round.id, question: live.shown.question.key, answers: live.answers.size, reason }, 'quiz question revealed');
    if (round.finished || live.shown.index + 1 >= round.total) {
      this.finish(round);
    } else {
      const next = () => this.advance(round, live, message).catch((err) => this.options.logger.error({ err, round: round.id }, 'quiz next question failed'));
      if (this.options.nextSeconds <= 0) await next();
      else {
        round.nextTimer = setTimeout(next, this.options.nextSeconds * 1000);
        round.nextTimer.unref();
      }
    }
    return message;
  }

  /** Keeps the reveal in the channel as its own message, then turns the quiz message into the next question. */
  private async advance(round: Round, live: Live, reveal: BotMessage): Promise<void> {
    if (round.finished || this.closed) return;
    const record: BotMessage = { ...reveal, components: [], embeds: reveal.embeds?.map((e) => ({ ...e, footer: undefined })) };
    await this.safe('reveal record', round, () => round.respond.followUp(record));
    await this.ask(round, live.shown.index + 1);
  }

  private finish(round: Round): void {
    round.finished = true;
    clearTimeout(round.nextTimer);
    if (round.live) clearTimeout(round.live.timer);
    this.rounds.remove(round);
  }

  private async endRound(round: Round, reason: 'replaced'): Promise<void> {
    round.finished = true;
    clearTimeout(round.nextTimer);
    if (round.live && !round.live.revealed) await this.reveal(round, round.live, reason);
    this.finish(round);
  }

  private liveQuestion(roundId: string, index: number): { round: Round; live: Live } | undefined {
    const round = this.rounds.get(roundId);
    const live = round?.live;
    if (!round || !live || live.revealed || live.shown.index !== index) return undefined;
    return { round, live };
  }

  /** A user pressed an answer button. */
  async answer(req: { roundId: string; index: number; pos: number; user: Invoker; guildId: string | null; channelId: string }): Promise<AnswerOutcome> {
    const found = this.liveQuestion(req.roundId, req.index);
    if (!found || req.pos < 0 || req.pos > 3) return { kind: 'closed' };
    const { round, live } = found;
    const letter = 'ABCD'[req.pos];
    const earlier = live.answers.get(req.user.id);
    if (earlier) return { kind: 'already', letter: 'ABCD'[earlier.choice] };
    const correct = req.pos === live.shown.correct;
    const stored = this.store.recordAnswer({
      questionRun: live.run,
      questionKey: live.shown.question.key,
      scope: round.scope,
      userId: req.user.id,
      userName: req.user.name,
      choice: req.pos,
      correct,
    });
    if (!stored) return { kind: 'already', letter };
    live.answers.set(req.user.id, { name: req.user.name, choice: req.pos, correct });
    const total = round.totals.get(req.user.id) ?? { name: req.user.name, correct: 0 };
    if (correct) total.correct++;
    round.totals.set(req.user.id, total);
    return { kind: 'recorded', letter, correct, revealNow: round.guildId === null };
  }

  /** Reveals right after the answer in a DM/console (answer() said revealNow), through `edit` if given. */
  async revealAfterAnswer(roundId: string, index: number, edit?: (m: BotMessage) => Promise<void>): Promise<void> {
    const found = this.liveQuestion(roundId, index);
    if (found) await this.reveal(found.round, found.live, 'answered', edit);
  }

  /** The starter pressed "reveal". */
  async revealByStarter(req: { roundId: string; index: number; user: Invoker; edit?: (m: BotMessage) => Promise<void> }): Promise<RevealOutcome> {
    const found = this.liveQuestion(req.roundId, req.index);
    if (!found) return { kind: 'closed' };
    if (found.round.starter.id !== req.user.id) return { kind: 'not-starter', starterName: found.round.starter.name };
    const message = await this.reveal(found.round, found.live, 'starter', req.edit);
    return message ? { kind: 'revealed', message } : { kind: 'closed' };
  }

  /** Stops every timer (shutdown). Open questions stay as they are in Discord. */
  close(): void {
    this.closed = true;
    for (const round of this.rounds.all()) this.finish(round);
  }
}

