// One room's archived history in memory, and the rules that merge what Chatwork returns into it.
// Every change is also returned as records for the room's file (the caller appends them later,
// off the hot path). No `vscode`.
import type { Message } from '../api/types';
import { compareMessageIds, DELETED_BODY, isOlderCopy } from '../store/messageLog';
import { type ArchiveRecord, fromRecord, toRecord } from './records';

/** Chatwork returns at most this many messages per GET …/messages. */
export const PAGE_SIZE = 100;

/** Messages between two archived ones that were never received. */
export interface HistoryGap {
  /** The newest message before the gap, and the oldest after it. */
  readonly afterId: string;
  readonly beforeId: string;
}

export interface HistoryShape {
  /** True when the room's first message is archived (nothing older exists). */
  readonly complete: boolean;
  readonly gaps: readonly HistoryGap[];
}

export type MergeKind = 'force' | 'diff' | 'edit';

export class RoomHistory {
  private readonly _byId = new Map<string, Message>();
  private _ordered: Message[] = [];
  private readonly _gaps = new Map<string, string>();
  private _complete = false;
  /** Records in the file beyond one per live message: compaction is due when they pile up. */
  private _garbage = 0;
  /** A deleted or trimmed message's text is still in the file: rewrite it soon. */
  mustCompact = false;

  constructor(readonly roomId: number) {}

  get messages(): readonly Message[] {
    return this._ordered;
  }

  get size(): number {
    return this._ordered.length;
  }

  get garbage(): number {
    return this._garbage;
  }

  get(messageId: string): Message | undefined {
    return this._byId.get(messageId);
  }

  get shape(): HistoryShape {
    return { complete: this._complete, gaps: [...this._gaps].map(([afterId, beforeId]) => ({ afterId, beforeId })) };
  }

  /** Replays one record read from the file. */
  replay(record: ArchiveRecord): void {
    switch (record.t) {
      case 'm':
        if (this._byId.has(record.id)) {
          this._garbage++;
          if (record.b === DELETED_BODY) this.mustCompact = true;
        }
        this._put(fromRecord(record));
        break;
      case 'g':
        this._gaps.set(record.after, record.before);
        break;
      case 'c':
        if (this._gaps.delete(record.after)) this._garbage += 2;
        break;
      case 'b':
        this._complete = true;
        break;
    }
  }

  /**
   * Merges messages from Chatwork and returns the records to append. `force` is the room's latest
   * page (GET …/messages?force=1), `diff` what a diff poll returned, `edit` a change made here.
   */
  merge(kind: MergeKind, incoming: readonly Message[]): ArchiveRecord[] {
    const records: ArchiveRecord[] = [];
    const newestBefore = this._ordered[this._ordered.length - 1]?.message_id;
    const sorted = [...incoming].sort((a, b) => compareMessageIds(a.message_id, b.message_id));
    const oldestIncoming = sorted[0]?.message_id;
    // A full page that starts after everything archived may have skipped messages in between.
    if (kind !== 'edit' && newestBefore !== undefined && oldestIncoming !== undefined && sorted.length >= PAGE_SIZE &&
      compareMessageIds(oldestIncoming, newestBefore) > 0) {
      this._gaps.set(newestBefore, oldestIncoming);
      records.push({ t: 'g', after: newestBefore, before: oldestIncoming });
    }
    // A latest page with fewer than a page of messages is the room's whole history.
    if (kind === 'force' && sorted.length < PAGE_SIZE && !this._complete && (newestBefore === undefined ||
      (oldestIncoming !== undefined && compareMessageIds(this._ordered[0]!.message_id, oldestIncoming) >= 0))) {
      this._complete = true;
      records.push({ t: 'b' });
    }
    for (const message of sorted) {
      const known = this._byId.get(message.message_id);
      if (known && known.body === message.body && known.update_time === message.update_time && known.account.name === message.account.name) continue;
      // An answer that was on its way while a newer copy was recorded (an edit, a deletion).
      if (known && isOlderCopy(known, message)) continue;
      if (known) {
        this._garbage++;
        // The archived copy of a deleted message must not stay readable in the file either.
        if (message.body === DELETED_BODY) this.mustCompact = true;
      }
      this._put(message);
      records.push(toRecord(message));
    }
    return records;
  }

  /** Drops messages sent before `sendTime` (retention); returns how many. */
  trimBefore(sendTime: number): number {
    const keep = this._ordered.filter((m) => m.send_time >= sendTime);
    const dropped = this._ordered.length - keep.length;
    if (dropped === 0) return 0;
    for (const m of this._ordered) if (m.send_time < sendTime) this._byId.delete(m.message_id);
    this._ordered = keep;
    this._complete = false;
    for (const [after, before] of [...this._gaps]) if (!this._byId.has(before)) this._gaps.delete(after);
    this.mustCompact = true;
    return dropped;
  }

  /** What a compacted file holds: one record per live message, the gaps, the beginning. */
  snapshotRecords(): ArchiveRecord[] {
    const records: ArchiveRecord[] = this._complete ? [{ t: 'b' }] : [];
    for (const m of this._ordered) records.push(toRecord(m));
    for (const [after, before] of this._gaps) records.push({ t: 'g', after, before });
    return records;
  }

  compacted(): void {
    this._garbage = 0;
    this.mustCompact = false;
  }

  private _put(message: Message): void {
    const id = message.message_id;
    const exists = this._byId.has(id);
    this._byId.set(id, message);
    if (exists) {
      const index = this._indexOf(id);
      if (index >= 0) this._ordered[index] = message;
      return;
    }
    const last = this._ordered[this._ordered.length - 1];
    // The usual case (a newer message) appends; an older one is inserted in place.
    if (last === undefined || compareMessageIds(id, last.message_id) > 0) this._ordered.push(message);
    else this._ordered.splice(this._insertionPoint(id), 0, message);
  }

  private _insertionPoint(id: string): number {
    let lo = 0;
    let hi = this._ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareMessageIds(this._ordered[mid]!.message_id, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private _indexOf(id: string): number {
    const i = this._insertionPoint(id);
    return this._ordered[i]?.message_id === id ? i : -1;
  }
}
