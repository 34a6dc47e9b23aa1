import * as vscode from 'vscode';
import { ChatworkApiError } from '../../api/errors';
import type { TreeContext } from '../treeContext';
import { EmptyNode } from './emptyNode';
import { ErrorNode } from './errorNode';
import type { RoomNode } from './roomNode';
import { TreeNode } from './treeNode';

export type CategoryKind = 'messages' | 'tasks' | 'files' | 'members';

/** The lists as "Could not load {0}" names them. */
const LIST_NAMES: Record<CategoryKind, () => string> = {
  messages: () => vscode.l10n.t('messages'),
  tasks: () => vscode.l10n.t('tasks'),
  files: () => vscode.l10n.t('files'),
  members: () => vscode.l10n.t('members'),
};

/**
 * One of the four lists under a room. Its children come from the store, which caches them: the
 * first expansion costs exactly one request, later ones (and refreshes of unchanged rooms) none.
 */
export abstract class CategoryNode extends TreeNode {
  constructor(
    readonly parent: RoomNode,
    readonly kind: CategoryKind,
    label: string,
    icon: string,
    protected readonly ctx: TreeContext,
  ) {
    super(label, vscode.TreeItemCollapsibleState.Collapsed);
    this.id = `room:${parent.roomId}:${kind}`;
    this.iconPath = new vscode.ThemeIcon(icon);
    this.contextValue = `category ${kind}`;
  }

  get roomId(): number {
    return this.parent.roomId;
  }

  /** Updates the description from the room summary and filters (called before each display). */
  abstract updateDescription(): void;

  protected abstract loadChildren(): Promise<TreeNode[]>;

  /** "No tasks", shown when the list is empty. */
  protected abstract emptyText(): string;

  override async getChildren(): Promise<TreeNode[]> {
    try {
      const children = await this.loadChildren();
      return children.length > 0 ? children : [new EmptyNode(this, this.emptyText())];
    } catch (error) {
      this.ctx.deps.log.warn(`Loading ${this.kind} of room ${this.roomId} failed: ${error instanceof Error ? error.message : String(error)}`);
      // A rejected token switches the whole view to its "token rejected" welcome.
      if (error instanceof ChatworkApiError && error.kind === 'auth') void this.ctx.deps.tokens.markRejected();
      return [new ErrorNode(this, LIST_NAMES[this.kind](), error, () => this.ctx.refresh(this))];
    }
  }
}
