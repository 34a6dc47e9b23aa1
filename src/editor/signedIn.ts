import * as vscode from 'vscode';
import type { Deps } from '../deps';

/**
 * The editor commands also run from keybindings and code actions, which show whatever the token
 * state: without a usable token they say so (with the way out) instead of failing on a 401.
 */
export async function ensureSignedIn(deps: Deps): Promise<boolean> {
  await deps.tokens.ready;
  if (deps.tokens.state === 'set') return true;
  const setToken = vscode.l10n.t('Set API Token');
  const message =
    deps.tokens.state === 'rejected'
      ? vscode.l10n.t('Chatwork rejected the stored API token. Set a new token first.')
      : vscode.l10n.t('Sign in to Chatwork first: set your API token.');
  void deps.prompts.notify('warning', message, setToken).then((choice) => {
    if (choice === setToken) void vscode.commands.executeCommand('chatwork.setToken');
  });
  return false;
}
