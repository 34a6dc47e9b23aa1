// The two limits of the API (chatwork-api-details.md §4): a fixed window per token over all
// requests, and a 10-in-10-seconds bucket per room for POST messages + POST tasks.
import { ApiError, ROOM_POST_LIMITED } from './errors';

export interface RateState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Unix seconds when the window resets. */
  reset: number;
}

export class TokenRateLimiter {
  private readonly _windows = new Map<string, { start: number; count: number }>();

  constructor(
    private _limit: number,
    private _windowSeconds: number,
  ) {}

  /** Changes the limit; every token starts a fresh window. */
  configure(limit: number, windowSeconds = this._windowSeconds): void {
    this._limit = limit;
    this._windowSeconds = windowSeconds;
    this._windows.clear();
  }

  /** Counts one request of the token; undefined when limiting is off (limit 0: no headers either). */
  hit(token: string, nowMs = Date.now()): RateState | undefined {
    if (this._limit <= 0) return undefined;
    let w = this._windows.get(token);
    const length = this._windowSeconds * 1000;
    if (!w || nowMs >= w.start + length) this._windows.set(token, (w = { start: nowMs, count: 0 }));
    w.count++;
    return {
      allowed: w.count <= this._limit,
      limit: this._limit,
      remaining: Math.max(0, this._limit - w.count),
      reset: Math.ceil((w.start + length) / 1000),
    };
  }
}

export function rateHeaders(r: RateState | undefined): Record<string, string> {
  if (!r) return {};
  return { 'x-ratelimit-limit': String(r.limit), 'x-ratelimit-remaining': String(r.remaining), 'x-ratelimit-reset': String(r.reset) };
}

export class RoomPostLimiter {
  private readonly _posts = new Map<number, number[]>();

  constructor(
    public limit: number,
    private readonly _windowMs = 10_000,
  ) {}

  /** Records a post in the room, or throws 429 when the room already had `limit` in the window. */
  check(roomId: number, nowMs = Date.now()): void {
    if (this.limit <= 0) return;
    const recent = (this._posts.get(roomId) ?? []).filter((t) => t > nowMs - this._windowMs);
    if (recent.length >= this.limit) {
      this._posts.set(roomId, recent);
      throw new ApiError(429, ROOM_POST_LIMITED);
    }
    recent.push(nowMs);
    this._posts.set(roomId, recent);
  }
}
