// Where a query occurs: in a message's plain text (for messages not mounted, and for the count) and
// as DOM ranges in a mounted message (for the highlight). Case-insensitive; a match never spans two
// text nodes of the DOM.

/** How many times `query` occurs in `text` (case-insensitive, not overlapping). */
export function countMatches(text: string, query: string): number {
  const q = query.toLowerCase();
  if (q === '') return 0;
  const t = text.toLowerCase();
  let count = 0;
  for (let i = t.indexOf(q); i >= 0; i = t.indexOf(q, i + q.length)) count++;
  return count;
}

/** The DOM ranges of `query` inside `root`'s text nodes, in document order. */
export function matchRanges(root: Node, query: string): Range[] {
  const q = query.toLowerCase();
  const ranges: Range[] = [];
  if (q === '') return ranges;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').toLowerCase();
    for (let i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + q.length)) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + q.length);
      ranges.push(range);
    }
  }
  return ranges;
}
