import * as vscode from 'vscode';
import type { PanelState } from './protocol';
import { RoomPanel } from './roomPanel';
import type { Deps } from '../deps';
import { RoomPanels } from './roomPanels';

/**
 * Brings room panels back after a window reload. VS Code hands over the state the webview saved
 * with `setState` (room id, draft, scroll); the draft is also on the host, so nothing is lost.
 */
export class RoomPanelSerializer implements vscode.WebviewPanelSerializer<PanelState> {
  constructor(private readonly _panels: RoomPanels) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PanelState | undefined): Promise<void> {
    const roomId = state?.roomId;
    if (typeof roomId !== 'number' || !Number.isSafeInteger(roomId) || roomId <= 0) {
      panel.dispose();
      return;
    }
    this._panels.restore(panel, roomId);
  }
}

/** Creates the panel registry and the serializer; returns the registry for the commands. */
export function registerRoomPanels(context: vscode.ExtensionContext, deps: Deps): RoomPanels {
  const panels = new RoomPanels(deps, context);
  context.subscriptions.push(panels);
  context.subscriptions.push(vscode.window.registerWebviewPanelSerializer(RoomPanel.viewType, new RoomPanelSerializer(panels)));
  return panels;
}
