import * as vscode from 'vscode';
import type { TreeContext } from '../treeContext';
import { CategoryNode } from './categoryNode';
import { MemberNode } from './memberNode';
import type { RoomNode } from './roomNode';
import type { TreeNode } from './treeNode';

/** The room's members in Chatwork's order (admins first). */
export class MembersNode extends CategoryNode {
  constructor(parent: RoomNode, ctx: TreeContext) {
    super(parent, 'members', vscode.l10n.t('Members'), 'person', ctx);
  }

  updateDescription(): void {
    const editable = this.parent.room.type === 'group' && this.parent.room.role === 'admin';
    this.contextValue = editable ? 'category members admin' : 'category members';
  }

  protected async loadChildren(): Promise<TreeNode[]> {
    const members = await this.ctx.deps.store.members(this.roomId);
    return members.map((member) => new MemberNode(this, member));
  }

  protected emptyText(): string {
    return vscode.l10n.t('No members');
  }
}
