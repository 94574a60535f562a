// Layers counted from the Dockerfile instructions a question lists.
import type { Lang } from '../../knowledge/types.js';
import type { Figure } from './figure.js';

const INSTRUCTION = String.raw`(RUN|COPY|ADD|ENV|CMD|LABEL|EXPOSE|WORKDIR|ENTRYPOINT|USER|ARG|HEALTHCHECK)`;
const COUNTED = [
  new RegExp(String.raw`\b${INSTRUCTION}\s*[x×]?\s*(\d+)\s*(?:줄|개|번|lines?|instructions?|times?|x)?(?![\w.])`, 'g'),
  new RegExp(String.raw`(?<![\w.])(\d+)\s*[x×]?\s*${INSTRUCTION}s?\b`, 'g'),
];
const MAKES_LAYER = new Set(['RUN', 'COPY', 'ADD']);

/** "RUN 3줄 COPY 1줄 ENV 2줄 → 레이어 몇개?": RUN, COPY and ADD make filesystem layers; the rest only metadata. */
export function layerFigure(question: string, lang: Lang): Figure[] {
  if (!/레이어|계층|layers?/i.test(question) || !/몇|how many|count/i.test(question)) return [];
  const counts = new Map<string, number>();
  for (const m of question.matchAll(COUNTED[0])) counts.set(m[1], Number(m[2]));
  for (const m of question.matchAll(COUNTED[1])) if (!counts.has(m[2])) counts.set(m[2], Number(m[1]));
  if (!counts.size) return [];
  const all = [...counts];
  const layered = all.filter(([i]) => MAKES_LAYER.has(i));
  const meta = all.filter(([i]) => !MAKES_LAYER.has(i));
  const total = layered.reduce((n, [, c]) => n + c, 0);
  const sum = layered.length ? `${layered.map(([i, c]) => `${i} ${c}`).join(' + ')} = ${total}` : '0';
  const rest = meta.map(([i, c]) => `${i} ${c}`).join(', ');
  const text =
    lang === 'ko'
      ? `새로 생기는 파일 시스템 레이어는 RUN, COPY, ADD만 세서 ${sum}개다${rest ? `. 나머지(${rest})는 이미지 메타데이터만 바꿔 docker history에 0B로 나온다` : ''}.`
      : `Only RUN, COPY and ADD make filesystem layers: ${sum} new layers${rest ? `; ${rest} change only the image's metadata (0B in docker history)` : ''}.`;
  return [{ option: 'RUN', text, numbers: [`= ${total}`] }];
}
