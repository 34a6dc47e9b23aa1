import * as vscode from 'vscode';
import type { ChatworkFile, Message, RoomSummary, Task } from '../api/types';
import type { Deps } from '../deps';
import { oneLine, relativeTime } from '../tree/format';

/**
 * What room commands accept as their argument: a tree node (which carries roomId / messageId /
 * taskId / fileId fields) or a plain object with the same fields (from the room panel or another
 * command). Fields are checked here, because command arguments can come from anywhere.
 */
export type CommandTarget = { roomId?: unknown; messageId?: unknown; taskId?: unknown; fileId?: unknown } | number | undefined;

export function roomIdOf(arg: unknown): number | undefined {
  const raw = typeof arg === 'object' && arg !== null ? (arg as { roomId?: unknown }).roomId : arg;
  return positiveInt(raw);
}

export function messageIdOf(arg: unknown): string | undefined {
  const raw = typeof arg === 'object' && arg !== null ? (arg as { messageId?: unknown }).messageId : undefined;
  // message_id is a string of up to 19 digits: never a JavaScript number.
  return typeof raw === 'string' && /^[0-9]{1,19}$/.test(raw) ? raw : undefined;
}

export function idOf(arg: unknown, key: 'taskId' | 'fileId'): number | undefined {
  return typeof arg === 'object' && arg !== null ? positiveInt((arg as Record<string, unknown>)[key]) : undefined;
}

function positiveInt(raw: unknown): number | undefined {
  const value = typeof raw === 'string' && /^[0-9]{1,16}$/.test(raw) ? Number(raw) : raw;
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

export interface RoomQuestion {
  /** The QuickPick title, e.g. "Chatwork: Leave Room". */
  title: string;
  /** Which rooms qualify (e.g. group chats where I am an admin). */
  filter?: (room: RoomSummary) => boolean;
  /** Said when no room qualifies. */
  none?: string;
}

/**
 * The room a command is about: the one in the argument, or — from the palette — one the user
 * picks. Throws API errors (the caller shows them); undefined when the user cancelled.
 */
export async function resolveRoom(deps: Deps, arg: unknown, question: RoomQuestion): Promise<RoomSummary | undefined> {
  const roomId = roomIdOf(arg);
  const cached = deps.store.rooms;
  const rooms = cached ?? (await loadRooms(deps));
  if (roomId !== undefined) {
    // A room missing from a cached list may be new: look once more before giving up.
    let room = rooms.find((r) => r.room_id === roomId);
    if (!room && cached) room = (await loadRooms(deps)).find((r) => r.room_id === roomId);
    if (!room) void deps.prompts.notify('error', vscode.l10n.t('Room {0} is not one of your Chatwork rooms.', roomId));
    return room;
  }
  const candidates = rooms.filter(question.filter ?? (() => true));
  if (candidates.length === 0) {
    void deps.prompts.notify('info', question.none ?? vscode.l10n.t('You have no Chatwork rooms.'));
    return undefined;
  }
  const items = candidates
    .sort((a, b) => Number(b.sticky) - Number(a.sticky) || b.last_update_time - a.last_update_time)
    .map((room) => ({ label: room.name, description: roomDescription(room), room }));
  const picked = await deps.prompts.pick(items, { title: question.title, placeHolder: vscode.l10n.t('Choose a room'), matchOnDescription: true });
  return picked?.room;
}

async function loadRooms(deps: Deps): Promise<readonly RoomSummary[]> {
  await deps.store.refreshRooms();
  return deps.store.rooms ?? [];
}

const ROLES: Record<RoomSummary['role'], () => string> = {
  admin: () => vscode.l10n.t('admin'),
  member: () => vscode.l10n.t('member'),
  readonly: () => vscode.l10n.t('read-only'),
};

function roomDescription(room: RoomSummary): string {
  const kind = room.type === 'group' ? ROLES[room.role]() : room.type === 'my' ? vscode.l10n.t('my chat') : vscode.l10n.t('direct');
  return room.unread_num > 0 ? `${kind} · ${vscode.l10n.t('{0} unread', room.unread_num)}` : kind;
}

/** A message by id: from the store's log when the room is being read, else GET messages/{id}. */
export async function findMessage(deps: Deps, roomId: number, messageId: string): Promise<Message> {
  if (deps.store.hasMessages(roomId)) {
    const known = (await deps.store.messages(roomId)).find((m) => m.message_id === messageId);
    if (known) return known;
  }
  return deps.client.getMessage(roomId, messageId);
}

/** Asks for one of the latest messages of a room, newest first. */
export async function pickMessage(deps: Deps, roomId: number, title: string, filter: (m: Message) => boolean = () => true): Promise<Message | undefined> {
  const messages = (await deps.store.messages(roomId)).filter(filter);
  if (messages.length === 0) {
    void deps.prompts.notify('info', vscode.l10n.t('There is no message to choose in this room.'));
    return undefined;
  }
  const items = [...messages].reverse().map((message) => ({
    label: oneLine(message.body) || vscode.l10n.t('(empty)'),
    description: `${message.account.name} · ${relativeTime(message.send_time)}`,
    message,
  }));
  return (await deps.prompts.pick(items, { title, placeHolder: vscode.l10n.t('Choose a message'), matchOnDescription: true }))?.message;
}

export async function pickTask(deps: Deps, roomId: number, title: string): Promise<Task | undefined> {
  const tasks = await deps.store.tasks(roomId);
  if (tasks.length === 0) {
    void deps.prompts.notify('info', vscode.l10n.t('This room has no open tasks.'));
    return undefined;
  }
  const items = tasks.map((task) => ({ label: oneLine(task.body) || vscode.l10n.t('(no text)'), description: task.account.name, task }));
  return (await deps.prompts.pick(items, { title, placeHolder: vscode.l10n.t('Choose a task'), matchOnDescription: true }))?.task;
}

export async function pickFile(deps: Deps, roomId: number, title: string): Promise<ChatworkFile | undefined> {
  const files = await deps.store.files(roomId);
  if (files.length === 0) {
    void deps.prompts.notify('info', vscode.l10n.t('This room has no files.'));
    return undefined;
  }
  const items = [...files]
    .sort((a, b) => b.upload_time - a.upload_time)
    .map((file) => ({ label: file.filename, description: `${file.account.name} · ${relativeTime(file.upload_time)}`, file }));
  return (await deps.prompts.pick(items, { title, placeHolder: vscode.l10n.t('Choose a file'), matchOnDescription: true }))?.file;
}
