// Query analysis and the ranking model's behaviour classes: word boundaries, casual Korean, premises,
// intents, junk and word-sense traps (the shipped knowledge base where retrieval is involved).
import { beforeAll, describe, expect, it } from 'vitest';
import { extractiveAnswer, GREETING_REPLY, JUNK_REPLY, THANKS_REPLY } from '../../src/answer/extractive.js';
import { conceptsIn } from '../../src/knowledge/glossary.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { analyseQuery, classifyIntent, cleanQuestion, guessOf, requestedLines, splitPremise } from '../../src/knowledge/query.js';
import { queryUnits } from '../../src/knowledge/query-units.js';
import { headingAnswers } from '../../src/knowledge/profile.js';
import { comparedSides, excludedBy } from '../../src/knowledge/question-frame.js';
import { ABLATIONS, DEFAULT_RANKING, maxScore, sideOf } from '../../src/knowledge/ranking.js';
import { words } from '../../src/knowledge/tokenize.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await KnowledgeBase.load('knowledge');
});
const search = (q: string) => kb.search(q, { topK: 3, minScore: 0.35 });
const unitsOf = (q: string) => queryUnits(analyseQuery(q), kb.vocabulary, DEFAULT_RANKING).units;
const keysOf = (q: string) => unitsOf(q).map((u) => u.key);

describe('the daemon described', () => {
  it('reads the background process that does the work as the daemon, not a container run in the background', () => {
    expect(conceptsIn('뒤에서 받아서 일하는 그 백그라운드에서 도는놈 이름 뭐였지')).toContain('§daemon');
    expect(conceptsIn('whats the background process the cli talks to')).toContain('§daemon');
    expect(conceptsIn('백그라운드에서 도는 컨테이너 로그 보는 법')).not.toContain('§daemon');
  });
});

describe('changing a value already set', () => {
  it('reads raise, bump, change and 바꾸다 as adjusting, which finds docker update for a running container', () => {
    expect(conceptsIn('can i bump the memory limit')).toContain('§adjust');
    expect(conceptsIn('메모리 제한 바꾸려면')).toContain('§adjust');
    const top = search('can i bump the memory limit on a running container or do i have to kill it and recreate').hits[0];
    expect(top.chunk.heading).toMatch(/docker update/);
  });
});

describe('chat idioms', () => {
  it('weighs nothing for an idiom of how it is asked ("like day to day", "in practice", "irl")', () => {
    expect(keysOf('ok but what does the hypervisor actually DO, like day to day')).toEqual(['hypervisor']);
    expect(keysOf('what does --cpu-shares do in practice')).not.toContain('practic');
    // "day" outside the idiom is a word.
    expect(keysOf('my container died after a day')).toContain('day');
  });
});

describe('phrase concepts', () => {
  it('lets a phrase stand for its words: "fakes hardware" is emulation, its "fakes" no foreign word', () => {
    const units = unitsOf('the container engine fakes hardware for each container, right?');
    expect(units.map((u) => u.key)).toContain('§emulation');
    expect(units.filter((u) => u.foreign).map((u) => u.key)).toEqual([]);
    // A whole Linux inside each container is a guest OS; a full disk is not.
    expect(conceptsIn('컨테이너마다 리눅스 하나씩 통째로 깔려 있음?')).toContain('§guest-os');
    expect(conceptsIn('is each container a full linux install?')).toContain('§guest-os');
    expect(conceptsIn('the disk is full, linux says')).not.toContain('§guest-os');
    // A bare "fake" is no emulation and stays a word of its own.
    expect(unitsOf('is this docker image fake?').map((u) => u.key)).not.toContain('§emulation');
  });
});

describe('glossary on word boundaries', () => {
  it.each(['텔레그램 봇', '히스토그램', '프로그램 설치', '고정비 계산', '램프 켜기', '가상화폐'])(
    'finds no concept inside another word: %s',
    (text) => {
      expect(conceptsIn(text).filter((c) => ['§memory', '§cpuset', '§virtualization', '§vm'].includes(c))).toEqual([]);
    },
  );

  it('reads a Linux distribution in either spelling as one thing (우분투 = ubuntu)', () => {
    expect(conceptsIn('우분투 이미지')).toContain('§ubuntu');
    expect(conceptsIn('ubuntu image')).toContain('§ubuntu');
    expect(conceptsIn('알파인 5메가')).toContain('§alpine');
    expect(conceptsIn('ubuntu image')).not.toContain('§alpine');
  });

  it('reads an error and a minimum by any name, and not inside another word', () => {
    for (const text of ['-m 4m 줬더니 에러남', 'it errors out', '오류가 뜸']) expect(conceptsIn(text)).toContain('§error');
    for (const text of ['최솟값 있음?', 'whats the lowest it will take', '최소 몇임']) expect(conceptsIn(text)).toContain('§minimum');
    expect(conceptsIn('테러 뉴스')).not.toContain('§error');
  });

  it('reads a word as glossary forms plus particles or endings, compounds typed without spaces, and verb stems', () => {
    expect(conceptsIn('램이 부족해')).toContain('§memory');
    // A transliteration names the same thing: 바이오스 is the BIOS; VT-x is hardware virtualization.
    expect(conceptsIn('바이오스에서 켜라는데')).toContain('§bios');
    expect(conceptsIn('VT-x is disabled in the BIOS')).toEqual(expect.arrayContaining(['§vtx', '§bios']));
    // "No live refresh" asks for --no-stream, though "live" alone is what docker stats does.
    expect(conceptsIn('docker stats but no live refresh, only name + mem')).toEqual(expect.arrayContaining(['§snapshot', '§format']));
    expect(conceptsIn('docker stats shows live usage')).not.toContain('§snapshot');
    // A clause ending after a verb form: an embedded question, a setting, the chat nominaliser.
    for (const word of ['나왔는지', '등장했는지', '나왔는데', '나왔음']) expect(conceptsIn(`컨테이너 왜 ${word}`)).toContain('§emerge');
    expect(conceptsIn('격리되는지 궁금')).toContain('§isolation');
    expect(conceptsIn('나왔는지뭔지')).not.toContain('§emerge');
    // A throttled service as students describe it.
    expect(conceptsIn('the app freezes in little bursts')).toContain('§throttle');
    // Chat abbreviations: ctr is a container, img an image.
    expect(conceptsIn('ctr 메모리 얼마 먹는지 어케봄')).toContain('§container');
    expect(conceptsIn('img 레이어 보는법')).toContain('§image');
    // Watching over guests is what a hypervisor's "monitors" means, not docker stats' monitoring.
    expect(conceptsIn('who boots and keeps an eye on the guest os')).toContain('§oversee');
    expect(conceptsIn('게스트 OS를 부팅·실행·감시하며')).toContain('§oversee');
    expect(conceptsIn('감시카메라 설치')).not.toContain('§oversee');
    expect(conceptsIn('docker ps랑 stats 뭔차이임')).toContain('§difference');
    expect(conceptsIn('why did ppl even invent containers')).toContain('§emerge');
    expect(conceptsIn('which flags lock a container down the most')).toContain('§harden');
    expect(conceptsIn('가상 기술 쓰는 이유')).toContain('§virtualization');
    expect(conceptsIn('환경변수 넘기는법')).toContain('§env');
    expect(conceptsIn('pass an env var')).toContain('§env');
    // The copula: "컨테이너 엔진은 하이퍼바이저다" names the hypervisor.
    expect(conceptsIn('하이퍼바이저다')).toContain('§hypervisor');
    expect(conceptsIn('커널이다')).toContain('§kernel');
    expect(conceptsIn('dockerd spawns containers')).toContain('§run');
    expect(conceptsIn('컨테이너메모리제한을')).toEqual(expect.arrayContaining(['§container', '§memory', '§limit']));
    expect(conceptsIn('가상 머신')).toContain('§vm');
    expect(conceptsIn('격리하는거임')).toContain('§isolation');
    expect(conceptsIn('죽었어')).toContain('§exit');
    expect(conceptsIn('안죽지')).toContain('§exit'); // 안/못 negate a verb
    // A chat intensifier typed onto a word: the word after it counts; words that merely begin so do not change.
    expect(conceptsIn('대신 개느려짐')).toContain('§speed');
    expect(conceptsIn('존나느림')).toContain('§speed');
    expect(conceptsIn('개발 서버')).not.toContain('§speed');
    expect(conceptsIn('개념 정리')).toEqual([]);
    // An option left out: 미지정, 안주면, unset; not 안주 (a snack) nor 생략 in the sense of skipping work.
    for (const text of ['스왑 따로 안주면', '--memory-swap 미지정 시', 'if i leave it unset']) expect(conceptsIn(text)).toContain('§unset');
    for (const text of ['안주 맛집', '뭘 생략하는거임']) expect(conceptsIn(text)).not.toContain('§unset');
    // A past stem (잡혔더라) is a verb form: how it is asked, not a foreign word.
    expect(unitsOf('스왑 따로 안주면 메모리의 몇배로 잡혔더라').find((u) => u.key === '잡혔')?.predicate).toBe(true);
    // What lists the CPUs: nproc, htop, lscpu, /proc/cpuinfo.
    for (const text of ['htop inside shows all 8 cores', 'nproc says 16', 'cat /proc/cpuinfo'])
      expect(conceptsIn(text)).toContain('§cpu-view');
    // Spare CPU as students say it.
    expect(conceptsIn('cpu 널널할때도')).toContain('§idle');
    expect(conceptsIn('안쪽')).toEqual([]);
    // A process ID is not the process-count limit.
    expect(conceptsIn('컨테이너 안의 PID 1')).toContain('§pid');
    expect(conceptsIn('컨테이너 안의 PID 1')).not.toContain('§pids');
    expect(conceptsIn('--pids-limit 64')).toContain('§pids');
  });
});

