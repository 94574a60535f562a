// Reordering a key point's sentences for what the question's shape asks (the check, the figure).
import { describe, expect, it } from 'vitest';
import { mostAsked, shapedFirst } from '../../src/answer/sentence-shape.js';

const hasCheck = (text: string) => /docker info/.test(text);

describe('shapedFirst', () => {
  it('moves the first sentence that has what was asked to the front, the rest keeping their order', () => {
    const s = ['v1 has a hierarchy per controller.', 'v2 is the default; docker info shows the Cgroup Version.', 'More.'];
    expect(shapedFirst(s, hasCheck)).toEqual([s[1], s[0], s[2]]);
  });

  it('leaves the sentences alone when the first has it already, or when none has it', () => {
    const first = ['docker info shows it.', 'docker info again.'];
    expect(shapedFirst(first, hasCheck)).toEqual(first);
    const none = ['One.', 'Two.'];
    expect(shapedFirst(none, hasCheck)).toEqual(none);
  });

  it('never moves a sentence that leans on the one before or is an example of it', () => {
    expect(shapedFirst(['A limit is set.', 'This value shows in docker info.'], hasCheck)).toEqual([
      'A limit is set.',
      'This value shows in docker info.',
    ]);
    expect(shapedFirst(['제한을 건다.', '예를 들어 docker info로 본다.'], hasCheck)).toEqual([
      '제한을 건다.',
      '예를 들어 docker info로 본다.',
    ]);
  });
});

describe('mostAsked', () => {
  const asked = new Set(['cgroup', 'v1', 'v2', 'check']);
  const point = ['cgroup v1 splits per controller and cgroup v2 unifies them.', 'v2 is the default; check with docker info.'];

  it('keeps the n sentences with most of the question, the earlier on a tie', () => {
    expect(mostAsked(point, asked, 1)).toEqual([point[0]]);
  });

  it('keeps the sentence with what the shape asks for (the check command) over one with more words', () => {
    expect(mostAsked(point, asked, 1, hasCheck)).toEqual([point[1]]);
    expect(mostAsked(point, asked, 2, hasCheck)).toEqual(point);
  });
});
