// Which of a room's loaded messages are unread (no `vscode`: unit-tested on plain data).
import type { Message } from '../api/types';

/** The newest `count` messages not written by me: what Chatwork counts as the room's unread. */
export function unreadIds(messages: readonly Message[], count: number, me: number | undefined): Set<string> {
  const ids = new Set<string>();
  for (let i = messages.length - 1; i >= 0 && ids.size < count; i--) {
    const m = messages[i] as Message;
    if (m.account.account_id !== me) ids.add(m.message_id);
  }
  return ids;
}
