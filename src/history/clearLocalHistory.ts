import * as vscode from 'vscode';
import type { Deps } from '../deps';
import { roomIdOf } from '../commands/targets';

/**
 * Chatwork: Clear Local History — forgets the archived messages of one room or of the whole
 * account (memory and files), after a modal confirmation. Args: a room node / `{ roomId }` (that
 * room), or nothing (asks: one room or everything).
 */
export function registerClearLocalHistory(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.clearLocalHistory', async (arg?: unknown) => {
      const archive = await deps.history.current().catch(() => undefined);
      if (!archive) {
        void deps.prompts.notify('info', vscode.l10n.t('There is no local message history for the account signed in.'));
        return;
      }
      let roomId = roomIdOf(arg);
      if (roomId === undefined) {
        const everything = { label: vscode.l10n.t('All rooms'), description: vscode.l10n.t('Everything archived for this account') };
        const rooms = (deps.store.rooms ?? []).map((r) => ({ label: r.name, description: String(r.room_id), roomId: r.room_id }));
        const picked = await deps.prompts.pick<vscode.QuickPickItem & { roomId?: number }>([everything, ...rooms], {
          title: vscode.l10n.t('Chatwork: Clear Local History'),
          placeHolder: vscode.l10n.t('Clear the history of which room?'),
        });
        if (!picked) return;
        roomId = picked.roomId;
      }
      const clear = vscode.l10n.t('Clear');
      const name = roomId === undefined ? undefined : (deps.store.room(roomId)?.name ?? String(roomId));
      const answer = await deps.prompts.confirm(
        name === undefined ? vscode.l10n.t('Clear the local history of all rooms?') : vscode.l10n.t('Clear the local history of "{0}"?', name),
        vscode.l10n.t('Messages kept on this computer are deleted. What Chatwork still returns (the latest 100 per room) is shown again when a room is opened.'),
        clear,
      );
      if (answer !== clear) return;
      if (roomId === undefined) await archive.clearAll();
      else await archive.clearRoom(roomId);
      deps.log.info(roomId === undefined ? 'Local history cleared (all rooms).' : `Local history of room ${roomId} cleared.`);
      void deps.prompts.notify('info', vscode.l10n.t('Local history cleared.'));
    }),
  );
}
