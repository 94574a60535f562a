// The reply marks the notes' inline code as code; the answer text itself stays plain.
import { describe, expect, it } from 'vitest';
import { withInlineCode } from '../../src/commands/inline-code.js';
import { answerEmbed } from '../../src/commands/render.js';
import type { Answer } from '../../src/answer/types.js';

describe('inline code in replies', () => {
  it('wraps whole occurrences, longest span first, never inside another word or another span', () => {
    const spans = ['docker stats', 'docker stats resumarble', '-d', '--memory', '1024'];
    expect(withInlineCode('docker stats resumarble처럼 쓰면 docker stats가 보인다.', spans)).toBe(
      '`docker stats resumarble`처럼 쓰면 `docker stats`가 보인다.',
    );
    expect(withInlineCode('--detach (-d) and --memory-swap, weight 10240', spans)).toBe('--detach (`-d`) and --memory-swap, weight 10240');
  });

  it('leaves fenced code blocks alone', () => {
    const text = 'Use --memory.\n```\ndocker run --memory 300m nginx\n```\nThen --memory holds.';
    expect(withInlineCode(text, ['--memory'])).toBe('Use `--memory`.\n```\ndocker run --memory 300m nginx\n```\nThen `--memory` holds.');
  });

  it('marks up an extractive answer in the embed, with the spans its sources carry', () => {
    const answer: Answer = {
      question: 'q',
      lang: 'en',
      mode: 'extractive',
      abstained: false,
      answer: 'Run docker stats to see usage. [1]',
      sources: [{ n: 1, title: 't', heading: 'h', text: 'x', score: 1, path: 'p', chunkId: 'c', inlineCode: ['docker stats'] }],
    };
    expect(answerEmbed(answer, 'en').description).toBe('Run `docker stats` to see usage. [1]');
    expect(answer.answer).toBe('Run docker stats to see usage. [1]');
  });
});
