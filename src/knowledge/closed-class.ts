// Closed word classes: the small, fixed sets of words and endings that say how something is asked, never
// what it is about. Korean particles and verb endings attach to the word before them; chat endings and
// fillers are how people type in a Discord channel (~임, ~함, 걍, 좀). None of them carries topic weight.

/** Particles stripped from the end of a Korean word, longest first. */
export const PARTICLES = [
  '에서는', '으로는', '이라는', '이라고', '에서도', '한테서', '까지는', '이랑은', '에서든', '이든지', '든지', '이든', '든', '씩', '엔',
  '에서', '으로', '에게', '한테', '까지', '부터', '처럼', '보다', '이랑', '하고', '이란', '이나', '라는', '라고',
  '에는', '와는', '과는', '으론', '이면', '에도', '만큼', '마다', '끼리', '들은', '들이', '들을', '들의', '들',
  '은', '는', '이', '가', '을', '를', '의', '에', '로', '와', '과', '도', '만', '랑', '나', '란', '면',
].sort((a, b) => b.length - a.length);

/** Endings of "X하다 / X되다" verbs, the copula after a noun, and chat endings (~임, ~함, ~거임). */
export const VERB_ENDINGS = [
  '하려면', '했는데', '하는데', '합니다', '하나요', '해야', '하면', '하는', '하고', '해서', '했어', '했을', '한다', '할까', '해요', '해줘',
  '되나요', '되는', '되면', '된다', '시키는', '시키면', '시켜', '해', '할', '한', '함', '하', '돼', '된', '될', '됨',
  '인가요', '인가', '인지', '인데', '이에요', '예요', '입니까', '입니다', '이야', '일까요', '일까',
  // Chat endings: 컨테이너임, 쓰는거임, 도커임?
  '인거임', '는거임', '거임', '는방법', '는법',
  // ~ㄹ 수 있다 typed without spaces: 띄울수있음, 쓸수있나요
  '수있나요', '수있음', '수있어', '수있나', '수있냐', '수있는', '수있을', '수있', '건가요', '건가', '는거', '인거', '임', '씀', '짐',
].sort((a, b) => b.length - a.length);

/** The copula alone (뜻이야 → 뜻), only used to recognise question words. */
export const COPULA = ['이에요', '인가요', '이야', '예요', '인가', '이지', '야', '임'];

