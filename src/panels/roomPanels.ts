import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import { Settings } from '../common/settings';
import type { Deps } from '../deps';
import { PreviewResolver } from '../store/previewResolver';
import { DraftStore } from './drafts';
import { isAllowedPreviewUrl } from './roomActions';
import { externalWebUrl, parseRoomLink } from './roomLinks';
import { RoomPanel, type RoomPanelServices } from './roomPanel';

/** The open room panels, one per room; opening a room that is already open reveals its panel. */
export class RoomPanels extends Disposable {
  private readonly _panels = new Map<number, RoomPanel>();
  private readonly _services: RoomPanelServices;
  private _activeRoom: number | undefined;
  private readonly _onDidChangeActiveRoom = this._register(new vscode.EventEmitter<number | undefined>());
  /** The room of the active (focused) panel changed; undefined when no room panel is active. */
  readonly onDidChangeActiveRoom = this._onDidChangeActiveRoom.event;

  constructor(deps: Deps, context: vscode.ExtensionContext) {
    super();
    const previews = new PreviewResolver(deps.client, (url) => isAllowedPreviewUrl(url, Settings.apiBaseUrl()), undefined, undefined, (m) => deps.log.warn(m));
    // Another account's previews must not be served (nor its allowance spent) after a token change.
    this._register(deps.tokens.onDidChange(() => previews.clear()));
    this._services = {
      previews,
      deps,
      drafts: new DraftStore(context.globalState, deps.tokens),
      extensionUri: context.extensionUri,
      apiBaseUrl: () => Settings.apiBaseUrl(),
      openRoom: (roomId, messageId) => void this.show(roomId, messageId),
      openLink: (url) => this.openLink(url),
    };
    // A panel shows one account's room: it closes when another account becomes active.
    this._register(deps.tokens.onDidChangeAccount(() => this.closeAll()));
  }

  closeAll(): void {
    for (const panel of [...this._panels.values()]) panel.dispose();
    this._panels.clear();
  }

  /** The unsent composer texts (per account and room). */
  get drafts(): DraftStore {
    return this._services.drafts;
  }

  get(roomId: number): RoomPanel | undefined {
    return this._panels.get(roomId);
  }

  /** The room whose panel is the active editor, if any. */
  get activeRoom(): number | undefined {
    return this._activeRoom;
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

  /** Opens a URL outside VS Code (the integration tests record what would have been opened). */
  openExternal: (uri: vscode.Uri) => Thenable<boolean> = (uri) => vscode.env.openExternal(uri);

  /** http(s) only (externalWebUrl); Chatwork room links open the room here instead of in the browser. */
  async openLink(url: string): Promise<void> {
    const room = parseRoomLink(url);
    if (room) {
      this.show(room.roomId, room.messageId);
      return;
    }
    const web = externalWebUrl(url);
    if (web === undefined) {
      this._services.deps.log.warn(`Refused to open a link from a message that is not http(s): ${JSON.stringify(url.slice(0, 40))}.`);
      return;
    }
    await this.openExternal(vscode.Uri.parse(web, true));
  }

  private _adopt(panel: vscode.WebviewPanel, roomId: number, messageId?: string): RoomPanel {
    const roomPanel = new RoomPanel(panel, roomId, this._services, messageId);
    this._panels.set(roomId, roomPanel);
    roomPanel.onDidDispose(() => {
      if (this._panels.get(roomId) === roomPanel) this._panels.delete(roomId);
      this._updateActiveRoom();
    });
    // The subscription ends with the panel (its events are disposed with it).
    panel.onDidChangeViewState(() => this._updateActiveRoom());
    this._updateActiveRoom();
    return roomPanel;
  }

  private _updateActiveRoom(): void {
    const active = [...this._panels.values()].find((p) => p.panel.active && p.panel.visible)?.roomId;
    if (active === this._activeRoom) return;
    this._activeRoom = active;
    this._onDidChangeActiveRoom.fire(active);
  }

  override dispose(): void {
    this.closeAll();
    super.dispose();
  }
}
