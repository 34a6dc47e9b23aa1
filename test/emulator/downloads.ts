// Short-lived download URLs (`${origin}/_download/<token>`), served without auth like a presigned
// URL: 404 for an unknown token, 410 once expired. Generated and Readable contents are streamed.
import { randomBytes } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import { Readable, pipeline } from 'stream';
import { sendErrors } from './http';
import type { FileContent } from './model';
import type { EmulatorState } from './state';

const CHUNK = 64 * 1024;

function* generated(size: number, byteAt: (i: number) => number): Generator<Buffer> {
  for (let offset = 0; offset < size; offset += CHUNK) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, size - offset));
    for (let i = 0; i < chunk.length; i++) chunk[i] = byteAt(offset + i) & 0xff;
    yield chunk;
  }
}

export function contentStream(content: FileContent): Readable {
  if (Buffer.isBuffer(content)) return Readable.from([content]);
  if ('open' in content) return content.open();
  return Readable.from(generated(content.size, (i) => content.byteAt(i)));
}

/** attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  // encodeURIComponent throws on half a surrogate pair (a name can hold one, from JSON escapes).
  const wellFormed = filename.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(wellFormed)}`;
}

export class Downloads {
  private readonly _links = new Map<string, { fileId: number; expires: number }>();
  private _overrides: { seconds: number; left: number } | undefined;

  constructor(
    private readonly _state: EmulatorState,
    private readonly _origin: () => string,
    private readonly _ttlSeconds: number,
  ) {}

  /** The next `times` URLs live `seconds` (0: expired at birth), then the configured TTL again. */
  overrideTtl(seconds: number, times = 1): void {
    this._overrides = { seconds, left: times };
  }

  create(fileId: number): string {
    const token = randomBytes(16).toString('hex');
    let ttl = this._ttlSeconds;
    if (this._overrides && this._overrides.left > 0) {
      ttl = this._overrides.seconds;
      if (--this._overrides.left <= 0) this._overrides = undefined;
    }
    this._links.set(token, { fileId, expires: Date.now() + ttl * 1000 });
    return `${this._origin()}/_download/${token}`;
  }

  serve(req: IncomingMessage, res: ServerResponse, token: string): void {
    req.resume();
    const link = this._links.get(token);
    const file = link && this._state.files.get(link.fileId);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendErrors(res, 405, 'Method not allowed');
    if (!link || !file) return sendErrors(res, 404, 'Not found');
    if (Date.now() >= link.expires) return sendErrors(res, 410, 'The download URL has expired');
    res.writeHead(200, {
      'Content-Type': file.content_type,
      'Content-Length': String(file.filesize),
      'Content-Disposition': contentDisposition(file.filename),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    pipeline(contentStream(file.content), res, () => undefined);
  }
}
