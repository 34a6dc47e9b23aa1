import * as vscode from 'vscode';
import type { MyStatus } from '../api/types';
import { Disposable } from '../common/disposable';
import { setStatusTooltip } from '../common/prompts';
import type { Deps } from '../deps';

/**
 * Unread and mention totals from GET /my/status (refreshed by the poller only when the rooms list
 * changed). Hidden until the status is known and while no valid token is set; a click shows the rooms.
 */
export class UnreadStatusBar extends Disposable {
  private readonly _item = this._register(vscode.window.createStatusBarItem('chatwork.status', vscode.StatusBarAlignment.Right, 100));

  constructor(private readonly _deps: Deps) {
    super();
    this._item.name = vscode.l10n.t('Chatwork Unread');
    this._item.command = { command: 'chatwork.rooms.focus', title: vscode.l10n.t('Show Chatwork Rooms') };
    this._register(_deps.store.onDidChangeStatus(() => this.update()));
    // A cleared store (token changed) fires a rooms change; the status is gone with it.
    this._register(_deps.store.onDidChangeRooms(() => this.update()));
    this._register(_deps.tokens.onDidChange(() => this.update()));
    this.update();
  }

  /** The shown text, for tests. */
  get text(): string | undefined {
    return this._deps.tokens.state === 'set' && this._deps.store.status ? this._item.text : undefined;
  }

  update(): void {
    const status = this._deps.store.status;
    if (this._deps.tokens.state !== 'set' || !status) {
      this._item.hide();
      return;
    }
    this._item.text = statusText(status);
    setStatusTooltip(this._item, statusTooltip(status));
    this._item.show();
  }
}

export function statusText(status: MyStatus): string {
  const mentions = status.mention_num > 0 ? ` $(mention) ${status.mention_num}` : '';
  return `$(comment-discussion) ${status.unread_num}${mentions}`;
}

function statusTooltip(status: MyStatus): string {
  return vscode.l10n.t(
    'Chatwork: {0} unread in {1} rooms, {2} mentioning you, {3} open tasks for you. Click to show the rooms.',
    status.unread_num,
    status.unread_room_num,
    status.mention_num,
    status.mytask_num,
  );
}
