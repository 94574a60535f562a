import { describe, expect, it } from 'vitest';
import { conceptsIn } from '../../src/knowledge/glossary.js';
import { editDistance, HangulSpelling, SpellingCorrector, toJamo } from '../../src/knowledge/spelling.js';
import { detectLang, questionLang, stripParticle, tokenize, words } from '../../src/knowledge/tokenize.js';
import { optionFamily, optionsNamedIn } from '../../src/knowledge/option-names.js';

const keys = (text: string) =>
  words(text)
    .filter((w) => !w.isStop)
    .map((w) => w.key);

describe('Korean tokens', () => {
  it('strips particles so 도커는 / 도커를 / 도커의 meet 도커', () => {
    expect(keys('도커는 도커를 도커의 컨테이너에서')).toEqual(['도커', '도커', '도커', '컨테이너']);
  });

  it('keeps nouns that end like a particle (차이, 길이) and strips verb endings (공유해, 지정하는)', () => {
    expect(stripParticle('차이')).toBe('차이');
    expect(stripParticle('차이가')).toBe('차이');
    expect(stripParticle('많이')).toBe('많이');
    expect(keys('차이 길이 공유해 지정하는')).toEqual(['차이', '길이', '공유', '지정']);
  });

  it('drops quantity adverbs, "happen" verbs and the copula, as English drops much/happen/is', () => {
    expect(keys('VM을 많이 띄우면 생기는 문제')).toEqual(['vm', '띄우', '문제']);
    expect(keys('가상머신인가요 컨테이너예요')).toEqual(['가상머신', '컨테이너']);
    expect(keys('도커는 VM이야')).toEqual(['도커', 'vm']);
    expect(keys('How much memory')).toEqual(['memori']);
  });

  it('reads a glossary noun closing a sentence with the copula (하이퍼바이저다, 데몬이다) as the noun, not a verb ending in 다', () => {
    expect(keys('VirtualBox는 타입 1 하이퍼바이저다. 도커 데몬이다')).toEqual(['virtualbox', '타입', '1', '하이퍼바이저', '도커', '데몬']);
    expect(keys('메모리를 쓴다 바다')).toEqual(['메모리', '쓴다', '바다']);
  });

  it('drops a particle glued to a Latin word (VM과, 1024랑) and question endings (뭐야, 어떻게)', () => {
    expect(keys('VM과 1024랑 뭐야 어떻게')).toEqual(['vm', '1024']);
    // A chain of particles glued to a Latin word goes too; a noun glued to one stays.
    expect(keys('vm으로도 docker에서는')).toEqual(['vm', 'docker']);
    expect(keys('vm이미지')).toEqual(['vm', '이미지']);
  });

  it('reads a native numeral with a counter (두개, 두배, 몇번) as a count, and a recalling ending (했더라) as closed-class', () => {
    expect(keys('이미지 두개가 디스크 두배로 몇번 했더라')).toEqual(['이미지', '디스크']);
  });

  it('reads a size spelled in Sino-Korean numerals (이백메가, 일점오코어) as its unit, but not a word that merely starts like one', () => {
    expect(keys('이백메가로 일점오코어')).toEqual(['메가', '코어']);
    expect(keys('스왑 천이십사냐 오백십이냐')).toEqual(['스왑']); // numbers, with a spoken question ending
    expect(keys('사이 일이')).toEqual(['사이', '일이']); // no tens, hundreds or thousands: words
    expect(keys('이미지 사용량')).toEqual(['이미지', '사용량']);
  });

  it('strips 하다 made a noun or a clause (작업한거, 설치해둔, 실행했더니) down to its noun', () => {
    expect(keys('작업한거 설치해둔 실행했더니')).toEqual(['작업', '설치', '실행']);
  });

  it('drops internet slang (yo, fr, lowkey, mid)', () => {
    expect(keys('yo lowkey vms kinda mid fr')).toEqual(['vms']);
  });

  it('strips "in progress" (실행중, 사용중인) and "the one of" (앞에꺼가) like particles, not from a word of two syllables', () => {
    expect(keys('실행중 사용중인 앞에꺼가 도커꺼')).toEqual(['실행', '사용', '앞', '도커']);
    expect(keys('집중 도중')).toEqual(['집중', '도중']);
  });

  it('strips the 하/되 of a 하다/되다 verb before a chat ending (지정하는거임 → 지정, 적용되는거임 → 적용), not of a two-syllable word', () => {
    expect(keys('지정하는거임 적용되는거임 설정하는거')).toEqual(['지정', '적용', '설정']);
    expect(keys('부하')).toEqual(['부하']);
  });

  it('drops fillers and sound words (어쩌구, 뭔소리, 대충, 아예, 뚝뚝, 하나씩), and 대로/때 after a noun', () => {
    expect(keys('VT-x is disabled 어쩌구 뜸 뭔소리임 대충 아예 뚝뚝 끊김 하나씩')).not.toEqual(
      expect.arrayContaining(['어쩌구', '뭔소리', '대충', '아예', '뚝뚝', '하나씩']),
    );
    expect(keys('순서대로 면접때')).toEqual(['순서', '면접']);
    expect(keys('그게 뭔 소리임 스왑')).toEqual(['스왑']);
  });

  it('reads a pasted usage / limit pair in binary units (199MiB / 200MiB) as a docker stats reading, not a pair of decimal sizes', () => {
    expect(conceptsIn('mem 199MiB / 200MiB 찍혀있는데')).toContain('§stats');
    expect(conceptsIn('1.5GiB/2GiB')).toContain('§stats');
    expect(conceptsIn('10GB / 20GB 디스크')).not.toContain('§stats');
  });

  it('reads 버박 as VirtualBox, and cutting something off (인터넷 끊고, 차단) as turning it off, but not a stutter (끊김)', () => {
    expect(conceptsIn('버박 깔았는데')).toContain('§vm-product');
    expect(conceptsIn('인터넷 끊고 돌리고싶음')).toContain('§disable');
    expect(conceptsIn('네트워크 차단')).toContain('§disable');
    expect(conceptsIn('응답이 뚝뚝 끊김')).not.toContain('§disable');
    // Not setting an option is leaving it unset, in English as in Korean (안 줬음).
    expect(conceptsIn('if i give 2g memory and dont set swap at all')).toContain('§unset');
    expect(conceptsIn('i set swap to 1g')).not.toContain('§unset');
  });

  it('drops while, forever and "walk me through" as English function words', () => {
    expect(keys('walk me through it while the build takes forever')).toEqual(['through', 'build', 'take']);
  });

  it('drops chat words (nobody, slap, checklist, 말로)', () => {
    expect(keys('slap on a checklist so nobody')).toEqual([]);
    expect(keys('말로 설명 못하겠음')).not.toContain('말로');
  });

  it('reads the options a text names with their dashes, short flags as their long names, and their families', () => {
    expect(optionsNamedIn('-c / --cpu-shares: CPU weight, and --memory-swap, not cpu-shares alone')).toEqual([
      'cpu-shares',
      'memory-swap',
      'cpu-shares',
    ]);
    // Every short flag of a heading ("-p HOST:CONTAINER"), only the notes' two in a question.
    expect(optionsNamedIn('-p HOST:CONTAINER and -it', true)).toEqual(['p', 'it']);
    expect(optionsNamedIn('-p HOST:CONTAINER and -it')).toEqual([]);
    expect(['memory-swap', 'memory', 'cpus', 'cpu-shares'].map(optionFamily)).toEqual(['memory', 'memory', 'cpus', 'cpu']);
  });

  it('drops time and repetition adverbs (이미, 아직, 지금, 다시) as English drops still, now, again', () => {
    expect(keys('이미 돌고있는 컨테이너 지금 다시 run 해야됨')).toEqual(['돌고있', '컨테이너', 'run']);
    expect(keys('still running now, again')).toEqual(['run']);
    // A word that starts like one is a word of its own: 이미지 is the image.
    expect(keys('이미지 아직도')).toEqual(['이미지']);
  });

  it('drops discourse markers and English contractions as closed-class words', () => {
    expect(keys('솔직히 아무튼 컨테이너는 굳이 왜')).toEqual(['컨테이너']);
    expect(keys("the other vms didn't notice, isn't it")).not.toEqual(expect.arrayContaining(['didn']));
    expect(keys("the other vms didn't notice, isn't it")).not.toEqual(expect.arrayContaining(['isn']));
    expect(keys("whats the lowest it'll take, they've said")).not.toEqual(expect.arrayContaining(['ll']));
    expect(keys("whats the lowest it'll take, they've said")).not.toEqual(expect.arrayContaining(['ve']));
    // What kind of thing is asked about, or how sure the student is, is no topic: 옵션 as flag, "my understanding".
    expect(keys('my understanding is that')).toEqual([]);
    expect(keys('-c 옵션 뭐임')).toEqual(['c']);
  });

  it('adds Hangul bigrams so compounds meet their spaced form', () => {
    const joined = new Set(tokenize('가상머신'));
    const spaced = new Set(tokenize('가상 머신'));
    expect(joined.has('가상')).toBe(true);
    expect(joined.has('머신')).toBe(true);
    expect([...spaced].filter((t) => joined.has(t)).length).toBeGreaterThanOrEqual(2);
  });
});

