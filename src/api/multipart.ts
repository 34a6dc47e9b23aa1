// multipart/form-data for POST /rooms/{room_id}/files, built by hand because the only runtime
// dependency is node-fetch v2, which has no FormData of its own.

import { randomBytes } from 'crypto';

export interface MultipartFile {
  name: string;
  filename: string;
  contentType: string;
  data: Uint8Array;
}

export interface MultipartBody {
  contentType: string;
  body: Buffer;
}

/**
 * Quotes a name for Content-Disposition the way browsers do (WHATWG HTML, "multipart/form-data
 * encoding algorithm"): raw UTF-8, with `"`, CR and LF percent-encoded so they cannot end the header.
 * Japanese file names therefore arrive as typed.
 */
function quote(value: string): string {
  return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function buildMultipart(fields: Readonly<Record<string, string | undefined>>, files: readonly MultipartFile[]): MultipartBody {
  // 24 random hex digits: long enough that it never occurs inside the file by chance.
  const boundary = `----ChatworkVSCode${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  const text = (value: string) => parts.push(Buffer.from(value, 'utf8'));

  for (const file of files) {
    text(`--${boundary}\r\n`);
    text(`Content-Disposition: form-data; name="${quote(file.name)}"; filename="${quote(file.filename)}"\r\n`);
    text(`Content-Type: ${file.contentType}\r\n\r\n`);
    parts.push(Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength));
    text('\r\n');
  }
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) {
      text(`--${boundary}\r\n`);
      text(`Content-Disposition: form-data; name="${quote(name)}"\r\n\r\n`);
      text(`${value}\r\n`);
    }
  }
  text(`--${boundary}--\r\n`);

  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}
