// /help: what the bot does and how to use each command.
import { SlashCommandBuilder } from 'discord.js';
import { GUILD_INSTALL, GUILD_OR_BOT_DM } from './contexts.js';
import { COLORS } from './render.js';
import type { Command } from './types.js';

// The Korean lines use the Korean command and option names, which a Korean Discord client shows (the console
// accepts both).
const HELP = {
  ko: [
    '**/질문 질문:** VM·도커 질문에 지식 베이스로 답하고 번호 붙은 출처를 보여 줘요. `나만보기:`를 켜면 나만 봐요.',
    '**/검색 검색어:** 관련 단락을 그대로 보여 줘요.',
    '**/주제** 다루는 주제를 둘러봐요.',
    '**/샌드박스** (관리자가 켠 경우) 자원 제한을 건 컨테이너를 실제로 돌려 --memory, --cpus 등의 효과를 보여 줘요.',
    '**/퀴즈** 지식 베이스로 만든 퀴즈로 스터디원끼리 복습해요. 채널마다 한 번에 하나, `/퀴즈 멈춤` 으로 멈추고 `/퀴즈 기록삭제` 로 내 기록을 지워요.',
    '**/다시읽기** (관리자) 지식 베이스 파일을 다시 읽어요.',
    '지식 베이스에 없는 질문에는 모른다고 답해요.',
  ],
  en: [
    '**/ask question:** answers VM and Docker questions from the knowledge base, with numbered sources. Set `hide:` to see it alone.',
    '**/search query:** shows the matching passages as they are.',
    '**/topics** browse what the knowledge base covers.',
    '**/sandbox** (when an admin enabled it) runs a resource-limited container and shows what --memory, --cpus and friends do.',
    '**/quiz** a quiz from the knowledge base, for the whole study group: one round per channel, `/quiz stop` ends it, `/quiz forget` deletes your answers.',
    '**/reload** (admins) reads the knowledge base files again.',
    'Questions the knowledge base does not cover get an honest "I don\'t know".',
  ],
};

const help: Command = {
  data: new SlashCommandBuilder()
    .setName('help')
    .setContexts(GUILD_OR_BOT_DM)
    .setIntegrationTypes(GUILD_INSTALL)
    .setNameLocalizations({ ko: '도움말' })
    .setDescription('How to use the study bot')
    .setDescriptionLocalizations({ ko: '스터디 봇 사용법' }),
  async execute(ctx) {
    await ctx.respond.reply({
      embeds: [
        {
          title: ctx.locale === 'ko' ? 'VM·도커 스터디 봇' : 'VM & Docker study bot',
          description: HELP[ctx.locale].join('\n'),
          color: COLORS.info,
        },
      ],
      ephemeral: true,
    });
  },
};

export default help;
