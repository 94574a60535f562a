// The extractive answer's sentence choice, on hand-made passages (retrieval is tested elsewhere).
import { describe, expect, it } from 'vitest';
import { extractiveAnswer } from '../../src/answer/extractive.js';
import { tokenize } from '../../src/knowledge/tokenize.js';
import type { Chunk, Lang, SearchResult } from '../../src/knowledge/types.js';

function chunk(id: string, lang: Lang, heading: string, text: string, keyPoint?: string): Chunk {
  return {
    ...(keyPoint ? { keyPoint } : {}),
    id,
    doc: { path: `${lang}/x.md`, title: 'Title', lang, topic: 'x', tags: [] },
    headingPath: [heading],
    heading,
    text,
    section: 0,
    code: [],
  };
}

function result(query: string, lang: Lang, chunks: Chunk[]): SearchResult {
  return {
    query,
    lang,
    kind: 'question',
    intent: 'general',
    abstain: false,
    terms: tokenize(query),
    hits: chunks.map((c, i) => ({ chunk: c, score: 0.9 - i * 0.1 })),
  };
}

/** The answer to a question read as yes/no over these passages. */
const yesNoAnswer = (query: string, lang: Lang, chunks: Chunk[]) =>
  extractiveAnswer({ ...result(query, lang, chunks), intent: 'yesno' }, 600).answer;

/** The result with the best passage at 0.9 and the second at `second`. */
const withSecondAt = (r: SearchResult, second: number): SearchResult => ({
  ...r,
  hits: r.hits.slice(0, 2).map((h, i) => ({ ...h, score: i === 0 ? 0.9 : second })),
});

