import * as vscode from 'vscode';
import { ChatworkApiError } from '../api/errors';
import { showError } from '../common/showError';
import type { Deps } from '../deps';
import { refreshAfterChange } from './afterChange';
import { messageIdOf, pickMessage, resolveRoom } from './targets';

/**
 * Mark Room Read (PUT …/messages/read) and Mark Unread From This Message (PUT …/messages/unread).
 * Args: a node or `{ roomId, messageId }`. An already-read room is a normal state, not an error:
 * it is said as information (Chatwork itself answers 400 there).
 */
export function registerReadState(context: vscode.ExtensionContext, deps: Deps): void {
  const markRead = async (arg?: unknown): Promise<void> => {
    try {
      const room = await resolveRoom(deps, arg, {
        title: vscode.l10n.t('Chatwork: Mark Room Read'),
        filter: (r) => r.unread_num > 0,
        none: vscode.l10n.t('Every room is read.'),
      });
      if (!room) return;
      // Asked even when the cached count says 0: the cache may be a poll behind.
      try {
        await deps.client.markRead(room.room_id);
      } catch (error) {
        if (!(error instanceof ChatworkApiError && error.status === 400)) throw error;
        deps.log.info(`Room ${room.room_id} was already read: ${error.message}`);
        void deps.prompts.notify('info', vscode.l10n.t('“{0}” has no unread messages.', room.name));
        return;
      }
      await refreshAfterChange(deps);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Marked “{0}” as read.', room.name), 4000);
    } catch (error) {
      await showError(deps, vscode.l10n.t('Marking the room read'), error, () => markRead(arg));
    }
  };

  const markUnread = async (arg?: unknown): Promise<void> => {
    const title = vscode.l10n.t('Chatwork: Mark Unread From This Message');
    try {
      const room = await resolveRoom(deps, arg, { title });
      if (!room) return;
      const messageId = messageIdOf(arg) ?? (await pickMessage(deps, room.room_id, title))?.message_id;
      if (!messageId) return;
      await deps.client.markUnread(room.room_id, messageId);
      await refreshAfterChange(deps);
      vscode.window.setStatusBarMessage(vscode.l10n.t('“{0}” is unread from that message on.', room.name), 4000);
    } catch (error) {
      await showError(deps, vscode.l10n.t('Marking the message unread'), error, () => markUnread(arg));
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.markRoomRead', markRead),
    vscode.commands.registerCommand('chatwork.markUnreadFromMessage', markUnread),
  );
}
