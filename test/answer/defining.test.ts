// A definition question's lead: the sentence whose subject is the thing asked about.
import { describe, expect, it } from 'vitest';
import { askedThing, definingSentence, hasSubject, namesEarly } from '../../src/answer/defining.js';
import type { Sentence } from '../../src/answer/candidates.js';
import { formsOf } from '../../src/answer/novelty.js';

const sentence = (text: string, source = 0, position = 0, overlap = 1): Sentence => ({
  text,
  source,
  position,
  forms: formsOf(text),
  overlap,
  score: overlap,
});

describe('askedThing', () => {
  it('reads the thing before 란/정의/뭐임 and after "what is", in the glossary concepts too', () => {
    expect(askedThing('uts namespace가 뭐야')?.map((f) => f[0])).toEqual(['ut', 'namespac']);
    expect(askedThing('유니온 파일시스템 한줄 정의 ㄱ')?.length).toBe(2);
    expect(askedThing("what's an image layer")?.map((f) => f[0])).toEqual(['imag', 'layer']);
    expect(askedThing('cgroups stands for what')?.[0]).toContain('§cgroup');
    expect(askedThing('what does the uts namespace actually do')?.map((f) => f[0])).toEqual(['ut', 'namespac']);
    expect(askedThing('uts 네임스페이스는 뭐하는거임')?.length).toBe(2);
  });

  it('reads no thing from a question that says more than a name, or asks no definition', () => {
    expect(askedThing('컨테이너 안에서 돌리는 프로세스가 호스트에서 보이는 이유가 설명된 부분 알려줘')).toBeUndefined();
    expect(askedThing('how do I cap memory')).toBeUndefined();
    // Two things are two definitions: "cgroup namespace" is neither.
    expect(askedThing('namespace 하고 cgroup은 각각 뭐임?')).toBeUndefined();
    expect(askedThing("what's an image and a container")).toBeUndefined();
    expect(askedThing('what is /var/run/docker.sock')?.length).toBeGreaterThan(0);
  });
});

describe('hasSubject and namesEarly', () => {
  const uts = askedThing('uts namespace가 뭐야')!;
  it('a Korean subject before its particle, glosses in brackets aside', () => {
    expect(hasSubject('uts namespace는 호스트 이름(hostname)을 분리한다.', uts)).toBe(true);
    expect(hasSubject('리눅스 namespace는 pid, net, uts 등 여덟 가지다.', uts)).toBe(false);
    // Named, but not as the subject: a longer phrase before the particle.
    expect(hasSubject('dockerd, containerd, runc로 나뉜 구조 덕분에 uts namespace가 있다.', uts)).toBe(false);
  });

  it('an English subject in the first words', () => {
    expect(hasSubject('The uts namespace isolates the hostname.', uts)).toBe(true);
    expect(hasSubject('Linux has eight namespace types, uts among them.', uts)).toBe(false);
  });

  it('counts a gloss in brackets as naming the thing, and no word with a case ending as part of a subject', () => {
    const swap = askedThing('스왑 메모리가 애초에 뭐임?')!;
    expect(swap).toHaveLength(2); // 애초에 is no part of the thing
    expect(hasSubject('스왑(swap, 스왑 메모리)은 디스크 공간이다.', swap)).toBe(true);
    expect(hasSubject('--memory-swap에 --memory와 같은 값을 주면 스왑 메모리를 못 쓴다.', swap)).toBe(false);
  });

  it("loosely, by the thing's own words: a concept it shares with an option is not the thing (--pids-limit is no fork bomb)", () => {
    const bomb = askedThing('포크밤 뭐임 ㅋㅋ 한줄')!;
    expect(namesEarly('--pids-limit을 걸면 태스크 수가 한도에서 멈춘다.', bomb)).toBe(false);
    expect(hasSubject('포크 폭탄(fork bomb)은 자기 자신을 끝없이 복제하는 프로그램이다.', bomb)).toBe(true);
  });

  it('loosely, named within the first four words (a key point with a gloss keeps its lead)', () => {
    const hv = askedThing('하이퍼바이저 뭐임')!;
    expect(namesEarly('하이퍼바이저(가상 머신 모니터, VMM)는 VM을 만들고 게스트 OS를 부팅한다.', hv)).toBe(true);
  });
});

describe('definingSentence', () => {
  const keyPoint = '리눅스 namespace는 pid, net, mnt, uts, ipc, user, cgroup, time의 여덟 가지다.';
  it("leads with the best section's sentence about the thing when the key point is about something wider", () => {
    const own = sentence('uts namespace는 호스트 이름을, ipc namespace는 IPC 자원을 분리한다.', 0, 3);
    const other = sentence('uts namespace는 다른 절의 문장이다.', 1, 0, 5);
    expect(definingSentence('uts namespace가 뭐야', [other, own], keyPoint)).toBe(own);
  });

  it("takes a defining sentence from the next sources when the best one's have none, the best source first", () => {
    const second = sentence('uts namespace는 호스트 이름을 분리한다.', 1, 4);
    const third = sentence('uts namespace는 세 번째 출처의 문장이다.', 2, 0, 3);
    const fourth = sentence('uts namespace는 네 번째 출처의 문장이다.', 3, 0, 9);
    expect(definingSentence('uts namespace가 뭐야', [fourth, third, second], keyPoint)).toBe(second);
    expect(definingSentence('uts namespace가 뭐야', [fourth], keyPoint)).toBeUndefined();
  });

  it('keeps the key point when it is about the thing, and reads nothing into a non-definition', () => {
    const own = sentence('uts namespace는 호스트 이름을 분리한다.', 0, 3);
    expect(definingSentence('uts namespace가 뭐야', [own], 'uts namespace는 호스트 이름을 격리한다.')).toBeUndefined();
    expect(definingSentence('how do I set the hostname', [own], keyPoint)).toBeUndefined();
  });
});
