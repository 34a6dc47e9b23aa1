// Splits a run of plain text (the source between two accepted tags) into text, link and emoticon
// nodes. URLs are tried before emoticons at each position, so `:p` or `8-)` inside a URL stay URL.

import type { NotationNode } from './ast';
import { matchEmoticonAt } from './emoticons';
import { urlEndAt } from './links';

export function parseInline(text: string): NotationNode[] {
  const out: NotationNode[] = [];
  let runStart = 0;
  const flush = (end: number): void => {
    if (end > runStart) out.push({ type: 'text', text: text.slice(runStart, end) });
  };
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === 0x68 || c === 0x48) {
      const end = urlEndAt(text, i);
      if (end > i) {
        flush(i);
        out.push({ type: 'link', url: text.slice(i, end) });
        i = runStart = end;
        continue;
      }
    } else {
      const emo = matchEmoticonAt(text, i);
      if (emo !== undefined) {
        flush(i);
        out.push({ type: 'emoticon', code: emo.code, name: emo.name });
        i = runStart = i + emo.code.length;
        continue;
      }
    }
    i++;
  }
  flush(text.length);
  return out;
}
