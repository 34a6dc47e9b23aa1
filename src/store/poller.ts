import { ChatworkApiError } from '../api/errors';
import { Emitter, type Unsubscribe } from './emitter';
import type { RateLimit, RoomSummary } from '../api/types';
import { LiveRoom, LIVE_WINDOW_MS } from './liveRoom';
import type { RoomStore } from './roomStore';

/** How often a live conversation's room is diffed (ms): p95 delivery ≈ this + one request. */
export const LIVE_INTERVAL_MS = 5_000;
/** Live polling pauses while fewer than this share of the rate-limit window's requests remain. */
const LIVE_BUDGET_RESERVE = 0.2;

export interface PollerOptions {
  /** The interval while the window is focused (ms); read before every wait so setting changes apply. */
  intervalMs: () => number;
  /** How much slower to poll when the window is not focused. */
  unfocusedFactor?: number;
  /** Upper bound of the backoff after failures (ms). */
  maxBackoffMs?: number;
  /**
   * Rooms with new activity whose messages are wanted although no panel reads them — e.g. a new
   * mention to announce. Called with the room's summary before and after the refresh.
   */
  wantsMessages?: (current: RoomSummary, previous: RoomSummary | undefined) => boolean;
  /** The interval of a live conversation (ms; default LIVE_INTERVAL_MS). */
  liveIntervalMs?: number;
  /** How long a room stays live after its last message (ms; default two minutes). */
  liveWindowMs?: number;
  /** The latest x-ratelimit-* budget seen (live polling pauses when it runs low). */
  rateLimit?: () => RateLimit | undefined;
  /** The clock of the live window (ms); injectable so tests run on a virtual clock. */
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export type PollerState = 'stopped' | 'waiting' | 'polling' | 'backingOff' | 'signedOut';

/** What the status bar says: live conversation, normal cycle, backing off, signed out, not polling. */
export type PollerMode = 'live' | 'idle' | 'backingOff' | 'signedOut' | 'stopped';

/**
 * Keeps the store fresh with as few requests as possible: one GET /rooms per cycle; GET /my/status
 * only when the rooms list changed; a diff GET of messages only for rooms being read whose
 * last_update_time moved. Runs while active (signed in, and background polling on or something
 * shown), slower when the window is unfocused, and backs off on failures and rate limits. Between
 * cycles, the focused panel's room is diffed every few seconds while its conversation is live.
 */
export class Poller {
  private _active = false;
  private _focused = true;
  private _state: PollerState = 'stopped';
  private _timer: unknown;
  private _failures = 0;
  private _running: Promise<void> | undefined;
  private _lastError: unknown;
  /** Bumped by restart(): a cycle of an earlier generation ends without touching anything. */
  private _generation = 0;
  private _restartWhenDone = false;
  private readonly _watched = new Map<number, number>();
  private readonly _live: LiveRoom;
  private _liveTimer: unknown;
  private _liveRunning: Promise<void> | undefined;
  /** Messages the live diffs added per room since the last cycle (the cycle need not fetch them again). */
  private readonly _liveAdded = new Map<number, number>();
  private readonly _subscription: Unsubscribe;
  private _lastMode: PollerMode = 'stopped';
  private readonly _setTimer: (callback: () => void, ms: number) => unknown;
  private readonly _clearTimer: (handle: unknown) => void;

  private readonly _onDidFail = new Emitter<ChatworkApiError | Error>();
  /** A cycle failed (the poller keeps going, backing off; auth failures stop it until resumed). */
  readonly onDidFail = this._onDidFail.event;
  private readonly _onDidSucceed = new Emitter<void>();
  readonly onDidSucceed = this._onDidSucceed.event;
  private readonly _onDidChangeMode = new Emitter<PollerMode>();
  /** The mode (live / idle / backing off / signed out / stopped) changed. */
  readonly onDidChangeMode = this._onDidChangeMode.event;

  constructor(
    private readonly _store: RoomStore,
    private readonly _options: PollerOptions,
  ) {
    this._setTimer = _options.setTimer ?? ((cb, ms) => setTimeout(cb, ms));
    this._clearTimer = _options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this._live = new LiveRoom(_options.now ?? Date.now, _options.liveWindowMs ?? LIVE_WINDOW_MS);
    // A message sent or received (any new message the store learns of) makes its room live.
    this._subscription = _store.onDidChangeMessages((e) => {
      if (e.added.length === 0) return;
      this._live.noteActivity(e.roomId);
      if (e.roomId === this._live.focusedRoom) this._scheduleLive();
    });
  }

