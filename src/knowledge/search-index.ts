// Retrieval: candidates from our BM25F inverted index, re-ranked by the model in ranking.ts on the question
// as query.ts analyses it. The same coverage decides abstention: a question whose content the knowledge
// base does not cover is not answered.
import { sectionKey } from './chunk.js';
import { beyondDocker, glossaryHangulWords, glossaryWords } from './glossary.js';
import { InvertedIndex, type IndexedPassage } from './inverted-index.js';
import { optionFamily, optionsNamedIn } from './option-names.js';
import { listedThings } from './listed-things.js';
import { misnamed, withNamesMeant } from './misnamed.js';
import { profileOf } from './profile.js';
import { analyseQuery, asksAnything, asksComparison, guessOf } from './query.js';
import { hasTopicConcept, isOptionOfNotes, looksLikeVerbForm, queryUnits, type Vocabulary } from './query-units.js';
import {
  abstainBar,
  sideOf,
  coversNamedTopics,
  DEFAULT_RANKING,
  maxScore,
  scorePassage,
  termBoost,
  type PassageProfile,
  type RankingParams,
} from './ranking.js';
import { proximity } from './proximity.js';
import { adjacentTopic, freightAsked } from './scope.js';
import { comparedUnits } from './question-frame.js';
import { CONTEXT_WORDS, EN_STOP } from './closed-class.js';
import { TermDictionary, TermSet } from './term-set.js';
import { AskedLines } from './asked.js';
import { HangulSpelling, SpellingCorrector } from './spelling.js';
import { textConcepts, tokenize, words } from './tokenize.js';
import type { Chunk, Lang, QueryUnit, SearchHit, SearchResult } from './types.js';

/** A heading's number names its section from this many digits: 1, 2 and 10 (type 1, part 2) are anyone's values. */
const HEADING_NUMBER_DIGITS = 3;
/** A size unit right after a number: 200m, 200 MiB, 6MB, 512 bytes. */
const UNIT_AFTER = /^\s?(?:[kmg]i?b?|bytes?)(?![a-z])/i;

/**
 * A number of the heading that names what the section is about (exit code 143, the default 1024), not an amount of
 * its example (200m = 200 MiB), which is as likely the student's own value.
 */
function namesSection(w: { script: string; key: string }, heading: string): boolean {
  if (w.script !== 'digit' || w.key.length < HEADING_NUMBER_DIGITS || !/^\d+$/.test(w.key)) return false;
  // Every place it stands whole must be free of a unit after it (no RegExp built per number: headings are many).
  for (let at = heading.indexOf(w.key); at >= 0; at = heading.indexOf(w.key, at + 1)) {
    const whole = !/[\d.]/.test(heading[at - 1] ?? '');
    if (whole && UNIT_AFTER.test(heading.slice(at + w.key.length))) return false;
  }
  return true;
}

/** An option written with its two dashes. */
const OPTION_NAME = /(?<![\w-])--([a-z][a-z0-9]*(?:-[a-z0-9]+)+)/gi;

export interface SearchOptions {
  topK?: number;
  /** Coverage (0..1) below which the result abstains. */
  minScore?: number;
  /** Override the detected question language. */
  lang?: Lang;
  /** Override the ranking parameters (evaluation and ablation). */
  params?: RankingParams;
}

/** A clause's own best section joins the answer if the whole question ranks it among this many passages. */
const PART_BEST_RANK = 12;
/** A pronoun pointing back at what an earlier clause named ("…PIDS column, and can i cap it", "그거 제한도 됨?"). */
const POINTS_BACK = /\b(?:it|that|this|them|those|these)\b|그거|그걸|그게|이거|이걸|이게|그것|걔|얘|저거/i;

/** The share of a question's weight that is words the notes never use (see offTopicForeignShare). */
const foreignShare = (units: QueryUnit[]) => {
  const total = units.reduce((n, u) => n + u.weight, 0);
  return total ? units.filter((u) => u.foreign).reduce((n, u) => n + u.weight, 0) / total : 0;
};