describe('query analysis', () => {
  it('removes Discord markup, emoji and laughter', () => {
    expect(cleanQuestion('<@123456789> 도커가 뭐야 ㅋㅋㅋ 🙏 <:pepe:42>')).toBe('도커가 뭐야');
  });

  it('tells junk and greetings from questions', () => {
    for (const q of ['a', '?', 'ㅋㅋㅋㅋ', '🙂🙂', '   ']) expect(analyseQuery(q).kind, q).toBe('junk');
    expect(analyseQuery('thanks').kind).toBe('thanks');
    for (const q of ['안녕하세요', 'hi!']) expect(analyseQuery(q).kind, q).toBe('greeting');
    expect(analyseQuery('vm?').kind).toBe('question');
  });

  it('keeps a closing tag with the clause it points back at: "…빠르다던데 왜임?" asks why, not yes or no', () => {
    const q = '교수님이 하이퍼바이저 type 1이 type 2보다 빠르다던데 왜임? 둘다 vm 띄우는건 똑같잖아';
    expect(splitPremise(q)).toEqual({
      premise: '둘다 vm 띄우는건 똑같잖아',
      focus: '교수님이 하이퍼바이저 type 1이 type 2보다 빠르다던데 왜임?',
    });
    expect(analyseQuery(q).intent).toBe('reason');
  });

  it('reads a clause offering the other alternative as part of the question, not a premise', () => {
    expect(splitPremise('--cpus 0.5 = half a core? or 50% of all cores')).toEqual({
      premise: '',
      focus: '--cpus 0.5 = half a core? or 50% of all cores',
      questions: ['--cpus 0.5 = half a core?', 'or 50% of all cores'],
    });
    expect(splitPremise('or so i heard. is --cpus a hard cap?').premise).toBe('or so i heard.');
  });

  it.each([
    ['vm 많아질때 자원 말고 또 귀찮은거 뭐 있었음? 관리쪽으로', '자원'],
    ['docker stop 치면 10초 멍때리다 exit 137로 꺼짐 메모리 문제는 아닌거같은데 왜이럼', '메모리'],
    ['ok besides eating ram, whats actually annoying about running a bunch of vms?', 'ram'],
    ["it's not a memory issue, why does it keep dying", 'memory'],
    // A clause made a noun is ruled out whole: 자원 많이 먹는거, not only 먹는거.
    ['vm 수십개 굴리면 자원 많이 먹는거 말고 또 하나 귀찮은게 있다고 했는데', '자원 많이 먹는거'],
    ['메모리 많이 쓰는 거 말고 또 뭐가 문제임', '메모리 많이 쓰는 거'],
    // A command or option ruled out is one whose variant or neighbour is asked for.
    ['docker ps 말고 꺼진 컨테이너까지 전부 보려면 뭐 쳐야됨', undefined],
    ['--memory 말고 --memory-reservation 이라는게 있던데 이건 뭐임', undefined],
    ['말고 뭐가 있음', undefined],
    // "A 말고 B도" adds B: nothing is ruled out.
    ['ps 찍어보니까 dockerd 말고 containerd 도 떠있던데 둘이 뭐가 다름?', undefined],
    ['dockerd 말고 containerd도 데몬임?', undefined],
    // Asked, not stated: "so it's not a memory problem?" rules nothing out.
    ['ExitCode 137 인데 OOMKilled는 false임 그럼 메모리 문제 아닌거? 뭐임', undefined],
  ])('reads what %s rules out', (q, excluded) => expect(excludedBy(q)).toBe(excluded));

  it('takes a heading that weighs one option against another ("X rather than Y", "X 대신 Y") as a comparison', () => {
    expect(headingAnswers('Why --pids-limit rather than --ulimit nproc', false).has('compare')).toBe(true);
    expect(headingAnswers('--ulimit nproc 대신 --pids-limit을 쓰는 이유', false).has('compare')).toBe(true);
    expect(headingAnswers('--pids-limit: capping processes', false).has('compare')).toBe(false);
    expect(search('ulimit nproc vs --pids-limit for fork bombs, which one').hits[0].chunk.heading).toMatch(/rather than/);
  });

  it('reads the two things a comparison weighs, and ranks a passage naming both first', () => {
    expect(comparedSides('--ulimit nproc vs --pids-limit, whats the diff')).toEqual(['--ulimit nproc', '--pids-limit, whats the diff']);
    expect(comparedSides('어쩔땐 137이랑 143 차이')).toEqual(['어쩔땐 137', '143 차이']);
    expect(comparedSides('what is a hypervisor')).toBeUndefined();
    expect(search('--ulimit nproc vs --pids-limit, both stop fork bombs so whats the diff').hits[0].chunk.heading).toMatch(/rather than/);
    expect(search('exit 137 vs exit 143 on my containers, whats the difference').hits[0].chunk.heading).toMatch(/143/);
    // VM vs container is what whole documents compare: the kernel still leads, not any passage naming both.
    expect(search('diffrence betwen vm and containr').hits[0].chunk.text).toMatch(/kernel/);
  });

  it('takes a side as the word typed on it, not a concept a phrase of it carries, and the answer names both sides', () => {
    const q = '--memory-reservation vs --memory, which one actually gets my container oom killed';
    expect(search(q).sides?.[0][0]).toBe('memory-reservation');
    const r = search('--ulimit nofile and --pids-limit both cap how many, whats the difference');
    expect(r.sides?.map(([word]) => word)).toEqual(['nofil', 'pids-limit']);
    // The best section compares --pids-limit with nproc; the side it leaves out gets the sentence that names it.
    expect(extractiveAnswer(r, 900).answer).toMatch(/--pids-limit[^]*--ulimit nofile=\S+ caps open file descriptors/);
  });

  it('ranks a passage about what the student ruled out below the others', () => {
    const heads = (q: string) => search(q).hits.map((h) => h.chunk.heading);
    const ruledOut = heads('vm 장점은 이미 알겠고 장점 말고 단점만 딱 정리해줘');
    expect(ruledOut[0]).not.toMatch(/장점/);
    // A section is about what its parent section is about: "137만으로 OOM이라고 단정할 수 없다" under "메모리 한도를 넘으면".
    const notMemory = heads('docker stop 치면 10초 멍때리다 exit 137로 꺼짐 메모리 문제는 아닌거같은데 왜이럼');
    expect(notMemory[0]).toMatch(/docker stop/);
  });

  it('ranks a VM-only heading below a container one for a question about containers, and the reverse', () => {
    const lead = (q: string) => search(q).hits[0].chunk.heading;
    expect(lead('is a 게스트 os needed for docker containers or nah')).toMatch(/container/i);
    expect(lead('is a 게스트 os needed for docker containers or nah')).not.toMatch(/^VM/);
    expect(sideOf(new Set(['§vm', '§guest-os']))).toBe('vm');
    expect(sideOf(new Set(['§docker']))).toBe('container');
    expect(sideOf(new Set(['§vm', '§container']))).toBeUndefined();
  });

  it('reads a quoted question someone else asked as the question, the story around it as premise', () => {
    const en = analyseQuery("interviewer asked 'is docker a vm?' and i froze lol whats the right answer");
    expect(en.focus).toBe('is docker a vm?');
    expect(en.intent).toBe('yesno');
    expect(analyseQuery("면접관이 '도커가 vm이냐'고 물어봤는데 뭐라고 답해야됨?").focus).toBe('도커가 vm이냐');
    // A quoted error line is no one's question.
    const pasted = "got 'Is the docker daemon running?' when i typed docker ps, how do i fix it";
    expect(analyseQuery(pasted).focus).not.toBe('Is the docker daemon running?');
  });

  it('reads a clause closed by a hearsay or connective ending as premise, whatever cue it carries ("…vs 512면 2배 먹는다며.")', () => {
    const q = 'cpu-shares 1024 vs 512면 1024가 2배 먹는다며. cpu 남아돌때도 512는 반밖에 못씀?';
    expect(splitPremise(q)).toEqual({
      premise: 'cpu-shares 1024 vs 512면 1024가 2배 먹는다며.',
      focus: 'cpu 남아돌때도 512는 반밖에 못씀?',
    });
    expect(analyseQuery(q).intent).toBe('yesno');
    // Spare CPU and "only half", as students type them, name the concepts.
    expect(conceptsIn('cpu 남아돌때도 512는 반밖에 못씀?')).toEqual(expect.arrayContaining(['§idle', '§half']));
    expect(conceptsIn('반드시 반영됨')).not.toContain('§half');
  });

  it('ends a question at a question word closed by 고 ("X가 뭐고 Y는 왜 …"): two questions', () => {
    expect(splitPremise('하이퍼바이저가 뭐고 vm은 왜 이렇게 무거움??').questions).toEqual([
      '하이퍼바이저가 뭐고',
      'vm은 왜 이렇게 무거움??',
    ]);
    // 고 after a verb joins two facts of one question.
    expect(splitPremise('컨테이너 띄우고 메모리 제한 거는 법?').questions).toBeUndefined();
  });

  it('reads "X and why/how …" as a second question, but not "and what not" or a question word inside a statement', () => {
    expect(splitPremise('what is a hypervisor and why do vms need one').questions).toEqual(['what is a hypervisor', 'why do vms need one']);
    expect(splitPremise('images, layers and what not, explain').questions).toBeUndefined();
  });

  it('reads saying one is new ("im new to this", "total beginner here", "처음인데") as who asks: no words of the topic', () => {
    expect(keysOf('dockerd -> containerd -> runc, who does what? im new to this')).not.toContain('new');
    expect(keysOf('explain in 3 lines why ppl went from vms to containers, total beginner here')).not.toContain('beginner');
    expect(keysOf('완전 처음인데 컨테이너 이미지가 뭔지 설명좀')).not.toContain('처음');
    // Not a request for an everyday picture either: that is "eli5", "쉽게", "비유로".
    expect(analyseQuery('im new to this, what is a cgroup').simple).toBeFalsy();
    expect(analyseQuery('cgroup eli5').simple).toBe(true);
    expect(analyseQuery('namespace가 뭔지 초보한테 설명하듯이 ㄱㄱ').simple).toBe(true);
    expect(search('namespace가 뭔지 초보한테 설명하듯이 ㄱㄱ').abstain).toBe(false);
    // What is ruled out weighs nothing, nor does the word that rules it out.
    expect(keysOf('쿠버 말고 그냥 docker에서 memory limit 걸면 누가 막아줌?')).not.toEqual(expect.arrayContaining(['쿠버']));
    expect(keysOf('쿠버 말고 그냥 docker에서 memory limit 걸면 누가 막아줌?')).not.toContain('말고');
  });

  it('declines a remark that asks nothing and names nothing the notes cover beyond Docker itself', () => {
    expect(search('아 도커 하다가 멘탈 나감 ㅋㅋ 오늘은 걍 잘래').abstain).toBe(true);
    // A symptom told without a question mark still asks about what it names.
    expect(search('코드 한줄 고쳤는데 빌드할때마다 npm install 처음부터 다시돔 ㅠㅠ 5분씩 걸림').abstain).toBe(false);
    expect(search('도커 하다가 OOMKilled 떠서 멘탈 나감').abstain).toBe(false);
  });

  it('reads candidates recalled after the question ("뭐였지 docker top이었나 docker inspect였나") as guesses of little weight', () => {
    const a = analyseQuery('컨테 자원 얼마 먹는지 보는 명령어 뭐였지 docker top이었나 docker inspect였나');
    expect(a.focus).toBe('컨테 자원 얼마 먹는지 보는 명령어 뭐였지');
    expect(a.guesses).toBe('docker top이었나 docker inspect였나');
    const weight = (key: string) =>
      unitsOf('컨테 자원 얼마 먹는지 보는 명령어 뭐였지 docker top이었나 docker inspect였나').find((u) => u.key === key)!.weight;
    expect(weight('docker-top')).toBeLessThan(weight('명령어') / 2);
    expect(search('컨테 자원 얼마 먹는지 보는 명령어 뭐였지 docker top이었나 docker inspect였나').hits[0].chunk.heading).toMatch(
      /docker stats/,
    );
    // A past copula is an ending, not a word.
    expect(keysOf('docker top이었나')).not.toContain('이었');
  });

  it('reads ", and can i …" as a second question: an auxiliary before its subject asks, after a conjunction too', () => {
    expect(splitPremise('whats the PIDS column in docker stats, and can i cap it').questions).toEqual([
      'whats the PIDS column in docker stats',
      'and can i cap it',
    ]);
    // A statement after the conjunction stays the premise.
    expect(splitPremise('i set --memory 200m, and it still used 1g. why?').questions).toBeUndefined();
  });

  it('reads asking whether an option or a way exists as a how-to, not a claim to confirm', () => {
    expect(classifyIntent('컨테이너 하나가 메모리 다 먹어서 다른 것도 죽음 컨테이너별로 메모리 상한 거는 옵션 있음??')).toBe('howto');
    expect(analyseQuery('컨테이너별로 메모리 상한 거는 옵션 있음??').asksYesNo).toBeFalsy();
    expect(classifyIntent('is there a flag to stop a fork bomb')).toBe('howto');
    expect(classifyIntent('any way to cap the memory of one container?')).toBe('howto');
    // Whether an option does something is still yes or no.
    expect(analyseQuery('--memory 옵션 있으면 스왑도 막힘?').asksYesNo).toBe(true);
    expect(classifyIntent('is there swap inside a container')).toBe('yesno');
  });

  it('reads "what does it mean that …" as asking the reason of a statement, and "X라는게 뭐임" as asking what X is', () => {
    expect(classifyIntent('vm 늘어날수록 버전관리 지옥된다는게 무슨말임')).toBe('reason');
    expect(classifyIntent('what does it mean that the host nic is used as an l2 switch')).toBe('reason');
    expect(classifyIntent('이미지 레이어라는게 뭐임?')).toBe('definition');
    // A whole statement quoted with 라는 asks what it means; a term quoted so is a definition.
    expect(classifyIntent('가상화 쓰는 이유가 os가 아니라 software 때문이라는게 뭔 소리임')).toBe('reason');
    expect(classifyIntent('레이어라는게 무슨 뜻임')).not.toBe('reason');
    expect(classifyIntent('what does oomkilled mean')).toBe('definition');
    // An option as the subject after an auxiliary ("will --memory alone …") asks yes or no.
    expect(classifyIntent('will --memory alone stop a fork bomb')).toBe('yesno');
    // ~잖아? asks for agreement ("isn't it?"); ~잖아 without the question mark states a premise.
    expect(classifyIntent('컨테이너도 커널 따로 있잖아?')).toBe('yesno');
    expect(classifyIntent('컨테이너는 커널 같이 쓰잖아 그럼 격리는 어떻게 됨')).not.toBe('yesno');
  });

  it('reads a symptom reported after the question as context, and one before it as what is asked about', () => {
    expect(splitPremise('docker stop 하면 왜 10초나 걸림? 그리고 멈춘거 보면 137 떠있음')).toMatchObject({
      focus: 'docker stop 하면 왜 10초나 걸림?',
      premise: '그리고 멈춘거 보면 137 떠있음',
    });
    expect(splitPremise('container exited 137 but OOMKilled says false. so what killed it?').focus).toContain('exited 137');
  });

  it('reads a closing question of no words of its own ("이게 뭐임?", "is he right or nah") as asking about all before it', () => {
    const ko = "virtualbox 켜니까 'VT-x is disabled' 라고 뜸.. 바이오스에서 켜라는데 이게 뭐임?";
    expect(splitPremise(ko)).toEqual({ premise: '', focus: ko });
    const en = 'my friend keeps saying docker is just a lightweight vm. is he right or nah';
    expect(splitPremise(en)).toEqual({ premise: '', focus: en });
    expect(classifyIntent(en)).toBe('yesno');
    // "true or nah" asks for agreement, with or without a question mark, and has no words of its own.
    const nah = 'my friend says docker is basically a lightweight vm. true or nah';
    expect(splitPremise(nah)).toEqual({ premise: '', focus: nah });
    expect(classifyIntent(`${nah}?`)).toBe('yesno');
    const accurate = 'blog says dockerd spawns containers all by itself. accurate?';
    expect(splitPremise(accurate)).toEqual({ premise: '', focus: accurate });
    // A tag before another question asks about the clause just before it; ~다며 sets up a premise.
    expect(splitPremise('블로그에 엔진이 시스템콜을 전달한다고 써있던데 ㄹㅇ임? 그럼 느려야 되는거 아님').focus).toBe(
      '블로그에 엔진이 시스템콜을 전달한다고 써있던데 느려야 되는거 아님',
    );
    expect(splitPremise('컨테끼리 커널 같이 쓴다며 그럼 격리는 안되는거 아님?').premise).toBe('컨테끼리 커널 같이 쓴다며');
    // A clause that asks with words of its own stays the question; the tag after it ("ㅇㅇ?") changes nothing.
    expect(splitPremise('블로그에 2배라던데 그럼 스왑만 400m 생기는거임? ㅇㅇ?').premise).toBe('블로그에 2배라던데');
  });

  it('does not read a noun with the particle 만 as the connective ~지만', () => {
    expect(splitPremise('이미지만 있으면 어디서든 돌아가는 이유가 뭐야?').premise).toBe('');
    expect(splitPremise('VM은 빠르지만 무겁다던데 컨테이너는 왜 가벼움?').focus).toBe('컨테이너는 왜 가벼움?');
  });

  it('drops chat idioms and tag words whose words would read as content', () => {
    expect(cleanQuestion('what problem were vms solving in the first place')).toBe('what problem were vms solving');
    expect(cleanQuestion('메모리 막는 옵션 이름 뭐임')).toBe('메모리 막는 옵션 뭐임');
    expect(cleanQuestion("what's the name of the flag that caps cpu")).toBe("what's the flag that caps cpu");
    expect(cleanQuestion('컨테이너 이름 붙이는 법')).toBe('컨테이너 이름 붙이는 법');
    // A request is no yes/no question about the bot: "can you explain …" asks for the explanation.
    expect(analyseQuery('can you explain what a hypervisor is?').intent).toBe('definition');
    expect(analyseQuery('could u tell me what cgroups are').asksYesNo).toBeFalsy();
    expect(analyseQuery('in class professor say VM is for other OS. can you explain simple what the hypervisor do?').intent).toBe(
      'definition',
    );
    expect(analyseQuery('can you cap memory per container?').asksYesNo).toBe(true);
    // cmd is chat for a command; CMD is the Dockerfile instruction.
    expect(cleanQuestion('exact cmd pls')).toBe('exact command pls');
    expect(cleanQuestion('CMD vs ENTRYPOINT')).toBe('CMD vs ENTRYPOINT');
    expect(keysOf('docker is just a lightweight vm right?')).not.toContain('right');
    // "…, true?" and "legit?" close like "right?": no topic word, still a yes/no question.
    expect(keysOf('containers start faster than vms cuz no os to boot, true?')).not.toContain('true');
    expect(analyseQuery('containers start faster than vms cuz no os to boot, true?').asksYesNo).toBe(true);
    expect(keysOf('is OOMKilled true after exit 137')).toContain('true');
  });

  it('reads a casual ㅁ-final close and an auxiliary inside a sentence as asking yes or no, a question word as not', () => {
    expect(analyseQuery('컨테이너 안에서 /etc 수정하면 이미지도 바뀜??').asksYesNo).toBe(true);
    expect(analyseQuery('if i run 5 containers from the same 1gb image does that eat 5gb of disk').asksYesNo).toBe(true);
    expect(analyseQuery('so if containers dont have their own OS... whose kernel are they running on').asksYesNo).toBeFalsy();
    // After a statement of what was seen, the clause closed by "?" is what is answered yes or no.
    expect(analyseQuery('ps aux 찍어보니까 containerd-shim-runc-v2 이런게 컨테이너 수만큼 떠있음.. 이거 뭐임? 죽여도 됨?').yesNoPart).toBe(
      '죽여도 됨?',
    );
    // A rumour passed on asks whether it holds: a hearsay close, or "legit" after it.
    expect(analyseQuery('선배가 cpu-shares 1024면 512보다 무조건 2배 빠르다던데').asksYesNo).toBe(true);
    expect(analyseQuery('my senior says docker on linux doesnt use a hypervisor at all. legit').asksYesNo).toBe(true);
    expect(analyseQuery('--memory 200m 걸었는데').asksYesNo).toBeFalsy();
    // 머 is casual 뭐 before a particle too ("머가 됨?"), not inside 머신.
    expect(analyseQuery('그럼 --cpus 0.5 처럼 소수 넣으면 머가 됨?').asksYesNo).toBeFalsy();
    expect(analyseQuery('가상 머신 하나 더 띄우면 느려짐?').asksYesNo).toBe(true);
    expect(analyseQuery('스왑은 얼마까지 씀?').asksYesNo).toBeFalsy();
    // A question word before an inverted auxiliary asks for content wherever it stands.
    const how = 'the container that got killed in the demo, how do i prove it was oom and not someone running docker kill';
    expect(analyseQuery(how).asksYesNo).toBeFalsy();
    expect(analyseQuery('the container that got killed in the demo, do i have to prove it was oom').asksYesNo).toBe(true);
    // After an arrow, and with a noun between the question word and the auxiliary.
    expect(analyseQuery('docker run --memory 300m --memory-swap 1g -> how much swap do i actually get').asksYesNo).toBeFalsy();
    expect(analyseQuery('so with 4 cores which flag do i use').asksYesNo).toBeFalsy();
    // Below pasted lines, the last line is the one checked.
    const pasted = analyseQuery(
      'got this:\npermission denied while trying to connect to the Docker daemon socket\nshould i just chmod 777 the socket',
    );
    expect(pasted.yesNoPart).toMatch(/^should i just chmod 777/);
  });

  it('reads "is that true?" as asking yes or no about what came before, and what a friend keeps saying as context', () => {
    const q = 'my friend keeps saying docker is basically a vm. is that true?';
    expect(classifyIntent(cleanQuestion(q))).toBe('yesno');
    expect(keysOf(q)).not.toContain('true');
    expect(keysOf(q)).not.toContain('say');
    // true as a value stays a word: OOMKilled true
    expect(keysOf('OOMKilled true 인데 왜 죽음')).toContain('true');
    expect(keysOf('컨테 안에서 ps 치니까 <defunct> 프로세스 잔뜩 쌓여있음')).not.toContain('잔뜩');
    // The negation copula in the past ("격리된거 아니었음?") asks for agreement; it is no topic word.
    expect(keysOf('호스트에서 ps aux 하니까 컨테 프로세스가 보임 컨테 격리된거 아니었음?')).not.toContain('아니었음');
    // 안 or 못 typed onto a verb is the verb: the negation weighs nothing ("안붙이면" is no foreign word 안붙).
    expect(keysOf('nginx:1.25 콜론 뒤에 붙은거 뭐임? 안붙이면 어케됨')).not.toContain('안붙');
    expect(unitsOf('태그 안붙이면 어케됨').some((u) => u.foreign)).toBe(false);
    // 안전 (safety) is a word of its own, not 안 + 전.
    expect(keysOf('컨테이너 안전하게 돌리는 법')).not.toContain('전하');
    // 아니다 in any ending is closed-class: "아니라며", "아니잖아", "아니였나" weigh nothing.
    for (const form of ['아니라며', '아니잖아', '아니였나', '아니라던데'])
      expect(words(`터미널에서 바로 실행되는건 ${form}`).find((w) => w.surface === form)?.isStop).toBe(true);
    expect(keysOf('i keep seeing docker.sock mounted everywhere')).not.toContain('everywher');
    // Whether something is a typo is asked about the notes' wording, not a topic; a GUI is an interface, as CUI is.
    expect(keysOf('글에서 클라이언트가 CUI 제공한다는데 GUI 오타임?')).not.toContain('오타');
    expect(conceptsIn('is docker a gui app')).toContain('§client');
    // "Another word for" asks whether two names are one thing.
    expect(cleanQuestion('is that just another word for docker')).toBe('is that the same as docker');
    // mem is chat for memory in an option's name.
    expect(cleanQuestion('mem-reservation vs --mem-swap')).toBe('memory-reservation vs --memory-swap');
    expect(cleanQuestion('mem-usage column')).toBe('mem-usage column');
  });

  it('keeps a clause saying what the asker wants in the question part, and reads 까지만 as particles', () => {
    expect(splitPremise('컨테이너 메모리 200메가까지만 쓰게 하고싶은데 옵션 뭐임').premise).toBe('');
    expect(splitPremise('i want to cap memory at 512mb, which flag do i use?').premise).toBe('');
    expect(splitPremise('VM은 하드웨어를 나눠 쓴다던데, 그럼 네트워크는 어떻게 해?').premise).toBe('VM은 하드웨어를 나눠 쓴다던데');
  });

  it('reads "what does X mean" and "how is that possible" as asking, and a percent sign as a percentage', () => {
    expect(keysOf('what does --cpus 1.5 mean')).not.toContain('mean');
    expect(keysOf('docker stats at 250% cpu how is that even possible')).not.toContain('possibl');
    expect(conceptsIn('CPU 250%')).toContain('§percent');
    expect(conceptsIn('docker stats CPU % column')).toContain('§percent');
  });

  it('reads how many (여러 개, many), a move to containers and a quoted term as concepts, not chat', () => {
    expect(conceptsIn('vm 여러개 띄우면')).toContain('§scale');
    expect(conceptsIn('y did everyone move from vms to containers')).toContain('§emerge');
    expect(conceptsIn('왜 컨테이너가 등장했어')).toContain('§emerge');
    expect(keysOf('왜 굳이 컨테이너라는게 나온거임')).toContain('컨테이너');
    expect(keysOf('how does docker work')).not.toContain('work');
  });

  it('reads everyday Docker words as concepts: ports, data that disappears, the build cache, files a process opens, a format', () => {
    expect(conceptsIn('-p 8080:80 은 어느쪽이 호스트 포트임')).toContain('§port');
    expect(conceptsIn('컨테이너 지웠더니 db 데이터 싹다 날라감')).toEqual(expect.arrayContaining(['§volume', '§disappear']));
    expect(conceptsIn('빌드캐시 왜 안먹음')).toContain('§cache');
    expect(conceptsIn('컨테이너에서 열수있는 파일 개수 제한')).toContain('§ulimit');
    expect(conceptsIn('when would you still pick a vm over docker')).toContain('§choose');
    expect(conceptsIn('docker stats 출력 포맷 어케 바꿈')).toContain('§format');
    expect(keysOf('is dockerd the thing that runs containers or is there more stuff underneath')).not.toContain('stuff');
    expect(keysOf('-p 8080:80 은 어느쪽이 호스트 포트임')).not.toContain('어느쪽');
  });

  it('reads per-suffixes, build steps, a shell fork bomb and lock-down wording; a bug report is not content', () => {
    expect(conceptsIn('이미지 레이어별로 용량 보는 명령어')).toContain('§layer');
    expect(conceptsIn('빌드할때마다 npm install')).toContain('§build');
    expect(conceptsIn('컨테이너 안에서 :(){ :|:& };: 쳐서')).toContain('§pids');
    expect(conceptsIn('컨테이너 최대한 빡세게 잠그고싶음 루트권한')).toEqual(expect.arrayContaining(['§security', '§root']));
    expect(keysOf('stats CPU %가 250% 찍혀있음 버그임?')).not.toContain('버그');
    expect(keysOf('레이어별로 용량 얼마씩인지')).not.toContain('얼마씩');
  });

  it('maps symptoms and settings to concepts: a CPU % stuck at a ceiling, containers from the same image, another server', () => {
    expect(conceptsIn('컨테이너 cpu가 딱 50%에서 안올라가고 api 응답이 뚝뚝 끊김')).toContain('§throttle');
    expect(conceptsIn('cpu is stuck at 50% while the host is idle')).toContain('§throttle');
    expect(conceptsIn('5 containers from the same image, 5x the disk?')).toContain('§share');
    expect(conceptsIn('talk to the docker daemon on another server')).toContain('§remote');
    expect(conceptsIn('the same kernel')).not.toContain('§share');
  });

  it('reads crashes, an unaffected neighbour, a hassle, upkeep and untrusted code as concepts, and "ran" as run', () => {
    expect(conceptsIn('vm 하나 뻗어도 옆에 vm은 멀쩡하다던데')).toEqual(expect.arrayContaining(['§crash', '§isolation']));
    expect(conceptsIn('vm 하나 터지면 옆 vm도 같이 감?')).toContain('§crash');
    expect(conceptsIn('whats annoying about running vms, maintenance wise')).toEqual(expect.arrayContaining(['§disadvantage', '§version']));
    expect(conceptsIn('run sketchy untrusted code')).toContain('§security');
    expect(conceptsIn('i ran a container 5 min ago')).toContain('§run');
    expect(splitPremise('want to run untrusted code with zero network access, which flag').premise).toBe('');
  });

  it('reads hiding the host, a hostname, stripping privileges as concepts; anymore is chat', () => {
    expect(conceptsIn('how is it hiding the host stuff')).toContain('§isolation');
    expect(conceptsIn('the hostname is some random hash')).toContain('§namespace');
    expect(conceptsIn('how do i strip its powers')).toContain('§capability');
    expect(keysOf('is there any reason to use VMs anymore')).not.toContain('anymor');
  });

  it('separates a premise from the question part', () => {
    expect(splitPremise('VM은 하드웨어를 나눠 쓴다던데, 그럼 네트워크는 어떻게 해?')).toEqual({
      premise: 'VM은 하드웨어를 나눠 쓴다던데',
      focus: '네트워크는 어떻게 해?',
    });
    expect(splitPremise('if the daemon does the work, what is the CLI for?').focus).toBe('what is the CLI for?');
    // Two asking clauses are both the question; a statement after them is not.
    expect(splitPremise('memory limit 거는건 namespace임 cgroup임? 헷갈림').focus).toBe('memory limit 거는건 namespace임 cgroup임?');
    // A decimal point does not end a clause, nor does a lone dot (COPY . .).
    expect(splitPremise('--cpus=2랑 --cpus=0.5 는 뭐가 달라요?').premise).toBe('');
    expect(splitPremise('도커파일에서 COPY . . 를 맨위로 올리면 왜 npm install부터 다시 돌아?').premise).toBe('');
  });

  it.each([
    ['도커와 VM 차이가 뭐야?', 'compare'],
    ['컨테이너가 계속 죽어요 exit 137 뜸', 'troubleshoot'],
    ['nginx 메모리 300메가로 제한해서 띄우는 법', 'howto'],
    ['how do I start nginx capped at 300 MB', 'howto'],
    ['왜 컨테이너가 VM보다 가벼워?', 'reason'],
    ['하이퍼바이저가 뭐임', 'definition'],
    ['도커도 결국 vm 아님?', 'yesno'],
    ['메모리 200메가로 제한하는 옵션 뭐임', 'howto'],
    // A question word asks for content, so the question is not yes/no.
    ['스왑은 따로 안 정했는데 그럼 스왑 얼마까지 쓰는거임', 'general'],
    ['컨테이너도 vm처럼 커널 따로 들고있는거지?', 'yesno'],
    // A tag question asks yes or no.
    ['docker is basically a lightweight vm, right?', 'yesno'],
    ['gave it --cpu-shares 256 but it still eats 100% cpu when idle. bug?', 'yesno'],
    ['docker is basically just a lightweight vm yeah?', 'yesno'],
    // Typed without its "?", a closing "right" still asks for agreement; "on the right" does not.
    ['so --cpus=1.5 means my container only runs on core 0 and core 1 right', 'yesno'],
    ['which column is on the right', 'general'],
    ['--cpus 1 주면 코어 하나를 통째로 그 컨테 전용으로 주는거임. 맞?', 'yesno'],
    // A closing tag asks for agreement, whatever cue came before; a question word in an embedded clause asks nothing.
    ['면접 질문이었는데 --cpus=1.5 하면 코어 1.5개 쓴다는 뜻 맞음?', 'yesno'],
    ['컨테 하나 자원 얼마나 먹는지 보고싶음 stats 뒤에 이름 붙이면 됨?', 'yesno'],
    ['cpu %가 250% 나옴 100 넘을수가 있음?', 'yesno'],
    ['--cpus 1.5가 뭔 뜻임?', 'definition'],
    // 명령어 as the subject of a statement ("the docker command starts it?") does not ask for a command.
    ['docker run 치면 docker 명령어가 직접 컨테이너 띄우는거임?', 'yesno'],
    ['컨테이너 메모리 보는 명령어 알려줘', 'howto'],
    // A chat question ending in ~임? / ~거? asks yes or no; "what do I type" asks for a command.
    ['/usr/bin/docker 이게 도커 본체임? 이게 컨테이너 돌리는거?', 'yesno'],
    ['컨테이너가 뭐임?', 'definition'],
    ['꺼진 컨테이너까지 보려면 뭐 쳐야됨', 'howto'],
    ['what do i type to see stopped containers too', 'howto'],
    ['cgroups 3줄요약', 'summary'],
    // An either-or question compares its two options.
    ['메모리 제한은 namespace임 cgroup임?', 'compare'],
    ['is it namespaces or cgroups?', 'compare'],
    // A chat verb alone before "?" (씀?, 함?) and a ~거? ending ask yes or no.
    ['-c 1024 컨테가 항상 cpu 2배 씀?', 'yesno'],
    // "which … flags" asks for options even with words between; "what does the -c flag do" asks what it is.
    ['which docker run flags do i use to lock it down', 'howto'],
    ['what does the -c flag on docker run do?', 'definition'],
    ['free -m 치니까 호스트 메모리 다 보임 제한 안걸린거?', 'yesno'],
    // An auxiliary and its subject opening the clause ask yes or no, whatever symptom word follows; a choice does not.
    ['should i just turn it on so my app never gets killed?', 'yesno'],
    ['was docker the first container tech or did it just make it popular', 'general'],
    ['what should i do when my container gets killed?', 'troubleshoot'],
  ])('%s → %s', (q, intent) => expect(classifyIntent(q)).toBe(intent));

  it.each([
    // A symptom asked as yes or no ranks as troubleshooting, and its claim is still checked.
    ['vm 하나 터지면 옆 vm도 같이 죽음??', 'troubleshoot', true],
    ['--oom-kill-disable 켜면 메모리 무한으로 써도 안 죽는거지?', 'troubleshoot', true],
    ['컨테이너가 계속 죽음 ㅠㅠ 왜 이럼', 'troubleshoot', false],
    // A choice, a command asked for or a "what else" is not yes or no.
    ['--memory 200m 하면 200메가임 200메비임?', 'compare', false],
    ['리눅스 capability 빼는 옵션 있지 않음? 명령어', 'howto', false],
    // "What does it mean", typed casually (먼 for 뭔), asks for a meaning, not yes or no.
    ['vm은 하드웨어까지 소프트웨어로 만든다는데 이게 먼말임??', 'definition', false],
    ['이게 무슨 말임?', 'definition', false],
    ["hypervisor just boots the vms and that's it?", 'yesno', true],
    ['so a hypervisor just boots the guest os and babysits it? thats all it does?', 'yesno', true],
    ['내일 면접인데 가상머신 정의 물어보면 뭐라고 답함??', 'definition', false],
    ['먼 곳에 있는 서버에서도 돼?', 'yesno', true],
    // A last line that asks yes or no below a pasted error.
    [
      'got this:\npermission denied while trying to connect to the Docker daemon socket\nshould i just chmod 777 the socket lol',
      'general',
      true,
    ],
  ])('%s: intent %s, asks yes or no: %s', (q, intent, yesNo) => {
    const a = analyseQuery(q);
    expect(a.intent).toBe(intent);
    expect(!!a.asksYesNo).toBe(yesNo);
  });

  it('checks the last line that asks yes or no, not the pasted lines above it', () => {
    expect(analyseQuery('got this:\npermission denied on /var/run/docker.sock\nshould i just chmod 777 the socket?').yesNoPart).toBe(
      'should i just chmod 777 the socket?',
    );
    expect(analyseQuery('is docker a vm?').yesNoPart).toBeUndefined();
  });

  it('checks a closing yes/no question after the symptom the student describes, not the symptom', () => {
    const q = 'set --cpus 0.5, stats shows cpu stuck at exactly 50% and the app is laggy. is it being throttled?';
    expect(analyseQuery(q).yesNoPart).toBe('is it being throttled?');
    // A closing goal ("…limit 걸고싶은거임", no question mark) is no yes/no question.
    expect(analyseQuery('--cpus랑 --cpu-shares 중에 뭐 써야됨? 걍 cpu 너무 많이 못먹게 limit 걸고싶은거임').yesNoPart).toBeUndefined();
  });

  it('checks a yes/no question followed by another question as yes or no, unless it is negated', () => {
    const first = analyseQuery('하이퍼바이져는 vm 만들어주고 끝임? 그담엔 뭐함');
    expect(first.intent).toBe('definition');
    expect(first.asksYesNo).toBe(true);
    expect(first.yesNoPart).toBe('하이퍼바이져는 vm 만들어주고 끝임?');
    expect(analyseQuery('컨테이너는 os 따로 부팅 안함? 그럼 우분투 컨테랑 centos 컨테 어케 같이 돌아감').asksYesNo).toBeFalsy();
    // 못 negates as 안 does; 머하는 asks what, as 뭐하는 does.
    expect(analyseQuery('하이퍼바이져 없으면 vm 못띄움? 정확히 머하는놈임').asksYesNo).toBeFalsy();
    expect(analyseQuery('하이퍼바이져 없으면 vm 못띄움? 정확히 머하는놈임').questions).toHaveLength(2);
    expect(analyseQuery('what does a hypervisor do? and how does it differ from docker?').asksYesNo).toBeFalsy();
  });

  it('reads an evaluative tag ("bad idea or fine?", "is that safe?") as pointing back at the whole message', () => {
    const q = 'someone mounted /var/run/docker.sock into the jenkins container. bad idea or fine?';
    expect(splitPremise(q).focus).toBe(q);
    expect(splitPremise('we share one docker group on the server. is that safe?').premise).toBe('');
  });

  it('takes pasted output (a docker stats table, a quoted stats line) out of the question part', () => {
    const table = analyseQuery(
      'CONTAINER ID   NAME   CPU %     MEM USAGE / LIMIT   MEM %    NET I/O   BLOCK I/O   PIDS\n3f2a9c1d7e44   api    187.35%   412.6MiB / 1GiB   40.29%   1.2MB / 860kB   12.3MB / 0B   23\ncpu가 100 넘는게 말이됨??',
    );
    expect(table.focus).toBe('cpu가 100 넘는게 말이됨??');
    expect(table.output).toMatch(/^CONTAINER ID NAME CPU %/);
    const quoted = analyseQuery('docker stats says `3f2a9c1d  api  187.42%  412MiB / 7.667GiB  5.25%  1.2MB / 890kB` is that normal');
    expect(quoted.focus).toBe('docker stats says is that normal');
    // A pasted command is asked about, and a question with no words of its own asks about the output itself.
    expect(analyseQuery('`docker run -m 1g --memory-swap 3g app` so 3g of swap?').output).toBeUndefined();
    expect(analyseQuery('이거 뭐임?\nExited (137) 3 minutes ago').output).toBeUndefined();
  });

  it('reads a guess after a question as one to check yes or no, not a clause without a question before it', () => {
    expect(guessOf(analyseQuery('--cpus 1.5 주면 무슨 뜻임?? 코어 1.5개?').questions)).toBe('코어 1.5개?');
    expect(guessOf(analyseQuery('what does --cpus=0.5 mean? half a core?').questions)).toBe('half a core?');
    expect(guessOf(analyseQuery('vm 깔면 됨? 네트워크는 어케 되는지도 궁금').questions)).toBeUndefined();
    expect(guessOf(analyseQuery('--cpus 1.5가 뭔 뜻임?').questions)).toBeUndefined();
  });

  it.each(['cgroup?', 'docker stats??', '--memory-swap', '하이퍼바이저?'])('reads a term alone as asking what it is: %s', (q) =>
    expect(analyseQuery(q).intent).toBe('definition'),
  );
  it('does not read a short question with its own cue as a definition', () => {
    expect(analyseQuery('왜 vm?').intent).toBe('reason');
    expect(analyseQuery('exit 137').intent).toBe('troubleshoot');
    expect(analyseQuery('포크폭탄 막는법 있음?').intent).toBe('howto');
  });
});

