// Reply threads: a message, what it replies to or quotes (followed up the chain), and everything
// that replies to or quotes any of those (followed down), in the order it was said. Replies name
// their parent (`[rp aid=… to=room-message]`); quotes only name author and time
// (`[qtmeta aid=… time=…]`), matched to the archived message with that author and send time.
// No `vscode`.
import type { Message } from '../api/types';

export interface ThreadMessage {
  readonly roomId: number;
  readonly message: Message;
  /** The message the thread was asked for. */
  readonly focus: boolean;
}

export interface Thread {
  readonly messages: readonly ThreadMessage[];
  /** Parents that were replied to but are not archived (older than the archive, or elsewhere). */
  readonly missing: readonly { roomId: number; messageId: string }[];
}

interface Ref {
  readonly key: string;
}

const REPLY = /\[(?:rp|返信) aid=\d+ to=(\d+)-(\d+)\]/g;
const QUOTE = /\[qtmeta aid=(\d+) time=(\d+)\]/g;

const keyOf = (roomId: number, messageId: string): string => `${roomId}-${messageId}`;

/** What a message points at: reply targets by room-message key, quotes by author and time. */
function parentRefs(roomId: number, body: string, bySenderTime: Map<string, string>): Ref[] {
  const refs: Ref[] = [];
  if (body.includes('[rp ') || body.includes('[返信 ')) {
    for (const m of body.matchAll(REPLY)) refs.push({ key: keyOf(Number(m[1]), m[2] as string) });
  }
  if (body.includes('[qtmeta ')) {
    for (const m of body.matchAll(QUOTE)) {
      // The same room first, then any room (a quote pasted from elsewhere).
      const key = bySenderTime.get(`${roomId}:${m[1]}:${m[2]}`) ?? bySenderTime.get(`*:${m[1]}:${m[2]}`);
      if (key) refs.push({ key });
    }
  }
  return refs;
}

/** Assembles the thread around `roomId`/`messageId` from archived rooms (roomId → oldest-first messages). */
export function assembleThread(rooms: ReadonlyMap<number, readonly Message[]>, roomId: number, messageId: string): Thread {
  const byKey = new Map<string, { roomId: number; message: Message }>();
  const bySenderTime = new Map<string, string>();
  for (const [rid, messages] of rooms) {
    for (const message of messages) {
      const key = keyOf(rid, message.message_id);
      byKey.set(key, { roomId: rid, message });
      bySenderTime.set(`${rid}:${message.account.account_id}:${message.send_time}`, key);
      bySenderTime.set(`*:${message.account.account_id}:${message.send_time}`, key);
    }
  }
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  for (const [key, { roomId: rid, message }] of byKey) {
    const refs = parentRefs(rid, message.body, bySenderTime);
    if (refs.length === 0) continue;
    parents.set(key, refs.map((r) => r.key));
    for (const ref of refs) {
      const list = children.get(ref.key);
      if (list) list.push(key);
      else children.set(ref.key, [key]);
    }
  }
  const start = keyOf(roomId, messageId);
  const seen = new Set<string>([start]);
  // Up: the chain of parents (and their parents); down: replies to anything in the thread.
  const queue = [start];
  while (queue.length > 0) {
    const key = queue.shift() as string;
    for (const next of [...(parents.get(key) ?? []), ...(children.get(key) ?? [])]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  const messages: ThreadMessage[] = [];
  const missing: { roomId: number; messageId: string }[] = [];
  for (const key of seen) {
    const found = byKey.get(key);
    if (found) messages.push({ ...found, focus: key === start });
    else {
      const [rid, mid] = key.split('-') as [string, string];
      missing.push({ roomId: Number(rid), messageId: mid });
    }
  }
  messages.sort((a, b) => a.message.send_time - b.message.send_time || (a.message.message_id < b.message.message_id ? -1 : 1));
  return { messages, missing };
}
