// Naming the short flag the student typed when the answer only writes its long name.
import { describe, expect, it } from 'vitest';
import { withShortFlagNamed } from '../../src/answer/short-flags.js';
import type { Chunk, SearchHit } from '../../src/knowledge/types.js';

const hit = (text: string): SearchHit => ({ chunk: { text } as Chunk, score: 1 });
const sources = [hit('--cpus caps CPU time.'), hit('-c or --cpu-shares sets a relative weight.')];
const answer = '--cpus is a hard cap; --cpu-shares is a weight under contention. [1]';

describe('withShortFlagNamed', () => {
  it('says which long option a bare short flag is, after the verdict, cited to the source writing both', () => {
    expect(withShortFlagNamed(answer, '--cpus vs -c, whats the diff', 'en', sources)).toBe(`-c is short for --cpu-shares. [2] ${answer}`);
    expect(withShortFlagNamed(`No. ${answer}`, '--cpus랑 -c 같은거임?', 'ko', sources)).toBe(
      `No. -c는 --cpu-shares의 줄임이다. [2] ${answer}`,
    );
  });

  it('leaves the answer alone when the flag carries a value, the long name is asked too, or no source writes both', () => {
    expect(withShortFlagNamed(answer, 'docker run -c 512 nginx then what', 'en', sources)).toBe(answer);
    expect(withShortFlagNamed(answer, '-c and --cpu-shares, same?', 'en', sources)).toBe(answer);
    expect(withShortFlagNamed(answer, '--cpus vs -c', 'en', [sources[0]])).toBe(answer);
    // Nothing to name when the answer says -c itself or is not about --cpu-shares.
    expect(withShortFlagNamed('-c is a weight. [1]', '-c?', 'en', sources)).toBe('-c is a weight. [1]');
    expect(withShortFlagNamed('--cpus caps time. [1]', '-c?', 'en', sources)).toBe('--cpus caps time. [1]');
  });
});
