// Tasks of a room: list, get, create, open / done.
import * as vscode from 'vscode';
import type { TaskLimitType, TaskStatus } from '../api/types';
import type { Confirmation } from './confirmText';
import { taskEntry } from './entityText';
import { chatData, formatTime } from './resultText';
import { type AnyChatworkTool, ChatworkTool, type ToolDeps } from './toolBase';
import { count, id, ids, roomLabel } from './toolInput';

interface ListInput { roomId: number; status?: TaskStatus; accountId?: number; limit?: number }

export class ListTasksTool extends ChatworkTool<ListInput> {
  readonly name = 'chatwork_list_tasks';
  readonly kind = 'read';
  protected async run(input: ListInput): Promise<string> {
    const roomId = id(input.roomId);
    const status = input.status ?? 'open';
    const tasks = await this.deps.client.getTasks(roomId, { status, account_id: input.accountId === undefined ? undefined : id(input.accountId) });
    const shown = tasks.slice(0, count(input.limit, 50, 100));
    return chatData(`${tasks.length} ${status} tasks in room ${roomId}:`, shown.map((t) => taskEntry(t, roomId)), tasks.length - shown.length);
  }
}

export class GetTaskTool extends ChatworkTool<{ roomId: number; taskId: number }> {
  readonly name = 'chatwork_get_task';
  readonly kind = 'read';
  protected async run(input: { roomId: number; taskId: number }): Promise<string> {
    const roomId = id(input.roomId);
    return chatData('The task:', [taskEntry(await this.deps.client.getTask(roomId, id(input.taskId)), roomId)]);
  }
}

export interface CreateTaskInput { roomId: number; body: string; assigneeIds: number[]; due?: string; dueType?: TaskLimitType }

/** An ISO date or date-time as Unix seconds; undefined for none or unreadable. */
export function dueSeconds(due: string | undefined): number | undefined {
  if (due === undefined || due.trim() === '') return undefined;
  const ms = Date.parse(due);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : Number.NaN;
}

/** What a task-creating tool confirms: room, assignees by name where known, due, body. */
export async function describeTask(deps: ToolDeps, input: CreateTaskInput, action: string): Promise<Confirmation> {
  const roomId = id(input.roomId);
  const members = await deps.store.members(roomId).catch(() => []);
  const who = ids(input.assigneeIds).map((a) => {
    const m = members.find((x) => x.account_id === a);
    return m ? `${m.name} (${a})` : `account ${a}`;
  });
  const due = dueSeconds(input.due);
  return {
    title: vscode.l10n.t('Create a Chatwork task?'),
    action,
    details: [
      [vscode.l10n.t('Room'), await roomLabel(deps, roomId)],
      [vscode.l10n.t('Assignees'), who.join(', ')],
      [vscode.l10n.t('Due'), due === undefined ? vscode.l10n.t('none') : formatTime(due)],
      [vscode.l10n.t('Task'), String(input.body ?? ''), 'block'],
    ],
  };
}

export async function createTask(deps: ToolDeps, input: CreateTaskInput): Promise<string> {
  const roomId = id(input.roomId);
  const due = dueSeconds(input.due);
  const result = await deps.client.createTask(roomId, {
    body: String(input.body ?? ''),
    to_ids: ids(input.assigneeIds),
    limit: due,
    limit_type: due === undefined ? undefined : input.dueType ?? 'time',
  });
  deps.store.invalidate(roomId, 'tasks');
  return `Created task ${result.task_ids.join(', ')} in room ${roomId}.`;
}

export class CreateTaskTool extends ChatworkTool<CreateTaskInput> {
  readonly name = 'chatwork_create_task';
  readonly kind = 'change';
  override describe(input: CreateTaskInput): Promise<Confirmation> {
    return describeTask(this.deps, input, vscode.l10n.t('The agent wants to create this task (one per assignee).'));
  }
  protected run(input: CreateTaskInput): Promise<string> {
    return createTask(this.deps, input);
  }
}

export class UpdateTaskStatusTool extends ChatworkTool<{ roomId: number; taskId: number; status: TaskStatus }> {
  readonly name = 'chatwork_update_task_status';
  readonly kind = 'change';
  override async describe(input: { roomId: number; taskId: number; status: TaskStatus }): Promise<Confirmation> {
    const roomId = id(input.roomId);
    const task = await this.deps.client.getTask(roomId, id(input.taskId)).catch(() => undefined);
    return {
      title: input.status === 'done' ? vscode.l10n.t('Complete a Chatwork task?') : vscode.l10n.t('Reopen a Chatwork task?'),
      action: vscode.l10n.t('The agent wants to set task {0} to “{1}”.', String(input.taskId), input.status === 'done' ? vscode.l10n.t('done') : vscode.l10n.t('open')),
      details: [
        [vscode.l10n.t('Room'), await roomLabel(this.deps, roomId)],
        [vscode.l10n.t('Task'), task?.body ?? vscode.l10n.t('(not loaded)'), 'block'],
      ],
    };
  }
  protected async run(input: { roomId: number; taskId: number; status: TaskStatus }): Promise<string> {
    const roomId = id(input.roomId);
    const result = await this.deps.client.updateTaskStatus(roomId, id(input.taskId), input.status);
    this.deps.store.invalidate(roomId, 'tasks');
    return `Task ${result.task_id} in room ${roomId} is now ${input.status}.`;
  }
}

export function taskTools(deps: ToolDeps): AnyChatworkTool[] {
  return [new ListTasksTool(deps), new GetTaskTool(deps), new CreateTaskTool(deps), new UpdateTaskStatusTool(deps)];
}
