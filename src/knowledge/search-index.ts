// Retrieval: our own BM25F inverted index over Korean/English tokens, then a re-rank by how much of the
// question a passage covers, with a preference for the question's language. Coverage also decides
// abstention: a question whose content words the knowledge base does not know is not answered.
import { conceptsIn, GENERIC_CONCEPTS } from './glossary.js';
import { InvertedIndex, type IndexedPassage } from './inverted-index.js';
import { HangulSpelling, SpellingCorrector } from './spelling.js';
import { detectLang, hangulBigrams, isConcept, isHangulBigram, tokenize, words, type Word } from './tokenize.js';
import type { Chunk, Lang, SearchHit, SearchResult } from './types.js';

export interface SearchOptions {
  topK?: number;
  /** Relevance (0..1) below which the result abstains. */
  minScore?: number;
  /** Override the detected question language. */
  lang?: Lang;
}

/** One content word of the question, with the ways a passage can cover it. */
interface QueryUnit {
  key: string;
  /** Asks for a role or definition ("역할", "role"): a defining passage answers it without using the word. */
  asksDefinition: boolean;
  bigrams: string[];
  concepts: string[];
  weight: number;
  /** Some form of it occurs in the knowledge base. */
  known: boolean;
}

/** Terms of one passage, by where they stand. */
interface PassageTerms {
  /** Terms of the heading path and text. */
  all: Set<string>;
  /** Terms of the document title: context, worth half as much. */
  title: Set<string>;
  /** The passage's own (innermost) heading. */
  heading: Set<string>;
  /** The heading's words as written: keys of whole words and whole option names, not their parts or concepts. */
  headingExact: Set<string>;
  definitional: boolean;
  /** The option a heading opens with and defines ("--pids-limit: …" → pids-limit), if any. */
  option?: string;
  /** What the passage is about: the words of its heading before the first colon, each with its terms. */
  subject: Set<string>[];
}

const CANDIDATES = 40;
/** In a question, "Docker" usually stands for containers in general ("VM vs Docker"). */
const QUERY_ALSO: Record<string, string[]> = { '§docker': ['§container'] };
const SAME_LANGUAGE_BOOST = 1.3;
const DEFINITION_BOOST = 1.1;
/** A question with no VM/Docker concept in it must be covered this much better before it is answered. */
const OFF_TOPIC_MARGIN = 0.15;

/** Weight caps for words outside the glossary in an on-topic question (see units()). */
const CHATTER_CAP_MIN = 1.5;
/** Credit for a heading that has a question word only as a synonym or inside another option name. */
const INDIRECT_HEADING_MATCH = 0.85;
/** Words outside the glossary beyond which an on-topic question's coverage bar is lowered in proportion. */
const LONG_QUESTION_WORDS = 4;
const DIGITS_ON_TOPIC = 0.5;
const QUESTION_KIND_WEIGHT = 0.5;
/** Bonus, for a definition question, by the share of the heading's subject that the question names. */
const SUBJECT_WEIGHT = 0.25;

/** A VM/Docker concept that is not a generic word (difference, run, size …). */
const hasTopicConcept = (u: QueryUnit) => u.concepts.some((c) => !GENERIC_CONCEPTS.has(c.slice(1)));
const isOnTopic = (units: QueryUnit[]) => units.some(hasTopicConcept);

/** Questions that ask what something is or does. */
const DEFINITION_QUESTION = /(뭐야|머야|뭔 뜻|의미|뜻|뭐하|하는일|뭔가요|뭐예요|무엇|뭐지|뭘 해|뭐 해|이란|란\?|역할|하는 일|what\s+(?:is|are|does|do)\b|role of|define|definition|meaning of)/i;
/** Headings of passages that define something: "X란", "What is X", "the role of X". */
const DEFINITION_HEADING = /(란$|이란|란:|란\s|역할|정의|개요|\bwhat (?:is|are)\b|^what\b[^:]*\b(?:is|are|does)\b|\bwhat .+ does\b|\brole\b|overview|definition)/i;
/** Headings that open with an option and say what it does: "--pids-limit: …", "-c / --cpu-shares: …", "--memory (-m): …". */
const OPTION_HEADING = /^-{1,2}[a-z][\w-]*(?:\s*\/\s*-{1,2}[a-z][\w-]*)?(?:\s*\([^)]*\))?:/i;

