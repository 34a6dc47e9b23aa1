// Attachments from the room panel's composer, on the host: the file comes from the picker, from an
// Explorer drop (a URI read through vscode.workspace.fs, so `vscode-remote:` works too) or as bytes
// from the webview (an OS drop or a pasted image). The 5 MB limit is checked before anything is
// read; nothing is uploaded before the user confirmed name, size and room in a modal (the prompt
// layer neutralises the hostile names); a failure keeps the draft and tells the webview what to
// retry with.
import * as vscode from 'vscode';
import { MAX_UPLOAD_BYTES } from '../api/validate';
import { describeError } from '../common/showError';
import type { Deps } from '../deps';
import { mediaTypeOf } from '../editor/mediaTypes';
import { formatBytes } from '../tree/format';
import type { DraftStore } from './drafts';
import type { DoneMessage, FailedMessage, ToWebviewMessage, UploadedMessage, UploadFailedMessage, UploadSource } from './protocol';

type UploadReply = UploadedMessage | DoneMessage | UploadFailedMessage | FailedMessage;

/** A file ready to be read: its name, its size (checked) and where its bytes come from. */
interface Candidate {
  readonly name: string;
  readonly size: number;
  readonly uri?: vscode.Uri;
  readonly data?: Uint8Array;
}

export class PanelUploads {
  private _abort: AbortController | undefined;

  constructor(
    private readonly _deps: Deps,
    private readonly _roomId: number,
    private readonly _drafts: DraftStore,
    private readonly _post: (message: ToWebviewMessage) => void,
  ) {}

  get isUploading(): boolean {
    return this._abort !== undefined;
  }

  /** The panel's Cancel (also while the confirmation is still open: then nothing starts). */
  cancel(): void {
    this._abort?.abort();
  }

  async upload(source: UploadSource, message: string): Promise<UploadReply> {
    if (this._abort) return { type: 'failed', error: vscode.l10n.t('Another upload is running.') };
    const abort = new AbortController();
    this._abort = abort;
    let candidate: Candidate | string | undefined;
    try {
      candidate = await this._resolve(source);
      if (candidate === undefined) return { type: 'done', cancelled: true };
      if (typeof candidate === 'string') return { type: 'failed', error: candidate };
      if (!(await this._confirm(candidate, message)) || abort.signal.aborted) return { type: 'done', cancelled: true };
      // The draft survives whatever happens next (a reload, a failure): it is the upload's message.
      await this._drafts.set(this._roomId, message);
      const data = candidate.data ?? (await vscode.workspace.fs.readFile(candidate.uri!));
      // The file may have grown since it was checked.
      if (data.byteLength > MAX_UPLOAD_BYTES) return { type: 'failed', error: tooLarge(candidate.name, data.byteLength) };
      this._post({ type: 'uploadProgress', name: candidate.name, size: data.byteLength });
      const params = { filename: candidate.name, data, contentType: mediaTypeOf(candidate.name), ...(message.trim() === '' ? {} : { message }) };
      const { file_id: fileId } = await this._deps.client.uploadFile(this._roomId, params, { signal: abort.signal });
      this._deps.log.info(`Uploaded a file from the panel to room ${this._roomId} (file ${fileId}).`);
      await this._drafts.set(this._roomId, '');
      await this._refresh();
      return { type: 'uploaded', fileId };
    } catch (error) {
      if (abort.signal.aborted) return { type: 'done', cancelled: true };
      this._deps.log.warn(`Upload to room ${this._roomId} failed: ${describeError(error)}`);
      const retryUri = typeof candidate === 'object' && candidate.uri ? candidate.uri.toString() : undefined;
      return { type: 'uploadFailed', error: describeError(error), ...(retryUri === undefined ? {} : { retryUri }) };
    } finally {
      this._abort = undefined;
    }
  }

  /** The file's name and size without reading it; undefined when the picker was cancelled, a text when refused. */
  private async _resolve(source: UploadSource): Promise<Candidate | string | undefined> {
    if (source.kind === 'data') {
      return source.data.byteLength > MAX_UPLOAD_BYTES ? tooLarge(source.name, source.data.byteLength) : { name: source.name, size: source.data.byteLength, data: source.data };
    }
    let uri: vscode.Uri | undefined;
    if (source.kind === 'pick') {
      uri = await this._deps.prompts.openFile(vscode.l10n.t('Attach a File'));
      if (!uri) return undefined;
    } else {
      try {
        uri = vscode.Uri.parse(source.uri, true);
      } catch {
        return vscode.l10n.t('Invalid request.');
      }
    }
    const name = decodeURIComponent(uri.path.slice(uri.path.lastIndexOf('/') + 1)) || uri.path;
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch (error) {
      return vscode.l10n.t('{0} failed: {1}', vscode.l10n.t('Reading “{0}”', name), describeError(error));
    }
    if (stat.type & vscode.FileType.Directory) return vscode.l10n.t('“{0}” is a folder. Choose a file to share.', name);
    if (stat.size > MAX_UPLOAD_BYTES) return tooLarge(name, stat.size);
    return { name, size: stat.size, uri };
  }

  private async _confirm(file: Candidate, message: string): Promise<boolean> {
    const room = this._deps.store.room(this._roomId)?.name ?? String(this._roomId);
    const upload = vscode.l10n.t('Upload');
    const text = message.trim();
    const detail = text === '' ? vscode.l10n.t('No message') : vscode.l10n.t('Message: {0}', text.length > 200 ? `${text.slice(0, 200)}…` : text);
    const choice = await this._deps.prompts.confirm(vscode.l10n.t('Upload “{0}” ({1}) to “{2}”?', file.name, formatBytes(file.size), room), detail, upload);
    return choice === upload;
  }

  /** The file's message shows in the panel; the room's file list is loaded again. */
  private async _refresh(): Promise<void> {
    const { store, log } = this._deps;
    const warn = (error: unknown): void => log.warn(`Refresh after upload failed: ${String(error)}`);
    store.invalidate(this._roomId, 'files');
    await store.pollMessages(this._roomId).catch(warn);
  }
}

function tooLarge(name: string, size: number): string {
  const shown = formatBytes(size) === formatBytes(MAX_UPLOAD_BYTES) ? vscode.l10n.t('{0} bytes', size.toLocaleString('en-US')) : formatBytes(size);
  return vscode.l10n.t('“{0}” is {1}; Chatwork accepts files of up to 5 MB.', name, shown);
}
