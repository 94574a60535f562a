// The command block of a how-to answer: the notes' command that has most of the question part's words, with the
// values the question asks for in place of the notes' examples, or one built from the options asked for when no
// command of the notes carries them all.
import { askedValues, builtCommand, carriesAll, carriesAsked, withAskedValues } from './asked-values.js';
import { termSet } from './overlap.js';
import { isConcept } from '../knowledge/tokenize.js';
import type { Chunk, Lang, SearchHit, SearchResult } from '../knowledge/types.js';

/** Docker commands written in the prose: the passage's inline code spans that are whole commands (three words or more). */
const inlineCommands = (chunk: Chunk) => (chunk.inlineCode ?? []).filter((c) => /^docker [a-z]+\b/.test(c) && c.split(/\s+/).length > 2);

/** The question asks for a command by name ("명령어 있음?", "what command", "cmd to …"). */
const ASKS_COMMAND = /명령어|커맨드|\bcommands?\b|\bcmd\b/i;

/** A question about a container already running, or about changing its settings. */
const CHANGES_RUNNING =
  /\b(?:update|chang(?:e|ing)|running|already|existing|live)\b|바꾸|바꿔|바꿀|변경|늘리|줄이|실행\s?중|떠\s?있|돌고\s?있|돌아가는/i;

/** A question that asks how to check something is set ("how do i double check it got applied", "적용됐는지 어케 확인함"). */
const ASKS_CHECK =
  /\b(?:check|verify|confirm|make sure|tell (?:if|whether)|see (?:if|whether)|watch|monitor|know (?:if|whether))\b|확인|어케\s?앎|어떻게\s?알|알\s?수\s?있|보는\s?(?:법|방법)|보려면|볼\s?수|모니터링/i;
/** A how-to question asking how to check a setting: the command that reads it answers, not one that sets it. */
export const asksCheck = (result: SearchResult) => result.intent === 'howto' && ASKS_CHECK.test(result.query);

/** Commands that change a container, an image or the host rather than read their state. */
const CHANGES_STATE =
  /^(?:docker (?:run|update|create|start|stop|restart|rm|rmi|kill|build|pull|push|commit|tag|pause|unpause|exec(?! \S+ cat\b)|system prune|(?:image|container|volume|network|builder) (?:prune|rm))|sudo |systemctl |echo )/;

/**
 * The command that has most of the question's words (a concept counts half): code blocks and commands in the prose.
 * Asked how to check a setting, only a command of the leading section that reads it.
 */
function commandFor(
  used: SearchHit[],
  asked: Set<string>,
  { changes, checks }: { changes: boolean; checks: boolean },
): { code: string; source: number } | undefined {
  let best: { code: string; source: number; hits: number } | undefined;
  // The check of the section that leads, not a command that reads something else (the pids limit for a cgroup version).
  for (const [source, h] of (checks ? used.slice(0, 1) : used).entries()) {
    for (const code of [...h.chunk.code, ...inlineCommands(h.chunk)]) {
      if (checks && CHANGES_STATE.test(code)) continue;
      const shared = [...termSet(code)].filter((t) => asked.has(t));
      const verb = /^docker update\b/.test(code) ? (changes ? 0.5 : -0.5) : /^docker run\b/.test(code) && !changes ? 0.25 : 0;
      // Asked how to check, any reading command of the leading section answers it.
      const reads = checks ? 0.5 : 0;
      const hits = shared.reduce((n, t) => n + (isConcept(t) ? 0.5 : 1), 0) - source * 0.25 + verb + reads;
      if (hits > 0 && hits > (best?.hits ?? 0)) best = { code, source, hits };
    }
  }
  return best;
}

/**
 * A command the heading of a lower-ranked section is named for ("docker history로 이미지 레이어 확인"), when that
 * heading shares two or more of the question's words: asked for a command, the student gets the one made for it.
 */
function namedCommand(more: SearchHit[], asked: Set<string>): string | undefined {
  for (const h of more) {
    const shared = [...termSet(h.chunk.heading)].filter((t) => asked.has(t) && !isConcept(t)).length;
    const named = [...h.chunk.code, ...inlineCommands(h.chunk)].find((c) => h.chunk.heading.includes(c.split(' ').slice(0, 2).join(' ')));
    if (named && shared >= 2) return named;
  }
  return undefined;
}

/** A notes command with this many options more than the one built from the question does more than was asked. */
const CROWDED_OPTIONS = 2;
const optionCount = (command: string) => (command.match(/(?:^|\s)--?[a-z]/gi) ?? []).length;

/**
 * The command block of a how-to answer, with the values asked for ("512메가", "cpu 1개") in place of the notes'
 * example values. A lead that already shows its own section's command has answered how: another section's command
 * is shown only if it carries more of the values asked ("512메가 cpu 1개": --memory and --cpus, when the lead shows
 * only --memory), and the lead's own command again only with the asked values in it.
 */
function howToCommand(
  used: SearchHit[],
  asked: Set<string>,
  question: string,
  lead: string,
  { lang, checks }: { lang: Lang; checks: boolean },
): string | undefined {
  const values = askedValues(question);
  // Setting a limit means starting a container with it, unless the question is about one already running.
  const changes = CHANGES_RUNNING.test(question);
  const found = commandFor(used, asked, { changes, checks });
  // No command of the notes carries every value asked for (a name, a process limit, the student's image): the
  // options the question asks for, put together as the notes say (before the image; docker update when running).
  // Asked how to check a setting, a command that sets it is no answer.
  const built = checks ? undefined : builtCommand(values, changes, lang, question);
  // So is a notes command that carries them among many more options (the whole sandbox line for two of its flags).
  const crowded = !!found && optionCount(found.code) - optionCount(built ?? '') > CROWDED_OPTIONS;
  if (built && !(found && carriesAll(withAskedValues(found.code, values), values) && !crowded) && !carriesAll(lead, values)) return built;
  const shown = used[0] && inlineCommands(used[0].chunk).find((c) => lead.includes(c));
  if (!found || !shown || found.source === 0 || carriesAsked(found.code, values) > carriesAsked(shown, values))
    return found && withAskedValues(found.code, values);
  const asAsked = withAskedValues(shown, values);
  return asAsked !== shown ? asAsked : undefined;
}

/**
 * The command of a how-to answer, or none. Asked for a command the best sections only explain, the section named
 * for one (ranked a little lower) gives it. The question part's words choose it, not the premise's ("docker rm 하고
 * … 어케 보존함" is not asking for docker rm).
 */
export function commandBlock(
  result: SearchResult,
  used: SearchHit[],
  sources: SearchHit[],
  question: string,
  lead: string,
): string | undefined {
  const more = sources.filter((h) => !used.includes(h) && h.chunk.doc.lang === result.lang);
  return (
    howToCommand(used, new Set(result.focusTerms ?? result.terms), question, lead, { lang: result.lang, checks: asksCheck(result) }) ??
    (ASKS_COMMAND.test(result.query) ? namedCommand(more, new Set(result.terms)) : undefined)
  );
}
