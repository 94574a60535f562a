// Compact term storage for large knowledge bases: every distinct term gets a number once, and a passage's
// terms are a sorted Int32Array of those numbers instead of a Set of strings (a tenth of the heap).

/** Terms numbered in the order they are first met. */
export class TermDictionary {
  private ids = new Map<string, number>();

  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) this.ids.set(term, (id = this.ids.size));
    return id;
  }

  id(term: string): number | undefined {
    return this.ids.get(term);
  }

  get size(): number {
    return this.ids.size;
  }
}

/** Anything that can say whether it holds a term (a Set, a TermSet). */
export interface TermLookup {
  has(term: string): boolean;
}

/** An immutable set of terms stored as sorted term numbers. */
export class TermSet implements TermLookup {
  private constructor(
    private dict: TermDictionary,
    private sorted: Int32Array,
  ) {}

  static of(dict: TermDictionary, terms: Iterable<string>): TermSet {
    return TermSet.ofIds(
      dict,
      Int32Array.from(terms, (t) => dict.intern(t)),
    );
  }

  /** From term numbers already interned in `dict` (repeats allowed). */
  static ofIds(dict: TermDictionary, ids: Int32Array): TermSet {
    const sorted = Int32Array.from(ids).sort();
    let n = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i];
    return new TermSet(dict, sorted.slice(0, n));
  }

  has(term: string): boolean {
    const id = this.dict.id(term);
    if (id === undefined) return false;
    let lo = 0;
    let hi = this.sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.sorted[mid];
      if (v === id) return true;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  get size(): number {
    return this.sorted.length;
  }
}
