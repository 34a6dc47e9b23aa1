import * as vscode from 'vscode';
import { showError } from '../common/showError';
import type { Deps } from '../deps';
import { messageLink } from '../tree/format';
import { messageIdOf, pickMessage, resolveRoom } from './targets';

/** Copy Message Link — `https://www.chatwork.com/#!rid{room}-{message}`, the web app's own link. */
export function registerCopyMessageLink(context: vscode.ExtensionContext, deps: Deps): void {
  const title = vscode.l10n.t('Chatwork: Copy Message Link');
  const run = async (arg?: unknown): Promise<void> => {
    try {
      const room = await resolveRoom(deps, arg, { title });
      if (!room) return;
      const messageId = messageIdOf(arg) ?? (await pickMessage(deps, room.room_id, title))?.message_id;
      if (messageId === undefined) return;
      await vscode.env.clipboard.writeText(messageLink(room.room_id, messageId));
      vscode.window.setStatusBarMessage(vscode.l10n.t('Message link copied.'), 3000);
    } catch (error) {
      await showError(deps, vscode.l10n.t('Copying the message link'), error, () => run(arg));
    }
  };
  context.subscriptions.push(vscode.commands.registerCommand('chatwork.copyMessageLink', run));
}
