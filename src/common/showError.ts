import * as vscode from 'vscode';
import { ChatworkApiError } from '../api/errors';
import type { Deps } from '../deps';

const SET_TOKEN = 'Set API Token';
const RETRY = 'Retry';
const SHOW_LOG = 'Show Log';

/** A one-line, actionable description of a failure, with the server's own text where it gave one. */
export function describeError(error: unknown): string {
  if (!(error instanceof ChatworkApiError)) return error instanceof Error ? error.message : String(error);
  const server = error.errors.length > 0 ? ` Chatwork says: ${error.errors.join(' ')}` : '';
  switch (error.kind) {
    case 'auth':
      return 'Chatwork rejected the API token. Set a new token.';
    case 'rateLimited': {
      const wait = error.retryAfterMs !== undefined ? ` Try again in ${Math.ceil(error.retryAfterMs / 1000)} s.` : '';
      return `Chatwork’s rate limit was reached.${wait}${server}`;
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
  const actions: string[] = [];
  if (kind === 'auth') actions.push(SET_TOKEN);
  else if (retry && (kind === 'network' || kind === 'timeout' || kind === 'server' || kind === 'rateLimited')) actions.push(RETRY);
  actions.push(SHOW_LOG);
  const choice = await deps.prompts.notify('error', `${what} failed: ${describeError(error)}`, ...actions);
  if (choice === SET_TOKEN) await vscode.commands.executeCommand('chatwork.setToken');
  else if (choice === RETRY) await retry?.();
  else if (choice === SHOW_LOG) deps.log.show();
}