/** The key of the (last long) option an option heading opens with: "-c / --cpu-shares: …" → cpu-shares, "--memory (-m): …" → memory. */
function optionDefinedBy(heading: string): string | undefined {
  const head = heading.match(OPTION_HEADING)?.[0];
  if (!head) return undefined;
  const names = [...head.matchAll(/-{1,2}([a-z][\w-]*)/gi)].map((m) => m[1]).filter((n) => n.length >= 2);
  const last = names[names.length - 1];
  return last ? words(last)[0]?.key : undefined;
}

/** Korean word endings of verbs and adjectives: such words say little about the topic. */
const KOREAN_PREDICATE = /(?:면|고|서|어|아|여|요|니|나|지|게|는|은|던|까|야|해|돼|됨|음|함|ㄴ|자|죠|네|데|가|려|러)$/;

const termsOf = (text: string): Set<string> => {
  const set = new Set<string>();
  for (const w of words(text)) for (const t of w.terms) set.add(t);
  for (const c of conceptsIn(text)) set.add(c);
  return set;
};

export class SearchIndex {
  readonly chunks: Chunk[];
  private index: InvertedIndex;
  private passages: PassageTerms[];
  private speller: SpellingCorrector;
  private hangulSpeller: HangulSpelling;

  constructor(chunks: Chunk[]) {
    this.chunks = chunks;
    const latinWords: string[] = [];
    const hangulWords: string[] = [];
    const titles = new Map<string, { tokens: string[]; set: Set<string> }>();
    const docs: IndexedPassage[] = [];
    const tokensOf = (text: string): string[] => {
      const out: string[] = [];
      for (const w of words(text)) {
        if (w.script === 'latin') for (const p of w.surface.split(/[-_.]/)) latinWords.push(p);
        else if (w.script === 'hangul' && !w.isStop) hangulWords.push(w.key);
        if (!w.isStop) out.push(...w.terms);
      }
      out.push(...conceptsIn(text));
      return out;
    };
    this.passages = chunks.map((c) => {
      let title = titles.get(c.doc.title);
      if (!title) {
        const tokens = tokensOf(c.doc.title);
        title = { tokens, set: new Set(tokens) };
        titles.set(c.doc.title, title);
      }
      const headingTokens = tokensOf(c.heading);
      const textTokens = tokensOf(c.text);
      docs.push({ heading: [...title.tokens, ...headingTokens], text: textTokens });
      const all = new Set([...headingTokens, ...textTokens]);
      const own = c.headingPath[c.headingPath.length - 1] ?? c.doc.title;
      const headingExact = new Set(words(own).map((w) => w.key));
      // Option names count whole (memory-swap is not memory); single letters (-m, -c) are short forms.
      const subject = words(own.split(/:\s/)[0])
        .filter((w) => !w.isStop && w.key.length >= 2)
        .map((w) => new Set(/[-_.]/.test(w.surface) ? [w.key] : [w.key, ...conceptsIn(w.surface).filter((c) => !GENERIC_CONCEPTS.has(c.slice(1)))]));
      return { all, title: title.set, heading: termsOf(own), headingExact, definitional: DEFINITION_HEADING.test(own), option: optionDefinedBy(own), subject };
    });
    this.index = new InvertedIndex(docs);
    this.speller = new SpellingCorrector(latinWords);
    this.hangulSpeller = new HangulSpelling(hangulWords);
  }

  /** The term occurs in some passage (its heading, text or document title). */
  private knows(term: string): boolean {
    return this.index.docFrequency(term) > 0;
  }

  private idf(term: string): number {
    const n = this.chunks.length;
    return Math.log(1 + (n + 1) / (this.index.docFrequency(term) + 0.5));
  }

  /** The question with misspelt words corrected against the corpus vocabulary (English letters, Korean jamo). */
  correctSpelling(query: string): string {
    let out = query.replace(/[A-Za-z]{4,}/g, (w) => {
      const lower = w.toLowerCase();
      const fixed = this.speller.correct(lower);
      return fixed === lower ? w : fixed;
    });
    for (const w of words(out)) {
      if (w.script !== 'hangul' || w.isStop || this.hangulSpeller.knows(w.key) || !w.surface.startsWith(w.key)) continue;
      const fixed = this.hangulSpeller.correct(w.key);
      if (fixed !== w.key) out = out.replace(w.surface, fixed + w.surface.slice(w.key.length));
    }
    return out;
  }

