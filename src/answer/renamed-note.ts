// The right spelling of a half-remembered option or command, said before the answer that is given for it
// ("--pid-limit" → "--pids-limit"): a teaching assistant corrects the name, not only the idea.
import type { Lang, SearchResult } from '../knowledge/types.js';

const isOption = (name: string) => name.startsWith('--');

function note(typed: string, meant: string, lang: Lang): string {
  if (lang === 'ko')
    return isOption(meant)
      ? `참고: 정확한 이름은 \`${meant}\`입니다. 질문에 쓴 \`${typed}\` 같은 옵션은 없어요.`
      : `참고: 정확한 명령은 \`${meant}\`입니다. 질문에 쓴 \`${typed}\` 같은 명령은 없어요.`;
  return isOption(meant)
    ? `Note: the flag is \`${meant}\`; Docker has no \`${typed}\`.`
    : `Note: the command is \`${meant}\`; Docker has no \`${typed}\`.`;
}

/** The answer with a note on each name the question got wrong before it. */
export function withNamesNote(result: SearchResult, answer: string): string {
  if (!result.renamed?.length) return answer;
  return [...result.renamed.map((r) => note(r.typed, r.meant, result.lang)), answer].join(' ');
}
