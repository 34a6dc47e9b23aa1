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

/**
 * GET /my/status, counted straight from the records — every unread message and open task of mine —
 * and not by adding up the rooms' counters: the client derives these totals from GET /rooms by adding
 * up per-room counters, so a test comparing the two must not agree merely because both add the same
 * numbers.
 */
export function myStatus(state: EmulatorState, accountId: number): MyStatus {
  const myRooms = new Set(roomsOf(state, accountId).map((r) => r.room_id));
  const unreadRooms = new Set<number>();
  const mentionRooms = new Set<number>();
  const taskRooms = new Set<number>();
  let unread = 0;
  let mention = 0;
  let mytask = 0;
  for (const [roomId, messages] of state.messages) {
    if (!myRooms.has(roomId)) continue;
    const pointer = state.readPointer(roomId, accountId);
    for (const m of messages) {
      if (!isUnread(m, accountId, pointer)) continue;
      unread++;
      unreadRooms.add(roomId);
      if (m.account_id === accountId || m.deleted || !mentions(m.body, accountId)) continue;
      mention++;
      mentionRooms.add(roomId);
    }
  }
  for (const t of state.tasks.values()) {
    if (t.account_id !== accountId || t.status !== 'open' || !myRooms.has(t.room_id)) continue;
    mytask++;
    taskRooms.add(t.room_id);
  }
  return {
    unread_room_num: unreadRooms.size,
    mention_room_num: mentionRooms.size,
    mytask_room_num: taskRooms.size,
    unread_num: unread,
    mention_num: mention,
    mytask_num: mytask,
  };
}
