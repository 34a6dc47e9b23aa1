import * as vscode from 'vscode';
import { TooltipMarkdown } from '../tooltipMarkdown';
import type { Member, Role } from '../../api/types';
import type { MembersNode } from './membersNode';
import { TreeNode } from './treeNode';

const ROLE_ICONS: Record<Role, string> = { admin: 'star-full', member: 'person', readonly: 'eye' };
export const ROLE_NAMES: Record<Role, () => string> = {
  admin: () => vscode.l10n.t('Admin'),
  member: () => vscode.l10n.t('Member'),
  readonly: () => vscode.l10n.t('Read-only'),
};

/** One member with their role (admin, member, read-only). */
export class MemberNode extends TreeNode {
  readonly roomId: number;
  readonly accountId: number;

  constructor(
    readonly parent: MembersNode,
    readonly member: Member,
  ) {
    super(member.name, vscode.TreeItemCollapsibleState.None);
    this.roomId = parent.roomId;
    this.accountId = member.account_id;
    this.id = `member:${this.roomId}:${member.account_id}`;
    this.description = [ROLE_NAMES[member.role](), member.organization_name].filter(Boolean).join(' · ');
    this.iconPath = new vscode.ThemeIcon(ROLE_ICONS[member.role]);
    this.contextValue = `member ${member.role}`;
    const md = new TooltipMarkdown().paragraph(member.name, true);
    if (member.chatwork_id) md.text(` (${member.chatwork_id})`);
    md.paragraph(ROLE_NAMES[member.role]());
    const where = [member.organization_name, member.department].filter(Boolean).join(' · ');
    if (where) md.paragraph(where);
    this.tooltip = md.build();
  }
}
