// The bounded memo the hot paths share: computed once per key, never more than `max` keys held.
import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../src/text/bounded-memo.js';

describe('boundedMemo', () => {
  it('computes a key once, and forgets everything when full', () => {
    const calls: string[] = [];
    const upper = boundedMemo(2, (k) => (calls.push(k), k.toUpperCase()));
    expect([upper('a'), upper('a'), upper('b'), upper('b')]).toEqual(['A', 'A', 'B', 'B']);
    expect(calls).toEqual(['a', 'b']);
    upper('c'); // full: a and b are forgotten
    upper('a');
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
