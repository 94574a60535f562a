// Bilingual glossary: each concept lists the ways a study group writes it, in Korean and English.
// A text mentioning any form gets the concept token `§id`, at index time and at query time alike.
// Forms are regular-expression sources, matched on NFKC-lowercased text, always on word boundaries: Latin
// forms stand as whole words; a Hangul word must be read whole as forms plus particles or endings, and a
// verb stem written with a trailing `~` (죽~) takes any ending.

import { boundedMemo } from '../text/bounded-memo.js';
import { isSuffixChain, KO_INTENSIFIERS } from './closed-class.js';

export interface Concept {
  id: string;
  forms: string[];
}

export const CONCEPTS: Concept[] = [
  {
    id: 'vm',
    // A beginner's words for it too: a fake computer, a computer inside a computer.
    forms: [
      'vms?',
      'virtual machines?',
      '가상\\s?머신',
      '가상\\s?기계',
      '가상\\s?컴퓨터',
      'fake (?:computers?|pcs?|machines?)',
      'pretend(?:s|ing)? to be (?:a |an |many |several |multiple |a bunch of |a few )?(?:computers?|pcs?|machines?)',
      'computer(?:s)? inside (?:a |another |my )?computer',
      '가짜 ?컴퓨터',
      '컴퓨터 ?안의 ?컴퓨터',
    ],
  },
  // A desktop hypervisor named by product; in a question it stands for the VM made with it ("ubuntu in vbox").
  { id: 'vm-product', forms: ['virtual ?box', 'vbox', 'vmware', 'parallels', '버추얼 ?박스', '버츄얼 ?박스', '버박'] },
  { id: 'virtualization', forms: ['virtuali[sz]ation', 'virtuali[sz]ed?', '가상화', '가상 ?기술'] },
  // ctr and img are chat abbreviations of the two words.
  { id: 'container', forms: ['containers?', 'containeri[sz]ed', 'ctrs?', '컨테이너', '컨테이너화', '컨테'] },
  { id: 'docker', forms: ['docker', '도커', '도카'] },
  // The first step of container history (chroot, FreeBSD jails); a jail alone is a prison.
  { id: 'chroot', forms: ['chroot', 'chroot jails?', 'freebsd jails?', 'jails? (?:and|or|vs) zones'] },
  {
    id: 'hypervisor-type',
    forms: ['type ?[12]', 'bare[- ]?metal', 'hosted', '타입', '베어 ?메탈', '호스트형'],
  },
  {
    id: 'env',
    // Also a variable written as one: KEY=value ("DB_HOST=10.0.0.5").
    forms: ['env(?:ironment)? ?var(?:iable)?s?', '--env(?:-file)?', '환경 ?변수', '[a-z][a-z0-9]*_[a-z0-9_]+ ?=[^\\s=]+'],
  },
  { id: 'registry', forms: ['registr(?:y|ies)', 'docker ?hub', '레지스트리', '도커 ?허브'] },
  // The lines docker pull prints per layer: pasted, they name the pull however the question is typed ("pull 받을때 Pull complete …").
  { id: 'pull-output', forms: ['pull complete', 'pulling (?:fs layer|from)', 'already exists', 'download complete', 'verifying checksum'] },
  { id: 'repository', forms: ['repositor(?:y|ies)', 'repos?', '리포지토리', '레포지토리', '레포', '저장소'] },
  { id: 'tag', forms: ['tag(?:s|ged)?', '태그'] },
  { id: 'copy-on-write', forms: ['copy[- ]on[- ]write', 'cow', 'copy[- ]up', '카피 ?온 ?라이트', '쓰기 ?시 ?복사'] },
  { id: 'hypervisor', forms: ['hypervisors?', 'vmm', '하이퍼바이저', '하이퍼 바이저'] },
  // A whole Linux inside each VM or container ("a full linux in every container", "리눅스 하나씩 통째로") is a guest OS.
  {
    id: 'guest-os',
    forms: [
      'guest\\s?os(?:es)?',
      'guest operating systems?',
      '게스트\\s?os',
      '게스트\\s?운영\\s?체제',
      '게스트',
      '(?:whole|full|entire|complete) (?:copy of )?(?:linux|ubuntu)(?: installs?)?',
      '(?:리눅스|우분투) (?:하나씩 |한 ?벌씩? )?(?:통째로|통째|전체|풀로|풀 ?버전)',
    ],
  },
  // The student's own machine is the host the VMs and containers run on.
  {
    id: 'host',
    forms: [
      'host(?:s|\\s?os)?',
      '호스트',
      'my (?:laptop|computer|pc|machine|mac)',
      'laptops?',
      '노트북',
      '내 ?컴퓨터',
      '내 ?컴',
      '내 ?노트북',
      '내 ?pc',
    ],
  },
  { id: 'os', forms: ['os(?:es)?', 'operating systems?', '운영\\s?체제', '오에스'] },
  { id: 'kernel', forms: ['kernels?', '커널'] },
  // A beginner's word for what sits between the app and the kernel: a middleman.
  { id: 'engine', forms: ['engines?', 'container runtime', '엔진', '런타임 엔진', 'middlem[ae]n', '중간\\s?다리'] },
  // A daemon is the background process that does the work ("백그라운드에서 도는 놈"), not a container run with -d.
  {
    id: 'daemon',
    forms: [
      'daemons?',
      'dockerd',
      '데몬',
      '도커 데몬',
      'background (?:process|service|program|server)',
      '백그라운드(?:에서)? (?:도는|돌아가는|실행되는|떠 ?있는) ?(?:놈|애|프로세스|프로그램|서비스|서버)',
      // The daemon as the system service that runs it: "systemctl stop docker", "docker.service", "도커 서비스".
      'systemctl (?:start|stop|restart|status|enable|disable) docker',
      'service docker (?:start|stop|restart|status)',
      'docker\\.service',
      'docker service',
      '도커 ?서비스',
    ],
  },
  // Doing the actual work (the notes' words for the daemon's role), not "does it work".
  {
    id: 'does-the-work',
    forms: [
      '(?:do|does|did|doing) (?:all |most of )?the (?:actual |real |heavy )?(?:work|lifting)',
      'heavy lifting',
      '실제로 일(?:을)? ?(?:하|처리)~',
      '실제 일(?:을)? ?(?:하|처리)~',
    ],
  },
  { id: 'client', forms: ['clients?', 'cli', 'cui', 'gui', 'command[- ]line', '클라이언트', '명령줄'] },
  { id: 'socket', forms: ['sockets?', 'docker\\.sock', 'unix socket', '소켓'] },
  // The notes call an image a read-only template.
  { id: 'image', forms: ['images?', 'imgs?', '이미지', 'templates?', '템플릿'] },
  { id: 'layer', forms: ['layers?', 'overlay2?', 'union (?:fs|filesystem)', '유니온', '레이어', '계층', '층'] },
  // The filesystem that stacks the layers: unlike "layer", no drawing app or cake has one.
  {
    id: 'union-fs',
    forms: [
      'overlay2?',
      'overlayfs',
      'union ?(?:fs|file ?systems?|mounts?)',
      '유니온 fs',
      '유니온 ?파일 ?시스템',
      '오버레이 fs',
      '오버레이 ?파일 ?시스템',
    ],
  },
  { id: 'memory', forms: ['memory', 'ram', 'mem', '메모리', '램'] },
  {
    id: 'unit',
    forms: [
      'units?',
      'megs?',
      'megabytes?',
      'mb',
      'mib',
      'gigs?',
      'gigabytes?',
      'gb',
      'gib',
      'kilobytes?',
      'kb',
      'kib',
      '단위',
      '메가',
      '기가',
      '메가바이트',
      '기가바이트',
    ],
  },
  { id: 'swap', forms: ['swap(?:ping)?', 'memory-swap', '스왑', '스왑 메모리'] },
  { id: 'cpu', forms: ['cpus?', 'processors?', '씨피유', '프로세서'] },
  { id: 'core', forms: ['cores?', '코어'] },
  { id: 'cpu-shares', forms: ['cpu-shares', 'cpu shares', 'shares', '-c', '가중치', 'weights?', 'weighted'] },
  { id: 'cpuset', forms: ['cpuset(?:-cpus)?', 'pin(?:ned|ning)?', 'affinity', '고정', '특정 코어', '특정 cpu'] },
  { id: 'quota', forms: ['quotas?', 'cfs', 'cpu-quota', 'cpu-period', '쿼터', '할당량'] },
  {
    id: 'exceed',
    forms: [
      'exceed(?:s|ed|ing)?',
      'goes over',
      'going over',
      'went over',
      'go over (?:the|its|their|a)',
      'over (?:the|its|their|a) (?:limit|cap)',
      'runs? out of',
      'ran out of',
      '초과',
      '넘어~',
      '넘으~',
      '넘치~',
      '넘칠',
      '넘는',
      '넘을',
      '넘었~',
      '넘겨~',
    ],
  },
  {
    id: 'limit',
    forms: [
      'limits?',
      'limited',
      'limiting',
      'constraints?',
      'caps?',
      'capped',
      'capping',
      'restrict',
      'restricted',
      'restricting',
      '제한',
      '한도',
      '상한',
      '리밋',
    ],
  },
  { id: 'resource', forms: ['resources?', '자원', '리소스'] },
  { id: 'oom', forms: ['oom(?:-?kill(?:ed|er)?)?', 'out of memory', '메모리 부족', '137'] },
  // "1번 프로세스" is PID 1.
  { id: 'pid', forms: ['pid', 'process ids?', '프로세스 id', '\\d+번 프로세스'] },
  {
    id: 'pids',
    // The symptom as students describe it: processes forking without end.
    forms: [
      'pids(?:-limit)?',
      'process(?:es)? limit',
      'fork ?bombs?',
      ':\\(\\)\\s*\\{',
      '포크 ?폭탄',
      '포크 ?밤',
      '프로세스 수',
      'fork(?:s|ing)? (?:forever|endlessly|infinitely|in a loop|like crazy|like mad|nonstop|non-stop)',
      'infinite(?:ly)? fork(?:s|ing)?',
      '무한 fork',
      '무한으로 fork',
      '무한히 fork',
      '무한 포크',
      '무한으로 포크',
      '끝없이 fork',
    ],
  },
  {
    id: 'risk',
    forms: [
      'safe(?:ly|ty)?',
      'unsafe',
      'danger(?:ous)?',
      'risk(?:s|y)?',
      'caution',
      'careful',
      'warnings?',
      '위험',
      '안전',
      '주의',
      '조심',
    ],
  },
  { id: 'production', forms: ['prod', 'production', '운영 환경', '프로덕션', '실서비스'] },
  { id: 'list', forms: ['list(?:s|ed|ing)?', 'ls', '목록', '조회'] },
  {
    id: 'contain',
    forms: [
      'contain(?:s|ed|ing)?',
      'includ(?:e|es|ed|ing)',
      'packag(?:e|es|ed|ing)',
      'bundl(?:e|es|ed|ing)',
      'inside',
      'goes into',
      'made of',
      '들어 ?있',
      '뭐가 ?들었', // "what's in it"; 들었 alone is also "heard"
      '들어가~',
      '포함',
      '담긴',
      '담겨~',
      '담는',
      '묶어~',
      '구성',
    ],
  },
  // Installing, and chat Korean's 깔다 (a guest OS 깔리는거?): not 깔끔 or 깔때기.
  {
    id: 'install',
    forms: ['install(?:s|ed|ing|ation)?', '설치', '깔리~', '깔려~', '깔아~', '깔면', '깔고', '깔린', '깔았~', '까는'],
  },
  { id: 'process', forms: ['process(?:es)?', '프로세스'] },
  // Turning a feature off (--oom-kill-disable: "OOM 킬러 끄는 옵션").
  {
    id: 'disable',
    forms: [
      'disabl(?:e|es|ed|ing)',
      'turn(?:s|ed|ing)? (?:it |that )?off',
      'oom-kill-disable',
      '끄~',
      '끈~',
      '꺼\\s?두~',
      '꺼\\s?놓~',
      '비활성화',
      // cutting something off (인터넷 끊고, 네트워크 차단); not 끊김, a stutter
      '차단',
      '끊고',
      '끊어~',
      '끊은',
      '끊는',
    ],
  },
  { id: 'namespace', forms: ['namespaces?', '네임스페이스', '이름 ?공간', 'hostnames?'] },
  { id: 'cgroup', forms: ['cgroups?', 'control groups?', '컨트롤 그룹', '제어 그룹', '씨그룹'] },
  {
    id: 'isolation',
    forms: [
      'isolat(?:es?|ed|ions?|ing)',
      'independen(?:t|ce)',
      'separat(?:es?|ed|ion|ing)',
      'unaffected',
      'hid(?:e|es|ing|den)',
      '격리',
      '독립',
      '분리',
      '멀쩡~',
      '숨기~',
      '숨겨~',
    ],
  },
  {
    id: 'network',
    forms: [
      'network(?:ing|s)?',
      'nics?',
      'network (?:card|interface)s?',
      'internet',
      'offline',
      '네트워크',
      '오프라인',
      '랜카드',
      '랜선',
      '네트워크 카드',
      '네트워크 어댑터',
      '인터넷',
    ],
  },
  { id: 'switch', forms: ['switch(?:es)?', 'bridge[sd]?', 'l2', '스위치', '브리지', '브릿지'] },
  {
    id: 'stats',
    forms: [
      'stats',
      'statistics',
      'monitor(?:ing)?',
      'usage',
      'eats?',
      'eating',
      '통계',
      '사용량',
      '모니터링',
      '실시간',
      '\\d+(?:\\.\\d+)?\\s?[kmg]ib\\s?\\/\\s?\\d+(?:\\.\\d+)?\\s?[kmg]ib',
    ],
  },
  {
    id: 'oversee',
    forms: [
      'monitors',
      'watch(?:es|ing)? over',
      'keep(?:s|ing)? an eye on',
      'overse(?:e|es|eing)',
      'supervis(?:e|es|ing)',
      'babysit(?:s|ting)?',
      '감시',
      '감독',
      '지켜보',
    ],
  },
  {
    id: 'harden',
    forms: ['lock(?:s|ed|ing)? (?:\\w+ ){0,2}down', 'harden(?:s|ed|ing)?', 'sandbox(?:es|ed|ing)?', '샌드박스', '보안 ?강화'],
  },
  { id: 'purpose', forms: ['purposes?', 'solv(?:e|es|ed|ing)', '목적', '용도', '해결'] },
  // Half, as students say it: "반코어", "코어 반개", "절반", "half a core".
  { id: 'half', forms: ['half', 'halves', '절반', '반', '반\\s?개', '반쪽', '반코어', '반띵', '반반'] },
  { id: 'percent', forms: ['percent(?:age)?s?', '퍼센트', '\\d*\\s?%'] },
  {
    id: 'emerge',
    forms: [
      'emerg(?:e|es|ed|ence|ing)',
      'rise',
      'bec(?:o|a)me (?:a thing|popular|so popular)',
      't(?:ake|akes|aking|ook) off',
      'invent(?:s|ed|ion)?',
      'came (?:about|along)',
      'c(?:o|a)mes? out', // a release: "what year did docker come out"
      'releas(?:e|es|ed)',
      '출시',
      'adopt(?:s|ed|ion)?',
      'mov(?:e|ed|ing) (?:from|to|over)',
      'switch(?:ed|ing)? (?:from|to|over)',
      'migrat(?:e|ed|ion|ing)',
      '등장',
      '넘어가~',
      '넘어간',
      '넘어왔',
      '갈아타~',
      '갈아탄',
      '나온\\s?거',
      '나왔',
    ],
  },
  {
    id: 'port',
    // A service unreachable from the host reads as a port question: localhost:3000, connection refused.
    forms: [
      'ports?',
      'port forwarding',
      'publish(?:es|ed|ing)?',
      '포트',
      '포워딩',
      // a phrase form (the optional space), since words split at the colon
      'localhost: ?\\d{2,5}',
      '127\\.0\\.0\\.1: ?\\d{2,5}',
      'connections? refused',
      'err_connection_refused',
    ],
  },
  {
    id: 'volume',
    forms: ['volumes?', 'bind mounts?', 'persist(?:s|ed|ent|ence)?', 'data', '볼륨', '데이터', '영구', '보존'],
  },
  {
    id: 'disappear',
    forms: [
      'disappear(?:s|ed)?',
      'gone',
      'lost',
      'wiped',
      '사라지~',
      '사라짐',
      '날아가~',
      '날라가~',
      '날아감',
      '날라감',
      '없어지~',
      '없어짐',
    ],
  },
  { id: 'cache', forms: ['cache[ds]?', 'caching', '캐시', '빌드\\s?캐시'] },
  { id: 'choose', forms: ['pick', 'choos(?:e|es|ing)', 'prefer', 'better', 'right (?:tool|choice)', 'go with', '고르~', '선택'] },
  {
    id: 'format',
    forms: [
      'formats?',
      'formatting',
      'go templates?',
      'only (?:the )?(?:names?|columns?|ids?)',
      'just (?:the )?(?:names?|columns?|ids?)',
      'custom (?:columns?|output)',
      // picking columns out of a table: "name이랑 mem usage만 뽑고싶음"
      '뽑~',
      '포맷',
      '형식',
      '포매팅',
      '컬럼만',
      '열만',
    ],
  },
  { id: 'build', forms: ['builds?', 'building', 'built', '빌드'] },
  { id: 'root', forms: ['root', 'rootless', '루트', '관리자\\s?권한'] },
  {
    id: 'remote',
    forms: ['remote(?:ly)?', '(?:another|other|a different) (?:server|host|machine)', '원격', '(?:다른|딴) (?:서버|호스트|머신|컴퓨터|pc)'],
  },
  {
    id: 'crash',
    forms: [
      'crash(?:es|ed|ing)?',
      'hangs?',
      'hung',
      'froze',
      'frozen',
      'panic(?:s|ked|king)?',
      'bsod',
      'blue ?screen',
      '뻗~',
      '터지~', // 터지면, 터짐, 터졌음: blew up, crashed
      '터짐',
      '터졌~',
      '터져~', // 터져도, 터져서
      '먹통',
      '멈추~',
      '멈춰~',
      '멈췄',
      '패닉',
      '블루 ?스크린',
    ],
  },
  {
    id: 'snapshot',
    forms: [
      'snapshots?',
      'one[- ]shot',
      'no[- ]stream',
      'no (?:live )?(?:refresh(?:ing)?|stream(?:ing)?|updat(?:e|es|ing))',
      'without (?:live )?(?:refresh(?:ing)?|stream(?:ing)?|updat(?:e|es|ing))',
      '스냅샷',
      '한\\s?번만',
      '갱신 ?말고',
      '갱신되는거 ?말고',
      '실시간 ?말고',
    ],
  },
  { id: 'advantage', forms: ['advantages?', 'benefits?', 'pros', 'strengths?', '장점', '이점', '좋은 점'] },
  {
    id: 'disadvantage',
    forms: [
      'disadvantages?',
      'drawbacks?',
      'cons',
      'downsides?',
      'problems?',
      'costs?',
      'overhead',
      '단점',
      '문제',
      '문제점',
      '비용',
      '오버헤드',
      '한계',
      'annoying',
      'hassles?',
      'pain',
      'burden(?:s|some)?',
      '부담',
      '귀찮~',
      '번거롭~',
      '번거로~',
      // chat for a chore that is hard: 관리 개빡셈, 패치 죽을맛, 지옥
      '빡셈',
      '빡센~',
      '개빡셈',
      '죽을맛',
      '지옥',
    ],
  },
  {
    id: 'difference',
    forms: [
      'differ(?:s|ence|ences)?',
      'diff',
      'compare[ds]?',
      'comparison',
      'vs\\.?',
      'versus',
      '차이',
      '차이점',
      '뭔차이',
      '무슨차이',
      '먼차이',
      '비교',
      '다른 점',
    ],
  },
  {
    id: 'run',
    forms: [
      'run(?:s|ning)?',
      'ran',
      'start(?:s|ed|ing)?',
      'launch(?:es|ed|ing)?',
      'execut(?:e|es|ed|ing|ion)',
      'spawn(?:s|ed|ing)?',
      '실행',
      '구동',
      '띄우~',
      '띄워~',
      '돌아가~',
      '돌려~',
      '돌리~',
      '굴리~', // 서버에서 VM 굴리면: run
      '굴려~',
      // is running: 돌고 있는 컨테이너, 도는 컨테이너
      '돌고있~',
      '도는',
    ],
  },
  { id: 'command', forms: ['commands?', '명령', '명령어', '커맨드'] },
  // Where options go in a command line: flag order, 옵션 위치 (flag alone is how a question is put, not a topic).
  {
    id: 'option-order',
    forms: [
      '(?:flag|option|argument|arg|param(?:eter)?)s? (?:order|ordering|placement|position)',
      'order of (?:the )?(?:flags?|options?|arguments?|args)',
      '옵션 ?위치',
      '옵션 ?순서',
      '플래그 ?위치',
      '플래그 ?순서',
      '인자 ?순서',
    ],
  },
  { id: 'parse', forms: ['pars(?:e|es|ed|ing)', 'interpret(?:s|ed)?', '파싱', '해석'] },
  { id: 'library', forms: ['librar(?:y|ies)', 'libs?', 'dependenc(?:y|ies)', '라이브러리', '의존성'] },
  // Asking what value to choose: a rule of thumb, a sane or recommended value, 적당히, 권장값, 보통 얼마.
  {
    id: 'recommended',
    forms: [
      'rules? of thumb',
      'sane',
      'sensible',
      'reasonable',
      'recommend(?:s|ed|ation|ations)?',
      'good (?:default|value|number)s?',
      'how (?:much|many)(?: [\\w-]+){0,2} (?:should|to|do) (?:i |we |you |people )?(?:give|set|allocate|use|put)',
      'what (?:value|number) (?:should|to|do)',
      '권장',
      '권장값',
      '적당~',
      '적정',
      '추천',
      '보통 얼마',
      '얼마(?:나)? (?:줘야|걸어야|잡아야|줘요|걸어요|줌|걸음)',
    ],
  },
  // Where a technology came from: its history, origin, predecessors ("원조는 뭐임", "what came before docker").
  {
    id: 'origin',
    forms: ['(?<!docker )histor(?:y|ies|ical)', 'origins?', 'predecessors?', 'ancestors?', '역사', '원조', '시초', '기원', '조상', '전신'],
  },
  { id: 'runtime', forms: ['runtimes?', '런타임'] },
  { id: 'containerd', forms: ['containerd', 'containerd-shim', 'shim', '컨테이너디'] },
  { id: 'runc', forms: ['runc', '런씨'] },
  {
    id: 'dockerfile',
    // Building an image is what a Dockerfile is for: "my image build redoes everything", "이미지 빌드".
    forms: [
      'dockerfiles?',
      '도커\\s?파일',
      'recipes?',
      '레시피',
      'image builds?',
      'build(?:ing|s)? (?:the |my |an |a )?images?',
      '이미지\\s?빌드',
    ],
  },
  { id: 'macos', forms: ['mac ?os', 'macs?', 'macbooks?', 'os ?x', '맥', '맥북'] },
  { id: 'windows', forms: ['windows', '윈도우', '윈도'] },
  { id: 'linux', forms: ['linux', '리눅스'] },
  {
    id: 'app',
    forms: ['apps?', 'applications?', 'software', 'sw', 's/w', '앱', '애플리케이션', '어플리케이션', '소프트웨어', '응용 ?프로그램'],
  },
  {
    id: 'version',
    forms: [
      'versions?',
      'versioning',
      'patch(?:es|ing)?',
      '(?<!docker )updates?',
      'maint(?:ain|ains|aining|enance)',
      '버전',
      '패치',
      '업데이트',
      '업뎃',
      '유지\\s?보수',
    ],
  },
  { id: 'boot', forms: ['boot(?:s|ing|ed)?', 'startup', 'start-up', '부팅', '기동'] },
  {
    id: 'security',
    forms: [
      'security',
      'secure',
      'attack(?:s|ers?)?',
      'escapes?',
      'breakouts?',
      'exploits?',
      'untrusted',
      'sketchy',
      'malicious',
      'vulnerabilit(?:y|ies)',
      '보안',
      '보안상',
      '공격',
      '공격자',
      '탈출',
      '취약점',
      'lock(?:ed)? down',
      'harden(?:ed|ing)?',
      '잠그~',
      '잠금',
      '하드닝',
    ],
  },
  // Spare CPU or memory, as students say it: "cpu 한가할때도", "놀고 있으면", "when nothing else runs".
  {
    id: 'idle',
    forms: [
      'idle',
      'spare',
      'unused',
      'nothing else (?:is )?running',
      'nothing else runs',
      '한가~',
      '널널~',
      '한산~',
      '놀고',
      '노는',
      '놀 ?때',
      '놀면',
      '남을 ?때',
      '남으면',
      '남는',
      '남아 ?있~',
      '남아 ?돌~',
      '비어 ?있~',
      '여유',
    ],
  },
  { id: 'reservation', forms: ['memory-reservation', 'reservation', 'soft limit', '소프트 리밋', '예약', '리저베이션', '리저브'] },
  {
    id: 'throttle',
    // The symptom as students describe it: a CPU % that stops at a ceiling, a service that stutters.
    forms: [
      'throttl(?:es?|ed|ing)',
      'nr_throttled',
      'stuck at',
      "(?:won'?t|never|doesn'?t|does not) (?:go|goes|get|gets|went)? ?(?:above|past|over)",
      '스로틀링',
      '스로틀',
      '안\\s?올라가~',
      '끊기~',
      '끊김',
      '버벅',
      '렉',
      // a response that spikes: 응답이 확 튐
      '튐',
      '튀는',
      '튄다',
      '(?:latency )?spik(?:e|es|y)',
      'stutter(?:s|ing)?',
      'laggy',
      // "freezes in little bursts", "hiccups", "choppy"
      'freez(?:e|es|ing)',
      'hiccups?',
      'choppy',
    ],
  },
  {
    id: 'ulimit',
    forms: ['ulimits?', 'nofile', 'fsize', 'open files', 'file descriptors?', 'fds', '파일 디스크립터', '열\\s?수\\s?있는\\s?파일'],
  },
  { id: 'readonly', forms: ['read-only', 'readonly', '읽기 ?전용'] },
  // An error message by any name: a question saying it got one looks for the section quoting one.
  { id: 'error', forms: ['errors?', '에러~', '오류'] },
  { id: 'minimum', forms: ['minimum', 'minimal', 'lowest', 'smallest', '최소~', '최솟값', '하한'] },
  // Linux distributions by either spelling: 우분투 is Ubuntu, one thing named twice, not two words of the question.
  { id: 'ubuntu', forms: ['ubuntu', '우분투'] },
  { id: 'alpine', forms: ['alpine', '알파인'] },
  { id: 'debian', forms: ['debian', '데비안'] },
  { id: 'fedora', forms: ['fedora', '페도라'] },
  { id: 'capability', forms: ['capabilit(?:y|ies)', 'cap-drop', '권한', '케이퍼빌리티', 'privileges?', 'powers?', 'strip(?:s|ped|ping)?'] },
  { id: 'code', forms: ['codes?', 'source code', '코드', '소스\\s?코드'] },
  {
    id: 'exit',
    forms: [
      'exit(?:s|ed)?(?: code)?',
      'killed',
      'kill(?:s|ers?)?',
      'sigkill',
      '종료',
      '죽~',
      '꺼지~',
      '꺼져~',
      '꺼짐',
      '꺼졌~',
      '강제 종료',
      '킬',
      '킬러',
    ],
  },
  {
    id: 'portability',
    forms: [
      'portab(?:le|ility)',
      'anywhere',
      'any (?:host|machine|server|computer)',
      '이식성',
      '어디서나',
      '어디서든',
      '어느 (?:서버|컴퓨터|머신|호스트)에서(?:나|든)',
      '(?:runs?|works?) the same',
      'works on my machine',
      '똑같이 (?:돌|실행|동작|작동)',
      '그대로 (?:돌아|실행|동작|작동)',
    ],
  },
  {
    id: 'density',
    forms: [
      'density',
      'pack (?:\\S+ )?(?:more|many)',
      'fit (?:\\S+ )?(?:more|many)',
      'lightweight',
      'light(?:er|est)?',
      'heav(?:y|ier|iest)',
      '가벼~',
      '무거~',
      '경량',
    ],
  },
  { id: 'size', forms: ['size', 'disk', 'footprint', '크기', '용량', '디스크'] },
  // An option left out, whose default then applies: "--memory-swap 미지정 시", "스왑 따로 안주면", "if i leave it unset".
  {
    id: 'unset',
    forms: [
      'unset',
      'not set',
      'left out',
      'leave (?:it |that )?out',
      'omit(?:s|ted)?',
      'without setting',
      "(?:don'?t|do not|didn'?t|did not|never) (?:set|give|pass|specify)",
      '미지정',
      '지정하지 않~',
      '지정 안 ?하~',
      '안 ?주면',
      '안 ?줬~',
      '안 ?준',
      '주지 않~',
    ],
  },
  // What lists the CPUs a process sees: nproc, htop, lscpu, /proc/cpuinfo (all of the host's under --cpus).
  { id: 'cpu-view', forms: ['nproc', 'htop', 'lscpu', 'cpuinfo'] },
  {
    id: 'speed',
    forms: ['fast(?:er)?', 'slow(?:er)?', 'speed', 'quick(?:ly)?', '빠르~', '빠른', '느리~', '느린', '느려~', '느림', '속도'],
  },
  { id: 'block-io', forms: ['block i/?o', 'blkio', 'disk i/?o', '블록 i/?o', '디스크 i/?o'] },
  { id: 'net-io', forms: ['net i/?o', 'network i/?o', '네트워크 i/?o'] },
  // Faking or imitating hardware is emulating it; a bare "fake" (fake news) is not.
  {
    id: 'emulation',
    forms: [
      'emulat(?:es?|ed|ion|ing)',
      'software[- ]defined',
      '(?:fak|simulat|imitat|mimic)(?:e|es|ed|ing|s)? (?:the |a |an |all )?(?:hardware|devices?|cpus?|machines?|computers?)',
      '에뮬레이션',
      '소프트웨어화',
      '에뮬레이트',
    ],
  },
  { id: 'hardware', forms: ['hardware', 'h/w', 'hw', '하드웨어'] },
  // The CPU's virtualization extensions and the firmware setting that switches them on.
  // The Dockerfile's two command instructions, named together (CMD typed as chat "cmd" is read as "command" first).
  { id: 'entrypoint', forms: ['entrypoints?', '엔트리포인트'] },
  { id: 'filesystem', forms: ['file ?systems?', 'rootfs', '파일 ?시스템'] },
  // Official images a study group names: generic, since "mysql vs postgres" is about databases, not Docker.
  { id: 'imagename', forms: ['mysql', 'mariadb', 'postgres(?:ql)?', 'redis', 'nginx', 'mongo(?:db)?', 'httpd', 'busybox'] },
  { id: 'user', forms: ['users?', 'accounts?', '사용자', '유저', '계정'] },
  {
    id: 'dedicated',
    forms: [
      'dedicated',
      'exclusive(?:ly)?',
      'all to itself',
      '(?:nobody|no one|noone) else',
      '(?:just|only|solely) for (?:that|this|the|my|one) (?:container|vm|app)',
      '전용',
      '독점',
    ],
  },
  { id: 'vtx', forms: ['vt-x', 'vtx', 'amd-v', 'intel vt', 'svm mode', '하드웨어 가상화'] },
  { id: 'bios', forms: ['bios', 'uefi', '바이오스'] },
  {
    id: 'scale',
    forms: [
      'many',
      'more',
      'multiple',
      'several',
      'add(?:ing)? more',
      'increas(?:e|es|ed|ing)',
      'grow(?:s|n|ing)?',
      'scal(?:e|es|ing)',
      'proportion(?:al|ally)?',
      '많이',
      '많아~',
      '많은',
      '많을',
      '여러',
      '여러\\s?개',
      '여러\\s?대',
      '늘어~',
      '늘리~',
      '늘면',
      '증가',
      '비례',
    ],
  },
  // Changing a value that is already set: raising, lowering or updating a limit.
  {
    id: 'adjust',
    forms: [
      'chang(?:e|es|ed|ing)',
      'modif(?:y|ies|ied|ying)',
      'adjust(?:s|ed|ing)?',
      'rais(?:e|es|ed|ing)',
      'lower(?:s|ed|ing)?',
      'bump(?:s|ed|ing)?',
      '바꾸~',
      '바꿔~',
      '바꾼',
      '변경',
      '조정',
      '낮추~',
      '낮춰~',
    ],
  },
  { id: 'role', forms: ['roles?', 'jobs?', 'responsibilit(?:y|ies)', 'what (?:\\S+ )?does', '역할', '하는 일', '담당', '기능'] },
  {
    id: 'communicate',
    forms: [
      'talk(?:s|ing)?',
      'communicat(?:e|es|ed|ion|ing)',
      'send(?:s|ing)?',
      'sent',
      'receiv(?:e|es|ed|ing)',
      'requests?',
      'relay(?:s|ed|ing)?',
      'forward(?:s|ed|ing)?',
      '통신',
      '요청',
      '전달',
      '중계',
      '보내~',
      '받으면',
      '받으~',
      '받아서',
      '주고받~',
    ],
  },
  {
    id: 'flow',
    forms: [
      'flows?',
      'internal(?:ly)?',
      'under the hood',
      'underneath',
      'beneath',
      'behind the scenes',
      'what happens',
      'steps?',
      'workflow',
      '내부적',
      '내부에서',
      '과정',
      '흐름',
      '일어나~',
      '절차',
      '단계',
    ],
  },
  { id: 'split', forms: ['split(?:s)?', 'divid(?:e|ed|es)', 'ratio', '나눠~', '나누~', '배분', '분배', '비율'] },
  {
    id: 'share',
    forms: [
      'shar(?:e|es|ed|ing)',
      // shares in Hangul (cpu 셰어, 쉐어즈)
      '셰어~',
      '쉐어~',
      'own',
      '(?:from )?the same (?:base )?(?:image|base|layers?)',
      '공유',
      'borrow(?:s|ed|ing)?',
      '빌려 ?쓰~',
      '빌려 ?쓴~',
      '빌려 ?써~',
      '같이 ?쓰~',
      '같이 ?쓴~',
      '같이 ?써~',
      '함께 ?쓰~',
      '함께 ?쓴~',
      '함께 ?써~',
      '각자',
      '자기',
      '같은 (?:base |베이스 )?(?:image|이미지|베이스|레이어)',
    ],
  },
  { id: 'syscall', forms: ['system calls?', 'syscalls?', '시스템 ?콜', '시스템 ?호출'] },
];

