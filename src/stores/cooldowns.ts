// Per-user command cooldowns behind one interface, so a bot on several machines can share them: a
// Redis store is `SET key 1 PX ms NX` (0 when it was set, else PTTL) in a class of its own.
// The default keeps them in this process, which is right for one process (or one shard).

export interface CooldownStore {
  /** Starts a cooldown of `ms` for `key` unless one is running; resolves to the ms still to wait (0 = go ahead). */
  take(key: string, ms: number, now: number): Promise<number>;
}

/** Entries past this many are swept of expired ones, so the map stays small on a busy server. */
const SWEEP_AT = 10_000;

export class MemoryCooldownStore implements CooldownStore {
  private readonly until = new Map<string, number>();

  take(key: string, ms: number, now: number): Promise<number> {
    const end = this.until.get(key);
    if (end !== undefined && end > now) return Promise.resolve(end - now);
    this.until.set(key, now + ms);
    if (this.until.size > SWEEP_AT) for (const [k, t] of this.until) if (t <= now) this.until.delete(k);
    return Promise.resolve(0);
  }
}
