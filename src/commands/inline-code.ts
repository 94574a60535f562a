// Inline code back in a reply: the commands and option names the notes wrote as `code` are shown as code in
// Discord, so `docker stats resumarble` reads as a command and `--memory` as an option. The answer's own text
// stays plain (what the JSON CLI prints and the evaluation reads); only the reply is marked up.

const isWordChar = (c: string | undefined) => !!c && /[A-Za-z0-9_`-]/.test(c);

/** One stretch of prose with every whole occurrence of a span in backticks; longer spans first, none nested. */
function markProse(text: string, spans: string[]): string {
  const taken: [number, number][] = [];
  const overlaps = (from: number, to: number) => taken.some(([a, b]) => from < b && to > a);
  for (const span of spans) {
    for (let at = text.indexOf(span); at >= 0; at = text.indexOf(span, at + span.length)) {
      const end = at + span.length;
      // A whole token only: `-d` is not the -d inside --detach, `1024` not the one inside 10240.
      if (isWordChar(text[at - 1]) || isWordChar(text[end]) || overlaps(at, end)) continue;
      taken.push([at, end]);
    }
  }
  let out = text;
  for (const [from, to] of taken.sort((a, b) => b[0] - a[0])) out = `${out.slice(0, from)}\`${out.slice(from, to)}\`${out.slice(to)}`;
  return out;
}

/** The text with the spans marked as inline code outside fenced code blocks, which stay as they are. */
export function withInlineCode(text: string, spans: readonly string[] | undefined): string {
  const usable = [...new Set(spans ?? [])]
    .filter((s) => s.length > 1 && !s.includes('`') && !s.includes('\n'))
    .sort((a, b) => b.length - a.length);
  if (!usable.length) return text;
  return text
    .split(/(```[\s\S]*?```)/)
    .map((part) => (part.startsWith('```') ? part : markProse(part, usable)))
    .join('');
}
