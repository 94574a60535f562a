// Whether a sentence adds to an answer: it must bring words the answer has not said yet. Words are compared
// by stem, so "환경이다" and "환경을" are one word, and a word that only restates a concept the answer has
// already named ("virtual machine" after "VM") adds nothing.
import { boundedMemo } from '../text/bounded-memo.js';
import { conceptsIn } from '../knowledge/glossary.js';
import { words } from '../knowledge/tokenize.js';

/** A sentence's words as stems, each with the glossary concepts it names. */
export interface Forms {
  stems: string[];
  concepts: Set<string>;
  /** Concepts named by each stem, index-aligned with `stems`. */
  stemConcepts: string[][];
}

/** Korean stems: the first two syllables (환경이다 ~ 환경을, 돌리려고 ~ 돌리기); Latin: the stemmed word. */
const stemOf = (key: string, script: string) => (script === 'hangul' && key.length > 2 ? key.slice(0, 2) : key);

/** Concepts each word names, alone or inside a phrase of up to three words (virtual machine, guest operating system). */
function wordConcepts(surfaces: string[]): string[][] {
  const out = surfaces.map((w) => conceptsIn(w));
  for (let i = 0; i < surfaces.length; i++) {
    for (let n = 2; n <= 3 && i + n <= surfaces.length; n++) {
      const phrase = conceptsIn(surfaces.slice(i, i + n).join(' ')).filter((c) => !out.slice(i, i + n).some((cs) => cs.includes(c)));
      for (let j = i; j < i + n && phrase.length; j++) out[j] = [...new Set([...out[j], ...phrase])];
    }
  }
  return out;
}

/** A table row ("격리 강도 — 가상 머신: 강함 / 컨테이너: 약함") without its column names, which every row repeats. */
export const ROW = /^[^—\n]{1,60} — [^:]{1,40}: /;
const withoutColumnNames = (text: string) => (ROW.test(text) ? text.replace(/(— | \/ )[^:/]{1,40}: /g, '$1') : text);

/** Figures: numbers, ratios and percentages (1024, 2:1, 67%, 0.5); not years, which a history repeats. */
const FIGURE = /(?<![\w.-])(?!(?:19|20)\d\d(?![\d.:%]))\d+(?:[.:]\d+)*(?:%|(?:[kmgt]i?b|[kmgt]|ms)(?![\w.]))?(?![\w.])/gi;
/** A sentence with at least this many figures, this share of them already given, states the same fact again. */
const MIN_FIGURES = 3;
const FIGURES_SAID_SHARE = 0.5;

/** A clause of this many distinct words or more can repeat a point; shorter ones ("it is not") cannot. */
const MIN_CLAUSE_WORDS = 3;
/** A clause with at least this share of its words already said repeats the answer. */
const CLAUSE_SAID_SHARE = 0.75;

/**
 * Clauses: the sentence without parenthetical asides, cut at semicolons, dashes and colons, and at a comma after
 * a Korean connective ending (…고, …며, …지만) or before an English conjunction. Commas inside a list do not cut.
 */
function clausesOf(text: string): string[] {
  const plain = text.replace(/\([^()]*\)/g, ' ');
  return plain
    .split(/[;；]\s|\s[—–]\s|:\s|(?<=[고며면서데만니거나])[,，]\s|,\s(?=(?:and|but|so|while|whereas|which|because|or|then|since)\b)/)
    .filter((c) => c && c.trim());
}

// The same passage sentences are weighed for every question: their forms are remembered (read-only).
export const formsOf = boundedMemo(20_000, readForms);

function readForms(text: string): Forms {
  const all = words(withoutColumnNames(text));
  const concepts = wordConcepts(all.map((w) => w.surface));
  const kept = all.flatMap((w, i) => (w.isStop ? [] : [i]));
  return {
    stems: kept.map((i) => stemOf(all[i].key, all[i].script)),
    // An option (--memory) names itself, not the concept: it restates only the same option.
    stemConcepts: kept.map((i) => (all[i].surface.startsWith('--') ? [] : concepts[i])),
    concepts: new Set(conceptsIn(text)),
  };
}

/** What an answer has said so far. */
export class Said {
  private stems = new Set<string>();
  private concepts = new Set<string>();
  private figures = new Set<string>();

  add(f: Forms, text = ''): void {
    f.stems.forEach((s) => this.stems.add(s));
    f.concepts.forEach((c) => this.concepts.add(c));
    for (const figure of text.match(FIGURE) ?? []) this.figures.add(figure);
  }

  /**
   * Whether one clause of the sentence, asides in parentheses left out, says again what the answer has said:
   * "최근 배포판(Ubuntu 22.04 이상 …)은 기본이 v2다" after "최근 배포판은 v2가 기본이며".
   */
  repeatsAClause(text: string): boolean {
    return clausesOf(text).some((clause) => {
      const f = formsOf(clause);
      return new Set(f.stems).size >= MIN_CLAUSE_WORDS && this.novelty(f) <= 1 - CLAUSE_SAID_SHARE;
    });
  }

  /** Whether the sentence's figures (1024, 2:1, 67%) are mostly ones the answer has given: the same fact again. */
  repeatsFigures(text: string): boolean {
    const figures = new Set(text.match(FIGURE) ?? []);
    if (figures.size < MIN_FIGURES) return false;
    const said = [...figures].filter((f) => this.figures.has(f)).length;
    return said / figures.size >= FIGURES_SAID_SHARE;
  }

  /** Share of the sentence's distinct words that the answer has not said, by stem or by concept. */
  novelty(f: Forms): number {
    const seen = new Set<string>();
    let total = 0;
    let fresh = 0;
    f.stems.forEach((stem, i) => {
      if (seen.has(stem)) return;
      seen.add(stem);
      total++;
      const restates = f.stemConcepts[i].length > 0 && f.stemConcepts[i].every((c) => this.concepts.has(c));
      if (!this.stems.has(stem) && !restates) fresh++;
    });
    return total ? fresh / total : 0;
  }
}
