// The student's own values worked out: swap from --memory/--memory-swap, --cpus as quota, shares as percents.
import { inspectReading } from '../../src/answer/figures/inspect.js';
import { describe, expect, it } from 'vitest';
import { extractiveAnswer } from '../../src/answer/extractive.js';
import { citedFigures, figuresFor, sharesToWeight } from '../../src/answer/figures/index.js';
import { tokenize } from '../../src/knowledge/tokenize.js';
import type { Chunk, SearchResult } from '../../src/knowledge/types.js';

const texts = (q: string, lang: 'ko' | 'en' = 'en') => figuresFor(q, lang).map((f) => f.text);

describe('swap from --memory and --memory-swap', () => {
  it('gives the fix for a total below the memory: the swap wanted is added to --memory', () => {
    expect(texts('-m 512m --memory-swap 256m error, i just wanted 256 swap')[0]).toContain(
      'give --memory 512m --memory-swap 768m (512m + 256m)',
    );
    expect(texts('--memory 100m --memory-swap 50m 에러남', 'ko')[0]).toContain('스왑을 50m 주려면 --memory 100m --memory-swap 150m');
  });

  it('subtracts memory from the total, across units', () => {
    expect(texts('docker run -m 1g --memory-swap 3g app so 3g of swap?')[0]).toContain('3g − 1g = 2g');
    expect(texts('--memory 300m --memory-swap 1g how much swap')[0]).toContain('1g − 300m = 724m');
  });

  it('gives twice the memory as the total when --memory-swap is not set, or 0', () => {
    expect(texts('if I set --memory 1g and nothing for swap, how much swap?')[0]).toMatch(
      /2g, twice the memory: 1g of memory and 1g of swap/,
    );
    expect(texts('--memory 512m --memory-swap 0 swap?')[0]).toContain('512m of swap');
    expect(texts('--memory 1g만 주고 스왑은 얼마?', 'ko')[0]).toContain('스왑 1g');
  });

  it('reads the memory limit named in words with a unit, and gives no figure for swap sized in words', () => {
    expect(texts('메모리 300m 주고 swap은 안 정하면 총 몇까지 씀?', 'ko')[0]).toContain('2배인 600m');
    expect(texts('ram 512mb limit, how much swap by default?')[0]).toContain('1g, twice the memory');
    expect(texts('메모리 2개 띄우면 스왑 얼마?', 'ko')).toEqual([]); // a count, not a size
    expect(texts('memory 2g swap 4g, how much total?')).toEqual([]); // swap alone or the total? not guessed
    // The size before the word, for the container; the machine's own memory is no limit given.
    expect(texts('if i give 2기가 memory and dont set swap at all what does swap end up as')[0]).toContain('With --memory 2g');
    expect(texts('my laptop has 16gb ram and the container has no swap flag, how much swap')).toEqual([]);
    expect(texts('호스트 8기가 램인데 컨테이너 스왑 얼마까지?', 'ko')).toEqual([]);
  });

  it('says no swap for equal values, unlimited for -1, and a refusal for a total below memory', () => {
    expect(texts('-m 512m --memory-swap 512m')[0]).toContain('no swap');
    expect(texts('--memory 1g --memory-swap -1')[0]).toContain('unlimited');
    expect(texts('--memory 1g --memory-swap 512m')[0]).toMatch(/^Docker refuses --memory-swap 512m with --memory 1g/);
  });
});

describe('sizes asked to be the same', () => {
  it("says which are equal in Docker's binary units and by how much the others differ, not for 'the same time'", () => {
    expect(texts('--memory 1024m 이랑 1g 같은거임? 아님 1000m이 1g임?', 'ko')[0]).toBe(
      '도커의 크기 단위는 1024배씩이다(1g = 1024m, 1m = 1MiB): 1024m = 1g(같은 크기), 1000m = 1000MiB(1024m보다 24MiB 작음).',
    );
    expect(texts('is --memory 1g the same as 1024m?')[0]).toContain('1024m equals 1g');
    expect(texts('-m 512m, then docker update --memory 2g says update the memoryswap at the same time').some((t) => /binary/.test(t))).toBe(
      false,
    );
  });
});

describe('a program needing more than --memory', () => {
  it('is OOM-killed past memory plus swap, swaps and slows below it, and is killed at --memory on a host with no swap', () => {
    const [killed] = figuresFor(
      '--memory 300m --memory-swap 300m 로 걸고 500mb 잡는 파이썬 돌렸더니 Killed 한줄 찍고 끝남. 예상한대로인거지?',
      'ko',
    );
    expect(killed.reads).toBe(true);
    expect(killed.text).toMatch(
      /^--memory 300m에서 프로그램에 필요한 메모리\(500m\)가 메모리\+스왑 합계\(300m\)를 넘으므로, 커널의 OOM killer/,
    );
    expect(texts('--memory 500m만 줬는데 앱이 600m 쓰려고 하면 바로 죽음?', 'ko')[0]).toContain('합계는 2배인 1000m) 안이라');
    expect(texts('--memory 512m and the app tries to grab 1g, host has swap turned off')[0]).toMatch(
      /needs 1g goes past the memory plus swap total \(512m: the host has no swap\)/,
    );
    // Within the limit nothing happens to it.
    expect(figuresFor('--memory 1g, app allocates 300mb', 'en').some((f) => /needs/.test(f.text))).toBe(false);
  });
});

