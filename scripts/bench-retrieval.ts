// Retrieval benchmark: index build time, query latency (median, p99) and memory, on the shipped knowledge
// base and on a generated corpus of 10,000 passages, each beside a default MiniSearch measured in the same run.
// Run alone: `node --expose-gc --import tsx scripts/bench-retrieval.ts`.
import MiniSearch from 'minisearch';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { KnowledgeBase } from '../src/knowledge/knowledge-base.js';
import { SearchIndex } from '../src/knowledge/search-index.js';
import type { Chunk } from '../src/knowledge/types.js';

export interface RetrievalRow {
  corpus: string;
  engine: string;
  passages: number;
  buildMs: number;
  medianMs: number;
  p99Ms: number;
  heapMiB: number;
  rssMiB: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function heapNow(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

/** A deterministic corpus of `n` passages made by recombining real sentences, with synthetic terms mixed in. */
export function generatedCorpus(base: Chunk[], n: number): Chunk[] {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const sentences = base.flatMap((c) => c.text.split(/(?<=[.!?다])\s+/)).filter((s) => s.length > 20);
  const out: Chunk[] = [];
  for (let i = 0; i < n; i++) {
    const src = base[i % base.length];
    const parts: string[] = [];
    while (parts.join(' ').length < 420) parts.push(sentences[Math.floor(rand() * sentences.length)]);
    parts.push(`term${i % 997} code${Math.floor(rand() * 5000)}`);
    out.push({
      ...src,
      id: `gen#${i}`,
      heading: `${src.heading} ${i}`,
      headingPath: [...src.headingPath, String(i)],
      text: parts.join(' '),
    });
  }
  return out;
}

function questions(): string[] {
  const files = ['../shared/eval/questions.dev.jsonl', 'test/fixtures/questions.heldout.jsonl'];
  return files.flatMap((f) => {
    try {
      return readFileSync(f, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { q: string }).q);
    } catch {
      return [];
    }
  });
}

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function measure(
  corpus: string,
  engine: string,
  chunks: Chunk[],
  build: () => (q: string) => unknown,
  qs: string[],
  rounds: number,
): RetrievalRow {
  // Three builds kept alive together: the median build time, and heap per index with GC noise divided down.
  const before = heapNow();
  const rssBefore = process.memoryUsage().rss;
  const built: Array<(q: string) => unknown> = [];
  const buildTimes = [0, 1, 2].map(() => time(() => built.push(build()))).sort((a, b) => a - b);
  const heapMiB = (heapNow() - before) / 3 / 2 ** 20;
  const rssMiB = (process.memoryUsage().rss - rssBefore) / 3 / 2 ** 20;
  const search = built[0];
  const buildMs = buildTimes[1];
  for (const q of qs) search(q); // warm-up
  const lat: number[] = [];
  for (let r = 0; r < rounds; r++) for (const q of qs) lat.push(time(() => search(q)));
  lat.sort((a, b) => a - b);
  return { corpus, engine, passages: chunks.length, buildMs, medianMs: percentile(lat, 50), p99Ms: percentile(lat, 99), heapMiB, rssMiB };
}

function ours(chunks: Chunk[]) {
  return () => {
    const index = new SearchIndex(chunks);
    return (q: string) => index.search(q, { topK: 5, minScore: 0.35 });
  };
}

/** The baseline: MiniSearch with its default tokenizer, fuzzy + prefix search, as in shared/eval/README.md. */
function baseline(chunks: Chunk[]) {
  return () => {
    const mini = new MiniSearch({ fields: ['heading', 'text'], idField: 'id' });
    mini.addAll(chunks.map((c) => ({ id: c.id, heading: c.heading, text: c.text })));
    return (q: string) => mini.search(q, { fuzzy: 0.2, prefix: true }).slice(0, 5);
  };
}

export async function benchRetrieval(): Promise<RetrievalRow[]> {
  const kb = await KnowledgeBase.load('knowledge');
  const qs = questions();
  const big = generatedCorpus(kb.chunks, 10_000);
  return [
    measure('shipped knowledge base', 'default MiniSearch (baseline)', kb.chunks, baseline(kb.chunks), qs, 20),
    measure('shipped knowledge base', 'this bot', kb.chunks, ours(kb.chunks), qs, 20),
    measure('generated, 10,000 passages', 'default MiniSearch (baseline)', big, baseline(big), qs, 5),
    measure('generated, 10,000 passages', 'this bot', big, ours(big), qs, 5),
  ];
}

export function retrievalTable(rows: RetrievalRow[]): string {
  const f = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));
  const lines = [
    '| corpus | engine | passages | build (ms) | query median (ms) | query p99 (ms) | index heap (MiB) | RSS growth (MiB) |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.corpus} | ${r.engine} | ${r.passages} | ${f(r.buildMs)} | ${f(r.medianMs)} | ${f(r.p99Ms)} | ${r.heapMiB < 1 ? '< 1 (GC noise)' : f(r.heapMiB)} | ${r.rssMiB < 1 ? '< 1' : f(r.rssMiB)} |`,
    );
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!gc) console.error('(run with node --expose-gc for heap figures)');
  console.log(retrievalTable(await benchRetrieval()));
  console.log(`RSS after the run: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
}
