// Chatwork notation → nodes. One left-to-right scan, linear in the body's length: every `[` is
// looked at once, the next `]` and the next `[/code]` / `[/download]` are found with cached forward
// searches (so `[[[[…` or `[code][code]…` cannot go quadratic), and tags are read by tags.ts
// without backtracking regexes. `[code]` and `[download:N]` take everything up to their first close
// tag literally, before any other tag is considered. Never throws.

import type { NotationNode } from './ast';
import { MAX_TAG_LENGTH, readTag } from './tags';
import { TreeBuilder } from './tree';

/** `find(from)` = body.indexOf(needle, from), reusing the last answer while it still holds. */
function forwardFinder(body: string, needle: string): (from: number) => number {
  let searchedFrom = Number.POSITIVE_INFINITY;
  let found = -1;
  return (from) => {
    if (from < searchedFrom || (found >= 0 && found < from)) {
      searchedFrom = from;
      found = body.indexOf(needle, from);
    }
    return found;
  };
}

function scan(body: string): NotationNode[] {
  const tree = new TreeBuilder();
  const nextClose = forwardFinder(body, ']');
  const rawClosers = new Map<string, (from: number) => number>();
  const rawCloser = (needle: string): ((from: number) => number) => {
    let finder = rawClosers.get(needle);
    if (finder === undefined) rawClosers.set(needle, (finder = forwardFinder(body, needle)));
    return finder;
  };

  let textStart = 0;
  let open = body.indexOf('[');
  while (open >= 0) {
    const nextOpen = body.indexOf('[', open + 1);
    const close = nextClose(open + 1);
    if (close < 0) break; // no `]` left: the rest is text
    if ((nextOpen >= 0 && nextOpen < close) || close - open - 1 > MAX_TAG_LENGTH) {
      open = nextOpen;
      continue;
    }
    const tag = readTag(body.slice(open + 1, close));
    if (tag === undefined) {
      open = nextOpen;
      continue;
    }

    tree.text(body.slice(textStart, open));
    let end = close + 1;
    const src = body.slice(open, end);
    switch (tag.kind) {
      case 'leaf':
        tree.leaf(tag.node);
        break;
      case 'open':
        tree.open(tag, src, end);
        break;
      case 'close':
        tree.close(tag.container, src);
        break;
      case 'broken':
        tree.literal(src);
        break;
      case 'qtmeta':
        tree.qtmeta(tag.meta, src, open);
        break;
      case 'raw': {
        const stop = rawCloser(tag.close)(end);
        if (stop < 0) {
          tree.literal(src); // unterminated: the opener is text, what follows is parsed as usual
        } else {
          tree.leaf(tag.make(body.slice(end, stop)));
          end = stop + tag.close.length;
        }
        break;
      }
    }
    textStart = end;
    open = body.indexOf('[', end);
  }
  tree.text(body.slice(textStart));
  return tree.finish();
}

/** Parses a message body. Never throws; unknown or broken tags come back as literal text. */
export function parse(body: string): NotationNode[] {
  if (typeof body !== 'string' || body === '') return [];
  try {
    return scan(body);
  } catch {
    // Not expected; a body must still show as what it is rather than break a view.
    return [{ type: 'text', text: body }];
  }
}