describe('docker update with a new --memory', () => {
  it('gives the total with the new limit, for the container named, since the old memory-swap stays', () => {
    const [figure] = figuresFor(
      '`docker update --memory 2g web` -> Memory limit should be smaller than already set memoryswap limit',
      'en',
    );
    expect(figure.text).toContain('docker update --memory 2g --memory-swap 4g web');
    expect(texts('docker update --memory 1g 했는데 memoryswap 에러남', 'ko')[0]).toContain(
      'docker update --memory 1g --memory-swap 2g <컨테이너>',
    );
    // The size given to docker update is the new limit, not the one the container started with.
    expect(texts('--memory 300m으로 띄운 컨테 docker update --memory 1g 했더니 memoryswap 에러남', 'ko')[0]).toContain(
      'docker update --memory 1g --memory-swap 2g <컨테이너>',
    );
    // With a --memory-swap given, the student's pair is worked as before.
    expect(texts('docker update --memory 1g --memory-swap 3g web')[0]).not.toContain('docker update --memory 1g --memory-swap 2g');
  });

  it('reads a PIDS count in Korean ten-thousands: 3만 is 30000', () => {
    expect(texts('docker stats PIDS 컬럼이 3만 넘는 컨테 있음', 'ko')[0]).toContain('PIDS 30000');
  });
});

describe('--memory-swap -1 and 0 on their own', () => {
  it('says what the special value means when no --memory is given', () => {
    expect(texts('memory-swap -1 ??')[0]).toMatch(/^--memory-swap -1 means unlimited swap/);
    expect(texts('--memory-swap 0 주면 스왑 없는거임?', 'ko')[0]).toMatch(/주지 않은 것과 같다.*2배/);
    // With a --memory the figure works the student's values, as before.
    expect(texts('--memory 300m --memory-swap -1')[0]).toMatch(/300m of memory plus as much swap/);
    // A size is no special value.
    expect(texts('memory-swap 1g?')).toEqual([]);
  });
});

