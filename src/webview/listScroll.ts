// Scroll behaviour of the message list: stick to the bottom while the user is there (also when
// images or lazily rendered runs change heights), keep the view still when older messages are
// mounted above, show the "New messages ↓" pill when the user has scrolled up, and report when the
// newest message is actually on screen in a focused webview (the host may then mark it read).

const BOTTOM_SLACK_PX = 24;
/** How long a message kept in place by keepPosition stays held while heights above it settle. */
const HOLD_MS = 1000;

/** The message keepPosition put back, where it must stay while the content above takes its size. */
interface HeldAnchor {
  readonly element: HTMLElement;
  readonly top: number;
  readonly until: number;
  /** The scroll position this hold last set: any other means the user (or Chromium) scrolled. */
  scrollTop: number;
}

export interface ListScrollEvents {
  nearTop(): void;
  scrolled(fromBottom: number): void;
  viewed(messageId: string): void;
}

export class ListScroll {
  private _stick = true;
  private _pillCount = 0;
  private _newest: HTMLElement | undefined;
  private _newestVisible = false;
  private _reported: string | undefined;
  private readonly _observer: IntersectionObserver;
  private readonly _repin: ResizeObserver;
  private _held: HeldAnchor | undefined;
  /** The scroll position as of the last scroll event or our own scrolling. */
  private _seenScrollTop = 0;
  private readonly _onVisibility = (): void => this._maybeReport();
  private readonly _release = (): void => {
    this._held = undefined;
  };

  constructor(
    private readonly _scroller: HTMLElement,
    private readonly _content: HTMLElement,
    private readonly _pill: HTMLElement,
    private readonly _events: ListScrollEvents,
  ) {
    _pill.hidden = true;
    _pill.addEventListener('click', () => this.toBottom());
    _scroller.addEventListener('scroll', () => this._onScroll(), { passive: true });
    // Heights change after layout: images, and runs whose size `content-visibility` only estimated
    // until they came near the screen. Observed sizes arrive before the frame is painted.
    this._repin = new ResizeObserver(() => {
      this._noticeScrollUp();
      if (this._stick) return this._pin();
      this._keepHeld();
      // What is at the top may have moved without a scroll event: the saved position follows.
      this._events.scrolled(this.fromBottom);
    });
    for (const input of ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const) _scroller.addEventListener(input, this._release, { passive: true });
    this._repin.observe(_content);
    this._repin.observe(_scroller);
    this._observer = new IntersectionObserver((entries) => this._onIntersect(entries), { root: _scroller, threshold: [0, 0.1, 0.5, 1] });
    document.addEventListener('visibilitychange', this._onVisibility);
  }

  /** The list is being replaced (a new snapshot): stop observing. */
  dispose(): void {
    this._repin.disconnect();
    this._observer.disconnect();
    document.removeEventListener('visibilitychange', this._onVisibility);
  }

  get fromBottom(): number {
    return Math.max(0, this._scroller.scrollHeight - this._scroller.scrollTop - this._scroller.clientHeight);
  }

  get scrollTop(): number {
    return this._scroller.scrollTop;
  }

  get atBottom(): boolean {
    return this.fromBottom <= BOTTOM_SLACK_PX;
  }

  get pillCount(): number {
    return this._pillCount;
  }

  toBottom(): void {
    this._stick = true;
    this._hidePill();
    this._pin();
    requestAnimationFrame(() => {
      if (this._stick) this._pin();
    });
  }

  /** Puts the view `fromBottom` pixels above the end (a restored panel, a remount). */
  restore(fromBottom: number): void {
    this._scrollTo(this._scroller.scrollHeight - this._scroller.clientHeight - fromBottom);
    this._stick = this.atBottom;
  }

  /**
   * Puts `element` `offset` px below the list's top edge (a reloaded panel) and keeps it there while
   * the runs around it, laid out at their estimated heights, take their real ones.
   */
  restoreTo(element: HTMLElement, offset: number): void {
    const listTop = this._scroller.getBoundingClientRect().top;
    this._scrollTo(this._scroller.scrollTop + element.getBoundingClientRect().top - listTop - offset);
    this._stick = this.atBottom;
    if (!this._stick) this._hold(element, element.getBoundingClientRect().top);
  }

  /** The message at the top of the view and its top's distance below the list's top edge; none at the bottom. */
  topMessage(): { readonly element: HTMLElement; readonly offset: number } | undefined {
    if (this.atBottom) return undefined;
    const element = this._anchor();
    return element && { element, offset: element.getBoundingClientRect().top - this._scroller.getBoundingClientRect().top };
  }

  /** Scrolls so that `element` (the unread divider) is at the top; bottom if there is none. */
  showTop(element: Element | null): void {
    if (!element) return this.toBottom();
    this._reveal(element, 'start');
  }

  center(element: HTMLElement): void {
    this._reveal(element, 'center');
  }

  private _reveal(element: Element, block: ScrollLogicalPosition): void {
    this._stick = false;
    element.scrollIntoView({ block });
    this._seenScrollTop = this._scroller.scrollTop;
    this._stick = this.atBottom;
  }

