import * as vscode from 'vscode';

export const DEFAULT_API_BASE_URL = 'https://api.chatwork.com/v2';

/** Typed access to the `chatwork.*` settings, read fresh each time so changes apply at once. */
export const Settings = {
  apiBaseUrl(): string {
    const value = vscode.workspace.getConfiguration('chatwork').get<string>('apiBaseUrl')?.trim();
    return (value || DEFAULT_API_BASE_URL).replace(/\/+$/, '');
  },
  pollIntervalSeconds(): number {
    const value = vscode.workspace.getConfiguration('chatwork').get<number>('pollIntervalSeconds') ?? 30;
    return Math.min(600, Math.max(10, value));
  },
  /** Whether to poll while nothing of Chatwork is shown (toasts, status bar and badge stay current). */
  backgroundPolling(): boolean {
    return vscode.workspace.getConfiguration('chatwork').get<boolean>('backgroundPolling') ?? true;
  },
  /** How long one API request may take before it fails as a timeout (seconds). */
  requestTimeoutSeconds(): number {
    const value = vscode.workspace.getConfiguration('chatwork').get<number>('requestTimeoutSeconds') ?? 30;
    return Number.isFinite(value) ? Math.min(600, Math.max(1, value)) : 30;
  },
  /** What the rooms view's badge counts: 'unread' (default), 'mentions' or 'none'. */
  badge(): 'unread' | 'mentions' | 'none' {
    const value = vscode.workspace.getConfiguration('chatwork').get<string>('badge');
    return value === 'mentions' || value === 'none' ? value : 'unread';
  },
  /** Keep a local archive of messages (false: memory only, nothing written). */
  keepHistory(): boolean {
    return vscode.workspace.getConfiguration('chatwork').get<boolean>('history.keep') !== false;
  },
  /** Days of archived messages to keep (0 = no limit). */
  historyRetentionDays(): number {
    const value = vscode.workspace.getConfiguration('chatwork').get<number>('history.retentionDays') ?? 0;
    return Number.isFinite(value) && value > 0 ? value : 0;
  },
  /** Megabytes of archive per account (0 = no limit). */
  historyMaxSizeMB(): number {
    const value = vscode.workspace.getConfiguration('chatwork').get<number>('history.maxSizeMB') ?? 0;
    return Number.isFinite(value) && value > 0 ? value : 0;
  },
};
