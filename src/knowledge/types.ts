// Shapes shared by ingest, index and answers.
export type Lang = 'ko' | 'en';

export interface KnowledgeDoc {
  /** Path relative to the knowledge folder, e.g. `ko/resource-limits.md`. */
  path: string;
  title: string;
  lang: Lang;
  /** Shared by the Korean and English versions of one topic (front matter `topic`, else the file name). */
  topic: string;
  tags: string[];
  /**
   * Front matter `everyday: true`: the document explains in everyday pictures (a house, a pizza, a shipping
   * container), so a question that names no VM/Docker concept, and shares only such words with it, is not answered
   * from it.
   */
  everyday?: boolean;
}

/** A claim a student may ask about, with whether it is true ("No: each container boots its own kernel"). */
export interface Claim {
  truth: boolean;
  text: string;
  /** What is true instead, or why (after "→" in the check list): it follows "Yes."/"No." in place of the key point. */
  reason?: string;
}

export interface Chunk {
  /** Stable id: `<path>#<n>`. */
  id: string;
  doc: KnowledgeDoc;
  /** Headings above the passage, outermost first (the document title is not repeated here). */
  headingPath: string[];
  /** `headingPath` joined for display, e.g. `Memory limits > Swap`. */
  heading: string;
  /** Plain text of the passage (markdown stripped), a few hundred characters. */
  text: string;
  /** Index of its section in the document: the Korean and English copies of a topic share it. */
  section: number;
  /** The section's curated key point, the first thing an answer from this section says. */
  keyPoint?: string;
  /** Code blocks (commands) in `text`, whole. */
  code: string[];
  /** Inline code spans (`docker stats resumarble`, `--memory`) in `text`, without the backticks. */
  inlineCode?: string[];
  /** The section's checked claims: a yes/no question that states one is answered yes or no. */
  claims?: Claim[];
  /** The section's asked-as lines: how students word a question this section answers (searched, never quoted). */
  askedAs?: string[];
}

export interface SearchHit {
  chunk: Chunk;
  /** Relevance in [0, 1], comparable across queries (used for abstention). */
  score: number;
}

/** What a question asks for; the answer is shaped by it. */
export type Intent = 'definition' | 'reason' | 'howto' | 'compare' | 'yesno' | 'troubleshoot' | 'summary' | 'general';
/** Junk (one letter, only emoji) and greetings are never answered from the knowledge base. */
export type QueryKind = 'question' | 'junk' | 'greeting' | 'thanks';

export interface SearchResult {
  query: string;
  kind: QueryKind;
  intent: Intent;
  /** Language the question was asked in. */
  lang: Lang;
  hits: SearchHit[];
  /** True when nothing in the knowledge base answers the question. */
  abstain: boolean;
  /** The question's index terms after spelling correction (for picking answer sentences). */
  terms: string[];
  /** The terms of the question part alone, without the premise: what a yes/no verdict must answer. */
  focusTerms?: string[];
  /** The question part asks yes or no (a claim it states may be checked). */
  asksYesNo?: boolean;
  /** The terms of a guess after the question ("무슨 뜻임?? 코어 1.5개?"): checked against the claims as yes or no. */
  guessTerms?: string[];
  /** A length the question asks for ("한 줄로", "3줄요약", "in one line"): that many sentences or points. */
  lines?: number;
  /** For a question of two or more asking clauses, each clause's terms: every one should be answered. */
  parts?: string[][];
  /** For each of those clauses, the best hit of the clause ranked on its own (one of `hits` if they have its section). */
  partBests?: (SearchHit | undefined)[];
  /** For each of those clauses, whether it names no VM/Docker thing and points back at an earlier one's ("can i cap it"). */
  partPointsBack?: boolean[];
  /** For a comparison of two things ("--ulimit nofile vs --pids-limit"), each side's word and its concepts. */
  sides?: [string[], string[]];
  /** A neighbouring topic the notes do not cover, named in a declined question ("Docker Swarm"). */
  notCovered?: string;
  /** Options or commands typed under a name the notes and Docker lack, read as the one meant (query has it). */
  renamed?: { typed: string; meant: string }[];
  /** `parts` are the things a list names to tell apart ("client vs daemon vs docker.sock"), not asking clauses. */
  partsListed?: boolean;
  /** The question as typed, when `query` renames something in it. */
  typed?: string;
  /** All passages of a hit's section in document order: a section an answer draws on is read whole. */
  sectionOf?: (chunk: Chunk) => Chunk[];
}

/** A word of the question as the ranking weighs it. */
export interface QueryUnit {
  key: string;
  bigrams: string[];
  concepts: string[];
  weight: number;
  /** Some form of it occurs in the knowledge base. */
  known: boolean;
  /** A Korean verb or adjective form: how it is asked, seldom what about. */
  predicate?: boolean;
  /** A content word the knowledge base never uses, not even in part (for a Hangul word: most of its bigrams). */
  foreign?: boolean;
  /** Order among the question's words (premise words far after the question part's), for proximity. */
  position?: number;
  /** Two words that name an option of the notes ("pids limit": --pids-limit). */
  option?: boolean;
}
