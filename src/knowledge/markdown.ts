// Markdown (including Jekyll blog posts) to plain-text sections under their heading path.
import matter from 'gray-matter';
import { marked, type Token, type Tokens } from 'marked';
import { basename } from 'node:path';
import { detectLang } from './tokenize.js';
import type { KnowledgeDoc, Lang } from './types.js';

export interface Section {
  headingPath: string[];
  /** Plain-text blocks (paragraphs, list items, table rows, code), in order. */
  blocks: string[];
}

export interface ParsedDoc {
  doc: KnowledgeDoc;
  sections: Section[];
  warnings: string[];
}

/** Jekyll/kramdown extras that are not content: `{: .prompt-info}` attribute lists and Liquid tags. */
function stripJekyll(body: string): string {
  return body.replace(/\{:[^}\n]*\}/g, '').replace(/\{%[^%]*%\}/g, '').replace(/\{\{[^}]*\}\}/g, '');
}

function stripHtml(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  let out = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'image':
        break; // alt texts of screenshots are file names, not content
      case 'br':
        out += '\n';
        break;
      case 'html':
        out += stripHtml(t.raw);
        break;
      case 'codespan':
        out += (t as Tokens.Codespan).text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
        break;
      case 'escape':
      case 'text':
        out += 'tokens' in t && t.tokens ? inlineText(t.tokens) : decodeEntities((t as Tokens.Text).text);
        break;
      default:
        out += 'tokens' in t && t.tokens ? inlineText(t.tokens as Token[]) : decodeEntities((t as { text?: string }).text ?? '');
    }
  }
  return out;
}

function decodeEntities(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function blockTexts(token: Token): string[] {
  switch (token.type) {
    case 'paragraph':
    case 'text':
      return [inlineText((token as Tokens.Paragraph).tokens).trim()];
    case 'blockquote':
      return (token as Tokens.Blockquote).tokens.flatMap(blockTexts);
    case 'list':
      return (token as Tokens.List).items.map((item) => item.tokens.flatMap(blockTexts).join(' ').trim());
    case 'code':
      return [(token as Tokens.Code).text.trim()];
    case 'table': {
      const table = token as Tokens.Table;
      const row = (cells: Tokens.TableCell[]) => cells.map((c) => inlineText(c.tokens).trim()).join(' | ');
      return [row(table.header), ...table.rows.map(row)];
    }
    case 'html':
      return [stripHtml((token as Tokens.HTML).text).trim()];
    default:
      return [];
  }
}

function langOf(value: unknown, fallbackText: string): Lang {
  if (value === 'ko' || value === 'en') return value;
  if (typeof value === 'string' && /^ko|korean|한국어/i.test(value)) return 'ko';
  if (typeof value === 'string' && /^en|english/i.test(value)) return 'en';
  return detectLang(fallbackText);
}

function toStringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).filter(Boolean);
  if (typeof value === 'string') return value.split(/[,\s]+/).filter(Boolean);
  return [];
}

/** Parses one markdown file. Bad front matter is reported as a warning and the body is still ingested. */
export function parseMarkdown(path: string, source: string): ParsedDoc {
  const warnings: string[] = [];
  let data: Record<string, unknown> = {};
  let body = source;
  try {
    const parsed = matter(source);
    data = parsed.data ?? {};
    body = parsed.content;
  } catch (err) {
    warnings.push(`${path}: front matter could not be parsed (${(err as Error).message.split('\n')[0]}); using the body only`);
    body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  }

  const tokens = marked.lexer(stripJekyll(body));
  const sections: Section[] = [];
  const stack: { depth: number; text: string }[] = [];
  let current: Section = { headingPath: [], blocks: [] };
  let firstH1: string | undefined;

  for (const token of tokens) {
    if (token.type === 'heading') {
      const h = token as Tokens.Heading;
      const text = inlineText(h.tokens).replace(/\s+/g, ' ').trim();
      if (h.depth === 1 && firstH1 === undefined && sections.length === 0 && current.blocks.length === 0) {
        firstH1 = text; // the document title, not a section
        continue;
      }
      if (current.blocks.length) sections.push(current);
      while (stack.length && stack[stack.length - 1].depth >= h.depth) stack.pop();
      stack.push({ depth: h.depth, text });
      current = { headingPath: stack.map((s) => s.text), blocks: [] };
      continue;
    }
    const texts = blockTexts(token).map((t) => t.replace(/[ \t]+/g, ' ').trim()).filter((t) => t.length > 0);
    current.blocks.push(...texts);
  }
  if (current.blocks.length) sections.push(current);

  const allText = sections.flatMap((s) => s.blocks).join(' ');
  const fileStem = basename(path).replace(/\.md$/i, '');
  const title = typeof data.title === 'string' && data.title.trim() ? data.title.trim() : firstH1 ?? fileStem;
  const doc: KnowledgeDoc = {
    path,
    title,
    lang: langOf(data.lang ?? data.language, `${title} ${allText}`),
    topic: typeof data.topic === 'string' && data.topic.trim() ? data.topic.trim() : fileStem,
    tags: toStringList(data.tags),
  };
  if (!sections.length) warnings.push(`${path}: no text found`);
  return { doc, sections, warnings };
}
