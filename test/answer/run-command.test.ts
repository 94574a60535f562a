// Reading a pasted `docker run` the way the Docker CLI does: options end at the image name.
import { describe, expect, it } from 'vitest';
import { fixRunCommand } from '../../src/answer/run-command.js';

describe('docker run options after the image name', () => {
  it('moves the Docker options typed after the image before it, with their values', () => {
    expect(fixRunCommand('docker run -d -p 8080:8080 myimg:2.0 --memory 200m 이렇게 했는데 왜 안돼요?')).toEqual({
      original: 'docker run -d -p 8080:8080 myimg:2.0 --memory 200m',
      fixed: 'docker run -d -p 8080:8080 --memory 200m myimg:2.0',
      moved: ['--memory', '200m'],
      image: 'myimg:2.0',
    });
    expect(fixRunCommand('I ran `docker run --rm alpine --cpus=0.5 -m 64m` and got an error')?.fixed).toBe(
      'docker run --rm --cpus=0.5 -m 64m alpine',
    );
    expect(fixRunCommand('docker container run nginx --rm -d')?.fixed).toBe('docker run --rm -d nginx');
    // An arrow or a comment after the command is the student's note about it.
    expect(fixRunCommand('docker run -d -p 8080:8080 myimg --memory 200m  <- copied this from a blog, is the order right?')?.fixed).toBe(
      'docker run -d -p 8080:8080 --memory 200m myimg',
    );
    expect(fixRunCommand('docker run alpine --memory 64m # from the slides')?.fixed).toBe('docker run --memory 64m alpine');
    // The line ends where the prose goes on.
    expect(fixRunCommand('ran docker run -d myapp:1.0 --memory 200m and docker stats still shows no limit?? broken?')?.fixed).toBe(
      'docker run -d --memory 200m myapp:1.0',
    );
    expect(fixRunCommand('docker run nginx --cpus 0.5, but top shows 100%')?.fixed).toBe('docker run --cpus 0.5 nginx');
  });

  it('leaves a correct line, and the command’s own options, alone', () => {
    expect(fixRunCommand('docker run -d --memory 200m nginx')).toBeUndefined();
    expect(fixRunCommand('docker run alpine ls -la')).toBeUndefined();
    expect(fixRunCommand('docker run python:3 python app.py --cpus 2')).toBeUndefined();
    expect(fixRunCommand('docker run --memory 200m')).toBeUndefined(); // no image at all
    expect(fixRunCommand('how do I limit memory?')).toBeUndefined();
  });
});
