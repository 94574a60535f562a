// guardPacketHandling wraps a private discord.js method: installed when it exists (the pinned minor has it),
// and when an upgrade removed it, one warning and no guard instead of a crash at start-up.
import { Client, GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { guardPacketHandling } from '../../src/discord/bot.js';
import { memoryLogger } from '../quiz/helpers.js';

const newClient = () => new Client({ intents: [GatewayIntentBits.Guilds] });

describe('guardPacketHandling', () => {
  it('wraps handlePacket of the installed discord.js: a throwing packet is logged and skipped', () => {
    const client = newClient();
    const ws = client.ws as unknown as { handlePacket: (p: unknown, s: unknown) => boolean };
    ws.handlePacket = () => {
      throw new TypeError('bad packet');
    };
    const { logger, lines } = memoryLogger();
    expect(guardPacketHandling(client, logger)).toBe(true);
    expect(ws.handlePacket({ t: 'INTERACTION_CREATE', d: {} }, undefined)).toBe(false);
    expect(lines.filter((l) => l.msg === 'malformed gateway packet skipped')).toHaveLength(1);
    void client.destroy();
  });

  it('the installed discord.js still has the private method (fails on an upgrade that removed it)', () => {
    const client = newClient();
    expect(typeof (client.ws as unknown as { handlePacket?: unknown }).handlePacket).toBe('function');
    void client.destroy();
  });

  it('without the method: warns once for the process, installs nothing, does not throw', () => {
    const { logger, lines } = memoryLogger();
    for (let i = 0; i < 3; i++) {
      const client = newClient();
      delete (client.ws as unknown as { handlePacket?: unknown }).handlePacket;
      Object.setPrototypeOf(client.ws, Object.prototype);
      expect(guardPacketHandling(client, logger)).toBe(false);
      expect((client.ws as unknown as { handlePacket?: unknown }).handlePacket).toBeUndefined();
    }
    expect(lines.filter((l) => /no WebSocketManager\.handlePacket/.test(l.msg))).toHaveLength(1);
  });
});
