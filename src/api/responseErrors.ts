// Maps an HTTP status and Chatwork's `{"errors": [...]}` body to a ChatworkApiError whose message a
// user can act on. Only here is server text matched: the per-room post limit has no other marker.

import { ChatworkApiError, type ChatworkApiErrorKind } from './errors';
import type { RateLimit } from './types';

/** Documented limit: 10 message or task posts per room per 10 seconds. */
export const ROOM_POST_WINDOW_MS = 10_000;

const ROOM_POST_LIMIT = /per room/i;

export interface FailedResponse {
  status: number;
  text: string;
  rateLimit: RateLimit | undefined;
  /** "GET /rooms/1/messages", for the message. */
  what: string;
  nowMs: number;
}

/** The `errors` texts of an error body, or none when the body is not Chatwork's error shape. */
export function parseErrorTexts(text: string): string[] {
  try {
    const body: unknown = JSON.parse(text);
    const errors = (body as { errors?: unknown } | null)?.errors;
    return Array.isArray(errors) ? errors.filter((e): e is string => typeof e === 'string') : [];
  } catch {
    return [];
  }
}

export function errorFromResponse(response: FailedResponse): ChatworkApiError {
  const { status, rateLimit, what } = response;
  const errors = parseErrorTexts(response.text);
  const detail = errors.length > 0 ? `: ${errors.join('; ')}` : '';
  const where = `(${status}, ${what})`;
  const make = (kind: ChatworkApiErrorKind, message: string, retryAfterMs?: number) =>
    new ChatworkApiError(message, { kind, status, errors, rateLimit, retryAfterMs });

  if (status === 401) {
    return make('auth', `Chatwork rejected the API token ${where}. Set a new token.`);
  }
  if (status === 403) {
    return make('forbidden', `Chatwork denied permission${detail || ' for this action'} ${where}.`);
  }
  if (status === 404) {
    return make('notFound', `Chatwork could not find it${detail} ${where}.`);
  }
  if (status === 429) {
    if (errors.some((e) => ROOM_POST_LIMIT.test(e))) {
      return make('rateLimited', `Too many messages or tasks posted to this room; wait about 10 seconds ${where}.`, ROOM_POST_WINDOW_MS);
    }
    const retryAfterMs = rateLimit ? Math.max(0, rateLimit.reset * 1000 - response.nowMs) : undefined;
    const when = retryAfterMs === undefined ? '' : `; it resets in ${Math.ceil(retryAfterMs / 1000)} s`;
    return make('rateLimited', `Chatwork's request limit is used up${when} ${where}.`, retryAfterMs);
  }
  if (status >= 400 && status < 500) {
    return make('validation', `Chatwork rejected the request${detail} ${where}.`);
  }
  if (status >= 500) {
    return make('server', `Chatwork had a server error${detail} ${where}. Try again later.`);
  }
  // 1xx/3xx: redirects are not followed, so the token never travels to another host.
  return make('server', `Chatwork answered with an unexpected status ${where}.`);
}

export function malformedResponse(status: number, what: string, problem: string): ChatworkApiError {
  return new ChatworkApiError(`Chatwork sent ${problem} (${status}, ${what}).`, { kind: 'server', status });
}