describe('questions as people type them', () => {
  it.each([
    ['하이퍼바이져가 뭐임?', /하이퍼바이저/],
    ['컨테니어는 커널 따로 있음?', /커널/],
    ['what is a contaner', /container/i],
    ['@bot 도커가 뭐야?', /도커/],
    ['<@123> 도커가 뭐야?', /도커/],
    ['걍 cgroup 요약좀 ㅋㅋ', /cgroup/i],
    ['VM은 하드웨어를 나눠 쓴다던데, 그럼 네트워크는 어떻게 해?', /NIC|네트워크/],
    ['if i run 5 contianers how many kernals are running', /kernel/i],
    ['command to list running containers', /docker ps/],
    ['10 containers = 10 kernels?', /share the host/i],
    ['이미지만 있으면 어디서든 똑같이 돌아감?', /이식성|portab/i],
    ['포크폭탄 막는법 있음?', /pids-limit/],
    // A typo one jamo off a glossary term, ending in ㅁ as a verb form does; "옵션 이름" asks which option, not --name.
    ['폭크밤 정의랑 도커에서 막는 옵션 이름 두개 다 알려줘', /pids-limit/],
    // Where the student runs it (학교 서버, 회사) is context, not a topic the notes lack.
    ['이미지 하나 만들면 내 노트북이랑 학교 서버에서 똑같이 돌아가는 이유가 뭐임? 이미지에 뭐가 들었길래', /라이브러리/],
    ['메모리 제한 걸어두면 넘칠때 죽음?', /OOM/],
    ['유튜브에선 스왑이 메모리 2배라던데 -m 512m 주면 스왑 얼마임', /memory-swap/],
    ['컨테이너가 자꾸 혼자 꺼져요 로그엔 아무것도 없어요', /OOM|137/],
    ['리눅스에서 윈도우 컨테이너도 띄울수있나요', /윈도우|Windows/],
    ['앱이 컨테이너 안에서 pid 1로 나오던데 왜그럼', /PID|pid/],
    // Verb forms and who-said-what context weigh little beside the topic: the question is not declined.
    ['하이퍼바이져가 정확히 뭐하는 놈임? 교수님이 자꾸 얘기하는데 감이 안옴', /하이퍼바이저/],
    ['누가 단톡에 포크밤 올려서 서버 터질뻔함 ㅋㅋ 컨테이너에서 이런거 막을수있음?', /pids-limit/],
    ['are containers as isolated as vms security-wise? my ta said no', /isolat|kernel/i],
    // Engine parts and the Dockerfile are VM/Docker concepts in any spelling.
    ['dockerd containerd runc 이거 셋이 뭐가 다른거임 개헷갈림', /runc/],
    // …and a slow rebuild after a code change is the build cache's order of steps.
    ['도커파일에서 COPY . . 를 맨위로 올렸더니 코드 한줄만 바꿔도 npm install부터 다시돔 왜이럼', /빌드 캐시/],
    // A chat verb form is not "corrected" into a known word (들어감 is not 들어간).
    ['하이퍼바이저 타입1 타입2 차이 뭐임? 버츄얼박스는 어디 들어감', /타입 2/],
    ['vm 설치하려는데 bios에서 VT-x 켜라고 뜸 이게 뭔데 꼭 켜야됨?', /VT-x/],
    ["what's the difference between a registry and a repository? like docker hub vs nginx", /repository/],
  ])('%s is answered from the right passage', (q, expected) => {
    const r = search(q);
    expect(r.abstain).toBe(false);
    expect(`${r.hits[0].chunk.heading}\n${r.hits[0].chunk.text}`).toMatch(expected);
  });

  it.each([
    'best way to ship a 20ft container from busan to la',
    '가상화폐 지금 들어가도 됨? ㅋㅋ',
    '텔레그램 봇 만드는 법',
    '파이썬으로 웹 크롤러 만드는 법 알려줘',
    'resize a jpeg image with PIL',
    'ship a 40ft container to busan',
    '깃허브 fork랑 clone 차이 뭐임',
    'how to swap two vars in python',
    '팝콘 전자렌지에 돌렸는데 안터진 커널 왜 이렇게 많이 남음 ㅋㅋ',
    // Docker beside container is one thing named, not two: no covered-topics allowance for the dock worker.
    '항구에서 컨테이너 하역하는 사람을 영어로 docker라고 함? 영단어 질문임',
    // A compound the notes never use is foreign even when it starts like one of their words (작업관리자: 작업, 관리).
    '윈도우에서 크롬 cpu 사용량 제한 거는법 있음? 작업관리자에서?',
  ])('declines a Docker word in another sense or an unrelated question: %s', (q) => expect(search(q).abstain).toBe(true));

  it('answers junk and greetings kindly, without a passage', () => {
    const junk = extractiveAnswer(search('ㅋ'), 600);
    expect(junk).toMatchObject({ abstained: true, sources: [], answer: JUNK_REPLY.ko });
    const hello = extractiveAnswer(search('hello'), 600);
    expect(hello).toMatchObject({ abstained: true, sources: [], answer: GREETING_REPLY.en });
  });

  it.each(['hi bot', 'hey everyone!', '안녕 봇아', '안녕하세요 여러분'])(
    'greets back a greeting addressed to the bot or the channel: %s',
    (q) => expect(extractiveAnswer(search(q), 600).answer).toBe(GREETING_REPLY[analyseQuery(q).lang]),
  );

  it.each(['thanks, that helped a lot!', 'thx', '고마워 덕분에 이해함 ㅋㅋ', '감사합니다!'])('says "you\'re welcome" to thanks: %s', (q) =>
    expect(extractiveAnswer(search(q), 600)).toMatchObject({ abstained: true, sources: [], answer: THANKS_REPLY[analyseQuery(q).lang] }),
  );

  it.each(['thanks, but what does --cpus do?', '고마워 근데 cgroup은 뭐야?', 'hi bot what is a container'])(
    'answers a question that comes with thanks or a greeting: %s',
    (q) => expect(search(q).kind).toBe('question'),
  );

  it.each([
    ['vm이 머임 걍 한줄로', 1],
    ['cgroup 3줄요약', 3],
    ['세 줄로 정리해줘 namespace', 3],
    ['whats a hypervisor in one line', 1],
    ['explain cgroups in two sentences', 2],
    ['vm이 머임', undefined],
    ['--cpus 1.5 한 코어 반', undefined],
    ['컨테이너 10줄 로그', undefined],
    // A line of code is no answer length.
    ['my build reruns npm install whenever i change one line of code', undefined],
    ['코드 한 줄 바꿨는데 npm install이 다시 돎', undefined],
    ['one-line summary of cgroups pls', 1],
    ['코드 한줄만 바꿔도 빌드할때 npm install 다시 돌음', undefined],
    ['한줄만 ㄱ', 1],
    // One line for each of the two things compared.
    ['namespace랑 cgroup 차이 한줄씩만', 2],
    ['하이퍼바이져 한단어로', 1],
    ['도커 한마디로 뭐임', 1],
  ])('reads the length asked for in %s', (q, lines) => expect(requestedLines(q)).toBe(lines));

  it('answers with as many sentences or points as asked for', () => {
    const one = extractiveAnswer(search('vm이 머임 걍 한줄로'), 600).answer;
    expect(one.match(/\[\d\]/g)).toHaveLength(1);
    // Three points need three sections among the passages: the default five, as the bot searches.
    const three = extractiveAnswer(kb.search('cgroup 3줄요약', { topK: 5, minScore: 0.35 }), 600).answer;
    expect(three.split('\n').filter((l) => l.startsWith('•'))).toHaveLength(3);
    expect(three.split('\n')[0]).toMatch(/cgroups?\(control groups\)는|cgroup.*기능/); // the summary starts with what it is
  });

  it('reads a question about "each" or "both" as asking about the things named just before it', () => {
    const a = analyseQuery('--cpus랑 -c 둘다 cpu 옵션이던데 각각 뭐하는거임?');
    expect(a.premise).toBe('');
    expect(a.focus).toMatch(/--cpus/);
    expect(
      extractiveAnswer(search('--cpus랑 -c 둘다 cpu 옵션이던데 각각 뭐하는거임? 면접에선 뭐 물어봄?'), 600).answer.slice(0, 200),
    ).toMatch(/--cpus[^.]*--cpu-shares|--cpu-shares[^.]*--cpus/);
  });

  it('weighs the premise in full when the question part names no VM/Docker thing of its own', () => {
    const ramWeight = (q: string) =>
      queryUnits(analyseQuery(q), kb.vocabulary, DEFAULT_RANKING).units.find((u) => u.key === 'ram')?.weight ?? 0;
    const bare = ramWeight("someone's container ate all the ram and the box died. what flag do we put on docker run so that cant happen");
    const named = ramWeight("someone's container ate all the ram and the box died. what memory flag do we put on docker run");
    expect(bare).toBeGreaterThan(named);
  });

  it('answers RUN vs CMD with the build step, and CMD vs ENTRYPOINT with the fixed program', () => {
    expect(extractiveAnswer(search('Dockerfile RUN이랑 CMD 차이 뭐임 둘다 명령어 실행하는거 아님?'), 600).answer.slice(0, 150)).toMatch(
      /^RUN[^.]*(?:빌드|build)/,
    );
    expect(extractiveAnswer(search('dockerfile has both CMD and ENTRYPOINT, which one actually runs??'), 600).answer.slice(0, 80)).toMatch(
      /^ENTRYPOINT/,
    );
  });

  it('reads a recalling ending ("스위치였나 라우터였나") as a question of its own', () => {
    expect(splitPremise('vm NIC도 가상임? 호스트 NIC가 뭔 역할 한다 했는데 스위치였나 라우터였나').questions).toEqual([
      'vm NIC도 가상임?',
      '스위치였나 라우터였나',
    ]);
    expect(conceptsIn('유니온 파일 시스템')).toContain('§layer');
  });

  it('answers each asking clause of a two-part question', () => {
    expect(splitPremise('윈도우 노트북임. vm 깔면 되는거임? 네트워크는 어케 되는지도 궁금').questions).toEqual([
      'vm 깔면 되는거임?',
      '네트워크는 어케 되는지도 궁금',
    ]);
    const a = extractiveAnswer(
      search('윈도우 노트북인데 리눅스 전용 프로그램 돌려야함. vm 깔면 되는거임? 네트워크는 어케 되는지도 궁금'),
      600,
    );
    expect(a.answer.slice(0, 150)).toMatch(/게스트 OS|VM/);
    expect(a.answer).toMatch(/네트워크|NIC/);
    expect(splitPremise('vm 깔면 되는거임?').questions).toBeUndefined();
  });

  it('shows a pasted docker run with its options moved before the image', () => {
    const a = extractiveAnswer(search('I ran `docker run -d myapp:1.0 --memory 200m` but docker stats shows no limit. why?'), 600).answer;
    expect(a).toContain('```\ndocker run -d --memory 200m myapp:1.0\n```');
  });

  it('leads the README example with the kernel, and a how-to with its command', () => {
    const diff = extractiveAnswer(search('도커와 VM 차이가 뭐야?'), 600).answer;
    expect(diff.slice(0, 120)).toMatch(/커널/);
    const howto = extractiveAnswer(search('how do I start nginx capped at 300 MB'), 600).answer;
    expect(howto.slice(0, 250)).toMatch(/docker run[^.]*--memory/);
    // Asked for the exact command with the student's own values, it gets them, not the notes' example values.
    // (512 MB: the key point's own example is 300m.)
    const exact = extractiveAnswer(search('how do i cap a container at 512mb ram, exact cmd'), 600).answer;
    expect(exact).toMatch(/```\ndocker run -d --memory 512m \S+\n```/);
  });
});

