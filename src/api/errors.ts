import type { RateLimit } from './types';

/**
 * What went wrong, so callers branch on a kind instead of on message text:
 * - auth: no token, or Chatwork rejected it (401)
 * - forbidden: the token may not do this (403)
 * - notFound: unknown room, message, task, file or endpoint (404)
 * - rateLimited: 429; `rateLimit` / `retryAfterMs` say when to try again
 * - validation: a bad parameter, found by the client (status 0) or by Chatwork (400)
 * - server: 5xx, an unexpected status, or a body that is not the JSON we expect
 * - network: Chatwork could not be reached or the connection broke
 * - timeout: no complete answer within the timeout
 * - aborted: the caller's AbortSignal fired
 */
export type ChatworkApiErrorKind =
  | 'auth'
  | 'forbidden'
  | 'notFound'
  | 'rateLimited'
  | 'validation'
  | 'server'
  | 'network'
  | 'timeout'
  | 'aborted';

export interface ChatworkApiErrorInit {
  kind: ChatworkApiErrorKind;
  /** HTTP status, or 0 when the request never got an answer (client-side checks, network, abort). */
  status?: number;
  /** The server's `errors[]` texts. */
  errors?: readonly string[];
  /** The request parameter at fault, for validation errors. */
  parameter?: string;
  rateLimit?: RateLimit;
  retryAfterMs?: number;
  cause?: unknown;
}

/** The one error type the API layer throws. Its message never contains the API token. */
export class ChatworkApiError extends Error {
  override readonly name = 'ChatworkApiError';
  readonly kind: ChatworkApiErrorKind;
  readonly status: number;
  readonly errors: string[];
  readonly parameter?: string;
  /** The rate-limit headers of the failed response, when it carried them. */
  readonly rateLimit?: RateLimit;
  /** For 'rateLimited': how long to wait before the same call can succeed (ms), when known. */
  readonly retryAfterMs?: number;

  constructor(message: string, init: ChatworkApiErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status ?? 0;
    this.errors = [...(init.errors ?? [])];
    // The optional fields are own properties either way (ES2022 class fields), so no `if`s here.
    this.parameter = init.parameter;
    this.rateLimit = init.rateLimit;
    this.retryAfterMs = init.retryAfterMs;
  }
}

export function isChatworkApiError(error: unknown): error is ChatworkApiError {
  return error instanceof ChatworkApiError;
}

/** A client-side parameter check failed; nothing was sent. */
export function validationError(parameter: string, problem: string): ChatworkApiError {
  return new ChatworkApiError(`Invalid parameter '${parameter}': ${problem}.`, { kind: 'validation', parameter });
}
