// Finds http(s) URLs in running text, one left-to-right pass with no regex backtracking.
// A URL is printable ASCII only: Japanese prose routinely glues words and brackets to a URL
// (`https://example.com/です`, `「https://example.com」`), so any non-ASCII character ends it.
// Trailing sentence punctuation is left out, and so is a `)` that closes a parenthesis opened
// before the URL (`(see https://en.wikipedia.org/wiki/Foo_(bar))` keeps the inner pair).
// Hot path of the parser: char codes and tables only, no slices or regexes.

export interface UrlRange {
  readonly start: number;
  readonly end: number;
}

// Printable ASCII that may appear inside a URL; excludes delimiters people put around URLs
// and characters that would not survive in one unescaped.
const URL_CHAR = new Uint8Array(128);
for (let c = 0x21; c < 0x7f; c++) URL_CHAR[c] = 1;
for (const ch of '<>"[]{}|\\^`') URL_CHAR[ch.charCodeAt(0)] = 0;

// Characters that end a sentence rather than a URL when they come last.
const TRAILING = new Uint8Array(128);
for (const ch of ".,:;!?'*") TRAILING[ch.charCodeAt(0)] = 1;

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** `text[i]` is the lower-case ASCII letter `lower` in either case (`c | 0x20` only folds A–Z). */
function isLetter(text: string, i: number, lower: number): boolean {
  return (text.charCodeAt(i) | 0x20) === lower;
}

/** Index past `http://` / `https://` (any case) at `start`, or -1. */
function schemeEnd(text: string, start: number): number {
  if (!isLetter(text, start, 0x68) || !isLetter(text, start + 1, 0x74) || !isLetter(text, start + 2, 0x74) || !isLetter(text, start + 3, 0x70)) {
    return -1;
  }
  const i = isLetter(text, start + 4, 0x73) ? start + 5 : start + 4; // optional s
  return text.startsWith('://', i) ? i + 3 : -1;
}

/**
 * If an http(s) URL starts at `start`, the index just past its end; otherwise -1. `limit` (default:
 * the end of `text`) is where the surrounding text ends: the URL does not run past it.
 */
export function urlEndAt(text: string, start: number, limit: number = text.length): number {
  // Not glued to a word before it (at 0, charCodeAt(-1) is NaN: no character).
  if (isAsciiAlnum(text.charCodeAt(start - 1))) return -1;
  let i = schemeEnd(text, start);
  // Needs a host (i = -1, no scheme, reads NaN: no character).
  if (i >= limit || !isAsciiAlnum(text.charCodeAt(i))) return -1;
  let open = 0;
  let close = 0;
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (URL_CHAR[c] !== 1) break; // codes beyond ASCII read as undefined: they end the URL
    if (c === 0x28) open++;
    else if (c === 0x29) close++;
  }
  // Strip from the end; this stops at the host's first character at the latest (it is alphanumeric).
  let end = i;
  for (;;) {
    const last = text.charCodeAt(end - 1);
    if (TRAILING[last] === 1) {
      end--;
    } else if (last === 0x29 && close > open) {
      close--;
      end--;
    } else {
      break;
    }
  }
  return end;
}

/** All URLs in `text`, in order and not overlapping. */
export function findUrls(text: string): UrlRange[] {
  const found: UrlRange[] = [];
  for (let i = 0; i < text.length; i++) {
    const end = urlEndAt(text, i);
    if (end > i) {
      found.push({ start: i, end });
      i = end - 1;
    }
  }
  return found;
}
