import * as vscode from 'vscode';
import { showError } from '../common/showError';
import type { Deps } from '../deps';
import { roomLinkUrl } from '../panels/roomLinks';
import { messageIdOf, pickMessage, resolveRoom } from './targets';

/**
 * Open in Browser (room or message) and Copy Room Link: Chatwork's own web addresses,
 * `https://www.chatwork.com/#!rid{room}` and `#!rid{room}-{message}`. Ids come from the checked
 * command argument (or a pick), never from text, so the address cannot point anywhere else.
 */
export function registerOpenInChatwork(context: vscode.ExtensionContext, deps: Deps): void {
  const openRoomTitle = vscode.l10n.t('Chatwork: Open Room in Browser');
  const copyRoomTitle = vscode.l10n.t('Chatwork: Copy Room Link');
  const openMessageTitle = vscode.l10n.t('Chatwork: Open Message in Browser');

  const openRoom = async (arg?: unknown): Promise<void> => {
    try {
      const room = await resolveRoom(deps, arg, { title: openRoomTitle });
      if (room) await deps.prompts.openExternal(vscode.Uri.parse(roomLinkUrl(room.room_id)));
    } catch (error) {
      await showError(deps, vscode.l10n.t('Opening the room in the browser'), error, () => openRoom(arg));
    }
  };

  const copyRoom = async (arg?: unknown): Promise<void> => {
    try {
      const room = await resolveRoom(deps, arg, { title: copyRoomTitle });
      if (!room) return;
      await vscode.env.clipboard.writeText(roomLinkUrl(room.room_id));
      vscode.window.setStatusBarMessage(vscode.l10n.t('Room link copied.'), 3000);
    } catch (error) {
      await showError(deps, vscode.l10n.t('Copying the room link'), error, () => copyRoom(arg));
    }
  };

  const openMessage = async (arg?: unknown): Promise<void> => {
    try {
      const room = await resolveRoom(deps, arg, { title: openMessageTitle });
      if (!room) return;
      const messageId = messageIdOf(arg) ?? (await pickMessage(deps, room.room_id, openMessageTitle))?.message_id;
      if (messageId === undefined) return;
      await deps.prompts.openExternal(vscode.Uri.parse(roomLinkUrl(room.room_id, messageId)));
    } catch (error) {
      await showError(deps, vscode.l10n.t('Opening the message in the browser'), error, () => openMessage(arg));
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.openRoomInBrowser', openRoom),
    vscode.commands.registerCommand('chatwork.copyRoomLink', copyRoom),
    vscode.commands.registerCommand('chatwork.openMessageInBrowser', openMessage),
  );
}
