import * as os from 'os';
import * as vscode from 'vscode';
import type { ChatworkFile } from '../api';
import { pathTaken, TargetExistsError } from '../common/exclusiveWrite';
import { sanitizeFileName } from '../common/fileNames';
import { withProgress } from '../common/prompts';
import { showError } from '../common/showError';
import type { Deps } from '../deps';
import { formatBytes } from '../tree/format';
import { openDownload } from './openDownload';
import { saveStream } from './saveStream';
import { idOf, pickFile, resolveRoom } from './targets';

/**
 * Download File — args: a file node or `{ roomId, fileId }`. Asks where to save (a sanitized name
 * in the workspace), and only then asks Chatwork for the download URL, because it lives 30 seconds:
 * it is fetched at once, and requested again once if it expired anyway. The bytes stream to disk
 * with progress and can be cancelled; at the end the file can be opened or revealed.
 */
export function registerDownloadFile(context: vscode.ExtensionContext, deps: Deps): void {
  const title = vscode.l10n.t('Chatwork: Download File');
  context.subscriptions.push(
    vscode.commands.registerCommand('chatwork.downloadFile', async (arg?: unknown) => {
      let file: ChatworkFile | undefined;
      let roomId: number | undefined;
      try {
        const room = await resolveRoom(deps, arg, { title });
        if (!room) return;
        roomId = room.room_id;
        file = await fileOf(deps, arg, room.room_id, title);
      } catch (error) {
        await showError(deps, vscode.l10n.t('Finding the file'), error);
        return;
      }
      if (!file || roomId === undefined) return;
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
      const target = await deps.prompts.saveTo(vscode.Uri.joinPath(folder, sanitizeFileName(file.filename)), title);
      if (!target) return;
      const replace = await targetExists(target);
      if (replace && !(await confirmReplace(deps, target))) return;
      await download(deps, roomId, file, target, replace);
    }),
  );
}

async function fileOf(deps: Deps, arg: unknown, roomId: number, title: string): Promise<ChatworkFile | undefined> {
  const fileId = idOf(arg, 'fileId');
  if (fileId === undefined) return pickFile(deps, roomId, title);
  // A tree node carries the file; otherwise the cached list, or one GET without a download URL.
  const carried = (arg as { file?: ChatworkFile }).file;
  if (carried?.file_id === fileId) return carried;
  return (await deps.store.files(roomId)).find((f) => f.file_id === fileId) ?? deps.client.getFile(roomId, fileId);
}

/** Anything with that name — a file, a folder, a symlink (even a dangling one). */
async function targetExists(target: vscode.Uri): Promise<boolean> {
  if (target.scheme === 'file') return pathTaken(target.fsPath);
  return vscode.workspace.fs.stat(target).then(
    () => true,
    () => false,
  );
}

async function confirmReplace(deps: Deps, target: vscode.Uri): Promise<boolean> {
  const replace = vscode.l10n.t('Replace');
  const name = target.path.split('/').pop() ?? target.path;
  const choice = await deps.prompts.confirm(vscode.l10n.t('“{0}” already exists. Replace it?', name), vscode.l10n.t('The download will replace the existing file.'), replace);
  return choice === replace;
}

async function download(deps: Deps, roomId: number, file: ChatworkFile, target: vscode.Uri, replace: boolean): Promise<void> {
  const name = file.filename;
  let cancelled = false;
  try {
    const size = await withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Downloading “{0}”', name), cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => {
          cancelled = true;
          abort.abort();
        });
        const downloaded = await openDownload(deps.client, roomId, file.file_id, abort.signal, (m) => deps.log.info(m));
        const total = downloaded.contentLength ?? file.filesize;
        let reported = 0;
        return saveStream(
          downloaded.stream,
          target,
          (bytes) => {
            // Progress increments are percentages of the whole; report at most every 1 %.
            const percent = total > 0 ? Math.floor((bytes / total) * 100) : 0;
            if (percent > reported) {
              progress.report({ increment: percent - reported, message: `${formatBytes(bytes)} / ${formatBytes(total)}` });
              reported = percent;
            }
          },
          abort.signal,
          replace,
        );
      },
    );
    deps.log.info(`Downloaded file ${file.file_id} of room ${roomId} (${size} bytes).`);
    offerToOpen(deps, target, `${name} (${formatBytes(size)})`);
  } catch (error) {
    if (cancelled) {
      deps.log.info(`Download of file ${file.file_id} cancelled.`);
      void deps.prompts.notify('info', vscode.l10n.t('Download of “{0}” cancelled.', name));
      return;
    }
    if (error instanceof TargetExistsError) {
      void deps.prompts.notify('warning', vscode.l10n.t('“{0}” appeared while downloading; it was left as it is. Download again to replace it.', target.path.split('/').pop() ?? name));
      return;
    }
    await showError(deps, vscode.l10n.t('Downloading “{0}”', name), error, () => download(deps, roomId, file, target, replace));
  }
}

function offerToOpen(deps: Deps, target: vscode.Uri, what: string): void {
  const open = vscode.l10n.t('Open');
  const reveal = vscode.l10n.t('Reveal');
  void deps.prompts.notify('info', vscode.l10n.t('Downloaded {0}.', what), open, reveal).then(async (choice) => {
    if (choice === open) await vscode.commands.executeCommand('vscode.open', target);
    else if (choice === reveal) {
      // The OS file manager is only reachable when the extension host runs on this machine.
      const inWorkspace = vscode.workspace.getWorkspaceFolder(target) !== undefined;
      await vscode.commands.executeCommand(inWorkspace || vscode.env.remoteName ? 'revealInExplorer' : 'revealFileInOS', target);
    }
  });
}
