// The knowledge base as the rest of the bot sees it: documents, passages, topics and search.
import { sectionKey } from './chunk.js';
import { ingestDir } from './ingest.js';
import type { Vocabulary } from './query-units.js';
import { SearchIndex, type SearchOptions } from './search-index.js';
import type { Chunk, KnowledgeDoc, Lang, SearchResult } from './types.js';

export interface Topic {
  /** Topic slug shared by the language versions. */
  id: string;
  /** Title per language (falls back to the other language). */
  titles: Partial<Record<Lang, string>>;
  docs: KnowledgeDoc[];
}

export class KnowledgeBase {
  readonly docs: KnowledgeDoc[];
  readonly chunks: Chunk[];
  readonly warnings: string[];
  private index: SearchIndex;
  private sections = new Map<string, Chunk[]>();

  constructor(docs: KnowledgeDoc[], chunks: Chunk[], warnings: string[] = []) {
    this.docs = docs;
    this.chunks = chunks;
    this.warnings = warnings;
    this.index = new SearchIndex(chunks);
    for (const c of chunks) {
      const key = this.sectionOf(c);
      const section = this.sections.get(key);
      if (section) section.push(c);
      else this.sections.set(key, [c]);
    }
  }

  static async load(dir: string): Promise<KnowledgeBase> {
    const { docs, chunks, warnings } = await ingestDir(dir);
    return new KnowledgeBase(docs, chunks, warnings);
  }

  /** What the index knows of a term: for query analysis outside search (tests, debugging). */
  get vocabulary(): Vocabulary {
    return this.index;
  }

  search(query: string, options?: SearchOptions): SearchResult {
    return { ...this.index.search(query, options), sectionOf: (chunk) => this.sections.get(this.sectionOf(chunk)) ?? [chunk] };
  }

  /** A section in one language: its copy in the other language is another section. */
  private sectionOf(chunk: Chunk): string {
    return `${chunk.doc.lang}:${sectionKey(chunk)}`;
  }

  topics(): Topic[] {
    const byId = new Map<string, Topic>();
    for (const doc of this.docs) {
      const t = byId.get(doc.topic) ?? { id: doc.topic, titles: {}, docs: [] };
      t.titles[doc.lang] ??= doc.title;
      t.docs.push(doc);
      byId.set(doc.topic, t);
    }
    return [...byId.values()];
  }

  topicTitle(topic: Topic, lang: Lang): string {
    return topic.titles[lang] ?? topic.titles.en ?? topic.titles.ko ?? topic.id;
  }

  /** Passages of one topic in the preferred language (the other language when it has none). */
  topicChunks(topicId: string, lang: Lang): Chunk[] {
    const of = (l: Lang) => this.chunks.filter((c) => c.doc.topic === topicId && c.doc.lang === l);
    const preferred = of(lang);
    return preferred.length ? preferred : this.chunks.filter((c) => c.doc.topic === topicId);
  }
}
