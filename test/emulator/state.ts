// The emulator's live data model: collections, id generators and the few mutations that keep
// the invariants (ordering of messages, read pointers of members). Route handlers check
// permissions and parameters; they change the state only through these methods or by editing
// records in place (body, status, …).
import type { Role, RoomType } from '../../src/api/types';
import type { AccountRecord, FileRecord, IncomingRequestRecord, MessageRecord, RoomRecord, TaskRecord } from './model';

/** First message_id; ids grow by an odd step so that Number() visibly corrupts them. */
const MESSAGE_ID_BASE = 1_620_000_000_000_000_000n;
const MESSAGE_ID_STEP = 1_000_003n;

export interface NewRoom {
  type: RoomType;
  name: string;
  description?: string;
  icon_path: string;
  members: Iterable<[number, Role]>;
}

export class EmulatorState {
  readonly accounts = new Map<number, AccountRecord>();
  /** token → account_id. */
  readonly tokens = new Map<string, number>();
  /** Seeded account key (me, alice, …) → account_id. */
  readonly accountKeys = new Map<string, number>();
  /** account_id → (contact account_id → direct room_id); kept symmetric. */
  readonly contacts = new Map<number, Map<number, number>>();
  readonly rooms = new Map<number, RoomRecord>();
  /** room_id → messages in posting order. */
  readonly messages = new Map<number, MessageRecord[]>();
  readonly tasks = new Map<number, TaskRecord>();
  readonly files = new Map<number, FileRecord>();
  readonly incomingRequests = new Map<number, IncomingRequestRecord>();
  /** `${room_id}/${account_id}` → seq of the last message read. */
  readonly readPointers = new Map<string, number>();
  /** `${token}/${room_id}` → seq of the last message returned by GET messages. */
  readonly diffCursors = new Map<string, number>();
  /** The emulator's clock (Unix seconds); tests may replace it. */
  now: () => number = () => Math.floor(Date.now() / 1000);

  private _seq = 0;
  private readonly _next = { room: 0, task: 0, file: 0, request: 0 };

  constructor(firstIds: { room: number; task: number; file: number; request: number }) {
    this._next = { ...firstIds };
  }

  get lastSeq(): number {
    return this._seq;
  }

  nextId(kind: 'room' | 'task' | 'file' | 'request'): number {
    return this._next[kind]++;
  }

  account(id: number): AccountRecord | undefined {
    return this.accounts.get(id);
  }

  /** An account by seeded key ("alice") or id (1002 / "1002"). */
  resolveAccount(keyOrId: string | number): AccountRecord | undefined {
    const id = typeof keyOrId === 'number' ? keyOrId : (this.accountKeys.get(keyOrId) ?? Number(keyOrId));
    return this.accounts.get(id);
  }

  roomMessages(roomId: number): MessageRecord[] {
    let list = this.messages.get(roomId);
    if (!list) this.messages.set(roomId, (list = []));
    return list;
  }

  findMessage(roomId: number, messageId: string): MessageRecord | undefined {
    return this.messages.get(roomId)?.find((m) => m.message_id === messageId);
  }

  createRoom(spec: NewRoom, roomId = this.nextId('room')): RoomRecord {
    const room: RoomRecord = {
      room_id: roomId,
      type: spec.type,
      name: spec.name,
      description: spec.description ?? '',
      icon_path: spec.icon_path,
      members: new Map(),
      sticky: new Set(),
      link: null,
      last_update_time: this.now(),
    };
    this.rooms.set(roomId, room);
    for (const [id, role] of spec.members) this.setMember(room, id, role);
    return room;
  }

  /** Adds or re-roles a member; a new member has read everything posted so far. */
  setMember(room: RoomRecord, accountId: number, role: Role): void {
    if (!room.members.has(accountId)) this.readPointers.set(`${room.room_id}/${accountId}`, this._seq);
    room.members.set(accountId, role);
  }

  removeMember(room: RoomRecord, accountId: number): void {
    room.members.delete(accountId);
    room.sticky.delete(accountId);
    this.readPointers.delete(`${room.room_id}/${accountId}`);
  }

  deleteRoom(roomId: number): void {
    this.rooms.delete(roomId);
    this.messages.delete(roomId);
    for (const [id, t] of this.tasks) if (t.room_id === roomId) this.tasks.delete(id);
    for (const [id, f] of this.files) if (f.room_id === roomId) this.files.delete(id);
    for (const key of [...this.readPointers.keys()]) if (key.startsWith(`${roomId}/`)) this.readPointers.delete(key);
    for (const key of [...this.diffCursors.keys()]) if (key.endsWith(`/${roomId}`)) this.diffCursors.delete(key);
  }

  /**
   * Appends a message. Unless selfUnread, it is read for its author (earlier unread messages of
   * others stay unread). `at` backdates seeded messages; it must not go back in time.
   */
  postMessage(roomId: number, accountId: number, body: string, opts: { selfUnread?: boolean; at?: number } = {}): MessageRecord {
    const room = this.rooms.get(roomId);
    if (!room) throw new Error(`no room ${roomId}`);
    const seq = ++this._seq;
    const time = opts.at ?? this.now();
    const message: MessageRecord = {
      message_id: (MESSAGE_ID_BASE + BigInt(seq) * MESSAGE_ID_STEP).toString(),
      seq,
      room_id: roomId,
      account_id: accountId,
      body,
      send_time: time,
      update_time: 0,
      deleted: false,
      unread_for_author: opts.selfUnread ?? false,
    };
    this.roomMessages(roomId).push(message);
    room.last_update_time = Math.max(room.last_update_time, time);
    return message;
  }

  readPointer(roomId: number, accountId: number): number {
    return this.readPointers.get(`${roomId}/${accountId}`) ?? 0;
  }

  setReadPointer(roomId: number, accountId: number, seq: number): void {
    this.readPointers.set(`${roomId}/${accountId}`, seq);
  }

  touch(room: RoomRecord): void {
    room.last_update_time = this.now();
  }

  /** Links two accounts as contacts through a direct room (created when missing). */
  connect(a: number, b: number, roomId?: number): RoomRecord {
    const existing = this.contacts.get(a)?.get(b);
    const found = existing === undefined ? undefined : this.rooms.get(existing);
    if (found) return found;
    const room = this.createRoom({ type: 'direct', name: '', icon_path: '', members: [[a, 'admin'], [b, 'admin']] }, roomId);
    for (const [x, y] of [[a, b], [b, a]] as const) {
      let map = this.contacts.get(x);
      if (!map) this.contacts.set(x, (map = new Map()));
      map.set(y, room.room_id);
    }
    return room;
  }
}
