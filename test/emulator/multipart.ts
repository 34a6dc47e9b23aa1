// A small multipart/form-data parser (RFC 7578) for POST /rooms/{room_id}/files.
import { badRequest } from './errors';

export interface MultipartPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export function boundaryOf(contentType: string): string | undefined {
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Parses the whole body; throws 400 on a malformed body. */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw badRequest('Malformed multipart body');
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') return parts;
    pos = skipLineBreak(body, pos);
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) throw badRequest('Malformed multipart body');
    const headers = parseHeaders(body.subarray(pos, headerEnd).toString('utf8'));
    const start = headerEnd + 4;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), start);
    if (next < 0) throw badRequest('Malformed multipart body');
    const disposition = headers.get('content-disposition') ?? '';
    const name = param(disposition, 'name');
    if (name !== undefined) {
      parts.push({ name, filename: filenameOf(disposition), contentType: headers.get('content-type'), data: body.subarray(start, next) });
    }
    pos = next + 2;
  }
}

function skipLineBreak(body: Buffer, pos: number): number {
  if (body[pos] === 0x0d && body[pos + 1] === 0x0a) return pos + 2;
  if (body[pos] === 0x0a) return pos + 1;
  return pos;
}

function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return headers;
}

function param(header: string, key: string): string | undefined {
  const m = new RegExp(`(?:^|;)\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i').exec(header);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? '').trim();
}

/** filename*=UTF-8''… (RFC 5987) wins over filename="…". */
function filenameOf(disposition: string): string | undefined {
  const extended = param(disposition, 'filename\\*');
  if (extended) {
    const m = /^([^']*)'[^']*'(.*)$/.exec(extended);
    if (m) {
      try {
        return decodeURIComponent(m[2] ?? '');
      } catch {
        /* fall back to the plain filename */
      }
    }
  }
  return param(disposition, 'filename');
}