describe('on topic', () => {
  const onTopic = (q: string) => queryUnits(analyseQuery(q), kb.vocabulary, DEFAULT_RANKING).onTopic;
  it('takes two words that name an option of the notes (--read-only) as on topic, and the same words apart as not', () => {
    expect(onTopic('how do i make the filesystem read only but let the app write temp files')).toBe(true);
    expect(onTopic('can i read the file only once')).toBe(false);
  });
  it('takes CMD/ENTRYPOINT as Docker words, and an official image name only beside another topic word', () => {
    expect(onTopic('CMD랑 ENTRYPOINT 둘다 실행할 명령 적는거 아님? 차이가 뭐임')).toBe(true);
    expect(onTopic('mysql 컨테 지웠다가 다시 띄우니까 데이터 싹 날아감 어케 보존함')).toBe(true);
    expect(onTopic('mysql vs postgres 뭐가 나음?')).toBe(false);
  });
  it('takes a size written as docker takes it (512m, 1g) beside a container as Docker', () => {
    expect(onTopic("container's already running with 512m, can i bump it to 1g without recreating it")).toBe(true);
    expect(onTopic('can i bump the meeting to 10am without recreating the invite')).toBe(false);
  });
  it('takes a pasted docker ps PORTS entry as Docker', () => {
    expect(onTopic('0.0.0.0:8080->80/tcp under PORTS, which side is the host')).toBe(true);
    expect(onTopic('which side of the river is the host of the festival')).toBe(false);
  });
  it("takes a container's network as Docker, and a network alone as not", () => {
    expect(onTopic('채점용 컨테이너가 인터넷 아예 못하게 막고싶음')).toBe(true);
    expect(onTopic('집 와이파이 네트워크 공유기 설정 어케함')).toBe(false);
  });
});

