// Novelty by stem and concept: the answer does not say the same thing twice in other endings or other words.
import { describe, expect, it } from 'vitest';
import { formsOf, Said } from '../../src/answer/novelty.js';

describe('novelty', () => {
  const saidOf = (text: string) => {
    const said = new Said();
    said.add(formsOf(text));
    return said;
  };

  it('reads Korean words by stem: the same nouns and verbs with other endings are nothing new', () => {
    const said = saidOf('VM은 독립된 컴퓨팅 환경이다. 여러 개를 한 서버에서 돌리려고 쓴다.');
    expect(said.novelty(formsOf('VM은 서로 독립된 컴퓨팅 환경을 여러 개 돌리기 위한 것이다.'))).toBeLessThan(0.45);
  });

  it('counts a word that restates a concept already named as nothing new', () => {
    const said = saidOf('A VM runs its own guest OS.');
    const restated = formsOf('A virtual machine runs its own guest operating system.');
    expect(said.novelty(restated)).toBe(0);
  });

  it('does not count the column names a table row repeats', () => {
    const said = saidOf('VM은 게스트 OS와 자기 커널을 부팅하고, 컨테이너는 호스트 커널을 함께 쓴다.');
    const row = formsOf('격리 강도 — 가상 머신: 강함(하드웨어 경계) / 컨테이너: 약함(커널 공유)');
    expect(said.novelty(row)).toBeGreaterThan(0.55);
    expect(row.stems).not.toContain('컨테');
  });

  it('counts words the answer has not said', () => {
    const said = saidOf('A VM runs its own guest OS.');
    expect(said.novelty(formsOf('Booting the guest kernel takes tens of seconds.'))).toBeGreaterThan(0.45);
    expect(new Said().novelty(formsOf(''))).toBe(0);
  });

  it('finds a clause that says again what the answer said, asides in parentheses left out', () => {
    const said = saidOf('cgroup v2는 하나의 통합 계층이다. 최근 배포판은 v2가 기본이며 docker info로 확인한다.');
    expect(said.repeatsAClause('최근 배포판(Ubuntu 22.04 이상, Fedora, Debian 11 이상 등)은 기본이 v2다.')).toBe(true);
    const dockerd = saidOf('dockerd는 컨테이너 실행을 containerd에 gRPC로 맡긴다.');
    expect(dockerd.repeatsAClause('dockerd는 API 요청 처리와 이미지 빌드를 맡고, 컨테이너 실행은 containerd에게 gRPC로 위임한다.')).toBe(
      true,
    );
  });

  it('does not cut a list at its commas, and lets a short or new clause pass', () => {
    const said = saidOf('Linux has eight namespace types: pid, net, mnt, uts, ipc, user, cgroup and time.');
    expect(said.repeatsAClause('The net namespace gives its own network interfaces, IP addresses, routing table and ports.')).toBe(false);
    const oom = saidOf('OOM killer가 컨테이너 안의 프로세스를 SIGKILL로 죽이고 종료 코드는 137이다.');
    expect(oom.repeatsAClause('docker kill로 죽였거나, docker stop이 유예 시간 안에 끝나지 않은 경우에도 137이 나온다.')).toBe(false);
  });

  it('finds a sentence whose figures the answer has mostly given: the same fact again', () => {
    const said = new Said();
    const lead = '1024 대 512는 cgroup v1에서 정확히 2:1이고, v2에서는 약 63% 대 37%다.';
    said.add(formsOf(lead), lead);
    expect(said.repeatsFigures('예를 들어 가중치 1024와 512인 컨테이너가 둘 다 바쁘면 정확히 2배(2:1), 즉 67% 대 33%를 받는다.')).toBe(
      true,
    );
    expect(said.repeatsFigures('기본 주기는 100ms이고 --cpus 1.5는 150000/100000이다.')).toBe(false);
    expect(said.repeatsFigures('1024가 기본값이다.')).toBe(false);
    // Years are not such figures: a history names 2008 in every sentence.
    said.add(formsOf('cgroups (2008) and LXC (2008) came first.'), 'cgroups (2008) and LXC (2008) came first.');
    expect(said.repeatsFigures('LXC, also from 2008, combined namespaces and cgroups; Docker followed in 2013 and 2014.')).toBe(false);
  });

  it('counts a figure with its unit (6m, 6MiB, 100ms) as a figure', () => {
    const said = new Said();
    const lead = '--memory의 최솟값은 6m(6MiB)이다.';
    said.add(formsOf(lead), lead);
    expect(said.repeatsFigures('--memory에 설정할 수 있는 최솟값은 6m(6MiB)이며, 오래된 버전은 4m이었다.')).toBe(true);
    expect(said.repeatsFigures('--memory-swap 1g에 --memory 512m이면 스왑은 512m이다.')).toBe(false);
  });
});
