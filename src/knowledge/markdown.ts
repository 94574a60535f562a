// Markdown (including Jekyll blog posts) to plain-text sections under their heading path.
import matter from 'gray-matter';
import { marked, type Token, type Tokens } from 'marked';
import { basename } from 'node:path';
import { detectLang } from './tokenize.js';
import type { Claim, KnowledgeDoc, Lang } from './types.js';

export interface Section {
  headingPath: string[];
  /** Plain-text blocks (paragraphs, list items, table rows, code), in order. */
  blocks: string[];
  /** The blocks that are code (commands, file contents): shown as code, never cut into sentences. */
  code: string[];
  /** Inline code spans in the prose blocks, as written (without the backticks). */
  inlineCode: string[];
  /** Claims a student may ask about, each marked true or false (a `**Check:**` / `**확인:**` list). */
  claims: Claim[];
  /** The section's curated key point (`**Key point:** …` / `**핵심:** …` as its first paragraph), if any. */
  keyPoint?: string;
  /** Ways a student asks for what the section says (an `**Asked as:**` / `**이렇게 물어요:**` list): searched, never quoted. */
  askedAs: string[];
}

/** The label of a check list, in either language: the claims under it are not prose but yes/no answers. */
const CHECK_LABEL = /^(?:check|확인)\s*[:：]\s*/i;
/** A check item: whether the claim is true, the claim, and optionally "→" and what is true instead. */
const CLAIM_ITEM = /^(yes|no|네|예|아니요|아니오)\s*[:：]\s*(.+?)(?:\s+(?:→|->)\s+(.+))?$/i;

/**
 * The items of a labelled list (`**Check:**`, `**Asked as:**`, then "- …" lines), from the label's paragraph on:
 * undefined for a block that is no such list, none for the label alone (its list is the next block).
 */
