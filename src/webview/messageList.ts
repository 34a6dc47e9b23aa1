// The scrolling list of messages: grouped by day and by runs of one sender, kept live by deltas.
//
// Large rooms: the list holds every message it was given (10,000 after a long session) but puts
// only the newest ones in the DOM (INITIAL_MOUNT, or enough to reach the first unread); older ones
// are mounted in chunks as the user scrolls up, with the scroll position kept. Mounting is done in
// slices of a few milliseconds: a snapshot paints its newest screenful (FIRST_SCREEN) at once and
// the rest of the initial mount follows in background tasks; a chunk asked for by scrolling near
// the top gets one slice at once and the rest in the background, so no frame waits for hundreds of
// messages to be built. Every day and every run of messages has `content-visibility: auto`
// (room.css), so mounted content off screen costs no layout or paint. New messages are appended as
// new nodes only; nothing already on screen is re-rendered, except a message that was edited or
// deleted, which is replaced in place.
import type { HistoryData, MessageData, ScrollAnchor } from '../panels/protocol';
import { format } from './strings';
import { compareIds, insertSorted } from './order';
import { el, icon } from './dom';
import type { InlineEditor } from './inlineEditor';
import { addSideTime, messageElement, type MessageViewContext } from './messageView';
import { dayKey } from './time';
import { ListScroll } from './listScroll';

export const INITIAL_MOUNT = 200;
export const MOUNT_CHUNK = 200;
/**
 * Messages a snapshot mounts before its first paint (about a screenful, and never fewer than the
 * unread ones + 20; _fillViewport adds more if they do not fill the view); the rest follow in slices.
 */
export const FIRST_SCREEN = 16;
/** Time one slice of mounting may take (its size follows from the measured cost per message). */
const SLICE_MS = 8;
const SLICE_MIN = 8;
const IDLE_TIMEOUT_MS = 50;

export type MessageAction = 'reply' | 'quote' | 'delete' | 'more';

export interface MessageListHost {
  messageAction(action: MessageAction, message: MessageData, anchor: HTMLElement): void;
  /** Saves an edit; resolves with an error text, or undefined when saved. */
  edit(message: MessageData, body: string): Promise<string | undefined>;
  openLink(url: string): void;
  copy(text: string): void;
  download(fileId: number): void;
  openRoom(roomId: number, messageId: string): void;
  /** A `path:line` reference: the host opens the file in the workspace. */
  openCodeRef(ref: { path: string; startLine: number; endLine: number; column?: number }): void;
  resolvePreview(fileId: number, messageId?: string): Promise<string | undefined>;
  /** The newest message is on screen in a focused webview. */
  viewed(messageId: string): void;
  scrolled(fromBottom: number): void;
  notice(text: string): void;
}

export interface SnapshotOptions {
  readonly unreadCount: number;
  /** Older messages follow (addOlder): the list shows "loading older" at its top meanwhile. */
  readonly olderPending?: boolean;
  readonly revealMessageId?: string;
  /** Where a reloaded panel was: the anchor if its message is held (now or with the older ones), else the distance. */
  readonly scrollFromBottom?: number;
  readonly scrollAnchor?: ScrollAnchor;
}

