import { describe, expect, it } from 'vitest';
import { listedThings } from '../../src/knowledge/listed-things.js';

describe('three or more things listed to tell apart', () => {
  it('reads the things of a list asked about, whatever the separator, without the question after them', () => {
    expect(listedThings('docker client vs daemon vs docker.sock... what does each one do')).toEqual([
      'docker client',
      'daemon',
      'docker.sock',
    ]);
    expect(listedThings('namespace랑 cgroup이랑 hypervisor 셋 차이 eli5 부탁')).toEqual(['namespace', 'cgroup', 'hypervisor']);
    expect(listedThings('containerd vs runc vs dockerd, who does what, one line each')).toEqual(['containerd', 'runc', 'dockerd']);
    expect(listedThings("what's the difference between a vm, a container and an image")).toEqual(['vm', 'container', 'image']);
    expect(listedThings('Dockerfile FROM RUN CMD quick what does each do')).toEqual([
      'Dockerfile FROM',
      'Dockerfile RUN',
      'Dockerfile CMD',
    ]);
  });

  it('reads no list where two things are weighed on some counts, an order is asked, or nothing asks to tell them apart', () => {
    expect(listedThings('vm vs container boot time and size, rough numbers?')).toBeUndefined();
    expect(listedThings('NET I/O vs BLOCK I/O columns?')).toBeUndefined();
    expect(listedThings('도커파일에 FROM RUN COPY CMD 순서 아무렇게나 써도 됨?')).toBeUndefined();
    expect(listedThings('i set --memory 200m, --cpus 1 and --pids-limit 50, is that enough for a bot')).toBeUndefined();
    expect(listedThings('--memory vs --memory-swap')).toBeUndefined();
  });
});
