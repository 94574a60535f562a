import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AskedLines } from '../../src/knowledge/asked.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { analyseQuery } from '../../src/knowledge/query.js';
import { queryUnits } from '../../src/knowledge/query-units.js';
import { DEFAULT_RANKING } from '../../src/knowledge/ranking.js';

// Two sections about memory; only the second one's asked-as lines use the student's words for it.
const NOTES = `---
title: Memory notes
lang: en
---

## Container memory limit: --memory sets a hard cap

**Key point:** --memory caps the memory of a container's processes.

The kernel enforces the memory cap through the container's cgroup.

## Exit code 137: the kernel's OOM killer ended it

**Key point:** Exit code 137 means SIGKILL; a container over its memory cap is killed by the OOM killer.

**Asked as:**
- my app vanishes mid-request and the logs just stop, what happened
- container silently dies under load

The OOM killer picks a process in the container's cgroup when its memory cap is reached.
`;

let kb: KnowledgeBase;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'asked-'));
  writeFileSync(join(dir, 'memory.md'), NOTES);
  kb = await KnowledgeBase.load(dir);
});

const bestHeading = (q: string, askedWeight = DEFAULT_RANKING.askedWeight) =>
  kb.search(q, { topK: 3, minScore: 0, params: { ...DEFAULT_RANKING, askedWeight } }).hits[0]?.chunk.heading ?? '(none)';

describe('asked-as lines (document expansion)', () => {
  it('lead a question worded the way a student asks to the section that lists that wording', () => {
    expect(bestHeading('container: my app vanishes mid-request and the logs just stop, what happened?')).toMatch(/^Exit code 137/);
  });

  it('are what moved it: without them the notes’ own words lead elsewhere', () => {
    expect(bestHeading('container: my app vanishes mid-request and the logs just stop, what happened?', 0)).toMatch(
      /^Container memory limit/,
    );
  });

  it('count both ways: a long line that shares only the generic words with the question is no close paraphrase', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asked-f1-'));
    const section = (heading: string, line: string) =>
      `## ${heading}\n\n**Key point:** About ${heading.toLowerCase()}.\n\n**Asked as:**\n- ${line}\n\nSome text.\n\n`;
    writeFileSync(
      join(dir, 'notes.md'),
      '---\ntitle: Notes\nlang: en\n---\n\n' +
        section('Alpha', 'memory limit') +
        section('Beta', 'memory limit changed live on a running container with update after the swap error'),
    );
    const two = await KnowledgeBase.load(dir);
    const units = queryUnits(analyseQuery('memory limit'), two.vocabulary, DEFAULT_RANKING).units;
    const match = (precision: boolean) => {
      const lines = new AskedLines(two.chunks);
      const m = lines.match(units, { ...DEFAULT_RANKING, askedPrecision: precision });
      return two.chunks.map((_, id) => m.of(id));
    };
    const [alpha, beta] = match(true);
    expect(alpha).toBeCloseTo(1);
    expect(beta).toBeLessThan(0.5);
    // Counted one way only, both lines cover the whole question.
    expect(match(false)[1]).toBeCloseTo(1);
  });

  it('are never quoted in an answer passage', () => {
    const text = kb.search('container silently dies under load', { topK: 3 }).hits.map((h) => h.chunk.text);
    expect(text.join(' ')).not.toMatch(/silently dies/);
  });
});
