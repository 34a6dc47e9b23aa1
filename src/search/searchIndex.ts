// The search engine: a plain scan over normalised text, kept in memory beside the archive. All
// texts sit in one string, newest message first; a query looks for its longest word with indexOf
// (the engine's fast substring search), checks the candidate's filters and other words, and stops
// after `limit` hits, which are then the newest ones. Messages that arrive later are checked one by
// one until enough piled up to join the texts again. No tokenizer, so Japanese
// matches any part of a word. The benchmark (test/bench/archiveBench.ts, README "Search") measured
// it against MiniSearch with a CJK bigram tokenizer: faster to build, smaller, and fast enough
// for 100,000 messages — so no library. No `vscode`.
import type { Message } from '../api/types';
import { compareMessageIds, DELETED_BODY } from '../store/messageLog';
import { normalizeText } from './normalize';
import type { ParsedQuery } from './query';
import { addressedAccounts, bodyFlags, HAS_FILE, HAS_TASK, searchableText, TO_ALL } from './searchText';

interface Entry {
  readonly roomId: number;
  readonly message: Message;
  /** Normalised searchable text (no NUL: that separates entries) and sender name. */
  readonly text: string;
  readonly name: string;
  readonly flags: number;
  readonly addressed: readonly number[];
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

const SEPARATOR = '\u0000';

/** The entries in time order and their texts joined, rebuilt after changes (on the next search). */
interface Built {
  readonly entries: readonly Entry[];
  readonly starts: Int32Array;
  readonly blob: string;
  readonly roomIds: readonly number[];
}

export class SearchIndex {
  private readonly _entries = new Map<string, Entry>();
  private _built: Built | undefined;
  /** Entries added or replaced since the texts were joined (searched one by one), and keys gone stale there. */
  private _recent = new Map<string, Entry>();
  private _stale = new Set<string>();

  get size(): number {
    return this._entries.size;
  }

  /** Adds or replaces messages of a room (a deleted message leaves the index). */
  upsert(roomId: number, messages: readonly Message[]): void {
    for (const message of messages) {
      const key = keyOf(roomId, message.message_id);
      const known = this._entries.get(key);
      if (known && known.message.body === message.body && known.message.account.name === message.account.name) continue;
      if (known) this._stale.add(key);
      if (message.body === DELETED_BODY) {
        this._entries.delete(key);
        this._recent.delete(key);
        continue;
      }
      const entry: Entry = {
        roomId,
        message,
        text: normalizeText(searchableText(message.body)).replaceAll(SEPARATOR, ' '),
        name: normalizeText(message.account.name),
        flags: bodyFlags(message.body),
        addressed: addressedAccounts(message.body),
      };
      this._entries.set(key, entry);
      // A poll adds a message or two: they are searched one by one until many piled up.
      if (this._built) this._recent.set(key, entry);
    }
    if (this._recent.size > REJOIN_AFTER) this._built = undefined;
  }

  removeRoom(roomId: number): void {
    const prefix = `${roomId}-`;
    for (const key of [...this._entries.keys()]) if (key.startsWith(prefix)) this._entries.delete(key);
    this._built = undefined;
  }

  clear(): void {
    this._entries.clear();
    this._built = undefined;
  }

  /** Matches newest first, at most `limit`. */
  search(query: ParsedQuery, context: SearchContext, limit: number): SearchHit[] {
    if ((query.from === 'me' || query.toMe) && context.me === undefined) return [];
    const { entries, starts, blob, roomIds } = this._build();
    const accept = this._filter(query, context, roomIds);
    const terms = [...query.terms].sort((a, b) => b.length - a.length);
    const [first, ...others] = terms;
    const found: Entry[] = [];
    const matches = (entry: Entry): boolean => accept(entry) && terms.every((t) => entry.text.includes(t));
    for (const entry of this._recent.values()) if (matches(entry)) found.push(entry);
    const stale = this._stale;
    let fromBlob = 0;
    const take = (entry: Entry): boolean => {
      if (stale.size > 0 && stale.has(keyOf(entry.roomId, entry.message.message_id))) return false;
      if (accept(entry) && others.every((t) => entry.text.includes(t))) {
        found.push(entry);
        fromBlob++;
      }
      return fromBlob >= limit;
    };
    if (first === undefined) {
      for (const entry of entries) if (take(entry)) break;
    } else {
      // Newest first: the first `limit` entries holding the longest word (and passing the rest).
      let from = 0;
      while (from < blob.length) {
        const at = blob.indexOf(first, from);
        if (at < 0) break;
        const i = entryAt(starts, at);
        if (take(entries[i] as Entry)) break;
        // On to the next entry: each counts once however often the word occurs in it.
        from = i + 1 < starts.length ? (starts[i + 1] as number) : blob.length;
      }
    }
    if (this._recent.size > 0) found.sort(newestFirst);
    return found.slice(0, limit).map((e) => ({ roomId: e.roomId, message: e.message }));
  }

  private _filter(query: ParsedQuery, context: SearchContext, roomIds: readonly number[]): (entry: Entry) => boolean {
    const rooms = roomFilter(query, context, roomIds);
    const fromId = query.from === 'me' ? context.me : typeof query.from === 'number' ? query.from : undefined;
    const fromName = typeof query.from === 'string' && query.from !== 'me' ? query.from : undefined;
    const me = context.me;
    return (entry) => {
      const m = entry.message;
      if (rooms && !rooms.has(entry.roomId)) return false;
      if (fromId !== undefined && m.account.account_id !== fromId) return false;
      if (fromName !== undefined && !entry.name.includes(fromName)) return false;
      if (query.before !== undefined && m.send_time >= query.before) return false;
      if (query.after !== undefined && m.send_time < query.after) return false;
      if (query.hasFile && !(entry.flags & HAS_FILE)) return false;
      if (query.hasTask && !(entry.flags & HAS_TASK)) return false;
      if (query.toMe && !(entry.flags & TO_ALL) && !entry.addressed.includes(me as number)) return false;
      return true;
    };
  }

  private _build(): Built {
    if (this._built) return this._built;
    const entries = [...this._entries.values()].sort(newestFirst);
    const starts = new Int32Array(entries.length);
    let offset = 0;
    for (let i = 0; i < entries.length; i++) {
      starts[i] = offset;
      offset += (entries[i] as Entry).text.length + 1;
    }
    const roomIds = [...new Set(entries.map((e) => e.roomId))];
    this._built = { entries, starts, blob: entries.map((e) => e.text).join(SEPARATOR), roomIds };
    this._recent = new Map();
    this._stale = new Set();
    return this._built;
  }
}

/** Texts joined again once this many messages were added or changed since. */
const REJOIN_AFTER = 2000;

const keyOf = (roomId: number, messageId: string): string => `${roomId}-${messageId}`;

function newestFirst(a: Entry, b: Entry): number {
  return b.message.send_time - a.message.send_time || compareMessageIds(b.message.message_id, a.message.message_id) || b.roomId - a.roomId;
}

/** The rooms `in:` names (an id, or a part of the room's name). */
function roomFilter(query: ParsedQuery, context: SearchContext, roomIds: readonly number[]): Set<number> | undefined {
  if (query.in === undefined) return undefined;
  if (typeof query.in === 'number') return new Set([query.in]);
  const part = query.in;
  return new Set(roomIds.filter((id) => normalizeText(context.roomName(id) ?? '').includes(part)));
}

/** The entry whose text contains blob position `at` (the last start ≤ at). */
function entryAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