describe('extractive answer', () => {
  it('brings the sentence before one that leans on it ("둘째,"), in passage order', () => {
    const text =
      'docker ps의 처리 과정은 네 단계다. 첫째, 사용자가 명령을 입력한다. 둘째, 클라이언트가 docker.sock으로 데몬에 요청을 보낸다. 날씨와는 관계없는 문장이다.';
    const a = extractiveAnswer(result('docker.sock 요청', 'ko', [chunk('k#1', 'ko', '흐름', text)]), 600);
    expect(a.answer).toMatch(/첫째, 사용자가 명령을 입력한다\.(?: \[1\])? 둘째, 클라이언트가/);
  });

  it('leaves out a sentence that points back ("…이 여기에 속한다") unless the sentence it points to comes first', () => {
    const text =
      '타입 1은 하드웨어 위에 바로 설치된다. ESXi와 KVM이 대표적이다. 타입 2는 호스트 OS 위에 앱처럼 설치된다. VirtualBox와 VMware Workstation이 여기에 속한다.';
    const a = extractiveAnswer(result('VirtualBox 타입', 'ko', [chunk('k#1', 'ko', '하이퍼바이저 종류', text)]), 600);
    const i = a.answer.indexOf('VirtualBox와 VMware Workstation이 여기에 속한다');
    if (i >= 0) expect(a.answer.slice(0, i)).toMatch(/타입 2는 호스트 OS 위에 앱처럼 설치된다\.(?: \[1\])? $/);
    expect(a.answer).not.toMatch(/타입 1은 하드웨어 위에 바로 설치된다\.(?: \[1\])? VirtualBox/);
  });

  it('drops a leaning sentence when its predecessor does not fit the budget', () => {
    const long = `Background sentence ${'x'.repeat(300)}.`;
    const text = `The daemon listens on a socket. ${long} This means the socket must be protected.`;
    const a = extractiveAnswer(result('socket protected', 'en', [chunk('e#1', 'en', 'Socket', text)]), 200);
    expect(a.answer).not.toMatch(/This means/);
    expect(a.answer).toMatch(/listens on a socket/);
  });

  it('answers in the question language, lists that language first and numbers sources as shown', () => {
    const en = { ...chunk('e#1', 'en', 'Memory', 'The --memory option sets a hard limit. Docker enforces it with cgroups.'), section: 1 };
    const ko = chunk('k#1', 'ko', '메모리', '--memory 옵션은 하드 리밋을 건다. 도커는 cgroups로 이를 강제한다.');
    const a = extractiveAnswer(result('--memory 옵션은 뭐야', 'ko', [en, ko]), 600);
    expect(a.answer).toMatch(/하드 리밋/);
    expect(a.answer).not.toMatch(/hard limit/);
    expect(a.answer).toMatch(/\[1\]/);
    expect(a.sources.map((s) => s.heading)).toEqual(['메모리', 'Memory']);
  });

  it('lists one copy of a section found in both languages: the one in the question language', () => {
    const en = chunk('e#1', 'en', 'Memory', 'The --memory option sets a hard limit.');
    const ko = chunk('k#1', 'ko', '메모리', '--memory 옵션은 하드 리밋을 건다.');
    const a = extractiveAnswer(result('--memory 옵션은 뭐야', 'ko', [en, ko]), 600);
    expect(a.sources.map((s) => s.heading)).toEqual(['메모리']);
  });

  it('lists the passages of one section found together as one source, in document order', () => {
    const second = chunk('e#2', 'en', 'Memory', 'The limit becomes memory.max on cgroup v2.');
    const first = chunk('e#1', 'en', 'Memory', 'The --memory option sets a hard limit.');
    const other = { ...chunk('e#3', 'en', 'Swap', 'Swap is memory plus swap.'), section: 1 };
    const a = extractiveAnswer(result('--memory limit memory.max', 'en', [second, first, other]), 600);
    expect(a.sources.map((s) => s.heading)).toEqual(['Memory', 'Swap']);
    expect(a.sources[0].text).toMatch(/^The --memory option sets a hard limit\.\nThe limit becomes memory\.max/);
  });

  it('leads with the section key point, then adds what the passage says about the question', () => {
    const c = {
      ...chunk(
        'e#1',
        'en',
        'Swap',
        'Swap is memory plus swap. With only --memory set, Docker doubles the total, so the container may use as much swap again. Unrelated closing words here.',
      ),
      keyPoint: 'Swap is memory plus swap.',
    };
    const a = extractiveAnswer(result('what is --memory-swap with only --memory', 'en', [c]), 600);
    expect(a.answer.startsWith('Swap is memory plus swap. [1]')).toBe(true);
    expect(a.answer).toMatch(/as much swap again\. \[1\]/);
    expect(a.answer.match(/Swap is memory plus swap/g)).toHaveLength(1);
    expect(a.answer).not.toMatch(/Unrelated closing/);
  });

  it('leaves out a sentence that only restates the key point in other words, keeps one that adds something asked', () => {
    const c = {
      ...chunk(
        'e#1',
        'en',
        'Kernel',
        'A container has no kernel of its own: all containers share the host kernel. Without a kernel to boot, a container starts in about a second, far faster than any VM or physical server.',
      ),
      keyPoint: 'Containers share the host kernel and have no kernel of their own.',
    };
    const a = extractiveAnswer(result('do containers have their own kernel? is that why they start fast', 'en', [c]), 600);
    expect(a.answer).not.toMatch(/all containers share/);
    expect(a.answer).toMatch(/starts in about a second, far faster than any VM or physical server\. \[1\]/);
    // A sentence of the same section that brings no word of the question the answer lacks is about something else.
    expect(extractiveAnswer(result('do containers have their own kernel', 'en', [c]), 600).answer).toBe(
      'Containers share the host kernel and have no kernel of their own. [1]',
    );
    // A sentence of the key point's section with under 80% new words restates it.
    const swap = {
      ...chunk('e#2', 'en', 'Swap', 'Swap is memory plus swap. With only --memory set, Docker doubles the total, so swap equals memory.'),
      keyPoint: 'Swap is memory plus swap.',
    };
    expect(extractiveAnswer(result('what is --memory-swap with only --memory', 'en', [swap]), 600).answer).toBe(
      'Swap is memory plus swap. [1]',
    );
  });

  it('answers a summary request with the key points of the best sections as a short cited list, one per section', () => {
    const a1 = { ...chunk('e#1', 'en', 'Memory', 'Long prose about memory limits.'), keyPoint: '--memory sets a hard limit.' };
    const a2 = { ...a1, id: 'e#2', text: 'More prose from the same section.' };
    const b = { ...chunk('e#3', 'en', 'Swap', 'Long prose about swap.'), section: 1, keyPoint: '--memory-swap is memory plus swap.' };
    const r = { ...result('memory options tl;dr', 'en', [a1, a2, b]), intent: 'summary' as const };
    const lines = extractiveAnswer(r, 600).answer.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^• --memory sets a hard limit\. \[1\]$/);
    expect(lines[1]).toMatch(/^• --memory-swap is memory plus swap\. \[\d\]$/);
  });

  it("gives a summary point that does not fit whole as its first sentence, so '3 lines' gets three", () => {
    const long = 'x'.repeat(70);
    const sections = [1, 2, 3].map((n) => ({
      ...chunk(`e#${n}`, 'en', `Part ${n}`, 'Prose.'),
      section: n,
      keyPoint: `Point ${n} says one thing. Then it goes on ${long}.`,
    }));
    const r = { ...result('memory in 3 lines', 'en', sections), intent: 'summary' as const, lines: 3 };
    const lines = extractiveAnswer(r, 300).answer.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^• Point 3 says one thing\. \[3\]$/);
    // Asked for N lines, every line is one sentence even when the whole point would fit.
    const roomy = extractiveAnswer(r, 2000).answer.split('\n');
    expect(roomy).toEqual(['• Point 1 says one thing. [1]', '• Point 2 says one thing. [2]', '• Point 3 says one thing. [3]']);
    // A summary asked for without a number of lines keeps whole points that fit.
    expect(extractiveAnswer({ ...r, lines: undefined }, 2000).answer.split('\n')[0]).toMatch(/Then it goes on/);
    // Room for only one point is no list: no lone bullet.
    expect(extractiveAnswer({ ...r, lines: undefined }, 140).answer).not.toMatch(/^•/);
  });

  it('says "not a bug" or "expected" first when asked whether what the student saw is a bug, broken or normal', () => {
    const c = {
      ...chunk('u', 'en', 'uname in a container', 'Prose.'),
      keyPoint: 'A container runs on the host kernel, so uname -r shows it.',
    };
    const ask = (q: string, lang: Lang = 'en') => extractiveAnswer({ ...result(q, lang, [c]), intent: 'yesno' }, 600).answer;
    expect(ask('uname -r in my ubuntu container shows the host kernel, bug?')).toMatch(/^Not a bug\. A container runs/);
    expect(ask('is the flag broken?')).toMatch(/^Not broken\. /);
    expect(ask('uname -r 치면 호스트 커널 나옴 정상임?', 'ko')).toMatch(/^네, 정상이다\. /);
    // Not asked, or already said: nothing is added.
    expect(ask('does uname -r show the host kernel?')).toMatch(/^A container runs/);
    const said = { ...c, keyPoint: 'A CPU % of 250% is not a fault: 100% is one core.' };
    expect(extractiveAnswer({ ...result('250% cpu, bug?', 'en', [said]), intent: 'yesno' }, 600).answer).toMatch(/^A CPU %/);
  });

  it('cuts a key point longer than the answer allows at a sentence end, not mid-sentence', () => {
    const long = 'x'.repeat(150);
    const c = { ...chunk('h', 'en', 'History', 'Prose.'), keyPoint: `First point ${long}. Second point ${long}. Third point ${long}.` };
    const answer = extractiveAnswer(result('history of containers', 'en', [c]), 400).answer;
    expect(answer).toBe(`First point ${long}. Second point ${long}. [1]`);
  });

  it('gives a key point of more sentences than the lines asked for as the sentences that say most about the question', () => {
    const c = {
      ...chunk('n#1', 'en', 'Namespaces and cgroups', 'Prose about kernels.'),
      keyPoint: 'A container is an isolated process. Namespaces limit what it sees and cgroups limit what it uses.',
    };
    const r = { ...result('namespaces vs cgroups in one line', 'en', [c]), intent: 'compare' as const };
    expect(extractiveAnswer({ ...r, lines: 1 }, 600).answer).toBe('Namespaces limit what it sees and cgroups limit what it uses. [1]');
    expect(extractiveAnswer(r, 600).answer).toMatch(/^A container is an isolated process\. Namespaces limit/);
    // A sentence leaning on the one before is not given alone.
    const leaning = { ...c, keyPoint: 'Namespaces isolate a process. This split limits what namespaces and cgroups each do.' };
    expect(extractiveAnswer({ ...r, hits: [{ chunk: leaning, score: 0.9 }], lines: 1 }, 600).answer).toBe(
      'Namespaces isolate a process. [1]',
    );
  });

  it('leads with the sentence that answers the question when the key point is about the section in general', () => {
    const c = {
      ...chunk(
        'e#1',
        'en',
        'Swap',
        'Swap defaults to twice the memory. To stop a container from using swap at all, set --memory-swap to the same value as --memory.',
      ),
      keyPoint: '--memory-swap is memory plus swap combined.',
    };
    const a = extractiveAnswer(result('how do i stop a container from using swap at all', 'en', [c]), 600);
    expect(a.answer).toMatch(
      /^To stop a container from using swap at all, set --memory-swap to the same value as --memory\. \[1\] --memory-swap is memory plus swap combined\. \[1\]/,
    );
  });

  it('defines the thing asked about from a passage of a found section that was not itself found', () => {
    const keyPoint = 'Docker stores identical content once and shares it.';
    const found = { ...chunk('l#2', 'en', 'Layers', 'Identical layers are stored once and shared between images.'), keyPoint };
    const unfound = {
      ...chunk('l#1', 'en', 'Layers', 'Each image layer is a diff: the files changed relative to the layer below.'),
      keyPoint,
    };
    const r = { ...result('whats an image layer', 'en', [found]), intent: 'definition' as const };
    const section = (c: Chunk) => (c.id.startsWith('l#') ? [unfound, found] : [c]);
    expect(extractiveAnswer({ ...r, sectionOf: section }, 600).answer).toMatch(/^Each image layer is a diff/);
    // Asked for one line, the defining sentence is all: the key point does not follow it.
    expect(extractiveAnswer({ ...r, sectionOf: section, lines: 1 }, 600).answer).toBe(
      'Each image layer is a diff: the files changed relative to the layer below. [1]',
    );
    // Without the rest of the section, the found passage is all there is.
    expect(extractiveAnswer(r, 600).answer).not.toMatch(/^Each image layer/);
  });

  it('asked why, leads with the sentence that gives the reason when the key point gives none', () => {
    const c = {
      ...chunk(
        'u#1',
        'en',
        'UTS',
        'Docker creates a new uts namespace per container. Because of the uts namespace, a hostname changed inside a container leaves the host hostname alone.',
      ),
      keyPoint: 'Docker creates new pid, net, mnt, uts and ipc namespaces for each container.',
    };
    const why = {
      ...result('why does changing the hostname in a container leave the host hostname alone', 'en', [c]),
      intent: 'reason' as const,
    };
    expect(extractiveAnswer(why, 600).answer).toMatch(/^Because of the uts namespace/);
    // Asked what it means, not why: the key point leads.
    const meaning = { ...result('what does a new uts namespace per container mean', 'en', [c]), intent: 'reason' as const };
    expect(extractiveAnswer(meaning, 600).answer).toMatch(/^Docker creates new pid/);
  });

  it('leads with the sentence quoting an error message the student pasted, in whichever passage of the section it is', () => {
    const keyPoint = '-p HOST:CONTAINER publishes a container port on the host.';
    const first = {
      ...chunk(
        'p#1',
        'en',
        'Ports',
        'After docker run -d -p 8080:80 myapp, port 8080 on the host reaches port 80 in the container.',
        keyPoint,
      ),
      inlineCode: ['-p'],
    };
    const second = {
      ...chunk('p#2', 'en', 'Ports', 'Starting fails with port is already allocated when another container holds the host port.'),
      inlineCode: ['port is already allocated'],
    };
    const pasted = 'docker run -d -p 8080:8080 myapp gives Bind for 0.0.0.0:8080 failed: port is already allocated ??';
    expect(extractiveAnswer(result(pasted, 'en', [first, second]), 600).answer).toMatch(/^Starting fails with port is already allocated/);
    // A quoted column name or command is no message: the answer is as if nothing were quoted.
    const columns = { ...second, inlineCode: ['MEM USAGE / LIMIT', 'docker run -d -p 8080:80 nginx'] };
    const asked = 'what does MEM USAGE / LIMIT mean after docker run -d -p 8080:80 nginx';
    const unquoted = extractiveAnswer(result(asked, 'en', [first, { ...second, inlineCode: [] }]), 600).answer;
    expect(extractiveAnswer(result(asked, 'en', [first, columns]), 600).answer).toBe(unquoted);
  });

  it('explains a pasted message from the section that quotes it, a correction too, its placeholder "…" standing for any value', () => {
    const parent = chunk(
      'o#1',
      'en',
      'OOM killer and 137',
      'The OOM killer kills a process at the limit.',
      'Exit code 137 usually means an OOM kill.',
    );
    const correction = {
      ...chunk(
        'o#2',
        'en',
        '137 alone does not prove OOM',
        'Check docker inspect first. In the host kernel log, Memory cgroup out of memory: Killed process … means the container hit its memory limit.',
        'No — exit code 137 only means SIGKILL.',
      ),
      inlineCode: ['Memory cgroup out of memory: Killed process …'],
    };
    const pasted = "dmesg on the host: 'Memory cgroup out of memory: Killed process 4123 (java)'. is that my container dying?";
    expect(extractiveAnswer(result(pasted, 'en', [parent, correction]), 600).answer).toMatch(
      /^In the host kernel log, Memory cgroup out of memory/,
    );
  });

  it('shows the command of a how-to question as a code block', () => {
    const c = {
      ...chunk('e#1', 'en', 'Run with a limit', 'Put options before the image.\ndocker run -d --memory 300m nginx'),
      code: ['docker run -d --memory 300m nginx'],
    };
    const r = { ...result('how do i run nginx with 300m memory', 'en', [c]), intent: 'howto' as const };
    expect(extractiveAnswer(r, 600).answer).toContain('```\ndocker run -d --memory 300m nginx\n```');
  });

  it('shows no command the question part does not ask about: not one the premise ran, nor any of the passage', () => {
    const volumes = {
      ...chunk('v#1', 'en', 'Volumes', 'A volume lives outside the container.', 'Keep data in a volume with -v.'),
      code: ['docker volume ls'],
    };
    const removal = {
      ...chunk('r#1', 'en', 'Removing', 'docker rm -v also removes the anonymous volumes.'),
      inlineCode: ['docker rm -v'],
      section: 1,
    };
    const asked = (q: string, focus: string) =>
      extractiveAnswer({ ...result(q, 'en', [volumes, removal]), intent: 'howto', focusTerms: tokenize(focus) }, 600).answer;
    expect(asked('i did docker rm and my files are gone. how do i keep them', 'how do i keep them')).not.toContain('```');
    expect(asked('how do i list my docker volume names', 'how do i list my docker volume names')).toContain('```\ndocker volume ls\n```');
  });

  it('leads with what a correction states, without its "No —", to a yes/no question and to others', () => {
    const c = { ...chunk('e#1', 'en', 'Is Docker a VM? No', 'Docker is not a VM.'), keyPoint: 'No — a container is a host process.' };
    const yesno = { ...result('is docker a vm', 'en', [c]), intent: 'yesno' as const };
    const what = { ...result('what is docker', 'en', [c]), intent: 'definition' as const };
    // The key point's own "No —" is not a verdict (it may deny another proposition than the one asked): only a
    // claim of the check list gives one.
    expect(extractiveAnswer(yesno, 600).answer).toMatch(/^A container is a host process/);
    expect(extractiveAnswer(what, 600).answer).toMatch(/^A container is a host process/);
  });

  it('stays within the character budget', () => {
    const text = Array.from({ length: 12 }, (_, i) => `Memory limit sentence number ${i} explains cgroups memory limits in detail.`).join(
      ' ',
    );
    const a = extractiveAnswer(result('memory limit cgroups', 'en', [chunk('e#1', 'en', 'Memory', text)]), 300);
    expect(a.answer.length).toBeLessThanOrEqual(300);
  });
});

