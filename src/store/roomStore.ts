import type { ChatworkClient } from '../api/chatworkClient';
import type { ChatworkFile, Member, Message, MyStatus, Room, RoomSummary, Task, TaskFilter } from '../api/types';
import { AccountNames } from './accountNames';
import type { ArchiveHook, ArchiveShape } from './archiveHook';
import { Emitter } from './emitter';
import { type Identity, type IdentityCache, identityOf } from './identity';
import { MergeResult, MessageLog } from './messageLog';
import { statusFromRooms } from './status';

/** The client calls the store makes; the real ChatworkClient satisfies it. */
export type StoreClient = Pick<
  ChatworkClient,
  'getMe' | 'getRooms' | 'getRoom' | 'getMembers' | 'getMessages' | 'getTasks' | 'getFiles' | 'getMyStatus'
>;

export type RoomPart = 'details' | 'members' | 'tasks' | 'files' | 'messages';

export interface RoomsChanged {
  /** Rooms whose summary (counts, name, last_update_time…) changed, were added or removed. */
  changed: number[];
  /** Rooms with new activity (last_update_time or a count moved): their children may have changed. */
  active: number[];
  /** The summaries before this refresh (for "did the mention count rise?"). */
  previous: ReadonlyMap<number, RoomSummary>;
  /** True when rooms were added or removed, or the order may have changed. */
  structural: boolean;
}

export interface MessagesChanged extends MergeResult {
  roomId: number;
}

interface RoomCache {
  details?: Promise<Room>;
  members?: Promise<Member[]>;
  tasks?: Promise<Task[]>;
  /** The filter the cached tasks were fetched with. */
  tasksFilter?: string;
  files?: Promise<ChatworkFile[]>;
  messages?: MessageLog;
  messagesLoading?: Promise<MessageLog>;
  /** Opened from the archive before Chatwork answered: the latest page is merged into it. */
  seeded?: MessageLog;
  /** What merging the latest page into the seeded log changed (already announced). */
  seedMerge?: MergeResult;
}

/**
 * Owns what the extension knows about Chatwork: the rooms list, per-room children loaded lazily and
 * cached until polling sees that the room changed (`last_update_time`), and the message log of rooms
 * that are being read. Views only listen to its events; one request per expanded node, never more.
 */
export class RoomStore {
  private _rooms: RoomSummary[] | undefined;
  private _roomsById = new Map<number, RoomSummary>();
  private _status: MyStatus | undefined;
  private readonly _cache = new Map<number, RoomCache>();
  private _me: Promise<Identity> | undefined;
  /** Names of the senders, members and "me" seen so far (plain text resolves ids with them). */
  readonly names = new AccountNames();
  /**
   * Bumped by clear(): an answer to a request made before it belongs to another account (it is
   * refused, and never archived).
   */
  private _epoch = 0;
  private _archive: ArchiveHook | undefined;

  private readonly _onDidChangeRooms = new Emitter<RoomsChanged>();
  readonly onDidChangeRooms = this._onDidChangeRooms.event;
  private readonly _onDidChangeRoomPart = new Emitter<{ roomId: number; part: RoomPart }>();
  readonly onDidChangeRoomPart = this._onDidChangeRoomPart.event;
  private readonly _onDidChangeMessages = new Emitter<MessagesChanged>();
  readonly onDidChangeMessages = this._onDidChangeMessages.event;
  private readonly _onDidChangeStatus = new Emitter<MyStatus>();
  readonly onDidChangeStatus = this._onDidChangeStatus.event;

  constructor(
    private readonly _client: StoreClient,
    private readonly _identityCache?: IdentityCache,
  ) {}

  /** Keeps every message received in the local archive, and opens rooms from it (see src/archive). */
  setArchive(archive: ArchiveHook | undefined): void {
    this._archive = archive;
  }

  /** Where a room's archived history begins and its gaps (undefined without an archive). */
  archiveShape(roomId: number): ArchiveShape | undefined {
    return this._archive?.shape(roomId);
  }

  get rooms(): readonly RoomSummary[] | undefined {
    return this._rooms;
  }

  get status(): MyStatus | undefined {
    return this._status;
  }

  /** GET /me once per token (who "I" am: own messages, mentions of me). */
  me(): Promise<Identity> {
    const cached = this._identityCache?.get();
    if (cached) {
      this.names.remember(cached.account_id, cached.name);
      return Promise.resolve(cached);
    }
    const epoch = this._epoch;
    this._me ??= this._client.getMe().then((me) => {
      const identity = identityOf(me);
      if (epoch !== this._epoch) throw new StaleAnswerError('GET /me');
      this._identityCache?.set(identity);
      this.names.remember(identity.account_id, identity.name);
      return identity;
    });
    this._me.catch(() => (this._me = undefined));
    return this._me;
  }

  /** Records who the token belongs to when it was just checked with GET /me (Set API Token). */
  rememberIdentity(me: Identity): void {
    this._identityCache?.set(identityOf(me));
  }

