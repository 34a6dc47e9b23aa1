// The unread digest: rooms with unread messages or mentions, and those messages, newest first,
// bounded. It answers from the store's cache and asks Chatwork only for a room whose messages are
// not loaded or have moved since they were (force=1, merged by id: never the poller's diff).
// No `vscode` (the bench runs it directly).

import type { Message, RoomSummary } from '../api/types';
import { mentionsAccount, mentionsAll, parse } from '../notation';
import type { Identity } from '../store/identity';
import { chatData, messageEntry, namesFrom, quoted } from './resultText';

/** The store calls the digest makes; RoomStore fits. */
export interface DigestStore {
  readonly rooms: readonly RoomSummary[] | undefined;
  refreshRooms(): Promise<unknown>;
  hasMessages(roomId: number): boolean;
  messages(roomId: number): Promise<readonly Message[]>;
  reloadMessages(roomId: number): Promise<unknown>;
  me(): Promise<Identity>;
}

export interface DigestOptions {
  /** Rooms whose messages are shown (the others are listed with their counts). */
  readonly maxRooms: number;
  /** Unread messages shown per room. */
  readonly perRoom: number;
  /** Only rooms where someone mentioned me. */
  readonly mentionsOnly?: boolean;
}

export class UnreadDigest {
  /** Room → its last_update_time when its messages were last read here. */
  private readonly _syncedAt = new Map<number, number>();
  private readonly _entries = new WeakMap<Message, string>();

  constructor(private readonly _store: DigestStore) {}

  async text(options: DigestOptions): Promise<string> {
    if (this._store.rooms === undefined) await this._store.refreshRooms();
    const rooms = (this._store.rooms ?? [])
      .filter((r) => (options.mentionsOnly ? r.mention_num > 0 : r.unread_num > 0 || r.mention_num > 0))
      .sort((a, b) => b.last_update_time - a.last_update_time);
    const unread = rooms.reduce((n, r) => n + r.unread_num, 0);
    const mentions = rooms.reduce((n, r) => n + r.mention_num, 0);
    const summary =
      rooms.length === 0
        ? 'No unread messages in Chatwork.'
        : `${rooms.length} Chatwork rooms with unread messages (${unread} unread, ${mentions} mentioning me), newest activity first. Messages are the newest unread ones of each room, newest first.`;
    if (rooms.length === 0) return summary;
    const me = await this._store.me();
    const entries: string[] = [];
    for (const [i, room] of rooms.entries()) {
      const head = `## room ${room.room_id} ${quoted(room.name)} · ${room.type} · ${room.unread_num} unread · ${room.mention_num} mentions`;
      if (i >= options.maxRooms) {
        entries.push(`${head} (messages not shown)`);
        continue;
      }
      const messages = await this._fresh(room);
      const shown = messages.slice(Math.max(0, messages.length - Math.min(room.unread_num, options.perRoom))).reverse();
      const names = namesFrom(messages);
      entries.push(head, ...shown.map((m) => this._entry(room.room_id, m, names, me.account_id)));
      if (room.unread_num > shown.length) entries.push(`    (${room.unread_num - shown.length} older unread messages in this room not shown)`);
    }
    return chatData(summary, entries);
  }

  /** The room's messages, asking Chatwork only when the cache is missing or behind the room. */
  private async _fresh(room: RoomSummary): Promise<readonly Message[]> {
    if (!this._store.hasMessages(room.room_id)) {
      const messages = await this._store.messages(room.room_id);
      this._syncedAt.set(room.room_id, room.last_update_time);
      return messages;
    }
    const cached = await this._store.messages(room.room_id);
    const newest = cached[cached.length - 1];
    const current = this._syncedAt.get(room.room_id) === room.last_update_time || (newest !== undefined && newest.send_time >= room.last_update_time);
    if (!current) {
      await this._store.reloadMessages(room.room_id);
      this._syncedAt.set(room.room_id, room.last_update_time);
      return this._store.messages(room.room_id);
    }
    return cached;
  }

  private _entry(roomId: number, message: Message, names: (id: number) => string | undefined, myId: number): string {
    let entry = this._entries.get(message);
    if (entry === undefined) {
      const nodes = parse(message.body);
      const mention = mentionsAccount(nodes, myId) ? ' [mentions me]' : mentionsAll(nodes) ? ' [to all]' : '';
      entry = messageEntry(roomId, message, names).replace('\n', `${mention}\n`);
      this._entries.set(message, entry);
    }
    return entry;
  }
}
