import { describe, expect, it } from 'vitest';
import { askedValues, withAskedValues } from '../../src/answer/asked-values.js';

describe('the values a how-to question asks for', () => {
  it.each([
    ['redis 컨테이너 메모리 512메가 cpu 1개로 제한해서 띄우는 명령어좀', { memory: '512m', cpus: '1', image: 'redis' }],
    ['컨테이너에 메모리 512메가만 주고 싶으면 어케 함', { memory: '512m' }],
    ['limit it to 1.5 cpus and 2g ram', { memory: '2g', cpus: '1.5' }],
    ['메모리 1기가로 제한', { memory: '1g' }],
    ['how do I start nginx capped at 300 MB', { memory: '300m', image: 'nginx' }],
    // Two different sizes, a period in ms, minutes: no memory value.
    ['256m에서 1g로 올리고 싶음', {}],
    ['stalls for 100ms every 5 min', {}],
  ])('%s', (q, values) => expect(askedValues(q)).toEqual(values));

  it('puts them into the example command in place of its own', () => {
    const asked = { memory: '512m', cpus: '1', image: 'redis' };
    expect(withAskedValues('docker run -d --memory 300m --cpus=1.5 nginx', asked)).toBe('docker run -d --memory 512m --cpus=1 redis');
    expect(withAskedValues('docker run -d -m 300m nginx', { memory: '1g' })).toBe('docker run -d -m 1g nginx');
  });

  it('keeps a memory value paired with --memory-swap, and an image followed by a command', () => {
    expect(withAskedValues('docker update --memory 512m --memory-swap 1g web', { memory: '2g' })).toBe(
      'docker update --memory 512m --memory-swap 1g web',
    );
    expect(withAskedValues('docker run --rm alpine echo hi', { image: 'redis' })).toBe('docker run --rm alpine echo hi');
  });
});