  private units(text: string): QueryUnit[] {
    const ws = words(text);
    const units: QueryUnit[] = [];
    const seen = new Set<string>();
    for (const w of ws) {
      if (w.isStop || seen.has(w.key)) continue;
      if (w.script === 'digit' && w.key.length < 2) continue;
      const concepts = conceptsIn(w.surface).flatMap((c) => [c, ...(QUERY_ALSO[c] ?? [])]);
      if (w.script === 'hangul' && w.key.length < 2 && !concepts.length) continue; // 일, 큰, 치: too ambiguous to weigh
      seen.add(w.key);
      const bigrams = w.script === 'hangul' ? hangulBigrams(w.key) : [];
      // A word weighs as much as its best form is rare. A word the knowledge base never uses weighs the
      // most (that is what makes out-of-scope questions abstain), unless it is a Korean verb form.
      const known = [w.key, ...concepts].filter((t) => this.knows(t));
      let weight = known.length ? Math.min(...known.map((t) => this.idf(t))) : this.idf('\u0000unknown');
      if (!known.length && w.script === 'hangul' && KOREAN_PREDICATE.test(w.surface)) weight *= 0.3;
      units.push({ key: w.key, bigrams, concepts, weight, known: known.length > 0, asksDefinition: concepts.includes('§role') });
    }
    // Two Latin words written apart that the knowledge base writes as one option name ("pids limit",
    // "memory swap", "cpu shares") also count as that name, so the option's passage ranks first.
    for (let i = 0; i + 1 < ws.length; i++) {
      const a = ws[i];
      const b = ws[i + 1];
      if (a.script !== 'latin' || b.script !== 'latin' || a.surface.includes('-') || b.surface.includes('-')) continue;
      const compound = `${a.surface}-${b.surface}`;
      if (!this.knows(compound) || seen.has(compound)) continue;
      seen.add(compound);
      units.push({ key: compound, bigrams: [], concepts: [], weight: this.idf(compound), known: true, asksDefinition: false });
    }
    // Concepts only a phrase carries ("goes into", "under the hood") become units of their own.
    const inWords = new Set(units.flatMap((u) => u.concepts));
    for (const c of conceptsIn(text)) {
      if (inWords.has(c) || !this.knows(c)) continue;
      units.push({ key: c, bigrams: [], concepts: [c], weight: this.idf(c), known: true, asksDefinition: c === '§role' });
    }
    // In a question that is plainly about VMs or Docker, a word outside the glossary that the knowledge
    // base uses only rarely is more likely chatter ("supposed to fix", "nothing else") than the point: it
    // weighs no more than the question's rarest VM/Docker concept. A word it never uses weighs up to twice
    // that ("container technology" is still answered; "install docker on a raspberry pi" is not).
    // Numbers weigh little.
    if (isOnTopic(units)) {
      const cap = Math.max(CHATTER_CAP_MIN, ...units.filter((u) => hasTopicConcept(u)).map((u) => u.weight));
      for (const u of units) {
        if (hasTopicConcept(u) || (u.known && u.key.includes('-'))) continue; // topic words and option names keep their weight
        // A number is usually the value being asked about (--cpus 0.5, 512m), not what to look up.
        // "What does X do / X의 역할" says what kind of answer is wanted, not what it is about.
        const limit = /^[0-9]/.test(u.key) ? DIGITS_ON_TOPIC : u.asksDefinition ? QUESTION_KIND_WEIGHT : u.known ? cap : 2 * cap;
        u.weight = Math.min(u.weight, limit);
      }
    }
    return units;
  }