/** Concepts that any question may use; the others mark a question as being about VMs and Docker. */
export const GENERIC_CONCEPTS = new Set([
  'recommended',
  'option-order',
  'ubuntu',
  'alpine',
  'debian',
  'fedora',
  'error',
  'minimum',
  'adjust',
  'difference',
  'disable',
  'install',
  'harden',
  'oversee',
  'advantage',
  'disadvantage',
  'run',
  'command',
  'code',
  'scale',
  'role',
  'communicate',
  'speed',
  'size',
  'version',
  'app',
  'exit',
  'security',
  'boot',
  'density',
  'portability',
  'parse',
  'windows',
  'linux',
  'hardware',
  'process',
  'limit',
  'resource',
  'library',
  'runtime',
  'stats',
  'client',
  'switch',
  'host',
  'os',
  'capability',
  'production',
  'list',
  'contain',
  'risk',
  'exceed',
  'macos',
  'percent',
  'purpose',
  'snapshot',
  'emerge',
  'port',
  'volume',
  'disappear',
  'cache',
  'choose',
  'format',
  'build',
  'root',
  'remote',
  'crash',
  'imagename',
]);
/** A VM/Docker thing beyond Docker itself: a concept no question may use in passing, other than Docker or container. */
export const beyondDocker = (concept: string) =>
  !GENERIC_CONCEPTS.has(concept.slice(1)) && concept !== '§docker' && concept !== '§container';