describe('English tokens', () => {
  it('stems words and keeps option names whole as well as in parts', () => {
    const t = tokenize('Containers running with --cpu-shares and docker.sock');
    expect(t).toEqual(expect.arrayContaining(['contain', 'run', 'cpu-shares', 'cpu', 'share', 'docker.sock', 'sock']));
    expect(t).not.toContain('with');
  });

  it('reads an irregular past form as its verb: ate is eat, built is build', () => {
    expect(keys('someone ate all the ram')).toEqual(keys('someone eat all the ram'));
    expect(keys('images built from layers')).toEqual(keys('images build from layers'));
  });

  it('reads "docker images" before a plural verb as the noun, and as the command otherwise', () => {
    expect(keys('why are docker images built out of layers')).not.toContain('docker-images');
    expect(keys('do docker images do the same thing with layers')).not.toContain('docker-images');
    expect(keys('docker images shows only one line')).toContain('docker-images');
  });

  it('takes a Dockerfile instruction in capitals for no glossary concept: RUN is no docker run', () => {
    expect(tokenize('RUN apt-get install -y curl')).not.toContain('§run');
    expect(tokenize('run a container')).toContain('§run');
  });

  it('makes an option typed with its dashes a term of its own: --cpus is not the cpus of --cpuset-cpus', () => {
    expect(tokenize('limit it with --cpus 1.5')).toEqual(expect.arrayContaining(['--cpus', 'cpus']));
    expect(tokenize('pin it with --cpuset-cpus 0')).not.toContain('--cpus');
    expect(tokenize('two cpus')).not.toContain('--cpus');
  });
});

