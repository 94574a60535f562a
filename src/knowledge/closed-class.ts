// Closed word classes: the small, fixed sets of words and endings that say how something is asked, never
// what it is about. Korean particles and verb endings attach to the word before them; chat endings and
// fillers are how people type in a Discord channel (~임, ~함, 걍, 좀). None of them carries topic weight.

/** Particles stripped from the end of a Korean word, longest first. */
export const PARTICLES = [
  // per: "레이어별로", "컨테이너별"
  '별로',
  '별',
  // quotative + 것: "컨테이너라는게", "namespace란거"
  '이라는게',
  '이라는거',
  '라는게',
  '라는거',
  '란게',
  '란거',
  '에서는',
  '으로는',
  '이라는',
  '이라고',
  '에서도',
  '한테서',
  '까지는',
  '이랑은',
  '에서든',
  '이든지',
  '든지',
  '이든',
  '든',
  '씩',
  // as, by: "순서대로", "설명대로"
  '대로',
  // at the time of: "면접때", "부팅때"
  '때는',
  '때도',
  '때',
  // in progress: "실행중", "사용중인데" (X하는 중)
  '중인데',
  '중인',
  '중임',
  '중에',
  '중',
  // the one of: "앞에꺼가", "도커꺼"
  '에꺼가',
  '에꺼는',
  '에꺼',
  '꺼가',
  '꺼는',
  '꺼',
  // worth / sized: "2기가짜리", "10줄짜리"
  '짜리',
  '엔',
  '에서',
  '으로',
  '에게',
  '한테',
  '까지',
  '부터',
  '처럼',
  '보다',
  '이랑',
  '하고',
  '이란',
  '이나',
  '라는',
  '라고',
  '에는',
  '와는',
  '과는',
  '으론',
  '이면',
  '에도',
  '만큼',
  '만에',
  // only: "반밖에 못씀"
  '밖에',
  '마다',
  '끼리',
  '들은',
  '들이',
  '들을',
  '들의',
  '들',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '로',
  '와',
  '과',
  '도',
  '만',
  '랑',
  '나',
  '란',
  '면',
].sort((a, b) => b.length - a.length);

/** Endings of "X하다 / X되다" verbs, the copula after a noun, and chat endings (~임, ~함, ~거임). */
export const VERB_ENDINGS = [
  // spoken question endings: "오백십이냐", "뭐임셈"
  '냐',
  '셈',
  // 하다 made a noun or a clause: "작업한거", "설치해둔", "실행했더니"
  '한거',
  '한건',
  '한게',
  '했던거',
  '했던',
  '했더니',
  '해둔',
  '해놓은',
  '해놨는데',
  '할때마다',
  '할때',
  '하려면',
  '했는데',
  '하는데',
  '합니다',
  '하나요',
  '해야',
  '하면',
  '하며',
  '하는',
  '하고',
  '해서',
  '했어',
  '했을',
  '한다',
  '할까',
  '해요',
  '해줘',
  '되나요',
  '되는',
  '되면',
  '된다',
  '시키는',
  '시키면',
  '시켜',
  '해',
  '할',
  '한',
  '함',
  '하',
  '돼',
  '된',
  '될',
  '됨',
  '인가요',
  '인가',
  '인지',
  '인데',
  '이에요',
  '예요',
  '입니까',
  '입니다',
  '이야',
  '일까요',
  '일까',
  // Chat endings: 컨테이너임, 쓰는거임, 도커임?
  '인거임',
  '는거임',
  '거임',
  '는방법',
  '는법',
  // ~ㄹ 수 있다 typed without spaces: 띄울수있음, 쓸수있나요
  '수있나요',
  '수있음',
  '수있어',
  '수있나',
  '수있냐',
  '수있는',
  '수있을',
  '수있',
  // recalling: "뭐였더라", "그거였던가"
  '더라',
  '던가',
  '건가요',
  '건가',
  '는거',
  '인거',
  '임',
  '씀',
  '짐',
].sort((a, b) => b.length - a.length);

