// Passage vectors for hybrid retrieval: embedded in batches through an OpenAI-compatible
// /embeddings endpoint, cached on disk by model and content hash so a restart embeds only what changed.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type OpenAI from 'openai';
import type { Logger } from 'pino';
import type { Chunk } from '../knowledge/types.js';

export interface EmbeddingSettings {
  model: string;
  cachePath: string;
  /** Inputs per /embeddings request. */
  batchSize?: number;
  /** Timeout of one request (a query embedding is not retried: it falls back to lexical at once). */
  timeoutMs: number;
  /** After a failure, vectors are not tried again for this long (lexical meanwhile). */
  retryAfterMs?: number;
}

interface CacheFile {
  version: 1;
  model: string;
  dim: number;
  /** content hash → base64 of the float32 vector */
  vectors: Record<string, string>;
}

const CACHE_VERSION = 1;

/** The text embedded for a passage: title and section give the passage its context. */
export function passageText(c: Chunk): string {
  return `${c.doc.title}\n${c.heading}\n${c.text}`;
}

export function contentKey(model: string, text: string): string {
  return createHash('sha256').update(model).update('\0').update(text).digest('hex');
}

function normalize(v: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(v);
  let norm = 0;
  for (const x of out) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < out.length; i++) out[i] /= norm;
  return out;
}

const toB64 = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
function fromB64(s: string): Float32Array {
  const b = Buffer.from(s, 'base64');
  const copy = new Uint8Array(b); // aligned copy
  return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
}

export async function loadCache(path: string, model: string, log?: Logger): Promise<Map<string, Float32Array>> {
  const out = new Map<string, Float32Array>();
  let file: CacheFile;
  try {
    file = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log?.warn({ err, path }, 'embedding cache unreadable; re-embedding');
    return out;
  }
  if (file?.version !== CACHE_VERSION || file.model !== model || typeof file.vectors !== 'object') {
    log?.info({ path, cachedModel: file?.model, model }, 'embedding cache is for another model; re-embedding');
    return out;
  }
  for (const [k, v] of Object.entries(file.vectors)) {
    const vec = fromB64(v);
    if (vec.length === file.dim) out.set(k, vec);
  }
  return out;
}

export async function saveCache(path: string, model: string, vectors: Map<string, Float32Array>): Promise<void> {
  const first = vectors.values().next().value;
  const file: CacheFile = { version: CACHE_VERSION, model, dim: first?.length ?? 0, vectors: {} };
  for (const [k, v] of vectors) file.vectors[k] = toB64(v);
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(file));
  await rename(tmp, path);
}

export interface VectorHit {
  /** Index into the chunks given to the constructor. */
  index: number;
  similarity: number;
}

/** Vectors of every passage, and nearest passages to a question. */
export class PassageVectors {
  private matrix: Float32Array[] | null = null;
  private loading: Promise<boolean> | null = null;
  private failedAt = 0;
  private readonly batchSize: number;
  private readonly retryAfterMs: number;
  /** Embedding requests sent (for logs and tests). */
  requests = 0;

  constructor(
    private client: OpenAI,
    private chunks: Chunk[],
    private settings: EmbeddingSettings,
    private logger: Logger,
  ) {
    this.batchSize = settings.batchSize ?? 64;
    this.retryAfterMs = settings.retryAfterMs ?? 60_000;
  }

  private async embed(texts: string[], signal?: AbortSignal, maxRetries?: number): Promise<Float32Array[]> {
    this.requests++;
    const res = await this.client.embeddings.create(
      { model: this.settings.model, input: texts, encoding_format: 'float' },
      { timeout: this.settings.timeoutMs, signal, ...(maxRetries !== undefined ? { maxRetries } : {}) },
    );
    const data = [...(res.data ?? [])].sort((a, b) => a.index - b.index);
    if (data.length !== texts.length) throw new Error(`embeddings: asked for ${texts.length}, got ${data.length}`);
    const out = data.map((d) => normalize(d.embedding as unknown as ArrayLike<number>));
    const dim = out[0]?.length ?? 0;
    if (!dim || out.some((v) => v.length !== dim || v.some((x) => !Number.isFinite(x)))) throw new Error('embeddings: malformed vectors');
    return out;
  }

