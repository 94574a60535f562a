// Neighbouring topics the notes lack are declined by name; a question the notes do answer is not.
import { beforeAll, describe, expect, it } from 'vitest';
import { extractiveAnswer, notCoveredReply } from '../../src/answer/extractive.js';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { adjacentTopic } from '../../src/knowledge/scope.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await KnowledgeBase.load('knowledge');
});
const search = (q: string) => kb.search(q, { topK: 3, minScore: 0.35 });

describe('neighbouring topics', () => {
  it.each([
    ['docker swarm vs kubernetes for prod, which one', 'Docker Swarm'],
    ['podman rootless 모드는 도커랑 뭐가 다름', 'Podman'],
    ['도커 컴포즈에서 서비스 이름으로 통신 안됨?', 'Docker Compose'],
    ['do we have to pay for docker desktop at work? licence stuff', 'Docker plans, licences and pull limits'],
    ['docker pull 하는데 toomanyrequests 뜸 익명은 몇번까지 받을수있음?', '도커 요금제·라이선스·풀 제한'],
    ['인텔리제이 vm options에 -Xmx 얼마 줘야됨', 'JVM 설정'],
    ['aws vs gcp for a small vm, which is cheaper per month', 'cloud providers and their prices'],
    ['포토샵에서 이미지 레이어 합치는 단축키 뭐였지', '사진·그림 편집 프로그램'],
    ['terraform script to spin up an ec2 instance?', 'cloud and deployment tools'],
    ['how do i make github actions build my image and push it on every tag', 'cloud and deployment tools'],
    // A passage naming another tool of the group (Ansible) does not cover helm.
    ['helm install vs helm upgrade --install whats the diff', 'cloud and deployment tools'],
    ["node keeps crashing with 'JavaScript heap out of memory', how do i raise --max-old-space-size", 'Node.js and TypeScript settings'],
    ['타입스크립트 namespace 랑 module 차이 뭐임', 'Node.js·TypeScript 설정'],
    ['도커 말고 그냥 우분투 노트북에 swapfile 4g로 늘리는 법', '호스트의 스왑 설정'],
    ['노트북 램 8기가면 부족함? 16기가 사야됨?', '컴퓨터·휴대폰 구매와 사양'],
    ['can you turn a 20ft shipping container into a tiny house, insulation tips?', 'shipping containers and dock work'],
    ['부산항 도커 알바 시급 얼마임? 컨테이너 하역하는 일', '화물 컨테이너와 항만 일'],
    ['40피트 컨테이너에 팔레트 몇개 들어감', '화물 컨테이너와 항만 일'],
    ['how many TEU can the biggest vessel carry', 'shipping containers and dock work'],
    ['git log --oneline 하면 해시 7자리만 뜨는데 전체 보는법', 'git과 GitHub'],
    ['trivy로 이미지 취약점 스캔하는 법', '이미지 보안 스캔'],
    [
      'docker containers on a user-defined bridge can ping each other by name but not on the default bridge, why',
      "Docker's networks (bridges and network drivers, name resolution, container-to-container traffic)",
    ],
    // Swap in the keyboard's sense.
    ['how do i swap caps lock and ctrl on linux', 'keyboard and shortcut settings'],
    ['container logs filled my disk, how do i set max-size on the json-file driver', 'logging drivers and log retention'],
    ['nginx reverse proxy for two containers on diff ports, whats the server block look like', 'reverse proxies and certificates'],
    ['proxmox에서 vm 템플릿 만드는 법', 'Proxmox·libvirt 같은 가상화 관리 도구'],
    ['how does wsl2 do file sharing with windows internally, is it 9p or smth', "WSL's own settings and internals"],
    ['in c++ is a virtual function kinda the same idea as a virtual machine', 'programming languages and IDEs'],
    ['wsl2 설치 어케함? 윈도우10 홈임', '윈도우 설정과 WSL 설치'],
    ['my phone says storage full, how do i free up memory without deleting apps', 'buying computers and phones'],
    // Shopping for hardware to run VMs on is still shopping.
    ['best cpu for a home lab server under $300? ryzen 5 or i5, gonna run some vms', 'buying computers and phones'],
    [
      'virtualbox shared folder not showing in the ubuntu guest, guest additions are installed',
      'using VirtualBox and VMware (guest additions, shared folders, display)',
    ],
    ['docker login에서 unauthorized 뜸 비번 맞는데', '계정·비밀번호와 로그인'],
    ['how does the python virtual machine run bytecode', 'programming-language internals and packages'],
    // Docker words in a programming sense, and Docker's own bridge network (the notes' bridge is a VM's NIC mode).
    ['why do ppl say never write using namespace std', 'programming-language internals and packages'],
    ["파이썬 if __name__ == '__main__' 이게 엔트리포인트임?", '프로그래밍 언어의 내부와 패키지'],
    [
      'docker bridge vs host network mode diff',
      "Docker's networks (bridges and network drivers, name resolution, container-to-container traffic)",
    ],
    ['오라클 클라우드 프리티어 vm 몇개까지 공짜임', '클라우드 업체와 요금'],
    ['인텔 주식 지금 사도 됨? cpu 점유율 오른다던데', '주식과 투자'],
    // An operating-systems course's subjects: the pids passage names processes and threads, not how they differ.
    ['프로세스랑 스레드 차이 시험에 나온대', '운영체제 이론(가상 메모리, 페이징, 스레드, 스케줄링)'],
    ['virtual memory vs physical memory for my os exam', 'operating-system theory (virtual memory, paging, threads, scheduling)'],
    // Every word naming the topic must be in the passage: EC2 in passing does not answer a price comparison.
    ['ec2랑 라이트세일 중에 뭐가 더 쌈', '클라우드 업체와 요금'],
    // Read as typed: spelling correction would turn 페이징 into a word of the notes.
    ['윈도우 가상메모리 페이징 파일 크기 몇으로 해야됨?', '윈도우 설정과 WSL 설치'],
    // Course logistics asked about; "…시험범위래" after a real question is only where it was heard (tested below).
    ['기말 범위 어디까지임?? 도커 나옴?', '시험 범위와 수업 일정'],
    ["what's on the midterm, is docker in it", 'exam scope and course schedules'],
    // Kubernetes named only where the question sets up what it asks ("쿠버 yaml에 … 써있는데"): still Kubernetes's units.
    ['쿠버 yaml에 cpu: 500m 이렇게 써있는데 m 이 메가임?', '쿠버네티스'],
    // Containers finding each other, and Docker's host and bridge networks compared: the notes do neither.
    [
      'my api and db containers cant talk to each other on the default network, why',
      "Docker's networks (bridges and network drivers, name resolution, container-to-container traffic)",
    ],
    ['--network host랑 bridge 중에 db 컨테이너엔 뭐가 나음', '도커 네트워크(브리지와 네트워크 드라이버, 이름 해석, 컨테이너 간 통신)'],
    ['깃헙 레포 private으로 바꾸는 법', 'git과 GitHub'],
    ['도커 bridge 네트워크 만들면 컨테이너 ip는 어떻게 정해짐?', '도커 네트워크(브리지와 네트워크 드라이버, 이름 해석, 컨테이너 간 통신)'],
    ['윈도우 기능 켜기에서 hyper-v 체크하는 법 알려줘', '윈도우 설정과 WSL 설치'],
    // A VM window's screen resolution; a photo's resolution is no VM's (declined without naming VirtualBox).
    ['버박 vm 화면이 1024x768에서 안바뀜 해상도 어케 올림', 'VirtualBox·VMware 사용법(게스트 확장, 공유 폴더, 화면)'],
    // Trivia beside the tool, the learner's memory, a language's own process APIs, and a push refused by the registry.
    ['도커 마스코트 고래 이름이 뭐였지', '도커 로고와 마스코트'],
    ['마크 인벤토리 컨테이너 칸 늘리는 모드 있음?', '게임 (인벤토리와 아이템)'],
    ['암기 잘 되는 공부법 추천좀 메모리가 딸림', '공부법과 암기'],
    ['in python is multiprocessing faster than threads for cpu work', 'programming-language internals and packages'],
    ['docker push fails with denied: requested access to the resource is denied', 'accounts, passwords and logging in'],
    ['우분투 설치할때 swap 파티션 크기 얼마로 함?', '호스트의 스왑 설정'],
    // Memory in the browser's sense.
    ['사파리 메모리 제한 거는 법 있음?', '웹 브라우저'],
    ['크롬 cpu 사용량 제한 하는법', '웹 브라우저'],
  ])('declines %s, naming the topic', (q, name) => {
    const r = search(q);
    expect(r).toMatchObject({ abstain: true, notCovered: name });
    expect(extractiveAnswer(r, 600).answer).toContain(name);
  });

  it('answers a real question that only says it is on the exam', () => {
    expect(search('cgroup v1 v2 차이 뭐임 걍 버전업임? 시험범위래').abstain).toBe(false);
  });

  it('declines a question about freight containers by their own names, but not one about the name or the analogy', () => {
    expect(search('how much does a used shipping container cost these days')).toMatchObject({
      abstain: true,
      notCovered: 'shipping containers and dock work',
    });
    expect(search('컨테이너선 한척에 컨테이너 몇개 실림?')).toMatchObject({ abstain: true, notCovered: '화물 컨테이너와 항만 일' });
    expect(search('why is docker named after shipping containers').abstain).toBe(false);
    expect(search('화물 컨테이너 비유가 도커에서 맞는 부분이랑 틀린 부분 뭐임').abstain).toBe(false);
  });

  it("answers a VM's bridged mode and --network host, which the notes cover beside Docker's bridge network", () => {
    expect(search('vm bridged mode vs nat mode difference').abstain).toBe(false);
    expect(search('what does --network host change for a container').abstain).toBe(false);
  });

  it('answers whether --pids-limit counts threads, which the notes say', () => {
    const r = search('does --pids-limit count threads too or only processes');
    expect(r.abstain).toBe(false);
    expect(r.hits[0].chunk.heading).toMatch(/pids-limit/);
  });

  it('answers "insulation" typed for isolation, which is no sign of a shipping container', () => {
    expect(search('is container insulation as strong as a vm?').abstain).toBe(false);
  });

  it('answers why Docker Desktop asks for WSL2, which the notes cover, though installing WSL they do not', () => {
    expect(search('도커 데스크탑 깔려니까 wsl2 설치하라고 뜸;; 도커는 vm 아니라면서 이건 왜 필요함?').abstain).toBe(false);
  });

  it('answers whether a laptop can run Docker and a VM, which is no shopping', () => {
    expect(search('is a laptop with 8gb enough to run docker and a vm at the same time').abstain).toBe(false);
  });

  it('declines a comparison with a neighbouring tool the best passage names only in passing, and a pull limit named in the premise', () => {
    expect(search('podman이랑 docker 뭐가 나음? 회사에서 podman 쓰라는데')).toMatchObject({ abstain: true, notCovered: 'Podman' });
    expect(search('hitting docker hub pull rate limit in CI every morning, how do ppl get around that')).toMatchObject({
      abstain: true,
      notCovered: 'Docker plans, licences and pull limits',
    });
    // Named beside a VM/Docker thing of the notes, a tool is an example, and the passage may name it in its text.
    expect(
      search('someone in our group mounted /var/run/docker.sock into the jenkins container so it can build images. bad idea or fine?')
        .abstain,
    ).toBe(false);
  });

  it('answers a question whose neighbouring topic the best passage does cover', () => {
    const r = search('are kubernetes nodes usually VMs?');
    expect(r.abstain).toBe(false);
    expect(r.hits[0].chunk.text).toMatch(/Kubernetes/);
  });

  it('answers a question that rules the neighbouring topic out ("쿠버 말고 그냥 docker에서 …")', () => {
    const r = search('쿠버 말고 그냥 docker에서 memory limit 걸면 내부적으로 누가 막아주는거임?');
    expect(r.abstain).toBe(false);
    expect(search('k8s에서 memory limit 걸면 내부적으로 누가 막아주는거임?').notCovered).toBeDefined();
  });

  it('declines a neighbouring topic named only in the premise when the question names nothing more of Docker', () => {
    expect(search('도커 컴포즈 yml에서 depends_on 걸었는데 db 뜨기 전에 api가 먼저 붙어서 터짐 어케함')).toMatchObject({
      abstain: true,
      notCovered: 'Docker Compose',
    });
    expect(search('saw a compose file mounting /var/run/docker.sock into a container, is that sketchy?').abstain).toBe(false);
  });

  it('answers a password passed with -e, which the notes cover, and --cpu-shares, which is no stock', () => {
    expect(search('is it ok to pass my db password with -e?').abstain).toBe(false);
    expect(search('--cpu-shares 512 주면 cpu 절반만 씀?').abstain).toBe(false);
  });

  it('takes a pasted docker pull line as the Docker sense of layer, which a drawing app has not', () => {
    const r = search('pull 받을때 Pull complete 가 여러줄 뜨는거 그게 레이어임? 레이어가 뭔데');
    expect(r.abstain).toBe(false);
    expect(r.hits[0].chunk.heading).toMatch(/레이어/);
    expect(search('procreate says max layers reached, how do i get more layers').abstain).toBe(true);
  });

  it("takes a union filesystem as Docker, though a layer alone may be a drawing app's", () => {
    expect(search('유니온 fs 뭐임 ㅋㅋ 레이어랑 무슨상관').abstain).toBe(false);
    expect(search('overlayfs 가 뭐임').abstain).toBe(false);
  });

  it('answers whether other containers reach a container by its name, which the notes say, though DNS they do not', () => {
    expect(search('other containers can reach my container by name?').abstain).toBe(false);
  });

  it("answers the article's multi-process picture of VMs and a memorised one-liner, which are no programming or study question", () => {
    expect(search('prof said each vm is kinda like a separate process in multiprocessing?? whats the point').abstain).toBe(false);
    expect(search('걍 도커 = 가벼운 vm 이라고 외우면 되는거지?').abstain).toBe(false);
  });

  it("declines a photo's resolution without naming the VM display topic", () => {
    const r = search('블로그에 올릴 사진 해상도 몇으로 해야 안깨짐');
    expect(r.abstain).toBe(true);
    expect(r.notCovered).toBeUndefined();
  });

  it('names a topic with the particle its last syllable takes, and 은(는) after a Latin name', () => {
    expect(notCoveredReply('웹 브라우저').ko).toContain('웹 브라우저는 제 노트에');
    expect(notCoveredReply('JVM 설정').ko).toContain('JVM 설정은 제 노트에');
    expect(notCoveredReply('도커 네트워크(브리지와 네트워크 드라이버)').ko).toContain('드라이버)는 제 노트에');
    expect(notCoveredReply('Docker Swarm').ko).toContain('Docker Swarm은(는) 제 노트에');
  });

  it('answers a term asked "in one word" (한단어로), a length and no topic', () => {
    expect(search('하이퍼바이져 한단어로').abstain).toBe(false);
  });

  it('matches whole words only', () => {
    expect(adjacentTopic('how does docker compute CPU %')).toBeUndefined();
    expect(adjacentTopic('a swarming bee')).toBeUndefined();
    expect(adjacentTopic('쿠버 클러스터')?.name.en).toBe('Kubernetes');
    expect(adjacentTopic('--memory 512m 주고 돌림')).toBeUndefined();
  });
});
