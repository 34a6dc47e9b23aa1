import * as vscode from 'vscode';

/**
 * A node of the rooms tree. Each kind is a small subclass; a node with children loads them lazily
 * in getChildren() and never throws there: failures become an ErrorNode, empty lists an EmptyNode.
 */
export abstract class TreeNode extends vscode.TreeItem {
  abstract readonly parent: TreeNode | undefined;

  getChildren(): Promise<TreeNode[]> {
    return Promise.resolve([]);
  }
}
