import * as vscode from 'vscode';
import type { RoomSummary } from '../api/types';
import { Disposable } from '../common/disposable';
import type { RoomStore } from '../store/roomStore';

/** The URI a room's tree item carries so decorations (badge, colour) can find it. */
export function roomUri(roomId: number): vscode.Uri {
  return vscode.Uri.from({ scheme: 'chatwork-room', path: `/${roomId}` });
}

/**
 * Unread at a glance, the way SCM and Problems mark files: rooms with mentions get an "@" badge and
 * the mention colour, rooms with unread messages their count and the unread colour; read rooms are
 * left alone. Decorations follow the rooms list (GET /rooms) and cost no request.
 */
export class RoomDecorations extends Disposable implements vscode.FileDecorationProvider {
  private readonly _onDidChange = this._register(new vscode.EventEmitter<vscode.Uri[] | undefined>());
  readonly onDidChangeFileDecorations = this._onDidChange.event;

  constructor(private readonly _store: RoomStore) {
    super();
    this._register(vscode.window.registerFileDecorationProvider(this));
    this._register(
      _store.onDidChangeRooms((e) => this._onDidChange.fire(e.structural ? undefined : e.changed.map(roomUri))),
    );
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== 'chatwork-room') return undefined;
    const room = this._store.room(Number(uri.path.slice(1)));
    return room ? roomDecoration(room) : undefined;
  }
}

export function roomDecoration(room: RoomSummary): vscode.FileDecoration | undefined {
  if (room.mention_num > 0) {
    const badge = room.mention_num <= 9 ? `@${room.mention_num}` : '@';
    const tooltip = vscode.l10n.t('{0} mentions, {1} unread', room.mention_num, room.unread_num);
    return new vscode.FileDecoration(badge, tooltip, new vscode.ThemeColor('chatwork.mentionForeground'));
  }
  if (room.unread_num > 0) {
    const badge = room.unread_num <= 99 ? String(room.unread_num) : '99';
    return new vscode.FileDecoration(badge, vscode.l10n.t('{0} unread', room.unread_num), new vscode.ThemeColor('chatwork.unreadForeground'));
  }
  return undefined;
}
