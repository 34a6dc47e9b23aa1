import * as vscode from 'vscode';
import { showError } from '../common/showError';
import type { Deps } from '../deps';
import type { Person } from '../tree/filters';
import type { RoomsView } from '../tree/roomsView';
import { resolveRoom } from './targets';

/**
 * Filter Files… (on a room's Files node): only one uploader's files. The list of uploaders comes
 * from the cached files, so filtering costs no request.
 */
export function registerFilterFiles(context: vscode.ExtensionContext, deps: Deps, rooms: RoomsView): void {
  const title = vscode.l10n.t('Chatwork: Filter Files');
  const run = async (arg?: unknown): Promise<void> => {
    try {
      const room = await resolveRoom(deps, arg, { title });
      if (!room) return;
      const files = await deps.store.files(room.room_id);
      const counts = new Map<number, { person: Person; count: number }>();
      for (const file of files) {
        const entry = counts.get(file.account.account_id) ?? { person: { accountId: file.account.account_id, name: file.account.name }, count: 0 };
        entry.count++;
        counts.set(file.account.account_id, entry);
      }
      const current = rooms.provider.filters.fileUploader(room.room_id);
      const items = [
        { label: vscode.l10n.t('All files'), description: current ? undefined : vscode.l10n.t('current'), person: undefined },
        ...[...counts.values()].map(({ person, count }) => ({
          label: person.name,
          description: `${count}${current?.accountId === person.accountId ? ` · ${vscode.l10n.t('current')}` : ''}`,
          person,
        })),
      ];
      const picked = await deps.prompts.pick(items, { title, placeHolder: vscode.l10n.t('Show files uploaded by') });
      if (picked) rooms.provider.setFileUploader(room.room_id, picked.person);
    } catch (error) {
      await showError(deps, vscode.l10n.t('Filtering files'), error, () => run(arg));
    }
  };
  context.subscriptions.push(vscode.commands.registerCommand('chatwork.filterFiles', run));
}
