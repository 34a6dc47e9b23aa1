import * as vscode from 'vscode';
import { ChatworkClient } from '../api/chatworkClient';
import { ChatworkApiError } from '../api/errors';
import type { Me } from '../api/types';
import { accountInfoOf } from '../auth/accounts';
import { Settings } from '../common/settings';
import { showError } from '../common/showError';
import type { Deps } from '../deps';

export const TOKEN_PAGE_URL = 'https://www.chatwork.com/service/packages/chatwork/subpackages/api/token.php';

/**
 * Chatwork: Set API Token and Chatwork: Add Account… — ask for a token in a password box and store
 * it only after GET /me accepted it, so a typo never replaces a working token. The token is kept
 * under the account GET /me names (a new account is added, a known one gets its new token) and
 * that account becomes the active one.
 */
export function registerSetToken(context: vscode.ExtensionContext, deps: Deps): void {
  const run = async (title: string): Promise<void> => {
    let account: Me | undefined;
    const token = await deps.prompts.input({
      title,
      prompt: vscode.l10n.t('Paste your Chatwork API token (Chatwork ▸ Personal settings ▸ API token). It is kept in VS Code’s secret storage.'),
      placeHolder: vscode.l10n.t('API token'),
      password: true,
      validate: (value) => (value.trim() === '' ? vscode.l10n.t('Enter a token.') : /\s/.test(value.trim()) ? vscode.l10n.t('A token has no spaces.') : undefined),
      validateOnAccept: async (value) => {
        const candidate = value.trim();
        deps.log.addSecret(candidate);
        const probe = new ChatworkClient({ baseUrl: () => Settings.apiBaseUrl(), token: () => candidate, timeoutMs: 15_000 });
        try {
          account = await probe.getMe();
          return undefined;
        } catch (error) {
          // The candidate stays a secret of the log: it may be the token in use (typed again
          // while Chatwork is unreachable), a valid one that could not be checked, or one typo
          // away from the real token.
          if (error instanceof ChatworkApiError && error.kind === 'auth') {
            return vscode.l10n.t('Chatwork rejected this token (401). Copy it again from Chatwork’s API settings.');
          }
          return vscode.l10n.t('Could not check the token: {0}', error instanceof Error ? error.message : String(error));
        }
      },
    });
    if (token === undefined) return;
    try {
      if (account) await deps.tokens.add(token.trim(), accountInfoOf(account));
      else await deps.tokens.set(token.trim());
    } catch (error) {
      // Secret storage can refuse (no keyring on Linux); the token is kept nowhere else.
      await showError(deps, vscode.l10n.t('Storing the API token'), error);
      return;
    }
    // GET /me just answered for this token: no need to ask again when messages are shown.
    if (account) deps.store.rememberIdentity(account);
    deps.log.info(`API token stored for ${account?.name ?? 'this account'}.`);
    void deps.prompts.notify('info', vscode.l10n.t('Signed in to Chatwork as {0}.', account?.name ?? vscode.l10n.t('your account')));
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.setToken', () => run(vscode.l10n.t('Chatwork: Set API Token'))),
    vscode.commands.registerCommand('chatwork.addAccount', () => run(vscode.l10n.t('Chatwork: Add Account'))),
  );
}
