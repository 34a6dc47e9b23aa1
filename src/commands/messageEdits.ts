import * as vscode from 'vscode';
import type { Message } from '../api/types';
import { MAX_BODY_LENGTH } from '../api/validate';
import { showError } from '../common/showError';
import { fromSingleLine, LINE_BREAK_MARK, toSingleLine } from '../common/singleLine';
import type { Deps } from '../deps';
import { oneLine } from '../tree/format';
import { DELETED_BODY } from '../store/messageLog';
import { findMessage, messageIdOf, pickMessage, resolveRoom } from './targets';

/**
 * Edit Message / Delete Message — only my own messages (Chatwork refuses others' with 403, so we
 * check first and say so). Args: a message node or `{ roomId, messageId }` (the room panel calls
 * these too). The change is written into the store with applyMessage, so the tree and panels
 * update without another GET.
 */
export function registerMessageEdits(context: vscode.ExtensionContext, deps: Deps): void {
  const edit = async (arg?: unknown): Promise<void> => {
    const title = vscode.l10n.t('Chatwork: Edit Message');
    try {
      const target = await ownMessage(deps, arg, title);
      if (!target) return;
      const { roomId, message } = target;
      const body = await deps.prompts.input({
        title,
        prompt: vscode.l10n.t('Edit the message (line breaks show as {0}); Enter saves, Escape cancels.', LINE_BREAK_MARK),
        value: toSingleLine(message.body),
        validate: (value) =>
          value.trim() === '' ? vscode.l10n.t('A message cannot be empty; delete it instead.') : value.length > MAX_BODY_LENGTH ? vscode.l10n.t('At most {0} characters.', MAX_BODY_LENGTH) : undefined,
      });
      if (body === undefined) return;
      const newBody = fromSingleLine(body);
      if (newBody === message.body) return;
      await deps.client.updateMessage(roomId, message.message_id, newBody);
      deps.store.applyMessage(roomId, { ...message, body: newBody, update_time: Math.floor(Date.now() / 1000) });
      vscode.window.setStatusBarMessage(vscode.l10n.t('Message edited.'), 4000);
    } catch (error) {
      await showError(deps, vscode.l10n.t('Editing the message'), error, () => edit(arg));
    }
  };

  const remove = async (arg?: unknown): Promise<void> => {
    const title = vscode.l10n.t('Chatwork: Delete Message');
    try {
      const target = await ownMessage(deps, arg, title);
      if (!target) return;
      const { roomId, message } = target;
      const confirm = vscode.l10n.t('Delete');
      const answer = await deps.prompts.confirm(
        vscode.l10n.t('Delete this message?'),
        vscode.l10n.t('“{0}” will show as deleted for everyone in the room. This cannot be undone.', oneLine(message.body, undefined, 120)),
        confirm,
      );
      if (answer !== confirm) return;
      await deps.client.deleteMessage(roomId, message.message_id);
      deps.store.applyMessage(roomId, { ...message, body: DELETED_BODY, update_time: Math.floor(Date.now() / 1000) });
      vscode.window.setStatusBarMessage(vscode.l10n.t('Message deleted.'), 4000);
    } catch (error) {
      await showError(deps, vscode.l10n.t('Deleting the message'), error, () => remove(arg));
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.editMessage', edit),
    vscode.commands.registerCommand('chatwork.deleteMessage', remove),
  );
}

/** The message of the argument (or picked among my own), if it is mine and not deleted. */
async function ownMessage(deps: Deps, arg: unknown, title: string): Promise<{ roomId: number; message: Message } | undefined> {
  const room = await resolveRoom(deps, arg, { title });
  if (!room) return undefined;
  const me = await deps.store.me();
  const isMine = (m: Message): boolean => m.account.account_id === me.account_id;
  const messageId = messageIdOf(arg);
  let message: Message | undefined;
  if (messageId === undefined) {
    message = await pickMessage(deps, room.room_id, title, (m) => isMine(m) && m.body !== DELETED_BODY);
  } else {
    // A tree node carries the message already; a plain { roomId, messageId } is looked up.
    const carried = (arg as { message?: Message }).message;
    message = carried?.message_id === messageId ? carried : await findMessage(deps, room.room_id, messageId);
  }
  if (!message) return undefined;
  if (!isMine(message)) {
    void deps.prompts.notify('warning', vscode.l10n.t('You can only change your own messages.'));
    return undefined;
  }
  if (message.body === DELETED_BODY) {
    void deps.prompts.notify('info', vscode.l10n.t('This message was already deleted.'));
    return undefined;
  }
  return { roomId: room.room_id, message };
}