/**
 * Topic concepts whose words have everyday senses outside VMs and Docker (a shipping container, a photo
 * image, swapping two variables, a layer in a drawing app): alone, they do not make a question on-topic.
 */
export const AMBIGUOUS_CONCEPTS = new Set([
  'container',
  'network',
  'image',
  'swap',
  'layer',
  'engine',
  'memory',
  'cpu',
  'core',
  'quota',
  'socket',
  'kernel',
  'daemon',
  'reservation',
  'throttle',
  'readonly',
  'share',
  'split',
  'flow',
  'emulation',
  'isolation',
  'filesystem',
  'registry',
  'repository',
  'tag',
]);

const HANGUL = /[\uac00-\ud7a3]/;

/** A form that can only match within one word (no space, no leading dash, no slash). */
function isWordForm(form: string): boolean {
  if (HANGUL.test(form)) return !/\s|\\s| /.test(form.replace(/\\s\?| \?/g, ''));
  return !/\s|\\s|\/|^-/.test(form);
}

interface WordMatcher {
  id: string;
  re: RegExp;
}

/** A phrase matcher, with literal text one of its forms must contain: a text with none of it is not searched. */
interface PhraseMatcher extends WordMatcher {
  anchors?: string[];
}

/** A phrase matcher is run only on a text that has one of its literal starts, if it has them. */
const mayMatch = (m: PhraseMatcher, text: string) => !m.anchors || m.anchors.some((a) => text.includes(a));

