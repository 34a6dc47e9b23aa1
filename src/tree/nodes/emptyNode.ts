import * as vscode from 'vscode';
import { TreeNode } from './treeNode';

/** "No tasks", "No files"…: says that a list is empty rather than showing nothing. */
export class EmptyNode extends TreeNode {
  constructor(
    readonly parent: TreeNode,
    text: string,
  ) {
    super(text, vscode.TreeItemCollapsibleState.None);
    this.id = `${parent.id ?? ''}:empty`;
    this.contextValue = 'empty';
  }
}
