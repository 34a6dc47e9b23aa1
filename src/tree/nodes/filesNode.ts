import * as vscode from 'vscode';
import type { TreeContext } from '../treeContext';
import { CategoryNode } from './categoryNode';
import { FileNode } from './fileNode';
import type { RoomNode } from './roomNode';
import type { TreeNode } from './treeNode';

/** The room's files, newest first; "Filter Files…" narrows them to one uploader without a request. */
export class FilesNode extends CategoryNode {
  constructor(parent: RoomNode, ctx: TreeContext) {
    super(parent, 'files', vscode.l10n.t('Files'), 'files', ctx);
  }

  updateDescription(): void {
    const uploader = this.ctx.filters.fileUploader(this.roomId);
    const count = this.parent.room.file_num;
    this.description = uploader ? vscode.l10n.t('by {0}', uploader.name) : count > 0 ? String(count) : undefined;
    this.contextValue = uploader ? 'category files filtered' : 'category files';
  }

  protected async loadChildren(): Promise<TreeNode[]> {
    const uploader = this.ctx.filters.fileUploader(this.roomId);
    const files = await this.ctx.deps.store.files(this.roomId);
    return files
      .filter((file) => !uploader || file.account.account_id === uploader.accountId)
      .sort((a, b) => b.upload_time - a.upload_time || b.file_id - a.file_id)
      .map((file) => new FileNode(this, file));
  }

  protected emptyText(): string {
    const uploader = this.ctx.filters.fileUploader(this.roomId);
    return uploader ? vscode.l10n.t('No files from {0}', uploader.name) : vscode.l10n.t('No files');
  }
}