/** The copula alone (뜻이야 → 뜻), only used to recognise question words. */
export const COPULA = [
  ...['이에요', '인가요', '이야', '예요', '인가', '이지', '야', '임', '이다', '다', '이며', '이고', '였다', '이었다'],
  // past, recalling: "docker top이었나", "뭐였지", "inspect였던가"
  ...['이었나', '였나', '이었지', '였지', '이었던가', '였던가', '이었더라', '였더라', '이었음', '였음', '이었어', '였어'],
];

/** Korean question words, verb forms and chat fillers that carry no topic. */
export const KO_STOP = new Set([
  // ruling out: "쿠버 말고", "stats 빼고" (what is ruled out is read by question-frame.ts)
  '말고',
  '빼고',
  '제외하고',
  // question words
  '뭐야',
  '뭘',
  '뭐를',
  '무얼',
  '뭐가',
  '뭐의', // 뭐의 약자: the wh-word with a particle
  '머의',
  '무엇의',
  '뭐로',
  '뭐에',
  '뭐예요',
  '뭔가요',
  '뭐지',
  '뭐',
  '무엇',
  '무엇인가요',
  '무엇이야',
  '무슨',
  '어떻게',
  '어떡해',
  '어때',
  '어떤',
  '어느',
  '왜',
  '언제',
  '어디',
  '누가',
  '머야',
  '머',
  '뭐임',
  '머임',
  '뭔',
  '먼', // 뭔 typed fast (먼차이, 먼뜻)
  '뭔데',
  '뭐하는',
  '뭐하',
  '뭐해',
  '뭐함',
  '뭐하나요',
  '애야',
  '애임',
  '얘는',
  '얘',
  '어케',
  '어캐',
  '어떻',
  '왜케',
  '왜케임',
  '얼마',
  '얼마야',
  '얼마나',
  '몇',
  '뭐였',
  '무슨일',
  '어떤거',
  // distributives that point back at things named before ("X랑 Y … 각각 뭐함")
  '각각',
  '각자',
  // "옵션" says what kind of thing is asked about, as flag does in English
  '옵션',
  // generic verbs
  '해',
  '해줘',
  '하면',
  '하나요',
  '하는',
  '했을',
  '하고',
  '하려면',
  '할',
  '함',
  '하지',
  '해야',
  '해요',
  '한',
  '하는데',
  '했는데',
  '있어',
  '있나요',
  '있는',
  '있을',
  '있다',
  '있음',
  '있냐',
  '있나',
  '있을까',
  '있던데',
  '없어',
  '없음',
  '없나',
  '되나요',
  '돼',
  '되는',
  '된다',
  '되지',
  '돼요',
  '됨',
  '일어나',
  '알려줘',
  '알려주세요',
  '알려',
  '생기는',
  '생기면',
  '생겨',
  '생길',
  '생긴',
  '생기나요',
  '생겨요',
  '보여주는',
  '보여줘',
  '설명',
  '설명해줘',
  '설명해주실',
  '설명해',
  '설명해주세요',
  '모르겠어요',
  '모르겠어',
  '궁금해',
  '궁금해요',
  '궁금합니다',
  '궁금함',
  '궁금',
  '아님',
  '아닌가',
  '아니야',
  '아닌가요',
  '아니었음',
  '아니었어',
  '아니었나',
  '아니었어요',
  '아니였음',
  '아니였어',
  '맞아',
  '맞나요',
  '맞음',
  '맞지',
  '가능',
  '가능함',
  '가능해',
  '되냐',
  '됨',
  '하냐',
  '뭐냐',
  '머냐',
  '거냐',
  '건데',
  '거야',
  '건지',
  '싶어',
  '싶은데',
  '싶음',
  '봐',
  '보면',
  // light verbs (쓰다, 주다, 만들다, 싶다, 보다, 알다) and pronouns
  '쓰고',
  '쓰는',
  '쓰면',
  '써',
  '써요',
  '썼는데',
  '쓸',
  '씀',
  '주고',
  '주면',
  '줘',
  '줌',
  '주는',
  '만드는',
  '만들어',
  '만들',
  '만듦',
  '만드',
  '싶어',
  '싶으면',
  '싶음',
  '싶은',
  '싶',
  '보고',
  '보는',
  '봄',
  '알아',
  '알고',
  '아는',
  '누구',
  '지가',
  '내가',
  '제가',
  '나',
  '너',
  '우리',
  '저희',
  '걔',
  '직접',
  '자기가',
  '스스로',
  '혼자',
  '혼자서',
  '자꾸',
  '실제로',
  '맨날',
  '가끔',
  '갑자기',
  '자주',
  '아무것',
  '아무것도',
  '아무',
  '아무런',
  '결국',
  '원래',
  '원래대로',
  '짜리',
  '보통',
  '그거',
  '이거',
  '이런거',
  '그런거',
  '저런거',
  '이런것',
  '그런것',
  '이런건',
  '그런건',
  '저거',
  '요즘',
  '다들',
  '다',
  '막',
  '되게',
  '엄청',
  '계속',
  // fillers for words left out or a meaning asked (blah blah, what nonsense, roughly, at all)
  '어쩌구',
  '어쩌고',
  '저쩌구',
  '뭐시기',
  '뭔소리',
  '먼소리',
  // "뭔 소리임", "무슨 소리": what is meant (a sound is nothing the notes speak of)
  '소리',
  '무슨소리',
  '뭐라',
  '뭐라고',
  '뭐라함',
  '대충',
  '아예',
  '이런식',
  '그런식',
  '저런식',
  '하나씩',
  '하나하나',
  // sound words for how something goes (끊김 says what: 뚝뚝, 툭툭 only how)
  '말로',
  '뚝뚝',
  '툭툭',
  // time and repetition adverbs (already, still, now, again), like English's again, now, still
  '이미',
  '벌써',
  '아직',
  '아직도',
  '방금',
  '아까',
  '이제',
  '지금',
  '다시',
  '매번',
  '언제나',
  '일단',
  // words that say what kind of answer is wanted (the intent), not what it is about
  '이유',
  '이유가',
  '원리',
  '뭐뭐',
  '있으면',
  '있으',
  '똑같이',
  '똑같',
  '같아',
  '같음',
  '다르',
  '달라',
  '달라요',
  '다른가',
  '다름',
  // fillers and chat words
  '좀',
  // asking how many times, and recalling what was said (했더라: "what was it again")
  '몇배',
  '둘',
  '둘중',
  '셋',
  '넷',
  '했더라',
  '였더라',
  '이었더라',
  '했던가',
  '했었나',
  // discourse markers: how a speaker frames the question (honestly, anyway, so, on earth)
  '솔직히',
  '암튼',
  '아무튼',
  '그니까',
  '그러니까',
  '진심',
  '참고로',
  '대체',
  '도대체',
  '걍',
  '그냥',
  '진짜',
  '정말',
  '완전',
  '약간',
  '근데',
  '그럼',
  '그러면',
  '그리고',
  '또',
  '및',
  '등',
  '혹시',
  '아',
  '어',
  '음',
  '흠',
  '헐',
  '와',
  '그',
  '이',
  '저',
  '것',
  '거',
  '게',
  '수',
  '때',
  '대해',
  '대한',
  '관해',
  '관련',
  '법',
  '방법',
  '요약',
  '요약좀',
  '정리',
  '정리좀',
  '줄요약',
  '한줄',
  '한줄로',
  '두줄',
  '두줄로',
  '세줄',
  '세줄로',
  '한단어',
  '한단어로',
  '단어로',
  '한마디',
  '한마디로',
  '같은',
  '같이',
  '하나',
  '두',
  '는',
  '요',
  '주세요',
  '많이',
  '잔뜩',
  '너무',
  '아주',
  '매우',
  '의미',
  '정의', // 정의 물어보면: the definition is the kind of answer wanted (intent), not a topic
  '뜻',
  '약자', // 뭐의 약자임: what an abbreviation stands for is its definition (intent), not a topic
  '줄임말',
  '풀네임',
  '말', // 무슨 말임, 뭔말: what is meant
  '하는일',
  '하는일이',
  '같은거',
  '정확히',
  '자세히',
  '애초에', // 애초에 뭐임: from the start, not a topic
  '애초',
  '도대체',
  // where, relative to something named: the thing named carries the topic
  '안에',
  '안에서',
  '옆에',
  '옆의',
  '안의',
  '안으로',
  '밖에서',
  '밖으로',
  '속에',
  '굳이',
  '통째로',
  '통째',
  '버그',
  '고장',
  '정상',
  '얼마씩',
  '싹다',
  '어느쪽',
  '어느',
  '어느거',
  // frequency words: how often, never what about (how many is the scale concept: 여러 개, many)
  '점점',
  '계속',
  '자꾸',
  '항상',
  '맨날',
  '제발',
  '님',
  '님들',
  '여러분',
  '형',
  '선배',
  '질문',
  '질문이요',
  '질문있어요',
  '질문좀',
  '부탁',
  '부탁해',
  '부탁해요',
  '감사',
  '감사합니다',
  '고마워',
  // the copula glued to a Latin word or number: "VM이야", "1024인가요"
  '이야',
  '야',
  '이에요',
  '예요',
  '인가',
  '인가요',
  '인지',
  '일까',
  '일까요',
  '입니다',
  '이다',
  '이죠',
  '인데',
  '이고',
  '임',
]);

