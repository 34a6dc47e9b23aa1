import * as vscode from 'vscode';
import { withProgress } from '../common/prompts';
import type { RoomSummary } from '../api/types';
import { showError } from '../common/showError';
import { fromSingleLine, LINE_BREAK_MARK } from '../common/singleLine';
import type { Deps } from '../deps';
import { pickRoomToPost, RecentRooms } from '../editor/recentRooms';
import { selectedCode, snippetTemplate, type SelectedCode } from '../editor/selectedCode';
import { ensureSignedIn } from '../editor/signedIn';
import { formatSnippet, type FormatResult } from '../editor/snippet';

/**
 * Chatwork: Send Selection to Chatwork (editor context menu, palette, Ctrl+Alt+C / Cmd+Alt+C) —
 * the selection (or the current line) as `[info][title]path:Lx-y[/title][code]…[/code][/info]`
 * after an optional comment, shaped by `chatwork.snippetTemplate`. Too long a body is refused
 * before anything is asked, and checked again with the comment as it is typed. Args: the
 * document's URI (context menu) or `{ roomId }` to skip the room question.
 */
export function registerSendSelection(context: vscode.ExtensionContext, deps: Deps): void {
  const recent = new RecentRooms(context.globalState, deps.tokens);
  const title = vscode.l10n.t('Chatwork: Send Selection');
  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.sendSelection', async (arg?: unknown) => {
      if (!(await ensureSignedIn(deps))) return;
      const code = selectedCode(arg);
      if (!code) {
        void deps.prompts.notify('info', vscode.l10n.t('Open a file and select the code to send.'));
        return;
      }
      const template = snippetTemplate();
      const format = (comment: string): FormatResult => formatSnippet({ ...code, comment: fromSingleLine(comment) }, template);
      const bare = format('');
      if (bare.kind === 'tooLong') {
        refuseTooLong(deps, code, bare);
        return;
      }

      let room: RoomSummary | undefined;
      try {
        room = await pickRoomToPost(deps, recent, arg instanceof vscode.Uri ? undefined : arg, title);
      } catch (error) {
        await showError(deps, vscode.l10n.t('Loading rooms'), error);
        return;
      }
      if (!room) return;

      const comment = await deps.prompts.input({
        title,
        prompt: vscode.l10n.t('Comment before the code in “{0}” (optional; type {1} for a line break)', room.name, LINE_BREAK_MARK),
        placeHolder: vscode.l10n.t('No comment'),
        validate: (value) => {
          const result = format(value);
          return result.kind === 'tooLong' ? tooLongText(result) : undefined;
        },
      });
      if (comment === undefined) return;
      const result = format(comment);
      if (result.kind === 'tooLong') {
        refuseTooLong(deps, code, result);
        return;
      }
      await recent.remember(room.room_id);
      await post(deps, room, result.body);
    }),
  );
}

function tooLongText(result: Extract<FormatResult, { kind: 'tooLong' }>): string {
  return vscode.l10n.t(
    'The message would be {0} characters long; Chatwork accepts at most {1}.',
    result.length.toLocaleString('en-US'),
    result.max.toLocaleString('en-US'),
  );
}

/** Said before any question: a shorter selection, or the whole file as an upload, will do. */
function refuseTooLong(deps: Deps, code: SelectedCode, result: Extract<FormatResult, { kind: 'tooLong' }>): void {
  const share = vscode.l10n.t('Share File Instead');
  const message = vscode.l10n.t('The selection is too long to send. {0} Select less code, or share the file.', tooLongText(result));
  deps.log.info(`Send Selection refused: ${result.length} characters (limit ${result.max}).`);
  void deps.prompts.notify('error', message, share).then((choice) => {
    if (choice === share) void vscode.commands.executeCommand('chatwork.shareFile', code.uri);
  });
}

async function post(deps: Deps, room: RoomSummary, body: string): Promise<void> {
  let messageId: string;
  try {
    const sending = deps.client.postMessage(room.room_id, body);
    messageId = (
      await withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Sending to “{0}”…', room.name) }, () => sending)
    ).message_id;
  } catch (error) {
    // Retry sends the same body again without asking anew.
    await showError(deps, vscode.l10n.t('Sending the selection'), error, () => post(deps, room, body));
    return;
  }
  deps.log.info(`Sent ${body.length} characters of code to room ${room.room_id} (message ${messageId}).`);
  // An open panel shows the message at once; otherwise the next poll brings it.
  if (deps.store.hasMessages(room.room_id)) {
    await deps.store.pollMessages(room.room_id).catch((error: unknown) => deps.log.warn(`Refresh after sending failed: ${String(error)}`));
  }
  const open = vscode.l10n.t('Open Room');
  void deps.prompts.notify('info', vscode.l10n.t('Sent to “{0}”.', room.name), open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('chatwork.openRoom', { roomId: room.room_id, messageId });
  });
}
