import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractiveAnswer, NOT_FOUND } from '../../src/answer/extractive.js';
import { answerRecord } from '../../src/answer/format.js';
import { scoreOne, type EvalQuestion } from '../../src/eval/score.js';
import type { SearchIndex } from '../../src/knowledge/search-index.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { analyseQuery } from '../../src/knowledge/query.js';
import { queryUnits } from '../../src/knowledge/query-units.js';
import type { QueryUnit } from '../../src/knowledge/types.js';
import { abstainBar, DEFAULT_RANKING } from '../../src/knowledge/ranking.js';

const MIN_SCORE = 0.35;
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await KnowledgeBase.load('knowledge');
});

const ask = (q: string) => extractiveAnswer(kb.search(q, { topK: 5, minScore: MIN_SCORE }), 600);
const readSet = (path: string): EvalQuestion[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const heldOut = readSet('test/fixtures/questions.heldout.jsonl');
// Written by someone who had not seen the knowledge base (see README).
const blind = [...readSet('test/fixtures/questions.blind.jsonl'), ...readSet('test/fixtures/questions.blind2.jsonl')];

describe('the shipped knowledge base', () => {
  it('has a Korean and an English version of every topic', () => {
    expect(kb.topics().length).toBeGreaterThanOrEqual(10);
    for (const t of kb.topics()) expect(Object.keys(t.titles).sort(), t.id).toEqual(['en', 'ko']);
    expect(kb.warnings).toEqual([]);
  });
});

describe('retrieval on fixed questions', () => {
  it.each([
    ['VM과 도커의 가장 큰 차이가 뭐야?', /커널/],
    ['docker ps 를 치면 내부적으로 어떤 일이 일어나?', /docker\.sock/],
    ['스왑 메모리를 따로 지정 안 하면 어떻게 돼?', /2배/],
    ['What does --cpu-shares do?', /weight/i],
    ['How do I pin a container to specific CPU cores?', /cpuset/],
    ['컨테이너가 메모리 한도를 넘으면 어떻게 돼?', /OOM/],
    // Porter2 stemming: "exceeds" meets "exceeding" (the original Porter stemmer gives exce / exceed).
    ['what happens when a container exceeds its memory limit', /OOM/],
    // The copula after a noun or glued to a Latin word is not a topic word.
    ['도커는 VM이야?', /프로세스/],
    ['docker는 가상머신인가요', /프로세스/],
    // Two words the knowledge base writes as one option name.
    ['pids limit 기본값', /--pids-limit/],
    // The option asked about, not the one that merely contains its name (--cpuset-cpus) or the number.
    ['--cpus 0.5는 정확히 무슨 뜻이야?', /^--cpus|CFS/],
    // "What does X do" wants the passage that defines X ("--pids-limit: …"), not one that mentions it.
    ['what does --pids-limit 100 do', /^--pids-limit/],
    // Asked what X is: the passage about X itself, not about X's parts or an option that mentions X.
    ['컨테이너가 뭐야', /^컨테이너\(container\)란/],
    ['what is --memory', /^--memory \(-m\)/],
    ['도커가 뭐야', /^도커\(Docker\)란/],
    // A Korean typo (ㅐ for ㅔ) still finds the daemon.
    ['도커 대몬은 뭐하는 애야', /데몬/],
    // How to check a limit finds the check of that limit.
    ['--pids-limit 걸었는데 진짜 적용됐는지 어케 확인함?', /HostConfig\.PidsLimit/],
    ['how do i check the pids limit my container actually got', /HostConfig\.PidsLimit/],
    // What a command shows: the section that says it, not one about a column of its output.
    ['docker images 머임', /docker images는 로컬 이미지 목록/],
    // docker inspect's MemorySwap is memory plus swap: the default-swap correction says so.
    ['--memory 100m만 줬는데 docker inspect 보니까 MemorySwap: 209715200 이라고 나옴 스왑 200메가 준거임?', /MemorySwap/],
    ['set only --memory 100m and docker inspect shows MemorySwap 209715200, is that 200mb of swap?', /MemorySwap/],
    // The base image a Dockerfile starts from; the program that babysits the VMs.
    ['does every dockerfile have to start with FROM? what does that line even do', /base image/],
    ['whats the name of the program that sits under all the vms and boots + babysits them', /hypervisor/i],
  ])('%s → the top passage says %s', (q, expected) => {
    const r = kb.search(q, { topK: 3, minScore: MIN_SCORE });
    expect(r.abstain).toBe(false);
    expect(`${r.hits[0].chunk.heading}\n${r.hits[0].chunk.text}`).toMatch(expected);
  });

  it('answers at least 90% of the blind questions within the top three sources, 80% in the answer and 75% in its first 250 characters', () => {
    const answerable = blind.filter((q) => q.kind !== 'ood');
    const scores = answerable.map((q) => scoreOne(q, answerRecord(q.id, ask(q.q))));
    expect(scores.filter((x) => x.hit3).length / answerable.length).toBeGreaterThanOrEqual(0.9);
    expect(scores.filter((x) => x.answerHit).length / answerable.length).toBeGreaterThanOrEqual(0.8);
    expect(scores.filter((x) => x.leadHit).length / answerable.length).toBeGreaterThanOrEqual(0.75);
  });

  it('answers at least 90% of the held-out questions within the top three sources', () => {
    const answerable = heldOut.filter((q) => q.kind !== 'ood');
    const hits = answerable.filter((q) => scoreOne(q, answerRecord(q.id, ask(q.q))).hit3);
    expect(hits.length / answerable.length).toBeGreaterThanOrEqual(0.9);
  });

  it('takes a mostly-English question with a Korean word as Korean, and "code" meets 코드', () => {
    const r = kb.search('exit code 137 의미', { topK: 3, minScore: MIN_SCORE });
    expect(r.lang).toBe('ko');
    expect(r.hits[0].chunk.doc.lang).toBe('ko');
    expect(r.hits[0].chunk.heading).toMatch(/137/);
  });

  it('prefers passages in the question language', () => {
    const ko = kb.search('컨테이너 이미지 레이어', { topK: 3 });
    const en = kb.search('container image layers', { topK: 3 });
    expect([ko.hits.length, en.hits.length]).toEqual([3, 3]); // not vacuously true on no hits
    expect(ko.hits.every((h) => h.chunk.doc.lang === 'ko')).toBe(true);
    expect(en.hits.every((h) => h.chunk.doc.lang === 'en')).toBe(true);
  });

  it('takes a docker subcommand as naming its sections, not the words around it', () => {
    const heading = (q: string) => kb.search(q, { topK: 1, minScore: MIN_SCORE }).hits[0]?.chunk.heading ?? '';
    expect(heading('what happens if i run docker stats with no name after it')).toMatch(/docker stats/);
    expect(heading('docker images랑 docker ps 뭐가 다름')).toMatch(/docker ps, docker images/);
  });

  it('tolerates typos', () => {
    const r = kb.search('diffrence betwen vm and containr', { topK: 3, minScore: MIN_SCORE });
    expect(r.abstain).toBe(false);
    expect(r.hits.map((h) => h.chunk.text).join(' ')).toMatch(/kernel/);
  });

  it('answers "is that bad?" about a memory usage at its limit with the reading, not a checked claim', () => {
    const answer = ask("my container's memory shows 495MiB / 512MiB in docker stats, is that bad?").answer;
    expect(answer).toMatch(/^MEM USAGE \/ LIMIT at 495MiB \/ 512MiB means the container is at its memory limit/);
  });

  it('returns scores in [0, 1], best first', () => {
    const r = kb.search('--memory-swap 기본값', { topK: 5 });
    const scores = r.hits.map((h) => h.score);
    expect(scores).toHaveLength(5);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const s of scores) {
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });
});

describe('abstention', () => {
  it.each(
    [...heldOut, ...blind]
      .filter((q) => q.kind === 'ood')
      .map((q) => [q.q])
      .concat([
        ['오늘 서울 날씨 어때?'],
        ['Write me a poem about cats'],
        ['how to bake bread'],
        ['cook pasta quickly'],
        ['점심 메뉴 추천해줘'],
      ]),
  )('says it does not know: %s', (q) => {
    const a = ask(q);
    expect(a.abstained).toBe(true);
    expect(a.sources).toEqual([]);
    // The plain "I don't know", or one naming the neighbouring topic the notes lack.
    expect(a.answer.startsWith(NOT_FOUND[a.lang].split(/[.:]/)[0])).toBe(true);
  });

  it('answers a question naming an option of the notes whatever chatter surrounds it, but not any --flag', () => {
    const shares = ask('set --cpu-shares 256 on the lone box, will it crawl forever?');
    expect(shares.abstained).toBe(false);
    expect(shares.answer).toMatch(/--cpu-shares/);
    for (const q of ['npm install --save-dev vs --save whats the diff', 'git push --force overwrote my teammates branch, how do i undo'])
      expect(ask(q).abstained, q).toBe(true);
  });

  it('reads a number typed onto a word ("type1", "cgroupv2") as the word and the number, and 만에 as a particle', () => {
    expect(kb.search('type1 type2 하이퍼바이져 차이', { topK: 3, minScore: MIN_SCORE }).hits[0]?.chunk.heading).toMatch(/type 1|타입 1/);
    expect(kb.search('cgroupv2 vs v1', { topK: 3, minScore: MIN_SCORE }).hits[0]?.chunk.heading).toMatch(/cgroup v1 vs cgroup v2/);
    expect(ask('vm은 켜는데 1분 걸리는데 컨테는 왜 1초만에 뜸?').abstained).toBe(false);
    // A unit the notes never use still counts against a question in another sense.
    expect(ask('40피트 화물 컨테이너에 몇 톤까지 실을 수 있음?').abstained).toBe(true);
  });

  it('keeps the full weight of a path the notes name (/usr/bin/docker), as of an option name', () => {
    const units = queryUnits(analyseQuery('/usr/bin/docker 지우면 돌던 컨테이너 다 죽음??'), kb.vocabulary, DEFAULT_RANKING).units;
    const path = units.find((u) => u.key === '/usr/bin/docker')!;
    const deleting = units.find((u) => u.key === '지우')!;
    expect(path.weight).toBeGreaterThan(deleting.weight);
  });

  it('weighs an identifier the notes never use (DB_PASSWORD) as a value, not as a topic word', () => {
    const units = queryUnits(analyseQuery('docker run 할때 DB_PASSWORD 같은 환경변수 넘기는법?'), kb.vocabulary, DEFAULT_RANKING).units;
    const id = units.find((u) => u.key === 'db_password');
    expect(id?.foreign).toBe(false);
    expect(id?.weight).toBeLessThanOrEqual(DEFAULT_RANKING.numberWeight);
    expect(ask('docker run 할때 DB_PASSWORD 같은 환경변수 넘기는법? 명령어로 알려줘').answer).toMatch(/-e /);
  });

  it('answers a question with no VM/Docker concept despite a stray word the notes never use, but never from the analogies', () => {
    // "retry" is the only word the notes never use: under offTopicForeignShare of the question's weight.
    expect(ask('inside my contaner: fork: retry: Resource temporarily unavailable').answer).toMatch(/pids-limit|EAGAIN/);
    // The analogies share everyday words with off-topic questions (front matter everyday: true).
    expect(ask('ship a 20ft container').abstained).toBe(true);
    expect(ask('is a VM like a house and a container like an apartment?').abstained).toBe(false);
  });

  it("answers what is asked below a pasted docker stats table, not the table's column names", () => {
    const q =
      'CONTAINER ID   NAME   CPU %     MEM USAGE / LIMIT   MEM %    NET I/O         BLOCK I/O     PIDS\n3f2a9c1d7e44   api    187.35%   412.6MiB / 1GiB     40.29%   1.2MB / 860kB   12.3MB / 0B   23\n\ncpu가 100 넘는게 말이됨?? stats 고장남?';
    expect(ask(q).answer.slice(0, 120)).toMatch(/100%/);
    expect(ask(q).answer.slice(0, 60)).not.toMatch(/NET I\/O/);
  });

  it('takes a table header typed inline as pasted output, not as what is asked', () => {
    const q = 'docker images 쳤더니 REPOSITORY   TAG   IMAGE ID   CREATED   SIZE 이렇게 나오는데 이게 돌고있는 container 목록임?';
    expect(kb.search(q, { topK: 3, minScore: MIN_SCORE }).hits[0].chunk.heading).toMatch(/docker ps/);
    expect(analyseQuery('it just shows REPOSITORY TAG IMAGE ID CREATED SIZE. wrong cmd?').output).toBe(
      'REPOSITORY TAG IMAGE ID CREATED SIZE.',
    );
  });

  it('answers from pasted output when the question asks only about it ("which cmd prints this")', () => {
    const r = kb.search('`CONTAINER ID   NAME   CPU %   MEM USAGE / LIMIT   MEM %   NET I/O` which cmd prints this again lol', {
      topK: 3,
      minScore: MIN_SCORE,
    });
    expect(r.hits[0].chunk.heading).toMatch(/docker stats/);
  });

  it('gives no bigram credit for a closed-class word inside another ("같은" in 같은설정), and none to two glued (같은말)', () => {
    const units = queryUnits(analyseQuery('이미지랑 컨테이너 걍 같은말 아님? 같은설정임?'), kb.vocabulary, DEFAULT_RANKING).units;
    expect(units.find((u) => u.key === '같은설정')?.bigrams).toEqual(['은설', '설정']);
    expect(units.find((u) => u.key.startsWith('같은말'))).toBeUndefined();
    const top = kb.search('이미지랑 컨테이너 걍 같은말 아님? 헷갈림', { topK: 1, minScore: MIN_SCORE }).hits[0];
    expect(top.chunk.heading).toMatch(/^이미지와 컨테이너의 차이/);
  });

  it('answers a question asked simply ("eli5", "쉽게") from the everyday pictures, and a plain one from the notes', () => {
    const heading = (q: string) => kb.search(q, { topK: 1, minScore: MIN_SCORE }).hits[0]?.chunk.heading ?? '';
    expect(heading('copy on write in docker, explain like im 5')).toMatch(/^Analogy:/);
    expect(heading('namespaces vs cgroups eli5')).toMatch(/^Analogy:/);
    expect(heading('namespace랑 cgroup 차이 5살한테 설명하듯이')).toMatch(/^비유:/);
    expect(heading('copy on write in docker')).not.toMatch(/^Analogy:/);
    expect(analyseQuery('eli5 what a hypervisor does').text).not.toMatch(/eli5/);
    // Asked simply, an off-topic question is still declined.
    expect(ask('c언어 포인터 진짜 이해 안됨 ㅠ 쉽게 설명좀').abstained).toBe(true);
  });

  it('reads a feeling (찝찝함), an interview and a length asked for (두줄로) as how a question is put, not what it asks', () => {
    expect(ask('컨테이너가 root로 돌아서 찝찝함. 리눅스 capability 빼는 옵션 있지 않음? 명령어').abstained).toBe(false);
    expect(ask('면접에서 vm 쓰는 이유 물어보면 뭐라고 답함? 두줄로').abstained).toBe(false);
  });

  it('answers an on-topic question naming two things the best passage has, however much chatter dilutes it, but not one word twice', () => {
    expect(ask('ngl explain like a total newbie why folks ditched vms for containers').abstained).toBe(false);
    expect(ask('컨테이너랑 커널 사이에서 다리 놔주는 녀석 이름 뭐였지').abstained).toBe(false);
    expect(ask('my great uncle was a docker at the port in the 50s, what did dockers do all day').abstained).toBe(true);
  });

  it('corrects no word inside a path (/etc/os-release is not "released"), and reads a short typo of a frequent word', () => {
    const idx = kb.vocabulary as SearchIndex;
    expect(idx.correctSpelling('i ran cat /etc/os-release inside the container')).toContain('/etc/os-release ');
    expect(idx.correctSpelling('--memroy-swap 1g')).toBe('--memory-swap 1g');
    expect(ask('mem limt flag?').answer).toMatch(/^--memory/);
  });

  it('finds the daemon as the one that does the work, not "does it work"', () => {
    expect(ask('client or deamon, which one actually does the work').answer.slice(0, 120)).toMatch(/daemon does the work/);
  });

  it('reads 층 as a layer, but not a floor of a building', () => {
    const top = ask('컨테이너 안에서 파일 만들면 그게 저장되는 그 맨 위에 있는 층? 그거 정식 이름 뭐임');
    expect(top.abstained).toBe(false);
    expect(top.answer.slice(0, 120)).toMatch(/쓰기 (?:가능 )?레이어/);
    expect(ask('우리 회사 3층 회의실 몇명 들어감?').abstained).toBe(true);
  });

  it('answers "my understanding: the engine is a hypervisor that emulates hardware" with no, from the engine section', () => {
    const a = ask(
      'my understanding: the container engine is basically a hypervisor for containers, it emulates hardware for each one. correct?',
    );
    expect(a.answer).toMatch(/^No\. [^.]*emulates no hardware/);
  });

  it('answers whether two flags or commands are the same by their names: different ones no, a short flag and its long name yes', () => {
    expect(ask('--cpus랑 -c 같은거임? 둘다 cpu잖아').answer).toMatch(/^아니요\. /);
    expect(ask('docker stats vs docker ps same thing?').answer).toMatch(/^No\. /);
    expect(ask('-c랑 --cpu-shares 같은거임?').answer).toMatch(/^네\. /);
    // The same value is no question of sameness.
    expect(ask('--memory-swap을 --memory랑 같은 값으로 주면?').answer).not.toMatch(/^(?:네|아니요)\./);
  });

  it("answers a pick between two options with their contrast, not the first one's figure", () => {
    const a = ask('--cpus 0.5 vs --cpu-shares 512, which one actually stops it from using more cpu when the box is idle').answer;
    expect(a).not.toMatch(/^--cpus 0\.5 allows/);
    expect(a.slice(0, 200)).toMatch(/--cpu-shares/);
  });

  it("leads with a special value's own meaning, not the key point listing every value (and with the list for a comparison)", () => {
    expect(ask('--memory-swap -1 이건 뭐임').answer).toMatch(/^--memory-swap -1은 스왑 무제한이다/);
    expect(ask('--memory-swap -1 vs 0 vs just not setting it, whats the difference').answer).toMatch(
      /^--memory is the memory limit[^[]*-1 means unlimited swap, unset or 0 means twice/,
    );
  });

  it('reads a pasted docker inspect value first: NanoCpus as --cpus, Memory 0 as no limit, after a verdict not twice', () => {
    expect(ask('docker inspect shows "NanoCpus": 1500000000, ... what is that number').answer).toMatch(
      /^NanoCpus 1500000000 is --cpus 1\.5/,
    );
    expect(ask('docker inspect 에 "Memory": 0 으로 나옴 이거 limit 없는거?').answer).toMatch(/^네\. [^[]*메모리를 다 쓸 수 있다/);
    const shares = ask('docker inspect 보니까 "CpuShares": 0 이라고 나옴 cpu 아예 못쓰는거임??').answer;
    expect(shares).toMatch(/^아니요\. [^[]*1024/);
    expect(shares.match(/1024/g)).toHaveLength(1);
  });

  it('says no bare "No" to setting one value the same as another, only to two flags asked to be the same thing', () => {
    expect(ask('rule of thumb for --memory-swap, should i just set it the same as --memory').answer).not.toMatch(/^No\./);
    expect(ask('is --memory-swap the same as --memory').answer).toMatch(/^No\./);
  });

  it("reads 'what year … come out' as when Docker was released, not as 'out of memory'", () => {
    const r = ask('what year did docker come out');
    expect(r.answer).not.toMatch(/137|OOM/);
    expect(r.sources[0].text).toMatch(/2013/);
  });

  it('answers a choice with the side the check list says: a true claim itself first, a false one by its reason', () => {
    expect(ask('virtualbox is type 1 or type 2 hypervisor? lowkey forgot').answer).toMatch(/^VirtualBox is type 2/);
    expect(ask('--memory 200m = 200 MB or 200 MiB? does it even matter').answer).toMatch(/^--memory 200m means 200 MiB/);
    expect(ask('/usr/bin/docker 이게 도커 데몬임? 아님 뭐임').answer).toMatch(/^\/usr\/bin\/docker는 클라이언트/);
  });

  it('reads a thing named as the measure ("vm처럼") as no side of the question: it asks about containers', () => {
    const r = ask('컨테이너도 vm처럼 격리 완벽한거지? 하나 터져도 딴데 영향 0 맞음?');
    expect(r.answer).not.toMatch(/^VM은 각자/);
    expect(r.answer.slice(0, 250)).toMatch(/컨테이너/);
  });

  it('answers what value to choose from the rule-of-thumb sections, not the option definitions', () => {
    expect(ask('pids limit what number is sane').answer).toMatch(/^Set --pids-limit a few times above/);
    expect(ask('메모리 리밋 보통 얼마 걸어요? 스프링부트 하나 띄움').answer).toMatch(/docker stats/);
    // A recommendation about something else is no VM/Docker question.
    expect(ask('점심 메뉴 추천해줘').answer).toBe(NOT_FOUND.ko);
  });

  it('defines the OOM killer, in one line when asked for one', () => {
    expect(ask('OOM 킬러 정의 한줄로좀').answer).toMatch(/^OOM killer\(Out Of Memory killer\)는[^[]*\[\d\]$/);
    expect(ask('whats an image layer, 1 line').answer).toMatch(/^Each image layer is a diff[^[]*\[\d\]$/);
  });

  it('answers a definition with the sentence about the thing, moving its section first and citing it', () => {
    const guest = ask('게스트 os 정의 한줄 (호스트 os랑 맨날 헷갈림)');
    expect(guest.answer).toMatch(/^게스트 OS는 VM[^[]*운영체제/);
    const cited = Number(/\[(\d)\]/.exec(guest.answer)![1]);
    expect(guest.sources[cited - 1].text).toContain(guest.answer.slice(0, 20));
    expect(ask('what does a hypervisor actually do? like is it software or hardware').answer).toMatch(
      /^A hypervisor is the software layer/,
    );
  });

  it('says no to "1024 always gets twice 512", heard or asked, and no yes from a claim that leaves out the 512', () => {
    expect(ask('cpu-shares 1024 vs 512 -> the 1024 one always gets 2x the cpu right? even when the other one is idle?').answer).toMatch(
      /^No\. The 2:1 split[^[]*only while both are busy/,
    );
    // A rumour passed on, with no question mark: is it right?
    expect(ask('선배가 cpu-shares 1024면 512보다 무조건 2배 빠르다던데').answer).toMatch(/^아니요\. [^[]*바쁠 때/);
    // "The default is 1024" says nothing of 512: no bare 네.
    expect(ask('cpu-shares 1024랑 512 주면 앞에꺼가 cpu 두배 받는다는게 무슨뜻임? 가중치?').answer).not.toMatch(/^네/);
  });

  it('answers how to check that a memory limit applied with the docker inspect field, not with docker update', () => {
    const a = ask('메모리 제한 진짜 걸렸나 docker inspect로 보려면 어디 봐야됨? 출력 너무 길어').answer;
    expect(a).toMatch(/^docker inspect --format '\{\{\.HostConfig\.Memory\}\}' <컨테이너>/);
    expect(a.slice(0, 250)).not.toMatch(/docker update/);
  });

  it('answers cutting a container off the internet with --network none, and a sandbox for graders with its option set', () => {
    expect(ask('컨테이너 인터넷 완전히 끊고 돌리는 명령어 뭐임').answer).toMatch(/^docker run --network none/);
    expect(ask('외부 코드 돌리는 채점용 컨테이너 최대한 빡세게 잠그려면 옵션 뭐뭐 붙임?').answer.slice(0, 200)).toMatch(/--pids-limit/);
  });

  it('answers a question told from a demo or a club project: where it comes from is no topic the notes lack', () => {
    expect(
      kb.search('building an online judge for our club, how do i sandbox untrusted code w/ docker? short checklist pls', {
        topK: 3,
        minScore: MIN_SCORE,
      }).abstain,
    ).toBe(false);
  });

  it('answers an interview ask for a definition said "in words" with the definition', () => {
    expect(ask('면접에서 가상머신 정의 물어보면 뭐라고 답함? 말로 잘 못하겠음').answer).toMatch(/^가상 머신\(VM\)은/);
  });

  it('explains a pasted "port is already allocated" with the sentence that quotes it', () => {
    expect(ask('docker run gave me: Bind for 0.0.0.0:8080 failed: port is already allocated. what now').answer).toMatch(
      /^docker port web lists the published ports[^.]*port is already allocated/,
    );
  });

  it('answers the swap-limit warning: the memory limit still holds, only swap is not limited', () => {
    expect(ask('docker run -m 300m says Memory limited without swap. is my 300m limit even applied?').answer).toMatch(
      /^No\. Only the swap part goes unlimited: the cgroup still caps the container's RAM/,
    );
  });

  it("answers a question naming an option from that option's sections, not another family's that shares its words", () => {
    expect(ask('--cpu-shares 2048 means the container gets 2 cores right??').answer).toMatch(/^--cpu-shares/);
    expect(ask('-c 옵션 이거 코어 수 지정하는거임?').answer).toMatch(/^-c는 --cpu-shares/);
    // --memory-swap is of --memory's family: the swap default still answers a --memory question.
    expect(ask('--memory만 주고 스왑은 따로 안정하면 스왑 얼마까지 쓸수있음?').answer.slice(0, 200)).toMatch(/스왑/);
    expect(
      kb.search('--memory만 주고 스왑은 따로 안정하면 스왑 얼마까지 쓸수있음?', { topK: 3, minScore: MIN_SCORE }).hits[0].chunk.heading,
    ).toMatch(/스왑/);
  });

  it('answers whether flag order matters from where Docker options go, not from the option named', () => {
    const a = ask('does flag order in docker run matter? can i just put --cpus at the end').answer;
    expect(a).toMatch(/^Put Docker options before the image name/);
  });

  it('answers raising the limit of a container already up with docker update: 이미 and 다시 are no topic words', () => {
    const a = ask('이미 돌고있는 컨테 메모리 제한 좀 늘리고 싶은데 꼭 지우고 다시 run 해야됨?').answer;
    expect(a.slice(0, 120)).toMatch(/docker update --memory/);
    expect(a.slice(0, 250)).not.toMatch(/Docker Desktop/);
  });

  it('answers "the ubuntu image installs Ubuntu, like a VM?" with the host kernel, not a decline', () => {
    const r = kb.search('ubuntu 이미지 pull 받으면 그게 우분투 os 깔리는거 아님?? 그럼 vm이랑 똑같은건데', {
      topK: 5,
      minScore: MIN_SCORE,
    });
    expect(r.hits.length).toBeGreaterThan(0);
    expect(extractiveAnswer(r, 600).answer.slice(0, 250)).toMatch(/커널은 호스트의 것/);
  });

  it('defines runc from its own section, not as the last clause of the dockerd / containerd / runc chain', () => {
    expect(ask('what even is runc').answer).toMatch(/^runc is the low-level OCI container runtime/);
    expect(ask('runc가 정확히 뭐하는 애임').answer).toMatch(/^runc는 저수준 OCI 컨테이너 런타임이다/);
  });

  it('answers the common misconceptions the check lists name: Docker as a hypervisor, CpuShares 0, no CPU option', () => {
    expect(ask('도커도 2형 하이퍼바이저 맞지? 호스트 os 위에서 돌잖아').answer).toMatch(/^아니요\. 도커는 하이퍼바이저가 아니다/);
    expect(ask('docker inspect 보니까 "CpuShares": 0 이라고 나옴 cpu 아예 못쓰는거임??').answer).toMatch(/^아니요\. [^[]*1024/);
    // "Without" in the question and in the claim alike: no turning round.
    expect(ask('without --cpus a container is limited to one cpu by default, right?').answer).toMatch(/^No\. [^[]*every CPU of the host/);
    // Asked how --cpus 1.5 works, the claim about no CPU option says nothing.
    expect(ask('--cpus 일점오 주면 코어 한개 반 쓰는거 맞음?').answer).not.toMatch(/CPU 옵션을 하나도/);
  });

  it('answers no to "does it die the moment MEM % hits 100%": reclaim and swap come first', () => {
    expect(ask('docker stats에 MEM % 100% 찍히면 바로 죽음?').answer).toMatch(/^아니요\. [^[]*OOM killer/);
  });

  it('answers yes that a fork bomb in a container can take the host down, with --pids-limit as the cure', () => {
    for (const q of [
      '컨테이너 안에서 포크폭탄 돌리면 호스트까지 뻗음? 막는법 있음?',
      '친구가 컨테 안에서 :(){ :|:& };: 이거 돌려보래서 ㅋㅋ 호스트까지 뻗음?',
    ])
      expect(ask(q).answer).toMatch(/^네\. [^[]*호스트[^[]*--pids-limit/);
    // Asked why the container survived its limit, not whether the host can fall.
    expect(
      ask('fork bomb stalled and the PIDS column sat at exactly 100. thats pids-limit right? why didnt the container die tho').answer,
    ).toMatch(/^Yes\. [^[]*fork/);
  });

  it('takes an option of the notes written without its dashes (cap-drop, pids-limit) as naming it', () => {
    expect(ask('cap-drop ALL 하면 뭐가 빠지는거임? 둘중 하나만 고르라면').abstained).toBe(false);
    expect(ask('read-only file in python how to write anyway').abstained).toBe(true);
  });

  it('answers questions typed with slang, a Dockerfile line or a half-remembered word', () => {
    expect(ask('FROM node:20 in both my images, does pulling them eat the disk space twice?').abstained).toBe(false);
    expect(ask('ngl containers kinda mid?? whats the actual downside of vms tho fr').abstained).toBe(false);
    expect(ask('cpu 쉐어즈? 그거 2048이랑 1024면 몇배 차이였더라').answer).toMatch(/cpu-shares/);
    expect(ask('from now on i will add salt to everything, how much is too much').abstained).toBe(true);
  });

  it('takes registry, repository and tag as Docker concepts, and a computer or a class as the setting', () => {
    expect(ask('registry vs repository vs tag... first week and i keep mixing these up').answer).toMatch(/registry is/i);
    expect(ask('git tag vs branch whats the difference').abstained).toBe(true);
    expect(ask('내 컴에 받아둔 이미지 목록 보는 명령어 머였지').answer).toMatch(/docker images/);
  });

  it('takes a desktop hypervisor named by product as a VM, and a kernel panic as a crash, in casual English', () => {
    const nic = ask('installed debian in virtualbox, it gets wifi but where is its network card, like physically');
    expect(nic.abstained).toBe(false);
    expect(nic.answer).toMatch(/virtual (?:NIC|network card)/i);
    const panic = ask('honestly one vm in our lab kernel panicked and the others kept going, is that intended');
    expect(panic.abstained).toBe(false);
    expect(panic.answer).toMatch(/other VMs?/i);
    expect(ask('vmware stock price this year').abstained).toBe(true);
  });

  it('is disabled with a minimum score of 0', () => {
    expect(kb.search('Write me a poem about cats', { minScore: 0 }).abstain).toBe(false);
  });
});

describe('extractive answer', () => {
  it('answers in the question language, within 600 characters, citing numbered sources', () => {
    for (const q of ['--cpus 옵션에 소수를 넣으면 무슨 뜻이야?', 'What does --cpus 0.5 mean?']) {
      const a = ask(q);
      expect(a.abstained).toBe(false);
      expect(a.answer.length).toBeLessThanOrEqual(600);
      const cited = [...a.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
      expect(cited.length).toBeGreaterThan(0);
      for (const n of cited) expect(n).toBeLessThanOrEqual(a.sources.length);
      expect(a.sources.map((s) => s.n)).toEqual(a.sources.map((_, i) => i + 1));
    }
    expect(ask('--cpus 옵션에 소수를 넣으면 무슨 뜻이야?').answer).toMatch(/[가-힣]/);
    expect(ask('What does --cpus 0.5 mean?').answer).not.toMatch(/[가-힣]/);
  });
});

describe('user-dropped markdown', () => {
  it('ingests any .md dropped into the folder, including a blog post as published', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    copyFileSync(new URL('../fixtures/blog-post.md', import.meta.url), join(dir, 'blog-post.md'));
    writeFileSync(
      join(dir, 'notes.md'),
      '# Study notes\n\n## Podman\n\nPodman runs containers without a central daemon, each one a child of the podman process.\n',
    );
    writeFileSync(join(dir, 'ignored.txt'), 'not markdown');
    const local = await KnowledgeBase.load(dir);
    expect(local.docs.map((d) => d.path).sort()).toEqual(['blog-post.md', 'notes.md']);
    const r = local.search('What is Podman?', { topK: 1, minScore: MIN_SCORE });
    expect(r.hits[0].chunk.heading).toBe('Podman');
    expect(local.search('docker.sock 도커 데몬', { topK: 1 }).hits[0].chunk.doc.title).toBe('컨테이너 자원 제한 실습');
  });

  it('reports a missing folder clearly', async () => {
    await expect(KnowledgeBase.load('/nonexistent/knowledge')).rejects.toThrow(
      /Knowledge folder "\/nonexistent\/knowledge" cannot be read/,
    );
  });
});

describe('the abstain bar', () => {
  const unit = (key: string, extra: Partial<QueryUnit> = {}): QueryUnit => ({
    key,
    bigrams: [],
    concepts: [],
    weight: 1,
    known: true,
    ...extra,
  });
  it('is lowered for a long on-topic question, and a word the notes never use lowers it only half as much', () => {
    const topic = unit('docker', { concepts: ['§docker'] });
    const wording = ['a', 'b', 'c', 'd', 'e', 'f'].map((k) => unit(k));
    const bar = (units: QueryUnit[]) => abstainBar(units, true, 0.35, DEFAULT_RANKING);
    expect(bar([topic, ...wording.slice(0, 4)])).toBeCloseTo(0.35);
    expect(bar([topic, ...wording])).toBeCloseTo((0.35 * 4) / 6);
    const foreign = wording.map((u, i) => (i >= 4 ? { ...u, known: false, foreign: true } : u));
    expect(bar([topic, ...foreign])).toBeCloseTo((0.35 * 4) / 5);
    expect(abstainBar([topic, ...wording], false, 0.35, DEFAULT_RANKING)).toBeCloseTo(0.35 + DEFAULT_RANKING.offTopicMargin);
  });
});

describe('a pasted docker run with options after the image', () => {
  it('is answered with why the option was ignored, then the corrected line', () => {
    const why = ask('docker run -d -p 8080:8080 myapp:1.0 --memory 200m 이렇게 띄웠는데 stats 보면 limit 안걸려있음 왜임??').answer;
    expect(why).toMatch(/^이미지 이름\(myapp:1\.0\) 뒤에 쓴 옵션\(--memory 200m\)은 도커가 적용하지 않는다/);
    expect(why).toContain('docker run -d -p 8080:8080 --memory 200m myapp:1.0');
    const en = ask('I ran docker run -d myapp:1.0 --memory 200m but docker stats shows no limit, why?').answer;
    expect(en).toMatch(/^--memory 200m comes after the image name \(myapp:1\.0\)/);
    const howto = ask('docker run -d nginx --memory 200m 이거 어떻게 고쳐서 쳐야됨?').answer;
    expect(howto).toMatch(/^이미지 이름\(nginx\) 뒤에 쓴 옵션/);
    expect(howto).toContain('docker run -d --memory 200m nginx');
    // Options before the image: nothing to diagnose.
    expect(ask('docker run -d --memory 200m nginx 했는데 stats에 limit 200MiB 맞게 나옴?').answer).not.toContain('뒤에 쓴 옵션');
  });
});

describe('questions of several asking clauses', () => {
  it("ranks each clause on its own too and answers the one the whole question's lead leaves out", () => {
    const r = kb.search('하이퍼바이저가 뭐고 vm은 왜 이렇게 무거움??', { topK: 5, minScore: MIN_SCORE });
    expect(r.partBests?.[0]?.chunk.heading).toMatch(/하이퍼바이저\(hypervisor\)란/);
    expect(extractiveAnswer(r, 600).answer).toMatch(/하이퍼바이저\(가상 머신 모니터, VMM\)는 VM을 만들고/);
    // One asking clause: nothing ranked twice.
    expect(kb.search('하이퍼바이저가 뭐임?', { topK: 5, minScore: MIN_SCORE }).partBests).toBeUndefined();
  });

  it('ranks a clause that points back ("can i cap it") with what the clause before it named, over all candidates', () => {
    const r = kb.search('whats the PIDS column in docker stats, and can i cap it', { topK: 5, minScore: MIN_SCORE });
    expect(r.partPointsBack).toEqual([false, true]);
    expect(r.partBests?.[1]?.chunk.heading).toMatch(/--pids-limit/);
    expect(extractiveAnswer(r, 600).answer).toMatch(/PIDS[^.]*processes and threads[\s\S]*--pids-limit/);
    // A clause asking nothing of the notes' kind ("does it even matter") borrows nothing.
    const matter = kb.search('--memory 200m = 200 MB or 200 MiB? does it even matter', { topK: 5, minScore: MIN_SCORE });
    expect(matter.partPointsBack?.[1]).toBe(false);
  });
});

describe('a half-remembered option or command name', () => {
  it('is answered for the name meant, and the answer opens with the right spelling', () => {
    const r = kb.search('--pid-limit 100 is the fork bomb protection thing right?', { topK: 5, minScore: MIN_SCORE });
    expect(r.renamed).toEqual([{ typed: '--pid-limit', meant: '--pids-limit' }]);
    expect(r.query).toContain('--pids-limit 100');
    const a = extractiveAnswer(r, 600);
    expect(a.question).toBe('--pid-limit 100 is the fork bomb protection thing right?');
    expect(a.answer).toMatch(/^Note: the flag is `--pids-limit`; Docker has no `--pid-limit`\. \S/);
    expect(ask('docker status 치면 컨테 메모리 사용량 보이는거 맞지?').answer).toMatch(/^참고: 정확한 명령은 `docker stats`입니다\./);
    // Spelt right, no note.
    expect(ask('--pids-limit 100 is the fork bomb protection thing right?').answer).not.toMatch(/^Note:/);
  });
});

describe('three things listed to tell apart', () => {
  it('gets a line for each, from its own section, in the question’s language', () => {
    const dockerfile = ask('Dockerfile FROM RUN CMD quick what does each do').answer;
    for (const instruction of ['FROM', 'RUN', 'CMD']) expect(dockerfile).toMatch(new RegExp(`\\b${instruction}\\b`));
    const ko = ask('namespace랑 cgroup이랑 hypervisor 셋 차이 eli5 부탁').answer;
    expect(ko).toMatch(/namespace/);
    expect(ko).toMatch(/cgroups?/);
    expect(ko).toMatch(/하이퍼바이저/);
  });
});
