import * as vscode from 'vscode';
import { MAX_ROOM_NAME_LENGTH } from '../api/validate';
import type { CreateRoomParams } from '../api/types';
import { showError } from '../common/showError';
import { fromSingleLine, LINE_BREAK_MARK } from '../common/singleLine';
import type { Deps } from '../deps';
import { refreshAfterChange } from './afterChange';
import { iconItems } from './iconPresets';
import { askRoles, mergeCandidates, type Candidate } from './memberRoles';

/**
 * Chatwork: Create Group Chat — name, description, icon, then admins / members / read-only members
 * chosen from my contacts (and me, an admin by default). POST /rooms; the new room then appears in
 * the tree through one poll, and can be opened at once.
 */
export function registerCreateRoom(context: vscode.ExtensionContext, deps: Deps): void {
  const title = vscode.l10n.t('Chatwork: Create Group Chat');
  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.createRoom', async () => {
      const params = await askRoom(deps, title);
      if (params) await create(deps, params);
    }),
  );
}

async function askRoom(deps: Deps, title: string): Promise<CreateRoomParams | undefined> {
  const name = await deps.prompts.input({
    title,
    prompt: vscode.l10n.t('Name of the new group chat'),
    validate: (value) =>
      value.trim() === ''
        ? vscode.l10n.t('Enter a name.')
        : value.length > MAX_ROOM_NAME_LENGTH
          ? vscode.l10n.t('At most {0} characters.', MAX_ROOM_NAME_LENGTH)
          : undefined,
  });
  if (name === undefined) return undefined;
  const description = await deps.prompts.input({
    title,
    prompt: vscode.l10n.t('Description (optional; type {0} for a line break)', LINE_BREAK_MARK),
  });
  if (description === undefined) return undefined;
  const icon = await deps.prompts.pick(iconItems(), { title, placeHolder: vscode.l10n.t('Icon of the group chat'), matchOnDescription: true });
  if (!icon) return undefined;

  let candidates: Candidate[];
  let myId: number;
  try {
    const [me, contacts] = await Promise.all([deps.store.me(), deps.client.getContacts()]);
    myId = me.account_id;
    candidates = mergeCandidates(
      [{ accountId: me.account_id, name: me.name, detail: vscode.l10n.t('you') }],
      contacts.map((c) => ({ accountId: c.account_id, name: c.name, detail: c.organization_name || undefined })),
    );
  } catch (error) {
    await showError(deps, vscode.l10n.t('Loading your contacts'), error);
    return undefined;
  }
  const roles = await askRoles(deps, title, candidates, new Map([[myId, 'admin']]));
  if (!roles) return undefined;
  return {
    name: name.trim(),
    description: fromSingleLine(description.trim()) || undefined,
    icon_preset: icon.preset,
    members_admin_ids: roles.admin,
    members_member_ids: roles.member.length > 0 ? roles.member : undefined,
    members_readonly_ids: roles.readonly.length > 0 ? roles.readonly : undefined,
  };
}

async function create(deps: Deps, params: CreateRoomParams): Promise<void> {
  let roomId: number;
  try {
    roomId = (await deps.client.createRoom(params)).room_id;
  } catch (error) {
    await showError(deps, vscode.l10n.t('Creating the group chat “{0}”', params.name), error, () => create(deps, params));
    return;
  }
  deps.log.info(`Created group chat ${roomId}.`);
  await refreshAfterChange(deps);
  const open = vscode.l10n.t('Open Room');
  const commands = await vscode.commands.getCommands(true);
  const actions = commands.includes('chatwork.openRoom') ? [open] : [];
  // Not awaited: the command is done; the notification may stay open as long as the user likes.
  void deps.prompts.notify('info', vscode.l10n.t('Created the group chat “{0}”.', params.name), ...actions).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('chatwork.openRoom', { roomId });
  });
}
