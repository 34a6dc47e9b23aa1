import * as vscode from 'vscode';
import type { MemberRoles, Role } from '../api/types';
import { showError } from '../common/showError';
import type { Deps } from '../deps';
import { refreshAfterChange } from './afterChange';
import { isEditableGroup } from './editRoom';
import { askRoles, mergeCandidates } from './memberRoles';
import { resolveRoom } from './targets';

/**
 * Change Members (group chats I administer): the three roles as multi-selects with the current
 * members pre-selected, contacts offered too. PUT …/members replaces the whole list, so anyone
 * left out is removed — that is confirmed first, by name. The result is shown and the tree updated.
 */
export function registerChangeMembers(context: vscode.ExtensionContext, deps: Deps): void {
  const title = vscode.l10n.t('Chatwork: Change Members');
  const run = async (arg?: unknown): Promise<void> => {
    try {
      const room = await resolveRoom(deps, arg, { title, filter: isEditableGroup, none: vscode.l10n.t('You administer no group chat.') });
      if (!room) return;
      if (!isEditableGroup(room)) {
        void deps.prompts.notify('warning', vscode.l10n.t('Only admins of a group chat can change its members.'));
        return;
      }
      const [members, contacts, me] = await Promise.all([deps.store.members(room.room_id), deps.client.getContacts(), deps.store.me()]);
      const you = vscode.l10n.t('you');
      const candidates = mergeCandidates(
        members.map((m) => ({ accountId: m.account_id, name: m.name, detail: m.account_id === me.account_id ? you : m.organization_name || undefined })),
        contacts.map((c) => ({ accountId: c.account_id, name: c.name, detail: c.organization_name || undefined })),
      );
      const current = new Map<number, Role>(members.map((m) => [m.account_id, m.role]));
      const roles = await askRoles(deps, title, candidates, current);
      if (!roles) return;

      const kept = new Set([...roles.admin, ...roles.member, ...roles.readonly]);
      const removed = members.filter((m) => !kept.has(m.account_id));
      if (removed.length > 0) {
        const remove = vscode.l10n.t('Remove');
        const answer = await deps.prompts.confirm(
          vscode.l10n.t('Remove {0} from “{1}”?', removed.map((m) => m.name).join(', '), room.name),
          vscode.l10n.t('People not chosen in any role leave the room, with their tasks and files there.'),
          remove,
        );
        if (answer !== remove) return;
      }
      const result = await deps.client.updateMembers(room.room_id, {
        members_admin_ids: roles.admin,
        members_member_ids: roles.member,
        members_readonly_ids: roles.readonly,
      });
      deps.store.invalidate(room.room_id, 'members');
      await refreshAfterChange(deps);
      void deps.prompts.notify('info', vscode.l10n.t('Members of “{0}” updated: {1}.', room.name, summarize(result)));
    } catch (error) {
      await showError(deps, vscode.l10n.t('Changing the members'), error, () => run(arg));
    }
  };
  context.subscriptions.push(vscode.commands.registerCommand('chatwork.changeMembers', run));
}

/** "2 admins, 3 members, 1 read-only". */
export function summarize(roles: MemberRoles): string {
  const admins = roles.admin.length === 1 ? vscode.l10n.t('1 admin') : vscode.l10n.t('{0} admins', roles.admin.length);
  const members = roles.member.length === 1 ? vscode.l10n.t('1 member') : vscode.l10n.t('{0} members', roles.member.length);
  return vscode.l10n.t('{0}, {1}, {2} read-only', admins, members, roles.readonly.length);
}