describe('glossary', () => {
  it('gives "virtual machine", "VM" and "가상머신" the same concept', () => {
    for (const text of ['a virtual machine', 'VMs', '가상머신을', '가상 머신']) expect(conceptsIn(text)).toContain('§vm');
  });
  it("takes an option's leading dashes as an edge for phrase forms, not a hyphen inside a word", () => {
    expect(conceptsIn('docker stats --no-stream')).toContain('§snapshot');
    expect(conceptsIn('no-stream')).toContain('§snapshot');
    expect(conceptsIn('x-no-stream')).not.toContain('§snapshot');
    // "Too much memory" is said of Chrome and phones too: it names no OOM kill by itself.
    expect(conceptsIn('chrome uses too much memory')).not.toContain('§oom');
    // An adnominal form with the bound noun 거 after a glossary verb ("격리된거 아니었음?") still names the concept.
    expect(conceptsIn('컨테 격리된거 아니었음?')).toContain('§isolation');
    expect(conceptsIn('제한한거임')).toContain('§limit');
    // chroot (a chroot jail, FreeBSD jails) is the first step of container history; a jail alone is a prison.
    expect(conceptsIn('리눅스 수업때 chroot로 감옥 만드는거 해봤는데')).toEqual(expect.arrayContaining(['§chroot']));
    expect(conceptsIn('FreeBSD jails')).toContain('§chroot');
    expect(conceptsIn('my friend went to jail')).not.toContain('§chroot');
  });

  it('gives the OOM killer one concept in both languages: killer and 킬러 are kills, a word containing kill is not', () => {
    for (const text of ['the OOM killer', 'OOM 킬러', 'it kills my app']) expect(conceptsIn(text)).toContain('§exit');
    expect(conceptsIn('skillet')).not.toContain('§exit');
    expect(conceptsIn('킬러콘텐츠')).not.toContain('§exit');
  });

  it('gives history and origins one concept (원조, predecessors), but not the docker history command', () => {
    for (const text of ['컨테이너 원조는 뭐임', 'the history of containers', 'predecessors of docker', '컨테이너 역사'])
      expect(conceptsIn(text)).toContain('§origin');
    expect(conceptsIn('docker history 보니까 0B')).not.toContain('§origin');
    // Likewise docker update is a command, not keeping versions up to date.
    expect(conceptsIn('docker update is for what')).not.toContain('§version');
    expect(conceptsIn('every vm needs os updates')).toContain('§version');
  });

  it('reads where options go in a command (flag order, 옵션 위치) as one concept, and an order of anything else as not', () => {
    expect(conceptsIn('does flag order matter')).toContain('§option-order');
    expect(conceptsIn('옵션 위치 상관있음?')).toContain('§option-order');
    expect(conceptsIn('in what order are layers stacked')).not.toContain('§option-order');
  });

  it('reads 터져도 as a crash and 굴리면 as running', () => {
    expect(conceptsIn('vm 하나 터져도')).toContain('§crash');
    expect(conceptsIn('vm 수십개 굴리면')).toContain('§run');
    expect(conceptsIn('둘다 결국 반띵 아님?')).toContain('§half');
  });

  it('needs word edges for Latin forms', () => {
    expect(conceptsIn('vmware tools')).not.toContain('§vm');
    expect(conceptsIn('VM과 도커')).toEqual(expect.arrayContaining(['§vm', '§docker']));
  });
});

