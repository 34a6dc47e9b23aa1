import type { Deps } from '../deps';
import type { TreeFilters } from './filters';
import type { CategoryNode } from './nodes/categoryNode';
import type { RoomNode } from './nodes/roomNode';
import type { TreeNode } from './nodes/treeNode';

/** What the nodes need from the tree they are in (kept as an interface so nodes stay small). */
export interface TreeContext {
  readonly deps: Deps;
  readonly filters: TreeFilters;
  /** The four category nodes of a room; the same objects every time, so fire(node) reaches them. */
  categoriesOf(room: RoomNode): readonly CategoryNode[];
  /** Shows a node again (its children are asked for anew); the root when no node is given. */
  refresh(node?: TreeNode): void;
}
