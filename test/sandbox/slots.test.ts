// The slot semaphore: first come, first served over job slots and the CPU budget at once.
import { describe, expect, it } from 'vitest';
import { Slots } from '../../src/sandbox/slots.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('Slots', () => {
  it('grants at once while both job slots and CPU budget fit', async () => {
    const s = new Slots({ jobs: 2, cpus: 1 });
    const a = s.enqueue({ jobs: 1, cpus: 0.5 });
    const b = s.enqueue({ jobs: 1, cpus: 0.5 });
    expect(a.position()).toBe(0);
    expect(b.position()).toBe(0);
    expect(s.running).toBe(2);
    expect(s.cpusInUse).toBe(1);
    (await a.granted)();
    (await b.granted)();
    expect(s.running).toBe(0);
    expect(s.cpusInUse).toBe(0);
  });

  it('queues on the CPU budget even with job slots free (two 1-CPU jobs never run together on a budget of 1)', async () => {
    const s = new Slots({ jobs: 2, cpus: 1 });
    const a = s.enqueue({ jobs: 1, cpus: 1 });
    const b = s.enqueue({ jobs: 1, cpus: 1 });
    expect(b.position()).toBe(1);
    let bGranted = false;
    void b.granted.then(() => (bGranted = true));
    await tick();
    expect(bGranted).toBe(false);
    (await a.granted)();
    await tick();
    expect(bGranted).toBe(true);
  });

  it('is FIFO: a small job behind a waiting big one does not overtake it', async () => {
    const s = new Slots({ jobs: 2, cpus: 1 });
    const first = s.enqueue({ jobs: 1, cpus: 0.5 });
    const big = s.enqueue({ jobs: 1, cpus: 1 });
    const small = s.enqueue({ jobs: 1, cpus: 0.25 });
    const order: string[] = [];
    void big.granted.then((release) => {
      order.push('big');
      release();
    });
    void small.granted.then(() => order.push('small'));
    await tick();
    expect(order).toEqual([]); // small would fit (0.5 + 0.25 ≤ 1) but waits its turn
    expect([big.position(), small.position()]).toEqual([1, 2]);
    (await first.granted)();
    await tick();
    expect(order).toEqual(['big', 'small']);
  });

  it('tells waiters their place and updates it as the queue moves', async () => {
    const s = new Slots({ jobs: 1, cpus: 4 });
    const a = s.enqueue({ jobs: 1, cpus: 1 });
    const b = s.enqueue({ jobs: 1, cpus: 1 });
    const c = s.enqueue({ jobs: 1, cpus: 1 });
    const seen: number[] = [];
    c.onPosition((n) => seen.push(n));
    (await a.granted)();
    await tick();
    expect(seen).toEqual([2, 1]);
    b.cancel(); // b was granted: cancel releases it
    await tick();
    expect(c.position()).toBe(0);
    expect(s.queued).toBe(0);
  });

  it('a cancelled waiter leaves the queue and those behind move up', () => {
    const s = new Slots({ jobs: 1, cpus: 1 });
    s.enqueue({ jobs: 1, cpus: 1 });
    const b = s.enqueue({ jobs: 1, cpus: 1 });
    const c = s.enqueue({ jobs: 1, cpus: 1 });
    const seen: number[] = [];
    c.onPosition((n) => seen.push(n));
    b.cancel();
    expect(s.queued).toBe(1);
    expect(seen).toEqual([2, 1]);
  });

  it('resize lets waiters in when the budget grows', async () => {
    const s = new Slots({ jobs: 2, cpus: 0.5 });
    s.enqueue({ jobs: 1, cpus: 0.5 });
    const b = s.enqueue({ jobs: 1, cpus: 0.5 });
    expect(b.position()).toBe(1);
    s.resize({ jobs: 2, cpus: 1 });
    expect(b.position()).toBe(0);
  });

  it('a need above a budget that shrank waits for an idle host, not forever, and gives back what it took', async () => {
    const s = new Slots({ jobs: 2, cpus: 3 });
    const a = s.enqueue({ jobs: 1, cpus: 0.5 });
    const big = s.enqueue({ jobs: 1, cpus: 1 }); // granted at once under a budget of 3
    (await big.granted)();
    s.resize({ jobs: 2, cpus: 0.5 }); // the engine reports one CPU: the budget drops
    const late = s.enqueue({ jobs: 1, cpus: 1 });
    expect(late.position()).toBe(1);
    (await a.granted)();
    const release = await late.granted; // clamped to the whole budget: runs alone
    expect(s.cpusInUse).toBe(0.5);
    release();
    expect(s.cpusInUse).toBe(0);
    expect(s.running).toBe(0);
  });

  it('sums hundredths exactly (no float drift keeps a job out)', () => {
    const s = new Slots({ jobs: 8, cpus: 0.3 });
    for (let i = 0; i < 3; i++) expect(s.enqueue({ jobs: 1, cpus: 0.1 }).position()).toBe(0);
    expect(s.cpusInUse).toBe(0.3);
  });
});
