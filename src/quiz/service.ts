// Quiz rounds: one round per channel. A round asks `count` questions one after another. Each question
// closes when its time runs out, when the starter presses "reveal", when the round is stopped, or, in a DM
// or the console where only one person can answer, as soon as that person answers.
// The service shows nothing itself: it reports each question and reveal to the round's QuizEvents (a
// presenter under src/commands), or returns the reveal to the caller that asked for it.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { USER_BOUNDS, type Config } from '../config.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { LETTERS, QuizBank, type QuizQuestion } from './bank.js';
import type { QuestionGenerator } from './generate.js';
import { createGenerator } from './generate.js';
import { QuizStore } from './store.js';
import { MemoryQuizRoundStore, type QuizRoundStore } from '../stores/quiz-rounds.js';
import type { AnswerRecord, Lang, Player, QuizEvents, Reveal, RevealReason, RoundTotal, ShownQuestion, StaleQuestion } from './types.js';

export const MAX_COUNT = USER_BOUNDS.quizQuestions.max;
/** Questions remembered per channel so a new round prefers questions not asked lately. */
const RECENT_PER_CHANNEL = 40;

export interface Timer {
  cancel(): void;
}
/** Runs `fn` after `ms` (tests pass a manual clock); the default timer does not keep the process alive. */
export type Schedule = (fn: () => void, ms: number) => Timer;

const realSchedule: Schedule = (fn, ms) => {
  const t = setTimeout(fn, ms);
  t.unref();
  return { cancel: () => clearTimeout(t) };
};

export interface QuizServiceOptions {
  answerSeconds: number;
  /** Pause between a reveal and the next question of the same round. */
  nextSeconds: number;
  logger: Logger;
  generator?: QuestionGenerator;
  /** Random numbers in [0, 1) (tests pass a seeded one). */
  random?: () => number;
  schedule?: Schedule;
  /** Where open rounds live; default this process's memory (src/stores/quiz-rounds.ts). */
  rounds?: QuizRoundStore<Round>;
}

interface Live {
  shown: ShownQuestion;
  /** Unique per asked question: the database key that allows one answer per user. */
  run: string;
  answers: Map<string, AnswerRecord>;
  revealed: boolean;
  /** Where the presenter shows it. */
  ref?: string;
  timer?: Timer;
}

export interface Round {
  id: string;
  channelId: string;
  guildId: string | null;
  scope: string;
  starter: Player;
  locale: Lang;
  topic?: string;
  events: QuizEvents;
  planned: QuizQuestion[];
  total: number;
  live?: Live;
  nextTimer?: Timer;
  finished: boolean;
  totals: Map<string, RoundTotal>;
}

export type AnswerOutcome =
  /** revealNow: a DM or the console, where nobody else can answer: reveal at once. */
  { kind: 'recorded'; letter: string; correct: boolean; revealNow: boolean } | { kind: 'already'; letter: string } | { kind: 'closed' };

export type RevealOutcome = { kind: 'revealed'; reveal: Reveal } | { kind: 'not-starter'; starterName: string } | { kind: 'closed' };

export type StartOutcome =
  | { kind: 'started'; roundId: string; total: number }
  | { kind: 'busy'; starter: Player }
  | { kind: 'empty' }
  /** The first question could not be shown (the presenter failed): the round did not start. */
  | { kind: 'unshown' };

export type StopOutcome = { kind: 'stopped' } | { kind: 'not-allowed'; starter: Player } | { kind: 'none' };

/** Shows a reveal the caller asked for (e.g. by editing the message whose button was pressed). */
export type ShowReveal = (r: Reveal) => Promise<void>;

export interface StartRequest {
  channelId: string;
  guildId: string | null;
  starter: Player;
  locale: Lang;
  topic?: string;
  count: number;
  events: QuizEvents;
}

export function scopeOf(guildId: string | null, channelId: string): string {
  return guildId ?? `dm:${channelId}`;
}

type AnswerRequest = { roundId: string; index: number; pos: number; user: Player; guildId: string | null; channelId: string };

