import type { MyStatus, RoomSummary } from '../api/types';

/** The same totals GET /my/status answers, computed from the rooms list (every field is per room). */
export function statusFromRooms(rooms: readonly RoomSummary[]): MyStatus {
  const status: MyStatus = { unread_room_num: 0, mention_room_num: 0, mytask_room_num: 0, unread_num: 0, mention_num: 0, mytask_num: 0 };
  for (const room of rooms) {
    if (room.unread_num > 0) status.unread_room_num++;
    if (room.mention_num > 0) status.mention_room_num++;
    if (room.mytask_num > 0) status.mytask_room_num++;
    status.unread_num += room.unread_num;
    status.mention_num += room.mention_num;
    status.mytask_num += room.mytask_num;
  }
  return status;
}
