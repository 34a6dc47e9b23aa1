// The Content-Type sent with an upload, from the file's extension, so Chatwork previews images
// and PDFs. Bare media types only (no parameters): the client refuses anything else. No `vscode`.

const TYPES: Readonly<Record<string, string>> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml',
  bmp: 'image/bmp', ico: 'image/x-icon', pdf: 'application/pdf', zip: 'application/zip', gz: 'application/gzip',
  json: 'application/json', xml: 'application/xml', html: 'text/html', htm: 'text/html', css: 'text/css', csv: 'text/csv',
  md: 'text/markdown', txt: 'text/plain', log: 'text/plain', js: 'text/javascript', mjs: 'text/javascript',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  mp4: 'video/mp4', mov: 'video/quicktime', mp3: 'audio/mpeg', wav: 'audio/wav',
};

/** Source files and anything unknown go as application/octet-stream: Chatwork offers them for download. */
export function mediaTypeOf(fileName: string): string {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return TYPES[ext] ?? 'application/octet-stream';
}
