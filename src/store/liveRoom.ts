// Which room, if any, is in a live conversation: its panel is focused and a message was sent or
// received there within the activity window. The poller then diffs that room every few seconds
// instead of waiting for the full cycle. Pure bookkeeping on an injectable clock (no timers here),
// so the "starts on activity, stops after the quiet period" rule is testable on a virtual clock.

export const LIVE_WINDOW_MS = 2 * 60_000;

export class LiveRoom {
  private _focused: number | undefined;
  private readonly _lastActivity = new Map<number, number>();

  constructor(
    private readonly _now: () => number,
    private readonly _windowMs = LIVE_WINDOW_MS,
  ) {}

  get focusedRoom(): number | undefined {
    return this._focused;
  }

  /** The room whose panel has focus (undefined: no room panel is focused). */
  focus(roomId: number | undefined): void {
    this._focused = roomId;
  }

  /** A message was sent or received in the room at `at` (ms on the same clock; default now). */
  noteActivity(roomId: number, at = this._now()): void {
    at = Math.min(at, this._now()); // a server clock ahead of ours must not stretch the window
    if (at > (this._lastActivity.get(roomId) ?? -Infinity)) this._lastActivity.set(roomId, at);
  }

  /** The focused room while its conversation is live; undefined otherwise. */
  get liveRoom(): number | undefined {
    const room = this._focused;
    if (room === undefined) return undefined;
    const last = this._lastActivity.get(room);
    return last !== undefined && this._now() - last < this._windowMs ? room : undefined;
  }

  /** How long the focused room stays live without further messages (ms; 0 when it is not live). */
  remainingMs(): number {
    const room = this.liveRoom;
    if (room === undefined) return 0;
    return Math.max(0, (this._lastActivity.get(room) ?? 0) + this._windowMs - this._now());
  }

  /** Every room goes quiet (another token; a failed diff); the focused room stays focused. */
  forgetActivity(): void {
    this._lastActivity.clear();
  }
}