  get state(): PollerState {
    return this._state;
  }

  get mode(): PollerMode {
    if (this._state === 'signedOut' || this._state === 'backingOff' || this._state === 'stopped') return this._state;
    return this._liveTimer !== undefined || this._liveRunning ? 'live' : 'idle';
  }

  /** The room whose panel has focus (undefined when none has): it may go live. */
  setFocusedRoom(roomId: number | undefined): void {
    if (this._live.focusedRoom === roomId) return;
    this._live.focus(roomId);
    // Opening a room someone wrote in a moment ago counts as joining a live conversation.
    const summary = roomId === undefined ? undefined : this._store.room(roomId);
    if (summary) this._live.noteActivity(summary.room_id, summary.last_update_time * 1000);
    this._scheduleLive();
  }

  /** Resolves when no cycle and no live diff is running (the bench and tests wait on it). */
  async whenIdle(): Promise<void> {
    while (this._running || this._liveRunning) await (this._running ?? this._liveRunning);
  }

  /** Whether to poll at all (signed in, and background polling on or something of Chatwork shown). */
  setActive(active: boolean): void {
    if (this._active === active) return;
    this._active = active;
    this._reschedule();
  }

  get active(): boolean {
    return this._active;
  }

  setFocused(focused: boolean): void {
    if (this._focused === focused) return;
    this._focused = focused;
    // Coming back to the window refreshes at once: that is when the user looks.
    if (focused && this._active && this._state === 'waiting') void this.pollNow();
    else this._reschedule();
  }

  /** Keeps the room's messages live (a panel is reading it). */
  watch(roomId: number): { dispose(): void } {
    this._watched.set(roomId, (this._watched.get(roomId) ?? 0) + 1);
    return {
      dispose: () => {
        const count = (this._watched.get(roomId) ?? 1) - 1;
        if (count <= 0) this._watched.delete(roomId);
        else this._watched.set(roomId, count);
      },
    };
  }

  get watchedRooms(): number[] {
    return [...this._watched.keys()];
  }

  /** Runs one cycle now (a refresh button, a resumed token); concurrent calls share the cycle. */
  pollNow(): Promise<void> {
    this._running ??= this._cycle().finally(() => {
      this._running = undefined;
      if (this._restartWhenDone) {
        this._restartWhenDone = false;
        this._state = 'stopped';
      }
      this._reschedule();
    });
    return this._running;
  }

  /** After sign-in: start again from a clean slate. */
  resume(): void {
    this._failures = 0;
    this._live.forgetActivity();
    if (this._state === 'signedOut') this._state = 'stopped';
    this._reschedule();
  }

  /**
   * Another account: the running cycle (whose requests the token store just aborted) is dropped
   * without effects, failures are forgotten, and a fresh cycle runs (while active) at once — or as
   * soon as the dropped one has ended.
   */
  restart(): void {
    this._generation++;
    this._failures = 0;
    this._lastError = undefined;
    if (this._running) {
      // No timer is armed while a cycle runs.
      this._restartWhenDone = true;
      return;
    }
    this._state = 'stopped';
    this._reschedule();
  }

