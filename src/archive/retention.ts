// The size limit: which send time to cut at so the newest messages fit. No `vscode`.
import type { Message } from '../api/types';
import type { RoomHistory } from './roomHistory';

/** About what one message takes on disk (its record's fixed part plus its texts). */
export function approximateBytes(m: Message): number {
  return 90 + m.message_id.length + m.body.length * 1.5 + m.account.name.length * 1.5 + m.account.avatar_image_url.length;
}

/** The send time before which messages must go to stay within `limitBytes`, or undefined when all fit. */
export function sizeCutoff(rooms: readonly RoomHistory[], limitBytes: number): number | undefined {
  const all: { time: number; bytes: number }[] = [];
  let total = 0;
  for (const room of rooms) {
    for (const m of room.messages) {
      const bytes = approximateBytes(m);
      total += bytes;
      all.push({ time: m.send_time, bytes });
    }
  }
  if (total <= limitBytes) return undefined;
  all.sort((a, b) => b.time - a.time);
  let kept = 0;
  for (const entry of all) {
    kept += entry.bytes;
    if (kept > limitBytes) return entry.time + 1;
  }
  return undefined;
}
