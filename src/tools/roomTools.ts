// Rooms: list, get, create, update, leave, delete.
import * as vscode from 'vscode';
import type { IconPreset } from '../api/types';
import type { Confirmation } from './confirmText';
import { roomEntry } from './entityText';
import { chatData } from './resultText';
import { type AnyChatworkTool, ChatworkTool, type ToolDeps } from './toolBase';
import { count, id, ids, roomLabel } from './toolInput';

interface RoomInput { roomId: number }

export class ListRoomsTool extends ChatworkTool<{ unreadOnly?: boolean; limit?: number }> {
  readonly name = 'chatwork_list_rooms';
  readonly kind = 'read';
  protected async run(input: { unreadOnly?: boolean; limit?: number }): Promise<string> {
    // The poller keeps the list current; only a cold store asks Chatwork.
    if (this.deps.store.rooms === undefined) await this.deps.store.refreshRooms();
    const all = [...(this.deps.store.rooms ?? [])].filter((r) => !input.unreadOnly || r.unread_num > 0);
    all.sort((a, b) => Number(b.sticky) - Number(a.sticky) || b.last_update_time - a.last_update_time);
    const shown = all.slice(0, count(input.limit, 100, 300));
    return chatData(`${all.length} rooms (pinned first, then newest activity):`, shown.map(roomEntry), all.length - shown.length);
  }
}

export class GetRoomTool extends ChatworkTool<RoomInput> {
  readonly name = 'chatwork_get_room';
  readonly kind = 'read';
  protected async run(input: RoomInput): Promise<string> {
    const room = await this.deps.store.details(id(input.roomId));
    return chatData('The room:', [roomEntry(room)]);
  }
}

interface CreateRoomInput {
  name: string;
  description?: string;
  iconPreset?: IconPreset;
  adminIds?: number[];
  memberIds?: number[];
  readonlyIds?: number[];
}

export class CreateRoomTool extends ChatworkTool<CreateRoomInput> {
  readonly name = 'chatwork_create_room';
  readonly kind = 'change';
  override async describe(input: CreateRoomInput): Promise<Confirmation> {
    return {
      title: vscode.l10n.t('Create a Chatwork room?'),
      action: vscode.l10n.t('The agent wants to create a group chat.'),
      details: [
        [vscode.l10n.t('Name'), String(input.name ?? '')],
        [vscode.l10n.t('Description'), String(input.description ?? ''), 'block'],
        [vscode.l10n.t('Admins (account ids)'), (input.adminIds ?? []).join(', ') || vscode.l10n.t('only me')],
        [vscode.l10n.t('Members (account ids)'), (input.memberIds ?? []).join(', ')],
        [vscode.l10n.t('Read-only (account ids)'), (input.readonlyIds ?? []).join(', ')],
      ],
    };
  }
  protected async run(input: CreateRoomInput): Promise<string> {
    const me = await this.deps.store.me();
    const admins = ids(input.adminIds);
    const result = await this.deps.client.createRoom({
      name: String(input.name ?? ''),
      description: input.description,
      icon_preset: input.iconPreset,
      members_admin_ids: admins.includes(me.account_id) ? admins : [me.account_id, ...admins],
      members_member_ids: input.memberIds === undefined ? undefined : ids(input.memberIds),
      members_readonly_ids: input.readonlyIds === undefined ? undefined : ids(input.readonlyIds),
    });
    await this.deps.store.refreshRooms().catch(() => undefined);
    return `Created the room (room ${result.room_id}).`;
  }
}

interface UpdateRoomInput extends RoomInput { name?: string; description?: string; iconPreset?: IconPreset }

export class UpdateRoomTool extends ChatworkTool<UpdateRoomInput> {
  readonly name = 'chatwork_update_room';
  readonly kind = 'change';
  override async describe(input: UpdateRoomInput): Promise<Confirmation> {
    return {
      title: vscode.l10n.t('Change a Chatwork room?'),
      action: vscode.l10n.t('The agent wants to change the room’s name, description or icon.'),
      details: [
        [vscode.l10n.t('Room'), await roomLabel(this.deps, id(input.roomId))],
        [vscode.l10n.t('New name'), input.name ?? ''],
        [vscode.l10n.t('New description'), input.description ?? '', 'block'],
        [vscode.l10n.t('New icon'), input.iconPreset ?? ''],
      ],
    };
  }
  protected async run(input: UpdateRoomInput): Promise<string> {
    const roomId = id(input.roomId);
    await this.deps.client.updateRoom(roomId, { name: input.name, description: input.description, icon_preset: input.iconPreset });
    this.deps.store.invalidate(roomId, 'details');
    await this.deps.store.refreshRooms().catch(() => undefined);
    return `Updated room ${roomId}.`;
  }
}

/** Leave (my tasks and files there go) or delete (admins; for everyone, irreversible). */
export class LeaveOrDeleteRoomTool extends ChatworkTool<RoomInput> {
  readonly kind = 'change';
  constructor(deps: ToolDeps, private readonly _action: 'leave' | 'delete') {
    super(deps);
  }
  get name(): string {
    return this._action === 'leave' ? 'chatwork_leave_room' : 'chatwork_delete_room';
  }
  override async describe(input: RoomInput): Promise<Confirmation> {
    const leave = this._action === 'leave';
    return {
      title: leave ? vscode.l10n.t('Leave a Chatwork room?') : vscode.l10n.t('Delete a Chatwork room for everyone?'),
      action: leave
        ? vscode.l10n.t('The agent wants you to leave this room. Your tasks and files in it are deleted.')
        : vscode.l10n.t('The agent wants to delete this room with all its messages, tasks and files, for every member. This cannot be undone.'),
      details: [[vscode.l10n.t('Room'), await roomLabel(this.deps, id(input.roomId))]],
    };
  }
  protected async run(input: RoomInput): Promise<string> {
    const roomId = id(input.roomId);
    await this.deps.client.deleteRoom(roomId, this._action);
    await this.deps.store.refreshRooms().catch(() => undefined);
    return this._action === 'leave' ? `Left room ${roomId}.` : `Deleted room ${roomId}.`;
  }
}

export function roomTools(deps: ToolDeps): AnyChatworkTool[] {
  return [
    new ListRoomsTool(deps), new GetRoomTool(deps), new CreateRoomTool(deps), new UpdateRoomTool(deps),
    new LeaveOrDeleteRoomTool(deps, 'leave'), new LeaveOrDeleteRoomTool(deps, 'delete'),
  ];
}