/** The bank under `<knowledge>/quiz` (a missing folder is an empty bank; a file that does not parse throws). */
export function loadQuizBank(config: Config): Promise<QuizBank> {
  return QuizBank.load(join(config.knowledgeDir, 'quiz'), { missingOk: true });
}

/** The question generator over this knowledge base, when QUIZ_GENERATE is on (and a key is set). */
export function quizGenerator(config: Config, kb: KnowledgeBase, logger: Logger): QuestionGenerator | undefined {
  return config.quiz.generate ? createGenerator(config, kb, logger) : undefined;
}

export class QuizService {
  readonly store: QuizStore;
  private rounds: QuizRoundStore<Round>;
  private recent = new Map<string, string[]>();
  private random: () => number;
  private schedule: Schedule;
  private closed = false;

  constructor(
    private quizBank: QuizBank,
    db: Database.Database,
    private kb: KnowledgeBase,
    private options: QuizServiceOptions,
  ) {
    this.store = new QuizStore(db);
    this.random = options.random ?? Math.random;
    this.schedule = options.schedule ?? realSchedule;
    this.rounds = options.rounds ?? new MemoryQuizRoundStore<Round>();
  }

  /** The service the bot uses: bank from `<knowledge>/quiz`, generator when an OpenAI key is set. */
  static async create(
    config: Config,
    kb: KnowledgeBase,
    db: Database.Database,
    logger: Logger,
    extra: Partial<QuizServiceOptions> = {},
  ): Promise<QuizService> {
    const bank = await loadQuizBank(config);
    if (!bank.questions.length) logger.warn({ dir: join(config.knowledgeDir, 'quiz') }, 'quiz bank is empty');
    const generator = quizGenerator(config, kb, logger);
    return new QuizService(bank, db, kb, {
      answerSeconds: config.quiz.answerSeconds,
      nextSeconds: config.quiz.nextSeconds,
      logger,
      generator,
      ...extra,
    });
  }

  get bank(): QuizBank {
    return this.quizBank;
  }

  /** After a knowledge-base reload: topics, titles, the bank and the generator's passages come from the new one. */
  useKnowledgeBase(kb: KnowledgeBase, reloaded?: { bank: QuizBank; generator?: QuestionGenerator }): void {
    this.kb = kb;
    if (!reloaded) return;
    this.quizBank = reloaded.bank;
    this.options = { ...this.options, generator: reloaded.generator };
  }

  get answerSeconds(): number {
    return this.options.answerSeconds;
  }

  /** Topic ids that have questions (the bank's; generated questions can cover any knowledge-base topic). */
  topics(): string[] {
    return this.options.generator ? [...new Set([...this.bank.topics(), ...this.kb.topics().map((t) => t.id)])].sort() : this.bank.topics();
  }

  topicTitle(topicId: string, locale: Lang): string {
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
    const titles = (id: string) =>
      Object.values(this.kb.topics().find((x) => x.id === id)?.titles ?? {}).map((x) => x?.toLowerCase() ?? '');
    return ids.find((id) => id.includes(t)) ?? ids.find((id) => titles(id).some((title) => title.includes(t)));
  }

  isActive(channelId: string): boolean {
    return this.rounds.inChannel(channelId) !== undefined;
  }

  /** Who runs the round open in a channel, if any. */
  runningIn(channelId: string): { starter: Player; roundId: string } | undefined {
    const round = this.rounds.inChannel(channelId);
    return round && { starter: round.starter, roundId: round.id };
  }

  private shuffle<T>(xs: T[]): T[] {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }

