import * as vscode from 'vscode';
import { Disposable } from '../common/disposable';
import type { Deps } from '../deps';
import type { TreeNode } from '../tree/nodes/treeNode';
import { ContactsProvider } from './contactsProvider';

export const CONTACTS_VIEW_ID = 'chatwork.contacts';

/**
 * The Contacts view below Rooms. It loads when shown (no polling of its own, no request while it
 * stays collapsed); the badge counts pending contact requests.
 */
export class ContactsView extends Disposable {
  readonly provider: ContactsProvider;
  readonly view: vscode.TreeView<TreeNode>;

  constructor(deps: Deps) {
    super();
    this.provider = this._register(new ContactsProvider(deps));
    this.view = this._register(vscode.window.createTreeView(CONTACTS_VIEW_ID, { treeDataProvider: this.provider }));
    this._register(
      this.provider.onDidLoad(({ contacts, requests }) => {
        this.view.description = vscode.l10n.t('{0} contacts', contacts.length);
        this.view.badge = requests.length > 0 ? { value: requests.length, tooltip: vscode.l10n.t('{0} contact requests', requests.length) } : undefined;
      }),
    );
    this._register(
      deps.tokens.onDidChange(() => {
        this.view.badge = undefined;
        this.view.description = undefined;
      }),
    );
  }
}
