// Baseline for bench-discord: the same discord.js client set-up with no command layer and no retrieval.
// It defers every command and edits in a fixed embed, so the figures are the emulator + discord.js floor.
import { Events, type Interaction } from 'discord.js';
import { createClient } from '../src/discord/bot.js';

const client = createClient(process.env.DISCORD_API_URL!);
client.on(Events.InteractionCreate, (interaction) => void answer(interaction));

async function answer(interaction: Interaction): Promise<void> {
  if (!interaction.isChatInputCommand()) return;
  try {
    await interaction.deferReply();
    await interaction.editReply({ embeds: [{ description: 'ok', footer: { text: 'floor' } }] });
  } catch (err) {
    process.stderr.write(`floor bot: ${(err as Error).message}\n`);
  }
}
process.on('SIGTERM', () => void client.destroy().finally(() => process.exit(0)));
await client.login(process.env.DISCORD_TOKEN);