/** What a thing is likened to: "vm처럼", "vm같이", "like a vm", "as vms do". */
const LIKENED = /[^\s,.?!]+(?:처럼|같이)(?=[\s,.?!]|$)|\blike (?:an? |the )?[\w-]+|\bas [\w-]+ do(?:es)?\b/gi;

export class SearchIndex implements Vocabulary {
  readonly chunks: Chunk[];
  private index: InvertedIndex;
  private profiles: PassageProfile[];
  private speller: SpellingCorrector;
  private hangulSpeller: HangulSpelling;
  private glossaryNouns = new Set(glossaryHangulWords());
  /** Option names the notes write with their dashes (--read-only → read-only). */
  private options = new Set<string>();
  /** Passages of the documents that explain in everyday pictures (front matter `everyday: true`). */
  private everyday: number[];
  /** The sections' asked-as lines (document expansion). */
  private askedLines: AskedLines;
  /** Numbers that some section's heading names as its subject (exit code 143, 1024 shares). */
  private headingNumbers = new Set<string>();

  constructor(chunks: Chunk[]) {
    this.chunks = chunks;
    const latinWords: string[] = [];
    const hangulWords: string[] = [];
    // Each document title once: its terms head every passage's BM25 heading and are the context of its own heading.
    const titles = new Map<string, { ids: Int32Array; terms: TermSet }>();
    const dict = new TermDictionary();
    const docs: IndexedPassage[] = [];
    // Each token is numbered once here; the index and the profiles share the numbers.
    const termIdsOf = (text: string, each?: (w: ReturnType<typeof words>[number]) => void): Int32Array => {
      const out: number[] = [];
      for (const w of words(text)) {
        each?.(w);
        if (w.script === 'latin') for (const p of w.surface.split(/[-_.]/)) latinWords.push(p);
        else if (w.script === 'hangul' && !w.isStop) hangulWords.push(w.key);
        if (!w.isStop) for (const t of w.terms) out.push(dict.intern(t));
      }
      for (const c of textConcepts(text)) out.push(dict.intern(c));
      return Int32Array.from(out);
    };
    const joined = (a: Int32Array, b: Int32Array) => {
      const out = new Int32Array(a.length + b.length);
      out.set(a);
      out.set(b, a.length);
      return out;
    };
    this.profiles = chunks.map((c) => {
      let title = titles.get(c.doc.title);
      if (!title) {
        const ids = termIdsOf(c.doc.title);
        titles.set(c.doc.title, (title = { ids, terms: TermSet.ofIds(dict, ids) }));
      }
      // The heading's words are read once: for its terms and for the numbers that name the section.
      const heading = termIdsOf(c.heading, (w) => namesSection(w, c.heading) && this.headingNumbers.add(w.key));
      const text = termIdsOf(c.text);
      for (const m of c.text.matchAll(OPTION_NAME)) this.options.add(m[1].toLowerCase());
      docs.push({ heading: joined(title.ids, heading), text });
      return profileOf(c, joined(heading, text), dict, title.terms);
    });
    this.index = new InvertedIndex(docs, dict);
    this.everyday = chunks.flatMap((c, id) => (c.doc.everyday ? [id] : []));
    this.askedLines = new AskedLines(chunks);
    // Glossary forms are words too: "capped" is not a typo of "mapped".
    this.speller = new SpellingCorrector([...latinWords, ...glossaryWords()]);
    this.hangulSpeller = new HangulSpelling([...hangulWords, ...this.glossaryNouns]);
  }

  isOption(name: string): boolean {
    return this.options.has(name);
  }

  headsSection(number: string): boolean {
    return this.headingNumbers.has(number);
  }

  /** The term occurs in some passage (its heading, text or document title). */
  knows(term: string): boolean {
    return this.index.docFrequency(term) > 0;
  }

  idf(term: string): number {
    const n = this.chunks.length;
    return Math.log(1 + (n + 1) / (this.index.docFrequency(term) + 0.5));
  }