export class MessageList {
  readonly element: HTMLElement;
  private readonly _days: HTMLElement;
  private readonly _older: HTMLElement;
  /** "Older messages are not available from Chatwork's API" above the oldest archived message. */
  private readonly _start: HTMLElement;
  private _history: HistoryData | undefined;
  /** Gap markers go before these messages: beforeId → afterId. */
  private _gapsBefore = new Map<string, string>();
  private readonly _empty: HTMLElement;
  private readonly _scroll: ListScroll;
  private _messages: MessageData[] = [];
  private readonly _byId = new Map<string, MessageData>();
  private readonly _elements = new Map<string, HTMLElement>();
  /** Open inline editors ('loading' while its code is fetched: later.ts). */
  private readonly _editors = new Map<string, InlineEditor | 'loading'>();
  /** Index of the oldest mounted message. */
  private _mountStart = 0;
  /** Index down to which messages are being mounted in the background (≤ _mountStart). */
  private _mountTarget = 0;
  /** A background slice is scheduled. */
  private _mountPending = false;
  /** Measured cost of mounting one message (ms: building it and the layout that follows), to size slices. */
  private _msPerMessage = 0.5;
  private _disposed = false;
  private _unreadFromId: string | undefined;
  /** The host holds older messages the snapshot did not carry; they come with addOlder. */
  private _olderPending = false;
  /** A restored position the snapshot's part could not reach: tried again with the older messages. */
  private _restoreLater: { readonly anchor?: ScrollAnchor; readonly fromBottom: number; readonly scrollTop: number } | undefined;
  private readonly _previews: IntersectionObserver;

  constructor(
    private readonly _ctx: MessageViewContext,
    private readonly _host: MessageListHost,
  ) {
    this.element = el('div', 'cw-list-wrap');
    const scroller = el('div', 'cw-list');
    scroller.setAttribute('role', 'log');
    scroller.setAttribute('aria-live', 'polite');
    const content = el('div', 'cw-list-content');
    this._older = el('div', 'cw-older', _ctx.strings.olderLoading);
    this._empty = el('div', 'cw-empty', _ctx.strings.empty);
    this._days = el('div', 'cw-days');
    this._start = el('div', 'cw-history-start', _ctx.strings.archiveStart);
    this._start.hidden = true;
    content.append(this._older, this._start, this._empty, this._days);
    scroller.append(content);
    const pill = el('button', 'cw-pill');
    pill.type = 'button';
    pill.append(el('span', undefined, _ctx.strings.newMessages), icon('arrow-down'));
    this.element.append(scroller, pill);
    this._scroll = new ListScroll(scroller, content, pill, {
      nearTop: () => this._nearTop(),
      scrolled: (fromBottom) => _host.scrolled(fromBottom),
      viewed: (id) => _host.viewed(id),
    });
    this._previews = new IntersectionObserver((entries) => this._loadPreviews(entries), { root: scroller, rootMargin: '300px 0px' });
    content.addEventListener('click', (e) => this._onClick(e));
    content.addEventListener('keydown', (e) => {
      const target = e.target as HTMLElement;
      if ((e.key === 'Enter' || e.key === ' ') && target.dataset.action && target.tagName !== 'BUTTON') {
        e.preventDefault();
        target.click();
      }
    });
  }

  get messageCount(): number {
    return this._messages.length;
  }

  get mountedCount(): number {
    return this._elements.size;
  }

  get newestId(): string | undefined {
    return this._messages[this._messages.length - 1]?.id;
  }

  /** Every message held, oldest first (mounted or not). */
  get messages(): readonly MessageData[] {
    return this._messages;
  }

  /** Mounts the message if needed and scrolls to it (find in the room); its element. */
  revealElement(messageId: string): HTMLElement | undefined {
    return this.reveal(messageId) ? this._elements.get(messageId) : undefined;
  }

  message(id: string): MessageData | undefined {
    return this._byId.get(id);
  }

  /** The archive's beginning and gaps (markers); `remount` when the list is already shown. */
  setHistory(history: HistoryData | undefined, remount = true): void {
    this._history = history;
    this._gapsBefore = new Map((history?.gaps ?? []).map((g) => [g.beforeId, g.afterId]));
    if (remount) this._remountKeepingScroll();
    else this._updateStart();
  }

