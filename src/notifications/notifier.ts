import * as vscode from 'vscode';
import { parse, toOneLine } from '../notation';
import { Disposable } from '../common/disposable';
import { notationLanguage } from '../common/l10n';
import { readableNames, unknownAccounts } from '../common/readableNames';
import { showError } from '../common/showError';
import type { Deps } from '../deps';
import type { Message, RoomSummary } from '../api/types';
import { Announcement, NotificationMode, notifyReason, NotifyReason, summarize } from './classify';
import type { MutedRooms } from './mutedRooms';

const PREVIEW_LENGTH = 120;

/**
 * Toasts for new messages that concern the user. It makes no requests of its own: it reads what the
 * poller fetched (store.onDidChangeMessages) and, once per poll cycle, shows at most one toast.
 */
export class Notifier extends Disposable {
  private _pending: Announcement[] = [];
  /** Classification runs in order; flush waits for it so a cycle's messages land in one toast. */
  private _collecting: Promise<void> = Promise.resolve();
  private readonly _announced = new Set<string>();
  /** The last toast shown (integration tests assert on it). */
  lastToast: { message: string; actions: string[] } | undefined;

  constructor(
    private readonly _deps: Deps,
    private readonly _muted: MutedRooms,
    private readonly _isRoomInView: (roomId: number) => boolean,
  ) {
    super();
    this._register(
      _deps.store.onDidChangeMessages((e) => {
        this._collecting = this._collecting.then(() => this._collect(e.roomId, e.added));
      }),
    );
    this._register(_deps.poller.onDidSucceed(() => void this.flush()));
    // What was collected for the previous account is never shown under the next one.
    this._register(_deps.tokens.onDidChangeAccount(() => (this._pending = [])));
  }

  /** For the poller: fetch a room's new messages only when a toast may come of them. */
  wantsMessages(current: RoomSummary, previous: RoomSummary | undefined): boolean {
    const mode = notificationMode();
    if (mode === 'off' || !previous || this._muted.has(current.room_id)) return false;
    if (mode === 'all' || current.type === 'direct' || keywords().length > 0) return current.unread_num > previous.unread_num;
    return current.mention_num > previous.mention_num;
  }

  private async _collect(roomId: number, added: readonly Message[]): Promise<void> {
    if (added.length === 0) return;
    const room = this._deps.store.room(roomId);
    if (!room) return;
    let me: number;
    try {
      me = (await this._deps.store.me()).account_id;
    } catch {
      return;
    }
    const context = {
      myAccountId: me,
      roomType: room.type,
      mode: notificationMode(),
      keywords: keywords(),
      muted: this._muted.has(roomId),
      roomInView: this._isRoomInView(roomId),
    };
    for (const message of added) {
      const key = `${roomId}:${message.message_id}`;
      if (this._announced.has(key)) continue;
      const reason = notifyReason(message, context);
      if (reason) {
        this._announced.add(key);
        this._pending.push({ roomId, message, reason });
      }
    }
  }

  /** Shows one toast for everything collected since the last flush. */
  async flush(): Promise<void> {
    await this._collecting;
    const summary = summarize(this._pending);
    this._pending = [];
    if (!summary) return;
    const { lead, others } = summary;
    const roomName = this._deps.store.room(lead.roomId)?.name ?? vscode.l10n.t('a room');
    const text = await this._readableText(lead.roomId, lead.message.body);
    const headline = describe(lead.reason, lead.message.account.name, roomName);
    const more = others > 0 ? ' ' + vscode.l10n.t('(+{0} more)', others) : '';
    // With several accounts signed in, the toast says whose Chatwork it is about.
    const account = this._deps.tokens.accounts().length > 1 ? this._deps.tokens.activeAccount?.name : undefined;
    const message = account ? vscode.l10n.t('[{0}] {1}', account, `${headline}: ${text}${more}`) : `${headline}: ${text}${more}`;
    const open = vscode.l10n.t('Open');
    const markRead = vscode.l10n.t('Mark Read');
    this.lastToast = { message, actions: [open, markRead] };
    const choice = await this._deps.prompts.notify('info', message, open, markRead);
    if (choice === open) {
      await vscode.commands.executeCommand('chatwork.openRoom', { roomId: lead.roomId, messageId: lead.message.message_id });
    } else if (choice === markRead) {
      try {
        await this._deps.client.markRead(lead.roomId);
        await this._deps.poller.pollNow();
      } catch (error) {
        await showError(this._deps, vscode.l10n.t('Marking the room read'), error);
      }
    }
  }

  /** The body as one line with names for account ids (the room's members are read if one is unknown). */
  private async _readableText(roomId: number, body: string): Promise<string> {
    const { store } = this._deps;
    const nodes = parse(body);
    const render = (accountName: (id: number) => string | undefined) => toOneLine(nodes, PREVIEW_LENGTH, { accountName, language: notationLanguage() });
    if (unknownAccounts(store.names, render).length > 0) await store.members(roomId).catch(() => undefined);
    return render(readableNames(store.names));
  }
}

function describe(reason: NotifyReason, sender: string, room: string): string {
  switch (reason) {
    case 'mention':
      return vscode.l10n.t('{0} mentioned you in {1}', sender, room);
    case 'toall':
      return vscode.l10n.t('{0} wrote to everyone in {1}', sender, room);
    case 'keyword':
      return vscode.l10n.t('{0} mentioned a keyword in {1}', sender, room);
    case 'direct':
    case 'message':
      return vscode.l10n.t('{0} in {1}', sender, room);
  }
}

function notificationMode(): NotificationMode {
  const value = vscode.workspace.getConfiguration('chatwork').get<string>('notifications');
  return value === 'all' || value === 'off' ? value : 'mentionsAndDirect';
}

function keywords(): string[] {
  const value = vscode.workspace.getConfiguration('chatwork').get<unknown>('notificationKeywords');
  return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string' && k.trim() !== '') : [];
}
