import { ChatworkApiError } from '../api/errors';
import type { Message } from '../api/types';
import type { Deps } from '../deps';
import { compareMessageIds } from '../store/messageLog';

/**
 * Decides when an open room is marked read (PUT messages/read). The webview reports `viewed` only
 * when the newest message is on screen and the webview has focus; the panel checks that it is the
 * active editor. Here: only when something is unread, never twice for the same message, and not
 * right after the user chose "Mark unread from here" (until new messages arrive).
 */
export class ReadTracker {
  private _readUpTo: string | undefined;
  private _unread: boolean;
  private _suppressed = false;
  private _busy = false;

  constructor(
    private readonly _deps: Pick<Deps, 'client' | 'poller' | 'log'>,
    private readonly _roomId: number,
    unreadCount: number,
  ) {
    this._unread = unreadCount > 0;
  }

  get hasUnread(): boolean {
    return this._unread && !this._suppressed;
  }

  /** New messages arrived: those of others make the room unread again. */
  noteAdded(messages: readonly Message[], myAccountId: number | undefined): void {
    if (messages.some((m) => m.account.account_id !== myAccountId)) {
      this._unread = true;
      this._suppressed = false;
    }
  }

  /** The user marked messages unread on purpose: do not undo that while they keep looking. */
  noteMarkedUnread(): void {
    this._unread = true;
    this._suppressed = true;
    this._readUpTo = undefined;
  }

  /** The newest message (messageId) was seen in a focused, active panel. */
  async viewed(messageId: string): Promise<boolean> {
    if (!this.hasUnread || this._busy) return false;
    if (this._readUpTo !== undefined && compareMessageIds(messageId, this._readUpTo) <= 0) return false;
    this._busy = true;
    try {
      await this._deps.client.markRead(this._roomId, messageId);
    } catch (error) {
      // Chatwork answers 400 when the room was already read (e.g. in the browser): that is success.
      const alreadyRead = error instanceof ChatworkApiError && error.kind === 'validation' && error.status === 400;
      if (!alreadyRead) {
        this._deps.log.warn(`Marking room ${this._roomId} read failed: ${error instanceof Error ? error.message : String(error)}`);
        return false;
      }
    } finally {
      this._busy = false;
    }
    this._readUpTo = messageId;
    this._unread = false;
    // The rooms list and the status bar show unread counts: refresh them now rather than next cycle.
    void this._deps.poller.pollNow();
    return true;
  }
}
