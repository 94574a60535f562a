// Term proximity: question words that stand together in a passage too ("lists running containers" for "list
// every running container") show that the passage says what is asked, not only that it uses the words.
import { hasPhraseForm, phraseConceptsAmong, wordConcepts } from './glossary.js';
import type { QueryUnit } from './query.js';
import { words } from './tokenize.js';

/**
 * Concepts of each content word: its own, and those of the asked concepts that a two- or three-word phrase it is
 * part of names ("virtual machine" for §vm). Only asked concepts with phrase forms are tested, so most questions
 * test none.
 */
function conceptsByWord(surfaces: string[], phraseIds: string[]): string[][] {
  const out = surfaces.map((s) => [...wordConcepts(s)]);
  if (!phraseIds.length) return out;
  for (let i = 0; i < surfaces.length; i++) {
    for (let n = 2; n <= 3 && i + n <= surfaces.length; n++) {
      for (const c of phraseConceptsAmong(surfaces.slice(i, i + n).join(' '), phraseIds)) for (let j = i; j < i + n; j++) out[j].push(c);
    }
  }
  return out;
}

/** Positions (in content words) where each unit occurs in the text: by a term of the word or a concept it names. */
function positionsIn(text: string, units: QueryUnit[]): number[][] {
  const accepts = units.map((u) => new Set([u.key, ...u.concepts]));
  const positions = units.map((): number[] => []);
  const content = words(text).filter((w) => !w.isStop);
  const phraseIds = [...new Set(units.flatMap((u) => u.concepts))].filter(hasPhraseForm);
  const concepts = conceptsByWord(
    content.map((w) => w.surface),
    phraseIds,
  );
  content.forEach((w, at) => {
    accepts.forEach((accept, i) => {
      if (w.terms.some((t) => accept.has(t)) || concepts[at].some((c) => accept.has(c))) positions[i].push(at);
    });
  });
  return positions;
}

/**
 * Share of the question's near pairs (units at most `span` words apart in the question) whose two units also
 * stand at most `window` content words apart in the passage, each pair weighted by its lighter unit.
 */
export function proximity(units: QueryUnit[], text: string, span: number, window: number): number {
  const placed = units.filter((u) => u.position !== undefined);
  let positions: number[][] | undefined;
  let total = 0;
  let near = 0;
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const [a, b] = [placed[i], placed[j]];
      if (Math.abs(a.position! - b.position!) > span) continue;
      const weight = Math.min(a.weight, b.weight);
      total += weight;
      positions ??= positionsIn(text, placed);
      const [pa, pb] = [positions[i], positions[j]];
      if (pa.some((x) => pb.some((y) => x !== y && Math.abs(x - y) <= window))) near += weight;
    }
  }
  return total ? near / total : 0;
}
