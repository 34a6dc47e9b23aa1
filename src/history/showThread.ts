import * as vscode from 'vscode';
import { assembleThread, type Thread } from '../archive/thread';
import { DetailsDocuments } from '../commands/detailsDocuments';
import { messageIdOf, pickMessage, resolveRoom } from '../commands/targets';
import { fenced, markdownText } from '../common/markdownText';
import { showError } from '../common/showError';
import type { Deps } from '../deps';
import { localDateTime, messageLink, oneLine, plainText } from '../tree/format';
import { DELETED_BODY } from '../store/messageLog';

export const THREAD_SCHEME = 'chatwork-thread';

/**
 * Chatwork: Show Thread — the conversation around a message, in order: what it replies to or
 * quotes (followed up), and what replied to or quoted it (followed down), from the local archive
 * (or, with the archive off, the room's loaded messages). Shown in a read-only Markdown tab beside
 * the panel. Args: a message node / `{ roomId, messageId }`.
 */
export function registerShowThread(context: vscode.ExtensionContext, deps: Deps): void {
  const documents = new DetailsDocuments(THREAD_SCHEME);
  context.subscriptions.push(documents);
  const showThread = async (arg?: unknown): Promise<void> => {
    const title = vscode.l10n.t('Chatwork: Show Thread');
    try {
      const room = await resolveRoom(deps, arg, { title });
      if (!room) return;
      const messageId = messageIdOf(arg) ?? (await pickMessage(deps, room.room_id, title))?.message_id;
      if (messageId === undefined) return;
      let thread = await deps.history.thread(room.room_id, messageId);
      if (thread.messages.length === 0) {
        thread = assembleThread(new Map([[room.room_id, await deps.store.messages(room.room_id)]]), room.room_id, messageId);
      }
      await documents.show(vscode.l10n.t('Thread {0}', messageId), threadMarkdown(thread, (id) => deps.store.room(id)?.name));
    } catch (error) {
      await showError(deps, vscode.l10n.t('Loading the thread'), error, () => showThread(arg));
    }
  };
  context.subscriptions.push(vscode.commands.registerCommand('chatwork.showThread', showThread));
}

/** Markdown of a thread: names and room names on one line each, bodies fenced (never rendered). */
export function threadMarkdown(thread: Thread, roomName: (roomId: number) => string | undefined): string {
  const focus = thread.messages.find((m) => m.focus);
  const lines = [`# ${vscode.l10n.t('Thread: {0}', markdownText(oneLine(focus?.message.body ?? '', undefined, 60)) || vscode.l10n.t('(no text)'))}`, ''];
  if (thread.messages.length <= 1) lines.push(vscode.l10n.t('No replies or quotes of this message are in the local history.'), '');
  for (const { roomId, message, focus: isFocus } of thread.messages) {
    const who = markdownText(message.account.name);
    const where = markdownText(roomName(roomId) ?? String(roomId));
    lines.push(`## ${isFocus ? '▶ ' : ''}${who} — ${localDateTime(message.send_time)}`, '');
    lines.push(`- ${vscode.l10n.t('Room: {0} ({1})', where, roomId)}`, `- ${vscode.l10n.t('Link: {0}', messageLink(roomId, message.message_id))}`, '');
    lines.push(fenced(message.body === DELETED_BODY ? vscode.l10n.t('(deleted)') : plainText(message.body)), '');
  }
  for (const missing of thread.missing) {
    lines.push(`> ${vscode.l10n.t('A message this thread refers to is not in the local history: {0}', messageLink(missing.roomId, missing.messageId))}`, '');
  }
  return lines.join('\n');
}