  /** Replaces everything (first load, or the webview was re-created). */
  setSnapshot(messages: readonly MessageData[], options: SnapshotOptions): void {
    // The host sends them oldest first (10,000 from a long archive): sort only when they are not.
    const ordered = messages.every((m, i) => i === 0 || compareIds((messages[i - 1] as MessageData).id, m.id) < 0);
    this._messages = ordered ? [...messages] : [...messages].sort((a, b) => compareIds(a.id, b.id));
    this._byId.clear();
    for (const m of this._messages) this._byId.set(m.id, m);
    const n = this._messages.length;
    const unread = Math.min(options.unreadCount, n);
    this._unreadFromId = unread > 0 ? this._messages[n - unread]?.id : undefined;
    this._olderPending = options.olderPending ?? false;
    this._restoreLater = undefined;
    const newest = Math.max(FIRST_SCREEN, unread + 20);
    this._mountTarget = Math.max(0, n - Math.max(INITIAL_MOUNT, newest));
    this._mountStart = Math.max(this._mountTarget, n - newest);
    this._remount();
    if (options.revealMessageId === undefined || !this.reveal(options.revealMessageId)) {
      if (options.scrollAnchor !== undefined && this._restoreAnchor(options.scrollAnchor)) {
        // Back at the message that was at the top.
      } else if (options.scrollFromBottom !== undefined) {
        // A restored view may be further up than the first screenful reaches.
        this._restoreFromBottom(options.scrollFromBottom);
        if (this._olderPending && this._mountStart === 0) {
          this._restoreLater = { anchor: options.scrollAnchor, fromBottom: options.scrollFromBottom, scrollTop: this._scroll.scrollTop };
        }
      } else if (this._unreadFromId !== undefined) this._scroll.showTop(this._days.querySelector('.cw-unread-divider'));
      else this._scroll.toBottom();
      this._fillViewport();
    }
    this._scheduleMount();
  }

  /** New messages (deduplicated: a message already here counts as an update). */
  add(messages: readonly MessageData[]): void {
    const fresh: MessageData[] = [];
    for (const m of messages) {
      if (this._byId.has(m.id)) this.update([m]);
      else fresh.push(m);
    }
    if (fresh.length === 0) return;
    fresh.sort((a, b) => compareIds(a.id, b.id));
    const newest = this.newestId;
    const inOrder = newest === undefined || compareIds(fresh[0]!.id, newest) > 0;
    for (const m of fresh) this._byId.set(m.id, m);
    if (!inOrder) {
      // Rare (a late message older than the newest): place it and rebuild what is mounted.
      for (const m of fresh) insertSorted(this._messages, m);
      this._remountKeepingScroll();
      return;
    }
    const wasAtBottom = this._scroll.atBottom;
    for (const m of fresh) {
      this._messages.push(m);
      this._appendElement(m);
    }
    const mine = fresh.some((m) => m.accountId === this._ctx.me);
    const others = fresh.filter((m) => m.accountId !== this._ctx.me).length;
    if (!this._empty.hidden) this._empty.hidden = true;
    if (wasAtBottom || mine) this._scroll.toBottom();
    else if (others > 0) this._scroll.showPill(others);
    this._scroll.watchNewest(this._elements.get(this.newestId ?? ''));
  }

  /**
   * Messages older than the held ones: the rest of a snapshot the host sent in two parts. They are
   * mounted as scrolling up asks for them; a message already held is not added twice.
   */
  addOlder(messages: readonly MessageData[]): void {
    this._olderPending = false;
    const fresh = messages.filter((m) => !this._byId.has(m.id)).sort((a, b) => compareIds(a.id, b.id));
    const freshIds = new Set(fresh.map((m) => m.id));
    // A mounted message whose gap marker names one of these as the last before the gap: redraw it.
    const gapFound = [...this._gapsBefore].some(([before, after]) => this._elements.has(before) && freshIds.has(after));
    for (const m of fresh) this._byId.set(m.id, m);
    const oldest = this._messages[0];
    if (fresh.length === 0 || oldest === undefined || compareIds(fresh[fresh.length - 1]!.id, oldest.id) < 0) {
      // All older than what is held (the usual case): nothing mounted changes.
      this._messages = fresh.concat(this._messages);
      this._mountStart += fresh.length;
      this._mountTarget += fresh.length;
      this._older.hidden = this._mountStart === 0;
      this._updateStart();
      if (gapFound) this._remountKeepingScroll();
      // A reloaded panel that was scrolled further up than the newest part reaches (unless the user moved since).
      const again = this._restoreLater;
      this._restoreLater = undefined;
      if (again && Math.abs(this._scroll.scrollTop - again.scrollTop) < 2) {
        if (again.anchor === undefined || !this._restoreAnchor(again.anchor)) this._restoreFromBottom(again.fromBottom);
      } else if (this._scroll.scrollTop < this._scroll.viewportHeight) {
        this._nearTop(); // already at the top of what was there: no scroll event would ask for more
      }
    } else {
      // Some fall between held ones (the store merged while the webview waited): place and rebuild.
      const firstMounted = this._messages[this._mountStart]?.id;
      for (const m of fresh) insertSorted(this._messages, m);
      this._mountStart = firstMounted === undefined ? this._messages.length : this._messages.findIndex((m) => m.id === firstMounted);
      this._mountTarget = Math.min(this._mountTarget, this._mountStart);
      this._remountKeepingScroll();
    }
    this._scheduleMount();
  }

