// One way to remember what a hot path computes again and again for the same text (every answer re-reads the same
// passage sentences), shared by the knowledge and answer layers.

/** `compute`, remembered for at most `max` keys: when full, everything is forgotten at once (no LRU bookkeeping). */
export function boundedMemo<V>(max: number, compute: (key: string) => V): (key: string) => V {
  const memo = new Map<string, V>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) {
      value = compute(key);
      if (memo.size >= max) memo.clear();
      memo.set(key, value);
    }
    return value;
  };
}
