// Per-account counters of a room and /my/status, derived from the records on every request so
// they can never drift (chatwork-api-details.md §7).
import type { MyStatus, ReadState } from '../../src/api/types';
import type { MessageRecord, RoomRecord } from './model';
import { mentions } from './notation';
import type { EmulatorState } from './state';

export interface RoomCounters extends ReadState {
  mytask_num: number;
  message_num: number;
  file_num: number;
  task_num: number;
}

/** Is this message unread for the account, given its read pointer? */
export function isUnread(m: MessageRecord, accountId: number, pointer: number): boolean {
  if (m.seq <= pointer) return false;
  return m.account_id !== accountId || m.unread_for_author;
}

export function readState(state: EmulatorState, roomId: number, accountId: number): ReadState {
  const pointer = state.readPointer(roomId, accountId);
  let unread = 0;
  let mention = 0;
  for (const m of state.messages.get(roomId) ?? []) {
    if (!isUnread(m, accountId, pointer)) continue;
    unread++;
    if (m.account_id !== accountId && !m.deleted && mentions(m.body, accountId)) mention++;
  }
  return { unread_num: unread, mention_num: mention };
}

export function roomCounters(state: EmulatorState, room: RoomRecord, accountId: number): RoomCounters {
  let mytask = 0;
  let tasks = 0;
  for (const t of state.tasks.values()) {
    if (t.room_id !== room.room_id) continue;
    tasks++; // task_num counts every task of the room, open or done (inferred)
    if (t.account_id === accountId && t.status === 'open') mytask++;
  }
  let files = 0;
  for (const f of state.files.values()) if (f.room_id === room.room_id) files++;
  return {
    ...readState(state, room.room_id, accountId),
    mytask_num: mytask,
    message_num: state.messages.get(room.room_id)?.length ?? 0,
    file_num: files,
    task_num: tasks,
  };
}

export function roomsOf(state: EmulatorState, accountId: number): RoomRecord[] {
  return [...state.rooms.values()].filter((r) => r.members.has(accountId));
}

export function myStatus(state: EmulatorState, accountId: number): MyStatus {
  const status: MyStatus = { unread_room_num: 0, mention_room_num: 0, mytask_room_num: 0, unread_num: 0, mention_num: 0, mytask_num: 0 };
  for (const room of roomsOf(state, accountId)) {
    const c = roomCounters(state, room, accountId);
    status.unread_num += c.unread_num;
    status.mention_num += c.mention_num;
    status.mytask_num += c.mytask_num;
    if (c.unread_num) status.unread_room_num++;
    if (c.mention_num) status.mention_room_num++;
    if (c.mytask_num) status.mytask_room_num++;
  }
  return status;
}