  /** The question with misspelt words corrected against the corpus vocabulary (English letters, Korean jamo). */
  correctSpelling(query: string): string {
    // "type1", "cgroupv2": a known word with a number typed onto it is the word and the number.
    let out = query.replace(/\b([A-Za-z]{3,}?)(v?\d+)\b/g, (m, word: string, n: string) =>
      !this.knows(m.toLowerCase()) && this.knows(words(word)[0]?.key ?? word) ? `${word} ${n}` : m,
    );
    // A word inside a path or after a hyphen within a name (/etc/os-release) is typed as it is; an option's own words
    // (--memroy-swap) may still be typos.
    out = out.replace(/(?<![\w/.])(?<![A-Za-z0-9]-)[A-Za-z]{4,}(?![\w/])/g, (w) => {
      const lower = w.toLowerCase();
      const fixed = this.speller.correct(lower);
      return fixed === lower ? w : fixed;
    });
    for (const w of words(out)) {
      if (w.script !== 'hangul' || w.isStop || this.hangulSpeller.knows(w.key) || !w.surface.startsWith(w.key)) continue;
      const fixed = this.hangulSpeller.correct(w.key);
      // A verb form is how the question is typed, not a misspelt term (들어감 is not 들어간), unless it is one jamo off
      // a glossary term (폭크밤 is 포크밤).
      if (looksLikeVerbForm(w.key) && !this.glossaryNouns.has(fixed)) continue;
      if (fixed !== w.key) out = out.replace(w.surface, fixed + w.surface.slice(w.key.length));
    }
    return out;
  }

  /**
   * For a question of several asking clauses, the best passage of each clause ranked on its own ("--cpus does what, and
   * why bother with --cpu-shares": the --cpus passage too), among the whole question's first PART_BEST_RANK (a clause
   * alone, "컨테이너엔 그게 왜 없어도 됨?", has lost what it points back to), if it covers the clause as an answer must.
   * A hit of its own when the hits lack it: the answer lists it as a source only if it uses it.
   */
  private partBests(
    questions: string[],
    ranked: { id: number; chunk: Chunk }[],
    hits: SearchHit[],
    ctx: { p: RankingParams; minScore: number; lang: Lang; fix: (t: string) => string; bm25: Map<number, number>; wide?: boolean },
  ): { bests: (SearchHit | undefined)[]; pointsBack: boolean[] } {
    const { p, fix } = ctx;
    const near = ranked.slice(0, PART_BEST_RANK);
    let before: QueryUnit[] = [];
    const pointsBack: boolean[] = [];
    const bests = questions.map((clause) => {
      const a = analyseQuery(clause, ctx.lang);
      const own = queryUnits({ ...a, focus: fix(a.focus), premise: fix(a.premise), output: '' }, this, p);
      // A clause asking something of the notes' kind (cap: a limit) about no VM/Docker thing of its own, pointing back
      // ("can i cap it"), asks about the earlier clause's; "does it matter" asks nothing the notes could look up.
      const topic = own.units.filter(hasTopicConcept);
      const generic = !topic.length && own.units.some((u) => u.concepts.length > 0);
      const borrowed = generic && POINTS_BACK.test(clause) ? before : [];
      const units = [...own.units, ...borrowed.filter((u) => !own.units.some((o) => o.key === u.key))];
      const onTopic = own.onTopic || borrowed.length > 0;
      pointsBack.push(borrowed.length > 0);
      if (topic.length) before = topic;
      if (!units.length) return undefined;
      const asked = new Set(units.flatMap((u) => [u.key, ...u.concepts]));
      const askedMatch = this.askedLines.match(units, p);
      // With what it points back at, the clause is whole again: it may find a passage the whole question ranked low.
      const scored = (borrowed.length || ctx.wide ? ranked : near).map(({ id, chunk }) => ({
        chunk,
        ...scorePassage(
          units,
          asked,
          this.profiles[id],
          ctx.bm25.get(id) ?? 0,
          0,
          askedMatch.of(id),
          { lang: ctx.lang, intent: a.intent },
          p,
        ),
      }));
      const best = scored.reduce<(typeof scored)[number] | undefined>((b, x) => (!b || x.score > b.score ? x : b), undefined);
      if (!best || best.cov < abstainBar(units, onTopic, ctx.minScore, p)) return undefined;
      // The same section in the question's language, if the notes have it ("hypervisor" typed in a Korean question).
      const key = sectionKey(best.chunk);
      const chunk =
        best.chunk.doc.lang === ctx.lang
          ? best.chunk
          : (this.chunks.find((c) => c.doc.lang === ctx.lang && sectionKey(c) === key) ?? best.chunk);
      return (
        hits.find((h) => sectionKey(h.chunk) === key && h.chunk.doc.lang === chunk.doc.lang) ?? {
          chunk,
          score: Math.min(1, best.score / maxScore(p)),
        }
      );
    });
    return { bests, pointsBack };
  }