  /**
   * Runs a DOM change above the view without moving what the user sees: the message at the top of
   * the view is put back where it was. (Not a distance from the bottom: runs whose height was only
   * estimated by `content-visibility` may take their real size in the same layout.)
   */
  keepPosition(mutate: () => void, find?: (messageId: string) => HTMLElement | undefined): void {
    this._noticeScrollUp();
    if (this._stick) {
      mutate();
      this._pin();
      return;
    }
    const anchor = this._anchor();
    const before = anchor?.getBoundingClientRect().top;
    const fromBottom = this.fromBottom;
    mutate();
    // After a remount the anchor's message has a new element: find it by id.
    const now = anchor?.isConnected ? anchor : find?.(anchor?.dataset.id ?? '');
    if (now && before !== undefined) {
      this._scrollTo(this._scroller.scrollTop + now.getBoundingClientRect().top - before);
      // Runs mounted above were laid out at their estimated height; when they come near the screen
      // they take their real one (a frame or two later) and would push the message down.
      this._hold(now, before);
    } else {
      this.restore(fromBottom);
    }
  }

  private _hold(element: HTMLElement, top: number): void {
    this._held = { element, top, until: performance.now() + HOLD_MS, scrollTop: this._scroller.scrollTop };
  }

  /** Puts the held message back where keepPosition left it, until the user scrolls or time is up. */
  private _keepHeld(): void {
    const held = this._held;
    if (!held) return;
    if (!held.element.isConnected || performance.now() > held.until) return this._release();
    const drift = held.element.getBoundingClientRect().top - held.top;
    if (Math.abs(drift) < 1) return;
    this._scrollTo(this._scroller.scrollTop + drift);
    held.scrollTop = this._scroller.scrollTop;
  }

  get contentHeight(): number {
    return this._content.scrollHeight;
  }

  get viewportHeight(): number {
    return this._scroller.clientHeight;
  }

  contentFitsViewport(): boolean {
    return this._content.scrollHeight <= this._scroller.clientHeight * 1.5;
  }

  showPill(count: number): void {
    this._pillCount += count;
    this._pill.hidden = false;
    this._pill.dataset.count = String(this._pillCount);
  }

  /** The element of the newest message: its visibility decides the `viewed` report. */
  watchNewest(element: HTMLElement | undefined): void {
    if (this._newest === element) return;
    if (this._newest) this._observer.unobserve(this._newest);
    this._newest = element;
    this._newestVisible = false;
    if (element) this._observer.observe(element);
  }

  /** Focus came back: report again even if this message was reported before. */
  recheckViewed(): void {
    this._reported = undefined;
    this._maybeReport();
  }

  /**
   * A message at the top of the view. Hit-testing a run whose content `content-visibility` still
   * skips finds the run itself; then its first message is used (messages may be prepended to a
   * run, so the run's own top is no anchor).
   */
  private _anchor(): HTMLElement | undefined {
    const rect = this._scroller.getBoundingClientRect();
    for (const dy of [8, rect.height / 3, rect.height / 2]) {
      const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + dy);
      const message = hit?.closest<HTMLElement>('.cw-msg') ?? hit?.closest('.cw-run')?.querySelector<HTMLElement>('.cw-msg');
      if (message && this._scroller.contains(message)) return message;
    }
    return undefined;
  }

  private _pin(): void {
    this._scrollTo(this._scroller.scrollHeight);
  }

  private _scrollTo(scrollTop: number): void {
    this._scroller.scrollTop = scrollTop;
    this._seenScrollTop = this._scroller.scrollTop;
  }

  /**
   * The user scrolled up, and its scroll event comes only with the next frame: a mount or a resize
   * in between must not pin the view back to the bottom (nor hold an anchor the user left).
   */
  private _noticeScrollUp(): void {
    // Still at the bottom (content shrank and the position was clamped): that is no scroll up.
    if (this._scroller.scrollTop >= this._seenScrollTop - 1 || this.atBottom) return;
    this._stick = false;
    this._release();
  }

  private _hidePill(): void {
    this._pillCount = 0;
    if (!this._pill.hidden) this._pill.hidden = true; // no DOM write (and style invalidation) per scroll event
  }

  private _onScroll(): void {
    this._seenScrollTop = this._scroller.scrollTop;
    if (this._held && Math.abs(this._scroller.scrollTop - this._held.scrollTop) > 1) this._release();
    this._stick = this.atBottom;
    if (this._stick) this._hidePill();
    if (this._scroller.scrollTop < this._scroller.clientHeight) this._events.nearTop();
    this._events.scrolled(this.fromBottom);
  }

  private _onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (entry.target !== this._newest) continue;
      // Seen = at least 24 px of it (or all of a shorter one) inside the list's viewport.
      const needed = Math.min(entry.boundingClientRect.height, 24) - 1;
      this._newestVisible = entry.isIntersecting && entry.intersectionRect.height >= needed;
    }
    this._maybeReport();
  }

  private _maybeReport(): void {
    const id = this._newest?.dataset.id;
    if (!this._newestVisible || id === undefined || id === this._reported) return;
    if (!document.hasFocus() || document.visibilityState !== 'visible') return;
    this._reported = id;
    this._events.viewed(id);
  }
}
