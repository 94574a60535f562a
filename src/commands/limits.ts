// Discord's message limits, respected by every reply (the console shows the same text).
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  embedsTotal: 6000,
  embedsPerMessage: 10,
  buttonLabel: 80,
  selectOptions: 25,
  selectLabel: 100,
  selectDescription: 100,
  autocompleteChoices: 25,
  choiceName: 100,
} as const;

export { truncate } from '../text/truncate.js';

const BREAKS: RegExp[] = [/\n\s*\n/g, /\n/g, /(?<=[.!?。])\s+|(?<=다\.)\s*/g, /\s+/g];

/**
 * Splits text into pieces of at most `max` characters, preferring to break at a paragraph,
 * then a line, then a sentence, then a space; only a single unbroken run is cut mid-word.
 */
export function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    let at = -1;
    for (const re of BREAKS) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      let last = -1;
      while ((m = re.exec(rest)) && m.index <= max) {
        if (m.index > 0) last = m.index;
        if (m[0].length === 0) re.lastIndex++;
      }
      if (last > max * 0.3) {
        at = last;
        break;
      }
    }
    if (at <= 0) at = max;
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}
