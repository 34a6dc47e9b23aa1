import * as vscode from 'vscode';
import { Disposable } from './disposable';

/**
 * Whether anything that shows live Chatwork data is open besides the sidebar: room panels (and any
 * later view) call `hold()` while they are open and dispose the result when they close. The rooms
 * view combines this with its own visibility to start and stop the poller, so no request is made
 * while nothing is on screen.
 */
export class ActivityTracker extends Disposable {
  private _holders = 0;
  private readonly _onDidChange = this._register(new vscode.EventEmitter<boolean>());
  /** Fires with the new value when `active` flips. */
  readonly onDidChange = this._onDidChange.event;

  get active(): boolean {
    return this._holders > 0;
  }

  /** Marks one more thing as open; dispose the result (once) when it closes. */
  hold(): vscode.Disposable {
    this._holders++;
    if (this._holders === 1) this._onDidChange.fire(true);
    let released = false;
    return new vscode.Disposable(() => {
      // Disposing twice must not release someone else's hold.
      if (released || this.isDisposed) return;
      released = true;
      this._holders--;
      if (this._holders === 0) this._onDidChange.fire(false);
    });
  }
}
