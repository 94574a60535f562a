// Citations [n] in model output: kept when they name a passage that was sent, removed otherwise.

/** What the model replies when the passages do not answer. Never shown to the user. */
export const NO_ANSWER = 'NOT_IN_SOURCES';

/**
 * Keeps citations that name a source (1..count), normalises `[1, 2]` to `[1][2]`, and removes the rest
 * (with the space before them).
 */
export function cleanCitations(text: string, count: number): string {
  return text
    .replace(/\s*\[(\s*\d+\s*(?:[,，]\s*\d+\s*)*)\]/g, (whole, list: string) => {
      const lead = /^\s*/.exec(whole)?.[0] ?? '';
      const kept = [...new Set(list.split(/[,，]/).map((x) => Number(x.trim())))].filter(
        (n) => Number.isInteger(n) && n >= 1 && n <= count,
      );
      return kept.length ? `${lead}${kept.map((n) => `[${n}]`).join('')}` : '';
    })
    .replace(/[ \t]+([.,;:!?。])/g, '$1');
}

export function citedNumbers(text: string): number[] {
  return [...new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))];
}

/** The text without its citations. */
export function withoutCitations(text: string): string {
  return text.replace(/\s*\[\d+\]/g, '').trim();
}

/** The model said the passages do not answer. */
export function isNoAnswer(text: string): boolean {
  return /NOT[_ ]IN[_ ]SOURCES/i.test(text);
}