describe('sources in the question language', () => {
  it("list a section's copy in the question language where its best copy, in the other language, ranked", () => {
    const isolation = (lang: Lang, text: string): Chunk => ({
      ...chunk(`${lang}/cmp#0`, lang, lang === 'ko' ? '비교: 격리' : 'Comparison: isolation', text),
      section: 3,
    });
    const sock: Chunk = { ...chunk('ko/arch#0', 'ko', '보안 주의: docker.sock', '소켓에 접근하면 root와 같다.'), section: 7 };
    const r: SearchResult = {
      ...result('vm이 컨테이너보다 더 안전함?', 'ko', []),
      hits: [
        { chunk: isolation('en', 'A VM has its own kernel behind a hardware boundary.'), score: 0.9 },
        { chunk: sock, score: 0.7 },
        { chunk: isolation('ko', 'VM은 하드웨어 경계 뒤에 자기 커널을 둔다.'), score: 0.5 },
      ],
    };
    const answer = extractiveAnswer(r, 600);
    expect(answer.sources.map((s) => s.heading)).toEqual(['비교: 격리', '보안 주의: docker.sock']);
    expect(answer.answer).toMatch(/^VM은 하드웨어 경계/);
  });
});

describe('sentences that cannot stand alone, and corrections', () => {
  const announcing = 'An image built once runs the same on a laptop or a server, with two conditions.';
  const conditions = 'A Linux image needs a Linux kernel, and the CPU architecture must match.';
  it('leads with a sentence that announces what follows only together with what follows', () => {
    const c = chunk('a', 'en', 'Portability of images', `${announcing} ${conditions} Layers save disk space.`);
    const a = extractiveAnswer(result('does an image run the same on a laptop and a server', 'en', [c]), 600).answer;
    expect(a).toContain(`${announcing} ${conditions}`);
  });

  it.each([
    ['PID 1이 되면 두 가지 책임이 생긴다.', 'PID 1은 시그널과 좀비를 맡는다.', 'pid 1 책임'],
    ['Docker Desktop therefore starts a small Linux VM.', 'Docker Desktop runs containers on Windows.', 'docker desktop linux vm windows'],
    ['If the host is overcommitted, though, a VM can slow down.', 'A VM has its own kernel.', 'vm host overcommitted slow'],
    ['docker ps의 처리 과정은 네 단계이며 클라이언트에서 시작한다.', 'docker ps는 데몬에 요청한다.', 'docker ps 처리 과정'],
    ['The table is only a summary of the VM and container rows.', 'VMs boot a kernel.', 'vm container table summary'],
  ])('does not support an answer with a sentence that leans on another: %s', (leaning, keyPoint, q) => {
    const c = { ...chunk('a', /[가-힣]/.test(q) ? 'ko' : 'en', 'Heading', `Opening words here. ${leaning}`), keyPoint };
    const a = extractiveAnswer(result(q, /[가-힣]/.test(q) ? 'ko' : 'en', [c]), 600).answer;
    expect(a).not.toContain(leaning);
  });

  it('leaves such a sentence out of the supporting sentences', () => {
    const c = {
      ...chunk('a', 'en', 'Portability of images', `Images are portable. ${announcing}`),
      keyPoint: 'Images run anywhere the kernel fits.',
    };
    const a = extractiveAnswer(result('does an image run the same on a laptop and a server', 'en', [c]), 600).answer;
    expect(a).toMatch(/^Images run anywhere/);
    expect(a).not.toMatch(/two conditions/);
  });

  it('adds no supporting sentence that has much less of the question than the best one', () => {
    const c = chunk(
      'a',
      'en',
      'VM isolation',
      'A crash in one VM stays inside that VM because each VM runs its own kernel. The memory of a VM is hard to hand back while the app sits idle.',
      'Each VM is isolated from the others.',
    );
    const a = extractiveAnswer(result('if one vm crashes does the kernel crash in the other vms too', 'en', [c]), 600).answer;
    expect(a).toMatch(/stays inside that VM/);
    expect(a).not.toMatch(/hand back/);
  });

  it('adds a sentence from another section only when that section scored close to the best, or for a comparison', () => {
    const isolation = chunk('a', 'en', 'VM isolation', 'A crash in one VM stays inside that VM.', 'Each VM is isolated.');
    const density = {
      ...chunk('b', 'en', 'VM density', 'Every VM loads its own kernel, so a crash of memory use limits how many VMs fit.'),
      section: 1,
    };
    const r = result('does a crash in one vm hit the other vms', 'en', [isolation, density]);
    const clearBest = withSecondAt(r, 0.7);
    expect(extractiveAnswer(clearBest, 600).answer).not.toMatch(/how many VMs fit/);
    const close = withSecondAt(r, 0.88);
    expect(extractiveAnswer(close, 600).answer).toMatch(/how many VMs fit/);
    expect(extractiveAnswer({ ...clearBest, intent: 'compare' }, 600).answer).toMatch(/how many VMs fit/);
  });

  it('adds a sentence from another close section only when it shares more than one word of the question', () => {
    const stats = chunk(
      'a',
      'en',
      'docker stats',
      // (Its text is its key point: the one supporting sentence is then the other section's to win or lose.)
      'docker stats is top for containers.',
      'docker stats is top for containers.',
    );
    const other = {
      ...chunk(
        'b',
        'en',
        'What a container is',
        'A container diagram draws apps, bins and libraries above an engine. A container started by docker run also reports network traffic and block I/O counters through the Engine API.',
      ),
      section: 1,
    };
    const r = result('is there like top but for docker containers, one that shows network traffic', 'en', [stats, other]);
    const close = withSecondAt(r, 0.88);
    const answer = extractiveAnswer(close, 600).answer;
    expect(answer).not.toMatch(/diagram/);
    expect(answer).toMatch(/started by docker run/);
    const plain = withSecondAt(result('is there like top but for docker containers', 'en', [stats, other]), 0.88);
    // A comparison draws on the other section whatever it shares.
    expect(extractiveAnswer(plain, 600).answer).not.toMatch(/diagram|started by docker run/);
    expect(extractiveAnswer({ ...plain, intent: 'compare' }, 600).answer).toMatch(/diagram|started by docker run/);
  });

  it('answers yes or no when a yes/no question states a claim the notes check, and says nothing when unsure', () => {
    const c = {
      ...chunk('k', 'en', 'Containers share the host kernel', 'A container is a host process.', 'Containers share the host kernel.'),
      claims: [
        { truth: true, text: 'Containers on one host share the host kernel.' },
        { truth: false, text: 'Each container boots its own kernel.' },
      ],
    };
    const ask = (q: string) => yesNoAnswer(q, 'en', [c]);
    expect(ask('does each container boot its own kernel?')).toMatch(/^No\. Containers share the host kernel\./);
    expect(ask('do containers on a host share the host kernel?')).toMatch(/^Yes\. Containers share/);
    expect(ask('is docker fast?')).not.toMatch(/^(?:Yes|No)\./);
    // The claim must be most of the question too: these words ask something the claim does not say.
    expect(ask('do containers share the host kernel after docker update changes memory, swap and cpu quota limits?')).not.toMatch(
      /^(?:Yes|No)\./,
    );
    // A claim about containers cannot answer a question about VMs, however many words they share…
    expect(ask('do VMs share the host kernel like containers on one host?')).not.toMatch(/^(?:Yes|No)\./);
    // …but a subject named only in the premise does not count.
    const premised = {
      ...result('containers on a host share the host kernel, right? so lighter than a VM', 'en', [c]),
      intent: 'yesno' as const,
    };
    expect(
      extractiveAnswer({ ...premised, focusTerms: tokenize('containers on a host share the host kernel, right?') }, 600).answer,
    ).toMatch(/^Yes\./);
    expect(extractiveAnswer(premised, 600).answer).not.toMatch(/^Yes\./);
    // The claim must cover the question part too: a premise stating it does not make it the answer.
    const premisedOnly = {
      ...result('containers on a host share the host kernel, so is there no isolation at all?', 'en', [c]),
      intent: 'yesno' as const,
    };
    expect(extractiveAnswer({ ...premisedOnly, focusTerms: tokenize('so is there no isolation at all?') }, 600).answer).not.toMatch(
      /^(?:Yes|No)\./,
    );
    // A premise's words do not dilute the question part the claim covers.
    const chatty =
      'containers on a host share the host kernel, right? gonna run untrusted customer code from many paying tenants on shared servers at work next month, picking between both options';
    expect(
      extractiveAnswer(
        { ...result(chatty, 'en', [c]), intent: 'yesno', focusTerms: tokenize('containers on a host share the host kernel, right?') },
        600,
      ).answer,
    ).toMatch(/^Yes\./);
    // Not a yes/no question: no verdict.
    expect(extractiveAnswer(result('each container boots its own kernel', 'en', [c]), 600).answer).not.toMatch(/^(?:Yes|No)\./);
    // Asked to choose, a bare yes or no would not say which: the answer is the reason alone.
    expect(ask('does each container boot its own kernel or share the host one?')).toMatch(/^Containers share the host kernel\./);
    expect(ask('does each container boot its own kernel or not?')).toMatch(/^No\./);
    // A Korean 아님 between two alternatives is "or"; closing the question it is "or not".
    const askKo = (q: string) => yesNoAnswer(q, 'ko', [{ ...c, claims: [{ truth: false, text: '컨테이너마다 자기 커널을 부팅한다.' }] }]);
    expect(askKo('컨테이너마다 자기 커널 부팅함 아님 공유함?')).not.toMatch(/^아니요\./);
    expect(askKo('컨테이너마다 자기 커널 부팅하는거 아님?')).toMatch(/^아니요\./);
    // An "or" inside a condition offers no choice.
    expect(ask('if i run two or three, does each container boot its own kernel?')).toMatch(/^No\./);
  });

  it('matches a claim whose verbs the question says in other endings: 뻗거나 죽으면 … 죽는다 for 뻗으면 … 죽음?', () => {
    const c = {
      ...chunk('i', 'ko', 'VM 격리', 'VM은 서로 격리되어 있다.', 'VM은 각자 자원을 따로 할당받는다.'),
      claims: [{ truth: false, text: '같은 서버에서 VM 하나가 뻗거나 죽으면 다른 VM도 같이 죽는다.' }],
    };
    expect(yesNoAnswer('vm 하나 뻗으면 같은 서버에 있는 다른 vm도 같이 죽음??', 'ko', [c])).toMatch(/^아니요\./);
    // The verbs alone are not the claim: a question about something else that dies gets no verdict from it.
    expect(yesNoAnswer('컨테이너 죽으면 이미지도 같이 지워짐?', 'ko', [c])).not.toMatch(/^아니요\./);
  });

  it('does not take an option inside a longer one as named: --memory-reservation does not name --memory', () => {
    const c = {
      ...chunk('r', 'en', '--memory-reservation: a soft limit', 'It is soft.', '--memory-reservation is a soft limit.'),
      claims: [
        { truth: false, text: '--memory-reservation is a hard limit.', reason: 'It is a soft limit; the hard cap is --memory.' },
        {
          truth: false,
          text: '--memory-reservation may be set larger than --memory.',
          reason: 'Docker rejects a reservation above the hard limit.',
        },
      ],
    };
    const ask = (q: string) => yesNoAnswer(q, 'en', [c]);
    // The second claim names --memory, which these questions do not: it cannot be the reason given.
    expect(ask('i set --memory-reservation 500m, is that guaranteed?')).toMatch(/^No\. It is a soft limit/);
    expect(ask('--memory-reservation 500m 주면 무조건 보장되는거지?')).toMatch(/^No\. It is a soft limit/);
    expect(ask('can --memory-reservation be set larger than --memory?')).toMatch(/^No\. Docker rejects/);
  });

  it("gives the student's own value as a verdict's reason when the checked claim's reason works another value", () => {
    const c = {
      ...chunk('c', 'en', '--cpus is CPU time, not cores', '--cpus sets a quota.', '--cpus=N gives N cores of time on any cores.'),
      claims: [
        {
          truth: false,
          text: '--cpus 2 reserves two dedicated cores for a container.',
          reason: '--cpus 2 gives 200 ms of CPU time per 100 ms on any cores; pinning cores is --cpuset-cpus.',
        },
      ],
    };
    const ask = (q: string) => yesNoAnswer(q, 'en', [c]);
    expect(ask('--cpus 1 reserves one dedicated core for my container, right?')).toMatch(
      /^No\. --cpus 1 allows 100 ms of CPU time in every 100 ms period[^]*on any cores[^]*\. Pinning cores is --cpuset-cpus\./,
    );
    // The student's own value is the claim's: its reason stands.
    expect(ask('--cpus 2 reserves two dedicated cores for my container, right?')).toMatch(/^No\. --cpus 2 gives 200 ms/);
  });

  it("works the student's own value when the lead names only a longer number starting with it (1 is not said by 1.5)", () => {
    const c = chunk('c', 'en', '--cpus: a CFS quota', '--cpus sets a quota.', '--cpus=1.5 gives one and a half cores of CPU time.');
    const answer = extractiveAnswer(result('what does --cpus 1 do', 'en', [c]), 600).answer;
    expect(answer).toMatch(/^--cpus 1 allows 100 ms of CPU time/);
  });

  it('explains the option first when the student doubts it took effect, then reads what they saw', () => {
    const c = chunk(
      's',
      'en',
      '--cpu-shares: a relative weight',
      'docker stats shows CPU % per core.',
      '--cpu-shares is a relative weight that matters only when containers compete for CPU.',
    );
    const ask = (q: string) => extractiveAnswer(result(q, 'en', [c]), 600).answer;
    expect(ask('gave it --cpu-shares 256 but stats shows 180% cpu, did the option not work?')).toMatch(
      /^--cpu-shares is a relative weight[^]*A CPU % of 180% is not a fault/,
    );
    // Asked only what the reading means, the reading leads.
    expect(ask('gave it --cpu-shares 256 and stats shows 180% cpu, what does 180% mean')).toMatch(/^A CPU % of 180%/);
  });

  it('answers no to one of two options a false claim lists together ("--memory and --cpus alone …")', () => {
    const c = {
      ...chunk('fb', 'en', 'Stopping a fork bomb', '--pids-limit stops a fork bomb.', '--pids-limit stops a fork bomb.'),
      claims: [
        {
          truth: false,
          text: '`--memory` and `--cpus` alone reliably stop a fork bomb in a container.',
          reason: 'Only --pids-limit caps the number of tasks.',
        },
      ],
    };
    expect(yesNoAnswer('will --memory alone stop a fork bomb in a container', 'en', [c])).toMatch(/^No\. Only --pids-limit/);
    // A true claim listing two options says nothing of one alone.
    const t = { ...c, claims: [{ truth: true, text: '`--memory` and `--pids-limit` together stop a fork bomb in a container.' }] };
    expect(yesNoAnswer('will --memory alone stop a fork bomb in a container', 'en', [t])).not.toMatch(/^Yes/);
  });

  it('says no bare yes from a true claim that leaves out an option the question names', () => {
    const c = {
      ...chunk(
        'fb2',
        'en',
        'A fork bomb and the host',
        '--pids-limit stops a fork bomb at the cap.',
        '--pids-limit stops a fork bomb at the cap.',
      ),
      claims: [{ truth: true, text: 'A fork bomb in a container can take down the host too.' }],
    };
    expect(yesNoAnswer('--pids-limit 50 and someone runs a fork bomb inside. does the host go down?', 'en', [c])).not.toMatch(/^Yes/);
    expect(yesNoAnswer('can a fork bomb in a container take down the host too?', 'en', [c])).toMatch(/^Yes/);
  });

  it('leads with a reading at the cap of the doubted option itself, though the key point names that number as its example', () => {
    const c = chunk(
      'cap',
      'en',
      'docker stats columns: CPU %',
      'docker stats counts one busy core as 100%, so a container on several cores shows 200% and more. It divides the CPU time used by the time that passed.',
      'docker stats counts one busy core as 100%, so a container on several cores shows 200% and more.',
    );
    const cpus = chunk('cpus', 'en', '--cpus: a CPU ceiling', '--cpus 1.5 allows 150 ms of CPU time per 100 ms period.');
    const ask = (q: string) => extractiveAnswer(result(q, 'en', [c, cpus]), 600).answer;
    expect(ask('gave it --cpus 2 and stats cpu sits near 200%, did the limit not work?')).toMatch(
      /^A CPU % that stays near 200% means --cpus 2 is working/,
    );
  });

  it('checks a guess after a question word as yes or no ("what is it? its own kernel?")', () => {
    const c = {
      ...chunk('k', 'en', 'Containers share the host kernel', 'A container is a host process.', 'Containers share the host kernel.'),
      claims: [{ truth: false, text: 'Each container boots its own kernel.' }],
    };
    const q = 'what does a container boot? each its own kernel?';
    const asked = { ...result(q, 'en', [c]), intent: 'definition' as const };
    expect(extractiveAnswer({ ...asked, guessTerms: tokenize('each its own kernel?') }, 600).answer).toMatch(/^No\. Containers share/);
    expect(extractiveAnswer(asked, 600).answer).not.toMatch(/^(?:Yes|No)\./);
  });

  it('turns the verdict round when only the question or only the claim says "without" ("w/o", 없이, 안 하고)', () => {
    const c = {
      ...chunk('u', 'en', 'docker update', 'docker update changes limits.', 'docker update changes a running container limit in place.'),
      claims: [{ truth: false, text: 'To raise a running container memory limit you must remove it and run it again.' }],
    };
    const ask = (q: string) => yesNoAnswer(q, 'en', [c]);
    expect(ask('to raise a running container memory limit must i remove it and run it again?')).toMatch(/^No\./);
    expect(ask('can i raise a running container memory limit w/o removing it and running it again?')).toMatch(/^Yes\./);
    const ko = {
      ...chunk('k', 'ko', 'docker update', 'docker update는 제한을 바꾼다.', 'docker update가 실행 중인 컨테이너의 제한을 바로 바꾼다.'),
      claims: [{ truth: true, text: '실행 중인 컨테이너의 메모리 제한은 재시작 없이 바꿀 수 있다.' }],
    };
    const askKo = (q: string) => yesNoAnswer(q, 'ko', [ko]);
    expect(askKo('실행 중인 컨테이너 메모리 제한 재시작 없이 바꿀 수 있음?')).toMatch(/^네\./);
    expect(askKo('실행 중인 컨테이너 메모리 제한 바꿀 수 있음? 재시작 안하고')).toMatch(/^네\./);
    // The claim's "without" turns round only a question asking whether the thing is needed.
    expect(askKo('실행 중인 컨테이너 메모리 제한 바꾸려면 재시작해야됨?')).toMatch(/^아니요\./);
    const from = {
      ...chunk('f', 'ko', 'FROM', 'FROM이 먼저다.', 'Dockerfile은 FROM으로 시작한다.'),
      claims: [{ truth: false, text: 'Dockerfile은 FROM 없이 RUN이나 COPY로 시작해도 된다.' }],
    };
    expect(yesNoAnswer('도커파일에 FROM RUN COPY 순서 아무렇게나 써도 됨?', 'ko', [from])).toMatch(/^아니요\./);
    expect(yesNoAnswer('Dockerfile은 FROM이 꼭 있어야 됨? RUN이나 COPY로 시작하면 안됨?', 'ko', [from])).toMatch(/^네\./);
  });

  it('answers no claim that names another one of a kind (type 2 for "type 1?", v1 for "v2?"), counts aside', () => {
    const types = {
      ...chunk('t', 'en', 'Hypervisor types', 'Type 1 runs on the hardware.', 'Type 1 runs on bare metal; type 2 on a host OS.'),
      claims: [{ truth: false, text: 'A type 2 hypervisor runs on bare metal.' }],
    };
    expect(yesNoAnswer('bare metal hypervisor = type 2 right?', 'en', [types])).toMatch(/^No\./);
    expect(yesNoAnswer('bare metal hypervisor = type 1 right?', 'en', [types])).not.toMatch(/^No\./);
    const disk = {
      ...chunk('d', 'ko', '레이어 공유', '레이어는 공유된다.', '같은 이미지의 컨테이너들은 레이어를 공유한다.'),
      claims: [{ truth: false, text: '같은 이미지로 만든 컨테이너 10개는 이미지 디스크 용량을 10배로 쓴다.' }],
    };
    // "컨테이너 5개" counts containers: another count is no other kind.
    expect(yesNoAnswer('같은 이미지로 컨테이너 5개 만들면 디스크 용량 5배로 씀?', 'ko', [disk])).toMatch(/^아니요\./);
  });

  it('says no "Yes" for a claim whose figure the question does not state ("the default is 1024" for "does it cap idle CPU?")', () => {
    const shares = {
      ...chunk('s', 'ko', '-c / --cpu-shares', '--cpu-shares는 가중치다.', '--cpu-shares는 경쟁할 때의 상대 가중치다.'),
      claims: [{ truth: true, text: '--cpu-shares의 기본값은 1024다.' }],
    };
    const ask = (q: string) => yesNoAnswer(q, 'ko', [shares]);
    expect(ask('--cpu-shares 걸어두면 cpu 널널할때도 그만큼만 씀?')).not.toMatch(/^네\./);
    expect(ask('--cpu-shares 기본값 1024 맞음?')).toMatch(/^네\./);
  });

  it('says no bare yes or no to a choice offered before another question ("200 MB or 200 MiB? does it even matter")', () => {
    const units = {
      ...chunk('u', 'en', 'Memory units', 'm means MiB.', 'Docker reads the suffixes as binary units.'),
      claims: [{ truth: true, text: 'Docker reads the m suffix of --memory as MiB.' }],
    };
    expect(yesNoAnswer('--memory 200m = 200 MB or 200 MiB? does it even matter', 'en', [units])).not.toMatch(/^(?:Yes|No)\./);
    expect(yesNoAnswer('does docker read the m suffix of --memory as MiB?', 'en', [units])).toMatch(/^Yes\./);
  });

  it('reads "X임 Y임?" and "타입 몇" as offering a choice: the true side leads, with no bare yes or no', () => {
    const types = {
      ...chunk(
        't',
        'ko',
        '하이퍼바이저 종류',
        '타입 1은 하드웨어 위에, 타입 2는 호스트 OS 위에 설치된다.',
        '타입 1은 하드웨어 위에 바로 설치된다.',
      ),
      claims: [
        {
          truth: false,
          text: 'VirtualBox는 타입 1 하이퍼바이저다.',
          reason: 'VirtualBox는 타입 2로, 호스트 OS 위에서 앱으로 돈다.',
        },
      ],
    };
    const ask = (q: string) => extractiveAnswer(result(q, 'ko', [types]), 600).answer;
    expect(ask('버츄얼박스는 타입 몇 하이퍼바이저임?')).toMatch(/^VirtualBox는 타입 2로/);
    expect(ask('virtualbox 하이퍼바이저 타입 1임 2임?')).toMatch(/^VirtualBox는 타입 2로/);
    // A question word is not one of two things offered: "뭐임 버그임" asks what it is.
    expect(ask('virtualbox 이거 뭐임 버그임')).not.toMatch(/^VirtualBox는 타입 2로/);
  });

  it('answers with a claim about some Dockerfile instructions only when it names every instruction the question names', () => {
    const cmd = {
      ...chunk('c', 'ko', 'CMD', 'CMD는 기본 명령이다.', 'CMD는 컨테이너가 시작할 때 실행할 기본 명령이다.'),
      claims: [{ truth: false, text: 'Dockerfile의 CMD 줄은 모두 차례로 실행된다.' }],
    };
    expect(yesNoAnswer('Dockerfile에서 RUN이랑 CMD 둘다 명령어 실행하는거 아님?', 'ko', [cmd])).not.toMatch(/^(?:네|아니요)\./);
    expect(yesNoAnswer('Dockerfile의 CMD 줄은 모두 차례로 실행됨?', 'ko', [cmd])).toMatch(/^아니요\./);
    const layers = {
      ...chunk('l', 'en', 'Layers', 'Only RUN, COPY and ADD make layers.', 'Only RUN, COPY and ADD create filesystem layers.'),
      claims: [{ truth: false, text: 'Every line of a Dockerfile creates a layer.' }],
    };
    expect(yesNoAnswer('does every line of a dockerfile create a layer? like ENV and EXPOSE too?', 'en', [layers])).toMatch(/^No\./);
  });

  it('does not turn round a claim that negates itself, and turns round one that fails where the question works', () => {
    const hv = {
      ...chunk('h', 'en', 'Hypervisor', 'The hypervisor runs VMs.', 'The hypervisor keeps running under every VM.'),
      claims: [{ truth: false, text: 'A hypervisor starts VMs and then has nothing to do.' }],
    };
    // "without" in the question only: the claim's own "nothing" is no plain statement to turn round.
    expect(yesNoAnswer('does a hypervisor start VMs and then do nothing, without any work?', 'en', [hv])).toMatch(/^No\./);
    const min = {
      ...chunk('m', 'en', 'Minimum --memory', '--memory has a floor.', 'The minimum --memory is 6m.'),
      claims: [{ truth: true, text: 'A --memory value as small as 4m fails with an error and no container starts.' }],
    };
    const ask = (q: string) => yesNoAnswer(q, 'en', [min]);
    expect(ask('a --memory value as small as 4m is fine and the container starts, right?')).toMatch(/^No\./);
    expect(ask('a --memory value as small as 4m fails with an error and no container starts?')).toMatch(/^Yes\./);
  });

  it("adds no other section's sentence after a verdict, except for a later part of the question", () => {
    const kernel = {
      ...chunk('k', 'en', 'Containers share the host kernel', 'A container is a host process.', 'Containers share the host kernel.'),
      claims: [{ truth: false, text: 'Each container boots its own kernel.' }],
    };
    const size = {
      ...chunk('s', 'en', 'Image size', 'A container image leaves out the kernel, so it is small: an Alpine image is a few megabytes.'),
      section: 1,
    };
    const ask = (q: string, other: typeof size) =>
      extractiveAnswer(
        {
          ...result(q, 'en', [kernel, other]),
          intent: 'yesno',
          hits: [
            { chunk: kernel, score: 0.9 },
            { chunk: other, score: 0.88 },
          ],
        },
        600,
      ).answer;
    expect(ask('does each container boot its own kernel?', size)).toBe('No. Containers share the host kernel. [1]');
    // Nor when it does ("small"): after a verdict the claim's reason is the answer.
    expect(ask('does each container boot its own kernel? is that why images are small?', size)).toMatch(/megabytes/);
    expect(ask('does each small container boot its own kernel?', size)).toBe('No. Containers share the host kernel. [1]');
  });

  it("adds another section's sentence to any answer only when it brings a word of the question the answer lacks", () => {
    const units = chunk('u', 'en', 'Memory units', '200m means 200 MiB, not 200 MB.', '--memory takes binary units: 200m is 200 MiB.');
    const hard = { ...chunk('h', 'en', '--memory', 'Without --memory a container has no memory limit at all.'), section: 1 };
    const swap = { ...chunk('w', 'en', 'Swap', 'The memory units of --memory-swap are the same binary units.'), section: 2 };
    const ask = (q: string, other: Chunk) =>
      extractiveAnswer(
        {
          ...result(q, 'en', [units, other]),
          hits: [
            { chunk: units, score: 0.9 },
            { chunk: other, score: 0.88 },
          ],
        },
        600,
      ).answer;
    expect(ask('is --memory 200m megabytes or mebibytes', hard)).not.toMatch(/no memory limit/);
    expect(ask('is --memory 200m megabytes or mebibytes, and for swap too', swap)).toMatch(/--memory-swap/);
  });

  it('says no "Yes" to a question adding a VM/Docker thing or a number the true claim does not affirm, which still stands against "No"', () => {
    const c = {
      ...chunk('c', 'en', '--cpus', '--cpus is a CFS quota.', '--cpus caps CPU time.'),
      claims: [
        { truth: true, text: '--cpus=1.5 gives a container one and a half cores worth of CPU time.' },
        { truth: false, text: '--cpus=1.5 gives a container less than one core of CPU time.' },
      ],
    };
    const ask = (q: string) => yesNoAnswer(q, 'en', [c]);
    expect(ask('--cpus=1.5 gives my container one and a half cores of CPU time, right?')).toMatch(/^Yes\./);
    expect(ask('--cpus=1.5 gives my container one and a half cores of CPU time, pinned to cores, right?')).not.toMatch(/^(?:Yes|No)\./);
    expect(ask('--cpus=2.5 gives my container two and a half cores of CPU time, right?')).not.toMatch(/^(?:Yes|No)\./);
  });

  it('says "No" only to a claim whose precise figures the question states; an example count stands for any', () => {
    const units = {
      ...chunk('m', 'en', 'Memory units', '200m is 200 MiB.', '--memory takes binary units.'),
      claims: [{ truth: false, text: '--memory 200m means 200,000,000 bytes of memory.' }],
    };
    const ask = (q: string) => yesNoAnswer(q, 'en', [units]);
    expect(ask('--memory 200m means 200,000,000 bytes of memory right?')).toMatch(/^No\./);
    expect(ask('--memory 200m means 200 megabytes of memory right?')).not.toMatch(/^(?:Yes|No)\./);
    const cores = {
      ...chunk('c', 'en', '--cpus', '--cpus is time.', '--cpus is a quota of CPU time.'),
      claims: [{ truth: false, text: '--cpus 2 reserves two dedicated cores for a container.' }],
    };
    expect(yesNoAnswer('--cpus 1.5 reserves dedicated cores for my container right?', 'en', [cores])).toMatch(/^No\./);
  });

  it('does not answer a question about one docker command with a claim about another', () => {
    const c = {
      ...chunk('x', 'en', 'docker exec', 'docker exec opens a shell.', 'docker exec runs a command in a running container.'),
      claims: [{ truth: true, text: 'docker exec -it opens a shell in a running container from your terminal.' }],
    };
    const ask = (q: string) => yesNoAnswer(q, 'en', [c]);
    expect(ask('does docker run open a shell in a running container from my terminal?')).not.toMatch(/^(?:Yes|No)\./);
    expect(ask('does docker exec -it open a shell in a running container from my terminal?')).toMatch(/^Yes\./);
  });

  it('does not answer with a claim about an option the question never names, in any spelling', () => {
    const c = {
      ...chunk('s', 'en', 'Swap', 'Swap settings.', '--memory-swap is memory plus swap.'),
      claims: [{ truth: true, text: 'Setting --memory-swap equal to --memory leaves the container no swap.' }],
    };
    const ask = (q: string) => yesNoAnswer(q, 'en', [c]);
    expect(ask('if i set --memory but not swap, does the container get no swap?')).not.toMatch(/^(?:Yes|No)\./);
    expect(ask('if i set memory swap equal to --memory, does the container get no swap?')).toMatch(/^Yes\./);
    // A one-word option is named by its concept only when the question names no option itself.
    const cpus = {
      ...chunk('c', 'en', 'CPU', 'CPU limits.', '--cpus is a CPU-time quota.'),
      claims: [{ truth: true, text: '--cpus=0.5 gives the container half of one CPU core.' }],
    };
    expect(yesNoAnswer('--cpu-shares 512 gives the container half of one cpu core, right?', 'en', [cpus])).not.toMatch(/^(?:Yes|No)\./);
    expect(yesNoAnswer('so 0.5 cpu gives the container half of one cpu core, right?', 'en', [cpus])).toMatch(/^Yes\./);
  });

  it('takes an opposite claim close behind the best when the words only it has are what the question asks', () => {
    const c = {
      ...chunk('u', 'en', 'docker update', 'docker update changes limits.', 'docker update changes a running container limit in place.'),
      claims: [
        { truth: true, text: 'A running container memory limit can be bumped.' },
        { truth: false, text: 'To bump a memory limit you must remove the container and run a new one.' },
      ],
    };
    const ask = (q: string) => yesNoAnswer(q, 'en', [c]);
    // The first claim has more of its words in the question, but "remove … run … again" is only in the second.
    expect(ask('to bump a running container memory limit do i have to remove it and run it again?')).toMatch(/^No\./);
    expect(ask('can a running container memory limit be bumped?')).toMatch(/^Yes\./);
  });

  it("follows the verdict with the claim's reason when the check list gives one, else the key point", () => {
    const c: Chunk = {
      ...chunk(
        't',
        'en',
        'Registry, repository and tag',
        'A registry stores images; a tag names one version.',
        'A tag is a movable label.',
      ),
      claims: [{ truth: false, text: 'The latest tag always points to the newest version.', reason: 'latest is only the default tag.' }],
    };
    const ask = (chunks: Chunk[]) =>
      extractiveAnswer({ ...result('latest tag = newest version always, right?', 'en', chunks), intent: 'yesno' }, 600).answer;
    expect(ask([c])).toMatch(/^No\. latest is only the default tag\. \[1\]/);
    // The claim counts as said: a sentence restating the misconception does not follow the verdict.
    const restates: Chunk = { ...c, text: `${c.text} A common misconception is that the latest tag always points to the newest version.` };
    expect(ask([restates])).not.toMatch(/misconception/);
    const withoutReason = { ...c, claims: [{ truth: false, text: 'The latest tag always points to the newest version.' }] };
    expect(ask([withoutReason])).toMatch(/^No\. A tag is a movable label\. \[1\]/);
  });

  it("takes another section's sentence for a question of several parts only where it answers a later part", () => {
    const hyper = chunk(
      'h',
      'en',
      'What a hypervisor does',
      'A hypervisor creates VMs and runs their guest OSes.',
      'A hypervisor runs VMs.',
    );
    const nic = {
      ...chunk('n', 'en', 'Virtual NICs', 'Each VM gets a virtual network card that the hypervisor bridges to the physical NIC.'),
      section: 1,
    };
    const ask = (q: string, clauses: string[]) =>
      extractiveAnswer(
        {
          ...result(q, 'en', [hyper, nic]),
          hits: [
            { chunk: hyper, score: 0.9 },
            { chunk: nic, score: 0.7 },
          ],
          parts: clauses.map((c) => tokenize(c)),
        },
        600,
      ).answer;
    expect(ask('what does a hypervisor do? does it only start vms?', ['what does a hypervisor do', 'does it only start vms'])).not.toMatch(
      /network card/,
    );
    expect(ask('what does a hypervisor do? and the network card?', ['what does a hypervisor do', 'and the network card'])).toMatch(
      /network card/,
    );
  });

  it("cites each asking clause's own best section, listing it as a source when the hits lacked it", () => {
    const shares = chunk('s', 'en', '--cpu-shares', 'Shares are a weight.', '--cpu-shares is a relative weight under contention.');
    const cpus = { ...chunk('c', 'en', '--cpus', 'A CFS quota.', '--cpus caps CPU time at N cores worth per period.'), section: 1 };
    const clauses = ['--cpus does what exactly', 'why bother with --cpu-shares instead'];
    const ask = (partBests: SearchResult['partBests']) =>
      extractiveAnswer({ ...result(clauses.join(', '), 'en', [shares]), parts: clauses.map((c) => tokenize(c)), partBests }, 600);
    const cited = ask([
      { chunk: cpus, score: 0.5 },
      { chunk: shares, score: 0.9 },
    ]);
    expect(cited.answer).toMatch(/^--cpu-shares is a relative weight under contention\. \[1\] --cpus caps CPU time .* \[2\]$/);
    expect(cited.sources.map((h) => h.heading)).toEqual(['--cpu-shares', '--cpus']);
    // A clause whose best section is already cited adds nothing, and no source is listed that the answer does not use.
    const none = ask([
      { chunk: shares, score: 0.9 },
      { chunk: shares, score: 0.9 },
    ]);
    expect(none.answer).not.toMatch(/CFS|caps/);
    expect(none.sources.map((h) => h.heading)).toEqual(['--cpu-shares']);
  });

  it('puts a table row on a line of its own, after the prose', () => {
    const text =
      'Isolation — Virtual machine: strong (hardware boundary) / Container: weaker (namespaces and cgroups)\nA VM boots its own guest OS kernel, which takes tens of seconds.';
    const c = chunk('t', 'en', 'VM vs container', text, 'A VM has its own kernel; containers share one.');
    const a = extractiveAnswer(result('vm vs container isolation kernel', 'en', [c]), 600).answer;
    expect(a).toMatch(
      /\[1\]\n• Isolation — Virtual machine: strong \(hardware boundary\) \/ Container: weaker \(namespaces and cgroups\) \[1\]$/,
    );
  });

  it("adds a comparison's table row from another section only when it brings a word of the question, or a table was asked for", () => {
    const kernel = chunk(
      'k',
      'en',
      'VM vs container: kernel',
      'A VM boots a guest kernel.',
      'A VM has its own kernel; containers share one.',
    );
    const rows = {
      ...chunk(
        'r',
        'en',
        'VM vs container at a glance',
        'Portability — Virtual machine: tied to hypervisor formats / Container: anywhere\nBoot time — Virtual machine: minutes / Container: a second',
      ),
      section: 1,
    };
    const ask = (q: string) => extractiveAnswer({ ...withSecondAt(result(q, 'en', [kernel, rows]), 0.88), intent: 'compare' }, 600).answer;
    expect(ask('vm vs container kernel, which one shares it')).not.toMatch(/Portability|Boot time/);
    expect(ask('vm vs container kernel and boot time')).toMatch(/Boot time — /);
    expect(ask('vm vs container kernel, as a table')).toMatch(/Portability — /);
  });

  it('never uses a sentence about the notes themselves ("explained in its own section", "문서에서 다룬다")', () => {
    const en = chunk(
      'a',
      'en',
      'VM vs container',
      'A VM boots a guest OS kernel. The container table is explained in its own comparison section.',
    );
    const ko = chunk('b', 'ko', 'VM과 컨테이너', 'VM은 게스트 OS 커널을 부팅한다. 자세한 비교는 "VM과 컨테이너 비교" 문서에서 다룬다.');
    expect(extractiveAnswer(result('vm container kernel comparison table', 'en', [en]), 600).answer).not.toMatch(/explained in/);
    expect(extractiveAnswer(result('vm 컨테이너 커널 비교', 'ko', [ko]), 600).answer).not.toMatch(/다룬다/);
    expect(extractiveAnswer(result('vm 컨테이너 커널 비교', 'ko', [ko]), 600).answer).toMatch(/게스트 OS 커널/);
  });

  it('says "No" for a correction only through its check list, when the question states the claim', () => {
    const correction = {
      ...chunk('c', 'en', 'Layers and image size: deleting does not shrink earlier layers', 'Deleting a file later adds a whiteout.'),
      keyPoint: 'No — deleting a file in a later layer does not shrink an image.',
      claims: [{ truth: false, text: 'Deleting a file in a later layer shrinks the image.' }],
    };
    const asked = (q: string) => yesNoAnswer(q, 'en', [correction]);
    expect(asked('does the image ship with the libs?')).toMatch(/^Deleting a file/);
    expect(asked('does deleting a file in a later layer shrink the image?')).toMatch(/^No\. Deleting a file in a later layer does not/);
  });
});

