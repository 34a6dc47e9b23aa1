import * as vscode from 'vscode';
import type { MyTask } from '../../api/types';
import { TreeNode } from '../nodes/treeNode';
import { compareByDue, dueState } from './dueState';
import { MyTaskNode } from './myTaskNode';

/** A room with tasks of mine: "Phoenix 開発チーム — 2 · 1 overdue", expanded, tasks by deadline. */
export class MyTasksRoomNode extends TreeNode {
  readonly parent = undefined;
  readonly roomId: number;
  private readonly _children: MyTaskNode[];

  constructor(room: MyTask['room'], tasks: readonly MyTask[], now = Date.now()) {
    super(room.name, vscode.TreeItemCollapsibleState.Expanded);
    this.roomId = room.room_id;
    this.id = `mytasks-room:${room.room_id}`;
    this._children = [...tasks].sort(compareByDue).map((task) => new MyTaskNode(this, task, now));
    const overdue = tasks.filter((t) => dueState(t, now) === 'overdue').length;
    this.description = overdue > 0 ? vscode.l10n.t('{0} · {1} overdue', tasks.length, overdue) : String(tasks.length);
    this.iconPath = new vscode.ThemeIcon('comment-discussion', overdue > 0 ? new vscode.ThemeColor('list.errorForeground') : undefined);
    this.contextValue = 'mytasks-room';
    this.tooltip = overdue > 0 ? vscode.l10n.t('{0}: {1} task(s), {2} overdue', room.name, tasks.length, overdue) : vscode.l10n.t('{0}: {1} task(s)', room.name, tasks.length);
  }

  /** The earliest deadline among its tasks, to put the most pressing room first. */
  get firstDue(): number {
    return Math.min(...this._children.map((c) => c.task.limit_time || Infinity));
  }

  override getChildren(): Promise<TreeNode[]> {
    return Promise.resolve(this._children);
  }
}
