// What the Tasks and Files nodes of each room show. Kept per room for the session (a filter is a
// way of looking, not data, so it is not persisted). No `vscode`.

import type { TaskFilter, TaskStatus } from '../api/types';
import { l10n } from '../common/l10n';

export interface Person {
  readonly accountId: number;
  readonly name: string;
}

export interface TaskView {
  readonly status: TaskStatus;
  /** Only tasks assigned to this person. */
  readonly assignee?: Person;
  /** Only tasks this person assigned. */
  readonly assigner?: Person;
}

export const DEFAULT_TASK_VIEW: TaskView = { status: 'open' };

/** The API filter of a view: Chatwork filters tasks server-side, one request per view. */
export function taskFilterOf(view: TaskView): TaskFilter {
  const filter: TaskFilter = { status: view.status };
  if (view.assignee) filter.account_id = view.assignee.accountId;
  if (view.assigner) filter.assigned_by_account_id = view.assigner.accountId;
  return filter;
}

/** "open", "done · to Alice · by Taro". */
export function describeTaskView(view: TaskView): string {
  const parts: string[] = [view.status === 'done' ? l10n.t('done') : l10n.t('open')];
  if (view.assignee) parts.push(l10n.t('to {0}', view.assignee.name));
  if (view.assigner) parts.push(l10n.t({ message: 'by {0}', args: [view.assigner.name], comment: 'tasks assigned by this person' }));
  return parts.join(' · ');
}

export function isDefaultTaskView(view: TaskView): boolean {
  return view.status === 'open' && !view.assignee && !view.assigner;
}

export class TreeFilters {
  private readonly _tasks = new Map<number, TaskView>();
  /** Files are filtered locally: the room's list (≤ 100) is already cached, so no request is needed. */
  private readonly _fileUploaders = new Map<number, Person>();

  taskView(roomId: number): TaskView {
    return this._tasks.get(roomId) ?? DEFAULT_TASK_VIEW;
  }

  setTaskView(roomId: number, view: TaskView): void {
    if (isDefaultTaskView(view)) this._tasks.delete(roomId);
    else this._tasks.set(roomId, view);
  }

  fileUploader(roomId: number): Person | undefined {
    return this._fileUploaders.get(roomId);
  }

  setFileUploader(roomId: number, person: Person | undefined): void {
    if (person) this._fileUploaders.set(roomId, person);
    else this._fileUploaders.delete(roomId);
  }

  clear(): void {
    this._tasks.clear();
    this._fileUploaders.clear();
  }
}
