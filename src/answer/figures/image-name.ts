// An image name the student gives, split into registry, repository and tag by the rule Docker applies.
import type { Lang } from '../../knowledge/types.js';
import type { Figure } from './figure.js';

/** The question asks which part of a name is which: it names registries, repositories or tags. */
const ASKS_PARTS = /\b(?:registr(?:y|ies)|repo(?:sitor(?:y|ies))?s?|tags?)\b|레지스트리|리포지토리|레포지토리|레포|저장소|태그/i;
/** A path component of an image name: lower-case letters and digits, joined by . _ or -. */
const PART = String.raw`[a-z0-9]+(?:[._-][a-z0-9]+)*`;
/** An image reference with a namespace or a tag (ghcr.io/acme/api:1.4.2, myteam/api, nginx:1.27). */
const REFERENCE = new RegExp(String.raw`(?<![\w./:-])((?:${PART}(?::\d+)?/)*${PART})(?::([\w][\w.-]{0,127}))?(?![\w/:-])`, 'g');

/** Docker reads the first component as a registry when it has a dot or a port, or is localhost. */
const isRegistry = (part: string) => /[.:]/.test(part) || part === 'localhost';

interface ImageName {
  written: string;
  registry?: string;
  repository: string;
  tag?: string;
}

function imageNameIn(question: string): ImageName | undefined {
  for (const m of question.toLowerCase().matchAll(REFERENCE)) {
    const [written, path, tag] = m;
    const parts = path.split('/');
    // A name needs a namespace or a tag, and letters in its repository: 8080:80 and 1.4.2 are not images.
    if ((parts.length < 2 && !tag) || !/[a-z]/.test(parts[parts.length - 1]) || /^\d/.test(parts[0])) continue;
    const registry = parts.length > 1 && isRegistry(parts[0]) ? parts[0] : undefined;
    return { written, registry, repository: (registry ? parts.slice(1) : parts).join('/'), ...(tag ? { tag } : {}) };
  }
  return undefined;
}

/** "In ghcr.io/acme/api:1.4.2, ghcr.io is the registry, acme/api the repository and 1.4.2 the tag." */
export function imageNameFigure(question: string, lang: Lang): Figure[] {
  if (!ASKS_PARTS.test(question)) return [];
  const name = imageNameIn(question);
  if (!name) return [];
  const { written, registry, repository, tag } = name;
  const official = !registry && !repository.includes('/');
  const text =
    lang === 'ko'
      ? `이미지 이름 ${written}에서 레지스트리는 ${registry ?? 'Docker Hub(docker.io, 쓰지 않았으므로)'}, 리포지토리는 ${repository}${official ? `(Docker Hub의 library/${repository})` : ''}, 태그는 ${tag ?? 'latest(쓰지 않았으므로)'}다.`
      : `In ${written}, ${registry ? `the registry is ${registry}` : 'no registry is written, so it is Docker Hub (docker.io)'}; the repository is ${repository}${official ? ` (library/${repository} on Docker Hub)` : ''} and the tag ${tag ?? 'latest, as none is written'}.`;
  return [{ option: 'repository', text, numbers: [written] }];
}
