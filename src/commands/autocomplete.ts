// Suggestions while a user types /ask or /search: matching section headings, else topic titles.
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { LIMITS } from './limits.js';
import type { Locale } from './types.js';

export function topicSuggestions(kb: KnowledgeBase, typed: string, locale: Locale): { name: string; value: string }[] {
  const text = typed.trim();
  const out = new Map<string, string>();
  if (text.length >= 2) {
    for (const hit of kb.search(text, { topK: 10, lang: locale }).hits) {
      const heading = hit.chunk.headingPath[hit.chunk.headingPath.length - 1] ?? hit.chunk.doc.title;
      out.set(heading, heading);
    }
  }
  if (out.size < 5) {
    for (const topic of kb.topics()) {
      const title = kb.topicTitle(topic, locale);
      if (!text || title.toLowerCase().includes(text.toLowerCase())) out.set(title, title);
    }
  }
  // Keep what the user typed as the first choice, so picking a suggestion never loses the question. A choice
  // is offered whole or not at all: a cut one would replace the typed question with its first 100 characters
  // (a question too long to be a choice is sent as typed when the user presses enter).
  const choices = text ? [[text, text], ...[...out].filter(([k]) => k !== text)] : [...out];
  return choices
    .filter(([name, value]) => name.length <= LIMITS.choiceName && value.length <= LIMITS.choiceName)
    .slice(0, LIMITS.autocompleteChoices)
    .map(([name, value]) => ({ name, value }));
}
