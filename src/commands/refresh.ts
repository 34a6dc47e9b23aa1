import * as vscode from 'vscode';
import { withProgress } from '../common/prompts';
import type { Deps } from '../deps';
import { ErrorNode } from '../tree/nodes/errorNode';
import { ROOMS_VIEW_ID, type RoomsView } from '../tree/roomsView';

/**
 * Chatwork: Refresh (view title) — one poll cycle now: GET /rooms, and only what changed since.
 * Failures are not toasts: the view shows them (error node, or a message above kept rooms).
 * `chatwork.retry` is the click on an error node: it loads that list again.
 */
export function registerRefresh(context: vscode.ExtensionContext, deps: Deps, rooms: RoomsView): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.refresh', async () => {
      await deps.tokens.ready;
      if (deps.tokens.state !== 'set') {
        void deps.prompts.notify('info', vscode.l10n.t('Set a Chatwork API token first (Chatwork: Set API Token).'));
        return;
      }
      // Without rooms the root shows an error node: showing the root again retries it.
      if (deps.store.rooms === undefined) rooms.provider.refresh();
      await withProgress({ location: { viewId: ROOMS_VIEW_ID } }, () => deps.poller.pollNow());
    }),
    vscode.commands.registerCommand('chatwork.retry', (node?: unknown) => {
      if (node instanceof ErrorNode) node.retry();
      else rooms.provider.refresh();
    }),
  );
}
