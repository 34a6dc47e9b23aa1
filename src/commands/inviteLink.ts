import * as vscode from 'vscode';
import type { RoomLink, RoomSummary } from '../api/types';
import { isValidLinkCode } from '../api/validate';
import { showError } from '../common/showError';
import type { Deps } from '../deps';
import { resolveRoom } from './targets';

type LinkAction = 'copy' | 'code' | 'approval' | 'delete' | 'create';
type ActionItem = vscode.QuickPickItem & { action: LinkAction };

const isManaged = (room: RoomSummary): boolean => room.type === 'group' && room.role === 'admin';

/**
 * Invite Link… (group chats I administer): shows the room's invitation link (GET …/link) and
 * offers what can be done with it — create it with an optional code and "needs approval" (POST),
 * change those (PUT), delete it (DELETE, confirmed) or copy it. Copy Invite Link copies it directly.
 * Codes are checked as Chatwork checks them before anything is sent.
 */
export function registerInviteLink(context: vscode.ExtensionContext, deps: Deps): void {
  const title = vscode.l10n.t('Chatwork: Invite Link');

  const askCode = (value?: string): Promise<string | undefined> =>
    deps.prompts.input({
      title,
      prompt: vscode.l10n.t('The end of the link: 1–50 letters, digits, _ or -. Leave empty for a random code.'),
      placeHolder: 'my-team',
      value,
      validate: (text) => (text.trim() === '' || isValidLinkCode(text.trim()) ? undefined : vscode.l10n.t('Use 1–50 characters of A–Z, a–z, 0–9, _ or -.')),
    });

  const askApproval = async (): Promise<boolean | undefined> => {
    const items = [
      { label: vscode.l10n.t('Admins approve who joins'), needAcceptance: true },
      { label: vscode.l10n.t('Anyone with the link joins'), needAcceptance: false },
    ];
    return (await deps.prompts.pick(items, { title, placeHolder: vscode.l10n.t('Who may join through the link?') }))?.needAcceptance;
  };

  const announce = async (link: RoomLink, message: string): Promise<void> => {
    const copy = vscode.l10n.t('Copy Invite Link');
    if (link.url && (await deps.prompts.notify('info', message, copy)) === copy) await vscode.env.clipboard.writeText(link.url);
  };

  const create = async (room: RoomSummary): Promise<void> => {
    const code = await askCode();
    if (code === undefined) return;
    const needAcceptance = await askApproval();
    if (needAcceptance === undefined) return;
    const link = await deps.client.createRoomLink(room.room_id, { code: code.trim() || undefined, need_acceptance: needAcceptance });
    await announce(link, vscode.l10n.t('“{0}” has an invite link: {1}', room.name, link.url ?? ''));
  };

  const manage = async (arg?: unknown): Promise<void> => {
    try {
      const room = await resolveRoom(deps, arg, { title, filter: isManaged, none: vscode.l10n.t('You administer no group chat.') });
      if (!room) return;
      if (!isManaged(room)) {
        void deps.prompts.notify('warning', vscode.l10n.t('Only the admins of a group chat manage its invite link.'));
        return;
      }
      const link = await deps.client.getRoomLink(room.room_id);
      if (!link.public) {
        const create_ = vscode.l10n.t('Create Invite Link…');
        const picked = await deps.prompts.pick<ActionItem>([{ label: create_, action: 'create' }], { title, placeHolder: vscode.l10n.t('“{0}” has no invite link.', room.name) });
        if (picked) await create(room);
        return;
      }
      const items: ActionItem[] = [
        { label: vscode.l10n.t('Copy Invite Link'), detail: link.url, action: 'copy' },
        { label: vscode.l10n.t('Change Code…'), action: 'code' },
        link.need_acceptance
          ? { label: vscode.l10n.t('Let Anyone with the Link Join'), description: vscode.l10n.t('now: admins approve'), action: 'approval' }
          : { label: vscode.l10n.t('Require Approval by an Admin'), description: vscode.l10n.t('now: anyone joins'), action: 'approval' },
        { label: vscode.l10n.t('Delete Invite Link…'), action: 'delete' },
      ];
      const picked = await deps.prompts.pick(items, { title, placeHolder: link.url });
      switch (picked?.action) {
        case 'copy':
          if (link.url) await vscode.env.clipboard.writeText(link.url);
          vscode.window.setStatusBarMessage(vscode.l10n.t('Invite link copied.'), 3000);
          return;
        case 'code': {
          const code = await askCode(link.url?.split('/').pop());
          if (code === undefined || code.trim() === '') return;
          await announce(await deps.client.updateRoomLink(room.room_id, { code: code.trim() }), vscode.l10n.t('The invite link of “{0}” changed.', room.name));
          return;
        }
        case 'approval':
          await deps.client.updateRoomLink(room.room_id, { need_acceptance: !link.need_acceptance });
          void deps.prompts.notify('info', link.need_acceptance ? vscode.l10n.t('Anyone with the link now joins “{0}”.', room.name) : vscode.l10n.t('Admins now approve who joins “{0}”.', room.name));
          return;
        case 'delete': {
          const action = vscode.l10n.t('Delete Link');
          const confirmed = await deps.prompts.confirm(
            vscode.l10n.t('Delete the invite link of “{0}”?', room.name),
            vscode.l10n.t('{0} stops working. A new link can be created later, with a new address.', link.url ?? ''),
            action,
          );
          if (confirmed !== action) return;
          await deps.client.deleteRoomLink(room.room_id);
          void deps.prompts.notify('info', vscode.l10n.t('The invite link of “{0}” was deleted.', room.name));
          return;
        }
        default:
          return;
      }
    } catch (error) {
      await showError(deps, vscode.l10n.t('Managing the invite link'), error, () => manage(arg));
    }
  };

  const copy = async (arg?: unknown): Promise<void> => {
    try {
      const isGroup = (room: RoomSummary): boolean => room.type === 'group';
      const room = await resolveRoom(deps, arg, { title: vscode.l10n.t('Chatwork: Copy Invite Link'), filter: isGroup, none: vscode.l10n.t('You are in no group chat.') });
      if (!room) return;
      const link: RoomLink = room.type === 'group' ? await deps.client.getRoomLink(room.room_id) : { public: false };
      if (!link.public || !link.url) {
        const create_ = vscode.l10n.t('Create Invite Link…');
        const actions = isManaged(room) ? [create_] : [];
        if ((await deps.prompts.notify('info', vscode.l10n.t('“{0}” has no invite link.', room.name), ...actions)) === create_) await manage({ roomId: room.room_id });
        return;
      }
      await vscode.env.clipboard.writeText(link.url);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Invite link copied.'), 3000);
    } catch (error) {
      await showError(deps, vscode.l10n.t('Copying the invite link'), error, () => copy(arg));
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.inviteLink', manage),
    vscode.commands.registerCommand('chatwork.copyInviteLink', copy),
  );
}
