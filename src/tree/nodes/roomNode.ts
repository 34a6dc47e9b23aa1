import * as vscode from 'vscode';
import { TooltipMarkdown } from '../tooltipMarkdown';
import type { Room, RoomSummary } from '../../api/types';
import { plainText } from '../format';
import { roomUri } from '../roomDecorations';
import type { TreeContext } from '../treeContext';
import type { CategoryNode } from './categoryNode';
import { ROLE_NAMES } from './memberNode';
import { TreeNode } from './treeNode';

const TYPE_ICONS: Record<RoomSummary['type'], string> = { my: 'account', direct: 'person', group: 'organization' };
const TYPE_NAMES: Record<RoomSummary['type'], () => string> = {
  my: () => vscode.l10n.t('My Chat'),
  direct: () => vscode.l10n.t('Direct chat'),
  group: () => vscode.l10n.t('Group chat'),
};

/**
 * A room at the root. One object per room for the whole session (updated in place from each GET
 * /rooms), so `fire(node)` refreshes exactly this row. The tooltip is left undefined on purpose:
 * VS Code then asks resolveTreeItem on hover, which loads the description (GET /rooms/{id}) only
 * for rooms the user actually points at — expanding a room costs no request of its own.
 */
export class RoomNode extends TreeNode {
  readonly parent = undefined;
  readonly roomId: number;
  private _room: RoomSummary;

  constructor(
    room: RoomSummary,
    private readonly _ctx: TreeContext,
  ) {
    super(room.name, vscode.TreeItemCollapsibleState.Collapsed);
    this.roomId = room.room_id;
    this.id = `room:${room.room_id}`;
    this._room = room;
    this.update(room);
  }

  get room(): RoomSummary {
    return this._room;
  }

  update(room: RoomSummary): void {
    this._room = room;
    this.label = room.name;
    this.description = countsText(room) || undefined;
    // The URI carries the unread badge and colour (RoomDecorations); pinned rooms show a pin.
    this.resourceUri = roomUri(room.room_id);
    this.iconPath = new vscode.ThemeIcon(room.sticky ? 'pinned' : TYPE_ICONS[room.type]);
    this.contextValue = contextValueOf(room, this._ctx.deps.muted.has(room.room_id));
    this.tooltip = undefined;
    this.command = { command: 'chatwork.openRoom', title: vscode.l10n.t('Open Room'), arguments: [{ roomId: room.room_id }] };
    this.accessibilityInformation = {
      label: vscode.l10n.t('{0}, {1}, {2} unread, {3} mentions', room.name, TYPE_NAMES[room.type](), room.unread_num, room.mention_num),
    };
  }

  override getChildren(): Promise<TreeNode[]> {
    return Promise.resolve([...this._ctx.categoriesOf(this)] as CategoryNode[]);
  }

  /** Name, type, role, counts, and the description once GET /rooms/{id} brought it. No links, not trusted. */
  tooltipWith(details: Room | undefined): vscode.MarkdownString {
    const room = this._room;
    const md = new TooltipMarkdown()
      .paragraph(room.name, true)
      .paragraph(`${TYPE_NAMES[room.type]()} · ${ROLE_NAMES[room.role]()}${room.sticky ? ` · ${vscode.l10n.t('Pinned')}` : ''}`)
      .paragraph(vscode.l10n.t('Unread {0} · Mentions {1} · My tasks {2}', room.unread_num, room.mention_num, room.mytask_num))
      .paragraph(vscode.l10n.t('Messages {0} · Tasks {1} · Files {2}', room.message_num, room.task_num, room.file_num));
    const description = details?.description ? plainText(details.description).trim() : '';
    if (description) md.rule().paragraph(description);
    return md.build();
  }
}

/** "3 · @1": unread, then mentions of me. */
export function countsText(room: RoomSummary): string {
  const parts: string[] = [];
  if (room.unread_num > 0) parts.push(String(room.unread_num));
  if (room.mention_num > 0) parts.push(`@${room.mention_num}`);
  return parts.join(' · ');
}

/** The menu contract: "room group admin unread mention sticky unmuted" (see package.json menus). */
export function contextValueOf(room: RoomSummary, muted = false): string {
  const flags = [`room ${room.type} ${room.role}`];
  if (room.unread_num > 0) flags.push('unread');
  if (room.mention_num > 0) flags.push('mention');
  if (room.sticky) flags.push('sticky');
  flags.push(muted ? 'muted' : 'unmuted');
  return flags.join(' ');
}
