// Search and reply threads over the messages the extension holds. The interface is what the tools
// use; StoreMessageSearch answers it from the room store's cached message logs. A local archive
// with its own index (issue 15) can implement the same interface and replace it. No `vscode`.

import type { Message } from '../api/types';
import { forEachNode, parse, toPlainText } from '../notation';

export interface FoundMessage {
  readonly roomId: number;
  readonly message: Message;
}

export interface MessageThread {
  readonly roomId: number;
  readonly message: Message;
  /** The messages it replies to, oldest first (the chain of `[rp]` upwards). */
  readonly repliesTo: readonly Message[];
  /** Replies to it and to those replies, in order. */
  readonly replies: readonly Message[];
  /** Messages it quotes and messages that quote it (`[qt][qtmeta aid time]`), in order. */
  readonly quotes: readonly Message[];
}

export interface SearchOptions {
  readonly limit: number;
  /** Only this room. */
  readonly roomId?: number;
}

export interface MessageSearch {
  /** Messages whose text holds every word of the query (case-insensitive), newest first. */
  search(query: string, options: SearchOptions): Promise<FoundMessage[]>;
  /** The message with its replies and quotes, or undefined when the message is not held. */
  thread(roomId: number, messageId: string): Promise<MessageThread | undefined>;
}

/** Where the messages come from: RoomStore.cachedMessages() (every room with a loaded log). */
export interface MessageSource {
  cachedMessages(): Iterable<readonly [roomId: number, messages: readonly Message[]]>;
}

interface Links {
  readonly replyTo: readonly string[];
  readonly quotes: readonly { readonly accountId: number; readonly time: number }[];
}

interface RoomIndex {
  readonly length: number;
  readonly last: Message | undefined;
  readonly text: string;
  readonly starts: Int32Array;
}

const MAX_DEPTH = 50;

export class StoreMessageSearch implements MessageSearch {
  // Per message object (a log replaces the object on an edit, so an edit is never searched stale).
  private readonly _lower = new WeakMap<Message, string>();
  private readonly _plain = new WeakMap<Message, string>();
  private readonly _links = new WeakMap<Message, Links>();
  private readonly _rooms = new WeakMap<readonly Message[], RoomIndex>();

  constructor(private readonly _source: MessageSource) {}

  async search(query: string, options: SearchOptions): Promise<FoundMessage[]> {
    return this.searchNow(query, options);
  }

  /** search() without the promise (the bench measures this). */
  searchNow(query: string, options: SearchOptions): FoundMessage[] {
    const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
    if (words.length === 0 || options.limit <= 0) return [];
    // The longest word is the rarest, as a rule: it finds the candidates, the others confirm.
    const probe = words.reduce((a, b) => (b.length > a.length ? b : a));
    // Rooms with the newest messages first: once `limit` hits are found, a room whose newest
    // message is older than all of them cannot add one, nor can any room after it.
    const rooms = [...this._source.cachedMessages()]
      .filter(([roomId, messages]) => messages.length > 0 && (options.roomId === undefined || roomId === options.roomId))
      .sort((a, b) => newestTime(b[1]) - newestTime(a[1]));
    let hits: FoundMessage[] = [];
    let oldestKept = -Infinity;
    const keep = (): void => {
      hits.sort((a, b) => b.message.send_time - a.message.send_time);
      hits = hits.slice(0, options.limit);
      if (hits.length >= options.limit) oldestKept = (hits[hits.length - 1] as FoundMessage).message.send_time;
    };
    for (const [roomId, messages] of rooms) {
      if (newestTime(messages) < oldestKept) break;
      const index = this._indexOf(messages);
      const offsets: number[] = [];
      for (let at = index.text.indexOf(probe); at >= 0; at = index.text.indexOf(probe, at + probe.length)) offsets.push(at);
      // Newest first within the room, down to the oldest hit still wanted.
      let inRoom = 0;
      let previous = -1;
      for (let k = offsets.length - 1; k >= 0 && inRoom < options.limit; k--) {
        const i = messageAt(index.starts, offsets[k] as number);
        if (i === previous) continue;
        previous = i;
        const message = messages[i] as Message;
        if (message.send_time < oldestKept) break;
        // The raw body is the cheap filter; the plain text (tags resolved) decides.
        if (!hasAll(this._lowerOf(message), words) || !hasAll(this._plainOf(message), words)) continue;
        hits.push({ roomId, message });
        inRoom++;
      }
      if (hits.length >= options.limit) keep();
    }
    keep();
    return hits;
  }

