// Builds the node tree from the scanner's events with an explicit stack of open containers.
// Containers only become nodes when closed; one never closed is put back as its literal source
// followed by its children ("unwound"), so broken notation reads exactly as typed. A close tag
// closes the nearest open container of its kind, unwinding any left open inside it (as HTML
// parsers do); a close tag with no open container of its kind is literal. Beyond MAX_NESTING
// open containers an opening tag is literal too, which keeps depth, and so any recursion over
// the result, bounded.

import type { NotationNode } from './ast';
import { parseInline } from './inline';
import type { ContainerKind, QuoteMeta, Tag, TaskAttrs } from './tags';

export const MAX_NESTING = 32;

type OpenTag = Extract<Tag, { kind: 'open' }>;

interface Frame {
  readonly kind: ContainerKind | 'root';
  readonly children: NotationNode[];
  /** Source of the opening tag(s), put back if the container is never closed. */
  src: string;
  /** Index just past the opening tag: a `[qtmeta]` must start exactly here. */
  readonly end: number;
  meta?: QuoteMeta;
  task?: TaskAttrs;
  /** Info only: the closed title and its source (with any blank text dropped before it). */
  title?: NotationNode[];
  titleSrc?: string;
  /** Whether everything appended so far is whitespace text (kept as a flag: re-reading merged text is quadratic). */
  blank: boolean;
}

const NON_BLANK = /\S/;

/** Appends, merging adjacent text nodes so literal fallbacks and text read as one run. */
function append(frame: Frame, node: NotationNode): void {
  const list = frame.children;
  if (frame.blank && (node.type !== 'text' || NON_BLANK.test(node.text))) frame.blank = false;
  if (node.type === 'text') {
    if (node.text === '') return;
    const last = list[list.length - 1];
    if (last?.type === 'text') {
      list[list.length - 1] = { type: 'text', text: last.text + node.text };
      return;
    }
  }
  list.push(node);
}

function toNode(frame: Frame): NotationNode {
  const children = frame.children;
  switch (frame.kind) {
    case 'quote': {
      const meta = frame.meta;
      if (meta === undefined) return { type: 'quote', children };
      return meta.time === undefined
        ? { type: 'quote', accountId: meta.accountId, children }
        : { type: 'quote', accountId: meta.accountId, time: meta.time, children };
    }
    case 'info':
      return frame.title === undefined ? { type: 'info', children } : { type: 'info', title: frame.title, children };
    case 'task': {
      const t = frame.task as TaskAttrs;
      return t.limitType === undefined
        ? { type: 'task', assigneeIds: t.assigneeIds, status: t.status, limitTime: t.limitTime, children }
        : { type: 'task', assigneeIds: t.assigneeIds, status: t.status, limitTime: t.limitTime, limitType: t.limitType, children };
    }
    default:
      // Titles are attached to their info box by close(); the root is never closed.
      throw new Error(`no node for ${frame.kind}`);
  }
}

export class TreeBuilder {
  private readonly _stack: Frame[] = [{ kind: 'root', children: [], src: '', end: 0, blank: true }];

  private get _top(): Frame {
    return this._stack[this._stack.length - 1] as Frame;
  }

  /** Plain source text: links and emoticons are recognised in it. */
  text(source: string): void {
    if (source === '') return;
    for (const node of parseInline(source)) append(this._top, node);
  }

  /** Source kept exactly as typed (a tag that was not accepted). */
  literal(source: string): void {
    append(this._top, { type: 'text', text: source });
  }

  leaf(node: NotationNode): void {
    append(this._top, node);
  }

  open(tag: OpenTag, src: string, end: number): void {
    const top = this._top;
    if (this._stack.length > MAX_NESTING) return this.literal(src);
    if (tag.container === 'title') {
      // A title only counts as the first thing in an info box; elsewhere it is literal.
      if (top.kind !== 'info' || top.titleSrc !== undefined || !top.blank) return this.literal(src);
      const lead = top.children[0]?.type === 'text' ? top.children[0].text : '';
      top.children.length = 0;
      this._stack.push({ kind: 'title', children: [], src: lead + src, end, blank: true });
      return;
    }
    const frame: Frame = { kind: tag.container, children: [], src, end, blank: true };
    if (tag.container === 'quote' && tag.meta !== undefined) frame.meta = tag.meta;
    if (tag.container === 'task') frame.task = tag.task;
    this._stack.push(frame);
  }

  /** `[qtmeta …]` is only meaningful right after a bare `[qt]`. */
  qtmeta(meta: QuoteMeta, src: string, start: number): void {
    const top = this._top;
    if (top.kind !== 'quote' || top.meta !== undefined || top.end !== start) return this.literal(src);
    top.meta = meta;
    top.src += src;
  }

  close(kind: ContainerKind, src: string): void {
    let i = this._stack.length - 1;
    while (i > 0 && this._stack[i]?.kind !== kind) i--;
    if (i === 0) return this.literal(src);
    while (this._stack.length - 1 > i) this._unwind();
    const frame = this._stack.pop() as Frame;
    const parent = this._top;
    if (frame.kind === 'title') {
      parent.title = frame.children;
      parent.titleSrc = frame.src;
    } else {
      append(parent, toNode(frame));
    }
  }

  /** Ends the input: every container still open is unwound. */
  finish(): NotationNode[] {
    while (this._stack.length > 1) this._unwind();
    return this._top.children;
  }

  private _unwind(): void {
    const frame = this._stack.pop() as Frame;
    const into = this._top;
    append(into, { type: 'text', text: frame.src });
    if (frame.title !== undefined) {
      append(into, { type: 'text', text: frame.titleSrc ?? '' });
      for (const node of frame.title) append(into, node);
      append(into, { type: 'text', text: '[/title]' });
    }
    for (const node of frame.children) append(into, node);
  }
}
