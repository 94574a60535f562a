import { describe, expect, it } from 'vitest';
import { InvertedIndex } from '../../src/knowledge/inverted-index.js';
import { TermDictionary, TermSet } from '../../src/knowledge/term-set.js';

describe('TermSet', () => {
  it('holds exactly the terms it was made of, whatever order they came in', () => {
    const dict = new TermDictionary();
    dict.intern('unrelated');
    const set = TermSet.of(dict, ['memory', 'cgroup', 'memory', '§swap']);
    expect(set.size).toBe(3);
    expect(['memory', 'cgroup', '§swap'].every((t) => set.has(t))).toBe(true);
    expect(set.has('unrelated')).toBe(false);
    expect(set.has('never-seen')).toBe(false);
  });
});

describe('TermSet from term numbers', () => {
  it('is the same set as from the terms themselves, repeats dropped', () => {
    const dict = new TermDictionary();
    const ids = Int32Array.from(['memory', 'cgroup', 'memory', 'swap', 'cgroup'], (t) => dict.intern(t));
    const set = TermSet.ofIds(dict, ids);
    expect(set.size).toBe(3);
    expect(['memory', 'cgroup', 'swap'].every((t) => set.has(t))).toBe(true);
  });
});

describe('InvertedIndex from term numbers', () => {
  it('scores as it does from the terms as strings', () => {
    const passages = [
      { heading: ['memory', 'limit'], text: ['memory', 'oom', 'memory'] },
      { heading: ['cpu'], text: ['cpu', 'memory'] },
    ];
    const dict = new TermDictionary();
    const asIds = passages.map((p) => ({
      heading: Int32Array.from(p.heading, (t) => dict.intern(t)),
      text: Int32Array.from(p.text, (t) => dict.intern(t)),
    }));
    const query = [{ term: 'memory', boost: 1 }];
    expect(new InvertedIndex(asIds, dict).search(query, 5)).toEqual(new InvertedIndex(passages).search(query, 5));
  });
});

describe('InvertedIndex (BM25F)', () => {
  const index = new InvertedIndex([
    { heading: ['memory', 'limit'], text: ['memory', 'oom', 'kill'] },
    { heading: ['cpu', 'limit'], text: ['cpu', 'quota', 'period', 'memory'] },
    { heading: ['namespace'], text: ['pid', 'net', 'mnt'] },
  ]);

  it('counts document frequency per term', () => {
    expect(index.docFrequency('memory')).toBe(2);
    expect(index.docFrequency('limit')).toBe(2);
    expect(index.docFrequency('pid')).toBe(1);
    expect(index.docFrequency('absent')).toBe(0);
  });

  it('ranks a heading match above a text match, and returns only passages with a query term', () => {
    const hits = index.search([{ term: 'memory', boost: 1 }], 10);
    expect(hits.map((h) => h.id)).toEqual([0, 1]);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
  });

  it('weighs terms by their boost and keeps only the best `limit`', () => {
    const cpu = index.search(
      [
        { term: 'memory', boost: 1 },
        { term: 'quota', boost: 5 },
      ],
      1,
    );
    expect(cpu).toHaveLength(1);
    expect(cpu[0].id).toBe(1);
    expect(index.search([{ term: 'absent', boost: 1 }], 5)).toEqual([]);
  });
});
