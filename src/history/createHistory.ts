import * as path from 'path';
import * as vscode from 'vscode';
import { MessageHistory } from '../archive/messageHistory';
import { Settings } from '../common/settings';
import type { Logger } from '../common/logger';
import type { RoomStore } from '../store/roomStore';

/**
 * The local archive, kept under globalStorageUri/history/<accountId>/ for the account signed in
 * (src/archive). Nothing is read at activation: the first room opened or the first search opens it.
 * The token is never written there: files hold messages, names and avatars only.
 */
/** `warn` shows a warning through the prompt layer (deps.prompts, which exists only after the history). */
export function createMessageHistory(context: vscode.ExtensionContext, store: RoomStore, log: Logger, warn: (message: string) => void): MessageHistory {
  const history = new MessageHistory({
    root: path.join(context.globalStorageUri.fsPath, 'history'),
    account: async () => (await store.me()).account_id,
    enabled: () => Settings.keepHistory(),
    roomName: (roomId) => store.room(roomId)?.name,
    retentionDays: () => Settings.historyRetentionDays(),
    maxSizeMB: () => Settings.historyMaxSizeMB(),
    log: (level, text) => (level === 'warn' ? log.warn(text) : log.info(text)),
    onWriteFailed: (error) => {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
      const message = code === 'ENOSPC' || code === 'EDQUOT'
        ? vscode.l10n.t('The disk is full: Chatwork message history is kept in memory only until there is space again.')
        : vscode.l10n.t('Chatwork message history cannot be saved ({0}): it is kept in memory only for now.', code || vscode.l10n.t('write error'));
      warn(message);
    },
  });
  store.setArchive(history);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('chatwork.history.keep') && !Settings.keepHistory()) void history.close();
    }),
    // Writes what is still queued when the window closes or reloads.
    { dispose: () => void history.close() },
  );
  return history;
}