describe('corrections nobody asked for', () => {
  /** A section and its correction subsection (key points given), found in that order: the correction first. */
  const corrected = (lang: Lang, parent: [string, string, string], correction: [string, string, string]) => {
    const p = { ...chunk('p', lang, ...parent), headingPath: [parent[0]] };
    const c = { ...chunk('c', lang, ...correction), headingPath: [parent[0], correction[0]] };
    return (q: string) =>
      extractiveAnswer({ ...result(q, lang, [c, p]), hits: [c, p].map((x, i) => ({ chunk: x, score: 0.9 - i * 0.05 })) }, 600).answer;
  };

  it('leads with the corrected section, not the rebuttal, when the question does not state the claim', () => {
    const ask = corrected(
      'en',
      ['Default swap', 'With only --memory set, swap equals memory.', 'Swap defaults to the memory limit.'],
      ['Correction: swap is not twice memory', 'The doubled value is memory plus swap.', 'No — swap is not twice the memory.'],
    );
    expect(ask('what is the default swap')).toMatch(/^Swap defaults to the memory limit/);
    expect(ask('is swap twice memory?')).toMatch(/^Swap is not twice|^No — swap/);
  });

  it('does not take one heading word, with its concept and its Hangul bigrams, for the claim', () => {
    const ask = corrected(
      'ko',
      ['스왑 기본값', '메모리만 주면 스왑은 메모리와 같다.', '스왑 기본값은 메모리와 같은 양이다.'],
      ['바로잡기: 스왑메모리가 두 배가 된다', '두 배가 되는 것은 합계다.', '아니다 — 스왑 자체가 두 배가 되는 것은 아니다.'],
    );
    expect(ask('스왑메모리 아예 못 쓰게 막는 법')).toMatch(/^스왑 기본값은 메모리와 같은 양이다/);
  });
});

