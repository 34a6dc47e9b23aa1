// The room's tasks as the panel needs them: which message added each one, whose it is and whether
// it is done, so a task card shows its live state and lets its assignee or assigner mark it done or
// reopen it in place. Loaded only for rooms whose messages hold task cards (two GETs: open, done).
import type { Task } from '../api/types';
import { describeError } from '../common/showError';
import type { Deps } from '../deps';
import type { DoneMessage, FailedMessage, TaskData } from './protocol';

export function hasTaskCard(body: string): boolean {
  return body.includes('[task');
}

export function taskData(t: Task): TaskData {
  return {
    taskId: t.task_id,
    messageId: t.message_id,
    accountId: t.account.account_id,
    assignedById: t.assigned_by_account.account_id,
    status: t.status,
  };
}

export class PanelTasks {
  constructor(
    private readonly _deps: Deps,
    private readonly _roomId: number,
  ) {}

  async load(): Promise<TaskData[]> {
    const [open, done] = await Promise.all([
      this._deps.client.getTasks(this._roomId, { status: 'open' }),
      this._deps.client.getTasks(this._roomId, { status: 'done' }),
    ]);
    return [...open, ...done].map(taskData);
  }

  /** PUT …/tasks/{id}/status for each; stops at the first failure (the card stays as it was). */
  async setStatus(taskIds: readonly number[], status: 'open' | 'done'): Promise<DoneMessage | FailedMessage> {
    try {
      for (const taskId of taskIds) await this._deps.client.updateTaskStatus(this._roomId, taskId, status);
    } catch (error) {
      this._deps.log.error(`Setting tasks ${taskIds.join(', ')} to ${status} failed`, error);
      return { type: 'failed', error: describeError(error) };
    } finally {
      // The Tasks node and My Tasks read again on their next look (one may have changed before a failure).
      this._deps.store.invalidate(this._roomId, 'tasks');
    }
    this._deps.log.info(`Tasks ${taskIds.join(', ')} of room ${this._roomId} are now ${status} (from the panel).`);
    return { type: 'done' };
  }
}
