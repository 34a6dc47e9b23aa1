import * as vscode from 'vscode';
import type { RoomSummary, UpdateRoomParams } from '../api/types';
import { MAX_ROOM_NAME_LENGTH } from '../api/validate';
import { showError } from '../common/showError';
import { fromSingleLine, LINE_BREAK_MARK, toSingleLine } from '../common/singleLine';
import type { Deps } from '../deps';
import { refreshAfterChange } from './afterChange';
import { iconItems, presetOf } from './iconPresets';
import { resolveRoom } from './targets';

export const isEditableGroup = (room: RoomSummary): boolean => room.type === 'group' && room.role === 'admin';

/**
 * Edit Room (group chats I administer): name, description and icon, prefilled from GET /rooms/{id};
 * only what changed is sent (PUT /rooms/{id}).
 */
export function registerEditRoom(context: vscode.ExtensionContext, deps: Deps): void {
  const title = vscode.l10n.t('Chatwork: Edit Room');
  const run = async (arg?: unknown): Promise<void> => {
    let roomId: number | undefined;
    try {
      const room = await resolveRoom(deps, arg, { title, filter: isEditableGroup, none: vscode.l10n.t('You administer no group chat.') });
      if (!room) return;
      roomId = room.room_id;
      if (!isEditableGroup(room)) {
        void deps.prompts.notify('warning', vscode.l10n.t('Only admins of a group chat can edit it.'));
        return;
      }
      const details = await deps.store.details(room.room_id);
      const changes = await askChanges(deps, title, details.name, details.description, presetOf(details.icon_path));
      if (!changes) return;
      if (Object.keys(changes).length === 0) {
        void deps.prompts.notify('info', vscode.l10n.t('Nothing was changed.'));
        return;
      }
      await deps.client.updateRoom(room.room_id, changes);
      deps.store.invalidate(room.room_id, 'details');
      await refreshAfterChange(deps);
      void deps.prompts.notify('info', vscode.l10n.t('Updated “{0}”.', changes.name ?? details.name));
    } catch (error) {
      await showError(deps, vscode.l10n.t('Editing the room'), error, () => run(roomId === undefined ? arg : { roomId }));
    }
  };
  context.subscriptions.push(vscode.commands.registerCommand('chatwork.editRoom', run));
}

async function askChanges(
  deps: Deps,
  title: string,
  name: string,
  description: string,
  icon: ReturnType<typeof presetOf>,
): Promise<UpdateRoomParams | undefined> {
  const newName = await deps.prompts.input({
    title,
    prompt: vscode.l10n.t('Name'),
    value: name,
    validate: (value) =>
      value.trim() === '' ? vscode.l10n.t('Enter a name.') : value.length > MAX_ROOM_NAME_LENGTH ? vscode.l10n.t('At most {0} characters.', MAX_ROOM_NAME_LENGTH) : undefined,
  });
  if (newName === undefined) return undefined;
  const newDescription = await deps.prompts.input({
    title,
    prompt: vscode.l10n.t('Description (line breaks show as {0})', LINE_BREAK_MARK),
    value: toSingleLine(description),
  });
  if (newDescription === undefined) return undefined;
  const keep = { label: vscode.l10n.t('Keep the current icon'), description: icon, preset: undefined };
  const newIcon = await deps.prompts.pick([keep, ...iconItems(icon)], { title, placeHolder: vscode.l10n.t('Icon'), matchOnDescription: true });
  if (!newIcon) return undefined;

  const changes: UpdateRoomParams = {};
  if (newName.trim() !== name) changes.name = newName.trim();
  const description2 = fromSingleLine(newDescription);
  if (description2 !== description) changes.description = description2;
  if (newIcon.preset !== undefined && newIcon.preset !== icon) changes.icon_preset = newIcon.preset;
  return changes;
}
