// The answer that needs no API key (composed in compose.ts), and the replies for questions it does not answer.
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { RankingParams } from '../knowledge/ranking.js';
import { composeAnswer } from './compose.js';
import { withNamesNote } from './renamed-note.js';
import type { Lang, SearchResult } from '../knowledge/types.js';
import { finalConsonant, questionLang } from '../knowledge/tokenize.js';
import { toSources, type Answer, type Answerer, type AnswerOptions } from './types.js';

export interface ExtractiveSettings {
  topK: number;
  maxChars: number;
  abstainMinScore: number;
}

/** What the bot answers about, said in every "I don't know". */
const SCOPE: Record<Lang, string> = {
  ko: '이 봇은 VM과 도커(가상화, 컨테이너, 도커 구조, --memory·--cpus 같은 자원 제한)에 관한 질문에 답합니다.',
  en: 'This bot answers questions about VMs and Docker (virtualization, containers, Docker architecture, resource limits such as --memory and --cpus).',
};

export const NOT_FOUND: Record<Lang, string> = {
  ko: `잘 모르겠습니다. 지식 베이스에서 이 질문에 답하는 내용을 찾지 못했어요. ${SCOPE.ko} /topics 로 다루는 주제를 보거나, 질문을 더 구체적으로 바꿔 보세요.`,
  en: `I don't know. Nothing in the knowledge base answers that question. ${SCOPE.en} Try /topics to see what it covers, or rephrase the question.`,
};

/**
 * The topic particle after a Korean name: 은 after a final consonant, 는 after a vowel, judged on the word before any
 * closing parenthesis (도커 네트워크(…)는); 은(는) after a Latin name, whose reading the bot cannot know.
 */
export const topicParticle = (name: string): string => {
  const final = finalConsonant(name.replace(/\s*\([^()]*\)\s*$/, '').at(-1) ?? '');
  if (final === undefined) return '은(는)';
  return final ? '은' : '는';
};

/** A neighbouring topic the notes lack is named, with what the bot does cover. */
export const notCoveredReply = (topic: string): Record<Lang, string> => ({
  ko: `잘 모르겠습니다. ${topic}${topicParticle(topic)} 제 노트에 없는 주제예요. ${SCOPE.ko} /topics 로 다루는 주제를 볼 수 있어요.`,
  en: `I don't know: ${topic} is not in my notes. ${SCOPE.en} Try /topics to see what it covers.`,
});

/** A greeting gets a hello and what to ask; it is not a question for the knowledge base. */
export const GREETING_REPLY: Record<Lang, string> = {
  ko: '안녕하세요! VM과 도커에 대해 물어보세요. 예: "도커와 VM 차이가 뭐야?", "--memory-swap은 뭐야?" /topics 로 주제를, /help 로 명령을 볼 수 있어요.',
  en: 'Hi! Ask me about VMs and Docker, e.g. "How is a container different from a VM?" or "What does --memory-swap do?". /topics lists the topics and /help the commands.',
};

/** Thanks get a short "you're welcome", not a lookup. */
export const THANKS_REPLY: Record<Lang, string> = {
  ko: '천만에요! 더 궁금한 게 있으면 언제든 물어보세요. (/help)',
  en: "You're welcome! Ask again any time. (/help)",
};

/** Junk (one letter, only emoji or laughter) gets a kind nudge instead of a guess. */
export const JUNK_REPLY: Record<Lang, string> = {
  ko: '질문을 알아듣지 못했어요. VM이나 도커에 대해 문장으로 물어봐 주세요. 예: "컨테이너가 뭐야?" (/help)',
  en: 'I couldn\'t make out a question there. Ask about VMs or Docker in a sentence, e.g. "What is a container?" (/help)',
};

export function extractiveAnswer(result: SearchResult, maxChars: number): Answer {
  const base = { question: result.typed ?? result.query, lang: result.lang, mode: 'extractive' as const };
  if (result.abstain || !result.hits.length) {
    const replies = { greeting: GREETING_REPLY, thanks: THANKS_REPLY, junk: JUNK_REPLY, question: NOT_FOUND };
    const text = result.notCovered ? notCoveredReply(result.notCovered)[result.lang] : replies[result.kind][result.lang];
    return { ...base, answer: text, abstained: true, sources: [] };
  }
  const composed = composeAnswer(result, maxChars);
  return { ...base, answer: withNamesNote(result, composed.text), abstained: false, sources: toSources(composed.sources) };
}

export class ExtractiveAnswerer implements Answerer {
  constructor(
    private kb: KnowledgeBase,
    private settings: ExtractiveSettings,
    private params?: RankingParams,
  ) {}

  search(question: string, langHint?: Lang): SearchResult {
    const lang = questionLang(question, langHint);
    return this.kb.search(question, { topK: this.settings.topK, minScore: this.settings.abstainMinScore, params: this.params, lang });
  }

  answer(question: string, options: AnswerOptions = {}): Promise<Answer> {
    return Promise.resolve(extractiveAnswer(this.search(question, options.langHint), this.settings.maxChars));
  }
}
