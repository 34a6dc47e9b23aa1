import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { setStatusText, setStatusTooltip } from '../common/prompts';
import type { Deps } from '../deps';

/**
 * The active Chatwork account's name in the status bar (beside the unread counts), so it is clear
 * whose Chatwork the views show; a click switches accounts. Hidden while signed out.
 */
export class AccountStatusBar extends Disposable {
  private readonly _item = this._register(vscode.window.createStatusBarItem('chatwork.account', vscode.StatusBarAlignment.Right, 101));

  constructor(private readonly _deps: Deps) {
    super();
    this._item.name = vscode.l10n.t('Chatwork Account');
    this._item.command = { command: 'chatwork.switchAccount', title: vscode.l10n.t('Switch Account…') };
    this._register(_deps.tokens.onDidChange(() => this.update()));
    this._register(_deps.tokens.onDidChangeAccount(() => this.update()));
    this.update();
  }

  /** The shown text, for tests (undefined while hidden). */
  get text(): string | undefined {
    return this._shown ? this._item.text : undefined;
  }

  private _shown = false;

  update(): void {
    const account = this._deps.tokens.activeAccount;
    this._shown = this._deps.tokens.state !== 'none' && account !== undefined;
    if (!this._shown || !account) {
      this._item.hide();
      return;
    }
    setStatusText(this._item, 'account', account.name);
    const organisation = account.organizationName ? ` (${account.organizationName})` : '';
    const tooltip = vscode.l10n.t('Chatwork account: {0}. Click to switch accounts.', `${account.name}${organisation}`);
    setStatusTooltip(this._item, tooltip);
    this._item.show();
  }
}
