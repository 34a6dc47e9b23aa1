// The archive as the rest of the extension sees it: the hook the store records through, and the
// search and thread API (also for the agent tools). It opens the archive of the account currently
// signed in (lazily, on first use) and closes it when another account becomes active, so two
// accounts never mix. No `vscode`.
import * as path from 'path';
import type { Message } from '../api/types';
import type { ArchiveHook, ArchiveMergeKind, ArchiveShape } from '../store/archiveHook';
import { parseQuery, type ParsedQuery } from '../search/query';
import { SearchIndex, type SearchHit } from '../search/searchIndex';
import { type ArchiveOptions, MessageArchive } from './messageArchive';
import { assembleThread, type Thread } from './thread';

export type { SearchHit } from '../search/searchIndex';
export type { Thread, ThreadMessage } from './thread';

export interface MessageHistoryOptions extends ArchiveOptions {
  /** Folder holding one sub-folder per account (globalStorageUri/history). */
  readonly root: string;
  /** The account signed in now (undefined: none). */
  readonly account: () => Promise<number | undefined>;
  /** False: keep no archive (memory only). */
  readonly enabled: () => boolean;
  /** Room names for `in:`. */
  readonly roomName: (roomId: number) => string | undefined;
}

export interface SearchResult {
  readonly hits: readonly SearchHit[];
  /** Filters that could not be read. */
  readonly problems: readonly string[];
}

export class MessageHistory implements ArchiveHook {
  private _archive: MessageArchive | undefined;
  private _opening: Promise<MessageArchive | undefined> | undefined;
  private _index: { archive: MessageArchive; index: Promise<SearchIndex> } | undefined;

  constructor(private readonly _options: MessageHistoryOptions) {}

  /** The open archive, if any (tests, Clear Local History). */
  get archive(): MessageArchive | undefined {
    return this._archive;
  }

  /** The archive of the account signed in now (opened, or reopened for another account). */
  async current(): Promise<MessageArchive | undefined> {
    if (!this._options.enabled()) return undefined;
    const accountId = await this._options.account().catch(() => undefined);
    if (accountId === undefined) return undefined;
    if (this._archive?.accountId === accountId) return this._archive;
    this._opening ??= (async () => {
      await this.close();
      const archive = new MessageArchive(path.join(this._options.root), accountId, this._options);
      this._archive = archive;
      return archive;
    })().finally(() => (this._opening = undefined));
    return this._opening;
  }

  /** Writes what is queued and closes the archive (sign-out, another account, deactivation). */
  async close(): Promise<void> {
    const archive = this._archive;
    this._archive = undefined;
    this._index = undefined;
    await archive?.close();
  }

  // ── ArchiveHook (the store) ──

  async archived(roomId: number): Promise<readonly Message[] | undefined> {
    const archive = await this.current();
    if (!archive) return undefined;
    const room = await archive.room(roomId);
    return room.size > 0 ? room.messages : undefined;
  }

  shape(roomId: number): ArchiveShape | undefined {
    return this._archive?.loadedRoom(roomId)?.shape;
  }

  record(roomId: number, kind: ArchiveMergeKind, messages: readonly Message[]): void {
    if (messages.length === 0 || !this._options.enabled()) return;
    const archive = this._archive;
    // The account is known (the archive is open) in the usual case: merge now.
    if (archive) archive.record(roomId, kind, messages);
    else void this.current().then((a) => a?.record(roomId, kind, messages));
  }

  // ── Search and threads (the command, the agent tools) ──

  /** Archived messages matching `query` (words and filters, see src/search/query.ts), newest first. */
  async search(query: string, limit = 50, me?: number): Promise<SearchResult> {
    const parsed: ParsedQuery = parseQuery(query);
    const index = await this._searchIndex();
    if (!index) return { hits: [], problems: parsed.problems };
    return { hits: index.search(parsed, { me, roomName: this._options.roomName }, limit), problems: parsed.problems };
  }

  /** The conversation around a message: what it replies to or quotes, and what replied to it. */
  async thread(roomId: number, messageId: string): Promise<Thread> {
    const archive = await this.current();
    if (!archive) return { messages: [], missing: [{ roomId, messageId }] };
    const rooms = await archive.allRooms();
    return assembleThread(new Map(rooms.map((r) => [r.roomId, r.messages])), roomId, messageId);
  }

  /** One archived message (the reply chip's parent, a search hit). */
  async message(roomId: number, messageId: string): Promise<Message | undefined> {
    const archive = await this.current();
    return archive ? (await archive.room(roomId)).get(messageId) : undefined;
  }

  private async _searchIndex(): Promise<SearchIndex | undefined> {
    const archive = await this.current();
    if (!archive) return undefined;
    if (this._index?.archive !== archive) {
      const index = new SearchIndex();
      // Follow changes from now on, then read everything archived so far.
      archive.onDidChange((change) => {
        if (change.reset) {
          index.removeRoom(change.roomId);
          const room = archive.loadedRoom(change.roomId);
          if (room) index.upsert(change.roomId, room.messages);
        } else index.upsert(change.roomId, change.messages);
      });
      const built = archive.allRooms().then((rooms) => {
        for (const room of rooms) index.upsert(room.roomId, room.messages);
        return index;
      });
      this._index = { archive, index: built };
      built.catch(() => (this._index = undefined));
    }
    return this._index.index;
  }
}