/** Korean question words, verb forms and chat fillers that carry no topic. */
export const KO_STOP = new Set([
  // question words
  '뭐야', '뭘', '뭐를', '무얼', '뭐가', '뭐예요', '뭔가요', '뭐지', '뭐', '무엇', '무엇인가요', '무엇이야', '무슨', '어떻게', '어떡해', '어때', '어떤', '어느',
  '왜', '언제', '어디', '누가', '머야', '머', '뭐임', '머임', '뭔', '뭔데', '뭐하는', '뭐하', '뭐해', '뭐함', '뭐하나요', '애야', '애임', '얘는', '얘',
  '어케', '어캐', '어떻', '왜케', '왜케임', '얼마', '얼마야', '얼마나', '몇', '뭐였', '무슨일', '어떤거',
  // generic verbs
  '해', '해줘', '하면', '하나요', '하는', '했을', '하고', '하려면', '할', '함', '하지', '해야', '해요', '한', '하는데', '했는데',
  '있어', '있나요', '있는', '있을', '있다', '있음', '있냐', '있나', '있을까', '있던데', '없어', '없음', '없나', '되나요', '돼', '되는', '된다', '되지', '돼요', '됨', '일어나', '알려줘', '알려주세요', '알려',
  '생기는', '생기면', '생겨', '생길', '생긴', '생기나요', '생겨요', '보여주는', '보여줘', '설명', '설명해줘', '설명해주실', '설명해', '설명해주세요',
  '모르겠어요', '모르겠어', '궁금해', '궁금해요', '궁금합니다', '궁금함', '궁금', '아님', '아닌가', '아니야', '아닌가요', '맞아', '맞나요', '맞음', '맞지',
  '가능', '가능함', '가능해', '되냐', '됨', '하냐', '뭐냐', '머냐', '거냐', '건데', '거야', '건지', '싶어', '싶은데', '싶음', '봐', '보면',
  // light verbs (쓰다, 주다, 만들다, 싶다, 보다, 알다) and pronouns
  '쓰고', '쓰는', '쓰면', '써', '써요', '썼는데', '쓸', '씀', '주고', '주면', '줘', '줌', '주는', '만드는', '만들어', '만들', '만듦', '만드',
  '싶어', '싶으면', '싶음', '싶은', '싶', '보고', '보는', '봄', '알아', '알고', '아는', '누구', '지가', '내가', '제가', '나', '너', '우리', '저희', '걔',
  '직접', '자기가', '스스로', '혼자', '혼자서', '자꾸', '맨날', '가끔', '갑자기', '자주', '아무것', '아무것도', '아무', '아무런', '결국', '원래', '보통', '그거', '이거', '저거', '요즘', '다들', '다', '막', '되게', '엄청', '계속',
  // words that say what kind of answer is wanted (the intent), not what it is about
  '이유', '이유가', '원리', '뭐뭐', '있으면', '있으', '똑같이', '똑같', '같아', '같음', '다르', '달라', '달라요', '다른가', '다름',
  // fillers and chat words
  '좀', '걍', '그냥', '진짜', '정말', '완전', '약간', '근데', '그럼', '그러면', '그리고', '또', '및', '등', '혹시', '아', '어', '음', '흠', '헐', '와',
  '그', '이', '저', '것', '거', '게', '수', '때', '대해', '대한', '관해', '관련', '법', '방법', '요약', '요약좀', '정리', '정리좀', '줄요약', '한줄', '한줄로',
  '같은', '같이', '하나', '두', '는', '요', '주세요', '많이', '너무', '아주', '매우', '의미', '뜻', '하는일', '하는일이', '같은거', '정확히', '자세히',
  '제발', '님', '님들', '여러분', '형', '선배', '질문', '질문이요', '질문있어요', '질문좀', '부탁', '부탁해', '부탁해요', '감사', '감사합니다', '고마워',
  // the copula glued to a Latin word or number: "VM이야", "1024인가요"
  '이야', '야', '이에요', '예요', '인가', '인가요', '인지', '일까', '일까요', '입니다', '이다', '이죠', '인데', '이고', '임',
]);

/** The study-group setting and where a claim was read ("asking for my study group", "블로그엔 2배라던데"): never the topic. */
export const CONTEXT_WORDS = new Set(
  `study studying studies group class classes lecture exam exams homework assignment professor teacher prof
  course school uni university ask asking asked wonder wondering curious confused confusing
  스터디 스터디때 수업 수업때 수업에서 강의 시험 과제 숙제 교수님 교수 선생님 조교 발표 공부 공부중 질문 헷갈 헷갈려 헷갈림 헷갈리는 오늘 어제 내일
  blog blogs post article tutorial video youtube book docs 블로그 포스팅 글 튜토리얼 영상 유튜브 책 인강`.split(/\s+/).filter(Boolean),
);

/** English function words, question words and chat words. */
export const EN_STOP = new Set(
  `a an the is are was were be been being am do does did doing have has having i me my we our you your it its
  they them their what which who whom whose when where why how this that these those of in on at to for from by
  with about into over under as and or but if then so than too very can could should would will shall may might
  must not no yes there here get got use used using make makes just any some all each between vs versus please tell
  explain show give happen happens go goes going went much many
  whats what's hows dont don't doesnt doesn't didnt didn't isnt isn't arent aren't cant can't wont won't im i'm ive i've
  id i'd youre you're thats that's theres there's lets let's pls plz thx thanks hey hi hello ok okay
  u ur r ya yeah yep nope lol lmao rofl omg idk tbh btw imo ngl pls plz bro dude guys anyone someone actually really
  basically like kinda sorta gonna wanna gotta even still again also quick quickly short shortly line one sentence
  summary summarize summarise tldr tl dr eli5 simple simply words plain reason reasons point rn
  ppl smth sth bc cuz coz tho wtf wth rly dunno wat`.split(/\s+/).filter(Boolean),
);

/** Greetings and thanks: answered with a short hello, never with a passage. */
export const GREETING =
  /^(?:h(?:i+|ello+|ey+|owdy)|yo|sup|good (?:morning|evening|night)|thanks?(?: you)?|thx|ty|안녕(?:하세요|하십니까)?|ㅎㅇ|하이|헬로|반가워(?:요)?|고마워(?:요)?|감사(?:합니다|해요)?|굿모닝|잘 ?자)[\s!.~?ㅎㅋ^]*$/i;

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
