// Turns a file name chosen by someone else (a Chatwork upload) into one that is safe to save here:
// a single path segment that cannot climb out of the folder, is valid on Windows, macOS and Linux,
// and still reads as the original (Japanese and other Unicode names are kept). No `vscode`.

/** Bytes, not characters: file systems limit names to 255 bytes; leave room for " (2)" or ".part". */
export const MAX_FILE_NAME_BYTES = 200;

const FALLBACK = 'download';

// Control characters (C0, DEL, C1) and the bidi overrides that can disguise an extension
// ("invoice\u202Efdp.exe" shows as "invoiceexe.pdf").
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// Half a surrogate pair is no character: it cannot be written as UTF-8, so the file would get
// another name than the one proposed.
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Characters Windows refuses in names (also the path separators, handled before).
const WINDOWS_INVALID = /[<>:"|?*]/g;
// CON, PRN, AUX, NUL, COM1–9, LPT1–9 (and the console's CONIN$, CONOUT$) are devices on Windows,
// with any extension — and spaces before it are ignored too ("nul .txt" is NUL).
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$) *(\..*)?$/i;

export function sanitizeFileName(name: string, maxBytes = MAX_FILE_NAME_BYTES): string {
  // Every path segment that is not "", "." or ".." is kept, joined with "_": "../../etc/passwd"
  // becomes "etc_passwd", and "a/b.txt" keeps both parts readable as "a_b.txt".
  const segments = name
    .replace(LONE_SURROGATES, '')
    .normalize('NFC')
    .replace(UNSAFE_CHARS, '')
    .split(/[/\\]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== '.' && s !== '..');
  let result = segments.join('_').replace(WINDOWS_INVALID, '_');
  // Windows drops trailing dots and spaces, which would change the name (or make it empty).
  result = result.replace(/[. ]+$/, '');
  // Leading dots would hide the file (and ".." prefixes read like a parent folder).
  result = result.replace(/^\.+/, '');
  if (RESERVED.test(result)) result = `_${result}`;
  result = truncateKeepingExtension(result, maxBytes);
  return result === '' ? FALLBACK : result;
}

/** Shortens the base name so the whole name fits in maxBytes of UTF-8; the extension survives. */
function truncateKeepingExtension(name: string, maxBytes: number): string {
  if (utf8Length(name) <= maxBytes) return name;
  const dot = name.lastIndexOf('.');
  // An "extension" longer than 16 bytes is more likely part of the name.
  const ext = dot > 0 && utf8Length(name.slice(dot)) <= 16 ? name.slice(dot) : '';
  const base = ext ? name.slice(0, dot) : name;
  const budget = maxBytes - utf8Length(ext);
  let kept = '';
  let used = 0;
  for (const char of base) {
    // Iterating by code point never splits a surrogate pair.
    const size = utf8Length(char);
    if (used + size > budget) break;
    kept += char;
    used += size;
  }
  return kept.replace(/[. ]+$/, '') + ext;
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