/** The study-group setting and where a claim was read ("asking for my study group", "블로그엔 2배라던데"): never the topic. */
export const CONTEXT_WORDS = new Set(
  `study studying studies group class classes lecture exam exams homework assignment professor teacher prof
  course school uni university ask asking asked wonder wondering curious confused confusing
  서술형 객관식 주관식 단답형 lab labs 실습 스터디 스터디때 수업 수업때 수업에서 강의 시험 과제 숙제 교수님 교수 선생님 조교 발표 공부 공부중 질문 헷갈 헷갈려 헷갈림 헷갈리는 오늘 어제 내일
  기억 기억이 기억남 까먹 까먹음 까먹었 까먹었는데 까먹어서 remember remembered forgot forget forgotten recall
  학교 학교에서 학교서버 회사 회사에서 회사서버 workplace company office
  blog blogs post article tutorial video youtube book docs 블로그 포스팅 글 튜토리얼 영상 유튜브 책 인강
  typo typos 오타 오타임 ta tas say saying said says told heard mention mentions mentioned friend friends buddy buddies pal pals bestie roommate classmate classmates senior coworker teammate 친구 선배 동기 팀원 얘기 단톡 단톡방 디코 감이
  컴 컴에 컴에서 컴으로 내컴 ops mix mixing mixed week grading 학생 학생들 채점 채점용 복붙 엔터 슬라이드 데모 문장 demo demos slide slides student students project projects club 찝찝 찝찝함 찝찝해 불안 불안함 걱정 걱정됨 면접 면접에서 interview interviewer interviews quiz quizzes tmrw tomorrow midterm midterms finals 퀴즈 중간고사 기말 question questions`
    .split(/\s+/)
    .filter(Boolean),
);

