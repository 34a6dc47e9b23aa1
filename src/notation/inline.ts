// Splits a run of plain text (the source between two accepted tags) into text, link and emoticon
// pieces. URLs are tried before emoticons at each position, so `:p` or `8-)` inside a URL stay URL.
// Runs over the body in place (no slice per run) and looks at most characters only once, through
// a table: CJK text and most ASCII (all but `h H : ; ( 8 | ]`) start neither a URL nor an emoticon.

import type { NotationNode } from './ast';
import { EMOTICON_START, matchEmoticonAt } from './emoticons';
import { urlEndAt } from './links';

/** Where the pieces go: plain text as ranges of the body, links and emoticons as nodes. */
export interface InlineSink {
  literal(start: number, end: number): void;
  leaf(node: NotationNode): void;
}

const A_URL = 1;
const AN_EMOTICON = 2;

/** What an ASCII character may start. Codes beyond ASCII start nothing. */
const STARTS = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (EMOTICON_START[c] === 1) STARTS[c] = AN_EMOTICON;
STARTS[0x68] = A_URL; // h
STARTS[0x48] = A_URL; // H

/** Reads `body[start, end)` into `out`. */
export function scanInline(body: string, start: number, end: number, out: InlineSink): void {
  let runStart = start;
  for (let i = start; i < end; i++) {
    const c = body.charCodeAt(i);
    const kind = STARTS[c]; // undefined beyond ASCII
    if (kind !== A_URL && kind !== AN_EMOTICON) continue;
    let next = -1; // just past what was found here
    if (kind === A_URL) {
      const urlEnd = urlEndAt(body, i, end);
      if (urlEnd > i) {
        out.literal(runStart, i);
        out.leaf({ type: 'link', url: body.slice(i, urlEnd) });
        next = urlEnd;
      }
    } else {
      const emo = matchEmoticonAt(body, i, end);
      if (emo !== undefined) {
        out.literal(runStart, i);
        out.leaf({ type: 'emoticon', code: emo.code, name: emo.name });
        next = i + emo.code.length;
      }
    }
    if (next >= 0) {
      runStart = next;
      i = next - 1;
    }
  }
  out.literal(runStart, end);
}
