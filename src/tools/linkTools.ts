// A group chat's invitation link: get, create, update, delete.
import * as vscode from 'vscode';
import type { RoomLinkParams } from '../api/types';
import type { Confirmation } from './confirmText';
import { linkEntry } from './entityText';
import { chatData } from './resultText';
import { type AnyChatworkTool, ChatworkTool, type ToolDeps } from './toolBase';
import { id, roomLabel } from './toolInput';

export class GetLinkTool extends ChatworkTool<{ roomId: number }> {
  readonly name = 'chatwork_get_invite_link';
  readonly kind = 'read';
  protected async run(input: { roomId: number }): Promise<string> {
    const roomId = id(input.roomId);
    return chatData('The room’s invitation link:', [linkEntry(await this.deps.client.getRoomLink(roomId), roomId)]);
  }
}

interface LinkInput { roomId: number; code?: string; needAcceptance?: boolean; description?: string }

type LinkAction = 'create' | 'update' | 'delete';

const NAMES: Record<LinkAction, string> = { create: 'chatwork_create_invite_link', update: 'chatwork_update_invite_link', delete: 'chatwork_delete_invite_link' };

export class ChangeLinkTool extends ChatworkTool<LinkInput> {
  readonly kind = 'change';
  constructor(deps: ToolDeps, private readonly _action: LinkAction) {
    super(deps);
  }
  get name(): string {
    return NAMES[this._action];
  }
  override async describe(input: LinkInput): Promise<Confirmation> {
    const room: [string, string] = [vscode.l10n.t('Room'), await roomLabel(this.deps, id(input.roomId))];
    if (this._action === 'delete') {
      return { title: vscode.l10n.t('Delete the invitation link?'), action: vscode.l10n.t('The agent wants to turn off the room’s invitation link: nobody can join with it any more.'), details: [room] };
    }
    return {
      title: this._action === 'create' ? vscode.l10n.t('Create an invitation link?') : vscode.l10n.t('Change the invitation link?'),
      action: vscode.l10n.t('The agent wants to publish an invitation link: anyone with it can ask to join (or join, without acceptance).'),
      details: [
        room,
        [vscode.l10n.t('Link code'), input.code ?? vscode.l10n.t('(generated)')],
        [vscode.l10n.t('Needs acceptance'), input.needAcceptance === false ? vscode.l10n.t('no') : input.needAcceptance ? vscode.l10n.t('yes') : vscode.l10n.t('unchanged')],
        [vscode.l10n.t('Description'), input.description ?? '', 'block'],
      ],
    };
  }
  protected async run(input: LinkInput): Promise<string> {
    const roomId = id(input.roomId);
    const params: RoomLinkParams = { code: input.code, need_acceptance: input.needAcceptance, description: input.description };
    const link =
      this._action === 'create' ? await this.deps.client.createRoomLink(roomId, params)
        : this._action === 'update' ? await this.deps.client.updateRoomLink(roomId, params)
          : await this.deps.client.deleteRoomLink(roomId);
    return chatData(`Invitation link ${this._action === 'delete' ? 'deleted' : 'saved'}:`, [linkEntry(link, roomId)]);
  }
}

export function linkTools(deps: ToolDeps): AnyChatworkTool[] {
  return [new GetLinkTool(deps), new ChangeLinkTool(deps, 'create'), new ChangeLinkTool(deps, 'update'), new ChangeLinkTool(deps, 'delete')];
}
