// Nodes → one string, for tree labels, notifications, search and clipboard. Every character of text,
// link and code nodes is kept in order; tags become short readable stand-ins. Blocks (quote, info,
// code, task, hr) sit on their own lines; word-like stand-ins (mentions, names, system texts) get a
// space from neighbouring text unless either side is whitespace or CJK punctuation (「」、。…).

import type { NotationNode } from './ast';
import { dtextText, type DtextLanguage } from './dtext';
import { emoticonByCode } from './emoticons';

export interface PlainTextOptions {
  /** Display name for an account id; without it people show as `To:123` / `Re:123` / `ID:123`. */
  readonly accountName?: (accountId: number) => string | undefined;
  /** Language of system texts (`[dtext:…]`) and of the deleted-message stand-in. Default 'en'. */
  readonly language?: DtextLanguage;
}

const DELETED: Record<DtextLanguage, string> = { en: '(deleted)', ja: '(削除されました)', vi: '(đã bị xóa)' };

// Blocks that read badly after "Title: " (a task reads as a sentence: "Task assigned. Review PR").
const STARTS_OWN_LINE: ReadonlySet<NotationNode['type']> = new Set(['quote', 'info', 'code', 'hr']);

const NONE = -1;
const NEWLINE = 0x0a;

function isSpace(c: number): boolean {
  return c === 0x20 || c === NEWLINE || c === 0x09 || c === 0x0d;
}

/** Where no space is wanted between a stand-in and its neighbour (a char code, NONE for nothing): spaces and CJK punctuation (with the ideographic space U+3000). */
function joinsTight(c: number): boolean {
  return isSpace(c) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
}

function trimNewlines(s: string): string {
  // No bounds needed: charCodeAt past either end is NaN, and for a string of newlines only the
  // start passes the end, which slice() reads as empty.
  let start = 0;
  let end = s.length;
  while (s.charCodeAt(start) === NEWLINE) start++;
  while (s.charCodeAt(end - 1) === NEWLINE) end--;
  return s.slice(start, end);
}

// Appends with `+=` (V8 joins lazily, cheaper than collecting parts for the short results that are
// the norm) and looks at characters as codes, not one-character strings.
class Writer {
  private _text = '';
  /** Code of the last character written, NONE at the start. */
  private _last = NONE;
  /** Separator owed before the next text, if any. */
  private _pending: ' ' | '\n' | undefined;

  /** Inline text. */
  write(s: string): void {
    if (s === '') return;
    const first = s.charCodeAt(0);
    if (this._pending === '\n') {
      if (this._last !== NONE && this._last !== NEWLINE && first !== NEWLINE) this._push('\n');
    } else if (this._pending === ' ') {
      if (!joinsTight(this._last) && !joinsTight(first)) this._push(' ');
    }
    this._pending = undefined;
    this._push(s);
  }

  /** A word-like stand-in, spaced from the text around it. */
  word(s: string): void {
    if (s === '') return;
    if (this._pending === undefined && this._last !== NONE && !joinsTight(this._last) && !joinsTight(s.charCodeAt(0))) this._push(' ');
    this.write(s);
    this._pending = ' ';
  }

  /** A block on its own line(s). */
  block(s: string): void {
    if (this._last !== NONE && this._last !== NEWLINE) this._push('\n');
    this._push(s);
    this._pending = '\n';
  }

  toString(): string {
    return this._text;
  }

  private _push(s: string): void {
    if (s === '') return;
    this._text += s;
    this._last = s.charCodeAt(s.length - 1);
  }
}

function render(nodes: readonly NotationNode[], opts: PlainTextOptions): string {
  const out = new Writer();
  const name = (id: number): string | undefined => opts.accountName?.(id) || undefined;
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.write(node.text);
        break;
      case 'link':
        out.write(node.url);
        break;
      case 'emoticon':
        out.write(emoticonByCode(node.code)?.unicode ?? node.code);
        break;
      case 'mention': {
        const n = name(node.accountId);
        out.word(n === undefined ? `To:${node.accountId}` : `@${n}`);
        break;
      }
      case 'toall':
        out.word('@all');
        break;
      case 'reply': {
        const n = name(node.accountId);
        out.word(n === undefined ? `Re:${node.accountId}` : `Re: ${n}`);
        break;
      }
      case 'piconname':
      case 'pname':
        out.word(name(node.accountId) ?? `ID:${node.accountId}`);
        break;
      // picon and preview are pictures only: no text.
      case 'dtext':
        out.word(dtextText(node.key, opts.language) ?? `[dtext:${node.key}]`);
        break;
      case 'deleted':
        out.word(DELETED[opts.language ?? 'en']);
        break;
      case 'download':
        out.word(node.label);
        break;
      case 'code':
        out.block(node.text);
        break;
      case 'hr':
        out.block('—');
        break;
      case 'task':
        out.block(render(node.children, opts).trim());
        break;
      case 'quote': {
        const inner = trimNewlines(render(node.children, opts));
        out.block(inner.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n'));
        break;
      }
      case 'info': {
        const title = node.title === undefined ? '' : render(node.title, opts).trim();
        const body = render(node.children, opts).trim();
        // "Title: body", or the body on its own line when it opens with a quote, code…
        const first = node.children.find((c) => c.type !== 'text' || c.text.trim() !== '');
        const sep = first !== undefined && STARTS_OWN_LINE.has(first.type) ? '\n' : /[.:!?。：！？]$/.test(title) ? ' ' : ': ';
        out.block(title === '' ? body : body === '' ? title : title + sep + body);
        break;
      }
    }
  }
  return out.toString();
}

/** The nodes as readable multi-line text (see the header comment for the stand-ins). */
export function toPlainText(nodes: readonly NotationNode[], opts: PlainTextOptions = {}): string {
  return render(nodes, opts);
}

/**
 * toPlainText collapsed to one line: whitespace runs become one space, and text longer than
 * `maxLength` is cut (never inside a surrogate pair) and ends in `…`, the result staying within
 * `maxLength` characters.
 */
export function toOneLine(nodes: readonly NotationNode[], maxLength: number, opts: PlainTextOptions = {}): string {
  return truncate(collapseWhitespace(render(nodes, opts)), maxLength);
}

export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function truncate(s: string, maxLength: number): string {
  if (s.length <= maxLength) return s;
  if (maxLength < 1) return '';
  let cut = maxLength - 1;
  const last = s.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--; // keep surrogate pairs whole
  return s.slice(0, cut).trimEnd() + '…';
}