/** The literal start of a form (virtual in `virtual machines?`, 가상 in `가상\\s?머신`), if it has one. */
const literalStart = (form: string) => {
  const start = /^[a-z가-힣%:]{2,}/.exec(form.replace(/\\/g, '\u0000'))?.[0];
  // A last letter made optional ("runs? out of") is not part of what every match starts with.
  return start && form[start.length] === '?' ? (start.length > 2 ? start.slice(0, -1) : undefined) : start;
};

/** A Hangul form: a noun matches as a whole word; a verb stem (written `죽~`) takes any ending. */
interface HangulForm {
  id: string;
  text: string;
  stem: boolean;
}

// Latin word forms are tested once per distinct word (cached); Hangul forms segment the word; only phrase
// forms scan whole texts.
const latinMatchers: WordMatcher[] = [];
const hangulForms: HangulForm[] = [];
const phraseMatchers: PhraseMatcher[] = [];
for (const { id, forms } of CONCEPTS) {
  const latin = forms.filter((f) => isWordForm(f) && !HANGUL.test(f));
  // Hangul forms with an optional space (가상\\s?머신) are both a word (가상머신) and a phrase (가상 머신).
  const phrases = forms.filter((f) => !isWordForm(f) || (HANGUL.test(f) && /\\s|\s/.test(f)));
  // A Latin word must match whole, or by its first part (`cpu` in `cpu-shares`).
  if (latin.length) latinMatchers.push({ id: `§${id}`, re: new RegExp(`^(?:${latin.join('|')})(?:$|[-_.])`, 'u') });
  for (const f of forms.filter((x) => isWordForm(x) && HANGUL.test(x))) {
    // "가상\\s?머신" within one word is 가상머신.
    const text = f.replace(/~$/, '').replace(/\\s\?| \?/g, '');
    // A Hangul word form is matched as literal text: regex syntax in it would never match.
    if (/[()|?[\]*+]/.test(text)) throw new Error(`glossary: Hangul word form "${f}" of §${id} must be plain text`);
    hangulForms.push({ id: `§${id}`, text, stem: f.endsWith('~') });
  }
  if (phrases.length) {
    const starts = phrases.map(literalStart);
    phraseMatchers.push({
      id: `§${id}`,
      ...(starts.every(Boolean) ? { anchors: starts as string[] } : {}),
      // Phrases need word edges: `vm` must not fire inside `vmware`, nor 메모리 부족 inside another word; an option's
      // leading dashes are an edge (--no-stream is no-stream), a hyphen inside a word is not (cpu-vm).
      re: new RegExp(
        phrases
          .map((f) =>
            HANGUL.test(f) && !/[a-z]/.test(f)
              ? `(?<![\uac00-\ud7a3])(?:${f.replace(/~$/, '')})`
              : `(?<![a-z0-9])(?<![a-z0-9]-)(?:${f})(?![a-z0-9])`,
          )
          .join('|'),
        'u',
      ),
    });
  }
}

