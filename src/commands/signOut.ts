import * as vscode from 'vscode';
import type { Deps } from '../deps';

/** Chatwork: Sign Out — deletes the token from secret storage. */
export function registerSignOut(context: vscode.ExtensionContext, deps: Deps): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.signOut', async () => {
      await deps.tokens.ready;
      if (deps.tokens.get() === undefined) {
        void deps.prompts.notify('info', vscode.l10n.t('No Chatwork token is stored.'));
        return;
      }
      deps.log.removeSecret(deps.tokens.get());
      await deps.tokens.clear();
      deps.log.info('API token deleted.');
      void deps.prompts.notify('info', vscode.l10n.t('Signed out of Chatwork. The API token was deleted.'));
    }),
  );
}
