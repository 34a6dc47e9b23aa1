// Contact requests to me: list, accept, reject.
import * as vscode from 'vscode';
import type { Confirmation } from './confirmText';
import { contactEntry, requestEntry } from './entityText';
import { chatData } from './resultText';
import { type AnyChatworkTool, ChatworkTool, type ToolDeps } from './toolBase';
import { id } from './toolInput';

export class ListRequestsTool extends ChatworkTool<object> {
  readonly name = 'chatwork_list_contact_requests';
  readonly kind = 'read';
  protected async run(): Promise<string> {
    const requests = await this.deps.client.getIncomingRequests();
    return chatData(`${requests.length} contact requests waiting for me:`, requests.map(requestEntry));
  }
}

export class AnswerRequestTool extends ChatworkTool<{ requestId: number }> {
  readonly kind = 'change';
  constructor(deps: ToolDeps, private readonly _accept: boolean) {
    super(deps);
  }
  get name(): string {
    return this._accept ? 'chatwork_accept_contact_request' : 'chatwork_reject_contact_request';
  }
  override async describe(input: { requestId: number }): Promise<Confirmation> {
    const requests = await this.deps.client.getIncomingRequests().catch(() => []);
    const request = requests.find((r) => r.request_id === id(input.requestId));
    return {
      title: this._accept ? vscode.l10n.t('Accept a contact request?') : vscode.l10n.t('Reject a contact request?'),
      action: this._accept
        ? vscode.l10n.t('The agent wants to add this person to your contacts (they get a direct chat with you).')
        : vscode.l10n.t('The agent wants to reject this contact request.'),
      details: [
        [vscode.l10n.t('From'), request ? `${request.name} (account ${request.account_id}, ${request.organization_name})` : `request ${String(input.requestId)}`],
        [vscode.l10n.t('Their message'), request?.message ?? '', 'block'],
      ],
    };
  }
  protected async run(input: { requestId: number }): Promise<string> {
    if (!this._accept) {
      await this.deps.client.rejectIncomingRequest(id(input.requestId));
      return `Rejected contact request ${String(input.requestId)}.`;
    }
    const contact = await this.deps.client.acceptIncomingRequest(id(input.requestId));
    return chatData('Accepted; the new contact:', [contactEntry(contact)]);
  }
}

export function requestTools(deps: ToolDeps): AnyChatworkTool[] {
  return [new ListRequestsTool(deps), new AnswerRequestTool(deps, true), new AnswerRequestTool(deps, false)];
}