function labelledItems(token: Token, labelled: boolean, label: RegExp): string[] | undefined {
  if (token.type !== 'paragraph' && token.type !== 'list') return undefined;
  const raw = token.raw.replace(/\*\*/g, '').trim();
  if (!labelled && !label.test(raw)) return undefined;
  return raw
    .replace(label, '')
    .split(/\n\s*[-*]\s+|^\s*[-*]\s+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** The claims of a check list ("- No: Each container boots its own kernel."), from the label's paragraph on. */
function claimsOf(token: Token, labelled: boolean): { claims: Claim[]; reasonCode: string[] } | undefined {
  const items = labelledItems(token, labelled, CHECK_LABEL);
  if (!items) return undefined;
  if (!items.length) return { claims: [], reasonCode: [] };
  const reasonCode: string[] = [];
  const claims = items.flatMap((item) => {
    const m = CLAIM_ITEM.exec(item);
    if (!m) return [];
    const plain = (text: string) => text.replace(/`/g, '');
    // A reason is quoted in answers, so its code spans are shown as code; a claim (often false) is never quoted.
    if (m[3]) reasonCode.push(...[...m[3].matchAll(/`([^`]+)`/g)].map((c) => c[1]));
    return [{ truth: /^(?:yes|네|예)$/i.test(m[1]), text: plain(m[2]), ...(m[3] ? { reason: plain(m[3]) } : {}) }];
  });
  return claims.length ? { claims, reasonCode } : undefined;
}

/** The label of an asked-as list, in either language. */
const ASKED_LABEL = /^(?:asked as|이렇게 물어요)\s*[:：]\s*/i;

/** The questions of an asked-as list, from the label's paragraph on (the label may stand alone above its list). */
function askedOf(token: Token, labelled: boolean): string[] | undefined {
  return labelledItems(token, labelled, ASKED_LABEL)
    ?.map((s) => s.replace(/[`\s]+/g, ' ').trim())
    .filter(Boolean);
}

/** The label of a key-point paragraph, in either language. */
const KEY_POINT = /^(?:key point|핵심)\s*[:：]\s*/i;

export interface ParsedDoc {
  doc: KnowledgeDoc;
  sections: Section[];
  warnings: string[];
}

/**
 * Jekyll/kramdown extras that are not content, removed from prose only (code keeps every character):
 * `{: .prompt-info}` attribute lists, Liquid tags `{% … %}` and Liquid output `{{ site.url }}`. A Go
 * template (`{{.State.OOMKilled}}`, `{{json .Config}}`) refers to fields with a leading dot and is kept.
 */
function stripJekyll(text: string): string {
  return text
    .replace(/\{:[^}\n]*\}/g, '')
    .replace(/\{%[^%]*%\}/g, '')
    .replace(/\{\{([^}]*)\}\}/g, (all, inner: string) => (/(?:^|[\s(|])\./.test(inner) ? all : ''));
}

function stripHtml(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

function codespanText(t: Tokens.Codespan): string {
  return t.text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** The inline code spans (`docker stats resumarble`) anywhere inside a block: commands written in the prose. */
function codeSpansOf(token: Token): string[] {
  const spans: string[] = [];
  void marked.walkTokens([token], (t) => {
    if (t.type === 'codespan') spans.push(codespanText(t as Tokens.Codespan).trim());
  });
  return spans.filter(Boolean);
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
        out += codespanText(t as Tokens.Codespan);
        break;
      case 'del': {
        // GFM reads one tilde as strikethrough; in this prose "수십 초~수 분" is a range, so keep single tildes.
        const inner = inlineText((t as Tokens.Del).tokens);
        out += t.raw.startsWith('~~') ? inner : `~${inner}~`;
        break;
      }
      case 'escape':
      case 'text':
        out += 'tokens' in t && t.tokens ? inlineText(t.tokens) : stripJekyll(decodeEntities((t as Tokens.Text).text));
        break;
      default:
        out += 'tokens' in t && t.tokens ? inlineText(t.tokens) : decodeEntities((t as { text?: string }).text ?? '');
    }
  }
  return out;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A table row as a line a reader can take in alone: "Boot time — Virtual machine: minutes / Container: a second". */
function tableRow(header: string[], cells: string[]): string {
  const [first, ...rest] = cells;
  // A column header's alias in parentheses ("Virtual machine (VM)") is for the table, not for every row.
  const column = (i: number) => header[i]?.replace(/\s*\([^()]*\)\s*$/, '') || header[i];
  const pairs = rest.map((c, i) => (header[i + 1] ? `${column(i + 1)}: ${c}` : c)).filter((x) => x.trim());
  return first ? `${first} — ${pairs.join(' / ')}` : pairs.join(' / ');
}

interface Block {
  text: string;
  code: boolean;
}

function blocksOf(token: Token): Block[] {
  if (token.type === 'code') return [{ text: (token as Tokens.Code).text.trim(), code: true }];
  if (token.type === 'blockquote') return (token as Tokens.Blockquote).tokens.flatMap(blocksOf);
  return proseTexts(token).map((text) => ({ text, code: false }));
}

function proseTexts(token: Token): string[] {
  switch (token.type) {
    case 'paragraph':
    case 'text':
      return [inlineText((token as Tokens.Paragraph).tokens).trim()];
    case 'list':
      return (token as Tokens.List).items.map((item) =>
        item.tokens
          .flatMap((x) => blocksOf(x).map((b) => b.text))
          .join(' ')
          .trim(),
      );
    case 'table': {
      const table = token as Tokens.Table;
      const cells = (row: Tokens.TableCell[]) => row.map((c) => inlineText(c.tokens).trim());
      const header = cells(table.header);
      return table.rows.map((r) => tableRow(header, cells(r)));
    }
    case 'html':
      return [stripJekyll(stripHtml((token as Tokens.HTML).text)).trim()];
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
  let body: string;
  try {
    // With options gray-matter does not cache: its cache keeps every text and, filled before parsing, would
    // read a broken file as empty front matter the second time.
    const parsed = matter(source, {});
    data = parsed.data ?? {};
    body = parsed.content;
  } catch (err) {
    warnings.push(`${path}: front matter could not be parsed (${(err as Error).message.split('\n')[0]}); using the body only`);
    body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  }

  const tokens = marked.lexer(body);
  const sections: Section[] = [];
  const stack: { depth: number; text: string }[] = [];
  let current: Section = { headingPath: [], blocks: [], code: [], inlineCode: [], claims: [], askedAs: [] };
  let checkLabelled = false;
  let askedLabelled = false;
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
      current = { headingPath: stack.map((s) => s.text), blocks: [], code: [], inlineCode: [], claims: [], askedAs: [] };
      checkLabelled = askedLabelled = false;
      continue;
    }
    // A check list is yes/no answers, not prose an answer quotes: kept apart, never a block.
    const list = claimsOf(token, checkLabelled);
    if (list) {
      current.claims.push(...list.claims);
      current.inlineCode.push(...list.reasonCode);
      checkLabelled = list.claims.length === 0;
      continue;
    }
    if (token.type !== 'space') checkLabelled = false;
    // So is an asked-as list: how students word the question, which search reads and no answer quotes.
    const asked = askedOf(token, askedLabelled);
    if (asked) {
      current.askedAs.push(...asked);
      askedLabelled = asked.length === 0;
      continue;
    }
    if (token.type !== 'space') askedLabelled = false;
    if (token.type !== 'code') current.inlineCode.push(...codeSpansOf(token));
    for (const b of blocksOf(token)) {
      let text = b.code ? b.text : b.text.replace(/[ \t]+/g, ' ').trim();
      if (!text) continue;
      if (b.code) current.code.push(text);
      else if (!current.blocks.length && KEY_POINT.test(text)) {
        text = text.replace(KEY_POINT, '');
        current.keyPoint = text;
      }
      current.blocks.push(text);
    }
  }
  if (current.blocks.length) sections.push(current);

  const allText = sections.flatMap((s) => s.blocks).join(' ');
  const fileStem = basename(path).replace(/\.md$/i, '');
  const title = typeof data.title === 'string' && data.title.trim() ? data.title.trim() : (firstH1 ?? fileStem);
  const doc: KnowledgeDoc = {
    path,
    title,
    lang: langOf(data.lang ?? data.language, `${title} ${allText}`),
    topic: typeof data.topic === 'string' && data.topic.trim() ? data.topic.trim() : fileStem,
    tags: toStringList(data.tags),
    ...(data.everyday === true ? { everyday: true } : {}),
  };
  if (!sections.length) warnings.push(`${path}: no text found`);
  return { doc, sections, warnings };
}
