// The line of a search hit the QuickPick shows: the first line that holds a search word, cut
// around the match so the match is visible. No `vscode`.
import { normalizeText, findOriginalRange } from '../search/normalize';

export interface Snippet {
  readonly text: string;
  /** Where the first word matched in `text`, when it did. */
  readonly match?: [number, number];
}

export function hitSnippet(plain: string, terms: readonly string[], width = 90): Snippet {
  const lines = plain.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const first = terms[0];
  const line = (first === undefined ? undefined : lines.find((l) => normalizeText(l).includes(first))) ?? lines[0] ?? '';
  const range = first === undefined ? undefined : findOriginalRange(line, first);
  if (!range || line.length <= width) return range ? { text: line, match: range } : { text: line.slice(0, width) };
  const start = Math.max(0, Math.min(range[0] - Math.floor(width / 3), line.length - width));
  const prefix = start > 0 ? '…' : '';
  const text = prefix + line.slice(start, start + width) + (start + width < line.length ? '…' : '');
  return { text, match: [range[0] - start + prefix.length, range[1] - start + prefix.length] };
}
