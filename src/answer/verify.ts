// A generated answer is shown sentence by sentence, and only sentences supported by the passages they
// cite: each sentence is checked against its cited passages with the grounding check the quiz uses
// (src/llm/grounding.ts); a sentence without a citation takes those of the next cited sentence on its
// line (a citation at the end of a short paragraph covers it), else of the one before. Code blocks must
// appear in the passages line by line. While the model streams, only sentences that are complete and
// decided are shown, in order, so the text shown only ever grows.
import { splitSentences } from '../knowledge/sentences.js';
import { detectLang } from '../knowledge/tokenize.js';
import { coverage, hardTerms, missingTerms, negatesPassage, normalizeForMatch } from '../llm/grounding.js';
import { citedNumbers, withoutCitations } from './citations.js';
import type { Source } from './types.js';

/** Share of a sentence's content words that must occur in the passages it cites (same language). */
export const MIN_SENTENCE_COVERAGE = 0.6;

interface Sentence {
  shown: string;
  cites: number[];
  complete: boolean;
}

type Block =
  { kind: 'prose'; prefix: string; sentences: Sentence[]; complete: boolean } | { kind: 'code'; text: string; complete: boolean };

const LIST_PREFIX = /^\s*(?:[-*+]|\d+[.)]|>)\s+/;
const FENCE = /^\s*```/;

/** Sentences of one line; citations after a full stop ("… limit. [1]") go to the sentence before. */
function proseSentences(body: string, lineComplete: boolean): Sentence[] {
  const merged: string[] = [];
  for (const part of splitSentences(body)) {
    const lead = /^(?:\[\d+\]\s*)+/.exec(part)?.[0];
    if (lead && merged.length) {
      merged[merged.length - 1] += ` ${lead.trim()}`;
      const rest = part.slice(lead.length).trim();
      if (rest) merged.push(rest);
    } else merged.push(part);
  }
  return merged.map((shown, i) => ({ shown, cites: citedNumbers(shown), complete: lineComplete || i < merged.length - 1 }));
}

/** Lines as prose blocks and fenced code blocks; `final` says no more text will come. */
export function parseAnswer(text: string, final: boolean): Block[] {
  const blocks: Block[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (FENCE.test(line)) {
      let end = i + 1;
      while (end < lines.length && !FENCE.test(lines[end])) end++;
      blocks.push({ kind: 'code', text: lines.slice(i, end + 1).join('\n'), complete: final || end < lines.length });
      i = end;
      continue;
    }
    if (!line.trim()) continue;
    const prefix = LIST_PREFIX.exec(line)?.[0] ?? '';
    const complete = final || i < lines.length - 1;
    blocks.push({ kind: 'prose', prefix, sentences: proseSentences(line.slice(prefix.length), complete), complete });
  }
  return blocks;
}

/** The citations a sentence is checked against, or undefined while they are not known yet. */
function citesFor(block: Extract<Block, { kind: 'prose' }>, i: number): number[] | undefined {
  const own = block.sentences[i];
  if (own.cites.length) return own.cites;
  const after = block.sentences.slice(i + 1).find((s) => s.complete && s.cites.length);
  if (after) return after.cites;
  if (!block.complete) return undefined;
  return (
    block.sentences
      .slice(0, i)
      .reverse()
      .find((s) => s.cites.length)?.cites ?? []
  );
}

export interface Dropped {
  text: string;
  why: string;
}

export interface Verdict {
  /** The kept sentences and code of the decided part, as they are shown. */
  text: string;
  /** Every sentence is decided (always true for the final text). */
  settled: boolean;
  kept: number;
  dropped: Dropped[];
  /** Characters of the kept and of all decided sentences (for "too little remains"). */
  keptChars: number;
  decidedChars: number;
  /** The text cites at least one passage. */
  cited: boolean;
}

export class AnswerVerifier {
  private readonly decisions = new Map<string, string | null>();
  private readonly allText: string;

  constructor(private readonly sources: Source[]) {
    this.allText = normalizeForMatch(sources.map((s) => s.text).join('\n'));
  }

  /** Why a claim is not supported by the passages `cites`, or null when it is. */
  private problem(claim: string, cites: number[]): string | null {
    const key = `${cites.join(',')}|${claim}`;
    let why = this.decisions.get(key);
    if (why === undefined) {
      why = this.check(claim, cites);
      this.decisions.set(key, why);
    }
    return why;
  }

  private check(claim: string, cites: number[]): string | null {
    if (!claim) return 'empty';
    const passages = cites.map((n) => this.sources[n - 1]?.text).filter((t): t is string => !!t);
    if (!passages.length) return 'cites no passage';
    const passage = passages.join('\n');
    const lang = detectLang(claim);
    const missing = missingTerms(claim, passage, lang);
    if (missing.length) return `not in [${cites.join('][')}]: ${missing.join(', ')}`;
    if (negatesPassage(claim, passage, lang)) return `negates what [${cites.join('][')}] says`;
    if (lang === detectLang(passage)) {
      const cov = coverage(claim, passage);
      return cov < MIN_SENTENCE_COVERAGE ? `${Math.round(cov * 100)}% of its words in [${cites.join('][')}]` : null;
    }
    // Another language than its passage: only its exact terms can be checked, so it needs some.
    return hardTerms(claim, lang).length ? null : 'other language than its passage, nothing to check';
  }

  private codeProblem(code: string): string | null {
    const lines = code.split('\n').filter((l) => l.trim() && !FENCE.test(l));
    const missing = lines.find((l) => !this.allText.includes(normalizeForMatch(l)));
    return missing === undefined ? null : `code not in the passages: ${missing.trim()}`;
  }

  verify(text: string, final: boolean): Verdict {
    const v: Verdict = {
      text: '',
      settled: true,
      kept: 0,
      dropped: [],
      keptChars: 0,
      decidedChars: 0,
      cited: citedNumbers(text).length > 0,
    };
    const out: string[] = [];
    for (const block of parseAnswer(text, final)) {
      if (block.kind === 'code') {
        if (!block.complete) return this.close(v, out, false);
        const why = this.codeProblem(block.text);
        this.count(v, block.text, why);
        if (!why) out.push(block.text);
        continue;
      }
      const kept: string[] = [];
      for (let i = 0; i < block.sentences.length; i++) {
        const s = block.sentences[i];
        const cites = citesFor(block, i);
        if (!s.complete || cites === undefined) {
          if (kept.length) out.push(block.prefix + kept.join(' '));
          return this.close(v, out, false);
        }
        const claim = withoutCitations(s.shown);
        const why = this.problem(claim, cites);
        this.count(v, claim, why);
        if (!why) kept.push(s.shown);
      }
      if (kept.length) out.push(block.prefix + kept.join(' '));
    }
    return this.close(v, out, true);
  }

  private count(v: Verdict, text: string, why: string | null): void {
    v.decidedChars += text.length;
    if (why) v.dropped.push({ text, why });
    else {
      v.kept++;
      v.keptChars += text.length;
    }
  }

  private close(v: Verdict, out: string[], settled: boolean): Verdict {
    return { ...v, text: out.join('\n'), settled };
  }
}
