// One line per Chatwork object in a tool result: ids first (for the next call), then names and
// times. Names are quoted and cleaned; everything is inside chatData's fence. No `vscode`.

import type { ChatworkFile, Contact, IncomingRequest, Member, MyTask, RoomLink, RoomSummary, Task } from '../api/types';
import { bodyText, fields, formatTime, quoted } from './resultText';

export function roomEntry(room: RoomSummary & { description?: string }): string {
  return `- ${fields([
    ['room', room.room_id],
    ['name', quoted(room.name)],
    ['type', room.type],
    ['my role', room.role],
    ['unread', room.unread_num],
    ['mentions', room.mention_num],
    ['my tasks', room.mytask_num],
    ['messages', room.message_num],
    ['tasks', room.task_num],
    ['files', room.file_num],
    ['pinned', room.sticky || undefined],
    ['last update', formatTime(room.last_update_time)],
  ])}${room.description ? `\n    description: ${bodyText(room.description).replace(/\n/g, '\n    ')}` : ''}`;
}

function due(limit: number, type: string): string {
  return type === 'none' || limit <= 0 ? 'none' : type === 'date' ? formatTime(limit).slice(0, 10) : formatTime(limit);
}

export function taskEntry(task: Task | MyTask, roomId?: number): string {
  const room = 'room' in task ? `${task.room.room_id} ${quoted(task.room.name)}` : roomId;
  const to = 'account' in task ? `${quoted(task.account.name)} (account ${task.account.account_id})` : 'me';
  return `- ${fields([
    ['task', task.task_id],
    ['room', room],
    ['status', task.status],
    ['assigned to', to],
    ['assigned by', `${quoted(task.assigned_by_account.name)} (account ${task.assigned_by_account.account_id})`],
    ['due', due(task.limit_time, task.limit_type)],
    ['message', task.message_id],
  ])}\n    ${bodyText(task.body).replace(/\n/g, '\n    ')}`;
}

export function fileEntry(file: ChatworkFile, roomId: number): string {
  return `- ${fields([
    ['file', file.file_id],
    ['room', roomId],
    ['name', quoted(file.filename)],
    ['bytes', file.filesize],
    ['uploaded', formatTime(file.upload_time)],
    ['by', `${quoted(file.account.name)} (account ${file.account.account_id})`],
    ['message', file.message_id],
    ['download url (valid 30 s)', file.download_url],
  ])}`;
}

export function memberEntry(member: Member): string {
  return `- ${fields([
    ['account', member.account_id],
    ['name', quoted(member.name)],
    ['role', member.role],
    ['chatwork id', member.chatwork_id],
    ['organization', member.organization_name],
    ['department', member.department],
  ])}`;
}

export function contactEntry(contact: Contact): string {
  return `- ${fields([
    ['account', contact.account_id],
    ['name', quoted(contact.name)],
    ['direct chat room', contact.room_id],
    ['chatwork id', contact.chatwork_id],
    ['organization', contact.organization_name],
    ['department', contact.department],
  ])}`;
}

export function requestEntry(request: IncomingRequest): string {
  return `- ${fields([
    ['request', request.request_id],
    ['from account', request.account_id],
    ['name', quoted(request.name)],
    ['organization', request.organization_name],
  ])}\n    ${bodyText(request.message).replace(/\n/g, '\n    ')}`;
}

export function linkEntry(link: RoomLink, roomId: number): string {
  return `- ${fields([
    ['room', roomId],
    ['public', link.public],
    ['url', link.url],
    ['needs acceptance', link.need_acceptance],
    ['description', link.description],
  ])}`;
}
