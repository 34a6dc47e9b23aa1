// What the server itself reads in message bodies: mentions, and the bodies of system messages
// (chatwork-api-details.md §8.3; shapes observed in client code, exact server output inferred).
import type { TaskLimitType, TaskStatus } from '../../src/api/types';

/** True when the body addresses the account: [To:aid], [toall] or [rp aid=aid …] outside [code]. */
export function mentions(body: string, accountId: number): boolean {
  const text = body.replace(/\[code\][\s\S]*?\[\/code\]/g, '');
  if (text.includes('[toall]')) return true;
  const re = /\[(?:To:(\d+)\]|rp aid=(\d+)[\s\]])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (Number(m[1] ?? m[2]) === accountId) return true;
  }
  return false;
}

/** `[task …]…[/task]` card; `aid` may list several assignees. */
export function taskCard(aids: number[], status: TaskStatus, limit: number, limitType: TaskLimitType, body: string): string {
  return `[task aid=${aids.join(',')} st=${status} lt=${limit} ltype=${limitType}]${body}[/task]`;
}

export type TaskEvent = 'task_added' | 'task_done' | 'task_reverted' | 'task_edited';

export function taskNotice(event: TaskEvent, card: string): string {
  return `[info][title][dtext:${event}][/title]${card}[/info]`;
}

/** The web client's bytename(): divide by 1024 while ≥ 1024; two decimals once scaled. */
export function formatSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return u === 0 ? `${n} ${units[0]}` : `${n.toFixed(2)} ${units[u]}`;
}

export function fileNotice(fileId: number, filename: string, size: number, isImage: boolean, message?: string): string {
  const preview = isImage ? `[preview id=${fileId} ht=150]` : '';
  const info = `[info][title][dtext:file_uploaded][/title]${preview}[download:${fileId}]${filename} (${formatSize(size)})[/download][/info]`;
  return message ? `${message}\n${info}` : info;
}

const pics = (ids: number[]): string => ids.map((id) => `[piconname:${id}]`).join('');

export function roomCreatedNotice(name: string, memberIds: number[]): string {
  return (
    `[info][title][dtext:chatroom_groupchat_created][/title]` +
    `[dtext:chatroom_chatname_is]${name}[dtext:chatroom_set]\n` +
    `[dtext:chatroom_member_is]${pics(memberIds)}[dtext:chatroom_added][/info]`
  );
}

export type MemberEvent = 'chatroom_added' | 'chatroom_deleted' | 'chatroom_priv_changed' | 'chatroom_leaved';

export function memberNotice(event: MemberEvent, ids: number[]): string {
  return `[info][dtext:chatroom_member_is]${pics(ids)}[dtext:${event}][/info]`;
}

export function roomEditedNotice(changes: { name?: string; description?: string; icon?: boolean }): string {
  const parts: string[] = [];
  if (changes.name !== undefined) parts.push(`[dtext:chatroom_chatname_is]${changes.name}[dtext:chatroom_set]`);
  if (changes.description !== undefined) parts.push(`[dtext:chatroom_description_is]${changes.description}[dtext:chatroom_set]`);
  if (changes.icon) parts.push('[dtext:chatroom_icon_updated]');
  return `[info][title][dtext:chatroom_chat_edited][/title]${parts.join('\n')}[/info]`;
}

export const ICON_BASE = 'https://appdata.chatwork.com/icon/ico_';
export const iconPath = (preset: string): string => `${ICON_BASE}${preset}.png`;
export const linkUrl = (code: string): string => `https://www.chatwork.com/g/${code}`;
