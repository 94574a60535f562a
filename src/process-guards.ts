// Process-level guards for every front end (installed once per process).
// An unhandled rejection is one failed operation: log it and carry on. After an uncaught exception the
// process state is undefined (Node's documentation), so log it, close what can be closed in a bounded
// time (sandbox containers, the database) and exit non-zero: Docker's restart policy or systemd's
// Restart=on-failure starts a clean process.
import type { Logger } from 'pino';

/** How long closing may take after an uncaught exception before the process exits anyway. */
export const FATAL_CLOSE_MS = 5_000;
export const FATAL_EXIT_CODE = 70; // EX_SOFTWARE

let installed = false;

export function installProcessGuards(logger: Logger, close: () => Promise<void>): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection (bot continues)'));
  process.once('uncaughtException', (err, origin) => {
    logger.fatal({ err, origin }, 'uncaught exception: closing and exiting for the supervisor to restart');
    const timer = setTimeout(() => process.exit(FATAL_EXIT_CODE), FATAL_CLOSE_MS);
    close()
      .catch((closeErr: unknown) => logger.error({ err: closeErr }, 'close after uncaught exception failed'))
      .finally(() => {
        clearTimeout(timer);
        process.exit(FATAL_EXIT_CODE);
      });
  });
}
