import * as vscode from 'vscode';
import type { DeleteRoomAction, RoomSummary } from '../api/types';
import { showError } from '../common/showError';
import type { Deps } from '../deps';
import { refreshAfterChange } from './afterChange';
import { resolveRoom } from './targets';

/**
 * Leave Room (any group chat) and Delete Room (group chats I administer). Both are irreversible,
 * so each asks a modal confirmation that names what is lost, then DELETE /rooms/{id} with the
 * action_type, and one poll removes the room from the tree.
 */
export function registerLeaveAndDeleteRoom(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.leaveRoom', (arg?: unknown) => run(deps, 'leave', arg)),
    vscode.commands.registerCommand('chatwork.deleteRoom', (arg?: unknown) => run(deps, 'delete', arg)),
  );
}

const isGroup = (room: RoomSummary): boolean => room.type === 'group';
const isAdminGroup = (room: RoomSummary): boolean => room.type === 'group' && room.role === 'admin';

async function run(deps: Deps, action: DeleteRoomAction, arg: unknown): Promise<void> {
  const leaving = action === 'leave';
  const title = leaving ? vscode.l10n.t('Chatwork: Leave Room') : vscode.l10n.t('Chatwork: Delete Room');
  try {
    const room = await resolveRoom(deps, arg, {
      title,
      filter: leaving ? isGroup : isAdminGroup,
      none: leaving ? vscode.l10n.t('You are in no group chat.') : vscode.l10n.t('You administer no group chat.'),
    });
    if (!room) return;
    if (!isGroup(room)) {
      void deps.prompts.notify('warning', vscode.l10n.t('Only group chats can be left or deleted; “{0}” is not one.', room.name));
      return;
    }
    if (!leaving && room.role !== 'admin') {
      void deps.prompts.notify('warning', vscode.l10n.t('Only admins can delete “{0}”. You can leave it instead.', room.name));
      return;
    }
    const confirm = leaving ? vscode.l10n.t('Leave') : vscode.l10n.t('Delete');
    const answer = await deps.prompts.confirm(
      leaving ? vscode.l10n.t('Leave “{0}”?', room.name) : vscode.l10n.t('Delete “{0}” for everyone?', room.name),
      leaving
        ? vscode.l10n.t('You will lose all your tasks and files in the room. To come back, an admin must add you again.')
        : vscode.l10n.t('All messages, tasks and files of all members will be deleted. This cannot be undone.'),
      confirm,
    );
    if (answer !== confirm) return;
    await deps.client.deleteRoom(room.room_id, action);
    deps.log.info(`${leaving ? 'Left' : 'Deleted'} room ${room.room_id}.`);
    await refreshAfterChange(deps);
    void deps.prompts.notify('info', leaving ? vscode.l10n.t('You left “{0}”.', room.name) : vscode.l10n.t('Deleted “{0}”.', room.name));
  } catch (error) {
    await showError(deps, leaving ? vscode.l10n.t('Leaving the room') : vscode.l10n.t('Deleting the room'), error, () => run(deps, action, arg));
  }
}
