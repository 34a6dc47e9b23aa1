import * as vscode from 'vscode';
import { TreeNode } from '../nodes/treeNode';

/** A line of text at the root: "No open tasks assigned to you". */
export class MyTasksNoteNode extends TreeNode {
  readonly parent = undefined;

  constructor(text: string, icon?: string) {
    super(text, vscode.TreeItemCollapsibleState.None);
    this.id = 'mytasks-note';
    this.contextValue = 'empty';
    if (icon) this.iconPath = new vscode.ThemeIcon(icon);
  }
}