  search(typed: string, options: SearchOptions = {}): SearchResult {
    // A half-remembered option or command (--pid-limit, docker status) is answered for the one meant, and said so.
    const renamed = misnamed(typed, this.options, (w) => EN_STOP.has(w) || this.knows(words(w)[0]?.key ?? w));
    if (renamed.length) return { ...this.searchAs(withNamesMeant(typed, renamed), options), renamed, typed };
    return this.searchAs(typed, options);
  }

  private searchAs(query: string, options: SearchOptions): SearchResult {
    const p = options.params ?? DEFAULT_RANKING;
    const topK = options.topK ?? 5;
    const minScore = options.minScore ?? 0;
    const analysis = analyseQuery(query, options.lang);
    const { lang, intent, kind, lines } = analysis;
    const empty = (terms: string[]): SearchResult => ({ query, lang, kind, intent, hits: [], abstain: true, terms, lines });
    if (kind !== 'question') return empty([]);
    const fix = (t: string) => (p.spelling ? this.correctSpelling(t) : t);
    const q = { ...analysis, focus: fix(analysis.focus), premise: fix(analysis.premise), output: fix(analysis.output ?? '') };
    // A list of three things or more to tell apart is asked about thing by thing, as clauses are.
    const listed = analysis.questions ? undefined : listedThings(q.focus);
    const clauses = analysis.questions ?? listed;
    const parts = clauses?.map((clause) => tokenize(fix(clause)));
    const { units, onTopic } = queryUnits(q, this, p);
    const corrected = `${q.output} ${q.premise} ${q.focus}`;
    // Where a question was read or who asks ("블로그", "헷갈림", "my prof") says nothing about what it asks.
    const context = new Set(words(corrected).flatMap((w) => (CONTEXT_WORDS.has(w.surface) || CONTEXT_WORDS.has(w.key) ? w.terms : [])));
    const terms = [...new Set([...tokenize(corrected), ...units.filter((u) => u.key.includes('-')).map((u) => u.key)])].filter(
      (t) => !context.has(t),
    );
    if (!terms.length || !units.length) return empty(terms);

    // Terms in most passages rank nothing but cost the most; the re-rank below still sees them.
    const common = Math.max(200, this.chunks.length * 0.05);
    const df = (t: string) => this.index.docFrequency(t);
    const byRarity = terms.filter((t) => this.knows(t)).sort((a, b) => df(a) - df(b));
    const queryTerms = byRarity.filter((t, i) => i < 4 || df(t) <= common);
    const raw = this.index.search(
      queryTerms.map((term) => ({ term, boost: termBoost(term, p) })),
      p.candidates,
    );
    // A passage BM25 did not find joins the candidates with a BM25 score of 0.
    const found = new Set(raw.map((r) => r.id));
    const addCandidate = (id: number) => {
      if (found.has(id)) return;
      found.add(id);
      raw.push({ id, score: 0 });
    };
    // Asked simply, the everyday pictures are candidates whatever BM25 thought of them (they are few).
    if (analysis.simple) {
      const shares = (id: number) => units.some((u) => [u.key, ...u.concepts].some((t) => this.profiles[id].all.has(t)));
      for (const id of this.everyday) if (shares(id)) addCandidate(id);
    }
    // A section one of whose asked-as lines covers most of the question is a candidate too.
    const askedMatch = this.askedLines.match(units, p);
    for (const id of this.askedLines.candidates(askedMatch, p.askedCandidateMin, p.askedCandidateSections)) addCandidate(id);
    if (!raw.length) return empty(terms);

    const asked = new Set(units.flatMap((u) => [u.key, ...u.concepts]));
    // What the student ruled out, by its words and their glossary concepts (자원 is any heading's resource).
    const ruledOut = fix(analysis.excluded ?? '');
    const excluded = [
      ...words(ruledOut)
        .filter((w) => !w.isStop)
        .map((w) => w.key),
      ...textConcepts(ruledOut),
    ];
    const sides = asksComparison(q.focus) ? comparedUnits(q.focus, units) : undefined;
    // The question part's concepts: which of VMs and containers it is about, and whether it names anything beyond Docker.
    const focusConcepts = textConcepts(q.focus);
    // A thing named as the measure ("컨테이너도 vm처럼 …", "like a vm") is not the side asked about.
    const side = sideOf(new Set(textConcepts(q.focus.replace(LIKENED, ' '))));
    // The families of the notes' options the question names (--mem 머시기 is none of them).
    const named = [
      ...new Set(
        optionsNamedIn(analysis.text)
          .filter((o) => this.isOption(o) || this.knows(`--${o}`))
          .map(optionFamily),
      ),
    ];
    const top = raw[0].score || 1;
    const bm25 = new Map(raw.map((r) => [r.id, r.score / top]));
    const score = (id: number, prox: number) => ({
      id,
      chunk: this.chunks[id],
      ...scorePassage(
        units,
        asked,
        this.profiles[id],
        bm25.get(id)!,
        prox,
        askedMatch.of(id),
        { lang, intent, simple: analysis.simple, excluded, sides, side, options: named },
        p,
      ),
    });
    const rescored = raw.map((r) => score(r.id, 0)).sort((a, b) => b.score - a.score);
    // Proximity reads the passage's words in order: only for the leading candidates, where it can change the order.
    for (let i = 0; i < Math.min(p.proximityCandidates, rescored.length) && p.proximityWeight; i++) {
      const { id, chunk } = rescored[i];
      rescored[i] = score(id, proximity(units, `${chunk.heading}\n${chunk.text}`, p.proximitySpan, p.proximityWindow));
    }
    rescored.sort((a, b) => b.score - a.score);
    const bar = abstainBar(units, onTopic, minScore, p);
    // A neighbouring topic the best passage never names is what the question is about, and the notes lack it.
    // A neighbouring topic named in the premise counts when the question names no VM/Docker concept beyond Docker
    // itself ("도커 컴포즈 yml에서 depends_on 걸었는데, db보다 api가 먼저 붙어서 터짐 어케함"; not "a compose file
    // mounts /var/run/docker.sock, is that sketchy?").
    const namesMore = textConcepts(analysis.text).some(beyondDocker);
    // Read as typed: a spelling correction must not turn a neighbouring topic's word into a word of the notes (페이징 → 페이지).
    // A neighbouring topic the student ruled out ("쿠버 말고 그냥 docker에서 …") is not what is asked.
    const ruledOutTopic = (topic: ReturnType<typeof adjacentTopic>) =>
      topic && analysis.excluded && topic.named.every((w) => analysis.excluded!.toLowerCase().includes(w)) ? undefined : topic;
    const askedTopic = ruledOutTopic(adjacentTopic(analysis.focus || analysis.text));
    const adjacent = askedTopic ?? ruledOutTopic(adjacentTopic(analysis.text, namesMore));
    // The passage must name what the question names (helm), not another tool of the same group (Ansible); all of it:
    // a passage naming EC2 in passing does not answer "EC2랑 라이트세일 중에 뭐가 쌈". A topic the question part asks
    // about, naming nothing of VMs and Docker beyond Docker itself, must be named in the passage's heading, key point
    // or check list, not in passing in its text ("Docker, like Podman, …" is no Podman comparison); otherwise anywhere
    // in it ("mounted docker.sock into the jenkins container": the passage on docker.sock names Jenkins as the example).
    const best0 = rescored[0].chunk;
    const topicAlone = !!askedTopic && !focusConcepts.some(beyondDocker);
    const ownPoints = [best0.keyPoint ?? best0.text, ...(best0.claims ?? []).map((c) => `${c.text} ${c.reason ?? ''}`)].join('\n');
    const bestText = (topicAlone ? `${best0.heading}\n${ownPoints}` : `${best0.heading}\n${best0.text}`).toLowerCase();
    const freight = freightAsked(analysis.text);
    const lacksTopic = !!freight || (!!adjacent && adjacent.named.some((w) => !bestText.includes(w)));
    // A question naming an option that heads the best passage ("--cpu-shares 512 … stuck at half?") is about it.
    const best = this.profiles[rescored[0].id].heading;
    const namesHeadingOption = units.some((u) => isOptionOfNotes(u, this) && best.has(u.key));
    // An on-topic question whose VM/Docker things the best passage has, however much chatter dilutes its coverage.
    const topicCovered = onTopic && !rescored[0].chunk.doc.everyday && coversNamedTopics(units, this.profiles[rescored[0].id].all, p);
    // A remark that asks nothing, whose only word the notes use is Docker itself ("도커 하다가 멘탈 나감 ㅋㅋ 오늘은 걍
    // 잘래"; its verbs aside), is chat, whatever passage shares that one word.
    const onlyDocker = (u: QueryUnit) => (u.concepts.length ? !u.concepts.some(beyondDocker) : !u.known || !!u.predicate);
    const remark = !asksAnything(analysis.text) && units.every(onlyDocker) && !units.some((u) => u.key.startsWith('docker-'));
    const abstain =
      minScore > 0 &&
      (lacksTopic ||
        remark ||
        (rescored[0].cov < bar && !namesHeadingOption && !topicCovered) ||
        (!onTopic && (rescored[0].head === 0 || rescored[0].chunk.doc.everyday || foreignShare(units) > p.offTopicForeignShare)));
    const max = maxScore(p);
    const hits: SearchHit[] = abstain
      ? []
      : rescored.slice(0, topK).map(({ chunk, score }) => ({ chunk, score: Math.min(1, score / max) }));
    const partBests =
      abstain || !clauses || clauses.length < 2
        ? undefined
        : this.partBests(clauses, rescored, hits, { p, minScore, lang, fix, bm25, wide: !!listed });
    const declinedTopic = freight ?? adjacent;
    const notCovered = abstain && lacksTopic && declinedTopic ? { notCovered: declinedTopic.name[lang] } : {};
    const focusTerms = analysis.yesNoPart ? tokenize(analysis.yesNoPart) : q.premise || q.output ? tokenize(q.focus) : terms;
    // The guess is the last asking clause, whose terms `parts` already has.
    const guessTerms = parts && guessOf(analysis.questions) ? { guessTerms: parts[parts.length - 1] } : {};
    return {
      query,
      lang,
      kind,
      intent,
      hits,
      abstain,
      terms,
      focusTerms,
      ...(analysis.asksYesNo ? { asksYesNo: true } : {}),
      // "한줄씩" over a list of three: a line for each thing.
      lines: lines && listed ? Math.max(lines, listed.length) : lines,
      ...(parts ? { parts } : {}),
      ...(listed ? { partsListed: true } : {}),
      ...(partBests ? { partBests: partBests.bests, partPointsBack: partBests.pointsBack } : {}),
      ...(sides ? { sides } : {}),
      ...notCovered,
      ...guessTerms,
    };
  }
}
