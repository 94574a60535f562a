// The extractive answer's sentence choice, on hand-made passages (retrieval is tested elsewhere).
import { describe, expect, it } from 'vitest';
import { extractiveAnswer } from '../../src/answer/extractive.js';
import { tokenize } from '../../src/knowledge/tokenize.js';
import type { Chunk, Lang, SearchResult } from '../../src/knowledge/types.js';

function chunk(id: string, lang: Lang, heading: string, text: string): Chunk {
  return { id, doc: { path: `${lang}/x.md`, title: 'Title', lang, topic: 'x', tags: [] }, headingPath: [heading], heading, text, section: 0, code: [] };
}

function result(query: string, lang: Lang, chunks: Chunk[]): SearchResult {
  return { query, lang, kind: 'question', intent: 'general', abstain: false, terms: tokenize(query), hits: chunks.map((c, i) => ({ chunk: c, score: 0.9 - i * 0.1 })) };
}

describe('extractive answer', () => {
  it('brings the sentence before one that leans on it ("둘째,"), in passage order', () => {
    const text = 'docker ps의 처리 과정은 네 단계다. 첫째, 사용자가 명령을 입력한다. 둘째, 클라이언트가 docker.sock으로 데몬에 요청을 보낸다. 날씨와는 관계없는 문장이다.';
    const a = extractiveAnswer(result('docker.sock 요청', 'ko', [chunk('k#1', 'ko', '흐름', text)]), 600);
    expect(a.answer).toMatch(/첫째, 사용자가 명령을 입력한다\. \[1\] 둘째, 클라이언트가/);
  });

  it('drops a leaning sentence when its predecessor does not fit the budget', () => {
    const long = `Background sentence ${'x'.repeat(300)}.`;
    const text = `The daemon listens on a socket. ${long} This means the socket must be protected.`;
    const a = extractiveAnswer(result('socket protected', 'en', [chunk('e#1', 'en', 'Socket', text)]), 200);
    expect(a.answer).not.toMatch(/This means/);
    expect(a.answer).toMatch(/listens on a socket/);
  });

  it('answers in the question language and numbers sources as shown', () => {
    const en = chunk('e#1', 'en', 'Memory', 'The --memory option sets a hard limit. Docker enforces it with cgroups.');
    const ko = chunk('k#1', 'ko', '메모리', '--memory 옵션은 하드 리밋을 건다. 도커는 cgroups로 이를 강제한다.');
    const a = extractiveAnswer(result('--memory 옵션은 뭐야', 'ko', [en, ko]), 600);
    expect(a.answer).toMatch(/하드 리밋/);
    expect(a.answer).not.toMatch(/hard limit/);
    expect(a.answer).toMatch(/\[2\]/);
    expect(a.sources.map((s) => s.heading)).toEqual(['Memory', '메모리']);
  });

  it('stays within the character budget', () => {
    const text = Array.from({ length: 12 }, (_, i) => `Memory limit sentence number ${i} explains cgroups memory limits in detail.`).join(' ');
    const a = extractiveAnswer(result('memory limit cgroups', 'en', [chunk('e#1', 'en', 'Memory', text)]), 300);
    expect(a.answer.length).toBeLessThanOrEqual(300);
  });
});
