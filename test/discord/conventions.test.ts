// Discord conventions through the real client and the emulator: autocomplete never cuts the typed question,
// every [n] of an answer has its source in sight (and the Sources button shows them all), and Discord markup
// in a question (mentions, channels, custom emoji) does not stop it being answered.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COLORS } from '../../src/commands/render.js';
import { startBotUnderTest, type BotUnderTest } from './harness.js';

let h: BotUnderTest;
beforeAll(async () => {
  h = await startBotUnderTest({ env: { RETRIEVAL_TOP_K: '10' } });
});
afterAll(async () => {
  await h?.close();
});

const isAnswer = (m: { embeds: any[]; via: string }) => m.via === 'edit' && m.embeds.length > 0 && m.embeds[0].color !== COLORS.streaming;

describe('/ask autocomplete', () => {
  test('a question longer than a choice allows is never offered cut', async () => {
    const long = `${'How does the memory limit of a container interact with swap when the host has plenty of free memory '.repeat(2)}?`;
    expect(long.length).toBeGreaterThan(100);
    const i = h.emu.autocomplete('ask', { name: 'question', value: long });
    await i.waitForAck();
    const choices = i.choices()!;
    expect(choices.every((c) => c.value.length <= 100 && !c.value.endsWith('…') && !long.startsWith(c.value.slice(0, 40)))).toBe(true);
  });

  test('a question that fits is offered whole, first', async () => {
    const typed = 'What happens when a container goes over its --memory limit?';
    const i = h.emu.autocomplete('ask', { name: 'question', value: typed });
    await i.waitForAck();
    expect(i.choices()![0]).toEqual({ name: typed, value: typed });
  });
});

describe('/ask sources', () => {
  test('every [n] in the answer is listed in the Sources field, and the Sources button shows every source', async () => {
    const i = h.emu.slash('ask', { question: 'How do --cpus, --cpu-shares and --cpuset-cpus differ?' });
    const answer = await i.waitForMessage(isAnswer);
    const embed = answer.embeds[0];
    const cited = [...new Set([...embed.description.matchAll(/\[(\d+)\]/g)].map((m) => m[1]))];
    expect(cited.length).toBeGreaterThan(0);
    const sources = embed.fields.find((f: any) => f.name === 'Sources').value as string;
    const listed = [...sources.matchAll(/\*\*\[(\d+)\]\*\*/g)].map((m) => m[1]);
    for (const n of cited) expect(listed).toContain(n);

    const click = h.emu.click(answer, { label: 'Sources' });
    const shown = await click.waitForMessage();
    expect(shown.ephemeral).toBe(true);
    const titles = shown.embeds.map((e: any) => /^\[(\d+)\]/.exec(e.title)?.[1]);
    expect(titles).toEqual(listed);
    expect(listed.length).toBeGreaterThanOrEqual(5); // RETRIEVAL_TOP_K=10 (one source per section): more than fit with excerpts
  });
});

describe('Discord markup in a question', () => {
  test.each([
    ['<@100000000000000001> 도커가 뭐야?', '@ 도커가 뭐야?'],
    ['<@!400000000000000009> <#300000000000000001> 도커가 뭐야? <:docker:123456789012345678>', '@ # 도커가 뭐야? :docker:'],
  ])('%s is answered, and the title shows no raw markup', async (question, title) => {
    const i = h.emu.slash('ask', { question }, { locale: 'ko' });
    const answer = await i.waitForMessage(isAnswer);
    expect(answer.embeds[0].color).toBe(COLORS.answer);
    expect(answer.embeds[0].title).toBe(title);
    expect(answer.embeds[0].description).toMatch(/도커/);
  });
});

describe('one language per reply', () => {
  const labels = (m: { embeds: any[]; components: any[] }) => ({
    sources: m.embeds[0].fields.map((f: any) => f.name),
    footer: m.embeds[0].footer.text,
    buttons: m.components.flatMap((r: any) => r.components.map((b: any) => b.label)),
  });

  test('a Korean question from an English-locale user: labels, buttons and footer all Korean', async () => {
    const m = await h.emu.slash('ask', { question: '도커 컨테이너와 VM의 차이가 뭐야?' }, { locale: 'en-US' }).waitForMessage(isAnswer);
    expect(labels(m)).toEqual({ sources: ['출처'], footer: '지식 베이스 발췌 답변', buttons: ['출처 보기', '도움됐어요', '아쉬워요'] });
  });

  test('an English question from a Korean-locale user: all English', async () => {
    const m = await h.emu
      .slash('ask', { question: 'What is the difference between a container and a VM?' }, { locale: 'ko' })
      .waitForMessage(isAnswer);
    expect(labels(m)).toEqual({
      sources: ['Sources'],
      footer: 'extractive answer from the knowledge base',
      buttons: ['Sources', 'Helpful', 'Not helpful'],
    });
  });
});

test('no "▶ Try it" while /sandbox is off, even for an answer about --cpus', async () => {
  const m = await h.emu.slash('ask', { question: 'What does --cpus 0.5 actually limit?' }).waitForMessage(isAnswer);
  expect(m.components[0].components.map((b: any) => b.custom_id.split(':')[1])).toEqual(['sources', 'up', 'down']);
});
