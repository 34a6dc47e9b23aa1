// Members: who is in a room, and replacing the member list (admin only).
import * as vscode from 'vscode';
import type { Confirmation } from './confirmText';
import { memberEntry } from './entityText';
import { chatData } from './resultText';
import { type AnyChatworkTool, ChatworkTool, type ToolDeps } from './toolBase';
import { id, ids, roomLabel } from './toolInput';

export class GetMembersTool extends ChatworkTool<{ roomId: number }> {
  readonly name = 'chatwork_get_members';
  readonly kind = 'read';
  protected async run(input: { roomId: number }): Promise<string> {
    const roomId = id(input.roomId);
    const members = await this.deps.store.members(roomId);
    return chatData(`${members.length} members of room ${roomId}:`, members.map(memberEntry));
  }
}

interface UpdateMembersInput { roomId: number; adminIds: number[]; memberIds?: number[]; readonlyIds?: number[] }

export class UpdateMembersTool extends ChatworkTool<UpdateMembersInput> {
  readonly name = 'chatwork_update_members';
  readonly kind = 'change';
  override async describe(input: UpdateMembersInput): Promise<Confirmation> {
    const roomId = id(input.roomId);
    const current = await this.deps.store.members(roomId).catch(() => []);
    const listed = new Set([...ids(input.adminIds), ...ids(input.memberIds), ...ids(input.readonlyIds)]);
    const removed = current.filter((m) => !listed.has(m.account_id)).map((m) => `${m.name} (${m.account_id})`);
    return {
      title: vscode.l10n.t('Change the members of a Chatwork room?'),
      action: vscode.l10n.t('The agent wants to replace the room’s member list. Anyone not listed is removed from the room.'),
      details: [
        [vscode.l10n.t('Room'), await roomLabel(this.deps, roomId)],
        [vscode.l10n.t('Admins (account ids)'), ids(input.adminIds).join(', ')],
        [vscode.l10n.t('Members (account ids)'), ids(input.memberIds).join(', ')],
        [vscode.l10n.t('Read-only (account ids)'), ids(input.readonlyIds).join(', ')],
        [vscode.l10n.t('Removed'), removed.join(', ') || vscode.l10n.t('nobody')],
      ],
    };
  }
  protected async run(input: UpdateMembersInput): Promise<string> {
    const roomId = id(input.roomId);
    const roles = await this.deps.client.updateMembers(roomId, {
      members_admin_ids: ids(input.adminIds),
      members_member_ids: input.memberIds === undefined ? undefined : ids(input.memberIds),
      members_readonly_ids: input.readonlyIds === undefined ? undefined : ids(input.readonlyIds),
    });
    this.deps.store.invalidate(roomId, 'members');
    return `Room ${roomId} members now: admins ${roles.admin.join(', ')}; members ${roles.member.join(', ') || 'none'}; read-only ${roles.readonly.join(', ') || 'none'}.`;
  }
}

export function memberTools(deps: ToolDeps): AnyChatworkTool[] {
  return [new GetMembersTool(deps), new UpdateMembersTool(deps)];
}