describe('verb forms and nouns', () => {
  const unitOf = (q: string, key: string) => unitsOf(q).find((u) => u.key === key);
  it('reads a bound noun after an adnominal ending as a verb form, and a noun ending in the same syllable as a noun', () => {
    expect(unitOf('--cpus에 소수를 넣으면?', '소수')?.predicate).toBe(false);
    expect(unitOf('컨테이너 메모리 제한 막을수 있음?', '막을수')?.predicate ?? true).toBe(true);
    // A case particle only follows a noun: 전자렌지에 and 스웜이랑 are no verb forms, though they end like one.
    expect(unitOf('팝콘 전자렌지에 돌렸는데 안터진 커널 왜 많이 남음', '전자렌지')?.predicate).toBe(false);
    expect(unitOf('도커 스웜이랑 쿠버네티스 중에 뭐 배워야됨?', '스웜')?.predicate).toBe(false);
    // 것 after an adnominal form (준거, "gave it"): a verb form, not a word foreign to the notes.
    const gave = unitOf('스왑 200메가 준거임?', '준거');
    expect([gave?.predicate, gave?.foreign]).toEqual([true, false]);
    // ~길래 ("since it …") ends a verb form: it does not count against the match as a word foreign to the notes.
    const since = unitOf('이미지에 뭐가 들었길래 어디서나 돌아감?', '들었길래');
    expect([since?.predicate, since?.foreign]).toEqual([true, false]);
    // 많으(면) keeps the connective 으, 힘듦 closes on ㄻ: adjectives, not words foreign to the notes; 관리자 is a noun.
    for (const [q, key] of [
      ['vm 많으면 관리가 왜 힘듦?', '많으'],
      ['vm 많으면 관리가 왜 힘듦?', '힘듦'],
    ])
      expect([unitOf(q, key)?.predicate, unitOf(q, key)?.foreign]).toEqual([true, false]);
    expect(unitOf('윈도우 작업관리자 메모리 90% 찍힘', '작업관리자')?.predicate).toBe(false);
  });
  it("drops single letters (the s of what's, a typed y) but keeps a short option (-c) and a number naming a concept (137)", () => {
    expect(unitsOf("what's a cgroup, y does it matter").map((u) => u.key)).not.toEqual(expect.arrayContaining(['s', 'y']));
    expect(unitsOf('what does -c 512 do on docker run').map((u) => u.key)).toContain('c');
    const exit = unitsOf('container keeps dying with exit 137').find((u) => u.key === '137');
    expect(exit?.weight).toBeGreaterThan(DEFAULT_RANKING.numberWeight);
  });

  it("weighs a number that a section's heading names (exit code 143) as a word, an example amount or a small number as a value", () => {
    const sigterm = unitsOf('container shows Exited (143), is that OOM too').find((u) => u.key === '143');
    expect(sigterm?.weight).toBeGreaterThan(DEFAULT_RANKING.numberWeight);
    // 200m is the notes' example amount (a heading says "200m = 200 MiB"), 1.5 a fraction: the student's values.
    const amount = unitsOf('--memory 200m and --cpus 1.5 together').filter((u) => /^[0-9]/.test(u.key));
    expect(amount.map((u) => u.key)).toEqual(['200m', '1.5']);
    for (const u of amount) expect(u.weight).toBeLessThanOrEqual(DEFAULT_RANKING.numberWeight);
    const off = queryUnits(analyseQuery('container shows Exited (143), is that OOM too'), kb.vocabulary, {
      ...DEFAULT_RANKING,
      headingNumbers: false,
    });
    expect(off.units.find((u) => u.key === '143')?.weight).toBeLessThanOrEqual(DEFAULT_RANKING.numberWeight);
  });

  it('weighs a verb form a share of the topic word, however rare the form', () => {
    const units = unitsOf('하이퍼바이저 정확히 뭐하는 놈임');
    const topic = units.find((u) => u.concepts.includes('§hypervisor'))!;
    const verb = units.find((u) => u.key === '놈임')!;
    expect(verb.weight).toBeCloseTo(DEFAULT_RANKING.koreanPredicateFactor * topic.weight, 5);
  });
});

