// Reads every .md file below the knowledge folder into documents and passages.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { chunkSections } from './chunk.js';
import { parseMarkdown } from './markdown.js';
import type { Chunk, KnowledgeDoc } from './types.js';

export interface Ingested {
  docs: KnowledgeDoc[];
  chunks: Chunk[];
  warnings: string[];
}

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.md$/i.test(e.name))
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
}

export function ingestText(path: string, source: string): { doc: KnowledgeDoc; chunks: Chunk[]; warnings: string[] } {
  const { doc, sections, warnings } = parseMarkdown(path, source);
  return { doc, chunks: chunkSections(doc, sections), warnings };
}

export async function ingestDir(dir: string): Promise<Ingested> {
  let files: string[];
  try {
    files = await markdownFiles(dir);
  } catch (err) {
    throw new Error(`Knowledge folder ${JSON.stringify(dir)} cannot be read: ${(err as Error).message}`, { cause: err });
  }
  const out: Ingested = { docs: [], chunks: [], warnings: [] };
  for (const file of files) {
    const rel = relative(dir, file).split(sep).join('/');
    let source: string;
    try {
      source = await readFile(file, 'utf8');
    } catch (err) {
      out.warnings.push(`${rel}: cannot be read (${(err as Error).message})`);
      continue;
    }
    const { doc, chunks, warnings } = ingestText(rel, source);
    out.docs.push(doc);
    out.chunks.push(...chunks);
    out.warnings.push(...warnings);
  }
  if (!out.chunks.length) out.warnings.push(`${dir}: no markdown passages found`);
  return out;
}
