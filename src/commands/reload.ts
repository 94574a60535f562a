// /reload (admins): reads the knowledge base again now. A new problem (a file that cannot be parsed) is shown
// and the knowledge base in use is kept. Hidden from members without Manage Server, and checked again here.
import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { GUILD_INSTALL, GUILD_ONLY } from './contexts.js';
import { LIMITS, truncate } from './limits.js';
import type { Command } from './types.js';

const reload: Command = {
  data: new SlashCommandBuilder()
    .setName('reload')
    .setContexts(GUILD_ONLY)
    .setIntegrationTypes(GUILD_INSTALL)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setNameLocalizations({ ko: '다시읽기' })
    .setDescription('Reload the knowledge base from its files (admins)')
    .setDescriptionLocalizations({ ko: '지식 베이스 파일을 다시 읽기 (관리자)' }),

  async execute(ctx) {
    const ko = ctx.locale === 'ko';
    if (!ctx.user.canManageGuild) {
      await ctx.respond.reply({
        content: ko ? '/reload 는 서버 관리 권한이 있어야 쓸 수 있어요.' : '/reload needs the Manage Server permission.',
        ephemeral: true,
      });
      return;
    }
    const reloader = ctx.services.reloader;
    if (!reloader) {
      await ctx.respond.reply({
        content: ko ? '이 봇에서는 다시 읽기를 쓸 수 없어요.' : 'Reloading is not available on this bot.',
        ephemeral: true,
      });
      return;
    }
    await ctx.respond.defer({ ephemeral: true });
    const result = await reloader.reload(`/reload by ${ctx.user.id}`);
    const content = result.ok
      ? ko
        ? `지식 베이스를 다시 읽었어요: 문서 ${result.docs}개, 단락 ${result.passages}개 (${result.ms} ms).`
        : `Knowledge base reloaded: ${result.docs} documents, ${result.passages} passages (${result.ms} ms).`
      : `${ko ? '다시 읽지 않았어요. 지금 쓰는 지식 베이스를 그대로 둡니다. 문제:' : 'Not reloaded; the knowledge base in use is kept. Problems:'}\n${result.problems.map((p) => `• ${p}`).join('\n')}`;
    await ctx.respond.reply({ content: truncate(content, LIMITS.content), ephemeral: true });
  },
};

export default reload;
