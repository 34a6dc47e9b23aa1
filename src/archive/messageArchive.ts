// One account's archive: a file per room under <root>/<accountId>/rooms/, written off the hot
// path. `record()` merges into memory at once and queues the records; a timer appends them in one
// batch per room. A failed write (full disk, read-only folder) is reported once and the archive
// keeps working from memory, retrying later by rewriting the rooms it could not save. No `vscode`.
import * as path from 'path';
import type { Message } from '../api/types';
import { Emitter } from '../store/emitter';
import { type ArchiveFs, errorCode, nodeArchiveFs } from './archiveFs';
import { type ArchiveRecord, encodeRecord } from './records';
import { loadRoomFile, rewriteRoomFile } from './roomFile';
import { type MergeKind, RoomHistory } from './roomHistory';
import { sizeCutoff } from './retention';

export interface ArchiveOptions {
  readonly fs?: ArchiveFs;
  readonly log?: (level: 'info' | 'warn', text: string) => void;
  /** Called once when writing fails (e.g. the disk is full); the archive goes on in memory. */
  readonly onWriteFailed?: (error: unknown) => void;
  /** Days to keep (0 = forever) and megabytes per account (0 = no limit), read when applied. */
  readonly retentionDays?: () => number;
  readonly maxSizeMB?: () => number;
  /** Delay before queued records are written (ms, default 300). */
  readonly flushDelayMs?: number;
  /** Delay before writing is tried again after a failure (ms, default 60 s). */
  readonly retryDelayMs?: number;
  readonly now?: () => number;
}

export interface ArchiveChange {
  readonly roomId: number;
  /** Messages added or replaced (edits, deletions); empty when the room was cleared or trimmed. */
  readonly messages: readonly Message[];
  /** The room was cleared or trimmed: its entries must be rebuilt. */
  readonly reset?: boolean;
}

/** Records for the same message that pile up before the file is rewritten with one per message. */
const MIN_GARBAGE = 200;

export class MessageArchive {
  private readonly _fs: ArchiveFs;
  private readonly _rooms = new Map<number, RoomHistory>();
  private readonly _loading = new Map<number, Promise<RoomHistory>>();
  /** Records waiting to be appended, per room. */
  private readonly _queue = new Map<number, ArchiveRecord[]>();
  /** Rooms whose file is behind memory after a failed write: rewritten whole when writing works again. */
  private readonly _unsaved = new Set<number>();
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _writing: Promise<void> = Promise.resolve();
  private _failed = false;
  private _warned = false;
  private _closed = false;
  private _allLoaded: Promise<RoomHistory[]> | undefined;
  private readonly _onDidChange = new Emitter<ArchiveChange>();
  readonly onDidChange = this._onDidChange.event;

  constructor(
    readonly root: string,
    readonly accountId: number,
    private readonly _options: ArchiveOptions = {},
  ) {
    this._fs = _options.fs ?? nodeArchiveFs;
  }

  get folder(): string {
    return path.join(this.root, String(this.accountId));
  }

  /** False after a write failed (until a retry succeeds): the archive lives in memory only. */
  get writable(): boolean {
    return !this._failed;
  }

  /** The room's history, read from its file on first use. */
  room(roomId: number): Promise<RoomHistory> {
    const loaded = this._rooms.get(roomId);
    if (loaded) return Promise.resolve(loaded);
    let loading = this._loading.get(roomId);
    if (!loading) {
      loading = this._load(roomId).finally(() => this._loading.delete(roomId));
      this._loading.set(roomId, loading);
    }
    return loading;
  }

  loadedRoom(roomId: number): RoomHistory | undefined {
    return this._rooms.get(roomId);
  }

  /** Every archived room (reads all files once; search needs them). */
  allRooms(): Promise<RoomHistory[]> {
    this._allLoaded ??= (async () => {
      const names = await this._fs.readdir(this._roomsDir);
      const ids = names.map((n) => /^([0-9]{1,16})\.jsonl$/.exec(n)?.[1]).filter((id): id is string => id !== undefined).map(Number);
      await Promise.all(ids.map((id) => this.room(id)));
      this._applySizeLimit();
      return [...this._rooms.values()];
    })();
    this._allLoaded.catch(() => (this._allLoaded = undefined));
    return this._allLoaded.then(() => [...this._rooms.values()]);
  }

  /**
   * Merges what Chatwork returned (see RoomHistory.merge) and queues the records. Returns at once;
   * when the room is not in memory yet it is read first (in the background).
   */
  record(roomId: number, kind: MergeKind, messages: readonly Message[]): void {
    if (this._closed || messages.length === 0) return;
    const room = this._rooms.get(roomId);
    if (room) this._merge(room, kind, messages);
    else void this.room(roomId).then((r) => this._closed || this._merge(r, kind, messages), (error: unknown) => this._log('warn', `Archive of room ${roomId} could not be read: ${describe(error)}`));
  }

  /** Writes everything queued now (tests, closing, before a reload). */
  async flush(): Promise<void> {
    clearTimeout(this._timer);
    this._timer = undefined;
    await Promise.all(this._loading.values());
    const queued = [...this._queue];
    this._queue.clear();
    this._writing = this._writing.then(() => this._write(queued));
    await this._writing;
  }

  /** Forgets one room: memory and file. */
  async clearRoom(roomId: number): Promise<void> {
    await this._writing;
    this._rooms.delete(roomId);
    this._queue.delete(roomId);
    this._unsaved.delete(roomId);
    await this._fs.remove(this._file(roomId));
    this._onDidChange.fire({ roomId, messages: [], reset: true });
  }

