// A BotMessage as terminal text: the same words a Discord user sees, without the chrome.
import type { BotMessage } from '../commands/types.js';

const plain = (s: string) => s.replace(/\*\*(.+?)\*\*/g, '$1');

export function renderMessage(msg: BotMessage, keys: { components: string[][]; files: string[] }): string {
  const out: string[] = [];
  if (msg.ephemeral) out.push('(only you can see this)');
  if (msg.content) out.push(plain(msg.content));
  for (const e of msg.embeds ?? []) {
    if (e.title) out.push(`── ${plain(e.title)} ──`);
    if (e.description) out.push(plain(e.description));
    for (const f of e.fields ?? []) out.push(`${plain(f.name)}:`, plain(f.value));
    if (e.footer) out.push(`(${e.footer})`);
  }
  for (const f of keys.files) out.push(`[file saved: ${f}]`);
  (msg.components ?? []).forEach((row, r) => {
    const parts = row.map((c, i) => {
      const key = keys.components[r]?.[i] ?? '?';
      if (c.kind === 'button') return `[${key}] ${c.emoji ? `${c.emoji} ` : ''}${c.label}${c.disabled ? ' (disabled)' : ''}`;
      return `[${key}] ${c.placeholder ?? 'choose'}: ${c.options.map((o) => o.value).join(' | ')}`;
    });
    if (parts.length) out.push(parts.join('  '));
  });
  return out.join('\n');
}
