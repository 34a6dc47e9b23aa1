import type { Message } from '../api/types';

/** Compares Chatwork message ids (digit strings of up to 19 digits) without losing precision. */
export function compareMessageIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

/** Chatwork's body of a deleted message. */
export const DELETED_BODY = '[deleted]';

/**
 * Whether `incoming` is an older copy of `known`: an answer that was on its way while a newer one
 * (an edit or deletion this client applied, a later poll) got here first. update_time has
 * one-second resolution, so the same time is not older; a deleted message never comes back.
 */
export function isOlderCopy(known: Message, incoming: Message): boolean {
  return incoming.update_time < known.update_time || (known.body === DELETED_BODY && incoming.body !== DELETED_BODY);
}

export interface MergeResult {
  added: Message[];
  updated: Message[];
}

/**
 * The messages of one room known so far, ordered by id. Grows with diff polls; an id seen again
 * with another body or update_time is an edit (or a deletion: body `[deleted]`); an older copy of a
 * message is not.
 */
export class MessageLog {
  private readonly _byId = new Map<string, Message>();
  private _ordered: Message[] = [];

  get messages(): readonly Message[] {
    return this._ordered;
  }

  get size(): number {
    return this._ordered.length;
  }

  get(messageId: string): Message | undefined {
    return this._byId.get(messageId);
  }

  get newest(): Message | undefined {
    return this._ordered[this._ordered.length - 1];
  }

  merge(incoming: readonly Message[]): MergeResult {
    const added: Message[] = [];
    const updated: Message[] = [];
    for (const message of incoming) {
      const known = this._byId.get(message.message_id);
      if (!known) {
        added.push(message);
      } else if ((known.body !== message.body || known.update_time !== message.update_time) && !isOlderCopy(known, message)) {
        updated.push(message);
      } else {
        continue;
      }
      this._byId.set(message.message_id, message);
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; re-mapping without edits keeps every message
    if (updated.length > 0) {
      this._ordered = this._ordered.map((m) => this._byId.get(m.message_id) ?? m);
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; nothing added appends nothing
    if (added.length > 0) {
      const newest = this.newest;
      // Appending and sorting give the same order when the ids ascend (ids are never equal here), so only
      // a mutant that appends out of order shows; those that merely sort more often are equivalent.
      // Stryker disable next-line ArrowFunction,EqualityOperator,StringLiteral: sorting instead of appending is the same order
      const inOrder = added.every((m, i) => compareMessageIds(m.message_id, (i === 0 ? newest : added[i - 1])?.message_id ?? '') > 0);
      // The usual case (a diff poll) only appends; sort only when something arrived out of order.
      // Stryker disable next-line ConditionalExpression: sorting instead of appending is the same order
      if (inOrder) {
        for (const message of added) this._ordered.push(message);
      } else {
        this._ordered = [...this._ordered, ...added].sort((a, b) => compareMessageIds(a.message_id, b.message_id));
      }
    }
    return { added, updated };
  }
}
