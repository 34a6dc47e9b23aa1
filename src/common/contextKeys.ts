import * as vscode from 'vscode';

/** Context keys used by `when` clauses and `viewsWelcome` in package.json. */
export const ContextKeys = {
  /** 'none' | 'set' | 'rejected' */
  tokenState: 'chatwork.tokenState',
  /** How many accounts are signed in (Switch Account shows from one on). */
  accountCount: 'chatwork.accountCount',
} as const;

export function setContext(key: string, value: unknown): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}
