import * as vscode from 'vscode';
import type { AccountInfo } from '../auth/accounts';
import type { Deps } from '../deps';

type AccountItem = vscode.QuickPickItem & { account?: AccountInfo; add?: true };

/** "Sakura Systems Inc." or, for an account without an organisation, nothing. */
function describeAccount(account: AccountInfo, activeId: number | undefined): string {
  const parts = [account.organizationName.trim()];
  if (account.accountId === activeId) parts.push(vscode.l10n.t('active'));
  return parts.filter(Boolean).join(' · ');
}

/**
 * Switch Account… (the signed-in accounts with their name and organisation from GET /me, and Add
 * Account…), Sign Out of This Account, and Use This Account in This Workspace (a workspace-state
 * choice, never a workspace setting, so a repository cannot redirect a token).
 */
export function registerAccountCommands(context: vscode.ExtensionContext, deps: Deps): void {
  const { tokens } = deps;

  const switchAccount = async (): Promise<void> => {
    await tokens.ready;
    const items: AccountItem[] = tokens.accounts().map((account) => ({
      label: account.name,
      description: describeAccount(account, tokens.activeAccountId),
      detail: tokens.registry.boundAccountId === account.accountId ? vscode.l10n.t('used in this workspace') : undefined,
      account,
    }));
    items.push({ label: vscode.l10n.t('Add Account…'), add: true, alwaysShow: true });
    const picked = await deps.prompts.pick(items, { title: vscode.l10n.t('Chatwork: Switch Account'), placeHolder: vscode.l10n.t('Choose the Chatwork account to use'), matchOnDescription: true });
    if (!picked) return;
    if (picked.add) {
      await vscode.commands.executeCommand('chatwork.addAccount');
      return;
    }
    if (!picked.account || picked.account.accountId === tokens.activeAccountId) return;
    await tokens.switchTo(picked.account.accountId);
    deps.log.info(`Switched to account ${picked.account.accountId}.`);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Chatwork: now using {0}.', picked.account.name), 3000);
  };

  const signOut = async (): Promise<void> => {
    await tokens.ready;
    if (tokens.get() === undefined) {
      void deps.prompts.notify('info', vscode.l10n.t('No Chatwork token is stored.'));
      return;
    }
    const leaving = tokens.activeAccount?.name;
    deps.log.removeSecret(tokens.get());
    await tokens.clear();
    deps.log.info('API token deleted.');
    const next = tokens.activeAccount;
    void deps.prompts.notify(
      'info',
      next
        ? vscode.l10n.t('Signed out of {0}. The API token was deleted; now using {1}.', leaving ?? vscode.l10n.t('your account'), next.name)
        : vscode.l10n.t('Signed out of Chatwork. The API token was deleted.'),
    );
  };

  const bind = async (): Promise<void> => {
    await tokens.ready;
    const active = tokens.activeAccount;
    const bound = tokens.registry.boundAccountId;
    const items = [
      ...(active ? [{ label: vscode.l10n.t('Always use {0} in this workspace', active.name), id: active.accountId as number | undefined }] : []),
      ...(bound !== undefined ? [{ label: vscode.l10n.t('Use the account last chosen anywhere'), id: undefined }] : []),
    ];
    if (items.length === 0) {
      void deps.prompts.notify('info', vscode.l10n.t('Sign in to a Chatwork account first.'));
      return;
    }
    const picked = await deps.prompts.pick(items, { title: vscode.l10n.t('Chatwork: Account for This Workspace') });
    if (!picked) return;
    await tokens.registry.bind(picked.id);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.switchAccount', switchAccount),
    vscode.commands.registerCommand('chatwork.signOut', signOut),
    vscode.commands.registerCommand('chatwork.bindAccountToWorkspace', bind),
  );
}
