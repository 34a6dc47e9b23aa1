import * as vscode from 'vscode';
import { ChatworkClient } from '../api/chatworkClient';
import { ChatworkApiError } from '../api/errors';
import { Settings } from '../common/settings';
import type { Deps } from '../deps';

export const TOKEN_PAGE_URL = 'https://www.chatwork.com/service/packages/chatwork/subpackages/api/token.php';

/**
 * Chatwork: Set API Token — asks for the token in a password box and stores it only after GET /me
 * accepted it, so a typo never replaces a working token.
 */
export function registerSetToken(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.setToken', async () => {
      let accountName: string | undefined;
      const token = await deps.prompts.input({
        title: 'Chatwork: Set API Token',
        prompt: 'Paste your Chatwork API token (Chatwork ▸ Personal settings ▸ API token). It is kept in VS Code’s secret storage.',
        placeHolder: 'API token',
        password: true,
        validate: (value) => (value.trim() === '' ? 'Enter a token.' : /\s/.test(value.trim()) ? 'A token has no spaces.' : undefined),
        validateOnAccept: async (value) => {
          const candidate = value.trim();
          deps.log.addSecret(candidate);
          const probe = new ChatworkClient({ baseUrl: () => Settings.apiBaseUrl(), token: () => candidate, timeoutMs: 15_000 });
          try {
            accountName = (await probe.getMe()).name;
            return undefined;
          } catch (error) {
            deps.log.removeSecret(candidate);
            if (error instanceof ChatworkApiError && error.kind === 'auth') {
              return 'Chatwork rejected this token (401). Copy it again from Chatwork’s API settings.';
            }
            return `Could not check the token: ${error instanceof Error ? error.message : String(error)}`;
          }
        },
      });
      if (token === undefined) return;
      await deps.tokens.set(token.trim());
      deps.log.info(`API token stored for ${accountName ?? 'this account'}.`);
      void deps.prompts.notify('info', `Signed in to Chatwork as ${accountName ?? 'your account'}.`);
    }),
  );
}