/**
 * A clause ending after a verb form: an embedded question or a setting ("왜 나왔는지", "등장했는지", "나왔는데", "격리되는지"),
 * the chat nominaliser ("나왔음"), or an adnominal form with the bound noun 거 ("격리된거", "제한한거임"). Only read after a
 * glossary form, so no index term changes.
 */
const CLAUSE_TAIL =
  /^(?:했|하|됐|되)?(?:는지|는데|던데|다던데|다며|음)(?:도|요)?$|^(?:된|되는|될|됐던|한|하는|할|했던)(?:거|건|걸)(?:임|야|지|냐|죠|예요|에요|요)?$/;

/**
 * Concepts of one Hangul word. The word must be read whole as glossary forms one after another (a compound
 * typed without spaces: 컨테이너메모리제한) followed by particles or endings (메모리를, 격리하는거임), or end
 * in a verb stem's ending (가벼워). A form inside another word never counts: 램 is not in 텔레그램 or 램프.
 */
function hangulWordConcepts(word: string): string[] {
  const found = new Set<string>();
  const walk = (from: number, path: string[]): boolean => {
    let ok = false;
    for (const f of hangulForms) {
      if (!word.startsWith(f.text, from)) continue;
      const next = from + f.text.length;
      const rest = word.slice(next);
      if (f.stem || isSuffixChain(rest) || CLAUSE_TAIL.test(rest) || walk(next, [...path, f.id])) {
        for (const id of [...path, f.id]) found.add(id);
        ok = true;
      }
    }
    return ok;
  };
  walk(0, []);
  // An intensifier typed onto a word (개느려짐): the word after it, read whole.
  for (const p of KO_INTENSIFIERS) if (!found.size && word.length > p.length + 1 && word.startsWith(p)) walk(p.length, []);
  // 안/못 before a verb negates it (안죽지, 못쓰게): the verb's concept still counts.
  if (!found.size && /^[안못]./.test(word)) {
    const verb = word.slice(1);
    for (const f of hangulForms) if (f.stem && verb.startsWith(f.text)) found.add(f.id);
  }
  return [...found];
}

