import { describe, expect, it } from 'vitest';
import { proximity } from '../../src/knowledge/proximity.js';
import type { QueryUnit } from '../../src/knowledge/types.js';

const unit = (key: string, position: number, concepts: string[] = [], weight = 1): QueryUnit => ({
  key,
  bigrams: [],
  concepts,
  weight,
  known: true,
  position,
});

describe('term proximity', () => {
  const units = [unit('list', 0), unit('run', 1, ['§run']), unit('contain', 2, ['§container'])];

  it('is high when the question words stand together in the passage, low when they are scattered', () => {
    const together = proximity(units, 'docker ps lists running containers', 3, 2);
    const scattered = proximity(units, 'a list of images; much later we run builds on servers, and containers are processes', 3, 2);
    expect(together).toBe(1);
    expect(scattered).toBeLessThan(together);
    expect(scattered).toBe(0);
  });

  it('matches a word by its glossary concept (컨테이너 for container) and ignores question words far apart', () => {
    expect(proximity(units.slice(1), '실행 중인 컨테이너 목록', 3, 2)).toBe(1);
    const far = [unit('list', 0), unit('contain', 9, ['§container'])];
    expect(proximity(far, 'lists containers', 3, 2)).toBe(0); // no near pair in the question: no evidence either way
  });

  it('weighs each pair by its lighter word', () => {
    const weighted = [unit('nginx', 0, [], 3), unit('memory', 1, ['§memory'], 1), unit('swap', 2, ['§swap'], 1)];
    // nginx–memory (1) and memory–swap (1) are near; nginx–swap (1) is not: 2 of 3.
    expect(proximity(weighted, 'nginx memory and so on until swap', 3, 2)).toBeCloseTo(2 / 3);
  });

  it('places a concept written as a phrase ("virtual machine", "가상 머신") on the words of the phrase', () => {
    const asked = [unit('lightweight', 0, ['§density']), unit('vm', 1, ['§vm'])];
    expect(proximity(asked, 'Docker is often called a lightweight virtual machine', 3, 2)).toBe(1);
    expect(proximity(asked, 'a lightweight process; much later, on another host, a virtual machine', 3, 2)).toBe(0);
    expect(proximity([unit('가벼', 0, ['§density']), unit('vm', 1, ['§vm'])], '가벼운 가상 머신', 3, 2)).toBe(1);
  });
});
