import * as vscode from 'vscode';
import { ChatworkApiError } from '../api/errors';
import type { RoomSummary } from '../api/types';
import { Disposable } from '../common/disposable';
import type { Deps } from '../deps';
import type { RoomPart } from '../store/roomStore';
import { TreeFilters, type Person, type TaskView } from './filters';
import type { CategoryKind, CategoryNode } from './nodes/categoryNode';
import { ErrorNode } from './nodes/errorNode';
import { FilesNode } from './nodes/filesNode';
import { MembersNode } from './nodes/membersNode';
import { MessagesNode } from './nodes/messagesNode';
import { RoomNode } from './nodes/roomNode';
import { TasksNode } from './nodes/tasksNode';
import type { TreeNode } from './nodes/treeNode';
import type { TreeContext } from './treeContext';

/**
 * The rooms tree: thin glue between the store and VS Code. It asks the store, never the client, so
 * every list is fetched once and cached there; it listens to the store's events and fires only the
 * node that changed. Room and category nodes are kept per id for the session, which is what makes
 * `fire(node)` work and lets VS Code keep expansion across refreshes.
 */
export class RoomsTreeProvider extends Disposable implements vscode.TreeDataProvider<TreeNode>, TreeContext {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<TreeNode | undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;

  readonly filters = new TreeFilters();
  private readonly _rooms = new Map<number, RoomNode>();
  private readonly _categories = new Map<number, readonly CategoryNode[]>();
  /** Why the rooms could not be loaded; set while there are none to show. */
  private _rootError: unknown;
  /** Room ids in the order last shown at the root. */
  private _order: number[] = [];

  constructor(readonly deps: Deps) {
    super();
    const { store, tokens, poller } = deps;
    this._register(store.onDidChangeRooms((change) => this._roomsChanged(change.changed, change.structural)));
    this._register(store.onDidChangeRoomPart(({ roomId, part }) => this._partChanged(roomId, part)));
    this._register(store.onDidChangeMessages(({ roomId }) => this._partChanged(roomId, 'messages')));
    this._register(
      deps.muted.onDidChange((roomId) => {
        const node = this._rooms.get(roomId);
        if (!node) return;
        node.update(node.room);
        this._onDidChangeTreeData.fire(node);
      }),
    );
    this._register(
      poller.onDidFail((error) => {
        if (store.rooms === undefined) this._rootError = error;
      }),
    );
    this._register(
      tokens.onDidChange(() => {
        this._rootError = undefined;
        this._forgetNodes();
        this.refresh();
      }),
    );
  }

  getTreeItem(element: TreeNode): TreeNode {
    return element;
  }

  getParent(element: TreeNode): TreeNode | undefined {
    return element.parent;
  }

  getChildren(element?: TreeNode): Promise<TreeNode[]> {
    return element ? element.getChildren() : this._rootChildren();
  }

