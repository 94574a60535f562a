// BotMessage → discord.js payloads: Discord's limits hold whatever the command layer builds.
import { describe, expect, test } from 'vitest';
import { toPayloads } from '../../src/discord/payload.js';

const json = (p: ReturnType<typeof toPayloads>[number]) => ({
  content: p.content,
  embeds: (p.embeds ?? []).map((e) => ('toJSON' in e ? e.toJSON() : e)) as any[],
  components: (p.components ?? []).map((c) => ('toJSON' in c ? c.toJSON() : c)) as any[],
  allowedMentions: p.allowedMentions,
});
const embedChars = (e: any) =>
  (e.title?.length ?? 0) +
  (e.description?.length ?? 0) +
  (e.footer?.text.length ?? 0) +
  (e.fields ?? []).reduce((n: number, f: any) => n + f.name.length + f.value.length, 0);

describe('toPayloads', () => {
  test('short message: one payload, embeds and buttons, no mentions', () => {
    const [p, ...rest] = toPayloads({
      content: 'hi @everyone',
      embeds: [{ title: 't', description: 'd', fields: [{ name: 'n', value: 'v' }], footer: 'f', imageFile: 'chart.png' }],
      components: [[{ kind: 'button', id: 'x:y', label: 'Go', emoji: '👍' }]],
      files: [{ name: 'chart.png', data: Buffer.from('png') }],
    });
    expect(rest).toEqual([]);
    const j = json(p);
    expect(j.content).toBe('hi @everyone');
    expect(j.allowedMentions).toEqual({ parse: [] });
    expect(j.embeds[0].image).toEqual({ url: 'attachment://chart.png' });
    expect(j.components[0].components[0]).toMatchObject({ custom_id: 'x:y', label: 'Go', style: 2 });
    expect(p.files).toHaveLength(1);
  });

  test('content over 2000 splits; progress edits are cut instead', () => {
    const text = Array.from({ length: 30 }, (_, i) => `Paragraph ${i}. ${'word '.repeat(30)}`).join('\n\n');
    const parts = toPayloads({ content: text });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.content!.length).toBeLessThanOrEqual(2000);
      expect(p.allowedMentions).toEqual({ parse: [] });
    }
    expect(toPayloads({ content: text, progress: true }, { split: false })).toHaveLength(1);
  });

  test('long embed descriptions continue; 10 embeds and 6000 characters per message hold', () => {
    const big = 'Sentence number one is here. '.repeat(400); // ~11,600 chars
    const parts = toPayloads({
      embeds: [
        { title: 'T', description: big, fields: [{ name: 'Sources', value: 'x'.repeat(2000) }] },
        ...Array.from({ length: 12 }, (_, i) => ({ title: `e${i}`, description: 'y'.repeat(900) })),
      ],
    });
    const embeds = parts.flatMap((p) => json(p).embeds);
    for (const p of parts) {
      const j = json(p);
      expect(j.embeds.length).toBeLessThanOrEqual(10);
      expect(j.embeds.reduce((n, e) => n + embedChars(e), 0)).toBeLessThanOrEqual(6000);
      for (const e of j.embeds) {
        expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
        for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(1024);
      }
    }
    expect(embeds[0].title).toBe('T');
    expect(embeds.filter((e) => e.title?.startsWith('e'))).toHaveLength(12);
  });

  test('component limits: 5 buttons a row, 5 rows, 25 options, labels cut', () => {
    const buttons = Array.from({ length: 12 }, (_, i) => ({ kind: 'button' as const, id: `b:${i}`, label: 'L'.repeat(120) }));
    const options = Array.from({ length: 40 }, (_, i) => ({ label: `o${i}`, value: `v${i}` }));
    const [p] = toPayloads({ components: [buttons, [{ kind: 'select', id: 's', options }], buttons] });
    const rows = json(p).components;
    expect(rows.length).toBe(5);
    for (const r of rows) expect(r.components.length).toBeLessThanOrEqual(5);
    expect(rows[0].components[0].label.length).toBeLessThanOrEqual(80);
    expect(rows[3].components[0].options).toHaveLength(25);
  });

  test('edits clear what the command cleared', () => {
    const [p] = toPayloads({ content: 'error', embeds: [], components: [] }, { split: true, edit: true });
    expect(p.embeds).toEqual([]);
    expect(p.components).toEqual([]);
  });
});