  /**
   * The room's bodies lower-cased and joined, with where each starts: one indexOf over a room is
   * much faster than one per message. A log that grew or was replaced (an edit) is indexed again.
   */
  private _indexOf(messages: readonly Message[]): RoomIndex {
    const cached = this._rooms.get(messages);
    if (cached && cached.length === messages.length && cached.last === messages[messages.length - 1]) return cached;
    const starts = new Int32Array(messages.length);
    const parts: string[] = [];
    let offset = 0;
    for (const [i, message] of messages.entries()) {
      starts[i] = offset;
      const lower = this._lowerOf(message);
      parts.push(lower);
      offset += lower.length + 1;
    }
    const index = { length: messages.length, last: messages[messages.length - 1], text: parts.join('\u0000'), starts };
    this._rooms.set(messages, index);
    return index;
  }

  async thread(roomId: number, messageId: string): Promise<MessageThread | undefined> {
    let messages: readonly Message[] | undefined;
    for (const [id, list] of this._source.cachedMessages()) if (id === roomId) messages = list;
    const message = messages?.find((m) => m.message_id === messageId);
    if (!messages || !message) return undefined;
    const byId = new Map(messages.map((m) => [m.message_id, m]));

    const repliesTo: Message[] = [];
    const seen = new Set([messageId]);
    for (let at: Message | undefined = message; at && repliesTo.length < MAX_DEPTH; ) {
      const parentId: string | undefined = this._linksOf(at).replyTo.find((id) => !seen.has(id));
      const parent: Message | undefined = parentId === undefined ? undefined : byId.get(parentId);
      if (!parent || parentId === undefined) break;
      seen.add(parentId);
      repliesTo.unshift(parent);
      at = parent;
    }

    const inThread = new Set([messageId]);
    const replies: Message[] = [];
    for (const m of messages) {
      if (inThread.has(m.message_id) || replies.length >= MAX_DEPTH * 4) continue;
      if (this._linksOf(m).replyTo.some((id) => inThread.has(id))) {
        inThread.add(m.message_id);
        replies.push(m);
      }
    }

    const own = this._linksOf(message).quotes;
    const quotes = messages.filter(
      (m) =>
        m !== message &&
        (own.some((q) => q.accountId === m.account.account_id && q.time === m.send_time) ||
          this._linksOf(m).quotes.some((q) => q.accountId === message.account.account_id && q.time === message.send_time)),
    );
    return { roomId, message, repliesTo, replies, quotes: quotes.slice(-MAX_DEPTH) };
  }

  private _lowerOf(message: Message): string {
    let text = this._lower.get(message);
    if (text === undefined) this._lower.set(message, (text = message.body.toLowerCase()));
    return text;
  }

  private _plainOf(message: Message): string {
    let text = this._plain.get(message);
    if (text === undefined) this._plain.set(message, (text = toPlainText(parse(message.body)).toLowerCase()));
    return text;
  }

  private _linksOf(message: Message): Links {
    let links = this._links.get(message);
    if (links === undefined) {
      const replyTo: string[] = [];
      const quotes: { accountId: number; time: number }[] = [];
      forEachNode(parse(message.body), (node) => {
        if (node.type === 'reply') replyTo.push(node.messageId);
        else if (node.type === 'quote' && node.accountId !== undefined && node.time !== undefined) quotes.push({ accountId: node.accountId, time: node.time });
      }, { includeQuotes: false });
      this._links.set(message, (links = { replyTo, quotes }));
    }
    return links;
  }
}

function hasAll(text: string, words: readonly string[]): boolean {
  for (const word of words) if (!text.includes(word)) return false;
  return true;
}

/** The message whose text holds `offset` (binary search over the start offsets). */
function messageAt(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function newestTime(messages: readonly Message[]): number {
  return messages[messages.length - 1]?.send_time ?? 0;
}