  /** Hovering a room loads its description (GET /rooms/{id}, cached in the store) for the tooltip. */
  async resolveTreeItem(item: vscode.TreeItem, element: TreeNode): Promise<vscode.TreeItem> {
    if (element instanceof RoomNode && item.tooltip === undefined) {
      const details = await this.deps.store.details(element.roomId).catch((error: unknown) => {
        this.deps.log.warn(`Room details of ${element.roomId} failed: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      });
      item.tooltip = element.tooltipWith(details);
    }
    return item;
  }

  refresh(node?: TreeNode): void {
    if (!node) this._rootError = undefined;
    this._onDidChangeTreeData.fire(node);
  }

  roomNode(roomId: number): RoomNode | undefined {
    return this._rooms.get(roomId);
  }

  category(roomId: number, kind: CategoryKind): CategoryNode | undefined {
    return this._categories.get(roomId)?.find((c) => c.kind === kind);
  }

  categoriesOf(room: RoomNode): readonly CategoryNode[] {
    let categories = this._categories.get(room.roomId);
    if (!categories) {
      categories = [new MessagesNode(room, this), new TasksNode(room, this), new FilesNode(room, this), new MembersNode(room, this)];
      this._categories.set(room.roomId, categories);
    }
    for (const category of categories) category.updateDescription();
    return categories;
  }

  setTaskView(roomId: number, view: TaskView): void {
    this.filters.setTaskView(roomId, view);
    this._refreshCategory(roomId, 'tasks');
  }

  setFileUploader(roomId: number, person: Person | undefined): void {
    this.filters.setFileUploader(roomId, person);
    this._refreshCategory(roomId, 'files');
  }

  private async _rootChildren(): Promise<TreeNode[]> {
    const { store, tokens, poller } = this.deps;
    // No token or a rejected one: an empty tree lets the matching viewsWelcome show.
    await tokens.ready;
    if (tokens.state !== 'set') return [];
    if (store.rooms === undefined && this._rootError === undefined) {
      // Shares the poller's cycle when one is running: opening the view costs one GET /rooms.
      await poller.pollNow();
    }
    const rooms = store.rooms;
    if (rooms === undefined) {
      const error = this._rootError ?? new Error(vscode.l10n.t('The rooms could not be loaded.'));
      if (error instanceof ChatworkApiError && error.kind === 'auth') {
        await tokens.markRejected();
        return [];
      }
      return [new ErrorNode(undefined, vscode.l10n.t('rooms'), error, () => this.refresh())];
    }
    const sorted = sortRooms(rooms);
    this._order = sorted.map((room) => room.room_id);
    return sorted.map((room) => this._roomNodeFor(room));
  }

  private _roomNodeFor(room: RoomSummary): RoomNode {
    let node = this._rooms.get(room.room_id);
    if (node) node.update(room);
    else this._rooms.set(room.room_id, (node = new RoomNode(room, this)));
    return node;
  }

  private _roomsChanged(changed: readonly number[], structural: boolean): void {
    const rooms = this.deps.store.rooms;
    if (rooms === undefined) {
      // The store was cleared (token changed or rejected): start over.
      this._forgetNodes();
      this.refresh();
      return;
    }
    this._rootError = undefined;
    const present = new Set(rooms.map((r) => r.room_id));
    for (const roomId of [...this._rooms.keys()]) {
      if (!present.has(roomId)) {
        this._rooms.delete(roomId);
        this._categories.delete(roomId);
      }
    }
    // New activity can reorder the rooms; only then does the root need showing again.
    const order = sortRooms(rooms).map((room) => room.room_id);
    if (structural && (order.length !== this._order.length || order.some((id, i) => id !== this._order[i]))) {
      this.refresh();
      return;
    }
    for (const roomId of changed) {
      const node = this._rooms.get(roomId);
      const room = this.deps.store.room(roomId);
      if (node && room) {
        node.update(room);
        this._onDidChangeTreeData.fire(node);
      }
    }
  }

  private _partChanged(roomId: number, part: RoomPart): void {
    if (part === 'details') {
      const node = this._rooms.get(roomId);
      if (node) {
        node.tooltip = undefined; // resolved again on the next hover
        this._onDidChangeTreeData.fire(node);
      }
      return;
    }
    this._refreshCategory(roomId, part);
  }

  private _refreshCategory(roomId: number, kind: CategoryKind): void {
    const node = this.category(roomId, kind);
    if (!node) return;
    node.updateDescription();
    this._onDidChangeTreeData.fire(node);
  }

  private _forgetNodes(): void {
    this._order = [];
    this._rooms.clear();
    this._categories.clear();
    this.filters.clear();
  }
}

/** Pinned rooms first, then the most recently active. */
export function sortRooms(rooms: readonly RoomSummary[]): RoomSummary[] {
  return [...rooms].sort(
    (a, b) => Number(b.sticky) - Number(a.sticky) || b.last_update_time - a.last_update_time || a.name.localeCompare(b.name),
  );
}
