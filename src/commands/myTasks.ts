import * as vscode from 'vscode';
import type { TaskStatus } from '../api/types';
import type { Lazy } from '../common/lazy';
import { showError } from '../common/showError';
import type { Deps } from '../deps';
import type { MyTasksView } from '../tree/myTasks/myTasksView';
import { idOf, roomIdOf } from './targets';

/**
 * The My Tasks view's commands: Refresh (title), Show Done / Show Open (title toggle), and Mark
 * Done / Reopen (inline on a task; args: the task node or `{ roomId, taskId }`). A status change is
 * PUT …/tasks/{id}/status; then the view and the room's tasks in the rooms tree load again.
 */
export function registerMyTasksCommands(context: vscode.ExtensionContext, deps: Deps, myTasks: Lazy<MyTasksView>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.myTasks.refresh', () => myTasks.value.refresh()),
    vscode.commands.registerCommand('chatwork.myTasks.showDone', () => myTasks.value.setStatus('done')),
    vscode.commands.registerCommand('chatwork.myTasks.showOpen', () => myTasks.value.setStatus('open')),
    vscode.commands.registerCommand('chatwork.myTasks.markDone', (arg?: unknown) => setStatus(deps, myTasks.value, arg, 'done')),
    vscode.commands.registerCommand('chatwork.myTasks.reopen', (arg?: unknown) => setStatus(deps, myTasks.value, arg, 'open')),
  );
}

async function setStatus(deps: Deps, myTasks: MyTasksView, arg: unknown, status: TaskStatus): Promise<void> {
  const roomId = roomIdOf(arg);
  const taskId = idOf(arg, 'taskId');
  if (roomId === undefined || taskId === undefined) {
    deps.log.warn(`My Tasks: ${status === 'done' ? 'Mark Done' : 'Reopen'} needs a task.`);
    return;
  }
  try {
    await deps.client.updateTaskStatus(roomId, taskId, status);
  } catch (error) {
    const what = status === 'done' ? vscode.l10n.t('Marking the task done') : vscode.l10n.t('Reopening the task');
    await showError(deps, what, error, () => setStatus(deps, myTasks, arg, status));
    return;
  }
  deps.log.info(`Task ${taskId} of room ${roomId} is now ${status}.`);
  myTasks.noteOwnChange(status === 'done' ? -1 : 1);
  deps.store.invalidate(roomId, 'tasks');
  vscode.window.setStatusBarMessage(status === 'done' ? vscode.l10n.t('Task marked done.') : vscode.l10n.t('Task reopened.'), 3000);
}
