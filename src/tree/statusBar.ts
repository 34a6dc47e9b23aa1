import * as vscode from 'vscode';
import type { MyStatus, RateLimit } from '../api/types';
import { Disposable } from '../common/disposable';
import { setStatusTooltip } from '../common/prompts';
import { Settings } from '../common/settings';
import type { Deps } from '../deps';
import type { PollerMode } from '../store/poller';

/**
 * Unread and mention totals from GET /my/status (refreshed by the poller only when the rooms list
 * changed). Hidden until the status is known and while no valid token is set; a click shows the rooms.
 * The tooltip also says how polling goes (live / idle / backing off / signed out) and how much of
 * the rate-limit budget is left (from the x-ratelimit-* headers of the last response).
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
    this._register(_deps.poller.onDidChangeMode(() => this.update()));
    this._register(new vscode.Disposable(_deps.client.onDidUpdateRateLimit(() => this.update())));
    this.update();
  }

  /** The tooltip (tests read it). */
  get tooltip(): string | undefined {
    return typeof this._item.tooltip === 'string' ? this._item.tooltip : undefined;
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
    const tooltip = [statusTooltip(status), pollingLine(this._deps.poller.mode), budgetLine(this._deps.client.rateLimit)]
      .filter((line) => line !== undefined)
      .join('\n');
    setStatusTooltip(this._item, tooltip);
    this._item.accessibilityInformation = { label: statusTooltip(status) };
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

function pollingLine(mode: PollerMode): string {
  switch (mode) {
    case 'live':
      return vscode.l10n.t('Updates: live (this conversation every few seconds)');
    case 'idle':
      return vscode.l10n.t('Updates: idle (every {0} s)', Settings.pollIntervalSeconds());
    case 'backingOff':
      return vscode.l10n.t('Updates: backing off after an error');
    case 'signedOut':
      return vscode.l10n.t('Updates: signed out');
    case 'stopped':
      return vscode.l10n.t('Updates: paused (background polling is off)');
  }
}

/** "Requests left: 250 of 300 until 14:05", or nothing before the first response with headers. */
function budgetLine(rateLimit: RateLimit | undefined): string | undefined {
  if (!rateLimit) return undefined;
  const reset = new Date(rateLimit.reset * 1000).toLocaleTimeString(vscode.env.language, { hour: '2-digit', minute: '2-digit' });
  return vscode.l10n.t('Requests left: {0} of {1} until {2}', rateLimit.remaining, rateLimit.limit, reset);
}