describe('ranking parameters', () => {
  it('every ablation names real parameters and changes them', () => {
    for (const [name, off] of Object.entries(ABLATIONS)) {
      expect(Object.keys(off).length, name).toBeGreaterThan(0);
      for (const [k, v] of Object.entries(off)) {
        expect(k in DEFAULT_RANKING, `${name}: ${k}`).toBe(true);
        expect(DEFAULT_RANKING[k as keyof typeof DEFAULT_RANKING], `${name}: ${k}`).not.toBe(v);
      }
    }
  });

  it("reads a heading in its document's title: a comparison's aspect decides among the comparison's sections", () => {
    const q = '보안만 보면 vm이 나음 컨테이너가 나음? 이유 한줄';
    const top = (params = DEFAULT_RANKING) => kb.search(q, { topK: 1, params }).hits[0].chunk.heading;
    expect(top()).toMatch(/격리 강도와 보안/);
    expect(top({ ...DEFAULT_RANKING, ...ABLATIONS['title as heading context'] })).not.toMatch(/격리 강도와 보안/);
  });

  it('reports relevance within 0..1 and ranks differently with a feature off', () => {
    const q = '도커와 VM 차이가 뭐야?';
    const r = kb.search(q, { topK: 5 });
    for (const h of r.hits) expect(h.score).toBeLessThanOrEqual(1);
    expect(maxScore(DEFAULT_RANKING)).toBeGreaterThan(1);
    const noLang = kb.search(q, { topK: 5, params: { ...DEFAULT_RANKING, ...ABLATIONS['same-language boost'] } });
    expect(noLang.hits.map((h) => h.chunk.id)).not.toEqual(r.hits.map((h) => h.chunk.id));
  });
});
