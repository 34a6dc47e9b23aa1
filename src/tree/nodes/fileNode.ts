import * as vscode from 'vscode';
import { TooltipMarkdown } from '../tooltipMarkdown';
import type { ChatworkFile } from '../../api/types';
import { formatBytes, localDateTime } from '../format';
import type { FilesNode } from './filesNode';
import { TreeNode } from './treeNode';

/** One uploaded file: name, size and uploader; downloaded with the inline button or the menu. */
export class FileNode extends TreeNode {
  readonly roomId: number;
  readonly fileId: number;

  constructor(
    readonly parent: FilesNode,
    readonly file: ChatworkFile,
  ) {
    super(file.filename, vscode.TreeItemCollapsibleState.None);
    this.roomId = parent.roomId;
    this.fileId = file.file_id;
    this.id = `file:${this.roomId}:${file.file_id}`;
    this.description = `${formatBytes(file.filesize)} · ${file.account.name}`;
    // A resourceUri in our own scheme lets the file icon theme pick an icon by extension, without
    // any file-scheme decorations (git, problems) applying to a name that is not a local file.
    this.resourceUri = vscode.Uri.from({ scheme: 'chatwork', path: `/${file.filename}` });
    this.iconPath = vscode.ThemeIcon.File;
    this.contextValue = 'file';
    this.tooltip = new TooltipMarkdown()
      .paragraph(file.filename, true)
      .paragraph(vscode.l10n.t('{0} · uploaded by {1} · {2}', formatBytes(file.filesize), file.account.name, localDateTime(file.upload_time)))
      .build();
  }
}