describe('--memory sizes', () => {
  it('converts a size to bytes in binary units when the question asks about units', () => {
    expect(texts('--memory 512m is that 512 MB or MiB?')[0]).toContain('536,870,912 bytes');
  });

  it('reads a number without a unit as bytes, and anything under 6 MiB as refused', () => {
    expect(texts('does --memory 512 mean 512mb?')[0]).toMatch(/512 bytes, below Docker's 6 MiB minimum/);
    expect(texts('-m 4m 줬더니 에러', 'ko')[0]).toMatch(/^--memory 4m: 4MiB로 도커의 최소값 6MiB보다 작아서/);
  });

  it('says nothing of a size the question does not ask about', () => {
    expect(texts('docker run --memory 300m nginx keeps dying with 137')).toEqual([]);
  });
});

describe('--cpus as a CFS quota', () => {
  it('turns the value into quota, period and the docker stats ceiling', () => {
    const [text] = texts('--cpus 0.25 = quarter of a core?');
    expect(text).toContain('25 ms of CPU time in every 100 ms');
    expect(text).toContain('--cpu-quota=25000');
    expect(text).toContain('at most 25%');
    expect(text).toContain('cpu.max "25000 100000" on cgroup v2');
    expect(texts('--cpus=1.5 주면 뭐임', 'ko')[0]).toContain('최대 150%');
  });

  it('reads a CPU % at the --cpus ceiling as the limit at work, and one far from it as nothing of the kind', () => {
    const [first] = figuresFor('set --cpus 1, app is slow and docker stats sits at exactly 100% never above. throttled?', 'en');
    expect(first.reads).toBe(true);
    expect(first.text).toMatch(/^A CPU % that stays near 100% means --cpus 1 is working: .*one core's worth.*throttled/);
    expect(texts('--cpus 1.5 걸고 부하줬는데 docker stats에 CPU % 가 150% 근처에서 안올라감 맞음?', 'ko')[0]).toMatch(
      /^CPU %가 150% 근처에서 더 오르지 않는 것은 --cpus 1.5가 제대로 걸렸다는 뜻이다/,
    );
    // 30% under a --cpus 1 limit is not at its ceiling.
    expect(figuresFor('--cpus 1 걸어놨는데 stats cpu 30%밖에 안됨', 'ko').some((f) => f.reads)).toBe(false);
  });

  it("refuses --cpus above the host's CPUs, read from Docker's error or the student's host, not from any core count", () => {
    const [refused] = figuresFor(
      "--cpus 3 on my 2 core laptop → 'Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available'",
      'en',
    );
    expect(refused.text).toMatch(/^On a host with 2 CPUs Docker refuses --cpus 3 .*use --cpus 2 or less/);
    expect(texts('--cpus 10 줬더니 Range of CPUs is from 0.01 to 8.00, as there are only 8 CPUs available', 'ko')[0]).toContain(
      '--cpus 8 이하로',
    );
    // "1 core + 50%" is how the student reads --cpus 1.5, not the host's cores.
    expect(texts('--cpus 1.5 = 1 core + 50% priority?')[0]).not.toMatch(/refuses/);
  });

  it('does not read --cpuset-cpus as --cpus', () => {
    expect(texts('docker run --cpuset-cpus 0-2 app')).toEqual([]);
  });
});

describe('--cpu-shares under contention', () => {
  it('maps shares to cgroup v2 weights as runc 1.3.2 does', () => {
    expect([2, 512, 1024, 2048, 262144].map(sharesToWeight)).toEqual([1, 59, 100, 174, 10000]);
  });

  it('splits by value on cgroup v1 and by weight on cgroup v2, for every container named', () => {
    const [text] = texts('3 ctrs cpu-shares 512 / 512 / 1024 all maxing cpu, who gets wat %');
    expect(text).toContain('cgroup v1 splits the time 25% / 25% / 50%');
    expect(text).toContain('cpu.weight 59, 59, 100, about 27% / 27% / 46%');
  });

  it('adds the default 1024 when the question leaves the other container on it', () => {
    expect(texts('one container -c 512 and the other on default, both maxing cpu')[0]).toContain('33% / 67%');
  });

  it('reads a list as written, each value named once elsewhere, and a count after a value', () => {
    expect(texts('cpu-shares 1024 1024 2048 how much does each get')[0]).toContain('25% / 25% / 50%');
    expect(texts('if cpu-shares 1024 gets twice what 512 gets, then 512 = half a core?')[0]).toContain('1024 / 512 all busy');
    expect(texts('-c 512 두개랑 -c 1024 하나 돌리면 각각 몇퍼씩?', 'ko')[0]).toContain('512, 512, 1024');
    expect(texts('cpu-shares 1024짜리랑 512짜리 같이 돌리면? 512는 절반까지만?', 'ko')[0]).toContain('1024, 512인');
    // A count after the last of a list, as many as the list has, counts the list; with a count of its own before, not.
    expect(texts('--cpu-shares 1024짜리랑 512짜리 두개 돌리면 누가 얼마나 더 받음?', 'ko')[0]).toContain('1024, 512인');
    expect(texts('--cpu-shares 1024 하나랑 512 두개 돌리면?', 'ko')[0]).toContain('1024, 512, 512인');
  });

  it('says how many times as much the larger of two values gets', () => {
    expect(texts('cpu-shares 1024 vs 512, which one gets more cpu and by how much')[0]).toContain('67% / 33% (1024 gets twice as much)');
    expect(texts('cpu-shares 512짜리랑 2048짜리 같이 돌리면 누가 몇배 더 받음?', 'ko')[0]).toContain('20% / 80%(2048 쪽이 4배)');
    expect(texts('cpu-shares 1024 vs 768, who gets more')[0]).not.toContain('as much');
  });

  it('says a CPU % read off docker stats at the --cpus cap is the cap, not a reading below it or a guess', () => {
    expect(texts('--cpus 0.5 걸어놓고 부하 줬더니 docker stats CPU % 가 50 언저리에서 안 올라감 이거 정상임?', 'ko')[0]).toMatch(
      /^CPU %가 50% 근처에서 더 오르지 않는 것은 --cpus 0\.5가 제대로 걸렸다는 뜻이다/,
    );
    expect(texts('set --cpus 0.5 and under load docker stats CPU % sits at 50, normal?')[0]).toMatch(
      /^A CPU % that stays near 50% means --cpus 0\.5 is working/,
    );
    expect(texts('--cpus 1 걸었는데 docker stats cpu 100%도 안찍힘 왜이럼', 'ko')[0] ?? '').not.toMatch(/제대로 걸렸다/);
    expect(texts('--cpus 1.5 means 1.5 cores or 150%?? or is that the same thing')[0] ?? '').not.toMatch(/is working/);
  });

  it("works the question's own values, not those of the example before it", () => {
    const q = '교수님이 -c 1024랑 512면 앞에꺼가 2배 받는다던데 그럼 -c 2048이랑 -c 512면 몇배 차이남?';
    expect(texts(q, 'ko')[0]).toContain('80% / 20%(2048 쪽이 4배)');
  });

  it('reads a value that ends a sentence', () => {
    expect(texts('one -c 2048 and one -c 512. how does the cpu split')[0]).toContain('2048 / 512 all busy');
    expect(texts('gave it --pids-limit 50. what happens')[0]).toContain('the 51st fork()');
    expect(texts('set --cpus 2. what does that mean')[0]).toContain('200 ms of CPU time in every 100 ms');
    expect(texts('docker stats PIDS shows 43. why so many, one java app')[0]).toContain('all 43');
  });

  it('needs two different values', () => {
    expect(texts('gave a container --cpu-shares 256, alone on the box')).toEqual([]);
  });
});

describe('cgroup v2 files as pasted', () => {
  it('reads cpu.max as quota per period, and max as no quota', () => {
    expect(texts('cat /sys/fs/cgroup/cpu.max gives `50000 100000` what does that mean')[0]).toMatch(/0\.5 CPUs' worth \(--cpus 0\.5\)/);
    expect(texts('cpu.max 에 max 100000 이라고 나옴', 'ko')[0]).toContain('CPU 쿼터가 없다');
  });

  it('reads memory.max as bytes, and max as no limit', () => {
    expect(texts('memory.max shows 536870912')[0]).toContain('= 512 MiB');
    expect(texts('cat memory.max 했더니 max 라고 뜸', 'ko')[0]).toContain('메모리 제한이 없다');
  });
});

describe('an image name split as Docker reads it', () => {
  it('names the registry, repository and tag of the name the student gives', () => {
    expect(texts('in ghcr.io/acme/api:1.4.2 which part is the registry, repo and tag')[0]).toBe(
      'In ghcr.io/acme/api:1.4.2, the registry is ghcr.io; the repository is acme/api and the tag 1.4.2.',
    );
    expect(texts('localhost:5000/team/web 레지스트리가 어디임', 'ko')[0]).toBe(
      '이미지 이름 localhost:5000/team/web에서 레지스트리는 localhost:5000, 리포지토리는 team/web, 태그는 latest(쓰지 않았으므로)다.',
    );
    // A first part without a dot, a port or localhost is a namespace on Docker Hub.
    expect(texts('myteam/api:2 what is the registry here')[0]).toContain(
      'no registry is written, so it is Docker Hub (docker.io); the repository is myteam/api',
    );
    expect(texts('nginx:1.27 repository vs tag?')[0]).toContain('the repository is nginx (library/nginx on Docker Hub) and the tag 1.27');
  });

  it('gives nothing without a question about the parts, or for ports and versions', () => {
    expect(texts('docker pull ghcr.io/acme/api:1.4.2 is slow')).toEqual([]);
    expect(texts('-p 8080:80 which tag')).toEqual([]);
    expect(texts('is tag 1.4.2 newer')).toEqual([]);
  });
});

describe('cpu.stat as pasted', () => {
  it('reads how often and how long the quota held the container back, and what to do', () => {
    const [text] = texts('cat cpu.stat\nnr_periods 40211\nnr_throttled 4821\nthrottled_usec 93000000\nwhat does this mean');
    expect(text).toContain('throttled in 4,821 of 40,211 periods (12%), held back 93 s in all');
    expect(text).toContain('Raise --cpus');
    expect(texts('cpu.stat에 nr_throttled 500 nr_periods 1000 throttled_time 20000000000 뜸 이게 뭐임', 'ko')[0]).toContain(
      '1,000개 주기 중 500개(50%)에서 스로틀링됐고 모두 20초 동안 멈췄다',
    );
  });

  it('reads nothing when nothing was throttled or no count is given', () => {
    expect(texts('cpu.stat nr_throttled 0 nr_periods 500')).toEqual([]);
    expect(texts('what is nr_throttled in cpu.stat')).toEqual([]);
  });
});

describe('a docker ps PORTS entry as read', () => {
  it('says which side of the arrow is the host and the docker run -p that publishes it', () => {
    expect(texts('0.0.0.0:8080->80/tcp under PORTS, which side is the host')[0]).toBe(
      "In 0.0.0.0:8080->80/tcp the left side of the arrow, 0.0.0.0:8080, is the host: connections to port 8080 on any of the host's addresses are forwarded to port 80/tcp inside the container, as docker run -p 8080:80 publishes it.",
    );
    expect(texts('PORTS 칸에 127.0.0.1:5432->5432/tcp 이렇게 뜨는데 뭔뜻임', 'ko')[0]).toContain('호스트의 5432번 포트(127.0.0.1)');
    expect(texts('what does the PORTS column show')).toEqual([]);
  });
});

describe('an I/O column as read', () => {
  it('says which total is read or received and which written or sent, and that they are totals', () => {
    expect(texts('docker stats shows BLOCK I/O 1.2GB / 300MB, which number is what')[0]).toBe(
      'BLOCK I/O 1.2GB / 300MB: 1.2GB read from block devices (disk) and 300MB written, totals since the container started, not rates.',
    );
    expect(texts('NET I/O 1.2MB / 860kB 이게 뭐임', 'ko')[0]).toContain('앞의 1.2MB는 네트워크로 받은 양, 뒤의 860kB는 보낸 양');
    expect(texts('what does the BLOCK I/O column show')).toEqual([]);
  });

  it('reads the totals as the column named last before them, written with or without the slash', () => {
    expect(texts('whats BLOCK I/O vs NET I/O, my block io is 0B / 0B is that normal')[0]).toMatch(
      /^BLOCK I\/O 0B \/ 0B: 0B read from block devices/,
    );
    expect(texts('net io 12kB / 3kB 이거 뭐임', 'ko')[0]).toMatch(/^NET I\/O 12kB \/ 3kB/);
  });
});

describe('a memory usage at its limit', () => {
  it('says what happens at the limit when the usage is within a tenth of it, and nothing below that', () => {
    expect(texts('docker stats에서 mem usage가 199.4MiB / 200MiB 로 뜨는데 이거 괜찮은거임?', 'ko')[0]).toMatch(
      /^MEM USAGE \/ LIMIT 199\.4MiB \/ 200MiB는 컨테이너가 메모리 한도에 닿았다는 뜻이다[^]*OOM killer/,
    );
    expect(texts('mem usage 150MiB / 200MiB, is that bad?').join(' ')).not.toMatch(/at its memory limit/);
    // A LIMIT nobody set is the host's memory: that reading says so instead.
    expect(texts('never set a limit and docker stats shows 7.5GiB / 7.6GiB, is that bad?').join(' ')).not.toMatch(/at its memory limit/);
  });
});

describe('a pasted docker stats table', () => {
  const table =
    'CONTAINER ID   NAME   CPU %     MEM USAGE / LIMIT   MEM %    NET I/O         BLOCK I/O     PIDS\n' +
    '3f2a9c1d7e44   api    187.35%   412.6MiB / 1GiB     40.29%   1.2MB / 860kB   12.3MB / 0B   23\n';
  it("reads the row's CPU % when the words ask about CPU", () => {
    expect(texts(`${table}\ncpu가 100 넘는게 말이됨?? stats 고장남?`, 'ko')[0]).toContain('CPU % 187.35%는 고장이 아니다');
    expect(texts(`${table}\nwhy is PIDS so high`).some((t) => t.includes('187.35%'))).toBe(false);
  });
});

describe('a docker stats CPU % as read', () => {
  it('reads a CPU % above 100 as cores worth of CPU time, with the host ceiling when cores are given', () => {
    expect(texts('docker stats CPU % says 250% on my 4 core box, is it bugged??')[0]).toBe(
      "A CPU % of 250% is not a fault: docker stats counts one fully busy core as 100%, so it means about 2.5 cores' worth of CPU time, normal on a multi-core host (at most 400% on 4 cores).",
    );
    expect(texts('docker stats에서 CPU % 가 187.42% 찍힘 고장남?', 'ko')[0]).toContain('코어 약 1.87개 분량');
    expect(texts('180% cpu for one container')[0]).toContain("about 1.8 cores' worth");
  });

  it('reads a PIDS count as processes and threads together, not for a --pids-limit question', () => {
    expect(texts('PIDS column in docker stats says 43 but im only running one java app')[0]).toContain(
      'each thread counts, so a single app such as a JVM or Node.js can account for all 43',
    );
    expect(texts('docker stats PIDS 칸에 40 떠있음 왜이럼', 'ko')[0]).toContain('프로세스와 스레드를 합친 수');
    expect(texts('what is PIDS in docker stats')).toEqual([]);
    expect(texts('--pids-limit 100 but PIDS shows 100')).toEqual(texts('--pids-limit 100'));
  });

  it('reads a PIDS count that will not grow as the --pids-limit it met', () => {
    const stuck = figuresFor('why is PIDS stuck at exactly 50 after the fork bomb', 'en');
    expect(stuck[0].option).toBe('--pids-limit');
    expect(stuck[0].text).toMatch(/--pids-limit of 50.*EAGAIN/);
    expect(texts('포크 폭탄 돌렸더니 PIDS 50에서 안 올라감', 'ko')[0]).toContain('--pids-limit 50');
    // A count that merely is what it is stays a count of processes and threads.
    expect(texts('PIDS 50 for one java app, normal?')[0]).toContain('all 50');
  });

  it("reads a LIMIT the student never set as the host's memory, not a limit set or one being asked for", () => {
    expect(texts('docker stats shows LIMIT 7.6GiB for a container I never limited. where is that from?')[0]).toBe(
      "A docker stats LIMIT of 7.6GiB for a container started without --memory is the host's total memory (on Docker Desktop, its Linux VM's): there is no limit, and nothing is reserved.",
    );
    expect(texts('stats에 MEM USAGE / LIMIT 이 1.2GiB / 15.5GiB 로 나옴.. limit 건적 없는데?', 'ko')[0]).toMatch(/^LIMIT 15\.5GiB는/);
    // No host is that small: a LIMIT under a gigabyte was set by whatever started the container.
    expect(texts('docker stats shows MEM USAGE / LIMIT 150MiB / 200MiB, i didnt set anything in the app')[0]).toMatch(
      /^A LIMIT of 200MiB is not the host's memory but a memory limit set on the container: .*--memory 200m/,
    );
    expect(texts('memory limit 512mb how')).toEqual([]);
    expect(texts('stats shows LIMIT 200MiB, MEM % is 90%, is that bad')).toEqual([]);
    expect(texts('docker run app --memory 200m but stats LIMIT 7.6GiB, never applied?')).not.toContainEqual(
      expect.stringMatching(/^A docker stats LIMIT/),
    );
  });

  it('works MEM % out of a usage and limit the student asks about, not out of a pasted table asked about CPU', () => {
    expect(texts('stats에 mem usage / limit 150MiB / 200MiB 뜨면 MEM % 몇으로 나옴?', 'ko')[0]).toBe(
      'MEM USAGE / LIMIT가 150MiB / 200MiB면 MEM %는 USAGE ÷ LIMIT × 100 = 75%다.',
    );
    const table =
      'CONTAINER ID   NAME   CPU %   MEM USAGE / LIMIT   MEM %   PIDS\nabc   api   187%   412.6MiB / 1GiB   40.29%   23\n\nis cpu over 100 broken?';
    expect(texts(table).some((t) => t.includes('MEM %'))).toBe(false);
  });

  it('reads no percentage of another column, none at or below one core, and leaves a --cpus question to its quota', () => {
    expect(texts('MEM % 250% what')).toEqual([]);
    expect(texts('cpu 50% is that high?')).toEqual([]);
    expect(texts('--cpus 2 but cpu shows 300%')).toEqual([texts('--cpus 2')[0]]);
  });
});

describe("--pids-limit with the student's value", () => {
  it('says what happens at the limit: the next fork fails, nothing is killed', () => {
    expect(texts('--pids-limit 100 걸어두면 101번째 프로세스 만들때 컨테 죽음?', 'ko')[0]).toContain(
      '101번째 fork()/clone()은 EAGAIN("Resource temporarily unavailable")으로 실패할 뿐 컨테이너와 기존 프로세스는 죽지 않고',
    );
    expect(texts('docker run --pids-limit 100 app, what happens at #101')[0]).toContain('the 101st fork()/clone() fails with EAGAIN');
    expect(texts('--pids-limit 12 then?')[0]).toContain('the 13th fork()');
  });

  it('gives nothing for no limit or -1', () => {
    expect(texts('what does --pids-limit do')).toEqual([]);
    expect(texts('--pids-limit -1 means?')).toEqual([]);
  });
});

describe("-p with the student's ports", () => {
  it('says which side is the host and what the reverse would map, when the question is about the ports', () => {
    expect(texts('docker run -p 3000:80 이거 어느쪽이 내 pc 포트임? 거꾸로 쓰면?', 'ko')[0]).toBe(
      '-p 3000:80에서는 앞이 호스트, 뒤가 컨테이너다: 호스트의 3000번 포트(localhost:3000)로 들어온 연결이 컨테이너 안에서 80번 포트로 듣는 서버에 간다. 거꾸로 -p 80:3000로 쓰면 호스트 80번이 컨테이너 3000번으로 이어져, 컨테이너 안에서 3000번을 듣는 것이 없으면 연결되지 않는다.',
    );
    expect(texts('-p 127.0.0.1:8080:8080, which side is my port?')[0]).toBe(
      'In -p 127.0.0.1:8080:8080 the host port comes first: connections to port 8080 on the host (127.0.0.1:8080) reach the server listening on port 8080 inside the container.',
    );
  });

  it('says nothing of a -p in a docker run line asked about something else', () => {
    expect(texts('docker run -d -p 8080:8080 myapp --memory 200m, stats shows the whole host ram, why?')).not.toContainEqual(
      expect.stringMatching(/host port comes first/),
    );
  });
});

describe('the source a figure cites', () => {
  it('is the first text naming the option whole: -p is not the start of --pids-limit, nor --memory of --memory-swap', () => {
    const ports = citedFigures('-p 3000:80 which side is the host port?', 'en', ['--pids-limit caps tasks.', 'Publish with -p 8080:80.']);
    expect(ports.map((f) => f.source)).toEqual([1]);
    const memory = citedFigures('--memory 200m is how many bytes, MB or MiB?', 'en', ['--memory-swap is a total.', 'Set --memory 300m.']);
    expect(memory.map((f) => f.source)).toEqual([1]);
  });
});

describe('layers from a Dockerfile', () => {
  it('counts RUN, COPY and ADD as layers and the rest as metadata', () => {
    const [text] = texts('Dockerfile with RUN 3 lines, COPY 1, ENV 2, CMD 1: how many layers?');
    expect(text).toContain('RUN 3 + COPY 1 = 4 new layers');
    expect(text).toContain('ENV 2, CMD 1 change only');
    expect(texts('RUN 3줄 COPY 1줄 ENV 2줄 있으면 레이어 몇개?', 'ko')[0]).toContain('RUN 3 + COPY 1 = 4개');
  });

  it('needs a question about how many layers', () => {
    expect(texts('RUN 3 lines and COPY 1, is that slow?')).toEqual([]);
  });
});

describe('in the composed answer', () => {
  const chunk: Chunk = {
    id: 'en/memory#1',
    doc: { path: 'en/memory.md', title: 'Memory', lang: 'en', topic: 'memory', tags: [] },
    headingPath: ['--memory-swap'],
    heading: '--memory-swap',
    text: '--memory-swap is the total of memory plus swap. With --memory 300m --memory-swap 1g the container gets 700m of swap.',
    section: 0,
    code: [],
  };
  const result = (query: string): SearchResult => ({
    query,
    lang: 'en',
    kind: 'question',
    intent: 'general',
    abstain: false,
    terms: tokenize(query),
    hits: [{ chunk, score: 0.9 }],
  });

  it('gives a pasted reading alone, not again as the option it was set with', () => {
    const cpus: Chunk = {
      ...chunk,
      id: 'en/cpu#1',
      headingPath: ['--cpus'],
      heading: '--cpus',
      text: '--cpus=1.5 equals --cpu-period=100000 --cpu-quota=150000, and cgroup v2 writes it to cpu.max.',
    };
    const asked = '--cpus 0.25 container, cat /sys/fs/cgroup/cpu.max gives 25000 100000, what do the numbers mean';
    expect(figuresFor(asked, 'en').length).toBeGreaterThan(1);
    const { answer } = extractiveAnswer({ ...result(asked), hits: [{ chunk: cpus, score: 0.9 }] }, 800);
    expect(answer).toMatch(/^cpu\.max "25000 100000"/);
    expect(answer.match(/25000 100000/g)).toHaveLength(1);
  });

  it('follows the lead with the asked values worked out, cited to the section stating the rule', () => {
    const { answer } = extractiveAnswer(result('--memory 1g --memory-swap 3g how much swap'), 800);
    expect(answer).toContain('so the swap is 3g − 1g = 2g. [1]');
  });

  it("works a value spelled in Sino-Korean numerals, and is not said by the notes' example sharing only its total", () => {
    const ko = {
      ...chunk,
      doc: { ...chunk.doc, lang: 'ko' as const },
      text: '--memory-swap은 메모리와 스왑의 합계다. --memory 300m --memory-swap 1g면 스왑은 724m다.',
    };
    const asked = '--memory 오백십이메가만 주고 스왑 안건드리면 스왑 천이십사냐 오백십이냐';
    const { answer } = extractiveAnswer({ ...result(asked), lang: 'ko', hits: [{ chunk: ko, score: 0.9 }] }, 800);
    expect(answer).toContain('--memory 512m만 주면');
    expect(answer).toContain('메모리 512m에 스왑 512m');
  });

  it('leads with the figure when the question asks how much, unless the lead already says it', () => {
    const { answer } = extractiveAnswer(result('--memory 1g --memory-swap 3g how much swap do i get'), 800);
    expect(answer).toMatch(/^With --memory 1g and --memory-swap 3g/);
    const stated = { ...chunk, text: 'With --memory 512m --memory-swap 1g the container gets 512m of swap.' };
    const stock = extractiveAnswer(
      { ...result('--memory 512m --memory-swap 1g how much swap'), hits: [{ chunk: stated, score: 0.9 }] },
      800,
    );
    expect(stock.answer).toMatch(/^With --memory 512m --memory-swap 1g the container gets 512m of swap\. \[1\]$/);
  });

  it("leads with the student's own value when the notes explain the option with another value, and counts a number said only whole", () => {
    const cpus: Chunk = {
      ...chunk,
      id: 'en/cpu#1',
      headingPath: ['--cpus: a CFS quota'],
      heading: '--cpus: a CFS quota',
      text: '--cpus=1.5 gives 150ms of CPU time every 100ms. It is not tied to cores.',
    };
    const ask = (query: string, intent: SearchResult['intent']) =>
      extractiveAnswer({ ...result(query), intent, hits: [{ chunk: cpus, score: 0.9 }] }, 800).answer;
    // 150ms does not say 50ms: the figure is added, and leads for "what does my 0.5 mean", whatever the intent.
    expect(ask('--cpus 0.5 what is that, half a core?', 'definition')).toMatch(/^--cpus 0\.5 allows 50 ms/);
    expect(ask('--cpus 0.5 and the app stutters, why?', 'reason')).toMatch(/^--cpus 0\.5 allows 50 ms/);
    // The notes' own example is the asked value: the lead stays.
    const half = { ...cpus, text: '--cpus=0.5 gives 50ms of CPU time every 100ms. It is not tied to cores.' };
    const stays = extractiveAnswer(
      { ...result('--cpus 0.5 what is that?'), intent: 'definition', hits: [{ chunk: half, score: 0.9 }] },
      800,
    );
    expect(stays.answer).toMatch(/^--cpus=0\.5 gives 50ms/);
  });

  it("adds no figure that only says again what a lead naming the student's value said, unless the question asks for its other forms", () => {
    const cpus: Chunk = {
      ...chunk,
      id: 'en/cpu#2',
      headingPath: ['--cpus: a CFS quota'],
      heading: '--cpus: a CFS quota',
      text: 'Decimals work: --cpus=0.5 is half of one core, spread over any cores, as a CFS quota of CPU time.',
    };
    const ask = (query: string) =>
      extractiveAnswer({ ...result(query), intent: 'definition', hits: [{ chunk: cpus, score: 0.9 }] }, 800).answer;
    expect(ask('--cpus 0.5 what does the decimal mean here')).not.toMatch(/allows 50 ms/);
    expect(ask('--cpus 0.5 as cpu-period and cpu-quota?')).toMatch(/allows 50 ms/);
  });

  it('answers with the reading alone when one leads: the key point would state its rule again', () => {
    const stats: Chunk = {
      ...chunk,
      heading: 'docker stats columns: CPU %',
      keyPoint: 'In docker stats a CPU % of 100% means one full CPU, so 200% is normal.',
      text: 'The CLI computes CPU % from two readings. The first reading can show 0%.',
    };
    const { answer } = extractiveAnswer({ ...result('docker stats cpu 250% is that broken'), hits: [{ chunk: stats, score: 0.9 }] }, 800);
    expect(answer).toBe(`${texts('docker stats cpu 250% is that broken')[0]} [1]`);
  });

  it("leaves out the notes' own example of the worked option once the student's values are worked, not a sentence on their values", () => {
    const rule: Chunk = {
      ...chunk,
      text: '--memory-swap is the total of memory plus swap, and swap needs accounting in the kernel. With --memory 300m --memory-swap 1g the container gets 724m of swap. A total equal to --memory means no swap at all.',
    };
    const ask = (q: string) => extractiveAnswer({ ...result(q), hits: [{ chunk: rule, score: 0.9 }] }, 800).answer;
    const theirs = ask('--memory 1g --memory-swap 3g how much swap');
    expect(theirs).toMatch(/^With --memory 1g and --memory-swap 3g, .* = 2g\. \[1\]/);
    expect(theirs).not.toContain('724m');
    expect(ask('--memory 300m --memory-swap 1g how much swap')).toContain('724m of swap');
  });

  it('leaves the figure out when no source states the option', () => {
    const other = { ...chunk, text: 'Containers share the host kernel.' };
    const { answer } = extractiveAnswer(
      { ...result('--memory 1g --memory-swap 3g how much swap'), hits: [{ chunk: other, score: 0.9 }] },
      800,
    );
    expect(answer).not.toContain('2g');
  });
});

describe('docker inspect HostConfig values as pasted', () => {
  const read = (q: string, lang: 'en' | 'ko' = 'en') => inspectReading(q, lang).map((f) => f.text);

  it('reads NanoCpus in billionths of a CPU, and 0 as no --cpus limit', () => {
    expect(read('docker inspect shows "NanoCpus": 1500000000, what is that')).toEqual([
      expect.stringMatching(/^NanoCpus 1500000000 is --cpus 1\.5:/),
    ]);
    expect(read('"NanoCpus": 250000000')[0]).toMatch(/is --cpus 0\.25/);
    expect(read('"NanoCpus": 0 뭐임', 'ko')[0]).toMatch(/^NanoCpus 0은 --cpus 제한이 없다/);
  });

  it('reads Memory in bytes and MemorySwap as the total, naming the default of twice the memory', () => {
    const [text] = read('"Memory": 314572800, "MemorySwap": 629145600 where did swap come from');
    expect(text).toMatch(/^Memory 314572800 is --memory 300m \(300 MiB\)/);
    expect(text).toMatch(/600m in all, so 300m of it is swap\. Docker sets the total to twice --memory/);
    expect(read('"Memory": 536870912, "MemorySwap": 1610612736')[0]).toMatch(/1536m in all, so 1g of it is swap\.$/);
    expect(read('"Memory": 536870912, "MemorySwap": -1')[0]).toMatch(/MemorySwap -1 is unlimited swap/);
    expect(read('"Memory": 0')[0]).toMatch(/^Memory 0 means no memory limit/);
    // MemorySwap alone is no Memory field.
    expect(read('"MemorySwap": 629145600')).toEqual([]);
  });

  it('reads CpuShares 0 as unset (the default 1024) and another value as the weight', () => {
    expect(read('"CpuShares": 0')[0]).toMatch(/no weight was set, so the default weight 1024/);
    expect(read('"CpuShares": 512')[0]).toMatch(/^CpuShares 512 is --cpu-shares 512/);
  });
});