  /** Forgets everything (another token was set, or signed out). */
  clear(): void {
    this._epoch++;
    this._me = undefined;
    this._rooms = undefined;
    this._roomsById = new Map();
    this._status = undefined;
    this._cache.clear();
    this.names.clear();
    this._onDidChangeRooms.fire({ changed: [], active: [], previous: new Map(), structural: true });
  }

  room(roomId: number): RoomSummary | undefined {
    return this._roomsById.get(roomId);
  }

  /**
   * GET /rooms. Rooms whose summary changed lose their cached children (they are fetched again when
   * next shown) and are reported in onDidChangeRooms; an unchanged list fires nothing.
   */
  async refreshRooms(): Promise<RoomsChanged> {
    const epoch = this._epoch;
    const fresh = await this._client.getRooms();
    if (epoch !== this._epoch) throw new StaleAnswerError('GET /rooms');
    const previous = this._roomsById;
    const next = new Map(fresh.map((r) => [r.room_id, r]));
    const changed: number[] = [];
    const active: number[] = [];
    // A room added or removed is structural below; so is the first list.
    let structural = this._rooms === undefined;
    for (const room of fresh) {
      const old = previous.get(room.room_id);
      if (!old) {
        structural = true;
        changed.push(room.room_id);
      } else if (!sameSummary(old, room)) {
        changed.push(room.room_id);
        if (old.sticky !== room.sticky || old.last_update_time !== room.last_update_time) structural = true;
        // last_update_time has one-second resolution: a second message within the same second only
        // shows in message_num (and task/file changes in their counts).
        if (
          old.last_update_time !== room.last_update_time ||
          old.message_num !== room.message_num ||
          old.task_num !== room.task_num ||
          old.file_num !== room.file_num
        ) {
          active.push(room.room_id);
          this._invalidateChildren(room.room_id);
        }
      }
    }
    for (const roomId of previous.keys()) {
      if (!next.has(roomId)) {
        structural = true;
        changed.push(roomId);
        this._cache.delete(roomId);
      }
    }
    this._rooms = fresh;
    this._roomsById = next;
    if (this._status === undefined) {
      this._status = statusFromRooms(fresh);
      this._onDidChangeStatus.fire(this._status);
    }
    const result = { changed, active, previous, structural };
    if (changed.length > 0 || structural) this._onDidChangeRooms.fire(result);
    return result;
  }

  /** GET /my/status (the status bar's source). */
  async refreshStatus(): Promise<MyStatus> {
    const epoch = this._epoch;
    const status = await this._client.getMyStatus();
    if (epoch !== this._epoch) throw new StaleAnswerError('GET /my/status');
    this._status = status;
    this._onDidChangeStatus.fire(status);
    return status;
  }

  details(roomId: number): Promise<Room> {
    return this._cached(roomId, 'details', () => this._client.getRoom(roomId));
  }

  members(roomId: number): Promise<Member[]> {
    return this._cached(roomId, 'members', () =>
      this._client.getMembers(roomId).then((members) => {
        this.names.rememberAll(members);
        return members;
      }),
    );
  }

  /** The room's tasks matching the filter (one request; Chatwork filters server-side). */
  async tasks(roomId: number, filter: TaskFilter = { status: 'open' }): Promise<Task[]> {
    const cache = this._roomCache(roomId);
    const key = JSON.stringify(filter);
    if (cache.tasksFilter !== key) delete cache.tasks;
    cache.tasksFilter = key;
    return this._cached(roomId, 'tasks', () => this._client.getTasks(roomId, filter));
  }

  files(roomId: number): Promise<ChatworkFile[]> {
    return this._cached(roomId, 'files', () => this._client.getFiles(roomId));
  }

  /**
   * The room's messages: the latest 100 (force=1) on first use, then what polling added. With an
   * archive, a room read before answers at once with its whole archived history; the latest page
   * is merged in when Chatwork answers (announced in onDidChangeMessages).
   */
  async messages(roomId: number): Promise<readonly Message[]> {
    const cache = this._roomCache(roomId);
    if (cache.messages) return cache.messages.messages;
    if (!cache.seeded && this._archive) {
      const epoch = this._epoch;
      const archived = await this._archive.archived(roomId).catch(() => undefined);
      // Chatwork may have answered while the archive was read.
      const loaded = cache.messages as MessageLog | undefined;
      if (loaded) return loaded.messages;
      if (archived && epoch === this._epoch && !cache.seeded) {
        const log = new MessageLog();
        log.merge(archived);
        cache.seeded = log;
        // Chatwork's latest page is merged in the background; a failure leaves the archived view.
        this._messageLog(roomId).catch(() => undefined);
      }
    }
    if (cache.seeded) return cache.seeded.messages;
    return (await this._messageLog(roomId)).messages;
  }

  hasMessages(roomId: number): boolean {
    return this._cache.get(roomId)?.messages !== undefined;
  }

  /** Every room whose messages are loaded, with them (the agent tools search these; no request). */
  *cachedMessages(): IterableIterator<readonly [number, readonly Message[]]> {
    for (const [roomId, cache] of this._cache) if (cache.messages) yield [roomId, cache.messages.messages];
  }

