// The sentences an answer is drawn from: each source's sentences and key points with how much of the question
// they have, and the picks among them (the best passage's direct sentence, a quoting sentence, a standing one).
import { escapeRegExp } from '../text/escape-regexp.js';
import { LEANS_FORWARD, leansOnPrevious, REFERS_ELSEWHERE } from './sentence-shape.js';
import { formsOf, type Forms } from './novelty.js';
import { valuesOf } from './figures/index.js';
import { NO_OPENING } from './claims.js';
import { askedOverlap } from './overlap.js';
import { splitSentences } from '../knowledge/sentences.js';
import { tokenize } from '../knowledge/tokenize.js';
import type { Chunk, SearchHit } from '../knowledge/types.js';

/** A sentence of the best passage leads instead of its key point when it has this much more of the question. */
const DIRECT_MARGIN = 3;

export interface Sentence {
  text: string;
  /** Index of its source in the listed sources (citation number − 1). */
  source: number;
  position: number;
  /** Its words by stem, for novelty. */
  forms: Forms;
  /** How much of the question it has. */
  overlap: number;
  score: number;
}

function codeLines(chunk: Chunk): Set<string> {
  return new Set(chunk.code.flatMap((c) => c.split('\n').map((l) => l.trim())));
}

/**
 * The key points and sentences of the sources that have some of `asked` and can stand in an answer on their own: no
 * sentence leaning on the one before or after it, no correction's "No —".
 */
export function standingCandidates(sources: SearchHit[], asked: Set<string>): Sentence[] {
  const keyPoints = sources.flatMap((h, source) =>
    h.chunk.keyPoint
      ? [
          {
            text: h.chunk.keyPoint,
            source,
            position: -1,
            forms: formsOf(h.chunk.keyPoint),
            overlap: askedOverlap(tokenize(h.chunk.keyPoint), asked),
            score: 0,
          },
        ]
      : [],
  );
  return [...keyPoints, ...sentencesOf(sources, asked)].filter(
    (s) => s.overlap > 0 && !leansOnPrevious(s.text) && !LEANS_FORWARD.test(s.text) && !NO_OPENING.test(s.text),
  );
}

/** The text has the value the question gives the option ("--cpus 0.5" → 0.5), standing whole (1 is not said by 1.5). */
export function mentionsValue(text: string, query: string, option: string): boolean {
  const [value] = valuesOf(query, option);
  return !!value && new RegExp(`(?<![\\d.])${escapeRegExp(value)}(?![\\d]|\\.\\d)`).test(text);
}

/** A quoted message has at least this many words of letters: an error or output line, not a column or a value. */
const QUOTE_WORDS = 4;
const wordsOf = (text: string) => text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
const squeeze = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');

/** A quoted line's fixed part: before a trailing ellipsis ("Killed process …" stands for any process). */
const fixedPart = (quote: string) => quote.replace(/\s*(?:…|\.\.\.)\s*$/, '');

/** The messages or output lines the chunk quotes as inline code that the question has pasted (not commands). */
function quotedMessages(chunk: Chunk, query: string): string[] {
  const asked = squeeze(query);
  return (chunk.inlineCode ?? []).filter(
    (c) => !/^(?:docker\b|-)/i.test(c) && wordsOf(fixedPart(c)) >= QUOTE_WORDS && asked.includes(squeeze(fixedPart(c))),
  );
}

/** The first of the sections that quotes a message the student pasted, with the messages it quotes. */
export function firstQuoting(used: SearchHit[], query: string): { index: number; quoted: string[] } {
  for (const [index, hit] of used.entries()) {
    const quoted = quotedMessages(hit.chunk, query);
    if (quoted.length) return { index, quoted };
  }
  return { index: -1, quoted: [] };
}

/**
 * An error message or output line the student pasted ("Bind for 0.0.0.0:8080 failed: port is already allocated"),
 * quoted by the best section as inline code (`quoted`, from firstQuoting): the sentence quoting it says what it
 * means, unless the key point does. Commands are not messages: every question about docker run would quote one.
 */
export function quotingSentence(candidates: Sentence[], quoted: string[], keyPoint: string): Sentence | undefined {
  if (quoted.length === 0 || quoted.some((c) => keyPoint.includes(c))) return undefined;
  return candidates.find((s) => s.source === 0 && quoted.some((c) => s.text.includes(c)) && !leansOnPrevious(s.text));
}

/** A sentence of the best passage, standing on its own, with DIRECT_MARGIN more of the question than the key point. */
export function directSentence(candidates: Sentence[], keyOverlap: number): Sentence | undefined {
  const own = candidates.filter((s) => s.source === 0 && !leansOnPrevious(s.text) && !LEANS_FORWARD.test(s.text));
  const best = own.sort((a, b) => b.overlap - a.overlap || a.position - b.position)[0];
  return best && best.overlap >= keyOverlap + DIRECT_MARGIN ? best : undefined;
}

/** A sentence that gives a reason: because, so, which is why; 때문, ~므로, ~니까, 그래서, 덕분. */
export const STATES_REASON =
  /\b(?:because|since|so that|therefore|which is why|that is why|that's why|due to|as a result|thanks to)\b|,\s?so\b|때문|므로|니까|그래서|덕분|탓에|따라서/i;

/**
 * Asked why, a sentence of the best passage that gives a reason leads when the key point gives none, provided it has
 * as much of the question as the key point.
 */
export function reasonSentence(candidates: Sentence[], keyPoint: string, keyOverlap: number): Sentence | undefined {
  if (STATES_REASON.test(keyPoint)) return undefined;
  const own = candidates.filter(
    (s) => s.source === 0 && STATES_REASON.test(s.text) && !leansOnPrevious(s.text) && !LEANS_FORWARD.test(s.text),
  );
  const best = own.sort((a, b) => b.overlap - a.overlap || a.position - b.position)[0];
  return best && best.overlap >= keyOverlap ? best : undefined;
}

export function sentencesOf(used: SearchHit[], asked: Set<string>): Sentence[] {
  const out: Sentence[] = [];
  used.forEach((hit, rank) => {
    const code = codeLines(hit.chunk);
    splitSentences(hit.chunk.text).forEach((text, position) => {
      if (code.has(text) || (hit.chunk.keyPoint && hit.chunk.keyPoint.includes(text)) || REFERS_ELSEWHERE.test(text)) return;
      const all = new Set(tokenize(text));
      const overlap = askedOverlap(all, asked);
      out.push({ text, source: rank, position, forms: formsOf(text), overlap, score: overlap * (1 - 0.25 * rank) * hit.score });
    });
  });
  return out;
}

/** Without a key point, the best passage's sentence that says most, with the one it leans on ("둘째," → "첫째,"). */
export function bestSentence(candidates: Sentence[], maxChars: number): string | undefined {
  const own = candidates.filter((s) => s.source === 0);
  for (const s of [...own].sort((a, b) => b.score - a.score || a.position - b.position)) {
    const after = own.find((x) => x.position === s.position + 1);
    if (LEANS_FORWARD.test(s.text) && after && s.text.length + after.text.length + 1 <= maxChars) return `${s.text} ${after.text}`;
    if (s.position === 0 || !leansOnPrevious(s.text)) return s.text;
    const before = own.find((x) => x.position === s.position - 1);
    if (before && before.text.length + s.text.length + 1 <= maxChars) return `${before.text} ${s.text}`;
  }
  return own[0]?.text;
}
