import * as vscode from 'vscode';
import { MAX_BODY_LENGTH } from '../api/validate';
import { showError } from '../common/showError';
import type { Deps } from '../deps';
import { pickRoomToPost, RecentRooms } from '../editor/recentRooms';
import { lineOf, selectedCode, type SelectedCode } from '../editor/selectedCode';
import { ensureSignedIn } from '../editor/signedIn';
import { formatTaskBody } from '../editor/snippet';
import { isTodoTaskArg } from '../editor/todoCodeActions';

/**
 * Chatwork: Create Chatwork Task from Selection (editor context menu, palette, and the TODO / FIXME
 * code action) — the selected text (or the TODO comment) and its `path:Lx-y` become the task's
 * body. The room is asked here (recently used first); the rest — the body to confirm or edit, the
 * assignees among the room's members, the deadline — is `chatwork.createTask`, so both commands
 * ask the same way and share its checks.
 */
export function registerTaskFromSelection(context: vscode.ExtensionContext, deps: Deps): void {
  const recent = new RecentRooms(context.globalState, deps.tokens);
  const title = vscode.l10n.t('Chatwork: Create Task from Selection');
  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.taskFromSelection', async (arg?: unknown) => {
      if (!(await ensureSignedIn(deps))) return;
      let body: string;
      try {
        const source = await sourceOf(arg);
        if (!source) {
          void deps.prompts.notify('info', vscode.l10n.t('Open a file and select the text of the task.'));
          return;
        }
        body = formatTaskBody(source.code, source.path, source);
      } catch (error) {
        await showError(deps, vscode.l10n.t('Reading the selection'), error);
        return;
      }
      if (body.length > MAX_BODY_LENGTH) {
        void deps.prompts.notify(
          'error',
          vscode.l10n.t('The selection is too long for a task: {0} characters, Chatwork accepts at most {1}.', body.length.toLocaleString('en-US'), MAX_BODY_LENGTH.toLocaleString('en-US')),
        );
        return;
      }
      let roomId: number;
      try {
        const room = await pickRoomToPost(deps, recent, isTodoTaskArg(arg) || arg instanceof vscode.Uri ? undefined : arg, title);
        if (!room) return;
        roomId = room.room_id;
      } catch (error) {
        await showError(deps, vscode.l10n.t('Loading rooms'), error);
        return;
      }
      await recent.remember(roomId);
      await vscode.commands.executeCommand('chatwork.createTask', { roomId, body });
    }),
  );
}

/** The TODO line the code action points at, or the editor's selection. */
async function sourceOf(arg: unknown): Promise<SelectedCode | undefined> {
  if (!isTodoTaskArg(arg)) return selectedCode(arg);
  const document = await vscode.workspace.openTextDocument(arg.uri);
  if (arg.line > document.lineCount) return undefined;
  return { ...lineOf(document, arg.line), code: arg.todo };
}