/** The word is glossary nouns only, with nothing after them (이미지, 컨테이너메모리): no verb stem, no ending. */
export function isGlossaryNoun(word: string): boolean {
  const walk = (from: number): boolean =>
    from === word.length || hangulForms.some((f) => !f.stem && word.startsWith(f.text, from) && walk(from + f.text.length));
  return word.length > 0 && walk(0);
}

/** The word is a glossary verb (죽~, 뻗~) with some ending, negated or not (죽으면, 뻗거나, 안죽지). */
export function isGlossaryVerb(word: string): boolean {
  const verb = /^[안못]./.test(word) ? [word, word.slice(1)] : [word];
  return hangulForms.some((f) => f.stem && verb.some((v) => v.startsWith(f.text)));
}

/** Concepts an option name is as a whole: memory-reservation is §reservation, not §memory. */
const wholeWordMatchers: WordMatcher[] = CONCEPTS.flatMap(({ id, forms }) => {
  const latin = forms.filter((f) => !HANGUL.test(f));
  return latin.length ? [{ id: `§${id}`, re: new RegExp(`^(?:${latin.join('|')})$`, 'u') }] : [];
});

export function wholeWordConcepts(word: string): string[] {
  const w = word.normalize('NFKC').toLowerCase();
  return wholeWordMatchers.filter((m) => m.re.test(w)).map((m) => m.id);
}