  /** Loads the cache and embeds the passages it lacks. Resolves false (and logs) on failure. */
  start(): Promise<boolean> {
    this.loading ??= this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  private async load(): Promise<boolean> {
    const { model, cachePath } = this.settings;
    const started = Date.now();
    let cache = new Map<string, Float32Array>();
    let added = 0;
    try {
      cache = await loadCache(cachePath, model, this.logger);
      const keys = this.chunks.map((c) => contentKey(model, passageText(c)));
      const missing = [...new Set(keys.filter((k) => !cache.has(k)))];
      const textOf = new Map(keys.map((k, i) => [k, passageText(this.chunks[i])]));
      for (let i = 0; i < missing.length; i += this.batchSize) {
        const batch = missing.slice(i, i + this.batchSize);
        const vecs = await this.embed(batch.map((k) => textOf.get(k)!));
        batch.forEach((k, j) => cache.set(k, vecs[j]));
        added += batch.length;
      }
      const dims = new Set(keys.map((k) => cache.get(k)!.length));
      if (dims.size > 1) throw new Error('embeddings of different sizes in the cache');
      // Keep only the current passages' vectors on disk.
      const current = new Map(keys.map((k) => [k, cache.get(k)!]));
      if (missing.length || current.size !== cache.size) await saveCache(cachePath, model, current);
      this.matrix = keys.map((k) => current.get(k)!);
      this.logger.info(
        { model, passages: keys.length, embedded: missing.length, cached: keys.length - missing.length, ms: Date.now() - started },
        'passage vectors ready',
      );
      return true;
    } catch (err) {
      this.failedAt = Date.now();
      this.logger.warn({ err: (err as Error).message, model, embedded: added }, 'passage embeddings unavailable; lexical retrieval only');
      // Keep the batches that did arrive, so the next attempt starts from there.
      if (added) await saveCache(cachePath, model, cache).catch(() => {});
      return false;
    }
  }

  get ready(): boolean {
    return this.matrix !== null;
  }

  /** Nearest passages to the question, or null (logged) when vectors are unavailable. */
  async search(question: string, k: number, signal?: AbortSignal): Promise<VectorHit[] | null> {
    if (!this.matrix) {
      // Still embedding (first start, or a retry after a failure): wait at most one request timeout,
      // answering lexically meanwhile rather than keeping the user waiting.
      const loading = this.loading ?? (Date.now() - this.failedAt >= this.retryAfterMs ? this.start() : null);
      if (loading) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([loading, new Promise((resolve) => (timer = setTimeout(resolve, this.settings.timeoutMs)))]);
        clearTimeout(timer);
      }
      if (!this.matrix) return null;
    }
    if (Date.now() - this.failedAt < this.retryAfterMs && this.failedAt) return null;
    let q: Float32Array;
    try {
      [q] = await this.embed([question], signal, 0);
    } catch (err) {
      this.failedAt = Date.now();
      this.logger.warn({ err: (err as Error).message }, 'question embedding failed; lexical retrieval for now');
      return null;
    }
    const matrix = this.matrix;
    if (q.length !== matrix[0]?.length) {
      this.logger.warn({ dim: q.length, expected: matrix[0]?.length }, 'question embedding has another size; lexical retrieval');
      return null;
    }
    const hits: VectorHit[] = matrix.map((v, index) => {
      let dot = 0;
      for (let i = 0; i < v.length; i++) dot += v[i] * q[i];
      return { index, similarity: dot };
    });
    hits.sort((a, b) => b.similarity - a.similarity);
    return hits.slice(0, k);
  }
}
