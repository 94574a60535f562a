// compose.yaml keeps the host safe: no service mounts the host's Docker socket (root on the host), the bot
// is never privileged, and /sandbox reaches only the separate engine of the sandbox profile.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Service {
  profiles?: string[];
  privileged?: boolean;
  restart?: string;
  env_file?: string | string[];
  environment?: Record<string, string> | string[];
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  command?: string[];
  cap_add?: string[];
  user?: string;
}
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const HOST_SOCKETS = ['/var/run/docker.sock', '/run/docker.sock'];

/** Source and target of each mount, long or short syntax. */
function mounts(s: Service): { source: string; target: string }[] {
  return (s.volumes ?? []).map((v) => {
    if (typeof v !== 'string') return { source: v.source ?? '', target: v.target ?? '' };
    const [source, target = ''] = v.split(':');
    return { source, target };
  });
}

/** The rules; each problem is one line. */
function composeProblems(compose: Compose): string[] {
  const problems: string[] = [];
  for (const [name, s] of Object.entries(compose.services)) {
    for (const m of mounts(s)) {
      const source = m.source.replace(/\/+$/, '');
      if (HOST_SOCKETS.includes(source) || (source.startsWith('/') && source.endsWith('docker.sock')))
        problems.push(`${name} mounts the host's Docker socket ${m.source}`);
    }
  }
  const bot = compose.services.bot;
  if (!bot) problems.push('no bot service');
  else {
    if (bot.privileged) problems.push('the bot runs privileged');
    if (bot.cap_add?.length) problems.push(`the bot adds capabilities ${bot.cap_add.join(', ')}`);
    if (bot.user && /^(0|root)(:|$)/.test(bot.user)) problems.push('the bot runs as root');
  }
  for (const [name, s] of Object.entries(compose.services)) {
    if (s.privileged && !s.profiles?.includes('sandbox')) problems.push(`${name} is privileged outside the sandbox profile`);
  }
  return problems;
}

const compose = parse(readFileSync('compose.yaml', 'utf8')) as Compose;
const env = (s: Service) =>
  Array.isArray(s.environment) ? Object.fromEntries(s.environment.map((e) => e.split('='))) : (s.environment ?? {});

describe('compose.yaml', () => {
  it('mounts no host Docker socket and never runs the bot privileged', () => {
    expect(composeProblems(compose)).toEqual([]);
  });

  it('the rules catch a host socket mount, a privileged bot and a root user', () => {
    const bad: Compose = {
      services: {
        bot: { privileged: true, user: 'root', volumes: ['/var/run/docker.sock:/var/run/docker.sock', 'data:/data'] },
        helper: { volumes: [{ type: 'bind', source: '/run/docker.sock', target: '/sock' }], privileged: true },
      },
    };
    expect(composeProblems(bad)).toEqual([
      "bot mounts the host's Docker socket /var/run/docker.sock",
      "helper mounts the host's Docker socket /run/docker.sock",
      'the bot runs privileged',
      'the bot runs as root',
      'bot is privileged outside the sandbox profile',
      'helper is privileged outside the sandbox profile',
    ]);
  });

  it('runs the bot with a restart policy, .env and the data volume', () => {
    const bot = compose.services.bot;
    expect(bot.restart).toBe('unless-stopped');
    expect(bot.env_file).toBe('.env');
    expect(mounts(bot)).toContainEqual({ source: 'data', target: '/data' });
    expect(Object.keys(compose.volumes ?? {})).toContain('data');
  });

  it("points the bot's DOCKER_HOST at the sandbox profile's own engine, through a shared socket volume", () => {
    const engine = compose.services['sandbox-engine'];
    expect(engine.profiles).toEqual(['sandbox']);
    const host = env(compose.services.bot).DOCKER_HOST;
    expect(engine.command).toContain(`--host=${host}`);
    const socketDir = host.replace(/^unix:\/\//, '').replace(/\/[^/]+$/, '');
    const shared = mounts(engine).find((m) => m.target === socketDir);
    expect(shared).toBeDefined();
    expect(mounts(compose.services.bot)).toContainEqual(shared);
    expect(shared!.source.startsWith('/')).toBe(false); // a named volume, not a host path
  });
});