  private plan(channelId: string, locale: Lang, topic: string | undefined, count: number): QuizQuestion[] {
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

  /** Runs a presenter call; a failure (a Discord error) is logged, never thrown into a timer. */
  private async safe<T>(what: string, round: Round, send: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
    try {
      return { ok: true, value: await send() };
    } catch (err) {
      this.options.logger.warn({ err, what, round: round.id, channel: round.channelId }, 'quiz message could not be sent');
      return { ok: false };
    }
  }

  /** Starts a round, unless one is already running in the channel (one round per channel). */
  async start(req: StartRequest): Promise<StartOutcome> {
    if (this.closed) return { kind: 'empty' };
    const running = this.runningIn(req.channelId);
    if (running) return { kind: 'busy', starter: running.starter };
    const count = Math.max(1, Math.min(MAX_COUNT, Math.floor(req.count)));
    const planned = this.plan(req.channelId, req.locale, req.topic, count);
    if (!planned.length && !this.options.generator) return { kind: 'empty' };
    const round: Round = {
      id: randomBytes(5).toString('hex'),
      channelId: req.channelId,
      guildId: req.guildId,
      scope: scopeOf(req.guildId, req.channelId),
      starter: req.starter,
      locale: req.locale,
      topic: req.topic,
      events: req.events,
      planned,
      total: this.options.generator ? count : planned.length,
      finished: false,
      totals: new Map(),
    };
    this.rounds.put(round);
    const asked = await this.ask(round, 0);
    if (asked === 'shown') return { kind: 'started', roundId: round.id, total: round.total };
    return asked === 'unshown' ? { kind: 'unshown' } : { kind: 'empty' };
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

  private shownQuestion(round: Round, index: number, question: QuizQuestion): ShownQuestion {
    const order = this.shuffle([0, 1, 2, 3]);
    return {
      roundId: round.id,
      index,
      total: round.total,
      question,
      order,
      correct: order.indexOf(question.answer),
      topicTitle: this.topicTitle(question.topic, round.locale),
      answerSeconds: this.options.answerSeconds,
    };
  }

  /**
   * Shows question `index` of the round. 'none': there was none to show; 'unshown': the presenter could not
   * show it (no permission to post, say), and since nobody can answer it the round ends there.
   */
  private async ask(round: Round, index: number): Promise<'shown' | 'none' | 'unshown'> {
    if (round.finished) return 'none';
    const question = await this.nextQuestion(round, index);
    if (!question || round.finished) {
      this.finish(round);
      return 'none';
    }
    this.remember(round.channelId, question.key);
    const shown = this.shownQuestion(round, index, question);
    const live: Live = { shown, run: `${round.id}:${index}`, answers: new Map(), revealed: false };
    round.live = live;
    const posted = await this.safe('question', round, () =>
      round.events.asked({ shown, channelId: round.channelId, locale: round.locale, starter: round.starter }),
    );
    if (!posted.ok) {
      this.finish(round);
      return 'unshown';
    }
    live.ref = posted.value;
    if (round.live !== live || live.revealed) return 'shown'; // closed while the message was being sent
    if (live.ref)
      this.store.markOpen(live.run, { shown, channelId: round.channelId, guildId: round.guildId, locale: round.locale, ref: live.ref });
    live.timer = this.schedule(() => {
      this.reveal(round, live, 'timeout').catch((err) => this.options.logger.error({ err, round: round.id }, 'quiz timeout reveal failed'));
    }, this.options.answerSeconds * 1000);
    return 'shown';
  }

  private revealOf(round: Round, live: Live, reason: RevealReason): Reveal {
    const last = round.finished || live.shown.index + 1 >= round.total;
    return {
      shown: live.shown,
      channelId: round.channelId,
      locale: round.locale,
      answers: [...live.answers.values()],
      reason,
      nextInSeconds: last ? undefined : this.options.nextSeconds,
      roundTotals: last ? [...round.totals.values()] : undefined,
    };
  }

  /**
   * Closes the open question and shows the reveal: through `show` when the caller gives one (the button's
   * own message), else through the round's presenter. Then the next question follows, or the round ends.
   */
  private async reveal(
    round: Round,
    live: Live,
    reason: RevealReason,
    show?: ShowReveal,
    extra: Partial<Reveal> = {},
  ): Promise<Reveal | undefined> {
    if (live.revealed || round.live !== live) return undefined;
    live.revealed = true;
    live.timer?.cancel();
    this.store.markClosed(live.run);
    const reveal = { ...this.revealOf(round, live, reason), ...extra };
    await this.safe('reveal', round, () => (show ? show(reveal) : round.events.revealed(reveal, live.ref)));
    this.options.logger.info(
      { round: round.id, question: live.shown.question.key, answers: live.answers.size, reason },
      'quiz question revealed',
    );
    if (reveal.nextInSeconds === undefined) {
      this.finish(round);
      return reveal;
    }
    const next = () => {
      if (round.finished || this.closed) return;
      this.ask(round, live.shown.index + 1).catch((err) =>
        this.options.logger.error({ err, round: round.id }, 'quiz next question failed'),
      );
    };
    round.nextTimer = this.schedule(next, this.options.nextSeconds * 1000);
    return reveal;
  }

  private finish(round: Round): void {
    round.finished = true;
    round.nextTimer?.cancel();
    round.live?.timer?.cancel();
    this.rounds.remove(round);
  }

  /** Ends the channel's round: only its starter, or a member who may manage messages. */
  async stop(channelId: string, by: Player & { canManageMessages: boolean }): Promise<StopOutcome> {
    const round = this.rounds.inChannel(channelId);
    if (!round) return { kind: 'none' };
    if (round.starter.id !== by.id && !by.canManageMessages) return { kind: 'not-allowed', starter: round.starter };
    round.finished = true;
    round.nextTimer?.cancel();
    const live = round.live;
    const ending = { stoppedBy: by.name, nextInSeconds: undefined, roundTotals: [...round.totals.values()] };
    if (live && !live.revealed) await this.reveal(round, live, 'stopped', undefined, ending);
    else if (live) {
      // Between two questions: the last reveal said another question was coming; it now says the round is over.
      await this.safe('reveal', round, () => round.events.revealed({ ...this.revealOf(round, live, 'stopped'), ...ending }, live.ref));
    }
    this.finish(round);
    return { kind: 'stopped' };
  }

  private liveQuestion(roundId: string, index: number): { round: Round; live: Live } | undefined {
    const round = this.rounds.get(roundId);
    const live = round?.live;
    if (!round || !live || live.revealed || live.shown.index !== index) return undefined;
    return { round, live };
  }

  /** A user pressed an answer button. */
  answer(req: AnswerRequest): Promise<AnswerOutcome> {
    return Promise.resolve(this.record(req));
  }

  private record(req: AnswerRequest): AnswerOutcome {
    const found = this.liveQuestion(req.roundId, req.index);
    if (!found || req.pos < 0 || req.pos > 3) return { kind: 'closed' };
    const { round, live } = found;
    const letter = LETTERS[req.pos];
    const earlier = live.answers.get(req.user.id);
    if (earlier) return { kind: 'already', letter: LETTERS[earlier.choice] };
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
    const total = round.totals.get(req.user.id) ?? { name: req.user.name, correct: 0, answered: 0 };
    total.answered++;
    if (correct) total.correct++;
    round.totals.set(req.user.id, total);
    return { kind: 'recorded', letter, correct, revealNow: round.guildId === null };
  }

  /** Reveals right after the answer in a DM/console (answer() said revealNow), through `show` if given. */
  async revealAfterAnswer(roundId: string, index: number, show?: ShowReveal): Promise<void> {
    const found = this.liveQuestion(roundId, index);
    if (found) await this.reveal(found.round, found.live, 'answered', show);
  }

  /** The starter pressed "reveal"; `show` shows it (the pressed button's message), else the presenter does. */
  async revealByStarter(req: { roundId: string; index: number; user: Player; show?: ShowReveal }): Promise<RevealOutcome> {
    const found = this.liveQuestion(req.roundId, req.index);
    if (!found) return { kind: 'closed' };
    if (found.round.starter.id !== req.user.id) return { kind: 'not-starter', starterName: found.round.starter.name };
    const reveal = await this.reveal(found.round, found.live, 'starter', req.show);
    return reveal ? { kind: 'revealed', reveal } : { kind: 'closed' };
  }

  /** Questions a previous process left open (to be closed by the front end that showed them). */
  staleQuestions(mine?: (guildId: string | null) => boolean): StaleQuestion[] {
    return this.store.takeStale(mine);
  }

  /** Stops every timer (shutdown). Open questions stay recorded; the next start closes their messages. */
  close(): void {
    this.closed = true;
    for (const round of this.rounds.all()) this.finish(round);
  }
}