const WORD_RE = /[a-z0-9]+(?:[-_.][a-z0-9]+)*|[\uac00-\ud7a3]+/g;
const wordConceptCache = new Map<string, string[]>();

/** Concept tokens of one word (cached). */
export function wordConcepts(word: string): string[] {
  let found = wordConceptCache.get(word);
  if (!found) {
    found = HANGUL.test(word) ? hangulWordConcepts(word) : latinMatchers.filter((m) => m.re.test(word)).map((m) => m.id);
    if (wordConceptCache.size > 200_000) wordConceptCache.clear();
    wordConceptCache.set(word, found);
  }
  return found;
}

const phraseById = new Map(phraseMatchers.map((m) => [m.id, { ...m, global: new RegExp(m.re.source, 'gu') }]));

/**
 * Where in a text (normalized: NFKC, lower case) each of these concepts is named by a phrase form, as [from, to);
 * a text without a form's literal start is not searched.
 */
export function phraseSpans(normalized: string, ids: readonly string[]): [number, number][][] {
  return ids.map((id) => {
    const m = phraseById.get(id);
    if (!m || !mayMatch(m, normalized)) return [];
    return [...normalized.matchAll(m.global)].map((x): [number, number] => [x.index, x.index + x[0].length]);
  });
}

/** Whether the concept has phrase forms. */
export const hasPhraseForm = (id: string) => phraseById.has(id);

