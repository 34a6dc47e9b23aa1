import * as vscode from 'vscode';
import { ChatworkApiError } from '../../api/errors';
import { describeError } from '../../common/showError';
import { TreeNode } from './treeNode';

/**
 * A failed load shown in place of the children (no toast: the tree itself says what is wrong and
 * offers Retry on click). `what` names the list, e.g. "rooms" or "tasks".
 */
export class ErrorNode extends TreeNode {
  constructor(
    readonly parent: TreeNode | undefined,
    what: string,
    readonly error: unknown,
    /** Loads the list again (bound by whoever created the node). */
    readonly retry: () => void,
  ) {
    super(errorLabel(what, error), vscode.TreeItemCollapsibleState.None);
    this.id = `${parent?.id ?? 'root'}:error`;
    this.description = errorReason(error);
    this.tooltip = `${describeError(error)}\n${vscode.l10n.t('Click to try again.')}`;
    this.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    this.contextValue = 'error';
    this.command = { command: 'chatwork.retry', title: vscode.l10n.t('Retry'), arguments: [this] };
  }
}

function errorLabel(what: string, error: unknown): string {
  const kind = error instanceof ChatworkApiError ? error.kind : undefined;
  if (kind === 'network' || kind === 'timeout') return vscode.l10n.t('Could not reach Chatwork — Retry');
  if (kind === 'rateLimited') return vscode.l10n.t('Chatwork’s rate limit was reached — Retry');
  return vscode.l10n.t('Could not load {0} — Retry', what);
}

/** The server's own words when it gave some, else the short error. */
function errorReason(error: unknown): string | undefined {
  if (error instanceof ChatworkApiError) {
    if (error.errors.length > 0) return error.errors.join(' ');
    if (error.kind === 'rateLimited' && error.retryAfterMs !== undefined) return vscode.l10n.t('wait {0} s', Math.ceil(error.retryAfterMs / 1000));
    return error.kind === 'network' || error.kind === 'timeout' ? undefined : error.message;
  }
  return error instanceof Error ? error.message : undefined;
}
