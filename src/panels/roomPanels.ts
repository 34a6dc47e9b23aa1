import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { Settings } from '../common/settings';
import type { Deps } from '../deps';
import { DraftStore } from './drafts';
import { parseRoomLink } from './roomLinks';
import { RoomPanel, type RoomPanelServices } from './roomPanel';

/** The open room panels, one per room; opening a room that is already open reveals its panel. */
export class RoomPanels extends Disposable {
  private readonly _panels = new Map<number, RoomPanel>();
  private readonly _services: RoomPanelServices;

  constructor(deps: Deps, context: vscode.ExtensionContext) {
    super();
    this._services = {
      deps,
      drafts: new DraftStore(context.globalState),
      extensionUri: context.extensionUri,
      apiBaseUrl: () => Settings.apiBaseUrl(),
      openRoom: (roomId, messageId) => void this.show(roomId, messageId),
      openLink: (url) => this.openLink(url),
    };
  }

  get(roomId: number): RoomPanel | undefined {
    return this._panels.get(roomId);
  }

  get openRooms(): number[] {
    return [...this._panels.keys()];
  }

  /** Opens the room's panel, or reveals it (and scrolls to messageId when given). */
  show(roomId: number, messageId?: string): RoomPanel {
    const existing = this._panels.get(roomId);
    if (existing) {
      existing.reveal(messageId);
      return existing;
    }
    const title = this._services.deps.store.room(roomId)?.name ?? vscode.l10n.t('Chatwork room');
    const panel = vscode.window.createWebviewPanel(RoomPanel.viewType, title, vscode.ViewColumn.Active, { enableFindWidget: false });
    return this._adopt(panel, roomId, messageId);
  }

  /** A panel VS Code restored after a reload (see RoomPanelSerializer). */
  restore(panel: vscode.WebviewPanel, roomId: number): RoomPanel {
    const existing = this._panels.get(roomId);
    if (existing) {
      // The room is already open in another panel: keep one per room.
      panel.dispose();
      existing.reveal();
      return existing;
    }
    return this._adopt(panel, roomId);
  }

  /** http(s) only; Chatwork room links open the room here instead of in the browser. */
  async openLink(url: string): Promise<void> {
    const room = parseRoomLink(url);
    if (room) {
      this.show(room.roomId, room.messageId);
      return;
    }
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(url, true);
    } catch {
      return;
    }
    if (uri.scheme !== 'http' && uri.scheme !== 'https') {
      this._services.deps.log.warn(`Refused to open a ${uri.scheme}: link from a message.`);
      return;
    }
    await vscode.env.openExternal(uri);
  }

  private _adopt(panel: vscode.WebviewPanel, roomId: number, messageId?: string): RoomPanel {
    const roomPanel = new RoomPanel(panel, roomId, this._services, messageId);
    this._panels.set(roomId, roomPanel);
    roomPanel.onDidDispose(() => {
      if (this._panels.get(roomId) === roomPanel) this._panels.delete(roomId);
    });
    return roomPanel;
  }

  override dispose(): void {
    for (const panel of [...this._panels.values()]) panel.dispose();
    this._panels.clear();
    super.dispose();
  }
}