// Answers read the same passage sentences for every question: their concepts are remembered.
const conceptsOfText = boundedMemo(50_000, (text): readonly string[] => {
  const t = text.normalize('NFKC').toLowerCase();
  const found = new Set<string>();
  for (const m of t.matchAll(WORD_RE)) for (const c of wordConcepts(m[0])) found.add(c);
  for (const m of phraseMatchers) if (!found.has(m.id) && mayMatch(m, t) && m.re.test(t)) found.add(m.id);
  return [...found];
});

/** Concept tokens (`§id`) for every glossary concept the text mentions. */
export function conceptsIn(text: string): string[] {
  return [...conceptsOfText(text)];
}

/** The glossary's forms that are plain words by `plain`, as words (for the spelling correctors). */
const plainForms = (plain: RegExp, asWord: (form: string) => string = (f) => f): string[] =>
  CONCEPTS.flatMap(({ forms }) => forms.filter((f) => plain.test(f)).map(asWord));

/** Every Latin surface form that is a plain word (for the spelling corrector). */
export const glossaryWords = (): string[] => plainForms(/^[a-z][a-z-]*$/);

/** The glossary's Hangul names typed as one word ("포크 ?밤" → 포크밤), for the Hangul spelling corrector. */
export const glossaryHangulWords = (): string[] => plainForms(/^[가-힣]+(?: \?[가-힣]+)*$/, (f) => f.replace(/ \?/g, ''));
