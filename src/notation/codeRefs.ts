// Finds references to places in code in running text: `src/a.ts:10`, `src/a.ts:L10-24`,
// `src/a.ts:10:5` (line and column, as compilers print them), `src/a.ts#L10-L20` (GitHub's anchor),
// `C:\src\a.ts:10`. What "Send Selection to Chatwork" writes reads back as one. No `vscode`, no
// DOM: the room panel's renderer turns each range into a link, the host opens the file.
//
// What must not match: URLs (`http://host:8080`, `https://x/a.ts#L3` is a URL, not a ref), times
// (`10:30`), versions (`v1.2:3`), `host.com:443`, `user@host:22`. A path therefore needs a letter
// and either a folder or a file extension that starts with a letter, and web-like names without a
// folder (`example.com:8080`) are left alone.

import { findUrls } from './links';

export interface CodeRef {
  /** The matched text is `text.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
  /** As written (slashes or backslashes). */
  readonly path: string;
  /** 1-based, inclusive; endLine ≥ startLine. */
  readonly startLine: number;
  readonly endLine: number;
  /** 1-based column (`a.ts:10:5`), for a single line. */
  readonly column?: number;
}

/** Lines above this are not taken for line numbers (a phone number, an id). */
export const MAX_LINE = 9_999_999;

const SEGMENT = '[A-Za-z0-9_.@+~$-]+';
// Not preceded by a path character, ':' or '#': a ref starts where a path starts.
const REF = new RegExp(
  String.raw`(?<![A-Za-z0-9_.@+~$\-/\\:#])` +
    String.raw`((?:[A-Za-z]:[\\/]|/|~/)?(?:${SEGMENT}[\\/])*${SEGMENT})` +
    String.raw`(?::L?(\d{1,7})(?:-L?(\d{1,7}))?(?::(\d{1,5}))?|#L(\d{1,7})(?:-L?(\d{1,7}))?)` +
    // …and not followed by more of a word, a path, or a number (`a.ts:10.5`, `10:30:00`).
    String.raw`(?![A-Za-z0-9_/\\]|[.:\-]\d)`,
  'g',
);

const EXTENSION = /\.[A-Za-z][A-Za-z0-9_+-]*$/;
// Names without an extension that are still files people point at.
const KNOWN_FILES = new Set(['makefile', 'dockerfile', 'rakefile', 'gemfile', 'procfile', 'jenkinsfile', 'vagrantfile', 'brewfile', 'justfile']);
// Extensions that, without a folder, are far more likely a host than a file (`example.com:8080`).
const HOST_SUFFIXES = new Set(['com', 'net', 'org', 'io', 'jp', 'co', 'dev', 'app', 'local', 'localhost', 'internal', 'info', 'biz', 'cloud', 'xyz', 'example', 'test', 'invalid', 'lan', 'home', 'corp']);
const NON_ASCII_LETTER = /[^\x00-\x7f]/;

/** Every code reference in `text`, in order, outside URLs. */
export function findCodeRefs(text: string): CodeRef[] {
  const urls = findUrls(text);
  const refs: CodeRef[] = [];
  for (const match of text.matchAll(REF)) {
    const start = match.index;
    const end = start + match[0].length;
    if (urls.some((u) => start < u.end && end > u.start)) continue;
    const ref = toRef(text, match, start, end);
    if (ref) refs.push(ref);
  }
  return refs;
}

/** The text as a single reference (surrounding spaces and quotes allowed), or undefined. */
export function parseCodeRef(text: string): CodeRef | undefined {
  const trimmed = text.trim().replace(/^["'`「(]+|["'`」)]+$/g, '');
  const refs = findCodeRefs(trimmed);
  const ref = refs[0];
  // A first reference that spans the whole text is also the only one.
  return ref !== undefined && ref.start === 0 && ref.end === trimmed.length ? ref : undefined;
}

function toRef(text: string, match: RegExpExecArray, start: number, end: number): CodeRef | undefined {
  const path = match[1] as string; // the pattern's first group always takes part
  if (!isPathLike(path, text.charAt(start - 1))) return undefined;
  const first = Number(match[2] ?? match[5]);
  const second = match[3] ?? match[6];
  const last = second === undefined ? first : Number(second);
  // At most 7 digits each, so never above MAX_LINE.
  if (first < 1 || last < 1) return undefined;
  const column = Number(match[4] ?? 0); // 0: none
  return {
    start,
    end,
    path,
    startLine: Math.min(first, last),
    endLine: Math.max(first, last),
    ...(column >= 1 && second === undefined ? { column } : {}),
  };
}

/** `before`: the character before the path, '' at the start. */
function isPathLike(path: string, before: string): boolean {
  if (!/[A-Za-z]/.test(path)) return false;
  // The pattern ends a path in a name (never in a separator); a leading `/` or `C:\` counts as a folder.
  const segments = path.split(/[\\/]/);
  const name = segments[segments.length - 1] as string;
  if (/^\.+$/.test(name)) return false;
  const hasFolder = segments.length > 1;
  const ext = EXTENSION.exec(name)?.[0].slice(1).toLowerCase();
  if (!hasFolder) {
    if (ext === undefined ? !KNOWN_FILES.has(name.toLowerCase()) : HOST_SUFFIXES.has(ext)) return false;
    // `設計.md:3` would otherwise read as a file named ".md": a name glued to Japanese text is not
    // a dot-file.
    if (name.startsWith('.') && NON_ASCII_LETTER.test(before)) return false;
  }
  return true;
}
