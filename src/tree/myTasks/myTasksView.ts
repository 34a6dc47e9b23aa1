import * as vscode from 'vscode';
import { withProgress } from '../../common/prompts';
import type { TaskStatus } from '../../api/types';
import { setContext } from '../../common/contextKeys';
import { Disposable } from '../../common/disposable';
import type { Deps } from '../../deps';
import type { TreeNode } from '../nodes/treeNode';
import { MyTasksProvider } from './myTasksProvider';

export const MY_TASKS_VIEW_ID = 'chatwork.myTasks';
/** true while the view lists done tasks (switches the title's toggle). */
export const SHOWING_DONE_KEY = 'chatwork.myTasks.showingDone';

/**
 * The My Tasks view below Rooms. It costs no polling of its own: while it is visible it holds
 * `deps.activity` (so the shared poller runs), and it loads again only when a successful poll
 * shows that `mytask_num` of GET /my/status changed, or when asked (title button, own changes).
 * A change seen while hidden is loaded when the view shows again.
 */
export class MyTasksView extends Disposable {
  readonly provider: MyTasksProvider;
  readonly view: vscode.TreeView<TreeNode>;
  private _hold: vscode.Disposable | undefined;
  private _stale = false;
  /** mytask_num when the list was last loaded or known to match. */
  private _seenCount: number | undefined;

  constructor(private readonly _deps: Deps) {
    super();
    this.provider = this._register(new MyTasksProvider(_deps));
    this.view = this._register(vscode.window.createTreeView(MY_TASKS_VIEW_ID, { treeDataProvider: this.provider }));
    void setContext(SHOWING_DONE_KEY, false);
    const { poller, store, tokens } = _deps;

    this._register(this.view.onDidChangeVisibility(() => this._visibilityChanged()));
    this._visibilityChanged();
    this._register(
      this.provider.onDidLoad((summary) => {
        this._seenCount = store.status?.mytask_num ?? this._seenCount;
        this.view.description = describe(summary.status, summary.count, summary.overdue);
      }),
    );
    this._register(
      poller.onDidSucceed(() => {
        const count = store.status?.mytask_num;
        if (count === undefined || count === this._seenCount) return;
        // The first count only sets the baseline: the list (if any) was just loaded.
        const first = this._seenCount === undefined;
        this._seenCount = count;
        if (!first) this._refreshWhenShown();
      }),
    );
    this._register(
      tokens.onDidChange(() => {
        this._seenCount = undefined;
        this.view.description = undefined;
        this.provider.refresh();
      }),
    );
    this._register({ dispose: () => this._hold?.dispose() });
  }

  get status(): TaskStatus {
    return this.provider.status;
  }

  setStatus(status: TaskStatus): void {
    void setContext(SHOWING_DONE_KEY, status === 'done');
    this.view.description = undefined;
    this.provider.setStatus(status);
  }

  /** Loads the list again now (title button), with the view's progress bar. */
  refresh(): Thenable<void> {
    this.provider.refresh();
    return withProgress({ location: { viewId: MY_TASKS_VIEW_ID } }, async () => {
      await this.provider.tasks().catch(() => undefined);
    });
  }

  /**
   * After Mark Done / Reopen here: mytask_num moves by one on the next poll, which must not load
   * the list a second time.
   */
  noteOwnChange(delta: 1 | -1): void {
    if (this._seenCount !== undefined) this._seenCount = Math.max(0, this._seenCount + delta);
    this.provider.refresh();
  }

  private _refreshWhenShown(): void {
    if (this.view.visible) this.provider.refresh();
    else if (this.provider.isLoaded) this._stale = true;
  }

  private _visibilityChanged(): void {
    if (this.view.visible) {
      this._hold ??= this._deps.activity.hold();
      if (this._stale) {
        this._stale = false;
        this.provider.refresh();
      }
    } else {
      this._hold?.dispose();
      this._hold = undefined;
    }
  }
}

function describe(status: TaskStatus, count: number, overdue: number): string {
  if (status === 'done') return vscode.l10n.t('{0} done', count);
  return overdue > 0 ? vscode.l10n.t('{0} open · {1} overdue', count, overdue) : vscode.l10n.t('{0} open', count);
}
