// Builds the node tree from the scanner's events with an explicit stack of open containers.
// Containers only become nodes when closed; one never closed is put back as its literal source
// followed by its children ("unwound"), so broken notation reads exactly as typed. A close tag
// closes the nearest open container of its kind, unwinding any left open inside it (as HTML
// parsers do); a close tag with no open container of its kind is literal. Beyond MAX_NESTING
// open containers an opening tag is literal too, which keeps depth, and so any recursion over
// the result, bounded (and an unwound item moves up at most MAX_NESTING times: linear).
//
// Text is passed in as ranges of the body and kept as ranges (SourceText) until a node or the end
// of a container follows, so adjacent text merges into one node without building strings.

import type { NotationNode } from './ast';
import { type InlineSink, scanInline } from './inline';
import { isBlank, SourceText } from './sourceText';
import type { ContainerKind, QuoteMeta, Tag, TaskAttrs } from './tags';

export const MAX_NESTING = 32;

const TITLE_CLOSE = '[/title]';

type OpenTag = Extract<Tag, { kind: 'open' }>;

interface Frame {
  readonly kind: ContainerKind | 'root';
  readonly children: NotationNode[];
  /** Text after the last child, not yet a node. */
  text: SourceText;
  /** Source of the opening tag(s), put back if the container is never closed. */
  readonly src: SourceText;
  /** Index just past the opening tag: a `[qtmeta]` must start exactly here. */
  readonly end: number;
  meta: QuoteMeta | undefined;
  task: TaskAttrs | undefined;
  /** Info only: the closed title, its source (with any blank text before it) and where its `[/title]` starts. */
  title: NotationNode[] | undefined;
  titleSrc: SourceText | undefined;
  titleClose: number;
  /**
   * Whether everything appended so far is whitespace text (kept as a flag: re-reading the text is
   * quadratic). Only literal() and appendNode() keep it: a frame that receives unwound content is
   * closed or unwound itself right after, before any `[title]` could ask.
   */
  blank: boolean;
}

function newFrame(kind: Frame['kind'], src: SourceText, end: number, body: string): Frame {
  // Every field set, in one order, so all frames share one shape.
  return {
    kind,
    children: [],
    text: new SourceText(body),
    src,
    end,
    meta: undefined,
    task: undefined,
    title: undefined,
    titleSrc: undefined,
    titleClose: 0, // read only once a title has closed
    blank: true,
  };
}

/** Ends the text run: it becomes a text node. */
function flushText(frame: Frame): void {
  if (!frame.text.isEmpty()) frame.children.push({ type: 'text', text: frame.text.take() });
}

function appendNode(frame: Frame, node: NotationNode): void {
  flushText(frame);
  frame.children.push(node);
  frame.blank = false;
}

/** A node that is already built (an unwound container's child): text merges with the run. */
function appendBuilt(frame: Frame, node: NotationNode): void {
  if (node.type === 'text') frame.text.addString(node.text);
  else appendNode(frame, node);
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
    default: {
      // A task: titles are attached to their info box by close(), and the root is never closed.
      const t = frame.task as TaskAttrs;
      return t.limitType === undefined
        ? { type: 'task', assigneeIds: t.assigneeIds, status: t.status, limitTime: t.limitTime, children }
        : { type: 'task', assigneeIds: t.assigneeIds, status: t.status, limitTime: t.limitTime, limitType: t.limitType, children };
    }
  }
}

/** Positions are indexes into the body given to the constructor; `start, end` is a tag's source. */
export class TreeBuilder implements InlineSink {
  private readonly _stack: Frame[];
  private _top: Frame;

  constructor(private readonly _body: string) {
    this._top = newFrame('root', new SourceText(_body), 0, _body);
    this._stack = [this._top];
  }

  /** Plain source text: links and emoticons are recognised in it. */
  text(start: number, end: number): void {
    if (start < end) scanInline(this._body, start, end, this);
  }

  /** Source kept exactly as typed: a run of plain text, or a tag that was not accepted. */
  literal(start: number, end: number): void {
    const top = this._top;
    if (top.blank && !isBlank(this._body, start, end)) top.blank = false;
    top.text.addRange(start, end);
  }

  leaf(node: NotationNode): void {
    appendNode(this._top, node);
  }

  open(tag: OpenTag, start: number, end: number): void {
    const top = this._top;
    if (this._stack.length > MAX_NESTING) return this.literal(start, end);
    if (tag.container === 'title') {
      // A title only counts as the first thing in an info box; elsewhere it is literal.
      if (top.kind !== 'info' || top.titleSrc !== undefined || !top.blank) return this.literal(start, end);
      // Blank means no child yet, only whitespace text: it moves into the title's source.
      const src = top.text;
      top.text = new SourceText(this._body);
      src.addRange(start, end);
      return this._push(newFrame('title', src, end, this._body));
    }
    const src = new SourceText(this._body);
    src.addRange(start, end);
    const frame = newFrame(tag.container, src, end, this._body);
    switch (tag.container) {
      case 'quote':
        frame.meta = tag.meta;
        break;
      case 'task':
        frame.task = tag.task;
        break;
    }
    this._push(frame);
  }

  /** `[qtmeta …]` is only meaningful right after a bare `[qt]`. */
  qtmeta(meta: QuoteMeta, start: number, end: number): void {
    const top = this._top;
    if (top.kind !== 'quote' || top.meta !== undefined || top.end !== start) return this.literal(start, end);
    top.meta = meta;
    top.src.addRange(start, end);
  }

  close(kind: ContainerKind, start: number, end: number): void {
    let i = this._stack.length - 1;
    while (i > 0 && (this._stack[i] as Frame).kind !== kind) i--;
    if (i === 0) return this.literal(start, end);
    while (this._stack.length - 1 > i) this._unwind();
    const frame = this._pop();
    const parent = this._top;
    flushText(frame);
    if (frame.kind === 'title') {
      parent.title = frame.children;
      parent.titleSrc = frame.src;
      parent.titleClose = start;
    } else {
      appendNode(parent, toNode(frame));
    }
  }

  /** Ends the input: every container still open is unwound. */
  finish(): NotationNode[] {
    while (this._stack.length > 1) this._unwind();
    flushText(this._top);
    return this._top.children;
  }

  private _push(frame: Frame): void {
    this._stack.push(frame);
    this._top = frame;
  }

  private _pop(): Frame {
    const frame = this._stack.pop() as Frame;
    this._top = this._stack[this._stack.length - 1] as Frame;
    return frame;
  }

  private _unwind(): void {
    const frame = this._pop();
    const into = this._top;
    into.text.addText(frame.src);
    if (frame.title !== undefined) {
      into.text.addText(frame.titleSrc as SourceText);
      for (const node of frame.title) appendBuilt(into, node);
      into.text.addRange(frame.titleClose, frame.titleClose + TITLE_CLOSE.length);
    }
    for (const node of frame.children) appendBuilt(into, node);
    into.text.addText(frame.text);
  }
}
