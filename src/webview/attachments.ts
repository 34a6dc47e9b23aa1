// Attachments in the composer: the attach button (the host's file picker), files dropped on the
// composer (a `File` from the OS — VS Code wants Shift held while dragging into a webview — or
// Explorer items as a URI list, read on the host), and an image pasted from the clipboard (a PNG
// named by the time). A File over 5 MB is refused before a byte of it is read. While an upload
// runs the panel shows it with Cancel; a failed one keeps the text and the file for Retry.
import type { ReplyTo, UploadRequest, UploadSource } from '../panels/protocol';
import { el, icon, iconButton } from './dom';
import { format, type Strings } from './strings';

/** Chatwork's limit (src/api/validate.ts MAX_UPLOAD_BYTES; the webview bundle does not import the API layer). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export interface AttachmentsHost {
  upload(source: UploadSource, message: string): Promise<ReplyTo<UploadRequest>>;
  cancel(): void;
  /** The composer's text, sent as the file's message. */
  text(): string;
  /** The upload went out with the text: the composer empties. */
  uploaded(): void;
}

/** `image-20261202-0215.png`: the local time the image was pasted. */
export function pastedImageName(now: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `image-${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}.png`;
}

/** The URIs of a `text/uri-list` (comments and blank lines dropped). */
export function parseUriList(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb < 10 ? kb.toFixed(1) : Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

type Pending = { readonly kind: 'file'; readonly file: File; readonly name: string } | { readonly kind: 'source'; readonly source: UploadSource };

export class Attachments {
  readonly button: HTMLButtonElement;
  /** The upload line above the composer: progress with Cancel, or the error with Retry. */
  readonly status: HTMLElement;
  private readonly _statusText: HTMLElement;
  private readonly _cancel: HTMLButtonElement;
  private readonly _retry: HTMLButtonElement;
  private readonly _dismiss: HTMLButtonElement;
  private readonly _queue: Pending[] = [];
  private _failed: Pending | undefined;
  private _busy = false;

  constructor(
    private readonly _strings: Strings,
    target: HTMLElement,
    private readonly _host: AttachmentsHost,
  ) {
    const s = _strings;
    this.button = iconButton('attach', s.attach, 'attach');
    this.status = el('div', 'cw-upload-status');
    this.status.setAttribute('role', 'status');
    this.status.hidden = true;
    this._statusText = el('span', 'cw-upload-text');
    this._cancel = el('button', 'cw-button cw-button-secondary', s.cancel);
    this._cancel.dataset.action = 'cancel-upload';
    this._retry = el('button', 'cw-button cw-button-secondary', s.retry);
    this._retry.dataset.action = 'retry-upload';
    this._dismiss = iconButton('close', s.dismiss, 'dismiss-upload');
    for (const b of [this._cancel, this._retry]) b.type = 'button';
    this.status.append(icon('attach'), this._statusText, this._cancel, this._retry, this._dismiss);

    this.button.addEventListener('click', () => this._enqueue([{ kind: 'source', source: { kind: 'pick' } }]));
    this._cancel.addEventListener('click', () => this._host.cancel());
    this._retry.addEventListener('click', () => {
      const failed = this._failed;
      if (failed) this._enqueue([failed]);
    });
    this._dismiss.addEventListener('click', () => {
      this._failed = undefined;
      this.status.hidden = true;
    });
    target.addEventListener('paste', (e) => this._onPaste(e));
    target.addEventListener('dragover', (e) => {
      if (!e.dataTransfer) return;
      const types = [...e.dataTransfer.types];
      if (types.includes('Files') || types.includes('application/vnd.code.uri-list') || types.includes('text/uri-list')) {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }
    });
    target.addEventListener('drop', (e) => this._onDrop(e));
  }

  private _onPaste(e: ClipboardEvent): void {
    const files = [...(e.clipboardData?.files ?? [])].filter((f) => f.type.startsWith('image/'));
    if (files.length === 0) return; // text pastes as usual
    e.preventDefault();
    const name = pastedImageName(new Date());
    this._enqueue(files.map((file) => ({ kind: 'file', file, name })));
  }

  private _onDrop(e: DragEvent): void {
    const transfer = e.dataTransfer;
    if (!transfer) return;
    const files = [...transfer.files];
    // VS Code's Explorer puts its own list first; other sources give the standard one.
    const uris = parseUriList(transfer.getData('application/vnd.code.uri-list') || transfer.getData('text/uri-list'));
    if (files.length === 0 && uris.length === 0) return;
    e.preventDefault();
    if (files.length > 0) this._enqueue(files.map((file) => ({ kind: 'file', file, name: file.name })));
    else this._enqueue(uris.map((uri) => ({ kind: 'source', source: { kind: 'uri', uri } })));
  }

  private _enqueue(items: Pending[]): void {
    this._queue.push(...items);
    void this._drain();
  }

  /** One upload at a time; the composer's text goes with the first (it is cleared once sent). */
  private async _drain(): Promise<void> {
    if (this._busy) return;
    this._busy = true;
    try {
      for (let next = this._queue.shift(); next; next = this._queue.shift()) {
        if (!(await this._uploadOne(next))) this._queue.length = 0;
      }
    } finally {
      this._busy = false;
    }
  }

  /** False when the user cancelled or the upload failed: the rest of the queue is dropped. */
  private async _uploadOne(item: Pending): Promise<boolean> {
    this._failed = undefined;
    let source: UploadSource;
    if (item.kind === 'file') {
      // Before reading anything: a file Chatwork refuses is never loaded into memory.
      if (item.file.size > MAX_UPLOAD_BYTES) {
        this._show(format(this._strings.uploadTooLarge, item.name, formatSize(item.file.size)), 'error');
        return false;
      }
      source = { kind: 'data', name: item.name, data: new Uint8Array(await item.file.arrayBuffer()) };
    } else {
      source = item.source;
    }
    this._show(this._strings.uploadWaiting, 'busy');
    let reply: ReplyTo<UploadRequest>;
    try {
      reply = await this._host.upload(source, this._host.text());
    } catch (error) {
      reply = { type: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
    switch (reply.type) {
      case 'uploaded':
        this.status.hidden = true;
        this._host.uploaded();
        return true;
      case 'done':
        this.status.hidden = true;
        return false;
      case 'uploadFailed':
        this._failed = reply.retryUri === undefined ? item : { kind: 'source', source: { kind: 'uri', uri: reply.retryUri } };
        this._show(format(this._strings.uploadFailed, reply.error), 'retry');
        return false;
      default:
        this._show(format(this._strings.uploadFailed, reply.error), 'error');
        return false;
    }
  }

  /** The host confirmed and started the upload. */
  progress(name: string, size: number): void {
    this._show(format(this._strings.uploading, name, formatSize(size)), 'busy');
  }

  private _show(text: string, mode: 'busy' | 'error' | 'retry'): void {
    this._statusText.textContent = text;
    this.status.hidden = false;
    this.status.classList.toggle('cw-upload-error', mode !== 'busy');
    this._cancel.hidden = mode !== 'busy';
    this._retry.hidden = mode !== 'retry';
    this._dismiss.hidden = mode === 'busy';
  }
}
