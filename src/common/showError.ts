import * as vscode from 'vscode';
import { ChatworkApiError } from '../api/errors';
import type { Deps } from '../deps';

/**
 * A one-line, actionable description of a failure, with the server's own text where it gave one.
 * Our words are localized; the server's text and the API layer's (developer-facing) messages are not.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof ChatworkApiError)) return error instanceof Error ? error.message : String(error);
  const server = error.errors.length > 0 ? ' ' + vscode.l10n.t('Chatwork says: {0}', error.errors.join(' ')) : '';
  switch (error.kind) {
    case 'auth':
      return vscode.l10n.t('Chatwork rejected the API token. Set a new token.');
    case 'rateLimited': {
      const limit =
        error.retryAfterMs !== undefined
          ? vscode.l10n.t('Chatwork’s rate limit was reached. Try again in {0} s.', Math.ceil(error.retryAfterMs / 1000))
          : vscode.l10n.t('Chatwork’s rate limit was reached.');
      return `${limit}${server}`;
    }
    default:
      return error.message.includes(error.errors.join(' ')) ? error.message : `${error.message}${server}`;
  }
}

/**
 * Shows a failed operation to the user: "<what> failed: <why>", with the action that helps —
 * Set API Token for a rejected token, Retry for transient failures. A 401 also marks the token as
 * rejected, which switches the view to its "token rejected" welcome.
 */
export async function showError(deps: Deps, what: string, error: unknown, retry?: () => unknown): Promise<void> {
  deps.log.error(`${what} failed`, error);
  const kind = error instanceof ChatworkApiError ? error.kind : undefined;
  if (kind === 'auth') await deps.tokens.markRejected();
  if (kind === 'aborted') return;
  const setToken = vscode.l10n.t('Set API Token');
  const retryAction = vscode.l10n.t('Retry');
  const showLog = vscode.l10n.t('Show Log');
  const actions: string[] = [];
  if (kind === 'auth') actions.push(setToken);
  else if (retry && (kind === 'network' || kind === 'timeout' || kind === 'server' || kind === 'rateLimited')) actions.push(retryAction);
  actions.push(showLog);
  const choice = await deps.prompts.notify('error', vscode.l10n.t('{0} failed: {1}', what, describeError(error)), ...actions);
  if (choice === setToken) await vscode.commands.executeCommand('chatwork.setToken');
  else if (choice === retryAction) await retry?.();
  else if (choice === showLog) deps.log.show();
}
