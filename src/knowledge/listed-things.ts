// A question listing three or more things to tell apart ("client vs daemon vs docker.sock", "namespace랑 cgroup이랑
// hypervisor 셋 차이", "Dockerfile FROM RUN CMD what does each do"): each thing is asked about, and each gets its own
// best section, as each asking clause of a longer question does.

/** Where one listed thing ends and the next begins: vs, and, or, commas, slashes, 랑 / 이랑 / 하고 / 와 / 과. */
const SEPARATOR = /\s+(?:vs\.?|versus|and|or|&|\/)\s+|\s*,\s*|(?<=[\w가-힣.])\s?(?:이랑|랑|하고)\s+|(?<=[\w.])(?:와|과)\s+/i;
/** Where the last thing's words end and the question about them begins. */
const ASKING_TAIL =
  /\s*(?:\.{2,}|[?？!]|\b(?:what|which|who|how|whats|quick|same|explain|eli5|difference|diff|each|one line|in one|are|is|do|does)\b|셋|세\s?개|3개|차이|뭐|머|각각|관계|헷갈|설명|비교|정리|한줄|eli5).*$/is;
/** Dockerfile instructions written in capitals one after another ("FROM RUN CMD"): each is a thing. */
const INSTRUCTIONS = /\b(?:FROM|RUN|CMD|ENTRYPOINT|COPY|ADD|ENV|EXPOSE|WORKDIR|LABEL|USER|VOLUME|ARG)\b/g;
/** The asking words before a list ("what's the difference between a, b and c") and the articles of its things. */
const LEADING = /^(?:what'?s|what is|whats)\s+the\s+(?:difference|diff|differences)\s+between\s+/i;
const ARTICLE = /^(?:a|an|the)\s+/i;
/** What asks to tell the things apart (each, vs, 셋, 차이, 관계 …); a list alone may be a setting ("boot time and size"). */
const TELL_APART =
  /\bvs\.?(?=\s)|\bversus\b|\beach\b|\bthree\b|\b3 (?:things|diff)|\bdiff(?:erence|erent)?\b|\bwho does what\b|\brelat(?:ed|ion)|\bconfus|\bmix(?:ing)? (?:them )?up|각각|셋|세\s?개|3개|차이|다름|다른\s?점|관계|헷갈/i;
/** The order of instructions is asked, not what each does ("FROM RUN COPY CMD 순서 아무렇게나 써도 됨?"). */
const ORDER = /순서|\border\b/i;
/** A thing is a few words at most; a longer piece is a clause, not a name. */
const MAX_THING_WORDS = 3;

/** vs, a list word (comma, and, or, slash), or a Korean particle joining nouns. */
const separatorKind = (separator: string) => (/vs|versus/i.test(separator) ? 'vs' : /[가-힣]/.test(separator) ? 'ko' : 'list');

/** The things a question lists to tell apart, when it lists three or more; undefined otherwise. */
export function listedThings(focus: string): string[] | undefined {
  if (!TELL_APART.test(focus)) return undefined;
  const instructions = [...new Set(focus.match(INSTRUCTIONS) ?? [])];
  if (instructions.length >= 3 && ORDER.test(focus)) return undefined;
  if (instructions.length >= 3) return instructions.map((i) => `Dockerfile ${i}`);
  // The question about the things begins after the first of them: what follows it is no thing.
  const text = focus.replace(LEADING, '');
  const first = SEPARATOR.exec(text);
  if (!first) return undefined;
  const listed = (text.slice(0, first.index) + text.slice(first.index).replace(ASKING_TAIL, '')).replace(/[\s,/&]+$/, '');
  // One kind of separator throughout ("a vs b vs c", "a, b and c", "a랑 b랑 c"): "vm vs container boot time and size"
  // compares two things on two counts.
  const kinds = new Set([...listed.matchAll(new RegExp(SEPARATOR.source, 'gi'))].map((m) => separatorKind(m[0])));
  if (kinds.size > 1) return undefined;
  const things = listed
    .split(SEPARATOR)
    .map((t) => t.trim().replace(ARTICLE, ''))
    .filter(Boolean);
  const distinct = [...new Set(things.map((t) => t.toLowerCase()))];
  if (distinct.length < 3 || distinct.some((t) => t.split(/\s+/).length > MAX_THING_WORDS)) return undefined;
  return distinct;
}