  /** Forgets every room of this account (the account's folder is removed). */
  async clearAll(): Promise<void> {
    await this._writing;
    const ids = [...this._rooms.keys()];
    this._rooms.clear();
    this._queue.clear();
    this._unsaved.clear();
    this._allLoaded = undefined;
    await this._fs.remove(this.folder);
    for (const roomId of ids) this._onDidChange.fire({ roomId, messages: [], reset: true });
  }

  /** Writes what is queued and stops; records after this are ignored (another account is active). */
  async close(): Promise<void> {
    if (this._closed) return;
    await this.flush().catch(() => undefined);
    this._closed = true;
    this._onDidChange.dispose();
  }

  private get _roomsDir(): string {
    return path.join(this.folder, 'rooms');
  }

  private _file(roomId: number): string {
    return path.join(this._roomsDir, `${roomId}.jsonl`);
  }

  private async _load(roomId: number): Promise<RoomHistory> {
    const now = this._now();
    const loaded = await loadRoomFile(this._fs, this._file(roomId), path.join(this.folder, 'quarantine'), roomId, now);
    if (loaded.quarantined) {
      this._log('warn', `Archive of room ${roomId} was corrupt (${loaded.badLines} unreadable records): moved to ${loaded.quarantined} and rebuilt from ${loaded.history.size} readable messages.`);
    } else if (loaded.rewrite) {
      this._log('info', `Archive of room ${roomId}: dropped an incomplete last record (interrupted write).`);
    }
    // Another load may have raced (clearRoom in between): the first one in memory wins.
    const existing = this._rooms.get(roomId);
    if (existing) return existing;
    const history = loaded.history;
    this._rooms.set(roomId, history);
    this._applyRetentionDays(history);
    if (loaded.rewrite || history.mustCompact) this._unsaved.add(roomId);
    if (this._unsaved.has(roomId)) this._schedule();
    return history;
  }

  private _merge(room: RoomHistory, kind: MergeKind, messages: readonly Message[]): void {
    const records = room.merge(kind, messages);
    if (records.length === 0) return;
    const queue = this._queue.get(room.roomId);
    if (queue) queue.push(...records);
    else this._queue.set(room.roomId, records);
    this._onDidChange.fire({ roomId: room.roomId, messages: records.length === 0 ? [] : messages });
    this._schedule();
  }

  private _schedule(): void {
    if (this._timer !== undefined || this._closed) return;
    const delay = this._failed ? (this._options.retryDelayMs ?? 60_000) : (this._options.flushDelayMs ?? 300);
    this._timer = setTimeout(() => {
      this._timer = undefined;
      void this.flush().catch(() => undefined);
    }, delay);
    // A pending write never keeps the process (or a test run) alive.
    (this._timer as { unref?: () => void }).unref?.();
  }

  private async _write(queued: [number, ArchiveRecord[]][]): Promise<void> {
    if (this._closed) return;
    if (this._failed) {
      // Writing failed before: try again by rewriting whole rooms (memory is complete).
      for (const [roomId] of queued) this._unsaved.add(roomId);
      queued = [];
    }
    try {
      await this._fs.mkdir(this._roomsDir);
      for (const [roomId, records] of queued) {
        if (this._unsaved.has(roomId)) continue;
        try {
          await this._fs.appendFile(this._file(roomId), records.map(encodeRecord).join(''));
        } catch (error) {
          this._unsaved.add(roomId);
          throw error;
        }
      }
      for (const room of this._rooms.values()) {
        if (this._unsaved.has(room.roomId) || room.mustCompact || room.garbage > Math.max(MIN_GARBAGE, room.size)) {
          await rewriteRoomFile(this._fs, this._file(room.roomId), room);
          this._unsaved.delete(room.roomId);
        }
      }
      if (this._failed) {
        this._failed = false;
        this._warned = false;
        this._log('info', 'The message archive is written to disk again.');
      }
    } catch (error) {
      for (const [roomId] of queued) this._unsaved.add(roomId);
      if (!this._failed) this._log('warn', `Writing the message archive failed (${errorCode(error) ?? describe(error)}); history is kept in memory only until writing works again.`);
      this._failed = true;
      if (!this._warned) {
        this._warned = true;
        this._options.onWriteFailed?.(error);
      }
      this._schedule();
    }
  }

  private _applyRetentionDays(room: RoomHistory): void {
    const days = this._options.retentionDays?.() ?? 0;
    if (days > 0 && room.trimBefore(this._now() / 1000 - days * 86_400) > 0) {
      this._onDidChange.fire({ roomId: room.roomId, messages: [], reset: true });
    }
  }

  /** Keeps the account's archive under the size limit by dropping its oldest messages. */
  private _applySizeLimit(): void {
    const limit = (this._options.maxSizeMB?.() ?? 0) * 1024 * 1024;
    if (limit <= 0) return;
    const cutoff = sizeCutoff([...this._rooms.values()], limit);
    if (cutoff === undefined) return;
    for (const room of this._rooms.values()) {
      if (room.trimBefore(cutoff) > 0) this._onDidChange.fire({ roomId: room.roomId, messages: [], reset: true });
    }
    this._schedule();
  }

  private _now(): number {
    return this._options.now?.() ?? Date.now();
  }

  private _log(level: 'info' | 'warn', text: string): void {
    this._options.log?.(level, text);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
