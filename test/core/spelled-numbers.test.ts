import { describe, expect, it } from 'vitest';
import { spelledToDigits, spelledValue } from '../../src/text/spelled-numbers.js';

describe('numbers spelled in Sino-Korean numerals', () => {
  it.each([
    ['오백십이', 512],
    ['천이십사', 1024],
    ['이백', 200],
    ['일점오', 1.5],
    ['영점오', 0.5],
    ['삼만오천', 35000],
    ['십', 10],
  ])('reads %s as %d', (run, value) => expect(spelledValue(run)).toBe(value));

  it('writes values as digits: before a unit, a decimal, or three numerals or more with a place', () => {
    expect(spelledToDigits('--memory 오백십이메가만 주고 스왑 천이십사냐 오백십이냐')).toBe('--memory 512메가만 주고 스왑 1024냐 512냐');
    expect(spelledToDigits('--cpus 일점오코어, 영점오')).toBe('--cpus 1.5코어, 0.5');
    expect(spelledToDigits('이백메가 주면')).toBe('200메가 주면');
  });

  it('leaves words made of the same syllables alone', () => {
    for (const text of ['사이에', '이만 가볼게', '만일에', '이사 갔음', '일이 많음', '천만원', '십이'])
      expect(spelledToDigits(text)).toBe(text);
  });
});
