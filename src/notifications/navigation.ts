import * as vscode from 'vscode';
import type { RoomSummary } from '../api/types';
import { showError } from '../common/showError';
import type { Deps } from '../deps';
import { mentionsAccount, mentionsAll, parse } from '../notation';
import type { MutedRooms } from './mutedRooms';

/**
 * Chatwork: Next Unread Room — the unread room that has waited longest (oldest last activity first:
 * the API tells how many messages are unread, not since when, so last_update_time orders them).
 * Chatwork: Jump to Latest Mention — the newest message that mentions me, in the room with the most
 * recent mention. Mute / Unmute Notifications for a room (tree context menu).
 */
export function registerNavigation(context: vscode.ExtensionContext, deps: Deps, muted: MutedRooms): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.nextUnreadRoom', async () => {
      const rooms = await currentRooms(deps);
      if (!rooms) return;
      const next = rooms.filter((r) => r.unread_num > 0).sort((a, b) => a.last_update_time - b.last_update_time)[0];
      if (!next) {
        void deps.prompts.notify('info', vscode.l10n.t('No unread Chatwork rooms.'));
        return;
      }
      await vscode.commands.executeCommand('chatwork.openRoom', { roomId: next.room_id });
    }),
    vscode.commands.registerCommand('chatwork.jumpToLatestMention', async () => {
      const rooms = await currentRooms(deps);
      if (!rooms) return;
      const room = rooms.filter((r) => r.mention_num > 0).sort((a, b) => b.last_update_time - a.last_update_time)[0];
      if (!room) {
        void deps.prompts.notify('info', vscode.l10n.t('No unread mentions.'));
        return;
      }
      try {
        const me = (await deps.store.me()).account_id;
        const messages = await deps.store.messages(room.room_id);
        const mention = [...messages].reverse().find((m) => {
          const nodes = parse(m.body);
          return mentionsAccount(nodes, me) || mentionsAll(nodes);
        });
        await vscode.commands.executeCommand('chatwork.openRoom', { roomId: room.room_id, messageId: mention?.message_id });
      } catch (error) {
        await showError(deps, vscode.l10n.t('Finding the latest mention'), error);
      }
    }),
    vscode.commands.registerCommand('chatwork.muteRoom', (arg?: { roomId?: number }) => setMuted(deps, muted, arg, true)),
    vscode.commands.registerCommand('chatwork.unmuteRoom', (arg?: { roomId?: number }) => setMuted(deps, muted, arg, false)),
  );
}

async function currentRooms(deps: Deps): Promise<readonly RoomSummary[] | undefined> {
  try {
    // Fresh counts: the user asks now, and this is one request.
    await deps.store.refreshRooms();
    return deps.store.rooms ?? [];
  } catch (error) {
    await showError(deps, vscode.l10n.t('Loading rooms'), error);
    return undefined;
  }
}

async function setMuted(deps: Deps, muted: MutedRooms, arg: { roomId?: number } | undefined, value: boolean): Promise<void> {
  const roomId = arg?.roomId;
  if (typeof roomId !== 'number') return;
  await muted.set(roomId, value);
  const name = deps.store.room(roomId)?.name ?? String(roomId);
  void deps.prompts.notify('info', value ? vscode.l10n.t('Notifications muted for {0}.', name) : vscode.l10n.t('Notifications unmuted for {0}.', name));
}
