import * as vscode from 'vscode';
import { ChatworkApiError } from '../../api/errors';
import type { MyTask, TaskStatus } from '../../api/types';
import { Disposable } from '../../common/disposable';
import type { Deps } from '../../deps';
import { ErrorNode } from '../nodes/errorNode';
import type { TreeNode } from '../nodes/treeNode';
import { dueState } from './dueState';
import { MyTasksNoteNode } from './myTasksNoteNode';
import { MyTasksRoomNode } from './myTasksRoomNode';

export interface MyTasksSummary {
  readonly status: TaskStatus;
  readonly count: number;
  readonly overdue: number;
}

/**
 * The tasks assigned to me (GET /my/tasks, one request per load), open or done, grouped by room.
 * The last answer is kept until `refresh()`; a failed load shows an error node with Retry, a
 * rejected token empties the view so its welcome (Set API Token) shows.
 */
export class MyTasksProvider extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<TreeNode | undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  private readonly _onDidLoad = this._register(new vscode.EventEmitter<MyTasksSummary>());
  /** A load finished (the view shows the counts). */
  readonly onDidLoad = this._onDidLoad.event;

  private _status: TaskStatus = 'open';
  private _tasks: Promise<MyTask[]> | undefined;

  constructor(private readonly _deps: Deps) {
    super();
  }

  get status(): TaskStatus {
    return this._status;
  }

  /** Whether a list is loaded or loading (a hidden view that never loaded needs no refresh). */
  get isLoaded(): boolean {
    return this._tasks !== undefined;
  }

  setStatus(status: TaskStatus): void {
    if (status === this._status) return;
    this._status = status;
    this.refresh();
  }

  /** Forgets the list; the view asks for it again when it shows it. */
  refresh(): void {
    this._tasks = undefined;
    this._onDidChangeTreeData.fire(undefined);
  }

  /** The current list (shares a load in progress). */
  tasks(): Promise<MyTask[]> {
    if (!this._tasks) {
      const status = this._status;
      const loading = this._deps.client.getMyTasks({ status });
      this._tasks = loading;
      loading.then(
        (tasks) => {
          if (this._tasks !== loading) return;
          const overdue = tasks.filter((t) => dueState(t) === 'overdue').length;
          this._onDidLoad.fire({ status, count: tasks.length, overdue });
        },
        () => {
          if (this._tasks === loading) this._tasks = undefined;
        },
      );
    }
    return this._tasks;
  }

  getTreeItem(element: TreeNode): TreeNode {
    return element;
  }

  getParent(element: TreeNode): TreeNode | undefined {
    return element.parent;
  }

  async getChildren(element?: TreeNode): Promise<TreeNode[]> {
    if (element) return element.getChildren();
    await this._deps.tokens.ready;
    if (this._deps.tokens.state !== 'set') return [];
    let tasks: MyTask[];
    try {
      tasks = await this.tasks();
    } catch (error) {
      if (error instanceof ChatworkApiError && error.kind === 'auth') {
        await this._deps.tokens.markRejected();
        return [];
      }
      this._deps.log.warn(`My tasks could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
      return [new ErrorNode(undefined, vscode.l10n.t('your tasks'), error, () => this.refresh())];
    }
    if (tasks.length === 0) {
      const note = this._status === 'open' ? vscode.l10n.t('No open tasks assigned to you') : vscode.l10n.t('No done tasks');
      return [new MyTasksNoteNode(note, this._status === 'open' ? 'check-all' : undefined)];
    }
    return groupByRoom(tasks);
  }
}

/** One node per room; rooms with the earliest deadline first, then by name. */
export function groupByRoom(tasks: readonly MyTask[], now = Date.now()): MyTasksRoomNode[] {
  const byRoom = new Map<number, MyTask[]>();
  for (const task of tasks) {
    const list = byRoom.get(task.room.room_id);
    if (list) list.push(task);
    else byRoom.set(task.room.room_id, [task]);
  }
  return [...byRoom.values()]
    .map((list) => new MyTasksRoomNode((list[0] as MyTask).room, list, now))
    .sort((a, b) => a.firstDue - b.firstDue || String(a.label).localeCompare(String(b.label)));
}