describe('how-to answers', () => {
  it('shows the command written in the prose (as inline code) that matches the question', () => {
    const text =
      'docker run -d --pids-limit 64 nginx는 프로세스 수를 64개로 제한한다. 바꾸려면 docker update --pids-limit 128 <컨테이너>.\n다음 줄.';
    const c = {
      ...chunk('p', 'ko', '--pids-limit: 프로세스 수 상한', text, '--pids-limit은 프로세스 수 상한이다.'),
      inlineCode: ['docker run -d --pids-limit 64 nginx', 'docker update --pids-limit 128 <컨테이너>', '--pids-limit'],
    };
    const r = { ...result('pids-limit 거는 법', 'ko', [c]), intent: 'howto' as const };
    expect(extractiveAnswer(r, 600).answer).toContain('```\ndocker run -d --pids-limit 64 nginx\n```');
    const update = { ...r, terms: [...r.terms, 'updat', 'update', '128'] };
    expect(extractiveAnswer(update, 600).answer).toContain('```\ndocker update --pids-limit 128 <컨테이너>\n```');
  });

  it('answers how to check a setting with a command that reads it, not one that sets it, and no figure first', () => {
    const text =
      'docker run -d --pids-limit 64 nginx caps tasks at 64. docker inspect --format PidsLimit web prints the limit it got.\nMore.';
    const c = {
      ...chunk('p', 'en', '--pids-limit: a task cap', text, '--pids-limit caps tasks; docker inspect shows the limit a container got.'),
      inlineCode: ['docker run -d --pids-limit 64 nginx', 'docker inspect --format PidsLimit web'],
    };
    const ask = (q: string) => extractiveAnswer({ ...result(q, 'en', [c]), intent: 'howto' }, 600).answer;
    const check = ask('set --pids-limit 50 on my box, how do i double check it got applied');
    expect(check).toContain('```\ndocker inspect --format PidsLimit web\n```');
    expect(check).not.toContain('docker run -d --pids-limit 50');
    expect(check).toMatch(/^--pids-limit caps tasks/);
    // Asked how to set it, the command that sets it.
    expect(ask('how do i set --pids-limit 50 on my box')).toMatch(/```\ndocker run -d --pids-limit 50 \S+\n```/);
  });

  it("leads with the key point's sentence that has the check or the figure asked for", () => {
    const key = 'cgroup v1 has a hierarchy per controller. The docker info command shows the Cgroup Version of a host.';
    const c = chunk('g', 'en', 'cgroup v1 vs v2', 'More text.', key);
    const ask = (q: string, intent: 'howto' | 'general') => extractiveAnswer({ ...result(q, 'en', [c]), intent }, 600).answer;
    expect(ask('how do i check if my host is cgroup v1 or v2', 'howto')).toMatch(/^The docker info command shows/);
    // Asked how to see or watch it (보는법, monitor), the same.
    expect(ask('내 호스트 cgroup 버전 보는법 있음?', 'howto')).toMatch(/^The docker info command shows/);
    expect(ask('how do i monitor which cgroup version the host runs', 'howto')).toMatch(/^The docker info command shows/);
    expect(ask('what is the cgroup v1 hierarchy like', 'general')).toMatch(/^cgroup v1 has/);
    const shares = chunk(
      's',
      'en',
      '--cpu-shares',
      'More.',
      '--cpu-shares sets a relative weight. A container at 1024 gets twice the CPU of 512 (2:1).',
    );
    const figure = extractiveAnswer({ ...result('1024 vs 512 shares, who gets how much', 'en', [shares]), intent: 'compare' }, 600);
    expect(figure.answer).toMatch(/^A container at 1024 gets twice/);
  });

  it("shows the command with the values the question asks for, not the notes' example values", () => {
    const c = {
      ...chunk('m', 'en', '--memory: a hard limit', 'Give --memory a size.', '--memory sets a hard limit.'),
      code: ['docker run -d --memory 300m nginx'],
    };
    const r = { ...result('how do i start redis capped at 512 MB memory', 'en', [c]), intent: 'howto' as const };
    expect(extractiveAnswer(r, 600).answer).toContain('```\ndocker run -d --memory 512m redis\n```');
  });

  it("adds no other section's command after a lead that shows its own, unless it carries more of the asked values", () => {
    const memory = {
      ...chunk('m', 'en', '--memory: a hard limit', 'More text.', '--memory sets a hard limit, e.g. docker run -d --memory 300m nginx.'),
      inlineCode: ['docker run -d --memory 300m nginx'],
    };
    const update = {
      ...chunk('u', 'en', 'docker update', 'Change limits of a running container.', 'docker update changes limits.'),
      section: 1,
      code: ['docker update --memory 512m --memory-swap 1g web'],
    };
    const both = {
      ...chunk('b', 'en', 'cgroup options', 'Limits are cgroup values.', 'Options set cgroup values.'),
      section: 2,
      code: ['docker run --memory 256m --cpus 0.5 nginx'],
    };
    const ask = (q: string, chunks: Chunk[]) =>
      extractiveAnswer(
        { ...result(q, 'en', chunks), hits: chunks.map((c, i) => ({ chunk: c, score: 0.9 - i * 0.01 })), intent: 'howto' },
        600,
      ).answer;
    expect(ask('how do i cap memory and memory-swap of a container', [memory, update])).not.toContain('```');
    expect(ask('how do i cap memory of a container at 512mb', [memory, update])).toContain('```\ndocker run -d --memory 512m nginx\n```');
    expect(ask('how do i cap memory at 512mb and cpu 1개', [memory, both])).toContain('```\ndocker run --memory 512m --cpus 1 nginx\n```');
  });

  it('takes commands in the prose from the passage inline code, so a sentence about a command is not one', () => {
    const text = 'docker stats shows every running container in a table. Run docker stats --no-stream for one reading.';
    const c = {
      ...chunk('s', 'en', 'docker stats', text, 'docker stats is top for containers.'),
      inlineCode: ['docker stats', 'docker stats --no-stream'],
    };
    const r = { ...result('how do i see stats of every running container', 'en', [c]), intent: 'howto' as const };
    const a = extractiveAnswer(r, 600).answer;
    expect(a).toContain('```\ndocker stats --no-stream\n```');
    expect(a).not.toContain('```\ndocker stats shows');
  });
});

