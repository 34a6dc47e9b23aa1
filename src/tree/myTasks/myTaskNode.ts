import * as vscode from 'vscode';
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
    super(oneLine(task.body) || '(no text)', vscode.TreeItemCollapsibleState.None);
    this.roomId = task.room.room_id;
    this.taskId = task.task_id;
    this.messageId = task.message_id;
    this.id = `mytask:${task.task_id}`;
    const state = dueState(task, now);
    const due = formatDue(task.limit_time, task.limit_type);
    this.description = [due && (state === 'overdue' ? `overdue · ${due}` : `due ${due}`), `from ${task.assigned_by_account.name}`].filter(Boolean).join(' · ');
    this.iconPath = ICONS[state];
    this.contextValue = state === 'done' ? 'mytask done' : `mytask open ${state}`;
    this.tooltip = tooltip(task, due, state);
    this.accessibilityInformation = { label: `${oneLine(task.body)}, ${state === 'done' ? 'done' : state === 'overdue' ? 'overdue' : 'open'}${due ? `, due ${due}` : ''}` };
    this.command = { command: 'chatwork.openRoom', title: 'Open Room', arguments: [{ roomId: this.roomId, messageId: this.messageId }] };
  }
}

function tooltip(task: MyTask, due: string | undefined, state: DueState): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.appendText(plainText(task.body).trim() || '(no text)').appendMarkdown('\n\n---\n\n');
  md.appendText(`${task.status === 'done' ? 'Done' : 'Open'} · in ${task.room.name} · from ${task.assigned_by_account.name}`);
  if (due) md.appendMarkdown('\n\n').appendText(`Due ${due}${state === 'overdue' ? ' (overdue)' : ''}`);
  return md;
}
