import * as vscode from 'vscode';
import { TooltipMarkdown } from '../tooltipMarkdown';
import type { Task } from '../../api/types';
import { formatDue, isOverdue, oneLine, plainText } from '../format';
import type { TasksNode } from './tasksNode';
import { TreeNode } from './treeNode';

/** One task: its text, who does it and until when; done ones checked, overdue ones in red. */
export class TaskNode extends TreeNode {
  readonly roomId: number;
  readonly taskId: number;

  constructor(
    readonly parent: TasksNode,
    readonly task: Task,
  ) {
    super(oneLine(task.body) || vscode.l10n.t('(no text)'), vscode.TreeItemCollapsibleState.None);
    this.roomId = parent.roomId;
    this.taskId = task.task_id;
    this.id = `task:${this.roomId}:${task.task_id}`;
    const due = formatDue(task.limit_time, task.limit_type);
    const overdue = task.status === 'open' && isOverdue(task.limit_time, task.limit_type);
    this.description = [task.account.name, due && vscode.l10n.t('due {0}', due)].filter(Boolean).join(' · ');
    this.iconPath =
      task.status === 'done'
        ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
        : new vscode.ThemeIcon('circle-large-outline', overdue ? new vscode.ThemeColor('list.errorForeground') : undefined);
    this.contextValue = `task ${task.status}`;
    this.tooltip = taskTooltip(task, due, overdue);
    this.command = { command: 'chatwork.showTask', title: vscode.l10n.t('Show Task'), arguments: [this] };
  }
}

function taskTooltip(task: Task, due: string | undefined, overdue: boolean): vscode.MarkdownString {
  const md = new TooltipMarkdown().paragraph(plainText(task.body).trim() || vscode.l10n.t('(no text)')).rule();
  const state = task.status === 'done' ? vscode.l10n.t('Done') : vscode.l10n.t({ message: 'Open', comment: 'task status: not done yet' });
  md.paragraph(vscode.l10n.t('{0} · to {1} · by {2}', state, task.account.name, task.assigned_by_account.name));
  if (due) md.paragraph(overdue ? vscode.l10n.t('Due {0} (overdue)', due) : vscode.l10n.t('Due {0}', due));
  return md.build();
}
