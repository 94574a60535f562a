// "요약좀", "3줄요약", "tl;dr": the key points of the best few sections as a short list, each cited.
import { leadFor } from './claims.js';
import { splitSentences } from '../knowledge/sentences.js';
import { truncate } from '../text/truncate.js';
import type { SearchHit, SearchResult } from '../knowledge/types.js';

/** A summary lists the key points of up to this many sections scoring at least SUMMARY_NEAR_BEST of the best. */
const SUMMARY_POINTS = 4;
const SUMMARY_NEAR_BEST = 0.6;

/** "요약좀", "tl;dr": the key points of the best few sections as a short list, each cited. */
export function summaryList(result: SearchResult, sources: SearchHit[], maxChars: number): string | undefined {
  const same = sources.filter((h) => h.chunk.doc.lang === result.lang);
  const pool = same.length ? same : sources;
  const best = pool[0]?.score ?? 0;
  const seen = new Set<string>(); // the chunks of one section share its key point
  const points = pool
    .filter((h) => h.chunk.keyPoint && h.score >= best * SUMMARY_NEAR_BEST && !seen.has(h.chunk.keyPoint) && seen.add(h.chunk.keyPoint))
    .slice(0, result.lines ?? SUMMARY_POINTS);
  if (points.length < 2) return undefined;
  // Asked for N lines, each line is one sentence: a key point's first, and when fewer sections than N were found, the
  // next sentences of the best ones ("3줄요약" gets three lines, not two). A point that does not fit whole gives its
  // first sentence too.
  const sentences = points.map((h) => splitSentences(leadFor(h.chunk) ?? ''));
  const picked = points.map((_, i) => ({ i, n: 0 }));
  let extra = (result.lines ?? 0) - points.length;
  for (let n = 1; extra > 0 && n < 3; n++)
    for (let i = 0; i < points.length && extra > 0; i++)
      if (sentences[i][n]) {
        picked.push({ i, n });
        extra--;
      }
  picked.sort((a, b) => a.i - b.i || a.n - b.n);
  const lines: string[] = [];
  let length = 0;
  for (const { i, n } of picked) {
    const h = points[i];
    const cite = ` [${sources.indexOf(h) + 1}]`;
    const point = leadFor(h.chunk) ?? '';
    const fits = (text: string) => length + text.length + cite.length + 3 <= maxChars;
    const text = result.lines || !fits(point) ? sentences[i][n] : point;
    const line = `• ${text}${cite}`;
    if (lines.length && !fits(text)) break;
    lines.push(truncate(line, maxChars));
    length += line.length + 1;
  }
  // One line is no list: the answer then leads with the best section as any answer does.
  return lines.length < 2 ? undefined : lines.join('\n');
}
