import { describe, expect, it } from 'vitest';
import { misnamed, withNamesMeant } from '../../src/knowledge/misnamed.js';

const NOTES = new Set(['pids-limit', 'cpu-shares', 'memory-swap', 'memory-swappiness', 'cpuset-cpus']);
const ENGLISH = new Set(['status', 'stack', 'rebuild', 'cpu', 'layer', 'too']);
const find = (text: string) => misnamed(text, NOTES, (w) => ENGLISH.has(w.replace(/s$/, '')) || ENGLISH.has(w));

describe('half-remembered option and command names', () => {
  it('reads an option neither the notes nor Docker has as the one nearest it', () => {
    expect(find('--pid-limit 100 is the fork bomb protection thing right?')).toEqual([{ typed: '--pid-limit', meant: '--pids-limit' }]);
    expect(find('--cpu-share 1024짜리랑 512짜리')).toEqual([{ typed: '--cpu-share', meant: '--cpu-shares' }]);
    expect(find('--cpu 1.5 means 1.5 cores?')).toEqual([{ typed: '--cpu', meant: '--cpus' }]);
    expect(find('--memory-swapiness 0 주면')).toEqual([{ typed: '--memory-swapiness', meant: '--memory-swappiness' }]);
  });

  it('leaves real flags alone, also those the notes never mention, and names too far from any', () => {
    expect(find('docker run --gpus all --shm-size 1g --pids-limit 50 --cpus 2')).toEqual([]);
    expect(find('--mem 200m')).toEqual([]);
    expect(find('--frobnicate-everything')).toEqual([]);
  });

  it('reads a docker command Docker lacks as the notes command nearest it, when it was typed as a command', () => {
    expect(find('docker status 치면 메모리 보임?')).toEqual([{ typed: 'docker status', meant: 'docker stats' }]);
    expect(find('docker updaet is for what exactly?')).toEqual([{ typed: 'docker updaet', meant: 'docker update' }]);
    expect(find('ran `docker inpsect web` and got json')).toEqual([{ typed: 'docker inpsect', meant: 'docker inspect' }]);
    // Prose after "docker" is no command; real commands and equally near ones are left alone.
    expect(find('is vt-x needed for docker too')).toEqual([]);
    expect(find('the trick where docker stacks layers')).toEqual([]);
    expect(find('docker port web 80')).toEqual([]);
    expect(find('docker stat 치면 뭐나옴')).toEqual([]);
  });

  it('writes the question with the names meant', () => {
    const text = '--pid-limit 100 and docker status 치면';
    expect(withNamesMeant(text, find(text))).toBe('--pids-limit 100 and docker stats 치면');
  });
});
