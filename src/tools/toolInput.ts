// The model's input, read leniently (ids may arrive as strings) and bounded; the client checks the
// values again before any request, so a bad id is reported, not sent. Plus the room label that
// confirmations show. Uses `vscode` only for l10n.

import type { ToolDeps } from './toolBase';

/** A numeric id, or NaN (the client then refuses it with a clear validation error). */
export function id(value: unknown): number {
  return typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
}

/** A message id stays a string (up to 19 digits: Number() would corrupt it). */
export function messageId(value: unknown): string {
  return typeof value === 'number' ? String(value) : String(value ?? '').trim();
}

export function ids(value: unknown): number[] {
  return Array.isArray(value) ? value.map(id) : [];
}

/** A count between 1 and max, default when absent. */
export function count(value: unknown, fallback: number, max: number): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) && n >= 1 ? Math.min(max, Math.floor(n)) : fallback;
}

/** "“Phoenix” (room 10010)" — the name as Chatwork has it (neutralised where shown). */
export async function roomLabel(deps: ToolDeps, roomId: number): Promise<string> {
  let name = deps.store.room(roomId)?.name;
  if (name === undefined && Number.isInteger(roomId) && roomId > 0) {
    name = await deps.store.details(roomId).then((r) => r.name, () => undefined);
  }
  return name === undefined ? `room ${roomId} (name unknown)` : `${name} (room ${roomId})`;
}

/** After a change the tools made: an open panel or tree shows it (force=1, merged by id). */
export async function reloadRoomMessages(deps: ToolDeps, roomId: number): Promise<void> {
  if (!deps.store.hasMessages(roomId)) return;
  await deps.store.reloadMessages(roomId).catch((error: unknown) => deps.log.warn(`Reload after a tool change failed: ${String(error)}`));
}
