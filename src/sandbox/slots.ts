// A first-come-first-served semaphore over two resources at once: job slots and a CPU budget
// (the sum of --cpus of running jobs). The head of the queue waits until it fits; nobody behind it
// overtakes, so the order of admission is the order of start.

export interface Need {
  jobs: number;
  cpus: number;
}

export interface Ticket {
  /** Resolves with the release function once the need fits. */
  granted: Promise<() => void>;
  /** 1-based place in the queue, 0 once granted. */
  position(): number;
  /** Called now (when waiting) and whenever the place changes. */
  onPosition: (cb: (position: number) => void) => void;
  /** Leave the queue (or release, when already granted). */
  cancel(): void;
}

interface Waiter {
  need: Need;
  grant: () => void;
  listeners: ((n: number) => void)[];
}

export class Slots {
  private used: Need = { jobs: 0, cpus: 0 };
  private readonly waiters: Waiter[] = [];

  constructor(private capacity: Need) {}

  get running(): number {
    return this.used.jobs;
  }
  get queued(): number {
    return this.waiters.length;
  }
  get cpusInUse(): number {
    return this.used.cpus;
  }

  /** Change the capacity (the CPU budget is known once the engine reports the host's CPUs). */
  resize(capacity: Need): void {
    this.capacity = capacity;
    this.pump();
  }

  /** Join the queue now (synchronously): the place is kept from this call on. */
  enqueue(want: Need): Ticket {
    let released = false;
    let granted = false;
    const waiter: Waiter = { need: want, grant: () => undefined, listeners: [] };
    // What was taken when granted (clamped to the capacity then), given back on release.
    const release = () => {
      if (released) return;
      released = true;
      this.used = { jobs: this.used.jobs - waiter.need.jobs, cpus: round(this.used.cpus - waiter.need.cpus) };
      this.pump();
    };
    const promise = new Promise<() => void>((resolve) => {
      waiter.grant = () => {
        granted = true;
        resolve(release);
      };
    });
    if (this.waiters.length === 0 && this.fits(want)) this.take(waiter);
    else this.waiters.push(waiter);
    return {
      granted: promise,
      position: () => (granted ? 0 : this.waiters.indexOf(waiter) + 1),
      onPosition: (cb) => {
        waiter.listeners.push(cb);
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) cb(at + 1);
      },
      cancel: () => {
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) {
          this.waiters.splice(at, 1);
          this.notify(at);
        } else if (granted) release();
      },
    };
  }

  /**
   * A need larger than the whole capacity (the budget can shrink once the engine reports its CPUs) is
   * clamped to it, so it waits for an idle host instead of forever; admission refuses such needs earlier.
   */
  private clamp(need: Need): Need {
    return { jobs: Math.min(need.jobs, this.capacity.jobs), cpus: Math.min(need.cpus, this.capacity.cpus) };
  }

  private fits(want: Need): boolean {
    const need = this.clamp(want);
    return this.used.jobs + need.jobs <= this.capacity.jobs && round(this.used.cpus + need.cpus) <= this.capacity.cpus;
  }

  private take(w: Waiter): void {
    w.need = this.clamp(w.need);
    this.used = { jobs: this.used.jobs + w.need.jobs, cpus: round(this.used.cpus + w.need.cpus) };
    w.grant();
  }

  private pump(): void {
    let moved = 0;
    while (this.waiters.length && this.fits(this.waiters[0].need)) {
      this.take(this.waiters.shift()!);
      moved++;
    }
    if (moved) this.notify(0);
  }

  /** Tell every waiter from index `from` on its new place. */
  private notify(from: number): void {
    this.waiters.slice(from).forEach((w, i) => w.listeners.forEach((cb) => cb(from + i + 1)));
  }
}

/** CPU amounts are hundredths (--cpus 0.01 steps): keep sums exact. */
function round(x: number): number {
  return Math.round(x * 100) / 100;
}
