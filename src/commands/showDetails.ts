import * as vscode from 'vscode';
import type { Message, Task } from '../api/types';
import { showError } from '../common/showError';
import type { Deps } from '../deps';
import { formatDue, localDateTime, messageLink, oneLine, plainText } from '../tree/format';
import { DetailsDocuments, fenced } from './detailsDocuments';
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

export function taskMarkdown(task: Task, roomId: number, roomName: string): string {
  const due = formatDue(task.limit_time, task.limit_type);
  return [
    `# ${vscode.l10n.t('Task: {0}', oneLine(task.body, undefined, 60) || vscode.l10n.t('(no text)'))}`,
    '',
    `- ${vscode.l10n.t('Status: {0}', task.status === 'done' ? vscode.l10n.t('done') : vscode.l10n.t('open'))}`,
    `- ${vscode.l10n.t('Assigned to: {0}', task.account.name)}`,
    `- ${vscode.l10n.t('Assigned by: {0}', task.assigned_by_account.name)}`,
    `- ${vscode.l10n.t('Deadline: {0}', due ?? vscode.l10n.t('none'))}`,
    `- ${vscode.l10n.t('Room: {0} ({1})', roomName, roomId)}`,
    `- ${vscode.l10n.t('Message: {0}', messageLink(roomId, task.message_id))}`,
    '',
    `## ${vscode.l10n.t('Text')}`,
    '',
    fenced(plainText(task.body)),
    '',
    `## ${vscode.l10n.t('Chatwork notation')}`,
    '',
    fenced(task.body),
    '',
  ].join('\n');
}

export function messageMarkdown(message: Message, roomId: number, roomName: string): string {
  const deleted = message.body === '[deleted]';
  return [
    `# ${vscode.l10n.t('Message from {0}', message.account.name)}`,
    '',
    `- ${vscode.l10n.t('Room: {0} ({1})', roomName, roomId)}`,
    `- ${vscode.l10n.t('Sent: {0}', localDateTime(message.send_time))}`,
    ...(message.update_time > 0
      ? [`- ${deleted ? vscode.l10n.t('Deleted: {0}', localDateTime(message.update_time)) : vscode.l10n.t('Edited: {0}', localDateTime(message.update_time))}`]
      : []),
    `- ${vscode.l10n.t('Link: {0}', messageLink(roomId, message.message_id))}`,
    '',
    `## ${vscode.l10n.t('Text')}`,
    '',
    fenced(plainText(message.body)),
    '',
    `## ${vscode.l10n.t('Chatwork notation')}`,
    '',
    fenced(message.body),
    '',
  ].join('\n');
}
