import * as vscode from 'vscode';
import { ChatworkClient } from '../api/chatworkClient';
import { Settings } from '../common/settings';
import type { Deps } from '../deps';
import { environmentTokenToImport } from './environmentToken';

/**
 * CHATWORK_API_TOKEN in a production host, once the stored token was read: stored only after the user
 * said yes to the account name GET /me gives for it (a development or test host imported it already,
 * with the first read: see silentlyImportable). Either way it goes to secret storage only.
 */
export function offerEnvironmentToken(context: vscode.ExtensionContext, deps: Deps): void {
  const candidate = process.env.CHATWORK_API_TOKEN;
  deps.log.addSecret(candidate?.trim() || undefined);
  void deps.tokens.ready.then(async () => {
    const token = await environmentTokenToImport(candidate, deps.tokens.get() !== undefined, {
      extensionMode: context.extensionMode,
      accountNameOf: async (t) => (await new ChatworkClient({ baseUrl: () => Settings.apiBaseUrl(), token: () => t, timeoutMs: 15_000 }).getMe()).name,
      confirm: async (name) => {
        const signIn = vscode.l10n.t('Sign In');
        const message = vscode.l10n.t('CHATWORK_API_TOKEN is set in this environment. It belongs to the Chatwork account “{0}”. Sign in with it?', name);
        return (await deps.prompts.notify('warning', message, signIn)) === signIn;
      },
    });
    if (token === undefined) return;
    await deps.tokens.set(token);
    deps.log.info('Signed in with the token from CHATWORK_API_TOKEN.');
  }).catch((error: unknown) => deps.log.error('The token from CHATWORK_API_TOKEN was not imported', error));
}
