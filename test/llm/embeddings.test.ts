// Optional embeddings: passage vectors batched and cached on disk by model and content hash, hybrid
// retrieval by rank fusion, and lexical retrieval whenever vectors fail.
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PassageVectors } from '../../src/answer/embeddings.js';
import { ExtractiveAnswerer } from '../../src/answer/extractive.js';
import { HybridRetriever } from '../../src/answer/hybrid.js';
import { createAnswerer } from '../../src/answer/index.js';
import { GeneratedAnswerer } from '../../src/answer/generated.js';
import { createOpenAIClient, loadOpenAISdk } from '../../src/llm/client.js';
import { loadConfig } from '../../src/config.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { FakeOpenAI } from './fake-openai.js';
import { captureLogger } from './helpers.js';

// Start-up loads the SDK only with a key; these tests build clients themselves.
await loadOpenAISdk();

let fake: FakeOpenAI;
let baseURL: string;
let dir: string;
const silent = pino({ level: 'silent' });

const DOC_MEMORY = `---
title: "Memory limits"
lang: en
topic: memory
---

## --memory sets a hard limit

Passing --memory to docker run sets the most memory a container may use. The kernel enforces it through the memory cgroup, and a container over the limit is OOM-killed.

## --memory-swap adds swap

The --memory-swap value is memory plus swap together. Setting it equal to --memory disables swap for the container.

## Checking usage with docker stats

docker stats shows MEM USAGE / LIMIT for every running container, so you can see whether a limit applies.
`;

const DOC_CPU = `---
title: "CPU limits"
lang: en
topic: cpu
---

## --cpus caps CPU time

The --cpus option limits how much CPU time a container gets per period; --cpus 0.5 means half of one core.

## --cpu-shares is a relative weight

cpu-shares only matter when CPUs are busy: a container with 2048 shares gets twice the time of one with 1024.
`;

beforeAll(async () => {
  fake = new FakeOpenAI();
  baseURL = await fake.start();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  fake.reset();
  dir = await mkdtemp(join(tmpdir(), 'llm-emb-'));
  await mkdir(join(dir, 'kb', 'en'), { recursive: true });
  await writeFile(join(dir, 'kb', 'en', 'memory.md'), DOC_MEMORY);
  await writeFile(join(dir, 'kb', 'en', 'cpu.md'), DOC_CPU);
  return () => rm(dir, { recursive: true, force: true });
});

const client = () => createOpenAIClient({ apiKey: 'k', baseUrl: baseURL, timeoutMs: 2000, maxRetries: 0 });
const vectorsFor = (kb: KnowledgeBase, model = 'embed-a', logger = silent) =>
  new PassageVectors(
    client(),
    kb.chunks,
    { model, cachePath: join(dir, 'cache', 'embeddings.json'), timeoutMs: 2000, batchSize: 2 },
    logger,
  );
const inputsSent = () => fake.embeddingRequests.flatMap((r) => r.body.input as string[]);

describe('passage vector cache', () => {
  it('embeds in batches, then a restart embeds nothing unchanged, an edit only what changed, a new model everything', async () => {
    const kb = await KnowledgeBase.load(join(dir, 'kb'));
    const n = kb.chunks.length;
    expect(n).toBeGreaterThanOrEqual(4);

    expect(await vectorsFor(kb).start()).toBe(true);
    expect(fake.embeddingRequests).toHaveLength(Math.ceil(n / 2));
    for (const r of fake.embeddingRequests) {
      expect(r.body).toMatchObject({ model: 'embed-a', encoding_format: 'float' });
      expect(r.body.input.length).toBeLessThanOrEqual(2);
    }
    const cache = JSON.parse(await readFile(join(dir, 'cache', 'embeddings.json'), 'utf8'));
    expect(cache.model).toBe('embed-a');
    expect(Object.keys(cache.vectors)).toHaveLength(n);

    // Restart: same passages, same model → no embedding request at all.
    fake.reset();
    const again = vectorsFor(kb);
    expect(await again.start()).toBe(true);
    expect(fake.embeddingRequests).toHaveLength(0);
    expect(again.ready).toBe(true);

    // One passage edited → only that passage is embedded.
    fake.reset();
    await writeFile(join(dir, 'kb', 'en', 'cpu.md'), DOC_CPU.replace('half of one core', 'half of a single core'));
    const edited = await KnowledgeBase.load(join(dir, 'kb'));
    expect(await vectorsFor(edited).start()).toBe(true);
    expect(inputsSent()).toHaveLength(1);
    expect(inputsSent()[0]).toContain('half of a single core');

    // Another model → the cache is invalid: everything is embedded with the new model.
    fake.reset();
    expect(await vectorsFor(edited, 'embed-b').start()).toBe(true);
    expect(inputsSent()).toHaveLength(n);
    expect(fake.embeddingRequests.every((r) => r.body.model === 'embed-b')).toBe(true);
    expect(JSON.parse(await readFile(join(dir, 'cache', 'embeddings.json'), 'utf8')).model).toBe('embed-b');
  });

  it('logs and stays lexical when embedding fails at start-up', async () => {
    const kb = await KnowledgeBase.load(join(dir, 'kb'));
    fake.embeddingsStatus = 500;
    const { logger, lines } = captureLogger();
    const vectors = vectorsFor(kb, 'embed-a', logger);
    expect(await vectors.start()).toBe(false);
    const hybrid = new HybridRetriever(kb, vectors, { topK: 3, abstainMinScore: 0.35 }, logger);
    const q = 'How do I limit container memory with --memory?';
    const r = await hybrid.search(q);
    expect(r.hits.map((h) => h.chunk.id)).toEqual(kb.search(q, { topK: 3, minScore: 0.35 }).hits.map((h) => h.chunk.id));
    expect(lines.some((l) => l.msg.includes('lexical retrieval only'))).toBe(true);
  });
});

