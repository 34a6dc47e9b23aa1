// Chatwork allows a fixed number of requests per token per window (300 / 5 min today) and reports
// the budget on every response; the store uses it to slow polling before a 429 happens.

import type { Headers } from 'node-fetch';
import type { RateLimit } from './types';

export type RateLimitListener = (rateLimit: RateLimit) => void;

/** The x-ratelimit-* headers, or undefined when a response lacks them (a 401 has none). */
export function readRateLimit(headers: Headers): RateLimit | undefined {
  const limit = Number(headers.get('x-ratelimit-limit') ?? NaN);
  const remaining = Number(headers.get('x-ratelimit-remaining') ?? NaN);
  const reset = Number(headers.get('x-ratelimit-reset') ?? NaN);
  if (![limit, remaining, reset].every(Number.isFinite)) {
    return undefined;
  }
  return { limit, remaining, reset };
}

/** Remembers the last budget seen and tells listeners about each new one. */
export class RateLimitTracker {
  private _current: RateLimit | undefined;
  private readonly _listeners = new Set<RateLimitListener>();

  get current(): RateLimit | undefined {
    return this._current;
  }

  /** Returns a function that removes the listener. */
  onDidUpdate(listener: RateLimitListener): () => void {
    // Wrapped so that registering the same function twice still gives two independent registrations.
    const entry: RateLimitListener = (rateLimit) => listener(rateLimit);
    this._listeners.add(entry);
    return () => {
      this._listeners.delete(entry);
    };
  }

  update(rateLimit: RateLimit): void {
    this._current = rateLimit;
    for (const listener of [...this._listeners]) {
      try {
        listener(rateLimit);
      } catch {
        // A listener's bug must not fail the request that carried the headers.
      }
    }
  }
}
