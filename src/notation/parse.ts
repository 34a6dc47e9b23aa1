// Chatwork notation → nodes. One left-to-right scan, linear in the body's length: every `[` is
// looked at once, the next `]` and the next `[/code]` / `[/download]` are found with cached forward
// searches (so `[[[[…` or `[code][code]…` cannot go quadratic), and tags are read by tags.ts
// without backtracking regexes. `[code]` and `[download:N]` take everything up to their first close
// tag literally, before any other tag is considered. Text between tags is handed on as index
// ranges, never sliced here. Never throws.

import type { NotationNode } from './ast';
import { MAX_TAG_LENGTH, readTag } from './tags';
import { TreeBuilder } from './tree';

/** `find(from)` = body.indexOf(needle, from) for a `from` that never decreases, reusing the last answer while it holds. */
class ForwardSearch {
  /** The last answer; before the first search, a position behind every `from`. */
  private _found = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly _body: string,
    private readonly _needle: string,
  ) {}

  find(from: number): number {
    // -1 (no more hits) stays true for every later `from`; a hit stays true until `from` passes it.
    if (this._found !== -1 && this._found < from) this._found = this._body.indexOf(this._needle, from);
    return this._found;
  }
}

function scan(body: string): NotationNode[] {
  const tree = new TreeBuilder(body);
  const nextClose = new ForwardSearch(body, ']');
  // Created on first use: most bodies have no [code] or [download].
  let rawClosers: Map<string, ForwardSearch> | undefined;
  const rawCloser = (needle: string): ForwardSearch => {
    rawClosers ??= new Map();
    let search = rawClosers.get(needle);
    if (search === undefined) rawClosers.set(needle, (search = new ForwardSearch(body, needle)));
    return search;
  };

  let textStart = 0;
  let open = body.indexOf('[');
  while (open >= 0) {
    const nextOpen = body.indexOf('[', open + 1);
    const close = nextClose.find(open + 1);
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

    tree.text(textStart, open);
    let end = close + 1;
    switch (tag.kind) {
      case 'leaf':
        tree.leaf(tag.node);
        break;
      case 'open':
        tree.open(tag, open, end);
        break;
      case 'close':
        tree.close(tag.container, open, end);
        break;
      case 'broken':
        tree.literal(open, end);
        break;
      case 'qtmeta':
        tree.qtmeta(tag.meta, open, end);
        break;
      case 'raw': {
        const stop = rawCloser(tag.close).find(end);
        if (stop < 0) {
          tree.literal(open, end); // unterminated: the opener is text, what follows is parsed as usual
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
  tree.text(textStart, body.length);
  return tree.finish();
}

/** Parses a message body. Never throws; unknown or broken tags come back as literal text. */
export function parse(body: string): NotationNode[] {
  if (typeof body !== 'string') return [];
  // Stryker disable all: the catch is an unreachable safety net (no string makes scan() throw), so no test can reach it
  try {
    return scan(body);
  } catch {
    // Not expected (the random tag-soup test parses thousands of bodies); a body must still show as
    // what it is rather than break a view.
    return [{ type: 'text', text: body }];
  }
}
