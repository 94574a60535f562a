import { describe, expect, it } from 'vitest';
import { askedValues, builtCommand, carriesAll, withAskedValues, withAskedValuesInText } from '../../src/answer/asked-values.js';

describe('the values a how-to question asks for', () => {
  it.each([
    ['redis 컨테이너 메모리 512메가 cpu 1개로 제한해서 띄우는 명령어좀', { memory: '512m', cpus: '1', image: 'redis' }],
    ['컨테이너에 메모리 512메가만 주고 싶으면 어케 함', { memory: '512m' }],
    ['limit it to 1.5 cpus and 2g ram', { memory: '2g', cpus: '1.5' }],
    ['메모리 1기가로 제한', { memory: '1g' }],
    ['how do I start nginx capped at 300 MB', { memory: '300m', image: 'nginx' }],
    // Two different sizes, a period in ms, minutes: no memory value; a change of size asks for the size it goes to.
    ['256m이랑 1g 중에 뭐가 나음', {}],
    ['256m에서 1g로 올리고 싶음', { memory: '1g' }],
    ['stalls for 100ms every 5 min', {}],
    // Wanting more than the value it runs with asks for no value; a value named as the target is asked for.
    ['docker run -m 256m 으로 띄워놨는데 메모리 더 주고 싶음', {}],
    ['running with --memory 256m and now it needs more ram', {}],
    ['already running, i need to bump its memory limit to 1g', { memory: '1g' }],
    ['돌고있는 컨테 메모리 제한만 1g로 올리는거 가능?', { memory: '1g' }],
    // A name, a process limit, an image reference; not a port pair, a time, a pid or a URL.
    [
      '컨테 이름 payment-worker로 메모리 300메가, 이미지는 myrepo/payment:1.4',
      { memory: '300m', image: 'myrepo/payment:1.4', name: 'payment-worker' },
    ],
    ['cap it at 200 processes', { pids: '200' }],
    ['-p 8080:80 at 10:30, pid 1 ignores SIGTERM, see localhost:3000', {}],
  ])('%s', (q, values) => expect(askedValues(q)).toEqual(values));

  it('builds the command from the asked options when no example carries them all: run before the image, update when running', () => {
    const asked = askedValues('컨테 이름 payment-worker로 메모리 300메가 제한, 이미지는 myrepo/payment:1.4');
    expect(builtCommand(asked, false, 'ko', '메모리 300메가 제한')).toBe(
      'docker run -d --name payment-worker --memory 300m myrepo/payment:1.4',
    );
    expect(builtCommand({ memory: '1g', name: 'worker' }, true, 'en', 'raise the memory limit')).toBe(
      'docker update --memory 1g --memory-swap 2g worker',
    );
    // A size that is no limit ("my image is 2gb") builds nothing.
    expect(builtCommand({ memory: '2g' }, false, 'en', 'my image is 2gb, which step made it fat')).toBeUndefined();
    expect(carriesAll('docker run -d --memory 512m redis', { memory: '512m', image: 'redis' })).toBe(true);
    expect(carriesAll('docker run -d --memory 512m nginx', { memory: '512m', image: 'redis' })).toBe(false);
  });

  it('reads options asked for by what they do, and builds them into one command only beside another asked option', () => {
    const asked = askedValues('how do i run a container with a name + an env var and have it delete itself when it stops');
    expect(asked).toEqual({ flags: ['--name <name>', '--rm', '-e KEY=value'] });
    expect(builtCommand(asked, false, 'en', 'one command')).toBe('docker run --rm --name <name> -e KEY=value <image>');
    const locked = askedValues('파일시스템 읽기전용 + 권한 다 빼기 명령어좀');
    expect(builtCommand(locked, false, 'ko', '명령어좀')).toBe('docker run -d --read-only --cap-drop ALL <이미지>');
    // One option asked for by what it does is the notes' to show, with their example.
    expect(builtCommand(askedValues('how do i set an env var in a container'), false, 'en', '')).toBeUndefined();
    expect(carriesAll('docker run --rm -e GREETING=hello alpine env', { flags: ['--rm', '-e KEY=value'] })).toBe(true);
    expect(carriesAll('docker run -e GREETING=hello alpine env', { flags: ['--rm', '-e KEY=value'] })).toBe(false);
  });

  it('puts them into the example command in place of its own', () => {
    const asked = { memory: '512m', cpus: '1', image: 'redis' };
    expect(withAskedValues('docker run -d --memory 300m --cpus=1.5 nginx', asked)).toBe('docker run -d --memory 512m --cpus=1 redis');
    expect(withAskedValues('docker run -d -m 300m nginx', { memory: '1g' })).toBe('docker run -d -m 1g nginx');
  });

  it('keeps a memory value paired with --memory-swap, and an image followed by a command', () => {
    expect(withAskedValues('docker update --memory 512m --memory-swap 1g web', { memory: '2g' })).toBe(
      'docker update --memory 512m --memory-swap 1g web',
    );
    expect(withAskedValues('docker run --rm alpine echo hi', { image: 'redis' })).toBe('docker run --rm alpine echo hi');
  });
});

describe("the student's own container and size in the notes' commands", () => {
  it('takes the size a change goes to ("200m에서 500m로", "from 512m to 1g"), not the one it leaves', () => {
    expect(askedValues('메모리 제한 200m에서 500m로 올리려면').memory).toBe('500m');
    expect(askedValues('bump it from 512m to 1g').memory).toBe('1g');
    expect(askedValues('200m이랑 500m 중에 뭐가 나음').memory).toBeUndefined();
  });

  it('reads the container named before 컨테 or "is running", but not a kind of container or an image', () => {
    expect(askedValues('resumarble 컨테만 cpu 보고싶음').container).toBe('resumarble');
    expect(askedValues('resumarble 이미 떠있는데').container).toBe('resumarble');
    expect(askedValues('도커 컨테이너 메모리').container).toBeUndefined();
    expect(askedValues('우분투 컨테랑 centos 컨테 동시에').container).toBeUndefined();
    expect(askedValues('my dead container shows exit 137').container).toBeUndefined();
    expect(askedValues('container is already running').container).toBeUndefined();
  });

  it('puts them into a docker update in prose, with the swap total at twice the memory', () => {
    const asked = askedValues('resumarble 이미 떠있는데 메모리 200m에서 512m로 올리려면');
    expect(withAskedValuesInText('docker update --memory 300m --memory-swap 600m <컨테이너>로 바꾼다', asked)).toBe(
      'docker update --memory 512m --memory-swap 1g resumarble로 바꾼다',
    );
  });
});
