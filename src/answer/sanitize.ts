// Model markdown made safe for an embed: no headings (an answer is a few sentences, not a page), no links
// to hosts the passages do not name (a masked link hides where it goes), no mentions. Code is left alone.
import type { Source } from './types.js';

const URL_HOST = /\bhttps?:\/\/([a-z0-9.-]+)/gi;
const BARE_DOMAIN = /\b((?:[a-z0-9-]+\.)+[a-z]{2,})\b/gi;

/** Host names the passages mention (in URLs or as bare domains such as docs.docker.com). */
export function passageHosts(sources: Pick<Source, 'text'>[]): Set<string> {
  const hosts = new Set<string>();
  for (const s of sources) {
    for (const m of s.text.matchAll(URL_HOST)) hosts.add(m[1].toLowerCase());
    for (const m of s.text.matchAll(BARE_DOMAIN)) hosts.add(m[1].toLowerCase());
  }
  return hosts;
}

function hostAllowed(url: string, hosts: Set<string>): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return [...hosts].some((h) => host === h || host.endsWith(`.${h}`));
}

/** A link target the reader may follow as is, or its host as inline code (visible, not clickable). */
function plainUrl(url: string, hosts: Set<string>): string {
  return hostAllowed(url, hosts) ? url : `\`${url.replace(/^https?:\/\//i, '')}\``;
}

function sanitizeProse(text: string, hosts: Set<string>): string {
  return text
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/gm, '$1') // headings → their text
    .replace(/^[ \t]*-#[ \t]+/gm, '') // Discord subtext
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images → alt text
    .replace(/\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+["'][^)]*["'])?\s*\)/g, (_, label: string, url: string) => {
      if (/^\d+$/.test(label.trim())) return `[${label.trim()}]`; // a citation dressed as a link
      return hostAllowed(url, hosts) ? `[${label}](${url})` : label;
    })
    .replace(/<(https?:\/\/[^>\s]+)>/gi, (_, url: string) => plainUrl(url, hosts))
    .replace(/(?<![(<`])\bhttps?:\/\/[^\s<>()`]+/gi, (url) => plainUrl(url, hosts))
    .replace(/<(@[!&]?|#)\d+>/g, '')
    .replace(/@(everyone|here)\b/g, '@\u200b$1');
}

/** Sanitised markdown; fenced code blocks and inline code spans pass unchanged. */
export function sanitizeMarkdown(text: string, hosts: Set<string>): string {
  // Odd parts of the split are code (a fence, or an inline span), left as written.
  return text
    .split(/(```[\s\S]*?(?:```|$)|`[^`\n]*`)/)
    .map((part, i) => (i % 2 ? part : sanitizeProse(part, hosts)))
    .join('');
}