  /** Edited or deleted messages, replaced in place (an open editor keeps its text). */
  update(messages: readonly MessageData[]): void {
    for (const m of messages) {
      if (!this._byId.has(m.id)) continue;
      this._byId.set(m.id, m);
      const index = this._messages.findIndex((x) => x.id === m.id);
      if (index >= 0) this._messages[index] = m;
      const old = this._elements.get(m.id);
      if (old && !this._editors.has(m.id)) this._replace(old, m);
    }
  }

  /** Names or avatars changed: re-render what is mounted. */
  refresh(): void {
    this._remountKeepingScroll();
  }

  /** Scrolls to a message (mounting older ones if needed) and flashes it; false if unknown. */
  reveal(messageId: string): boolean {
    const target = this._mountDownTo(messageId);
    if (!target) return false;
    this._scroll.center(target);
    target.classList.add('cw-flash');
    setTimeout(() => target.classList.remove('cw-flash'), 1600);
    return true;
  }

  /** The message at the top of the view, for a reload to come back to (none at the bottom). */
  scrollAnchor(): ScrollAnchor | undefined {
    const top = this._scroll.topMessage();
    const messageId = top?.element.dataset.id;
    return top && messageId !== undefined ? { messageId, offset: Math.round(top.offset) } : undefined;
  }

  /** Re-labels relative times ("5 minutes ago") and day headers; called every minute. */
  tick(): void {
    for (const time of this._days.querySelectorAll<HTMLElement>('time[data-relative]')) {
      const t = Number(time.dataset.time);
      time.textContent = this._ctx.time.short(t);
      if (!this._ctx.time.isRelative(t)) delete time.dataset.relative;
    }
    for (const header of [...this._days.querySelectorAll<HTMLElement>('.cw-day-label')].slice(-3)) {
      header.textContent = this._ctx.time.day(Number(header.dataset.time));
    }
  }

  /** The list is being replaced (a new snapshot). */
  dispose(): void {
    this._disposed = true;
    this._previews.disconnect();
    this._scroll.dispose();
  }

  /** Called when the webview gains focus: report the newest message again if it is on screen. */
  focused(): void {
    this._scroll.recheckViewed();
  }

  private _remount(): void {
    this._editors.clear();
    this._elements.clear();
    this._days.replaceChildren();
    for (let i = this._mountStart; i < this._messages.length; i++) this._appendElement(this._messages[i] as MessageData);
    this._older.hidden = this._mountStart === 0 && !this._olderPending;
    this._updateStart();
    this._empty.hidden = this._messages.length > 0;
    this._scroll.watchNewest(this._elements.get(this.newestId ?? ''));
  }

  /** Mounts down to the anchor's message and puts it back where it was; false if it is not held. */
  private _restoreAnchor(anchor: ScrollAnchor): boolean {
    // A screenful above it too, so the view can be put there and scrolling up goes on from there.
    const element = this._mountDownTo(anchor.messageId, FIRST_SCREEN);
    if (!element) return false;
    this._scroll.restoreTo(element, anchor.offset);
    return true;
  }

