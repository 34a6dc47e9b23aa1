// The search engine: a plain scan over normalised text, kept in memory beside the archive. The
// benchmark (test/bench/searchBench.ts, README "Search") measured it against MiniSearch with a CJK
// bigram tokenizer: the scan answers 100,000 messages well under the 50 ms target, needs no
// tokenizer for Japanese (substring search finds any part of a word), builds in a fraction of the
// time and takes less memory — so no library. No `vscode`.
import type { Message } from '../api/types';
import { normalizeText } from './normalize';
import type { ParsedQuery } from './query';
import { addressesAccount, bodyFlags, HAS_FILE, HAS_TASK, searchableText, TO_ALL } from './searchText';

interface Entry {
  readonly roomId: number;
  readonly message: Message;
  /** Normalised searchable text and sender name. */
  readonly text: string;
  readonly name: string;
  readonly flags: number;
}

export interface SearchHit {
  readonly roomId: number;
  readonly message: Message;
}

export interface SearchContext {
  /** My account id (from:me, to:me). */
  readonly me?: number;
  /** A room's name, for in:<name>. */
  roomName(roomId: number): string | undefined;
}

export class SearchIndex {
  /** Per room, the entries by message id (edits replace them). */
  private readonly _rooms = new Map<number, Map<string, Entry>>();
  private _count = 0;

  get size(): number {
    return this._count;
  }

  /** Adds or replaces messages of a room (a deleted message leaves the index). */
  upsert(roomId: number, messages: readonly Message[]): void {
    let room = this._rooms.get(roomId);
    if (!room) {
      room = new Map();
      this._rooms.set(roomId, room);
    }
    for (const message of messages) {
      const had = room.delete(message.message_id);
      if (had) this._count--;
      if (message.body === '[deleted]') continue;
      room.set(message.message_id, {
        roomId,
        message,
        text: normalizeText(searchableText(message.body)),
        name: normalizeText(message.account.name),
        flags: bodyFlags(message.body),
      });
      this._count++;
    }
  }

  removeRoom(roomId: number): void {
    this._count -= this._rooms.get(roomId)?.size ?? 0;
    this._rooms.delete(roomId);
  }

  clear(): void {
    this._rooms.clear();
    this._count = 0;
  }

  /** Matches newest first, at most `limit`. */
  search(query: ParsedQuery, context: SearchContext, limit: number): SearchHit[] {
    const hits: Entry[] = [];
    const roomFilter = this._roomFilter(query, context);
    const fromId = query.from === 'me' ? context.me : typeof query.from === 'number' ? query.from : undefined;
    const fromName = typeof query.from === 'string' && query.from !== 'me' ? query.from : undefined;
    if (query.from === 'me' && context.me === undefined) return [];
    if (query.toMe && context.me === undefined) return [];
    for (const [roomId, room] of this._rooms) {
      if (roomFilter && !roomFilter.has(roomId)) continue;
      for (const entry of room.values()) {
        const m = entry.message;
        if (fromId !== undefined && m.account.account_id !== fromId) continue;
        if (fromName !== undefined && !entry.name.includes(fromName)) continue;
        if (query.before !== undefined && m.send_time >= query.before) continue;
        if (query.after !== undefined && m.send_time < query.after) continue;
        if (query.hasFile && !(entry.flags & HAS_FILE)) continue;
        if (query.hasTask && !(entry.flags & HAS_TASK)) continue;
        if (query.toMe && !(entry.flags & TO_ALL) && !addressesAccount(m.body, context.me as number)) continue;
        if (!query.terms.every((term) => entry.text.includes(term))) continue;
        hits.push(entry);
      }
    }
    hits.sort((a, b) => b.message.send_time - a.message.send_time || (b.message.message_id > a.message.message_id ? 1 : -1));
    return hits.slice(0, limit).map(({ roomId, message }) => ({ roomId, message }));
  }

  private _roomFilter(query: ParsedQuery, context: SearchContext): Set<number> | undefined {
    if (query.in === undefined) return undefined;
    if (typeof query.in === 'number') return new Set([query.in]);
    const part = query.in;
    return new Set([...this._rooms.keys()].filter((id) => normalizeText(context.roomName(id) ?? '').includes(part)));
  }
}
