// Questions asked of a parsed body: does it mention me, everyone, or contain some text?
// Quoted content is someone else's earlier message, so by default it does not count as a mention.

import { childListsOf, type NotationNode } from './ast';
import { toPlainText, type PlainTextOptions } from './plainText';

export interface WalkOptions {
  /** Visit the content of quotes too (default true for forEachNode, false for the mention checks). */
  readonly includeQuotes?: boolean;
}

/** Visits every node depth-first, in document order, without recursion. */
export function forEachNode(nodes: readonly NotationNode[], visit: (node: NotationNode) => void, opts: WalkOptions = {}): void {
  const includeQuotes = opts.includeQuotes ?? true;
  const stack: { list: readonly NotationNode[]; index: number }[] = [{ list: nodes, index: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { list: readonly NotationNode[]; index: number };
    const node = top.list[top.index++];
    if (node === undefined) {
      stack.pop();
      continue;
    }
    visit(node);
    if (node.type === 'quote' && !includeQuotes) continue;
    const lists = childListsOf(node);
    for (let i = lists.length - 1; i >= 0; i--) stack.push({ list: lists[i] as readonly NotationNode[], index: 0 });
  }
}

function some(nodes: readonly NotationNode[], test: (node: NotationNode) => boolean, opts: WalkOptions): boolean {
  let found = false;
  forEachNode(nodes, (node) => {
    found ||= test(node);
  }, opts);
  return found;
}

/** `[To:accountId]` or a reply to accountId (`[rp aid=accountId …]`). */
export function mentionsAccount(nodes: readonly NotationNode[], accountId: number, opts: WalkOptions = {}): boolean {
  return some(nodes, (n) => (n.type === 'mention' || n.type === 'reply') && n.accountId === accountId, {
    includeQuotes: opts.includeQuotes ?? false,
  });
}

/** `[toall]` */
export function mentionsAll(nodes: readonly NotationNode[], opts: WalkOptions = {}): boolean {
  return some(nodes, (n) => n.type === 'toall', { includeQuotes: opts.includeQuotes ?? false });
}

export interface FindTextOptions extends PlainTextOptions {
  /** Default false: case-insensitive. */
  readonly caseSensitive?: boolean;
}

/** Whether `query` occurs in the body as read (toPlainText), e.g. for filtering messages. */
export function findText(nodes: readonly NotationNode[], query: string, opts: FindTextOptions = {}): boolean {
  const text = toPlainText(nodes, opts);
  return opts.caseSensitive ? text.includes(query) : text.toLowerCase().includes(query.toLowerCase());
}
