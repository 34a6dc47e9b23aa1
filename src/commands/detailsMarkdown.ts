// The Markdown of Show Task and Show Message. No `vscode`, so unit tests render hostile names.
// Every value from Chatwork goes through markdownText (one line of literal text) or fenced (a
// code block); only the extension's own texts and numbers are Markdown.
import type { Message, Task } from '../api/types';
import { l10n } from '../common/l10n';
import { fenced, markdownText } from '../common/markdownText';
import { formatDue, localDateTime, messageLink, oneLine, plainText } from '../tree/format';
import { DELETED_BODY } from '../store/messageLog';

export function taskMarkdown(task: Task, roomId: number, roomName: string): string {
  const due = formatDue(task.limit_time, task.limit_type);
  return [
    `# ${l10n.t('Task: {0}', markdownText(oneLine(task.body, undefined, 60)) || l10n.t('(no text)'))}`,
    '',
    `- ${l10n.t('Status: {0}', task.status === 'done' ? l10n.t('done') : l10n.t('open'))}`,
    `- ${l10n.t('Assigned to: {0}', markdownText(task.account.name))}`,
    `- ${l10n.t('Assigned by: {0}', markdownText(task.assigned_by_account.name))}`,
    `- ${l10n.t('Deadline: {0}', due ?? l10n.t('none'))}`,
    `- ${l10n.t('Room: {0} ({1})', markdownText(roomName), roomId)}`,
    `- ${l10n.t('Message: {0}', messageLink(roomId, task.message_id))}`,
    '',
    `## ${l10n.t('Text')}`,
    '',
    fenced(plainText(task.body)),
    '',
    `## ${l10n.t('Chatwork notation')}`,
    '',
    fenced(task.body),
    '',
  ].join('\n');
}

export function messageMarkdown(message: Message, roomId: number, roomName: string): string {
  const deleted = message.body === DELETED_BODY;
  return [
    `# ${l10n.t('Message from {0}', markdownText(message.account.name))}`,
    '',
    `- ${l10n.t('Room: {0} ({1})', markdownText(roomName), roomId)}`,
    `- ${l10n.t('Sent: {0}', localDateTime(message.send_time))}`,
    ...(message.update_time > 0
      ? [`- ${deleted ? l10n.t('Deleted: {0}', localDateTime(message.update_time)) : l10n.t('Edited: {0}', localDateTime(message.update_time))}`]
      : []),
    `- ${l10n.t('Link: {0}', messageLink(roomId, message.message_id))}`,
    '',
    `## ${l10n.t('Text')}`,
    '',
    fenced(plainText(message.body)),
    '',
    `## ${l10n.t('Chatwork notation')}`,
    '',
    fenced(message.body),
    '',
  ].join('\n');
}
