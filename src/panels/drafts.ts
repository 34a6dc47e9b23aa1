import type * as vscode from 'vscode';
import { accountScopedKey, type AccountScope } from '../auth/accounts';

const PREFIX = 'chatwork.draft.';

/**
 * Unsent composer text per room, kept by the host in globalState so it survives closing the panel
 * and reloading the window (the webview's own state dies with the panel). Keyed by account and room
 * id (another account never sees them); the token is never part of a key or a value.
 */
export class DraftStore {
  constructor(
    private readonly _memento: vscode.Memento,
    private readonly _account: AccountScope,
  ) {}

  private _key(roomId: number): string {
    return accountScopedKey(this._account.activeAccountId, PREFIX + roomId);
  }

  get(roomId: number): string {
    const value = this._memento.get<unknown>(this._key(roomId));
    return typeof value === 'string' ? value : '';
  }

  async set(roomId: number, text: string): Promise<void> {
    // An empty draft is removed rather than stored, so globalState does not collect dead keys.
    await this._memento.update(this._key(roomId), text === '' ? undefined : text);
  }
}
