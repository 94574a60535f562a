import { describe, expect, it } from 'vitest';
import { scoreOne, summarize } from '../../src/eval/score.js';

const src = (heading: string, text: string) => ({ title: 't', heading, text, score: 1 });

describe('the evaluation scoring rule', () => {
  const q = { id: 'x', kind: 'article', q: '?', evidence: [['docker.sock'], ['데몬', 'daemon']] };

  it('needs every evidence group in the first source for hit@1, in the first three for hit@3', () => {
    const a = {
      id: 'x',
      answer: 'via docker.sock to the daemon',
      abstained: false,
      sources: [src('h', 'docker.sock'), src('daemon', 'x'), src('h', 'y')],
    };
    expect(scoreOne(q, a)).toMatchObject({ hit1: false, hit3: true, answerHit: true });
    expect(scoreOne(q, { ...a, sources: [src('Daemon', 'DOCKER.SOCK')] })).toMatchObject({ hit1: true, hit3: true });
  });

  it('reads only the first 600 characters of a source and 1000 of the answer', () => {
    const far = src('h', `${'x'.repeat(600)} docker.sock daemon`);
    const a = { id: 'x', answer: `${'y'.repeat(1000)} docker.sock daemon`, abstained: false, sources: [far] };
    expect(scoreOne(q, a)).toMatchObject({ hit1: false, hit3: false, answerHit: false });
  });

  it('gives nothing to an abstained answer and counts abstention on out-of-scope questions', () => {
    const a = { id: 'x', answer: 'docker.sock daemon', abstained: true, sources: [src('docker.sock', 'daemon')] };
    expect(scoreOne(q, a)).toMatchObject({ hit1: false, hit3: false, answerHit: false });
    const ood = scoreOne({ id: 'o', kind: 'ood', q: '?' }, a);
    expect(ood.abstainedRight).toBe(true);
    expect(summarize([ood]).byKind.ood).toMatchObject({ n: 1, abstained: 1 });
  });
});
