// docker run's short flags that the notes mostly write long: asked about "-c", an answer about --cpu-shares must say
// that the two are one flag, or the student cannot tell which of the options it explains is theirs.
import { escapeRegExp } from '../text/escape-regexp.js';
import type { Lang, SearchHit } from '../knowledge/types.js';

/** Each short flag, its long name, and the Korean topic particle its spoken name takes (씨는, 엠은). */
const SHORT_FLAGS: Record<string, { long: string; particle: string }> = {
  '-c': { long: '--cpu-shares', particle: '는' },
  '-m': { long: '--memory', particle: '은' },
};
/** A flag named bare ("-c 랑 --cpus"), not one carrying a value into another question ("-m 300m 했더니 …"). */
const bare = (flag: string) => new RegExp(`(?<![\\w-])${escapeRegExp(flag)}(?![\\w-])(?!\\s*=?\\s*\\d)`);

const standing = (flag: string) => new RegExp(`(?<![\\w-])${escapeRegExp(flag)}(?![\\w-])`);

/** A verdict the answer opens with: the flag's name goes right after it. */
const VERDICT = /^(?:Yes|No|네|예|아니요)\.\s+/;

/**
 * The answer with "-c is short for --cpu-shares" after its verdict (or first), cited to the source that writes both,
 * when the question asks about a short flag without its long name, and the answer is about the long one only.
 */
export function withShortFlagNamed(text: string, query: string, lang: Lang, sources: SearchHit[]): string {
  for (const [short, { long, particle }] of Object.entries(SHORT_FLAGS)) {
    if (!standing(short).test(query) || standing(long).test(query)) continue;
    if (!bare(short).test(query)) continue;
    if (standing(short).test(text) || !standing(long).test(text)) continue;
    const source = sources.findIndex((h) => standing(short).test(h.chunk.text) && standing(long).test(h.chunk.text));
    if (source < 0) continue;
    const named =
      lang === 'ko' ? `${short}${particle} ${long}의 줄임이다. [${source + 1}]` : `${short} is short for ${long}. [${source + 1}]`;
    const verdict = VERDICT.exec(text)?.[0] ?? '';
    return `${verdict}${named} ${text.slice(verdict.length)}`;
  }
  return text;
}
