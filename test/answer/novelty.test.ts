// Novelty by stem and concept: the answer does not say the same thing twice in other endings or other words.
import { describe, expect, it } from 'vitest';
import { formsOf, Said } from '../../src/answer/novelty.js';

describe('novelty', () => {
  const saidOf = (text: string) => {
    const said = new Said();
    said.add(formsOf(text));
    return said;
  };

  it('reads Korean words by stem: the same nouns and verbs with other endings are nothing new', () => {
    const said = saidOf('VM은 독립된 컴퓨팅 환경이다. 여러 개를 한 서버에서 돌리려고 쓴다.');
    expect(said.novelty(formsOf('VM은 서로 독립된 컴퓨팅 환경을 여러 개 돌리기 위한 것이다.'))).toBeLessThan(0.45);
  });

  it('counts a word that restates a concept already named as nothing new', () => {
    const said = saidOf('A VM runs its own guest OS.');
    const restated = formsOf('A virtual machine runs its own guest operating system.');
    expect(said.novelty(restated)).toBe(0);
  });

  it('does not count the column names a table row repeats', () => {
    const said = saidOf('VM은 게스트 OS와 자기 커널을 부팅하고, 컨테이너는 호스트 커널을 함께 쓴다.');
    const row = formsOf('격리 강도 — 가상 머신(VM): 강함(하드웨어 경계); 컨테이너(container): 약함(커널 공유)');
    expect(said.novelty(row)).toBeGreaterThan(0.55);
    expect(row.stems).not.toContain('컨테');
  });

  it('counts words the answer has not said', () => {
    const said = saidOf('A VM runs its own guest OS.');
    expect(said.novelty(formsOf('Booting the guest kernel takes tens of seconds.'))).toBeGreaterThan(0.45);
    expect(new Said().novelty(formsOf(''))).toBe(0);
  });
});
