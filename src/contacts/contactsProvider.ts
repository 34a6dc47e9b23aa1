import * as vscode from 'vscode';
import { ChatworkApiError } from '../api/errors';
import type { Contact, IncomingRequest } from '../api/types';
import { Disposable } from '../common/disposable';
import type { Deps } from '../deps';
import { ErrorNode } from '../tree/nodes/errorNode';
import type { TreeNode } from '../tree/nodes/treeNode';
import { ContactNode, ContactsNoteNode, RequestsNode } from './contactNodes';

export interface ContactsData {
  readonly contacts: readonly Contact[];
  readonly requests: readonly IncomingRequest[];
}

/**
 * The Contacts view: pending contact requests first (GET /incoming_requests), then the contacts
 * (GET /contacts) by name. Two requests per load; the answer is kept until `refresh()` (title
 * button, an accepted or declined request, another account).
 */
export class ContactsProvider extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<TreeNode | undefined>());
  readonly onDidChangeTreeData = this._onDidChangeTreeData.event;
  private readonly _onDidLoad = this._register(new vscode.EventEmitter<ContactsData>());
  /** A load finished (the view shows the request count as its badge). */
  readonly onDidLoad = this._onDidLoad.event;
  private _data: Promise<ContactsData> | undefined;

  constructor(private readonly _deps: Deps) {
    super();
    this._register(_deps.tokens.onDidChange(() => this.refresh()));
  }

  /** Forgets the lists; the view asks again when it shows them. */
  refresh(): void {
    this._data = undefined;
    this._onDidChangeTreeData.fire(undefined);
  }

  /** The current lists (shares a load in progress). */
  data(): Promise<ContactsData> {
    if (!this._data) {
      const { client } = this._deps;
      const loading = Promise.all([client.getIncomingRequests(), client.getContacts()]).then(([requests, contacts]) => ({
        requests,
        contacts: [...contacts].sort((a, b) => a.name.localeCompare(b.name)),
      }));
      this._data = loading;
      loading.then(
        (data) => this._data === loading && this._onDidLoad.fire(data),
        () => this._data === loading && (this._data = undefined),
      );
    }
    return this._data;
  }

  getTreeItem(element: TreeNode): TreeNode {
    return element;
  }

  getParent(element: TreeNode): TreeNode | undefined {
    return element.parent;
  }

  async getChildren(element?: TreeNode): Promise<TreeNode[]> {
    if (element) return element.getChildren();
    if (this._deps.tokens.state !== 'set') return [];
    try {
      const { contacts, requests } = await this.data();
      const nodes: TreeNode[] = [];
      if (requests.length > 0) nodes.push(new RequestsNode(requests));
      if (contacts.length === 0) nodes.push(new ContactsNoteNode(vscode.l10n.t('No contacts yet'), 'contacts-empty'));
      nodes.push(...contacts.map((contact) => new ContactNode(undefined, contact)));
      return nodes;
    } catch (error) {
      // A rejected token empties the view: its welcome (Set API Token) says what to do.
      if (error instanceof ChatworkApiError && error.kind === 'auth') return [];
      return [new ErrorNode(undefined, vscode.l10n.t('contacts'), error, () => this.refresh())];
    }
  }
}