describe('recalling endings, "only" and idle CPU', () => {
  it('reads 뭐였더라 as a question word and 반밖에 as 반 + only', () => {
    expect(keys('이미지 목록 명령어 뭐였더라')).toEqual(['이미지', '목록', '명령어']);
    expect(keys('반밖에 못씀')).toContain('반');
  });

  it('gives spare CPU one concept in both languages, but not a word that merely starts like it', () => {
    for (const text of ['cpu 한가할때도', '다른 컨테이너가 놀고 있으면', 'when the others are idle', 'all the spare CPU'])
      expect(conceptsIn(text)).toContain('§idle');
    for (const text of ['남자', '노트북', 'an idler']) expect(conceptsIn(text)).not.toContain('§idle');
  });

  it('reads a fork bomb described, not named, as the pids concept', () => {
    for (const text of ['프로세스 무한으로 fork 해서', 'it keeps forking forever', 'infinite forks'])
      expect(conceptsIn(text)).toContain('§pids');
    expect(conceptsIn('git fork 하는 법')).not.toContain('§pids');
  });

  it('gives half one concept (반코어, 코어 반개, 절반, half a core), not a word starting with 반', () => {
    for (const text of ['반코어?', '코어 반개만', '절반만 쓰는거', 'half a core']) expect(conceptsIn(text)).toContain('§half');
    for (const text of ['반도체', '반환값', '반드시']) expect(conceptsIn(text)).not.toContain('§half');
  });

  it('reads an unreachable service as a port question (localhost:3000, connection refused), not any number after a colon', () => {
    for (const text of ['localhost:3000 in the browser', 'curl 127.0.0.1:8080 hangs', 'ERR_CONNECTION_REFUSED', 'connection refused'])
      expect(conceptsIn(text)).toContain('§port');
    for (const text of ['python:3.12-slim', 'ratio 1024:512', 'the local host']) expect(conceptsIn(text)).not.toContain('§port');
  });

  it('reads a docker subcommand as a command term of its own, but not docker run, nor a word after another tool', () => {
    expect(tokenize('docker stats 뒤에 이름')).toContain('docker-stats');
    expect(tokenize('docker  ps -a')).toContain('docker-ps');
    expect(tokenize('docker run -d nginx')).not.toContain('docker-run');
    expect(tokenize('kubectl logs my-pod')).not.toContain('docker-logs');
    expect(keys('docker images')).toEqual(['docker', 'docker-images']);
  });

  it('reads picking columns out of a table as the format concept', () => {
    for (const text of ['name이랑 mem usage만 뽑고싶음', 'just the names pls', 'custom columns'])
      expect(conceptsIn(text)).toContain('§format');
  });

  it('matches a phrase form whose first word ends in an optional letter in both spellings (run out of, runs out of)', () => {
    for (const text of ['we run out of ram', 'the box runs out of memory']) expect(conceptsIn(text)).toContain('§exceed');
  });

  it("reads a beginner's words for a VM (a fake computer, a computer inside a computer) as the VM concept", () => {
    for (const text of ['the program that makes fake computers', '가짜 컴퓨터 만드는거', 'a computer inside another computer'])
      expect(conceptsIn(text)).toContain('§vm');
    expect(conceptsIn('fake news on my computer')).not.toContain('§vm');
  });

  it("reads the student's own machine as the host, borrowing as sharing, and 'N번 프로세스' as a PID", () => {
    for (const text of ['runs fine on my laptop', '노트북에서 돌리면', '내 컴퓨터 os를']) expect(conceptsIn(text)).toContain('§host');
    expect(conceptsIn('os를 빌려쓰는거임')).toContain('§share');
    expect(conceptsIn('내 앱이 1번 프로세스라던데')).toContain('§pid');
    expect(conceptsIn('1번 문제 프로세스')).not.toContain('§pid');
    expect(conceptsIn('a thing that lets one computer pretend to be a bunch of computers')).toContain('§vm');
  });

  it('reads turning a feature off as the disable concept, and a container that shut down as not', () => {
    for (const text of ['oom 킬러 끄는 옵션', '--oom-kill-disable 쓰면', 'can i turn it off'])
      expect(conceptsIn(text)).toContain('§disable');
    expect(conceptsIn('컨테이너가 꺼짐')).not.toContain('§disable');
  });

  it("reads a beginner's words: a middleman is the engine, a template the image, a recipe the Dockerfile", () => {
    expect(conceptsIn('커널 사이에서 중간다리 해주는 애')).toContain('§engine');
    expect(conceptsIn('the middleman between my app and the kernel')).toContain('§engine');
    expect(conceptsIn('is the image like a template')).toContain('§image');
    expect(conceptsIn('the recipe file for my app')).toContain('§dockerfile');
    expect(conceptsIn('중간에 멈춤')).not.toContain('§engine');
  });

  it('reads a container that is running (돌고있는, 도는) as the run concept, and a dolphin as not', () => {
    for (const text of ['이미 돌고있는 컨테이너', '뒤에서 도는 서비스']) expect(conceptsIn(text)).toContain('§run');
    expect(conceptsIn('돌고래 사진')).not.toContain('§run');
  });

  it('reads installing (설치, 깔리는거) as the install concept, and 깔끔 as not; a chore that is tough (개빡셈) as a drawback', () => {
    for (const text of ['os 하나씩 깔리는거', '앱 다 깔면', 'install it']) expect(conceptsIn(text)).toContain('§install');
    expect(conceptsIn('깔끔하게 정리')).not.toContain('§install');
    expect(conceptsIn('관리 개빡셈')).toContain('§disadvantage');
    expect(conceptsIn('격리 빡세게 해야')).not.toContain('§disadvantage');
  });

  it('reads cores kept for one container alone as the dedicated concept', () => {
    for (const text of ['1.5 cores reserved just for that container', 'nobody else can touch them', '코어 2개 전용으로'])
      expect(conceptsIn(text)).toContain('§dedicated');
    expect(conceptsIn('memory reserved for the guest os')).not.toContain('§dedicated');
  });

  it('reads processes forking like crazy as the process-limit concept, and a fork of a repo as not', () => {
    expect(conceptsIn('something in a container forks like crazy')).toContain('§pids');
    expect(conceptsIn('i forked the repo on github')).not.toContain('§pids');
  });

  it('reads a CPU % that never goes above a value as throttling', () => {
    for (const text of ['sits at 100% never above', "it won't go past 50%", 'doesnt go over 100', '가끔 응답이 확 튐'])
      expect(conceptsIn(text)).toContain('§throttle');
    expect(conceptsIn('공이 튀어나옴')).not.toContain('§throttle');
  });

  it('reads a variable written as KEY=value as the environment-variable concept', () => {
    expect(conceptsIn('need DB_HOST=10.0.0.5 in the container')).toContain('§env');
    expect(conceptsIn('ratio a=b, x = 3')).not.toContain('§env');
  });

  it('reads building an image as the Dockerfile concept, and building anything else as not', () => {
    for (const text of ['my image build redoes everything', '이미지 빌드할때마다 느림', 'building the image takes forever'])
      expect(conceptsIn(text)).toContain('§dockerfile');
    expect(conceptsIn('build a house')).not.toContain('§dockerfile');
  });

  it('reads shares written in Hangul (셰어, 쉐어즈) as the share concept', () => {
    for (const text of ['cpu 셰어', '쉐어즈 1024']) expect(conceptsIn(text)).toContain('§share');
  });

  it('reads copy on write in every spelling as one concept', () => {
    for (const text of ['copy on write', 'copy-on-write', 'CoW 때문', '쓰기 시 복사']) expect(conceptsIn(text)).toContain('§copy-on-write');
  });

  it('reads chat abbreviations and everyday phrasings as their concepts (sw, hw, 똑같이 돌아감, works the same)', () => {
    expect(conceptsIn('다른 sw 환경')).toContain('§app');
    expect(conceptsIn('hw 가상화')).toContain('§hardware');
    expect(conceptsIn('os 업뎃 지옥')).toContain('§version');
    for (const text of ['서버에서도 똑같이 돌아가는 이유', '그대로 실행됨', 'it runs the same on the server', 'works on my machine'])
      expect(conceptsIn(text)).toContain('§portability');
    for (const text of ['똑같이 생김', 'the same server', 'swap']) expect(conceptsIn(text)).not.toContain('§portability');
    expect(conceptsIn('swap 꺼짐')).not.toContain('§app');
  });
});

