// Sizes asked to be the same ("--memory 1024m 이랑 1g 같은거임? 아님 1000m이 1g임?"): Docker's units are binary, so
// 1g is 1024m, and 1000m is a little less.
import type { Lang } from '../../knowledge/types.js';
import { bytesOf, MiB, type Figure } from './figure.js';

/** A size with Docker's unit letter (1024m, 1g, 512k) or a spelled one (1기가, 1000메가). */
const SIZE = /(?<![\w.-])(\d+(?:\.\d+)?)\s?(k|m|g|메가|기가)(?![a-z])/gi;
/** Asked whether they are the same: 같은거, 같음, 동일, same, equal, "=", or "X이 Y임?". */
const ASKS_SAME =
  /같은\s?(?:거|것|건|값)|같음|같아|동일|\bsame (?:as|thing|size|value|amount)\b|\bthe same\s*\?|\bequal(?:s| to)?\b|\s=\s?\d|(?:이|가)\s?\d+(?:\.\d+)?\s?(?:k|m|g|메가|기가)\s?(?:임|야|인가|이야)/i;

const mib = (bytes: number) => Number((bytes / MiB).toFixed(2));

export function sizesCompared(question: string, lang: Lang): Figure[] {
  const sizes = [...question.matchAll(SIZE)].map((m) => ({ text: `${m[1]}${m[2].toLowerCase()}`, bytes: bytesOf(m[1], m[2]) }));
  const distinct = sizes.filter((s, i) => sizes.findIndex((o) => o.text === s.text) === i);
  if (distinct.length < 2 || !ASKS_SAME.test(question)) return [];
  const [first, ...rest] = distinct;
  const ko = lang === 'ko';
  const each = rest.map((s) =>
    s.bytes === first.bytes
      ? ko
        ? `${first.text} = ${s.text}(같은 크기)`
        : `${s.text} equals ${first.text}`
      : ko
        ? `${s.text} = ${mib(s.bytes)}MiB(${first.text}보다 ${mib(Math.abs(s.bytes - first.bytes))}MiB ${s.bytes < first.bytes ? '작음' : '큼'})`
        : `${s.text} is ${mib(s.bytes)} MiB, ${mib(Math.abs(s.bytes - first.bytes))} MiB ${s.bytes < first.bytes ? 'less' : 'more'} than ${first.text} (${mib(first.bytes)} MiB)`,
  );
  const text = ko
    ? `도커의 크기 단위는 1024배씩이다(1g = 1024m, 1m = 1MiB): ${each.join(', ')}.`
    : `Docker's size units are binary (1g = 1024m, 1m = 1 MiB): ${each.join('; ')}.`;
  // Said only by this comparison itself: the notes' own 1g or 1024m say nothing of the student's sizes.
  return [{ option: '--memory', text, reads: true, numbers: [text] }];
}
