// The scoring rule of shared/eval/README.md: hit@3, hit@1, answer-hit and out-of-scope abstention.
export interface EvalQuestion {
  id: string;
  lang?: string;
  /** article, extended or ood (see shared/eval/README.md). */
  kind: string;
  q: string;
  evidence?: string[][];
}

export interface EvalAnswer {
  id: string;
  answer: string;
  abstained: boolean;
  sources: { title: string; heading: string; text: string; score: number }[];
}

export interface QuestionScore {
  id: string;
  kind: string;
  hit1: boolean;
  hit3: boolean;
  answerHit: boolean;
  /** The evidence within the first 250 characters of the answer: it says the thing first. */
  leadHit: boolean;
  /** In scope but declined. */
  refused: boolean;
  abstainedRight: boolean;
}

/** The answer's opening that lead-hit reads. */
export const LEAD_CHARS = 250;

function passes(evidence: string[][], haystack: string): boolean {
  const h = haystack.toLowerCase();
  return evidence.every((group) => group.some((s) => h.includes(s.toLowerCase())));
}

const sourceText = (s: EvalAnswer['sources'][number]) => `${s.heading}\n${s.text.slice(0, 600)}`;

export function scoreOne(q: EvalQuestion, a: EvalAnswer): QuestionScore {
  if (q.kind === 'ood')
    return {
      id: q.id,
      kind: q.kind,
      hit1: false,
      hit3: false,
      answerHit: false,
      leadHit: false,
      refused: false,
      abstainedRight: a.abstained,
    };
  const ev = q.evidence ?? [];
  const ok = !a.abstained;
  // Each evidence group may be met by any of the first three sources.
  const top3 = a.sources.slice(0, 3).map(sourceText).join('\n');
  return {
    id: q.id,
    kind: q.kind,
    hit1: ok && a.sources.length > 0 && passes(ev, sourceText(a.sources[0])),
    hit3: ok && passes(ev, top3),
    answerHit: ok && passes(ev, a.answer.slice(0, 1000)),
    leadHit: ok && passes(ev, a.answer.slice(0, LEAD_CHARS)),
    refused: a.abstained,
    abstainedRight: false,
  };
}

export interface Summary {
  byKind: Record<string, { n: number; hit1: number; hit3: number; answerHit: number; leadHit: number; abstained: number }>;
  /** In-scope questions (article + extended) together. */
  answerable: { n: number; hit1: number; hit3: number; answerHit: number; leadHit: number; refused: number };
  ood: { n: number; abstained: number };
}

export function summarize(scores: QuestionScore[]): Summary {
  const byKind: Summary['byKind'] = {};
  for (const s of scores) {
    const k = (byKind[s.kind] ??= { n: 0, hit1: 0, hit3: 0, answerHit: 0, leadHit: 0, abstained: 0 });
    k.n++;
    k.hit1 += +s.hit1;
    k.hit3 += +s.hit3;
    k.answerHit += +s.answerHit;
    k.leadHit += +s.leadHit;
    k.abstained += +s.abstainedRight;
  }
  const inScope = scores.filter((s) => s.kind !== 'ood');
  const ood = scores.filter((s) => s.kind === 'ood');
  const count = (xs: QuestionScore[], f: (s: QuestionScore) => boolean) => xs.filter(f).length;
  return {
    byKind,
    answerable: {
      n: inScope.length,
      hit1: count(inScope, (s) => s.hit1),
      hit3: count(inScope, (s) => s.hit3),
      answerHit: count(inScope, (s) => s.answerHit),
      leadHit: count(inScope, (s) => s.leadHit),
      refused: count(inScope, (s) => s.refused),
    },
    ood: { n: ood.length, abstained: count(ood, (s) => s.abstainedRight) },
  };
}
