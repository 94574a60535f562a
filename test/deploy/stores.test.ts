// The store contracts a shared store (Redis, Postgres) must meet too: run these against it.
import { describe, expect, it } from 'vitest';
import { MemoryCooldownStore, type CooldownStore } from '../../src/stores/cooldowns.js';
import { MemoryQuizRoundStore, type QuizRoundStore, type RoundKey } from '../../src/stores/quiz-rounds.js';

function cooldownContract(make: () => CooldownStore) {
  it('lets the first use through, makes the next wait the rest of the cooldown, then lets it through again', async () => {
    const store = make();
    expect(await store.take('u1', 5000, 1000)).toBe(0);
    expect(await store.take('u1', 5000, 3000)).toBe(3000);
    expect(await store.take('u2', 5000, 3000)).toBe(0);
    expect(await store.take('u1', 5000, 6000)).toBe(0);
    expect(await store.take('u1', 5000, 6001)).toBe(4999);
  });

  it('a refused use does not extend the cooldown', async () => {
    const store = make();
    await store.take('u', 1000, 0);
    expect(await store.take('u', 1000, 900)).toBe(100);
    expect(await store.take('u', 1000, 1000)).toBe(0);
  });
}

function roundContract(make: () => QuizRoundStore<RoundKey & { n: number }>) {
  it('finds a round by id and by channel; a new round replaces its channel entry; removal is by round', () => {
    const store = make();
    const a = { id: 'r1', channelId: 'c1', n: 1 };
    const b = { id: 'r2', channelId: 'c1', n: 2 };
    store.put(a);
    expect(store.get('r1')).toBe(a);
    expect(store.inChannel('c1')).toBe(a);
    store.put(b);
    expect(store.inChannel('c1')).toBe(b);
    store.remove(a); // the old round ends after the new one started: the channel keeps the new one
    expect(store.inChannel('c1')).toBe(b);
    expect(store.get('r1')).toBeUndefined();
    expect(store.all()).toEqual([b]);
    store.remove(b);
    expect(store.inChannel('c1')).toBeUndefined();
    expect(store.all()).toEqual([]);
  });
}

describe('MemoryCooldownStore', () => cooldownContract(() => new MemoryCooldownStore()));
describe('MemoryQuizRoundStore', () => roundContract(() => new MemoryQuizRoundStore()));
