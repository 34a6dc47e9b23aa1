import * as vscode from 'vscode';
import { describeError } from '../common/showError';
import { Disposable } from '../common/disposable';
import { Settings } from '../common/settings';
import type { Deps } from '../deps';
import { badgeFor } from './badge';
import { RoomDecorations } from './roomDecorations';
import type { TreeNode } from './nodes/treeNode';
import { RoomsTreeProvider } from './roomsTreeProvider';
import { AccountStatusBar } from './accountStatusBar';
import { UnreadStatusBar } from './statusBar';

export const ROOMS_VIEW_ID = 'chatwork.rooms';

/**
 * The sidebar: the tree view (a TreeView, so it can carry a badge and a message), its status bar
 * item, and the rule that the poller runs while a valid token is set and either background polling
 * is on (the default: toasts, status bar and badge stay current while the user codes) or something
 * shows Chatwork data — this view, or a panel holding `deps.activity`.
 */
export class RoomsView extends Disposable {
  readonly provider: RoomsTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  readonly statusBar: UnreadStatusBar;
  /** Unread badge and colour of the room items. */
  readonly decorations: RoomDecorations;
  /** The active account's name (click: Switch Account…). */
  readonly accountStatusBar: AccountStatusBar;

  constructor(private readonly _deps: Deps) {
    super();
    this.provider = this._register(new RoomsTreeProvider(_deps));
    this.view = this._register(vscode.window.createTreeView(ROOMS_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true }));
    this.statusBar = this._register(new UnreadStatusBar(_deps));
    this.decorations = this._register(new RoomDecorations(_deps.store));
    this.accountStatusBar = this._register(new AccountStatusBar(_deps));

    const { store, tokens, poller, activity } = _deps;
    const updateActivity = (): void =>
      poller.setActive(tokens.state === 'set' && (Settings.backgroundPolling() || this.view.visible || activity.active));
    this._register(this.view.onDidChangeVisibility(updateActivity));
    this._register(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('chatwork.backgroundPolling') && updateActivity()));
    this._register(activity.onDidChange(updateActivity));
    this._register(tokens.onDidChange(updateActivity));
    updateActivity();

    const updateBadge = (): void => this._updateBadge();
    this._register(store.onDidChangeStatus(updateBadge));
    this._register(store.onDidChangeRooms(updateBadge));
    this._register(tokens.onDidChange(updateBadge));
    this._register(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('chatwork.badge') && updateBadge()));
    updateBadge();

    // With rooms on screen, a failed refresh keeps them and says so above the tree (no toast: the
    // poller retries by itself). Without rooms, the tree shows an error node instead.
    this._register(
      poller.onDidFail((error) => {
        if (store.rooms !== undefined && tokens.state === 'set') this.view.message = vscode.l10n.t('Could not refresh: {0}', describeError(error));
      }),
    );
    this._register(poller.onDidSucceed(() => (this.view.message = undefined)));
    this._register(tokens.onDidChange(() => (this.view.message = undefined)));
  }

  /** Selects the room in the tree (the active panel's room) when the view is shown; never opens it. */
  async revealRoom(roomId: number): Promise<void> {
    const node = this.provider.roomNode(roomId);
    if (!node || !this.view.visible) return;
    try {
      await this.view.reveal(node, { select: true, focus: false });
    } catch {
      // The tree is being rebuilt (a refresh); the next activation of the panel selects it.
    }
  }

  private _updateBadge(): void {
    const { store, tokens } = this._deps;
    this.view.badge = tokens.state === 'set' ? badgeFor(Settings.badge(), store.status, store.rooms) : undefined;
  }
}