  /**
   * Share of the question's weight that a set of terms covers (0..1). With `exact` (a heading's words as
   * written), a word met only through a synonym or as part of another option name (`cpus` in
   * `--cpuset-cpus`) counts a little less than the word itself.
   */
  private coverage(units: QueryUnit[], terms: Set<string>, definitional = false, context?: Set<string>, exact?: Set<string>): number {
    let total = 0;
    let covered = 0;
    const has = (set: Set<string>, u: QueryUnit) => set.has(u.key) || u.concepts.some((c) => set.has(c));
    for (const u of units) {
      total += u.weight;
      // "What does … do" is met by a defining passage, not by a passage that happens to say "does".
      if (u.asksDefinition ? definitional : has(terms, u)) covered += u.weight * (exact && !exact.has(u.key) && !u.key.startsWith('§') ? INDIRECT_HEADING_MATCH : 1);
      else if (context && has(context, u)) covered += u.weight * 0.5;
      else if (u.bigrams.length >= 2) {
        const hit = u.bigrams.filter((g) => terms.has(g)).length / u.bigrams.length;
        if (hit >= 0.5) covered += u.weight * hit * 0.8;
      }
    }
    return total ? covered / total : 0;
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const topK = options.topK ?? 5;
    const minScore = options.minScore ?? 0;
    const lang = options.lang ?? detectLang(query);
    const corrected = this.correctSpelling(query);
    const units = this.units(corrected);
    const terms = [...new Set([...tokenize(corrected), ...units.filter((u) => u.key.includes('-')).map((u) => u.key)])];
    if (!terms.length || !units.length) return { query, lang, hits: [], abstain: true, terms };

    // Terms in most passages rank nothing but cost the most; the re-rank below still sees them.
    const common = Math.max(200, this.chunks.length * 0.05);
    const df = (t: string) => this.index.docFrequency(t);
    const byRarity = terms.filter((t) => this.knows(t)).sort((a, b) => df(a) - df(b));
    const queryTerms = byRarity.filter((t, i) => i < 4 || df(t) <= common);
    const raw = this.index.search(
      queryTerms.map((term) => ({ term, boost: isHangulBigram(term) ? 0.45 : isConcept(term) ? 1.3 : 1 })),
      CANDIDATES,
    );
    if (!raw.length) return { query, lang, hits: [], abstain: true, terms };

    // "What is the difference between …" asks for a comparison, not a definition.
    const definitionQuestion = DEFINITION_QUESTION.test(query) && !units.some((u) => u.concepts.includes('§difference'));
    const asked = new Set(units.flatMap((u) => [u.key, ...u.concepts]));
    const top = raw[0].score;
    const rescored = raw.map((r) => {
      const i = r.id;
      const chunk = this.chunks[i];
      const p = this.passages[i];
      // An option heading ("--pids-limit: …") defines that option only for a question about it: one that
      // names it first ("what does --pids-limit do", not "what does MEM USAGE show without --memory").
      const defines = p.definitional || (p.option !== undefined && p.option === units[0]?.key);
      const cov = this.coverage(units, p.all, defines, p.title);
      const headingCov = this.coverage(units, p.heading, defines, undefined, p.headingExact);
      let score = 0.4 * cov + 0.4 * headingCov + 0.2 * (r.score / top);
      if (chunk.doc.lang === lang) score *= SAME_LANGUAGE_BOOST;
      if (definitionQuestion && defines) score *= DEFINITION_BOOST;
      // Asked what X is, prefer the passage about X itself ("컨테이너란") to one about X's parts ("컨테이너 엔진의 역할").
      if (definitionQuestion && defines && p.subject.length) score += SUBJECT_WEIGHT * (p.subject.filter((w) => [...w].some((t) => asked.has(t))).length / p.subject.length);
      return { chunk, score, cov };
    });
    rescored.sort((a, b) => b.score - a.score);
    const best = rescored[0];
    const onTopic = isOnTopic(units);
    // A long on-topic question carries context ("we only saw a diagram in class…"): it needs proportionally
    // less of its wording covered. Off-topic questions get no such allowance.
    const wording = units.filter((u) => !u.concepts.length).length;
    const needed = onTopic ? minScore * Math.min(1, LONG_QUESTION_WORDS / Math.max(1, wording)) : minScore + OFF_TOPIC_MARGIN;
    const abstain = minScore > 0 && best.cov < needed;
    // The highest score a passage can reach, so relevance stays in 0..1 without ties at the top.
    const max = SAME_LANGUAGE_BOOST * DEFINITION_BOOST + SUBJECT_WEIGHT;
    const hits: SearchHit[] = abstain ? [] : rescored.slice(0, topK).map(({ chunk, score }) => ({ chunk, score: Math.min(1, score / max) }));
    return { query, lang, hits, abstain, terms };
  }
}
