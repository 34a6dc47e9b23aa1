// How much of a room's history the snapshot carries. A room opened from a long local archive holds
// 10,000 messages; cloning all of them into the webview (and, in VS Code, through the extension
// host's IPC first) costs more than painting the newest screenful. So the snapshot carries the
// newest part — what the webview mounts before the user scrolls — and the webview asks for the rest
// after its first paint (`olderMessages`). Free of `vscode`: the rendering benchmark splits the
// same way.

/** The newest messages a snapshot always carries: the webview's initial mount (messageList.ts INITIAL_MOUNT). */
export const SNAPSHOT_HEAD = 200;
/** Context kept above the first unread message or a message to reveal. */
const CONTEXT = 20;

/**
 * The index (into `count` messages, oldest first) where the snapshot's part begins: the newest
 * SNAPSHOT_HEAD, reaching further back to include every unread message and the message to reveal
 * (`revealIndex`, -1 for none), each with some context above it.
 */
export function snapshotHeadStart(count: number, unreadCount: number, revealIndex = -1): number {
  const start = Math.max(0, count - Math.max(SNAPSHOT_HEAD, unreadCount + CONTEXT));
  return revealIndex >= 0 ? Math.min(start, Math.max(0, revealIndex - CONTEXT)) : start;
}
