// The open quiz rounds (one per channel) behind one interface. Discord sends all of a guild's events to
// the one shard that owns the guild, so rounds kept in that shard's process are already right when the
// bot is sharded; a shared store (Redis, Postgres) is for rounds that should outlive a restart. It keeps
// the round's plain state and re-arms the timers on start; the reply handle stays with the process.

export interface RoundKey {
  id: string;
  channelId: string;
}

export interface QuizRoundStore<R extends RoundKey> {
  get(roundId: string): R | undefined;
  /** The open round of a channel. */
  inChannel(channelId: string): R | undefined;
  /** Stores a round as its channel's open round. */
  put(round: R): void;
  /** Forgets a round (and its channel's entry, if it is still that channel's round). */
  remove(round: R): void;
  all(): R[];
}

export class MemoryQuizRoundStore<R extends RoundKey> implements QuizRoundStore<R> {
  private readonly rounds = new Map<string, R>();
  private readonly byChannel = new Map<string, string>();

  get(roundId: string): R | undefined {
    return this.rounds.get(roundId);
  }

  inChannel(channelId: string): R | undefined {
    const id = this.byChannel.get(channelId);
    return id === undefined ? undefined : this.rounds.get(id);
  }

  put(round: R): void {
    this.rounds.set(round.id, round);
    this.byChannel.set(round.channelId, round.id);
  }

  remove(round: R): void {
    this.rounds.delete(round.id);
    if (this.byChannel.get(round.channelId) === round.id) this.byChannel.delete(round.channelId);
  }

  all(): R[] {
    return [...this.rounds.values()];
  }
}
