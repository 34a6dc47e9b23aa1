// Finds http(s) URLs in running text, one left-to-right pass with no regex backtracking.
// A URL is printable ASCII only: Japanese prose routinely glues words and brackets to a URL
// (`https://example.com/です`, `「https://example.com」`), so any non-ASCII character ends it.
// Trailing sentence punctuation is left out, and so is a `)` that closes a parenthesis opened
// before the URL (`(see https://en.wikipedia.org/wiki/Foo_(bar))` keeps the inner pair).

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
const TRAILING = new Set(['.', ',', ':', ';', '!', '?', "'", '*']);

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** If an http(s) URL starts at `start`, the index just past its end; otherwise -1. */
export function urlEndAt(text: string, start: number): number {
  const c0 = text.charCodeAt(start);
  if (c0 !== 0x68 && c0 !== 0x48) return -1; // h / H
  if (start > 0 && isAsciiAlnum(text.charCodeAt(start - 1))) return -1;
  const head = text.slice(start, start + 8).toLowerCase();
  let i: number;
  if (head.startsWith('https://')) i = start + 8;
  else if (head.startsWith('http://')) i = start + 7;
  else return -1;
  if (!isAsciiAlnum(text.charCodeAt(i))) return -1; // needs a host
  const hostStart = i;
  let open = 0;
  let close = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || URL_CHAR[c] !== 1) break;
    if (c === 0x28) open++;
    else if (c === 0x29) close++;
  }
  let end = i;
  while (end > hostStart) {
    const last = text[end - 1] as string;
    if (TRAILING.has(last)) {
      end--;
    } else if (last === ')' && close > open) {
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
