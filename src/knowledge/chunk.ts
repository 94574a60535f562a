// Sections to passages: whole paragraphs packed up to a size a user can read as one focused source;
// a paragraph longer than that is cut at sentence ends.
import { splitSentences } from './sentences.js';
import type { Section } from './markdown.js';
import type { Chunk, KnowledgeDoc } from './types.js';

export const CHUNK_MAX_CHARS = 600;

/** The section a passage belongs to, whichever language's copy: its document's topic, section and heading depth. */
export const sectionKey = (chunk: Chunk) => `${chunk.doc.topic}#${chunk.section}#${chunk.headingPath.length}`;
/** A trailing passage shorter than this is merged back into the one before it. */
const CHUNK_MIN_CHARS = 120;

function pieces(block: string, max: number, code: boolean): string[] {
  if (block.length <= max || code) return [block];
  const out: string[] = [];
  let cur = '';
  for (const s of splitSentences(block)) {
    if (cur && cur.length + 1 + s.length > max) {
      out.push(cur);
      cur = s;
    } else cur = cur ? `${cur} ${s}` : s;
  }
  if (cur) out.push(cur);
  return out;
}

export function chunkSections(doc: KnowledgeDoc, sections: Section[], max = CHUNK_MAX_CHARS): Chunk[] {
  const chunks: Chunk[] = [];
  sections.forEach((section, sectionIndex) => {
    const texts: string[] = [];
    let cur = '';
    const code = new Set(section.code);
    for (const piece of section.blocks.flatMap((b) => pieces(b, max, code.has(b)))) {
      if (cur && cur.length + 1 + piece.length > max) {
        texts.push(cur);
        cur = piece;
      } else cur = cur ? `${cur}\n${piece}` : piece;
    }
    if (cur) {
      const last = texts[texts.length - 1];
      if (last !== undefined && cur.length < CHUNK_MIN_CHARS && last.length + cur.length < max * 1.3)
        texts[texts.length - 1] = `${last}\n${cur}`;
      else texts.push(cur);
    }
    for (const text of texts) {
      chunks.push({
        id: `${doc.path}#${chunks.length}`,
        doc,
        headingPath: section.headingPath,
        heading: section.headingPath.join(' > ') || doc.title,
        text,
        section: sectionIndex,
        keyPoint: section.keyPoint,
        code: section.code.filter((c) => text.includes(c)),
        inlineCode: [...new Set(section.inlineCode.filter((c) => text.includes(c)))],
        ...(section.claims.length ? { claims: section.claims } : {}),
        ...(section.askedAs.length ? { askedAs: section.askedAs } : {}),
      });
    }
  });
  return chunks;
}
