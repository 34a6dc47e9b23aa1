import * as vscode from 'vscode';
import { describeTaskView, isDefaultTaskView, taskFilterOf } from '../filters';
import type { TreeContext } from '../treeContext';
import { CategoryNode } from './categoryNode';
import type { RoomNode } from './roomNode';
import { TaskNode } from './taskNode';
import type { TreeNode } from './treeNode';

/** The room's tasks as filtered with "Filter Tasks…" (open ones by default); Chatwork filters them. */
export class TasksNode extends CategoryNode {
  constructor(parent: RoomNode, ctx: TreeContext) {
    super(parent, 'tasks', vscode.l10n.t('Tasks'), 'checklist', ctx);
  }

  updateDescription(): void {
    const view = this.ctx.filters.taskView(this.roomId);
    this.description = describeTaskView(view);
    this.contextValue = isDefaultTaskView(view) ? 'category tasks' : 'category tasks filtered';
  }

  protected async loadChildren(): Promise<TreeNode[]> {
    const view = this.ctx.filters.taskView(this.roomId);
    const tasks = await this.ctx.deps.store.tasks(this.roomId, taskFilterOf(view));
    // Deadlines first, soonest on top; tasks without one keep Chatwork's order after them.
    const sorted = [...tasks].sort((a, b) => (a.limit_time || Infinity) - (b.limit_time || Infinity) || a.task_id - b.task_id);
    return sorted.map((task) => new TaskNode(this, task));
  }

  protected emptyText(): string {
    const view = this.ctx.filters.taskView(this.roomId);
    return isDefaultTaskView(view) ? vscode.l10n.t('No open tasks') : vscode.l10n.t('No tasks ({0})', describeTaskView(view));
  }
}