  private async _cycle(): Promise<void> {
    this._cancelTimer();
    this._state = 'polling';
    const generation = this._generation;
    const stale = (): boolean => generation !== this._generation;
    try {
      const first = this._store.rooms === undefined;
      const changes = await this._store.refreshRooms();
      // The first status comes from the rooms list itself (opening the sidebar costs one request);
      // afterwards GET /my/status confirms the totals whenever a room's counters moved.
      if (!first && changes.changed.length > 0) await this._store.refreshStatus();
      const liveAdded = new Map(this._liveAdded);
      this._liveAdded.clear();
      for (const roomId of changes.active) {
        const current = this._store.room(roomId);
        const previous = changes.previous.get(roomId);
        // The live diffs already brought exactly the messages the counters say were added.
        const fetched = liveAdded.get(roomId) ?? 0;
        if (fetched > 0 && current && previous && current.message_num - previous.message_num === fetched) continue;
        const wanted =
          this._watched.has(roomId) ||
          this._store.hasMessages(roomId) ||
          (current !== undefined && (this._options.wantsMessages?.(current, previous) ?? false));
        if (!wanted) continue;
        if (stale()) return;
        const hadLog = this._store.hasMessages(roomId);
        const { added } = await this._store.pollMessages(roomId, previous?.last_update_time);
        // Activity without new messages is an edit or a deletion, which the diff does not report.
        if (hadLog && added.length === 0) await this._store.reloadMessages(roomId);
      }
      if (stale()) return;
      this._failures = 0;
      this._lastError = undefined;
      this._state = 'waiting';
      this._onDidSucceed.fire();
    } catch (error) {
      if (stale()) return;
      this._failures++;
      this._lastError = error;
      const isAuth = error instanceof ChatworkApiError && error.kind === 'auth';
      this._state = isAuth ? 'signedOut' : 'backingOff';
      this._onDidFail.fire(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Arms (or disarms) the live diff of the focused room, by the rules in the class comment. */
  private _scheduleLive(): void {
    this._cancelLiveTimer();
    if (this._liveRunning || !this._liveAllowed()) {
      this._fireMode();
      return;
    }
    const roomId = this._live.liveRoom as number;
    this._liveTimer = this._setTimer(() => {
      this._liveTimer = undefined;
      void this._liveTick(roomId);
    }, this._options.liveIntervalMs ?? LIVE_INTERVAL_MS);
    this._fireMode();
  }

  private _liveAllowed(): boolean {
    if (!this._active || !this._focused || this._live.liveRoom === undefined) return false;
    if (this._state === 'signedOut' || this._state === 'backingOff' || this._state === 'stopped') return false;
    const budget = this._options.rateLimit?.();
    return budget === undefined || budget.remaining >= budget.limit * LIVE_BUDGET_RESERVE;
  }

  private async _liveTick(roomId: number): Promise<void> {
    if (this._running) {
      // A full cycle is under way: it reschedules the live diff when done.
      return;
    }
    this._liveRunning = (async () => {
      try {
        const { added } = await this._store.pollMessages(roomId);
        this._liveAdded.set(roomId, (this._liveAdded.get(roomId) ?? 0) + added.length);
      } catch {
        // The next full cycle reports and backs off; live polling waits for it.
        this._live.forgetActivity();
      }
    })();
    await this._liveRunning;
    this._liveRunning = undefined;
    this._scheduleLive();
  }

  private _cancelLiveTimer(): void {
    if (this._liveTimer !== undefined) this._clearTimer(this._liveTimer);
    this._liveTimer = undefined;
  }

  private _fireMode(): void {
    const mode = this.mode;
    if (mode === this._lastMode) return;
    this._lastMode = mode;
    this._onDidChangeMode.fire(mode);
  }

  /** The wait before the next cycle, from the state: interval, slower unfocused, backoff on failure. */
  nextDelayMs(lastError?: unknown): number {
    const base = this._options.intervalMs() * (this._focused ? 1 : (this._options.unfocusedFactor ?? 4));
    if (lastError instanceof ChatworkApiError && lastError.kind === 'rateLimited' && lastError.retryAfterMs !== undefined) {
      return Math.max(base, lastError.retryAfterMs);
    }
    // Failures double the wait up to the cap, but never make it shorter than the usual one (a long
    // interval, or an unfocused window, may already wait longer than the cap).
    const backoff = Math.min(base * 2 ** Math.min(this._failures, 6), this._options.maxBackoffMs ?? 5 * 60_000);
    return Math.max(base, backoff);
  }

  private _reschedule(): void {
    this._cancelTimer();
    this._scheduleLive();
    if (this._running || this._state === 'signedOut') return;
    if (!this._active) {
      this._state = 'stopped';
      this._scheduleLive();
      return;
    }
    if (this._state === 'stopped') {
      // First start (or back from hidden): refresh now.
      void this.pollNow();
      return;
    }
    this._timer = this._setTimer(() => void this.pollNow(), this.nextDelayMs(this._lastError));
  }

  private _cancelTimer(): void {
    if (this._timer !== undefined) this._clearTimer(this._timer);
    this._timer = undefined;
  }

  dispose(): void {
    this._active = false;
    this._cancelTimer();
    this._cancelLiveTimer();
    this._subscription.dispose();
    this._onDidFail.dispose();
    this._onDidSucceed.dispose();
    this._onDidChangeMode.dispose();
  }
}