  /** Diff poll (no force): only messages this token has not fetched yet. */
  async pollMessages(roomId: number, newerThan?: number): Promise<MergeResult> {
    if (!this.hasMessages(roomId)) {
      // First read of this room: the latest 100 (force=1) already hold whatever is new; announce
      // only those since `newerThan` (the room's previous last_update_time; same second included,
      // as that time has one-second resolution), not the whole history.
      const log = await this._messageLog(roomId);
      // Opened from the archive: merging the latest page already announced what was new.
      const seedMerge = this._cache.get(roomId)?.seedMerge;
      if (seedMerge) return seedMerge;
      const fresh = newerThan === undefined ? [] : log.messages.filter((m) => m.send_time >= newerThan);
      const result = { added: fresh, updated: [] };
      this._announce(roomId, result);
      return result;
    }
    const log = await this._messageLog(roomId);
    const epoch = this._epoch;
    const incoming = await this._client.getMessages(roomId);
    this._record(epoch, roomId, 'diff', incoming);
    const result = log.merge(incoming);
    this._announce(roomId, result);
    return result;
  }

  /** Re-reads the latest 100 (force=1): catches edits and deletions the diff does not report. */
  async reloadMessages(roomId: number): Promise<MergeResult> {
    const log = await this._messageLog(roomId);
    const epoch = this._epoch;
    const latest = await this._client.getMessages(roomId, { force: true });
    this._record(epoch, roomId, 'force', latest);
    const result = log.merge(latest);
    this._announce(roomId, result);
    return result;
  }

  /** Records a change the user made here (edit, delete) without another request. */
  applyMessage(roomId: number, message: Message): void {
    const log = this._cache.get(roomId)?.messages;
    this._archive?.record(roomId, 'edit', [message]);
    if (log) this._announce(roomId, log.merge([message]));
  }

  private _record(epoch: number, roomId: number, kind: 'force' | 'diff', messages: readonly Message[]): void {
    if (epoch === this._epoch) this._archive?.record(roomId, kind, messages);
  }

  /** Forgets a cached part so its next read asks Chatwork again, and tells the views. */
  invalidate(roomId: number, part: RoomPart): void {
    const cache = this._cache.get(roomId);
    if (cache && part !== 'messages') delete cache[part];
    this._onDidChangeRoomPart.fire({ roomId, part });
  }

  private _announce(roomId: number, result: MergeResult): void {
    this.names.rememberAll(result.added.map((m) => m.account));
    if (result.added.length > 0 || result.updated.length > 0) this._onDidChangeMessages.fire({ roomId, ...result });
  }

  private async _messageLog(roomId: number): Promise<MessageLog> {
    const cache = this._roomCache(roomId);
    const epoch = this._epoch;
    // Kept once loaded: later calls get the same log from it.
    cache.messagesLoading ??= this._client.getMessages(roomId, { force: true }).then(
      (latest) => {
        this._record(epoch, roomId, 'force', latest);
        this.names.rememberAll(latest.map((m) => m.account));
        const log = cache.seeded ?? new MessageLog();
        const result = log.merge(latest);
        cache.messages = log;
        if (cache.seeded) {
          cache.seedMerge = result;
          this._announce(roomId, result);
        }
        return log;
      },
      (error: unknown) => {
        delete cache.messagesLoading;
        throw error;
      },
    );
    return cache.messagesLoading as Promise<MessageLog>;
  }

  private _cached<K extends 'details' | 'members' | 'tasks' | 'files'>(
    roomId: number,
    part: K,
    load: () => NonNullable<RoomCache[K]>,
  ): NonNullable<RoomCache[K]> {
    const cache = this._roomCache(roomId);
    const existing = cache[part];
    if (existing) return existing as NonNullable<RoomCache[K]>;
    const promise = load();
    cache[part] = promise;
    // A failed load is not cached: the next expand (or Retry) asks again.
    promise.catch(() => {
      if (cache[part] === promise) delete cache[part];
    });
    return promise;
  }

  private _roomCache(roomId: number): RoomCache {
    let cache = this._cache.get(roomId);
    if (!cache) {
      cache = {};
      this._cache.set(roomId, cache);
    }
    return cache;
  }

  private _invalidateChildren(roomId: number): void {
    const cache = this._cache.get(roomId);
    if (!cache) return;
    for (const part of ['details', 'members', 'tasks', 'files'] as const) {
      if (cache[part]) {
        delete cache[part];
        this._onDidChangeRoomPart.fire({ roomId, part });
      }
    }
  }

  dispose(): void {
    this._onDidChangeRooms.dispose();
    this._onDidChangeRoomPart.dispose();
    this._onDidChangeMessages.dispose();
    this._onDidChangeStatus.dispose();
  }
}

function sameSummary(a: RoomSummary, b: RoomSummary): boolean {
  return (Object.keys(b) as (keyof RoomSummary)[]).every((key) => a[key] === b[key]);
}

/** An answer that arrived after the store was cleared (another account): it is dropped. */
export class StaleAnswerError extends Error {
  constructor(what: string) {
    super(`${what} answered for an account that is no longer active.`);
    this.name = 'StaleAnswerError';
  }
}