describe('language and spelling', () => {
  it('detects the question language', () => {
    expect(detectLang('VM과 도커 차이')).toBe('ko');
    expect(detectLang('cpu-shares 1024랑 512')).toBe('ko');
    expect(detectLang('What does --cpus do?')).toBe('en');
    expect(detectLang('user namespace란')).toBe('ko');
    expect(detectLang('docker run --memory-swap -1 --memory 300m 의미?')).toBe('ko');
  });

  it('corrects typos against the known vocabulary', () => {
    const s = new SpellingCorrector(['difference', 'container', 'containers', 'between', 'virtual', 'machine']);
    expect(s.correct('diffrence')).toBe('difference');
    expect(s.correct('containr')).toBe('container');
    expect(s.correct('betwen')).toBe('between');
    expect(s.correct('poem')).toBe('poem');
    expect(s.correct('contianer')).toBe('container'); // a swap
  });

  it('leaves the plural of a known word alone: "dockers" is not "dockerd"', () => {
    const sc = new SpellingCorrector(['docker', 'dockerd', 'daemon']);
    expect(sc.correct('dockers')).toBe('dockers');
    expect(sc.correct('daemonz')).toBe('daemon');
  });

  it('keeps the first letter: "bother" is a word, not "other" misspelt; a swap of the first two is a typo', () => {
    const s = new SpellingCorrector(['other', 'kernel', 'image']);
    expect(s.correct('bother')).toBe('bother');
    expect(s.correct('ekrnel')).toBe('kernel');
    expect(s.correct('kernle')).toBe('kernel');
  });

  it('leaves another inflection of a known stem alone: "worked" is no typo of "worker"', () => {
    const s = new SpellingCorrector(['worker', 'workers', 'mounted', 'kernel']);
    expect(s.correct('worked')).toBe('worked');
    expect(s.correct('mounter')).toBe('mounter');
    expect(s.correct('kernal')).toBe('kernel');
    expect(s.correct('wroker')).toBe('worker');
  });

  it('leaves short real words the vocabulary lacks alone, and only un-swaps five-letter words', () => {
    const s = new SpellingCorrector(['read', 'acts', 'look', 'image', 'past']);
    expect(s.correct('bread')).toBe('bread'); // not "read"
    expect(s.correct('cats')).toBe('cats'); // not "acts"
    expect(s.correct('cook')).toBe('cook'); // not "look"
    expect(s.correct('pasta')).toBe('pasta'); // not "past"
    expect(s.correct('imgae')).toBe('image');
    expect(editDistance('abcd', 'abdc', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
  });

  it('gives a four-letter word its missing letter back only for a word the notes use all the time', () => {
    const s = new SpellingCorrector([...Array(40).fill('limit'), 'carts', 'image']);
    expect(s.correct('limt')).toBe('limit');
    expect(s.correct('cats')).toBe('cats'); // "carts" is no frequent word of the notes
    expect(s.correct('imge')).toBe('imge'); // nor is "image" here, used once
  });
});

describe('Korean spelling', () => {
  it('splits syllables into jamo, folding the vowels people confuse by ear', () => {
    expect(toJamo('데몬')).toBe('ㄷㅔㅁㅗㄴ');
    expect(toJamo('대몬', true)).toBe(toJamo('데몬', true));
    expect(toJamo('VM이')).toBe('VMㅇㅣ');
  });

  it('corrects a confusable vowel, and one jamo in a longer word, but leaves unrelated words alone', () => {
    const s = new HangulSpelling(['데몬', '데몬', '컨테이너', '이미지', '격리', '날짜']);
    expect(s.correct('대몬')).toBe('데몬');
    expect(s.correct('컨태이너')).toBe('컨테이너');
    expect(s.correct('이미쥐')).toBe('이미지'); // one jamo off, three syllables
    expect(s.correct('날씨')).toBe('날씨'); // two syllables: only vowel folding, so 날짜 is not taken
    expect(s.correct('격리')).toBe('격리');
  });

  it('puts back one dropped syllable in a word of four or more (하퍼바이저), never in a short one', () => {
    const s = new HangulSpelling(['하이퍼바이저', '컨테이너', '이미지']);
    expect(s.correct('하퍼바이저')).toBe('하이퍼바이저');
    expect(s.correct('컨테너')).toBe('컨테너'); // three syllables: too short to guess
    expect(s.correct('하퍼바이')).toBe('하퍼바이'); // two syllables missing
  });
});

describe('closed-class words typed together', () => {
  it('reads two closed-class words glued into one as closed-class, but not a content word beside one', () => {
    expect(words('왜그럼').every((w) => w.isStop)).toBe(true);
    expect(words('알려줘요').every((w) => w.isStop)).toBe(true);
    expect(words('도커그럼').some((w) => w.isStop)).toBe(false);
    for (const typed of ['뭔뜻임', '무슨뜻임', '먼뜻', '무슨말임']) expect(words(typed).every((w) => w.isStop)).toBe(true);
    expect(words('도커뜻임').some((w) => w.isStop)).toBe(false);
    expect(words('띄울수있음')[0].key).toBe('띄울');
  });
});

describe('counters after a number', () => {
  it('reads a counter glued to a number (5분씩, 10개면) as its unit, but keeps sizes and cores (512메가, 2코어)', () => {
    expect(tokenize('빌드 5분씩 걸림')).not.toContain('분씩');
    expect(tokenize('컨테이너 10개면')).toEqual(expect.arrayContaining(['10', '컨테이너']));
    expect(tokenize('컨테이너 10개면')).not.toContain('개면');
    expect(tokenize('512메가')).toContain('§unit');
    expect(tokenize('2코어')).toContain('§core');
    expect(tokenize('2기가짜리 파일')).toContain('§unit'); // ~짜리 (sized) is a particle
    expect(keys('2기가짜리 파일')).toEqual(['2', '기가', '파일']);
    expect(tokenize('1분기 실적')).toContain('분기'); // a word, not a counter
  });
});

describe('file paths', () => {
  it('reads a path as one word plus its file name, never its directories as words', () => {
    const surfaces = words('listens on /var/run/docker.sock, not on CPU/memory').map((w) => w.surface);
    expect(surfaces).toEqual(expect.arrayContaining(['/var/run/docker.sock', 'docker.sock', 'cpu', 'memory']));
    expect(surfaces).not.toContain('var');
    expect(surfaces).not.toContain('run');
  });

  it('puts a path under the directories above it, and ends it before a closing period', () => {
    expect(tokenize('the daemon at /var/run/docker.sock.')).toEqual(expect.arrayContaining(['/var/run/docker.sock', '/var/run']));
    expect(tokenize('the daemon at /var/run/docker.sock.')).not.toContain('/var/run/docker.sock.');
    // A directory of one segment names too much to be a term.
    expect(tokenize('/var/run/docker.sock')).not.toContain('/var');
    expect(tokenize('cat /sys/fs/cgroup/memory.max')).toContain('/sys/fs/cgroup');
  });
});

describe('Dockerfile instructions', () => {
  it('reads an instruction typed in capitals as its name, and the same word in lower case as the word', () => {
    expect(tokenize('Dockerfile에서 FROM이랑 RUN 차이 뭐임?')).toEqual(expect.arrayContaining(['dockerfile-from', 'dockerfile-run']));
    // RUN the instruction is no docker run, and "from" typed in a sentence stays a stop word.
    expect(tokenize('RUN apt-get install')).not.toContain('run');
    expect(tokenize('copy it from the host')).not.toContain('dockerfile-from');
    expect(tokenize('copy it from the host')).not.toContain('dockerfile-copy');
  });
});

describe('question language', () => {
  it("uses the asker's language only when the words name none", () => {
    expect(questionLang('cgroup?', 'ko')).toBe('ko');
    expect(questionLang('docker stats --no-stream', 'ko')).toBe('ko');
    expect(questionLang('what is a cgroup?', 'ko')).toBe('en');
    expect(questionLang('cgroup이 뭐야', 'en')).toBe('ko');
    expect(questionLang('cgroup?')).toBe('en');
  });
});
