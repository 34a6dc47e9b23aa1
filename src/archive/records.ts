// The archive's on-disk records: one JSON object per line (JSON Lines), appended as messages
// arrive. Short keys keep 100,000 messages small; the loader rebuilds a room by replaying them.
// No `vscode`.
import type { Message } from '../api/types';

/** A message as archived (the API's Message without nesting). */
export interface MessageRecord {
  readonly t: 'm';
  readonly id: string;
  /** Sender account id, name and avatar URL at the time. */
  readonly a: number;
  readonly n: string;
  readonly v: string;
  readonly b: string;
  readonly s: number;
  readonly u: number;
}

/** Messages between `after` and `before` were never received (more than a page arrived unseen). */
export interface GapRecord {
  readonly t: 'g';
  readonly after: string;
  readonly before: string;
}

/** A gap closed: the messages in it arrived after all (rare: a late diff). */
export interface GapClosedRecord {
  readonly t: 'c';
  readonly after: string;
}

/** The room's first message is archived: nothing older exists, so no "older are unavailable" marker. */
export interface BeginningRecord {
  readonly t: 'b';
}

export type ArchiveRecord = MessageRecord | GapRecord | GapClosedRecord | BeginningRecord;

export function toRecord(m: Message): MessageRecord {
  return {
    t: 'm', id: m.message_id, a: m.account.account_id, n: m.account.name, v: m.account.avatar_image_url,
    b: m.body, s: m.send_time, u: m.update_time,
  };
}

export function fromRecord(r: MessageRecord): Message {
  return { message_id: r.id, account: { account_id: r.a, name: r.n, avatar_image_url: r.v }, body: r.b, send_time: r.s, update_time: r.u };
}

/** Parses one line; undefined when it is not a well-formed record (torn or corrupt). */
export function parseRecord(line: string): ArchiveRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const r = value as Record<string, unknown>;
  switch (r.t) {
    case 'm':
      return typeof r.id === 'string' && /^[0-9]{1,19}$/.test(r.id) && typeof r.a === 'number' && typeof r.n === 'string' &&
        typeof r.v === 'string' && typeof r.b === 'string' && typeof r.s === 'number' && typeof r.u === 'number'
        ? (r as unknown as MessageRecord)
        : undefined;
    case 'g':
      return typeof r.after === 'string' && typeof r.before === 'string' ? (r as unknown as GapRecord) : undefined;
    case 'c':
      return typeof r.after === 'string' ? (r as unknown as GapClosedRecord) : undefined;
    case 'b':
      return { t: 'b' };
    default:
      return undefined;
  }
}

export function encodeRecord(r: ArchiveRecord): string {
  return JSON.stringify(r) + '\n';
}
