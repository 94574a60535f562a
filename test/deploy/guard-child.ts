// Child process for process-guards.test.ts: installs the guards, then fails the way argv[2] says.
import { writeFileSync } from 'node:fs';
import { pino } from 'pino';
import { installProcessGuards } from '../../src/process-guards.js';

const [, , mode, marker] = process.argv;
const logger = pino({ level: 'info' }, pino.destination({ dest: 2, sync: true }));
installProcessGuards(logger, async () => writeFileSync(marker, 'closed'));
if (mode === 'rejection') {
  void Promise.reject(new Error('one failed operation'));
  setTimeout(() => process.stdout.write('still running\n'), 50);
} else {
  setTimeout(() => {
    throw new Error('state is now undefined');
  }, 10);
  setInterval(() => {}, 1000); // would keep the process alive if the guard swallowed the exception
}