describe('hybrid retrieval', () => {
  it('does not keep a question waiting for a slow start-up embedding: lexical until the vectors are ready', async () => {
    const kb = await KnowledgeBase.load(join(dir, 'kb'));
    fake.embeddingsDelayMs = 400;
    expect(kb.chunks.length).toBeGreaterThanOrEqual(4);
    const vectors = new PassageVectors(
      client(),
      kb.chunks,
      { model: 'embed-a', cachePath: join(dir, 'slow.json'), timeoutMs: 1000, batchSize: 1 },
      silent,
    );
    const loading = vectors.start(); // kb.chunks.length requests of 400 ms each, one after another
    const hybrid = new HybridRetriever(kb, vectors, { topK: 3, abstainMinScore: 0.35 }, silent);
    const q = 'How do I limit container memory with --memory?';
    const early = await hybrid.search(q); // waits at most timeoutMs (1 s), less than the embedding takes
    expect(vectors.ready).toBe(false);
    expect(early.hits.map((h) => h.chunk.id)).toEqual(kb.search(q, { topK: 3, minScore: 0.35 }).hits.map((h) => h.chunk.id));
    expect(await loading).toBe(true);
    fake.reset();
    await hybrid.search(q);
    expect(fake.embeddingRequests).toHaveLength(1); // the question, now that passages are embedded
  });

  it('fuses lexical and vector rankings and falls back to lexical when the question cannot be embedded', async () => {
    const kb = await KnowledgeBase.load(join(dir, 'kb'));
    const q = 'How do I limit container memory with --memory?';
    const lexical = kb.search(q, { topK: 3, minScore: 0.35 });
    expect(lexical.hits.length).toBeGreaterThan(1);
    // Vectors that put the lexical #3 passage (or the last one) first promote it by rank fusion.
    const promoted = lexical.hits.at(-1)!.chunk;
    const vectors = {
      search: async () => [{ index: kb.chunks.indexOf(promoted), similarity: 0.9 }],
    } as unknown as PassageVectors;
    const fused = await new HybridRetriever(kb, vectors, { topK: 3, abstainMinScore: 0.35 }, silent).search(q);
    expect(fused.hits[0].chunk.id).toBe(promoted.id);
    expect(fused.abstain).toBe(false);

    // Real vectors through the fake server; then the question embedding fails → lexical ranking.
    const real = vectorsFor(kb);
    await real.start();
    fake.reset();
    const hybrid = new HybridRetriever(kb, real, { topK: 3, abstainMinScore: 0.35 }, silent);
    const r = await hybrid.search(q);
    expect(fake.embeddingRequests).toHaveLength(1);
    expect(r.hits.length).toBe(3);
    fake.embeddingsStatus = 503;
    const down = await hybrid.search(q);
    expect(down.hits.map((h) => h.chunk.id)).toEqual(lexical.hits.map((h) => h.chunk.id));
  });

  it('keeps the lexical abstention: an out-of-scope question embeds nothing and calls no model', async () => {
    const kb = await KnowledgeBase.load(join(dir, 'kb'));
    const vectors = vectorsFor(kb);
    await vectors.start();
    fake.reset();
    const hybrid = new HybridRetriever(kb, vectors, { topK: 3, abstainMinScore: 0.35 }, silent);
    const answerer = new GeneratedAnswerer(
      client(),
      hybrid,
      { model: 'm', maxAnswerTokens: 100, maxPromptChars: 4000, timeoutMs: 2000, maxRetries: 0, extractiveMaxChars: 600 },
      silent,
    );
    const a = await answerer.answer('What is the best pizza recipe from Naples?');
    expect(a.abstained).toBe(true);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('createAnswerer', () => {
  it('answers extractively without a key, and with the model and hybrid retrieval with one', async () => {
    const kb = await KnowledgeBase.load(join(dir, 'kb'));
    const plain = createAnswerer(loadConfig({ LOG_LEVEL: 'silent' }), kb, silent);
    expect(plain).toBeInstanceOf(ExtractiveAnswerer);
    const q = 'How do I limit container memory with --memory?';
    expect((await plain.answer(q)).mode).toBe('extractive');
    expect(fake.requests).toHaveLength(0);

    const config = loadConfig({
      LOG_LEVEL: 'silent',
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: baseURL,
      OPENAI_EMBEDDING_MODEL: 'embed-a',
      EMBEDDING_CACHE_PATH: join(dir, 'cache', 'e.json'),
      OPENAI_TIMEOUT_MS: '2000',
    });
    const generated = createAnswerer(config, kb, silent);
    const a = await generated.answer(q);
    expect(a.mode).toBe('generated');
    expect(fake.embeddingRequests.length).toBeGreaterThan(1); // passages, then the question
    expect(fake.chatRequests).toHaveLength(1);
    expect(fake.chatRequests[0].body).toMatchObject({ model: 'gpt-4o-mini', max_tokens: 500 });
    expect(fake.chatRequests[0].headers.authorization).toBe('Bearer sk-test');
  });
});