/** English function words, question words and chat words. */
export const EN_STOP = new Set(
  `a an the is are was were be been being am do does did doing have has having i me my we our you your it its
  they them their what which who whom whose when where why how this that these those of in on at to for from by
  with about into over under as and or but if then so than too very can could should would will shall may might
  must not no yes another instead per via within whether understand understanding understood there here everywhere anywhere somewhere nowhere get got use used using make makes just any some all each both between vs versus please tell
  explain show give happen happens go goes going went much many lots lot keep keeps kept always work works worked working
  whats what's hows dont don't doesnt doesn't didnt didn't isnt isn't arent aren't cant can't wont won't im i'm ive i've
  didn doesn isn aren wasn weren wouldn couldn shouldn haven hasn hadn ain don won ll ve re
  id i'd youre you're thats that's theres there's lets let's pls plz thx thanks hey hi hello ok okay
  u ur r ya yeah yep nope lol lmao rofl omg idk tbh btw imo ngl pls plz bro dude guys anyone someone actually really
  basically like kinda sorta gonna wanna gotta even still again also quick quickly short shortly line one sentence
  summary summarize summarise tldr tl dr eli5 simple simply words plain reason reasons point rn
  ppl smth sth bc cuz coz tho thru wtf wth rly dunno wat y onto upon ago everyone everybody now currently right roughly approximately way fine exact exactly thing things stuff nowadays bug bugs buggy normal nothing everything anything something besides bunch anymore def defo min mins sec secs flag flags
  yo fr frfr lowkey highkey deadass istg smh bruh fam sus mid dipped literally cooked obviously honestly seriously apparently totally intended let combo combos mean means meaning meant such possible possibly he she him her his hers itself himself herself themselves myself yourself else nah accurate legit legitimate correct valid
  stand stands acronym abbreviation abbreviated abbrev liner one-liner oneliner out while forever walk nobody noone slap checklist`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Asking for a simple explanation ("eli5", "in plain english", "쉽게", "5살한테 설명하듯", "비유로"): how it is
 * asked, never what about; the ranking then prefers the notes' everyday pictures.
 */
export const SIMPLE_REGISTER =
  /\beli5\b|\b(?:explain(?: it)? )?like (?:i'?m|im|i am) (?:5|five)\b|\bin (?:plain|simple) (?:english|terms|words)\b|\bsimply\b|\bfor (?:a )?(?:beginners?|dummies|noobs?)\b|\b(?:an )?analog(?:y|ies)\b|(?:5|다섯)\s?살(?:한테|에게|도)?(?:\s?설명하듯이?)?|쉽게|쉬운\s?말로?|비유(?:로|하면|해서)?|초딩(?:도|한테)?|비전공자(?:도|한테)?|초보(?:자)?(?:한테|에게|도|용으로)\s?(?:설명하듯이?|알아듣게|이해되게)?|설명하듯이?/gi;

/**
 * Saying one is new to the subject ("im new to this", "total beginner here", "완전 처음인데", "초보라"): who asks, never
 * what about, and no request for an everyday picture either (that is SIMPLE_REGISTER).
 */
export const NEWCOMER =
  /\b(?:explain(?: it)? )?like (?:i'?m|im|i am) (?:new|a (?:beginner|newbie|noob))\b|\b(?:i'?m|im|i am) (?:(?:totally|completely|super|very|pretty) )?new(?: (?:to|at) (?:this|all this|docker|vms?|containers?|linux))?(?: here)?\b|\b(?:total|complete|absolute) (?:beginner|newbie|noob)(?: here)?\b|\bnewbie (?:here|question)\b|\bnoob question\b|(?<![가-힣])(?:완전\s?)?(?:처음인데|처음이라|초보인데|초보라|입문자인데|입문자라)(?![가-힣])/gi;

/** Chat intensifiers typed onto the word they strengthen (개느려짐, 존나느림, 핵중요): the word after them is what counts. */
export const KO_INTENSIFIERS = ['개', '존나', '졸라', '겁나', '핵', '킹', '넘'];

/** Chat idioms whose words would otherwise read as content ("what were VMs for in the first place"). */
export const CHAT_IDIOMS =
  /\b(?:in the first place|by the way|or something|or what|and stuff|i guess|i mean|you know|at the end of the day|(?:on a )?day[- ]to[- ]day|in practice|in real life|irl|(?:end|ends|ended|ending|wind|winds|wound) up(?: (?:as|being|with))?|(?:go|goes|going|went|gone) (?:crazy|nuts|haywire|wild|bananas)|no cap|real quick|fr fr)\b/gi;

/** "Is that true?" asks yes or no about the claim before it: read as "is that right?", true is no topic. */
export const IS_IT_TRUE = /\b(is|was) (that|this|it) (?:really )?true\b/gi;
/** A closing "…, true?" / "legit?" / "accurate?" asks for agreement like "right?": no topic word. */
export const TRUE_TAG = /,?\s*\b(?:true|legit|accurate)\s*(\?+)\s*$/i;

/** "Another word for X" asks whether two names are the same thing: the words another and word are no topic. */
export const ANOTHER_WORD_FOR = /\b(?:just )?(?:another|a different|a fancy|a fancier) (?:word|name|term) for\b/gi;

/** Greetings and thanks: answered with a short hello, never with a passage. */
export const GREETING =
  /^(?:h(?:i+|ello+|ey+|owdy)|yo|sup|good (?:morning|evening|night)|안녕(?:하세요|하십니까)?|ㅎㅇ|하이|헬로|반가워(?:요)?|굿모닝|잘 ?자)(?:[\s,]+(?:there|bot|botty|everyone|all|guys|folks|봇|봇아|봇님|여러분|님들|다들|얘들아))?[\s!.~?ㅎㅋ^]*$/i;

/** Thanks, alone or with a few words after it ("thanks, that helped a lot!", "고마워 덕분에 이해함"), asking nothing. */
export const THANKS =
  /^(?:thanks?(?: you| a lot| so much)?|thx|ty|tysm|cheers|고마워(?:요)?|고맙(?:습니다|다)|감사(?:합니다|해요|링)?|땡큐|ㄱㅅ|ㄳ)(?:[\s,!.~ㅎㅋ^]+[^?？]{0,40})?[\s!.~ㅎㅋ^]*$/i;

/** Laughter, crying and other jamo-only chat ("ㅋㅋ", "ㅠㅠ", "ㄹㅇ", "ㅇㅇ"), and emoji: not words. */
// The skin-tone modifiers, the zero-width joiner and the emoji variation selector are listed one by one on purpose.
// eslint-disable-next-line no-misleading-character-class
export const CHAT_NOISE = /[\u3131-\u318e]+|\p{Extended_Pictographic}|[\u{1f3fb}-\u{1f3ff}\u200d\ufe0f]/gu;

/** Two closed-class words typed as one (왜그럼, 알려줘요): still no topic. */
export function isGluedStop(word: string): boolean {
  for (let i = 1; i < word.length; i++) if (KO_STOP.has(word.slice(0, i)) && KO_STOP.has(word.slice(i))) return true;
  return false;
}

const suffixPieces = [...new Set([...PARTICLES, ...VERB_ENDINGS, ...COPULA])];
const suffixMemo = new Map<string, boolean>();

/** True when `rest` is nothing, or a chain of particles and endings (에서는, 하는거임): the word ends there. */
export function isSuffixChain(rest: string): boolean {
  if (!rest) return true;
  const known = suffixMemo.get(rest);
  if (known !== undefined) return known;
  let ok = false;
  for (const p of suffixPieces) {
    if (rest.startsWith(p) && isSuffixChain(rest.slice(p.length))) {
      ok = true;
      break;
    }
  }
  if (suffixMemo.size > 50_000) suffixMemo.clear();
  suffixMemo.set(rest, ok);
  return ok;
}

/** Counters after a number (5분씩, 3번, 10개): the number's unit, never the topic. 기가, 메가, 코어 are sizes and stay. */
export const KO_COUNTERS = new Set([
  '분',
  '초',
  '시간',
  '일',
  '개',
  '번',
  '번째',
  '줄',
  '배',
  '살',
  '명',
  '대',
  '달',
  '년',
  '주',
  '개월',
  '층',
  '차',
  '회',
]);

/** The docker CLI's subcommands (docker run, docker stats …): a closed class of command words. */
export const DOCKER_SUBCOMMANDS = new Set(
  `run exec ps stats update inspect build pull push stop kill rm rmi images history logs commit create start restart attach
  top events info login network volume system pause tag cp diff save load`
    .split(/\s+/)
    .filter(Boolean),
);
