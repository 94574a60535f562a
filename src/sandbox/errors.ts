// What can go wrong with a sandbox request, as plain data the front ends turn into a message,
// and the one place that maps a Docker or transport error to it.
import type { LimitViolation } from './policy.js';

export type SandboxErrorCode =
  | 'disabled'
  | 'channel'
  | 'role'
  | 'untrusted-command'
  | 'invalid'
  | 'image-not-allowed'
  | 'busy-user'
  | 'queue-full'
  | 'docker-unavailable'
  | 'docker-timeout'
  | 'image-missing'
  | 'runtime-missing'
  | 'internal';

export interface SandboxError {
  code: SandboxErrorCode;
  violations?: LimitViolation[];
  /** Technical detail (Docker's message), safe to show. */
  detail?: string;
}

const TRANSPORT = new Set(['ENOENT', 'ECONNREFUSED', 'EACCES', 'ECONNRESET', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

/** True for the error an aborted (timed-out) Engine API call rejects with. */
export function isAbort(err: unknown): boolean {
  const e = err as { name?: string; code?: string };
  return e?.name === 'AbortError' || e?.name === 'TimeoutError' || e?.code === 'ABORT_ERR' || e?.code === 'ETIMEDOUT';
}

/** Maps a Docker/transport error to what the user is told. */
export function classifyDockerError(err: unknown): SandboxError {
  const e = err as { code?: string; statusCode?: number; message?: string; json?: { message?: string } | null };
  const msg = e?.json?.message ?? e?.message ?? String(err);
  if (isAbort(err)) return { code: 'docker-timeout', detail: msg };
  if (e?.code && TRANSPORT.has(e.code)) return { code: 'docker-unavailable', detail: msg };
  if (/no such image/i.test(msg) || (e?.statusCode === 404 && /image/i.test(msg))) return { code: 'image-missing', detail: msg };
  if (e?.statusCode === 500 && /daemon|connect/i.test(msg)) return { code: 'docker-unavailable', detail: msg };
  return { code: 'internal', detail: msg.slice(0, 300) };
}