  /** Mounts older messages down to a held one (and `above` more), at once; its element, if held. */
  private _mountDownTo(messageId: string, above = 0): HTMLElement | undefined {
    const index = this._messages.findIndex((m) => m.id === messageId);
    if (index < 0) return undefined;
    if (index < this._mountStart) this._mountOlder(this._mountStart - Math.max(0, index - above));
    return this._elements.get(messageId);
  }

  /** The distance-only fallback (a state saved at the bottom, or by an older version). */
  private _restoreFromBottom(fromBottom: number): void {
    this._mountWhile(() => this._scroll.contentHeight < fromBottom + 2 * this._scroll.viewportHeight);
    this._scroll.restore(fromBottom);
  }

  private _remountKeepingScroll(): void {
    this._scroll.keepPosition(
      () => this._remount(),
      (id) => this._elements.get(id),
    );
  }

  /** Mounts up to `count` older messages above the mounted ones at once, keeping the view still. */
  private _mountOlder(count: number): void {
    if (this._mountStart === 0) return;
    const start = Math.max(0, this._mountStart - count);
    const chunk = document.createDocumentFragment();
    let day: HTMLElement | undefined;
    const t0 = performance.now();
    for (let i = start; i < this._mountStart; i++) day = this._place(this._messages[i] as MessageData, chunk, day);
    this._scroll.keepPosition(() => {
      this._mergeBoundary(day);
      this._days.prepend(chunk);
    });
    // Building plus the layout keepPosition forces: what a slice costs per message.
    const built = this._mountStart - start;
    if (built >= SLICE_MIN) this._msPerMessage = 0.7 * this._msPerMessage + (0.3 * (performance.now() - t0)) / built;
    this._mountStart = start;
    this._mountTarget = Math.min(this._mountTarget, start);
    this._older.hidden = start === 0 && !this._olderPending;
    this._updateStart();
  }

  /** The archive-start marker shows once the oldest message is mounted (and older ones exist on Chatwork). */
  private _updateStart(): void {
    this._start.hidden = this._history === undefined || this._history.complete || this._mountStart > 0 || this._olderPending || this._messages.length === 0;
  }

  /** How many messages one slice builds in about SLICE_MS. */
  private get _sliceSize(): number {
    return Math.max(SLICE_MIN, Math.min(MOUNT_CHUNK, Math.floor(SLICE_MS / this._msPerMessage)));
  }

  /** One slice toward the background target. */
  private _mountSlice(): void {
    if (this._mountStart > this._mountTarget) this._mountOlder(Math.min(this._sliceSize, this._mountStart - this._mountTarget));
  }

