// Records of the emulator's data model (see chatwork-api-details.md §9). These are the stored
// facts; the API shapes are derived from them in views.ts and counters.ts.
import type { Readable } from 'stream';
import type { Me, Role, RoomType, TaskLimitType, TaskStatus } from '../../src/api/types';

/** An account as stored: the profile GET /me answers, without the my-chat room (a room of its own). */
export type AccountRecord = Omit<Me, 'room_id'>;

export interface LinkRecord {
  code: string;
  need_acceptance: boolean;
  description: string;
}

export interface RoomRecord {
  room_id: number;
  type: RoomType;
  /** For `direct` rooms the API shows the other member's name and avatar instead. */
  name: string;
  description: string;
  icon_path: string;
  /** account_id → role. */
  members: Map<number, Role>;
  /** Accounts that pinned the room. */
  sticky: Set<number>;
  link: LinkRecord | null;
  last_update_time: number;
}

export interface MessageRecord {
  /** 19-digit decimal string, monotonic with seq. */
  message_id: string;
  /** Global, strictly increasing order of posting; read pointers and diff cursors compare seqs. */
  seq: number;
  room_id: number;
  account_id: number;
  body: string;
  send_time: number;
  update_time: number;
  deleted: boolean;
  /** Posted with self_unread=1: stays unread for its author until read like anyone else's. */
  unread_for_author: boolean;
}

export interface TaskRecord {
  task_id: number;
  room_id: number;
  /** Assignee. */
  account_id: number;
  assigned_by_account_id: number;
  message_id: string;
  body: string;
  limit_time: number;
  limit_type: TaskLimitType;
  status: TaskStatus;
}

/**
 * The bytes of a file: a Buffer, a generator (byte i = byteAt(i), streamed in chunks, so a 100 MB
 * file costs no memory), or a factory of a fresh Readable of exactly `size` bytes.
 */
export type FileContent =
  | Buffer
  | { size: number; byteAt(index: number): number }
  | { size: number; open(): Readable };

export interface FileRecord {
  file_id: number;
  room_id: number;
  account_id: number;
  message_id: string;
  filename: string;
  filesize: number;
  upload_time: number;
  content_type: string;
  content: FileContent;
}

export interface IncomingRequestRecord {
  request_id: number;
  /** Who asked. */
  from_account_id: number;
  /** Whose request list it is in. */
  to_account_id: number;
  message: string;
}

export function contentSize(content: FileContent): number {
  return Buffer.isBuffer(content) ? content.length : content.size;
}
