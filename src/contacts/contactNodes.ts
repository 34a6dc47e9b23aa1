import * as vscode from 'vscode';
import type { Contact, IncomingRequest } from '../api/types';
import { oneLine } from '../tree/format';
import { TreeNode } from '../tree/nodes/treeNode';

/** Names and organisations are Chatwork text: shown as plain labels and plain-text tooltips only. */
function organisationOf(person: Pick<Contact, 'organization_name' | 'department'>): string {
  return [person.organization_name, person.department].filter((part) => part.trim() !== '').join(' · ');
}

/** A contact: click opens the direct chat; the menu has Mention in…. */
export class ContactNode extends TreeNode {
  readonly accountId: number;
  readonly roomId: number;

  constructor(
    readonly parent: TreeNode | undefined,
    readonly contact: Contact,
  ) {
    super(oneLine(contact.name) || contact.chatwork_id, vscode.TreeItemCollapsibleState.None);
    this.accountId = contact.account_id;
    this.roomId = contact.room_id;
    this.id = `contact:${contact.account_id}`;
    this.description = organisationOf(contact) || undefined;
    this.tooltip = [oneLine(contact.name), contact.chatwork_id, organisationOf(contact)].filter(Boolean).join('\n');
    this.iconPath = new vscode.ThemeIcon('person');
    this.contextValue = 'contact';
    this.command = { command: 'chatwork.openDirectChat', title: vscode.l10n.t('Open Direct Chat'), arguments: [{ roomId: contact.room_id, accountId: contact.account_id }] };
  }
}

/** "Contact requests (2)": the pending requests, expanded while there are any. */
export class RequestsNode extends TreeNode {
  readonly parent = undefined;

  constructor(readonly requests: readonly IncomingRequest[]) {
    super(vscode.l10n.t('Contact requests'), vscode.TreeItemCollapsibleState.Expanded);
    this.id = 'contact-requests';
    this.description = String(requests.length);
    this.iconPath = new vscode.ThemeIcon('mail');
    this.contextValue = 'contactRequests';
  }

  override getChildren(): Promise<TreeNode[]> {
    return Promise.resolve(this.requests.map((request) => new RequestNode(this, request)));
  }
}

/** A pending request: Accept (inline) and Decline (confirmed). */
export class RequestNode extends TreeNode {
  readonly requestId: number;

  constructor(
    readonly parent: TreeNode,
    readonly request: IncomingRequest,
  ) {
    super(oneLine(request.name) || request.chatwork_id, vscode.TreeItemCollapsibleState.None);
    this.requestId = request.request_id;
    this.id = `contact-request:${request.request_id}`;
    this.description = oneLine(request.message) || organisationOf(request) || undefined;
    this.tooltip = [oneLine(request.name), organisationOf(request), oneLine(request.message)].filter(Boolean).join('\n');
    this.iconPath = new vscode.ThemeIcon('person-add');
    this.contextValue = 'contactRequest';
  }
}

/** A line at the root: "No contacts", or "All contacts" as a separator. */
export class ContactsNoteNode extends TreeNode {
  readonly parent = undefined;

  constructor(text: string, id: string) {
    super(text, vscode.TreeItemCollapsibleState.None);
    this.id = id;
    this.contextValue = 'empty';
  }
}
