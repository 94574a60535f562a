// Why a model request failed, in a few kinds a log line and a user note can name.
// The error classes alone (openai/error), not the whole SDK: classifying must not load the client.
import * as OpenAIErrors from 'openai/error';

export type FailureReason =
  | 'timeout'
  | 'rate-limited'
  | 'server-error'
  | 'network-error'
  | 'malformed'
  | 'empty'
  | 'uncited'
  | 'unsupported'
  | 'rejected'
  | 'cancelled';

export class GenerationError extends Error {
  constructor(
    readonly reason: FailureReason,
    message: string,
    readonly usage?: { promptTokens: number; completionTokens: number; model: string },
  ) {
    super(message);
  }
}

/** The failure kind of anything a request threw; `aborted` says we gave up ourselves, and why. */
export function classify(err: unknown, aborted: 'timeout' | 'cancelled' | null = null): GenerationError {
  if (err instanceof GenerationError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  if (aborted) return new GenerationError(aborted, msg);
  if (err instanceof OpenAIErrors.APIConnectionTimeoutError) return new GenerationError('timeout', msg);
  if (err instanceof OpenAIErrors.APIUserAbortError) return new GenerationError('cancelled', msg);
  if (err instanceof OpenAIErrors.APIConnectionError) return new GenerationError('network-error', msg);
  if (err instanceof OpenAIErrors.RateLimitError) return new GenerationError('rate-limited', msg);
  if (err instanceof OpenAIErrors.InternalServerError) return new GenerationError('server-error', msg);
  if (err instanceof OpenAIErrors.APIError) {
    // A status means the server refused the request (400, 401, 404 …); none means an error event in the stream.
    return new GenerationError(err.status && err.status < 500 ? 'rejected' : 'server-error', msg);
  }
  if (err instanceof SyntaxError) return new GenerationError('malformed', msg);
  return new GenerationError('network-error', msg);
}
