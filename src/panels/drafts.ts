import type * as vscode from 'vscode';

const PREFIX = 'chatwork.draft.';

/**
 * Unsent composer text per room, kept by the host in globalState so it survives closing the panel
 * and reloading the window (the webview's own state dies with the panel). Keyed by room id only:
 * the token is never part of a key or a value.
 */
export class DraftStore {
  constructor(private readonly _memento: vscode.Memento) {}

  get(roomId: number): string {
    const value = this._memento.get<unknown>(PREFIX + roomId);
    return typeof value === 'string' ? value : '';
  }

  async set(roomId: number, text: string): Promise<void> {
    // An empty draft is removed rather than stored, so globalState does not collect dead keys.
    await this._memento.update(PREFIX + roomId, text === '' ? undefined : text);
  }
}
