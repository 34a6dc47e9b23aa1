// A JSON snapshot of the data model, for GET /_emulator/state (tests in another process).
import type { AccountRecord, IncomingRequestRecord, LinkRecord, MessageRecord, TaskRecord } from './model';
import type { Role, RoomType } from '../../src/api/types';
import type { EmulatorState } from './state';

/** Buffers up to this size are included as base64 (uploads are ≤ 5 MB). */
const INLINE_LIMIT = 8 * 1024 * 1024;

export interface StateSnapshot {
  now: number;
  accounts: AccountRecord[];
  /** Seeded key → account_id. */
  accountKeys: Record<string, number>;
  /** token → account_id. */
  tokens: Record<string, number>;
  contacts: { account_id: number; contact_account_id: number; room_id: number }[];
  rooms: {
    room_id: number; type: RoomType; name: string; description: string; icon_path: string;
    members: { account_id: number; role: Role }[]; sticky: number[]; link: LinkRecord | null; last_update_time: number;
  }[];
  /** All messages, oldest first; deleted ones keep their original body here. */
  messages: MessageRecord[];
  tasks: TaskRecord[];
  files: {
    file_id: number; room_id: number; account_id: number; message_id: string; filename: string; filesize: number;
    upload_time: number; content_type: string;
    /** The bytes as base64, or null for generated/streamed contents. */
    content_base64: string | null;
  }[];
  incomingRequests: IncomingRequestRecord[];
  readPointers: { room_id: number; account_id: number; seq: number }[];
  diffCursors: { token: string; room_id: number; seq: number }[];
}

const splitKey = (key: string): [string, number] => {
  const i = key.lastIndexOf('/');
  return [key.slice(0, i), Number(key.slice(i + 1))];
};

export function snapshot(state: EmulatorState): StateSnapshot {
  return {
    now: state.now(),
    accounts: [...state.accounts.values()],
    accountKeys: Object.fromEntries(state.accountKeys),
    tokens: Object.fromEntries(state.tokens),
    contacts: [...state.contacts].flatMap(([a, map]) => [...map].map(([b, room]) => ({ account_id: a, contact_account_id: b, room_id: room }))),
    rooms: [...state.rooms.values()].map((r) => ({
      room_id: r.room_id, type: r.type, name: r.name, description: r.description, icon_path: r.icon_path,
      members: [...r.members].map(([account_id, role]) => ({ account_id, role })), sticky: [...r.sticky],
      link: r.link && { ...r.link }, last_update_time: r.last_update_time,
    })),
    messages: [...state.messages.values()].flat().sort((a, b) => a.seq - b.seq).map((m) => ({ ...m })),
    tasks: [...state.tasks.values()].map((t) => ({ ...t })),
    files: [...state.files.values()].map(({ content, ...f }) => ({
      ...f,
      content_base64: Buffer.isBuffer(content) && content.length <= INLINE_LIMIT ? content.toString('base64') : null,
    })),
    incomingRequests: [...state.incomingRequests.values()].map((r) => ({ ...r })),
    readPointers: [...state.readPointers].map(([key, seq]) => {
      const [room, account] = key.split('/').map(Number);
      return { room_id: room ?? 0, account_id: account ?? 0, seq };
    }),
    diffCursors: [...state.diffCursors].map(([key, seq]) => {
      const [token, room_id] = splitKey(key);
      return { token, room_id, seq };
    }),
  };
}
