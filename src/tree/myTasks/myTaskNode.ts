import * as vscode from 'vscode';
import { TooltipMarkdown } from '../tooltipMarkdown';
import type { MyTask } from '../../api/types';
import { formatDue, oneLine, plainText } from '../format';
import { TreeNode } from '../nodes/treeNode';
import { dueState, type DueState } from './dueState';

const ICONS: Record<DueState, vscode.ThemeIcon> = {
  done: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  overdue: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground')),
  soon: new vscode.ThemeIcon('clock', new vscode.ThemeColor('list.warningForeground')),
  later: new vscode.ThemeIcon('circle-large-outline'),
  none: new vscode.ThemeIcon('circle-large-outline'),
};

/**
 * One of my tasks: its text, who assigned it and until when. Overdue ones get a red warning icon,
 * those due within a day a yellow clock, done ones a green check. `contextValue` ("mytask open
 * overdue", "mytask done") drives the inline Mark Done / Reopen actions; a click opens the room at
 * the task's message.
 */
export class MyTaskNode extends TreeNode {
  readonly roomId: number;
  readonly taskId: number;
  readonly messageId: string;

  constructor(
    readonly parent: TreeNode,
    readonly task: MyTask,
    now = Date.now(),
  ) {
    super(oneLine(task.body) || vscode.l10n.t('(no text)'), vscode.TreeItemCollapsibleState.None);
    this.roomId = task.room.room_id;
    this.taskId = task.task_id;
    this.messageId = task.message_id;
    this.id = `mytask:${task.task_id}`;
    const state = dueState(task, now);
    const due = formatDue(task.limit_time, task.limit_type);
    this.description = [
      due && (state === 'overdue' ? vscode.l10n.t('overdue · {0}', due) : vscode.l10n.t('due {0}', due)),
      vscode.l10n.t('from {0}', task.assigned_by_account.name),
    ]
      .filter(Boolean)
      .join(' · ');
    this.iconPath = ICONS[state];
    this.contextValue = state === 'done' ? 'mytask done' : `mytask open ${state}`;
    this.tooltip = tooltip(task, due, state);
    const status = state === 'done' ? vscode.l10n.t('done') : state === 'overdue' ? vscode.l10n.t('overdue') : vscode.l10n.t('open');
    this.accessibilityInformation = {
      label: due ? vscode.l10n.t('{0}, {1}, due {2}', oneLine(task.body), status, due) : vscode.l10n.t('{0}, {1}', oneLine(task.body), status),
    };
    this.command = { command: 'chatwork.openRoom', title: vscode.l10n.t('Open Room'), arguments: [{ roomId: this.roomId, messageId: this.messageId }] };
  }
}

function tooltip(task: MyTask, due: string | undefined, state: DueState): vscode.MarkdownString {
  const md = new TooltipMarkdown().paragraph(plainText(task.body).trim() || vscode.l10n.t('(no text)')).rule();
  const status = task.status === 'done' ? vscode.l10n.t('Done') : vscode.l10n.t({ message: 'Open', comment: 'task status: not done yet' });
  md.paragraph(vscode.l10n.t('{0} · in {1} · from {2}', status, task.room.name, task.assigned_by_account.name));
  if (due) md.paragraph(state === 'overdue' ? vscode.l10n.t('Due {0} (overdue)', due) : vscode.l10n.t('Due {0}', due));
  return md.build();
}