  /**
   * Mounts the rest of the target in the background: one slice per idle period, i.e. after a frame
   * was painted and before the next one is due (at the latest after IDLE_TIMEOUT_MS when the page
   * is never idle).
   */
  private _scheduleMount(): void {
    if (this._mountPending || this._disposed || this._mountStart <= this._mountTarget) return;
    this._mountPending = true;
    const run = (): void => {
      this._mountPending = false;
      if (this._disposed) return;
      this._mountSlice();
      this._scheduleMount();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(run, 0);
  }

  /** Scrolled near the top: the next chunk becomes the target; one slice now so there is something to scroll into. */
  private _nearTop(): void {
    if (this._mountStart === 0) return;
    if (this._mountTarget >= this._mountStart) this._mountTarget = Math.max(0, this._mountStart - MOUNT_CHUNK);
    this._mountSlice();
    this._scheduleMount();
  }

  /** Mounts slices at once while `more()` says so (and anything is left to mount). */
  private _mountWhile(more: () => boolean): void {
    let guard = 0;
    while (this._mountStart > 0 && more() && guard++ < 500) this._mountOlder(this._sliceSize);
  }

  /** Mounts more while the list does not fill the viewport (so scrolling up can start). */
  private _fillViewport(): void {
    this._mountWhile(() => this._scroll.contentFitsViewport());
  }

  /**
   * The chunk's last day and the first mounted day may be the same day, even the same run. The new
   * nodes move into the mounted ones, never the other way: moving a mounted run would make
   * `content-visibility` forget its rendered size and shift what the user is looking at.
   */
  private _mergeBoundary(lastNewDay: HTMLElement | undefined): void {
    const firstOld = this._days.firstElementChild as HTMLElement | null;
    if (!lastNewDay || !firstOld || lastNewDay.dataset.day !== firstOld.dataset.day) return;
    const oldHeader = firstOld.firstElementChild as HTMLElement;
    const firstOldRun = oldHeader.nextElementSibling as HTMLElement | null;
    const lastNewRun = lastNewDay.lastElementChild as HTMLElement | null;
    if (firstOldRun?.classList.contains('cw-run') && lastNewRun?.classList.contains('cw-run') && firstOldRun.dataset.account === lastNewRun.dataset.account) {
      const oldHead = firstOldRun.firstElementChild as HTMLElement | null;
      firstOldRun.prepend(...lastNewRun.childNodes);
      lastNewRun.remove();
      const m = this._byId.get(oldHead?.dataset.id ?? '');
      if (oldHead && m) addSideTime(oldHead, m, this._ctx);
    }
    const newHeader = lastNewDay.firstElementChild as HTMLElement;
    const moving: ChildNode[] = [];
    while (newHeader.nextSibling) {
      moving.push(newHeader.nextSibling);
      newHeader.nextSibling.remove();
    }
    oldHeader.after(...moving);
    const label = oldHeader.querySelector<HTMLElement>('.cw-day-label');
    const newLabel = newHeader.querySelector<HTMLElement>('.cw-day-label');
    if (label && newLabel) label.dataset.time = newLabel.dataset.time;
    lastNewDay.remove();
  }

  private _appendElement(m: MessageData): void {
    const last = this._days.lastElementChild as HTMLElement | null;
    this._place(m, this._days, last ?? undefined);
  }

  /** Puts a message at the end of `parent` (the day list or a chunk); returns its day section. */
  private _place(m: MessageData, parent: ParentNode, lastDay: HTMLElement | undefined): HTMLElement {
    const key = dayKey(m.sendTime);
    let day = lastDay;
    if (!day || day.dataset.day !== key) {
      day = el('section', 'cw-day');
      day.dataset.day = key;
      const header = el('div', 'cw-day-header');
      const label = el('span', 'cw-day-label', this._ctx.time.day(m.sendTime));
      label.dataset.time = String(m.sendTime);
      header.append(label);
      day.append(header);
      parent.append(day);
    }
    let run = day.lastElementChild as HTMLElement;
    const account = String(m.accountId);
    const gapAfter = this._gapsBefore.get(m.id);
    const after = gapAfter === undefined ? undefined : this._byId.get(gapAfter);
    if (after) {
      const t = this._ctx.time;
      const gap = el('div', 'cw-history-gap', format(this._ctx.strings.historyGap, t.dateTime(after.sendTime), t.dateTime(m.sendTime)));
      gap.setAttribute('role', 'note');
      day.append(gap);
    }
    if (m.id === this._unreadFromId) {
      day.append(el('div', 'cw-unread-divider', this._ctx.strings.unread));
      run = this._newRun(day, account);
    } else if (after) {
      run = this._newRun(day, account);
    } else if (!run.classList.contains('cw-run') || run.dataset.account !== account) {
      run = this._newRun(day, account);
    }
    const element = messageElement(m, this._ctx, run.firstElementChild === null);
    run.append(element);
    this._elements.set(m.id, element);
    for (const preview of element.querySelectorAll('[data-preview]')) this._previews.observe(preview);
    return day;
  }

  private _newRun(day: HTMLElement, account: string): HTMLElement {
    const run = el('div', 'cw-run');
    run.dataset.account = account;
    day.append(run);
    return run;
  }

  private _replace(old: HTMLElement, m: MessageData): void {
    const element = messageElement(m, this._ctx, old.previousElementSibling === null);
    old.replaceWith(element);
    this._elements.set(m.id, element);
    for (const preview of element.querySelectorAll('[data-preview]')) this._previews.observe(preview);
    if (m.id === this.newestId) this._scroll.watchNewest(element);
  }

  private _onClick(e: MouseEvent): void {
    const target = (e.target as Element).closest<HTMLElement>('[data-action]');
    if (!target) return;
    const messageEl = target.closest<HTMLElement>('.cw-msg');
    const message = messageEl ? this._byId.get(messageEl.dataset.id ?? '') : undefined;
    e.preventDefault();
    const action = target.dataset.action;
    switch (action) {
      case 'open-link':
        if (target.dataset.url) this._host.openLink(target.dataset.url);
        return;
      case 'open-code-ref': {
        const column = target.dataset.column === undefined ? undefined : Number(target.dataset.column);
        const ref = { path: target.dataset.path ?? '', startLine: Number(target.dataset.start), endLine: Number(target.dataset.end) };
        this._host.openCodeRef(column === undefined ? ref : { ...ref, column });
        return;
      }
      case 'copy-code':
        this._host.copy(target.parentElement?.querySelector('code')?.textContent ?? '');
        return;
      case 'download':
        this._host.download(Number(target.dataset.file));
        return;
      case 'reveal': {
        const roomId = Number(target.dataset.room);
        const messageId = target.dataset.message ?? '';
        if (roomId !== this._ctx.roomId) this._host.openRoom(roomId, messageId);
        else if (!this.reveal(messageId)) this._host.notice(this._ctx.strings.messageNotLoaded);
        return;
      }
      case 'edit':
        if (message && messageEl) this._openEditor(message, messageEl);
        return;
      case 'reply':
      case 'quote':
      case 'delete':
      case 'more':
        if (message) this._host.messageAction(action, message, target);
        return;
    }
  }

  private _openEditor(message: MessageData, messageEl: HTMLElement): void {
    if (this._editors.has(message.id)) return;
    const body = messageEl.querySelector<HTMLElement>('.cw-msg-body');
    if (!body) return;
    const close = (): void => {
      this._editors.delete(message.id);
      const current = this._elements.get(message.id);
      const latest = this._byId.get(message.id);
      if (current && latest) this._replace(current, latest);
    };
    this._editors.set(message.id, 'loading');
    void import('./later').then(({ InlineEditor }) => {
      // A remount meanwhile (new snapshot, names changed) dropped this message's element: no editor.
      if (this._editors.get(message.id) !== 'loading' || !messageEl.isConnected) return;
      const editor = new InlineEditor(message.body, this._ctx.strings, (text) => this._host.edit(message, text), close);
      this._editors.set(message.id, editor);
      body.hidden = true;
      body.after(editor.element);
      messageEl.classList.add('cw-editing');
      editor.focus();
    });
  }

  private _loadPreviews(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const box = entry.target as HTMLElement;
      this._previews.unobserve(box);
      const fileId = Number(box.dataset.preview);
      // The host caps previews per message, so it is told whose tag this is.
      const messageId = box.closest<HTMLElement>('[data-id]')?.dataset.id;
      void this._host.resolvePreview(fileId, messageId).then((url) => {
        if (url === undefined) {
          box.classList.add('cw-preview-unavailable');
          box.title = this._ctx.strings.previewUnavailable;
          return;
        }
        const img = el('img', 'cw-preview-img');
        img.alt = '';
        img.referrerPolicy = 'no-referrer';
        img.addEventListener('error', () => box.classList.add('cw-preview-unavailable'), { once: true });
        img.src = url;
        box.replaceChildren(img);
      });
    }
  }
}
