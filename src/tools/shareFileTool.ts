// Upload a workspace file to a room: inside the workspace only (real paths), 5 MB at most.
import * as vscode from 'vscode';
import { MAX_UPLOAD_BYTES } from '../api/validate';
import { mediaTypeOf } from '../editor/mediaTypes';
import { formatBytes } from '../tree/format';
import type { Confirmation } from './confirmText';
import { ChatworkTool } from './toolBase';
import { id, reloadRoomMessages, roomLabel } from './toolInput';
import { workspaceFile } from './workspaceFile';

interface ShareInput { roomId: number; path: string; message?: string }

export class ShareWorkspaceFileTool extends ChatworkTool<ShareInput> {
  readonly name = 'chatwork_share_workspace_file';
  readonly kind = 'change';

  /** The file and its size, or why it cannot be shared. */
  private async _check(input: ShareInput): Promise<{ uri: vscode.Uri; relative: string; size: number } | { error: string }> {
    const file = await workspaceFile(String(input.path ?? ''));
    if ('error' in file) return file;
    const stat = await vscode.workspace.fs.stat(file.uri);
    if (stat.type & vscode.FileType.Directory) return { error: vscode.l10n.t('“{0}” is a folder. Choose a file to share.', file.relative) };
    if (stat.size > MAX_UPLOAD_BYTES) return { error: vscode.l10n.t('“{0}” is {1}; Chatwork accepts files of up to 5 MB.', file.relative, formatBytes(stat.size)) };
    return { ...file, size: stat.size };
  }

  override async describe(input: ShareInput): Promise<Confirmation> {
    const file = await this._check(input);
    return {
      title: vscode.l10n.t('Upload a file to Chatwork?'),
      action: vscode.l10n.t('The agent wants to upload this workspace file. Everyone in the room can download it.'),
      details: [
        [vscode.l10n.t('Room'), await roomLabel(this.deps, id(input.roomId))],
        [vscode.l10n.t('File'), 'error' in file ? file.error : `${file.relative} (${formatBytes(file.size)})`],
        [vscode.l10n.t('Message'), input.message ?? '', 'block'],
      ],
    };
  }

  protected async run(input: ShareInput): Promise<string> {
    const file = await this._check(input);
    if ('error' in file) return file.error;
    const data = await vscode.workspace.fs.readFile(file.uri);
    if (data.byteLength > MAX_UPLOAD_BYTES) return vscode.l10n.t('“{0}” is {1}; Chatwork accepts files of up to 5 MB.', file.relative, formatBytes(data.byteLength));
    const roomId = id(input.roomId);
    const name = file.relative.slice(file.relative.lastIndexOf('/') + 1);
    const message = input.message?.trim();
    const result = await this.deps.client.uploadFile(roomId, { filename: name, data, contentType: mediaTypeOf(name), ...(message ? { message } : {}) });
    this.deps.store.invalidate(roomId, 'files');
    await reloadRoomMessages(this.deps, roomId);
    return `Uploaded ${file.relative} as file ${result.file_id} to room ${roomId}.`;
  }
}
