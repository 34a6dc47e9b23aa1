import * as vscode from 'vscode';
import { showError } from '../common/showError';
import type { Deps } from '../deps';
import { DetailsDocuments } from './detailsDocuments';
import { messageMarkdown, taskMarkdown } from './detailsMarkdown';
import { idOf, messageIdOf, pickMessage, pickTask, resolveRoom } from './targets';

/**
 * Show Task (GET …/tasks/{id}) and Show Message (GET …/messages/{id}): the details, fetched fresh,
 * in a read-only Markdown tab — readable text, the people and times, the web link, and the raw
 * Chatwork notation. Args: a node or `{ roomId, taskId }` / `{ roomId, messageId }`.
 */
export function registerShowDetails(context: vscode.ExtensionContext, deps: Deps): void {
  const documents = new DetailsDocuments();
  context.subscriptions.push(documents);

  const showTask = async (arg?: unknown): Promise<void> => {
    const title = vscode.l10n.t('Chatwork: Show Task');
    try {
      const room = await resolveRoom(deps, arg, { title });
      if (!room) return;
      const taskId = idOf(arg, 'taskId') ?? (await pickTask(deps, room.room_id, title))?.task_id;
      if (taskId === undefined) return;
      const task = await deps.client.getTask(room.room_id, taskId);
      await documents.show(vscode.l10n.t('Task {0}', taskId), taskMarkdown(task, room.room_id, room.name));
    } catch (error) {
      await showError(deps, vscode.l10n.t('Loading the task'), error, () => showTask(arg));
    }
  };

  const showMessage = async (arg?: unknown): Promise<void> => {
    const title = vscode.l10n.t('Chatwork: Show Message');
    try {
      const room = await resolveRoom(deps, arg, { title });
      if (!room) return;
      const messageId = messageIdOf(arg) ?? (await pickMessage(deps, room.room_id, title))?.message_id;
      if (messageId === undefined) return;
      const message = await deps.client.getMessage(room.room_id, messageId);
      await documents.show(vscode.l10n.t('Message {0}', messageId), messageMarkdown(message, room.room_id, room.name));
    } catch (error) {
      await showError(deps, vscode.l10n.t('Loading the message'), error, () => showMessage(arg));
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.showTask', showTask),
    vscode.commands.registerCommand('chatwork.showMessage', showMessage),
  );
}
