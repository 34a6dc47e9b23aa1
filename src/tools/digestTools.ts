// The beyond-parity reading tools: unread digest, find messages, thread.
import type { Message } from '../api/types';
import { chatData, messageEntry, namesFrom, quoted } from './resultText';
import { type AnyChatworkTool, ChatworkTool, type ToolDeps } from './toolBase';
import { count, id, messageId } from './toolInput';
import { UnreadDigest } from './unreadDigest';

interface DigestInput { maxRooms?: number; perRoom?: number; mentionsOnly?: boolean }

export class UnreadDigestTool extends ChatworkTool<DigestInput> {
  readonly name = 'chatwork_unread_digest';
  readonly kind = 'read';
  private readonly _digest = new UnreadDigest(this.deps.store);
  protected run(input: DigestInput): Promise<string> {
    return this._digest.text({ maxRooms: count(input.maxRooms, 10, 50), perRoom: count(input.perRoom, 5, 20), mentionsOnly: input.mentionsOnly });
  }
}

export class FindMessagesTool extends ChatworkTool<{ query: string; roomId?: number; limit?: number }> {
  readonly name = 'chatwork_find_messages';
  readonly kind = 'read';
  protected async run(input: { query: string; roomId?: number; limit?: number }): Promise<string> {
    const query = String(input.query ?? '').trim();
    if (query === '') return 'Give a query: the words to look for.';
    const found = await this.deps.search.search(query, { limit: count(input.limit, 20, 50), roomId: input.roomId === undefined ? undefined : id(input.roomId) });
    let held = 0;
    let rooms = 0;
    for (const [, messages] of this.deps.store.cachedMessages()) {
      held += messages.length;
      rooms++;
    }
    const roomName = (roomId: number): string => {
      const room = this.deps.store.room(roomId);
      return room ? ` in ${quoted(room.name)}` : '';
    };
    return chatData(
      `${found.length} messages holding “${query.replace(/[“”\n]/g, ' ')}”, newest first, among the ${held} messages the extension holds in ${rooms} rooms (older history is not searched):`,
      found.map((f) => messageEntry(f.roomId, f.message).replace('\n', `${roomName(f.roomId)}\n`)),
    );
  }
}

export class ThreadTool extends ChatworkTool<{ roomId: number; messageId: string }> {
  readonly name = 'chatwork_thread';
  readonly kind = 'read';
  protected async run(input: { roomId: number; messageId: string }): Promise<string> {
    const roomId = id(input.roomId);
    const target = messageId(input.messageId);
    let thread = await this.deps.search.thread(roomId, target);
    if (!thread && !this.deps.store.hasMessages(roomId)) {
      await this.deps.store.messages(roomId); // the latest 100 (force=1), kept in the store
      thread = await this.deps.search.thread(roomId, target);
    }
    if (!thread) {
      const message = await this.deps.client.getMessage(roomId, target);
      return chatData('The message (older than the history the extension holds, so its replies and quotes are unknown):', [messageEntry(roomId, message)]);
    }
    const all: Message[] = [...thread.repliesTo, thread.message, ...thread.replies, ...thread.quotes];
    const names = namesFrom(all);
    const section = (title: string, list: readonly Message[]): string[] => (list.length === 0 ? [] : [title, ...list.map((m) => messageEntry(roomId, m, names))]);
    return chatData(`The thread of message ${target} in room ${roomId}:`, [
      ...section('## replied to (oldest first)', thread.repliesTo),
      '## the message',
      messageEntry(roomId, thread.message, names),
      ...section('## replies', thread.replies),
      ...section('## quoted by it or quoting it', thread.quotes),
    ]);
  }
}

export function digestTools(deps: ToolDeps): AnyChatworkTool[] {
  return [new UnreadDigestTool(deps), new FindMessagesTool(deps), new ThreadTool(deps)];
}
