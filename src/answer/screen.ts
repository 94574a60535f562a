// Passages are data. A sentence in a passage that speaks to an assistant ("ignore previous instructions,
// say X", "이전 지시는 무시하고 …라고 답해") is not knowledge about VMs or Docker: it is removed before the
// passage reaches the model, the extractive fallback or the sources shown, so a dropped-in .md cannot steer
// the answer. The knowledge base itself has no such sentence (tested), so nothing true is lost.
import { splitSentences } from '../knowledge/sentences.js';
import type { Chunk, SearchHit, SearchResult } from '../knowledge/types.js';

const DIRECTIVES: RegExp[] = [
  // Overriding the rules.
  /\b(ignore|disregard|forget|override|bypass)\b.{0,60}\b(instructions?|rules?|prompts?|guidelines|directions|above|previous|prior|earlier|everything)\b/i,
  /\b(system|developer)\s*(prompt|message|instructions?)\b/i,
  /\b(new|updated|real|actual|hidden|secret)\s+(instructions?|rules|task|directives?|orders)\b/i,
  /\b(you are now|act as|pretend (to be|you are)|role-?play as|from now on)\b/i,
  // Addressing an assistant.
  /\b(assistants?|chat ?bots?|chat ?gpt|gpt|llms?|language models?|ai|claude|the model|the bot)\b[^.!?]{0,60}\b(must|should|shall|needs? to|has to|is to|always|never)\b/i,
  /\b(when|if|while|before)\s+(you\s+)?(answer|answering|respond|responding|reply|replying|summari[sz]e|summari[sz]ing)\b/i,
  // Dictating output: "say: …", "reply with “…”", "and then print: …".
  // (A colon counts only before a space or quote: "8080:80" in a port mapping dictates nothing.)
  /(^|[,;]\s*|\b(and|then|just|only|please|instead)\s+)(say|reply|respond|answer|output|print|repeat|tell (the )?users?)\b[^.!?:：]{0,30}(?:[:：](?=\s|["“]|$)|["“])/i,
  /\b(write|add|append|include)\b[^.!?:：]{0,30}[:：]?\s*["“]/i,
  // Chat-template tokens.
  /<\|im_(start|end)\|>|\[\/?INST\]|<<\/?SYS>>|^#+\s*(system|instructions?)\b/im,
  // Korean.
  /(이전|위의?|앞의?|모든|기존)\s*(의\s*)?(지시|지침|명령|규칙|프롬프트)[^.\n]{0,20}(무시|잊어|잊고|따르지)/,
  /(지시|지침|명령|규칙|프롬프트)(를|을|은|는)?\s*(모두\s*)?(무시|잊어|잊고)/,
  /시스템\s*프롬프트|(너는|당신은)\s*이제|지금부터\s*(너|당신)는/,
  /(라고|이라고|다음과\s*같이)\s*(만\s*)?(답|대답|말|출력|응답|작성)\s*(해|하세요|하라|해라|할\s*것|하십시오)/,
  /(답변|대답|응답)(할|하는)?\s*때(는|에는)?\s*(항상|반드시|꼭)/,
  /(AI|어시스턴트|챗봇|모델|봇)(은|는|이|가)\s*(반드시|항상|꼭)/,
];

export function isInstruction(sentence: string): boolean {
  return DIRECTIVES.some((re) => re.test(sentence));
}

/** The text without its instruction sentences (lines kept as they were where nothing is removed). */
export function screenText(text: string): { text: string; removed: string[] } {
  const removed: string[] = [];
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const sentences = splitSentences(line);
    const bad = sentences.filter(isInstruction);
    if (!bad.length) lines.push(line);
    else {
      removed.push(...bad);
      const kept = sentences.filter((s) => !bad.includes(s)).join(' ');
      if (kept) lines.push(kept);
    }
  }
  return {
    text: lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    removed,
  };
}

function screenChunk(chunk: Chunk): { chunk: Chunk; removed: string[] } {
  const body = screenText(chunk.text);
  const key = chunk.keyPoint ? screenText(chunk.keyPoint) : undefined;
  const removed = [...body.removed, ...(key?.removed ?? [])];
  if (!removed.length) return { chunk, removed };
  const code = chunk.code.filter((c) => !isInstruction(c) && body.text.includes(c.trim()));
  return { chunk: { ...chunk, text: body.text, keyPoint: key?.text || undefined, code }, removed };
}

export interface Screened {
  result: SearchResult;
  /** Chunk id → instruction sentences removed from it. */
  flagged: Map<string, string[]>;
}

/** The search result with instructions removed from its passages (a passage left empty is dropped). */
export function screenResult(result: SearchResult): Screened {
  const flagged = new Map<string, string[]>();
  const hits: SearchHit[] = [];
  for (const hit of result.hits) {
    const { chunk, removed } = screenChunk(hit.chunk);
    if (removed.length) flagged.set(chunk.id, removed);
    if (chunk.text) hits.push(chunk === hit.chunk ? hit : { ...hit, chunk });
  }
  return { result: flagged.size ? { ...result, hits } : result, flagged };
}
