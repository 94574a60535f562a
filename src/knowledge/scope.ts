// Neighbouring topics the notes do not cover. A question about one of them gets an honest "not in my notes",
// naming the topic, instead of the nearest passage that happens to share a word (Swarm → a boot-time table).
// Each entry is a subject a study group on VMs and Docker meets next, not a phrasing of some question.

export interface AdjacentTopic {
  name: Record<'ko' | 'en', string>;
  forms: RegExp;
  /** Named anywhere in the question, the premise too, it is what the question is about (a phone's memory is no container's). */
  anywhere?: boolean;
}

/** The steel box and the dock: a Docker word in its first sense, wherever the question names it. */
const SHIPPING: AdjacentTopic = {
  name: { ko: '화물 컨테이너와 항만 일', en: 'shipping containers and dock work' },
  forms:
    /\btiny ?house|\bcontainer (?:house|home)s?\b|(?:house|home|cabin)s? (?:out )?of (?:a |old )?(?:shipping )?containers?|컨테이너\s?(?:하우스|주택|집)|단열|항만|부두|하역|물류|해운|선적|선박|\bteu\b|\b[24]0\s?(?:ft|feet|foot)\b|[24]0\s?피트|팔레트|\bpallets?\b|지게차|\bforklifts?\b|\breefers?\b|냉동\s?컨테이너|\bcontainer yards?\b|컨테이너\s?야드|수출입|통관|\bcustoms\b|운임|항구|\bvessels?\b|\blogistics\b|\bcargo\b|\bfreight\b|\bdock ?workers?\b|\blongshore\w*|\bwarehouse\b/i,
  anywhere: true,
};

