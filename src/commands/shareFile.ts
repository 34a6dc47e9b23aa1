import * as vscode from 'vscode';
import { withProgress } from '../common/prompts';
import type { RoomSummary } from '../api/types';
import { MAX_BODY_LENGTH, MAX_UPLOAD_BYTES } from '../api/validate';
import { showError } from '../common/showError';
import { fromSingleLine, LINE_BREAK_MARK } from '../common/singleLine';
import type { Deps } from '../deps';
import { mediaTypeOf } from '../editor/mediaTypes';
import { pickRoomToPost, RecentRooms } from '../editor/recentRooms';
import { ensureSignedIn } from '../editor/signedIn';
import { formatBytes } from '../tree/format';

interface Upload {
  readonly uri: vscode.Uri;
  readonly name: string;
  readonly room: RoomSummary;
  readonly message: string;
}

/**
 * Chatwork: Share File to Chatwork (Explorer and editor tab context menus, palette: the active
 * editor's file) — the file's size is checked against Chatwork's 5 MB limit before anything is
 * asked; then the room (recently used first) and an optional message; POST …/files with progress
 * (cancellable), and the room's files are loaded again. Args: the file's URI (menus), or nothing
 * (the active editor's file).
 */
export function registerShareFile(context: vscode.ExtensionContext, deps: Deps): void {
  const recent = new RecentRooms(context.globalState, deps.tokens);
  const title = vscode.l10n.t('Chatwork: Share File');
  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.shareFile', async (arg?: unknown) => {
      if (!(await ensureSignedIn(deps))) return;
      const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      if (!uri || uri.scheme === 'untitled') {
        void deps.prompts.notify('info', uri ? vscode.l10n.t('Save the file before sharing it.') : vscode.l10n.t('Open or select a file to share.'));
        return;
      }
      const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
      if (!(await checkFile(deps, uri, name)) || !(await saveIfDirty(deps, uri, name))) return;

      let room: RoomSummary | undefined;
      try {
        room = await pickRoomToPost(deps, recent, undefined, title);
      } catch (error) {
        await showError(deps, vscode.l10n.t('Loading rooms'), error);
        return;
      }
      if (!room) return;
      const message = await deps.prompts.input({
        title,
        prompt: vscode.l10n.t('Message with “{0}” in “{1}” (optional; type {2} for a line break)', name, room.name, LINE_BREAK_MARK),
        placeHolder: vscode.l10n.t('No message'),
        validate: (value) => (value.length > MAX_BODY_LENGTH ? vscode.l10n.t('At most {0} characters.', MAX_BODY_LENGTH) : undefined),
      });
      if (message === undefined) return;
      await recent.remember(room.room_id);
      await upload(deps, { uri, name, room, message: fromSingleLine(message.trim()) });
    }),
  );
}

/** A file (not a folder) of at most 5 MB; says why not otherwise. */
async function checkFile(deps: Deps, uri: vscode.Uri, name: string): Promise<boolean> {
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch (error) {
    await showError(deps, vscode.l10n.t('Reading “{0}”', name), error);
    return false;
  }
  if (stat.type & vscode.FileType.Directory) {
    void deps.prompts.notify('info', vscode.l10n.t('“{0}” is a folder. Choose a file to share.', name));
    return false;
  }
  if (stat.size > MAX_UPLOAD_BYTES) {
    void deps.prompts.notify('error', tooLarge(name, stat.size));
    return false;
  }
  return true;
}

function tooLarge(name: string, size: number): string {
  // Just over the limit rounds to "5.0 MB" too: then the exact count says why.
  const shown = formatBytes(size) === formatBytes(MAX_UPLOAD_BYTES) ? vscode.l10n.t('{0} bytes', size.toLocaleString('en-US')) : formatBytes(size);
  return vscode.l10n.t('“{0}” is {1}; Chatwork accepts files of up to 5 MB.', name, shown);
}

/** Chatwork gets the file as saved on disk: unsaved edits are saved first, or knowingly left out. */
async function saveIfDirty(deps: Deps, uri: vscode.Uri, name: string): Promise<boolean> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!document?.isDirty) return true;
  const save = vscode.l10n.t('Save and Share');
  const asSaved = vscode.l10n.t('Share Saved Version');
  const choice = await deps.prompts.confirm(vscode.l10n.t('“{0}” has unsaved changes.', name), vscode.l10n.t('Chatwork gets the file as it is saved on disk.'), save, asSaved);
  if (choice === save) return document.save();
  return choice === asSaved;
}

async function upload(deps: Deps, job: Upload): Promise<void> {
  const { uri, name, room, message } = job;
  let cancelled = false;
  let fileId: number;
  try {
    const data = await vscode.workspace.fs.readFile(uri);
    // The file may have grown since it was checked.
    if (data.byteLength > MAX_UPLOAD_BYTES) {
      void deps.prompts.notify('error', tooLarge(name, data.byteLength));
      return;
    }
    const title = vscode.l10n.t('Uploading “{0}” ({1}) to “{2}”', name, formatBytes(data.byteLength), room.name);
    fileId = await withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => {
        cancelled = true;
        abort.abort();
      });
      const params = { filename: name, data, contentType: mediaTypeOf(name), ...(message === '' ? {} : { message }) };
      return (await deps.client.uploadFile(room.room_id, params, { signal: abort.signal })).file_id;
    });
  } catch (error) {
    if (cancelled) {
      void deps.prompts.notify('info', vscode.l10n.t('Upload of “{0}” cancelled.', name));
      return;
    }
    await showError(deps, vscode.l10n.t('Sharing “{0}”', name), error, () => upload(deps, job));
    return;
  }
  deps.log.info(`Shared ${name} in room ${room.room_id} (file ${fileId}).`);
  await refreshRoom(deps, room.room_id);
  const open = vscode.l10n.t('Open Room');
  void deps.prompts.notify('info', vscode.l10n.t('Shared “{0}” in “{1}”.', name, room.name), open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('chatwork.openRoom', { roomId: room.room_id });
  });
}

/** The room's file list is loaded again (the tree shows it), and an open panel gets the file's message. */
async function refreshRoom(deps: Deps, roomId: number): Promise<void> {
  deps.store.invalidate(roomId, 'files');
  const warn = (error: unknown): void => deps.log.warn(`Refresh after sharing failed: ${String(error)}`);
  await deps.store.files(roomId).catch(warn);
  if (deps.store.hasMessages(roomId)) await deps.store.pollMessages(roomId).catch(warn);
}
