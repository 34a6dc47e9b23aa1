import * as vscode from 'vscode';
import { accountScopedKey, type AccountScope } from '../auth/accounts';

const KEY = 'chatwork.mutedRooms';

/** Rooms whose messages never raise a toast; kept in globalState per account by room id (nothing else). */
export class MutedRooms {
  private readonly _onDidChange = new vscode.EventEmitter<number>();
  readonly onDidChange = this._onDidChange.event;

  constructor(
    private readonly _state: vscode.Memento,
    private readonly _account: AccountScope,
  ) {}

  private get _key(): string {
    return accountScopedKey(this._account.activeAccountId, KEY);
  }

  has(roomId: number): boolean {
    return this._ids().includes(roomId);
  }

  async set(roomId: number, muted: boolean): Promise<void> {
    const ids = this._ids().filter((id) => id !== roomId);
    if (muted) ids.push(roomId);
    await this._state.update(this._key, ids);
    this._onDidChange.fire(roomId);
  }

  private _ids(): number[] {
    const value = this._state.get<unknown>(this._key);
    return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
  }

  dispose(): void {
    this._onDidChange.dispose();
  }
}
