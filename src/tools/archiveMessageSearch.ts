// The agent tools' search and threads over the local history (src/archive), where it exists, with
// the room store's cached messages as the fallback (history turned off, or not yet written).
// No `vscode`.

import type { Message } from '../api/types';
import type { MessageHistory } from '../archive/messageHistory';
import type { FoundMessage, MessageSearch, MessageThread, SearchOptions } from './messageSearch';

export class ArchiveMessageSearch implements MessageSearch {
  constructor(
    private readonly _history: Pick<MessageHistory, 'search' | 'thread'>,
    private readonly _held: MessageSearch,
    private readonly _me: () => Promise<number | undefined>,
  ) {}

  async search(query: string, options: SearchOptions): Promise<FoundMessage[]> {
    // The archive's query language also scopes by room (`in:<id>`); plain words mean the same in both.
    const scoped = options.roomId === undefined ? query : `${query} in:${options.roomId}`;
    const { hits } = await this._history.search(scoped, options.limit, await this._me());
    if (hits.length >= options.limit) return [...hits];
    // Messages the store holds but the archive has not written yet (or keeps none of) still count.
    const seen = new Set(hits.map((h) => `${h.roomId}-${h.message.message_id}`));
    const held = (await this._held.search(query, options)).filter((f) => !seen.has(`${f.roomId}-${f.message.message_id}`));
    return [...hits, ...held].sort((a, b) => b.message.send_time - a.message.send_time).slice(0, options.limit);
  }

  async thread(roomId: number, messageId: string): Promise<MessageThread | undefined> {
    const held = await this._held.thread(roomId, messageId);
    const archived = await this._history.thread(roomId, messageId);
    const focusAt = archived.messages.findIndex((m) => m.focus);
    const focus = archived.messages[focusAt];
    // The store's thread knows replies and quotes apart; the archive's reaches further back.
    if (!focus || (held && archived.messages.length <= 1 + held.repliesTo.length + held.replies.length + held.quotes.length)) return held;
    const before: Message[] = archived.messages.slice(0, focusAt).map((m) => m.message);
    const after: Message[] = archived.messages.slice(focusAt + 1).map((m) => m.message);
    return { roomId, message: focus.message, repliesTo: before, replies: after, quotes: [] };
  }
}
