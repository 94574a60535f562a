// The answer that needs no API key: the sentences of the best passages that say most about the question,
// in the question's language, each cited with the number of its source.
import { splitSentences } from '../knowledge/sentences.js';
import { isConcept, isHangulBigram, tokenize } from '../knowledge/tokenize.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Lang, SearchResult } from '../knowledge/types.js';
import { toSources, type Answer, type Answerer } from './types.js';

export interface ExtractiveSettings {
  topK: number;
  maxChars: number;
  abstainMinScore: number;
}

export const NOT_FOUND: Record<Lang, string> = {
  ko:
    '잘 모르겠습니다. 지식 베이스에서 이 질문에 답하는 내용을 찾지 못했어요. ' +
    '이 봇은 VM과 도커(가상화, 컨테이너, 도커 구조, --memory·--cpus 같은 자원 제한)에 관한 질문에 답합니다. ' +
    '/topics 로 다루는 주제를 보거나, 질문을 더 구체적으로 바꿔 보세요.',
  en:
    "I don't know. Nothing in the knowledge base answers that question. " +
    'This bot answers questions about VMs and Docker (virtualization, containers, Docker architecture, ' +
    'resource limits such as --memory and --cpus). Try /topics to see what it covers, or rephrase the question.',
};

/** Sentence openings that refer back to the sentence before (a pronoun, a connective, an enumeration). */
const DEPENDS_ON_PREVIOUS =
  /^(?:(?:this|that|these|those|it|its|they|their|then|so|but|however|also|thus|therefore|hence|such|here|instead|otherwise|likewise|second|third|finally|the same)\b|(?:그래서|그러나|하지만|또한|이때|이것|이는|이렇게|그러면|따라서|반면|그런데|즉|둘째|셋째|넷째|다섯째|마지막으로|대신|이 |그 ))/i;

/** How many of the best passages sentences are drawn from. */
const PASSAGES_USED = 3;
const MAX_SENTENCES = 5;

function termWeight(term: string): number {
  if (isConcept(term)) return 1.2;
  if (isHangulBigram(term)) return 0.3;
  return 1;
}

interface Candidate {
  text: string;
  source: number;
  position: number;
  score: number;
}

export function extractiveAnswer(result: SearchResult, maxChars: number): Answer {
  const base = { question: result.query, lang: result.lang, mode: 'extractive' as const };
  if (result.abstain || !result.hits.length) {
    return { ...base, answer: NOT_FOUND[result.lang], abstained: true, sources: [] };
  }
  const sources = toSources(result.hits);
  const queryTerms = new Set(result.terms);
  const sameLang = result.hits.some((h) => h.chunk.doc.lang === result.lang);

  const candidates: Candidate[] = [];
  result.hits.slice(0, PASSAGES_USED).forEach((hit, rank) => {
    if (sameLang && hit.chunk.doc.lang !== result.lang) return;
    splitSentences(hit.chunk.text).forEach((text, position) => {
      let overlap = 0;
      for (const t of new Set(tokenize(text))) if (queryTerms.has(t)) overlap += termWeight(t);
      // The best passage's opening sentence usually states its point; later passages must earn their place.
      const score = overlap * (1 - 0.25 * rank) * hit.score + (rank === 0 && position === 0 ? 1 : 0);
      candidates.push({ text, source: rank, position, score });
    });
  });

  const chosen: Candidate[] = [];
  let length = 0;
  const isChosen = (x: Candidate) => chosen.includes(x);
  for (const c of [...candidates].sort((a, b) => b.score - a.score)) {
    if (chosen.length >= MAX_SENTENCES) break;
    if (c.score <= 0 && chosen.length) break;
    if (isChosen(c)) continue;
    // A sentence that leans on the one before it ("This…", "둘째,") comes with that sentence, or not at all.
    const before = c.position > 0 && DEPENDS_ON_PREVIOUS.test(c.text) ? candidates.find((x) => x.source === c.source && x.position === c.position - 1) : undefined;
    const group = before && !isChosen(before) ? [before, c] : [c];
    const cost = group.reduce((n, x) => n + x.text.length + 5, 0);
    if (chosen.length + group.length > MAX_SENTENCES && chosen.length) continue;
    if (length + cost > maxChars) {
      if (chosen.length || group.length > 1) continue;
      c.text = `${c.text.slice(0, maxChars - 6).trimEnd()}…`;
    }
    for (const x of group) {
      chosen.push(x);
      length += x.text.length + 5;
    }
  }
  chosen.sort((a, b) => a.source - b.source || a.position - b.position);
  const answer = chosen.map((c) => `${c.text} [${c.source + 1}]`).join(' ');
  return { ...base, answer, abstained: false, sources };
}

export class ExtractiveAnswerer implements Answerer {
  constructor(
    private kb: KnowledgeBase,
    private settings: ExtractiveSettings,
  ) {}

  search(question: string): SearchResult {
    return this.kb.search(question, { topK: this.settings.topK, minScore: this.settings.abstainMinScore });
  }

  async answer(question: string): Promise<Answer> {
    return extractiveAnswer(this.search(question), this.settings.maxChars);
  }
}
