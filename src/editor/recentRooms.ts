import * as vscode from 'vscode';
import type { RoomSummary } from '../api/types';
import { accountScopedKey, type AccountScope } from '../auth/accounts';
import { resolveRoom } from '../commands/targets';
import type { Deps } from '../deps';

const KEY = 'chatwork.recentRooms';
const KEEP = 5;

/**
 * The rooms code was last sent to (ids, newest first), in globalState so they survive restarts and
 * are shared by all windows; one list per account. Only ids are kept: names come from the rooms list, so a renamed or
 * left room is shown right or not at all.
 */
export class RecentRooms {
  constructor(
    private readonly _memento: vscode.Memento,
    private readonly _account: AccountScope,
  ) {}

  private get _key(): string {
    return accountScopedKey(this._account.activeAccountId, KEY);
  }

  ids(): number[] {
    const value = this._memento.get<unknown>(this._key);
    return Array.isArray(value) ? value.filter((id): id is number => Number.isSafeInteger(id) && id > 0) : [];
  }

  async remember(roomId: number): Promise<void> {
    await this._memento.update(this._key, [roomId, ...this.ids().filter((id) => id !== roomId)].slice(0, KEEP));
  }
}

/** Rooms where I can post: not where I am a read-only member. */
export const canPost = (room: RoomSummary): boolean => room.role !== 'readonly';

type RoomItem = vscode.QuickPickItem & { room?: RoomSummary };

/**
 * The room to send to: the one in the argument (`{ roomId }`, through the shared resolveRoom), or
 * a QuickPick with the recently used rooms first, then the others as the rooms view orders them.
 * Read-only rooms are not offered. Throws API errors; undefined when cancelled.
 */
export async function pickRoomToPost(deps: Deps, recent: RecentRooms, arg: unknown, title: string): Promise<RoomSummary | undefined> {
  if (typeof arg === 'object' && arg !== null && 'roomId' in arg) {
    const room = await resolveRoom(deps, arg, { title, filter: canPost });
    if (room && !canPost(room)) {
      void deps.prompts.notify('warning', vscode.l10n.t('You are a read-only member of “{0}” and cannot post there.', room.name));
      return undefined;
    }
    return room;
  }
  if (deps.store.rooms === undefined) await deps.store.refreshRooms();
  const rooms = (deps.store.rooms ?? []).filter(canPost);
  if (rooms.length === 0) {
    void deps.prompts.notify('info', vscode.l10n.t('You can post in no Chatwork room.'));
    return undefined;
  }
  const byId = new Map(rooms.map((r) => [r.room_id, r]));
  const recentRooms = recent.ids().flatMap((id) => byId.get(id) ?? []);
  const others = rooms
    .filter((r) => !recentRooms.includes(r))
    .sort((a, b) => Number(b.sticky) - Number(a.sticky) || b.last_update_time - a.last_update_time);
  const items: RoomItem[] = [];
  if (recentRooms.length > 0) {
    items.push({ label: vscode.l10n.t('recently used'), kind: vscode.QuickPickItemKind.Separator });
    items.push(...recentRooms.map(roomItem));
    items.push({ label: vscode.l10n.t('all rooms'), kind: vscode.QuickPickItemKind.Separator });
  }
  items.push(...others.map(roomItem));
  const picked = await deps.prompts.pick(items, { title, placeHolder: vscode.l10n.t('Choose a room'), matchOnDescription: true });
  return picked?.room;
}

function roomItem(room: RoomSummary): RoomItem {
  const kind = room.type === 'group' ? room.role : room.type === 'my' ? vscode.l10n.t('my chat') : vscode.l10n.t('direct');
  return { label: room.name, description: kind, room };
}
