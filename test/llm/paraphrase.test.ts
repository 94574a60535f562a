// How the sentence check treats the way a real model writes: faithful paraphrases of the passages (kept,
// ideally), invented numbers or options (always dropped), and claims that flip or rearrange the passage's
// own words and numbers (word overlap cannot see them: the known limit). Hand-written answers, real passages.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPrompt } from '../../src/answer/prompt.js';
import { AnswerVerifier } from '../../src/answer/verify.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { realKb, RETRIEVAL } from './helpers.js';

type Kind = 'faithful' | 'invented' | 'flipped';

// [n] in a sentence cites the n-th passage listed: the passages are chosen by heading (cites), one chunk
// each, so the check is tested, not the ranking.
const CASES: { q: string; cites: string[]; sentences: [Kind, string][] }[] = [
  {
    q: 'What happens when a container goes over its memory limit?',
    cites: ['--memory (-m)', '--memory (-m)', 'Exceeding the memory limit'],
    sentences: [
      ['faithful', 'When a container reaches its --memory limit and reclaim fails, the OOM killer sends SIGKILL to a process in it [3].'],
      ['faithful', 'If that process is the main process, the container exits with code 137 (128 + 9) [3].'],
      ['faithful', 'State.OOMKilled is true when any process in the container was OOM-killed [3].'],
      ['faithful', 'In that case the OOM killer kills a process inside the container with SIGKILL [3].'],
      ['faithful', 'The limit is a hard limit that the kernel enforces through the container cgroup [1].'],
      ['faithful', 'With --memory 200m, the processes of a container cannot use more than 200 MiB together [2].'],
      ['invented', 'The container then exits with code 139 [3].'],
      ['invented', 'Docker restarts it automatically with --restart=on-oom [3].'],
      ['flipped', 'When a container hits its --memory limit, the OOM killer never sends SIGKILL to a process in it [3].'],
    ],
  },
  {
    q: 'What does --cpus 0.5 mean?',
    // [3] is the correction that states 50 ms every 100 ms (a number must stand whole: 50 is not in 150000).
    cites: ['--cpus', '--cpuset-cpus', '--cpus: limiting CPU time with a CFS quota > Correction'],
    sentences: [
      ['faithful', '--cpus=0.5 means the container may use at most half of one CPU’s time, 50 ms every 100 ms [3].'],
      ['faithful', 'It is turned into a CFS quota, a cap on CPU time, not a number of cores [3].'],
      ['faithful', 'That CPU time is not tied to particular cores and can be spread over any cores of the host [1].'],
      ['faithful', 'To pin a container to specific cores, use --cpuset-cpus [2].'],
      ['invented', '--cpus=0.5 gives the container 30 ms every 100 ms [3].'],
      ['flipped', '--cpus=0.5 gives the container 50 ms every 200 ms [3].'],
      ['invented', 'It is the same as --cpu-shares=512 [3].'],
      ['flipped', '--cpus=0.5 dedicates half of one core to the container [3].'],
    ],
  },
  {
    q: '--memory-swap은 뭐야?',
    cites: ['--memory와 --memory-swap', '스왑 메모리 기본값'],
    sentences: [
      ['faithful', '--memory-swap은 메모리와 스왑을 합친 상한이에요 [1].'],
      ['faithful', '예를 들어 --memory 300m --memory-swap 1g로 주면 스왑은 700m까지 쓸 수 있어요 [1].'],
      ['faithful', '--memory-swap을 생략하면 --memory의 2배로 잡혀요 [2].'],
      ['faithful', '-1을 주면 호스트의 스왑을 무제한으로 쓸 수 있어요 [1].'],
      ['invented', '--memory-swap의 기본값은 --memory의 3배예요 [2].'],
      ['invented', '스왑 한도는 --swap-limit 옵션으로 따로 정해요 [1].'],
      ['flipped', '--memory-swap을 생략하면 스왑을 쓸 수 없어요 [2].'],
    ],
  },
  {
    q: '도커와 VM의 차이가 뭐야?',
    cites: ['VM과 컨테이너 한눈에 비교 (1)', 'VM과 컨테이너 한눈에 비교 (2)'],
    sentences: [
      ['faithful', 'VM은 하이퍼바이저 위에서 VM마다 게스트 OS와 자기 커널을 부팅해요 [1].'],
      ['faithful', '컨테이너는 호스트 커널 하나를 함께 쓰는 격리된 프로세스예요 [1].'],
      ['faithful', '그래서 VM은 부팅에 수십 초에서 수 분이 걸리지만, 컨테이너는 보통 1초 안팎에 떠요 [1].'],
      ['faithful', '컨테이너는 오버헤드가 작아서 호스트당 수십~수백 개를 올릴 수 있어요 [2].'],
      ['invented', 'VM 이미지는 보통 10GB 이상이에요 [1].'],
      ['invented', '컨테이너는 KVM 위에서 돌아가요 [1].'],
      ['flipped', '컨테이너는 VM보다 격리가 더 강해요 [1].'],
    ],
  },
];

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKb();
});

function tally(): Record<Kind, { kept: number; total: number }> {
  const out: Record<Kind, { kept: number; total: number }> = {
    faithful: { kept: 0, total: 0 },
    invented: { kept: 0, total: 0 },
    flipped: { kept: 0, total: 0 },
  };
  for (const c of CASES) {
    const used = new Set<string>();
    const hits = c.cites.map((heading) => {
      const chunk = kb.chunks.find((k) => k.heading.startsWith(heading) && !used.has(k.id));
      if (!chunk) throw new Error(`no passage under "${heading}"`);
      used.add(chunk.id);
      return { chunk, score: 1 };
    });
    const prompt = buildPrompt({ ...kb.search(c.q, { topK: RETRIEVAL.topK }), hits }, 8000);
    const verifier = new AnswerVerifier(prompt.sources);
    // Passages of one section are one source: [n] becomes the number of the source holding cites[n - 1].
    const renumber = (n: number) => prompt.sources.findIndex((s) => s.heading.startsWith(c.cites[n - 1])) + 1;
    for (const [kind, sentence] of c.sentences) {
      out[kind].total++;
      if (
        verifier.verify(
          sentence.replace(/\[(\d)\]/g, (_, n: string) => `[${renumber(Number(n))}]`),
          true,
        ).kept
      )
        out[kind].kept++;
    }
  }
  return out;
}

describe('the sentence check on hand-written answers', () => {
  it('keeps faithful paraphrases, drops every invented number or option, and misses most claims that flip or rearrange the passage', () => {
    const t = tally();
    console.log(
      `sentence check: faithful kept ${t.faithful.kept}/${t.faithful.total}, invented kept ${t.invented.kept}/${t.invented.total}, flipped kept ${t.flipped.kept}/${t.flipped.total}`,
    );
    expect(t.invented.kept).toBe(0);
    expect(t.faithful.kept / t.faithful.total).toBeGreaterThanOrEqual(0.8);
  });
});
