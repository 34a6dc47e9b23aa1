// Chatwork message ids are digit strings of up to 19 digits: compared as strings, never as numbers.
import type { MessageData } from '../panels/protocol';

export function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

/** Inserts into a list sorted by id (binary search). */
export function insertSorted(list: MessageData[], message: MessageData): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareIds((list[mid] as MessageData).id, message.id) < 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, message);
}