export const ADJACENT_TOPICS: AdjacentTopic[] = [
  { name: { ko: 'Docker Swarm', en: 'Docker Swarm' }, forms: /\bswarm\b|스웜/i },
  {
    name: { ko: '쿠버네티스', en: 'Kubernetes' },
    forms: /\bkubernetes\b|\bk8s\b|\bkubectl\b|쿠버네티스|쿠버(?![가-힣])|쿠버(?=[은는이가랑와과를도])/i,
    anywhere: true,
  },
  { name: { ko: 'Podman', en: 'Podman' }, forms: /\bpodman\b|포드맨|\bconmon\b/i },
  { name: { ko: 'Docker Compose', en: 'Docker Compose' }, forms: /\bcompose\b|컴포즈/i },
  { name: { ko: '멀티 스테이지 빌드', en: 'multi-stage builds' }, forms: /\bmulti[- ]?stage\b|멀티\s?스테이지/i },
  { name: { ko: '중첩 가상화', en: 'nested virtualization' }, forms: /\bnested virtuali[sz]ation\b|중첩\s?가상화/i },
  {
    name: { ko: '도커 요금제·라이선스·풀 제한', en: 'Docker plans, licences and pull limits' },
    forms:
      /\blicen[cs]\w*|\bsubscriptions?\b|\bpricing\b|\bdocker (?:hub )?(?:pro|team|business)\b|\bpaid (?:plans?|tiers?|versions?|accounts?|subscriptions?)\b|\bpay for\b|\bfree for\b|\b(?:rate|pull) limits?\b|\btoomanyrequests\b|\btoo many requests\b|(?:pull|풀)\s?(?:횟수|제한|한도)|라이선스|라이센스|유료|요금|구독|돈을?\s?(?:내|드|들)/i,
    anywhere: true,
  },
  {
    name: { ko: '사진·그림 편집 프로그램', en: 'photo and image editors' },
    forms: /\b(?:photoshop|gimp|illustrator|figma|lightroom|psd)\b|포토샵|포샵|김프|일러스트레이터|피그마|라이트룸/i,
  },
  {
    // Course logistics asked about (what the exam covers, when it is), not "…시험범위래" after a real question.
    name: { ko: '시험 범위와 수업 일정', en: 'exam scope and course schedules' },
    forms:
      /(?:시험|기말|중간(?:고사)?|퀴즈|과제)\s?(?:범위|일정|날짜|마감)\s?(?:[가는이]\s?)?(?:어디|뭐|머|언제|알려|어떻게)|(?:시험|기말|중간(?:고사)?|퀴즈)\s?(?:언제|며칠)|\b(?:exams?|midterms?|finals?|quiz(?:zes)?|assignments?|homework) (?:scope|dates?|schedule|deadline|coverage)\b|\bwhat(?:'s| is| will be) on the (?:exam|midterm|final|quiz)\b|\bwhen is the (?:exam|midterm|final|quiz)\b/i,
    anywhere: true,
  },
  { name: { ko: 'JVM 설정', en: 'JVM settings' }, forms: /\bjvm\b|(?:^|\s)-xm[xs]\w*|\bintellij\b|인텔리제이/i },
  {
    name: { ko: 'Node.js·TypeScript 설정', en: 'Node.js and TypeScript settings' },
    forms: /--max-old-space-size|\bheap out of memory\b|\btypescript\b|\btsconfig\b|타입스크립트/i,
  },
  {
    name: { ko: '호스트의 스왑 설정', en: 'host swap configuration' },
    forms: /\bswap ?files?\b|\bswap ?partitions?\b|\bswapon\b|\bmkswap\b|(?:스왑|swap) ?파일|(?:스왑|swap) ?파티션/i,
  },
  {
    name: { ko: '클라우드·배포 도구', en: 'cloud and deployment tools' },
    forms:
      /\b(?:helm|terraform|ansible|ecs|eks|aks|gke|fargate|openshift|nomad|vagrant|jenkins|circleci|travis|github actions|gitlab ci|ci\/cd|harbor)\b|테라폼|앤서블|젠킨스|(?:깃허브|깃헙)\s?액션/i,
  },
  {
    // "memory" in the shop's sense: how much RAM to buy, a phone's storage.
    name: { ko: '컴퓨터·휴대폰 구매와 사양', en: 'buying computers and phones' },
    forms:
      /(?<![가-힣])(?:살까|사야(?=\s?(?:됨|돼|함|하|할|되|겠))|사려(?:고|는데|면))|구매|구입|\b(?:buy(?:ing)?|purchas\w*) (?:a |an |more |new |some )?(?:ram|memory|laptop|pc|computer|phone|gpu|cpu|ssd|macbook)\b|\bbest (?:budget |cheap )?(?:laptop|pc|computer|cpu|gpu|ssd|ram|phone|macbook|monitor|mini ?pc)s?\b|\b(?:on a|under a|tight) budget\b|\bryzen\b|\bcore i[3579]\b|\bi[3579]-?\d{4,5}|\b(?:rtx|gtx) ?\d|(?<![가-힣])폰(?![가-힣])|아이폰|갤럭시|스마트폰|\b(?:i?phone|smartphone|android)\b/i,
    anywhere: true,
  },
  SHIPPING,
  {
    name: { ko: '프로그래밍 언어와 개발 도구', en: 'programming languages and IDEs' },
    forms: /\bc\+\+|씨쁠쁠|\bvisual studio\b|비주얼 ?스튜디오|\bvs ?code\b/i,
    anywhere: true,
  },
  {
    name: { ko: '윈도우 설정과 WSL 설치', en: 'Windows settings and installing WSL' },
    forms:
      /페이징 ?파일|\bpag(?:e|ing) ?file\b|레지스트리 ?편집기|\bregedit\b|wsl ?2? ?설치\s?(?:어케|어떻게|방법|순서|법)|\binstall(?:ing)? wsl|\bsteps to install wsl|제어판|\bcontrol panel\b|\bwindows features\b|windows\s?기능|윈도우\s?기능|hyper-?v\s?(?:켜|활성화|설치)|\b(?:enable|turn on|install) hyper-?v\b/i,
  },
  {
    name: { ko: '클라우드 업체와 요금', en: 'cloud providers and their prices' },
    forms:
      /\b(?:aws|gcp|azure|ec2|lightsail|digitalocean|linode|vultr)\b|애저|아마존\s?웹\s?서비스|구글\s?클라우드|라이트\s?세일|\boracle cloud\b|오라클\s?클라우드|\bfree tier\b|프리\s?티어|\bspot instances?\b|스팟\s?인스턴스/i,
  },
  {
    // The desktop hypervisor's own features, not what a VM is: a study group meets them setting up its first VM.
    name: {
      ko: 'VirtualBox·VMware 사용법(게스트 확장, 공유 폴더, 화면)',
      en: 'using VirtualBox and VMware (guest additions, shared folders, display)',
    },
    forms:
      /\bguest additions?\b|\bvmware tools\b|\bshared (?:folders?|clipboard)\b|\bdrag(?: and |\s?n\s?|\s?&\s?)drop\b|\bscreen resolution\b|게스트\s?확장|공유\s?폴더|클립보드|화면.{0,24}?해상도|드래그\s?앤\s?드롭/i,
  },
  {
    name: { ko: 'git과 GitHub', en: 'git and GitHub' },
    forms:
      /\bgit (?:log|pull|push|clone|rebase|merge|commit|branch|checkout|stash|status|diff|reset|add)\b|\bgithub\b|\bgitlab\b|깃허브|깃헙|깃랩|\bpull requests?\b/i,
  },
  {
    name: { ko: 'WSL 자체의 설정과 내부 구조', en: "WSL's own settings and internals" },
    forms: /\bext4\.vhdx\b|\b9p\b|\bwsl\s+--(?:shutdown|install|update|set-default|export|import|list)\b|\bwsl\.exe\b/i,
  },
  {
    name: { ko: '이미지 보안 스캔', en: 'image security scanning' },
    forms: /\btrivy\b|\bsnyk\b|\bgrype\b|\bdocker scout\b|취약점\s?(?:스캔|검사|점검)/i,
  },
  {
    name: { ko: '로그 드라이버와 로그 보관', en: 'logging drivers and log retention' },
    forms:
      /--log-(?:opt|driver)\b|\blogging drivers?\b|\blog rotation\b|\brotat\w* (?:the )?logs?\b|로그\s?로테이션|\bjson-file\b|\bmax-size\b/i,
  },
  {
    name: { ko: '리버스 프록시와 인증서', en: 'reverse proxies and certificates' },
    forms:
      /\breverse proxy\b|리버스\s?프록시|\btraefik\b|\bcaddy\b|nginx\.conf\b|\bproxy_pass\b|\blet'?s ?encrypt\b|\bcertbot\b|\bssl cert\w*|(?:ssl|tls|https)\s?인증서/i,
  },
  {
    name: { ko: 'Proxmox·libvirt 같은 가상화 관리 도구', en: 'virtualization management tools (Proxmox, libvirt)' },
    forms: /\bproxmox\b|프록스목스|\bvirsh\b|\blibvirt\b|\bqemu-img\b|\bvirt-manager\b/i,
  },
  {
    // Docker's own networks: bridges, drivers, how containers find each other by name; the notes cover -p, --network
    // host and --network none, not this.
    name: {
      ko: '도커 네트워크(브리지와 네트워크 드라이버, 이름 해석, 컨테이너 간 통신)',
      en: "Docker's networks (bridges and network drivers, name resolution, container-to-container traffic)",
    },
    forms:
      /\bdns\b|\bembedded dns\b|\bservice discovery\b|이름으로\s?(?:ping|핑)|\bby (?:container )?name\b.*\bping\b|\bping\b.*\bby (?:container )?name\b|컨테(?:이너)?\s?끼리\s?(?:ping|핑)|\bdocker network (?:create|connect|ls|inspect|rm)\b|\b(?:docker|default)(?:'s)? bridge\b|도커\s?(?:의\s?)?(?:브리지|bridge)|\bdocker0\b|\bnetwork drivers?\b|네트워크\s?드라이버|\bmacvlan\b|\boverlay networks?\b|\b(?:custom|user[- ]defined) networks?\b|\b(?:talk|communicate|connect)s? (?:to|with) each other\b|컨테(?:이너)?\s?(?:끼리|간|사이)\s?(?:통신|연결)|\bbridge (?:vs\.?|or|and) host\b|\bhost (?:vs\.?|or|and) bridge\b|(?:host|호스트)\s?(?:랑|와|하고|vs)\s?(?:bridge|브리지)|(?:bridge|브리지)\s?(?:랑|와|하고|vs)\s?(?:host|호스트)/i,
  },
  {
    // "Container" in a game's sense: a chest or an inventory slot.
    name: { ko: '게임 (인벤토리와 아이템)', en: 'games (inventories and items)' },
    forms: /인벤(?:토리)?|현질|\binventor(?:y|ies)\b|\bloot\b|게임\s?(?:아이템|캐릭|계정)/i,
  },
  {
    // Docker's logo and mascot: trivia beside the tool, not how it works.
    name: { ko: '도커 로고와 마스코트', en: "Docker's logo and mascot" },
    forms: /\bwhales?\b|고래|\bmascot\b|마스코트|\blogos?\b|로고|\bmoby dock\b/i,
  },
  {
    // "Memory" in the learner's sense: remembering what was studied.
    name: { ko: '공부법과 암기', en: 'study techniques and memorising' },
    forms: /기억력|암기(?:법|력|한|하는|해|를|가)?(?![가-힣])|\bmemori[sz](?:e|ing|ation)\b|\bstudy (?:tips?|techniques?|methods?)\b/i,
  },
  {
    // "Memory" in the browser's sense: tabs eating RAM are no container's limit.
    name: { ko: '웹 브라우저', en: 'web browsers' },
    forms: /\bchrome\b|크롬|\bfirefox\b|파이어폭스|\bsafari\b|사파리|\bbrowser tabs?\b|브라우저\s?탭|엣지\s?브라우저/i,
  },
  {
    // "Swap" and "map" in the keyboard's sense.
    name: { ko: '키보드와 단축키 설정', en: 'keyboard and shortcut settings' },
    forms: /\bcaps ?lock\b|\bkeyboards?\b|키보드|\bkey ?(?:bindings?|maps?|mapping)\b|키\s?매핑|한영\s?키/i,
    anywhere: true,
  },
  {
    name: { ko: '계정·비밀번호와 로그인', en: 'accounts, passwords and logging in' },
    forms:
      /\bunauthori[sz]ed\b|\baccess to the resource is denied\b|\bpasswords?\b|\bcredentials?\b|\baccess tokens?\b|\b2fa\b|비밀번호|비번|인증\s?(?:오류|에러|실패)/i,
  },
  {
    name: { ko: '프로그래밍 언어의 내부와 패키지', en: 'programming-language internals and packages' },
    forms:
      /\bbytecode\b|\bcpython\b|\bceval\b|__init__\.py|\bnamespace packages?\b|바이트\s?코드|\busing namespace\b|\bnamespace std\b|\bstd::|__name__|__main__|\bpython\b.*\bmultiprocessing\b|\bmultiprocessing\b.*\bpython\b|\bos\.fork\b|\bGIL\b|\basyncio\b|\bsubprocess\b|\breturncode\b|\bwaitpid\b|(?:^|\s)in c(?=\s|[?.,]|$)|[cC]언어/i,
    anywhere: true,
  },
  {
    // An operating-systems course's own subjects, met beside containers but not what the notes explain.
    name: {
      ko: '운영체제 이론(가상 메모리, 페이징, 스레드, 스케줄링)',
      en: 'operating-system theory (virtual memory, paging, threads, scheduling)',
    },
    forms:
      /\bvirtual memory\b|가상\s?메모리|\bpaging\b|페이징|\bpage (?:faults?|tables?|sizes?)\b|페이지\s?(?:폴트|테이블|크기)|\bhuge ?pages?\b|\bdeadlocks?\b|데드락|교착\s?상태|\bmutex(?:es)?\b|뮤텍스|\bcontext switch\w*|컨텍스트\s?스위칭|문맥\s?교환|\bround[- ]?robin\b|라운드\s?로빈|스케줄링\s?알고리즘|\bscheduling algorithms?\b|프로세스\s?(?:vs|와|랑|하고)\s?스레드|스레드\s?(?:vs|와|랑|하고)\s?프로세스|\bprocess(?:es)?\s+(?:vs\.?|versus)\s+threads?\b|\bthreads?\s+(?:vs\.?|versus)\s+process(?:es)?\b/i,
  },
  {
    // Shares and hardware makers in the market's sense.
    name: { ko: '주식과 투자', en: 'stocks and investing' },
    forms: /\bstocks?\b|\bshareholders?\b|\bhold or sell\b|\binvest\w*|주식|주가|투자|매수|매도/i,
    anywhere: true,
  },
];

/** Each topic with its forms compiled once to find every match (the query path reads them twice per question). */
const TOPIC_MATCHERS = ADJACENT_TOPICS.map((topic) => ({ topic, every: new RegExp(topic.forms.source, 'gi') }));

/**
 * The neighbouring topic a text names, if any, with every word that names it ("ec2", "라이트세일"), lower-cased; with `anywhere`,
 * only a topic that decides the question wherever it is named.
 */
export function adjacentTopic(text: string, anywhere = false): (AdjacentTopic & { named: string[] }) | undefined {
  for (const { topic, every } of TOPIC_MATCHERS) {
    if (anywhere && !topic.anywhere) continue;
    const named = [...text.matchAll(every)].map((m) => m[0].toLowerCase());
    if (named.length) return { ...topic, named };
  }
  return undefined;
}

/**
 * Freight containers by their own names (a shipping container, 화물 컨테이너, 컨테이너선), in a question that says
 * nothing of software, images, Docker or the name's origin: the steel box, whatever passage shares its words (the
 * notes' analogy names shipping containers too). On the development sets every such question was out of scope.
 */
const FREIGHT = /shipping containers?|cargo containers?|화물\s?컨테이너|해상\s?컨테이너|컨테이너선|container ships?/i;
const SOFTWARE_SENSE =
  /docker|도커|software|소프트웨어|images?\b|이미지|\bapps?\b|앱|analog|비유|named|이름|called|부르|kubernetes|쿠버|\bvms?\b|가상/i;
export function freightAsked(text: string): AdjacentTopic | undefined {
  if (!FREIGHT.test(text) || SOFTWARE_SENSE.test(text)) return undefined;
  return SHIPPING;
}
