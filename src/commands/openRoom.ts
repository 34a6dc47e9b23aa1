import * as vscode from 'vscode';
import type { RoomSummary } from '../api/types';
import { showError } from '../common/showError';
import type { Deps } from '../deps';
import { parseRoomLink } from '../panels/roomLinks';
import type { RoomPanels } from '../panels/roomPanels';

/** What `chatwork.openRoom` accepts: a room id, a tree node / `{ roomId }`, or nothing (QuickPick). */
type OpenRoomArg = number | string | { roomId?: unknown; messageId?: unknown } | undefined;

/**
 * Chatwork: Open Room — the room panel for a room id (tree nodes and other commands pass one), or a
 * QuickPick of rooms from the palette. Chatwork: Open Room Link — a web link such as
 * https://www.chatwork.com/#!rid123 or #!rid123-456 (scrolls to the message).
 */
export function registerOpenRoom(context: vscode.ExtensionContext, deps: Deps, panels: RoomPanels): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.openRoom', async (arg?: OpenRoomArg) => {
      const target = roomFromArg(arg) ?? (await pickRoom(deps));
      if (target === undefined) return;
      panels.show(target.roomId, target.messageId);
    }),
    vscode.commands.registerCommand('chatwork.openRoomLink', async (arg?: unknown) => {
      const text =
        typeof arg === 'string'
          ? arg
          : await deps.prompts.input({
              title: vscode.l10n.t('Chatwork: Open Room Link'),
              prompt: vscode.l10n.t('Paste a Chatwork room or message link.'),
              placeHolder: 'https://www.chatwork.com/#!rid123456',
              validate: (value) => (parseRoomLink(value) ? undefined : vscode.l10n.t('Not a Chatwork room link (https://www.chatwork.com/#!rid…).')),
            });
      if (text === undefined) return;
      const link = parseRoomLink(text);
      if (!link) {
        void deps.prompts.notify('error', vscode.l10n.t('Not a Chatwork room link: {0}', text));
        return;
      }
      panels.show(link.roomId, link.messageId);
    }),
  );
}

function roomFromArg(arg: OpenRoomArg): { roomId: number; messageId?: string } | undefined {
  const raw = typeof arg === 'object' && arg !== null ? arg.roomId : arg;
  const roomId = typeof raw === 'string' && /^[0-9]{1,16}$/.test(raw) ? Number(raw) : raw;
  if (typeof roomId !== 'number' || !Number.isSafeInteger(roomId) || roomId <= 0) return undefined;
  const messageId = typeof arg === 'object' && arg !== null ? arg.messageId : undefined;
  return typeof messageId === 'string' && /^[0-9]{1,19}$/.test(messageId) ? { roomId, messageId } : { roomId };
}

async function pickRoom(deps: Deps): Promise<{ roomId: number; messageId?: string } | undefined> {
  let rooms: readonly RoomSummary[];
  try {
    if (deps.store.rooms === undefined) await deps.store.refreshRooms();
    rooms = deps.store.rooms ?? [];
  } catch (error) {
    await showError(deps, vscode.l10n.t('Loading rooms'), error, () => vscode.commands.executeCommand('chatwork.openRoom'));
    return undefined;
  }
  const items = [...rooms]
    .sort((a, b) => Number(b.sticky) - Number(a.sticky) || b.last_update_time - a.last_update_time)
    .map((room) => ({
      label: room.name,
      description: room.unread_num > 0 ? vscode.l10n.t('{0} unread', room.unread_num) : undefined,
      roomId: room.room_id,
    }));
  const picked = await deps.prompts.pick(items, { title: vscode.l10n.t('Chatwork: Open Room'), placeHolder: vscode.l10n.t('Choose a room'), matchOnDescription: true });
  return picked ? { roomId: picked.roomId } : undefined;
}