describe('the command asked for', () => {
  it('comes from a lower-ranked section named for it when the best sections only explain', () => {
    const explains = chunk(
      'ko#1',
      'ko',
      '레이어와 이미지 크기',
      '이전 레이어에 넣은 파일은 다음 레이어에서 지워도 이미지 크기가 줄지 않는다.',
    );
    const other = chunk('ko#2', 'ko', '이미지와 컨테이너의 차이', '이미지는 읽기 전용 틀이다.');
    const third = chunk('ko#3', 'ko', '레이어 공유', '같은 레이어는 한 번만 저장된다.');
    const named = {
      ...chunk('ko#4', 'ko', 'docker history로 이미지 레이어 확인', '레이어마다 크기가 나온다.'),
      code: ['docker history 이미지'],
    };
    const hits = [explains, other, third, named].map((c, i) => ({ ...c, section: i })); // four sections
    const ask = (q: string) =>
      extractiveAnswer(
        { ...result(q, 'ko', hits), intent: 'howto', hits: hits.map((c, i) => ({ chunk: c, score: [0.9, 0.85, 0.8, 0.5][i] })) },
        600,
      ).answer;
    expect(ask('이미지 레이어별로 크기 보는 명령어 있음?')).toContain('```\ndocker history 이미지\n```');
    // Not asked for a command: the answer explains and shows none.
    expect(ask('이미지 레이어별로 크기 어떻게 줄임?')).not.toContain('```');
  });
});
