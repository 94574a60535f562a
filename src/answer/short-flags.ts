// docker run's short flags that the notes mostly write long: asked about "-c", an answer about --cpu-shares must say
// that the two are one flag, or the student cannot tell which of the options it explains is theirs.
import { escapeRegExp } from '../text/escape-regexp.js';
import { SHORT_FLAGS, VERDICT_WORD } from './claims.js';
import { namesOption } from './figures/index.js';
import type { Lang, SearchHit } from '../knowledge/types.js';

/** A flag named bare ("-c 랑 --cpus"), not one carrying a value into another question ("-m 300m 했더니 …"). */
const bare = (flag: string) => new RegExp(`(?<![\\w-])${escapeRegExp(flag)}(?![\\w-])(?!\\s*=?\\s*\\d)`);

/**
 * The answer with "-c is short for --cpu-shares" after its verdict (or first), cited to the source that writes both,
 * when the question asks about a short flag without its long name, and the answer is about the long one only.
 */
export function withShortFlagNamed(text: string, query: string, lang: Lang, sources: SearchHit[]): string {
  for (const [short, { long, particle }] of Object.entries(SHORT_FLAGS)) {
    if (!bare(short).test(query) || namesOption(query, long)) continue;
    if (namesOption(text, short) || !namesOption(text, long)) continue;
    const source = sources.findIndex((h) => namesOption(h.chunk.text, short) && namesOption(h.chunk.text, long));
    if (source < 0) continue;
    const named =
      lang === 'ko' ? `${short}${particle} ${long}의 줄임이다. [${source + 1}]` : `${short} is short for ${long}. [${source + 1}]`;
    // The flag's name goes right after the verdict the answer opens with.
    const verdict = VERDICT_WORD.exec(text)?.[0];
    return verdict ? `${verdict} ${named} ${text.slice(verdict.length).trimStart()}` : `${named} ${text}`;
  }
  return text;
}
