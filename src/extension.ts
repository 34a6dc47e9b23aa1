import * as vscode from 'vscode';
import { ChatworkClient } from './api/chatworkClient';
import { ChatworkApiError } from './api/errors';
import { TokenStore } from './auth/tokenStore';
import { registerSetToken } from './commands/setToken';
import { registerSignOut } from './commands/signOut';
import { Logger } from './common/logger';
import { VsCodePrompts } from './common/prompts';
import { Settings } from './common/settings';
import type { Deps } from './deps';
import { Poller } from './store/poller';
import { RoomStore } from './store/roomStore';

/** What activate() returns: the integration tests reach the running extension through it. */
export interface ChatworkExtensionApi {
  readonly deps: Deps;
}

export async function activate(context: vscode.ExtensionContext): Promise<ChatworkExtensionApi> {
  const log = new Logger();
  context.subscriptions.push(log);

  const tokens = new TokenStore(context.secrets);
  context.subscriptions.push(tokens);
  await tokens.initialize();
  await importEnvironmentToken(tokens);
  log.addSecret(tokens.get());
  context.subscriptions.push(tokens.onDidChange(() => log.addSecret(tokens.get())));

  const client = new ChatworkClient({ baseUrl: () => Settings.apiBaseUrl(), token: () => tokens.get() });
  const store = new RoomStore(client);
  context.subscriptions.push({ dispose: () => store.dispose() });
  const poller = new Poller(store, { intervalMs: () => Settings.pollIntervalSeconds() * 1000 });
  context.subscriptions.push({ dispose: () => poller.dispose() });
  poller.setFocused(vscode.window.state.focused);
  context.subscriptions.push(vscode.window.onDidChangeWindowState((state) => poller.setFocused(state.focused)));
  context.subscriptions.push(
    tokens.onDidChange(() => {
      // Another account's data must not survive a token change.
      store.clear();
      if (tokens.state === 'set') poller.resume();
    }),
  );

  context.subscriptions.push(
    poller.onDidFail((error) => {
      log.warn(`Refresh failed: ${error.message}`);
      if (error instanceof ChatworkApiError && error.kind === 'auth') void tokens.markRejected();
    }),
  );

  const deps: Deps = { client, tokens, log, store, poller, prompts: new VsCodePrompts() };

  registerSetToken(context, deps);
  registerSignOut(context, deps);

  log.info(`Chatwork activated (API ${Settings.apiBaseUrl()}, token ${tokens.state}).`);
  return { deps };
}

/**
 * A token in CHATWORK_API_TOKEN (set by `npm run demo`, or by a user's shell) is moved into secret
 * storage when none is stored yet; it is never written anywhere else.
 */
async function importEnvironmentToken(tokens: TokenStore): Promise<void> {
  const fromEnv = process.env.CHATWORK_API_TOKEN?.trim();
  if (fromEnv && tokens.get() === undefined) await tokens.set(fromEnv);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
