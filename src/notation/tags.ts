// Reads one bracketed tag: the text between `[` and `]` → what it means, or undefined when it is not
// a well-formed tag we know (the caller then keeps it as literal text). Tag names are exact except
// `To`, which appears as both `[To:1]` and `[to:1]`. The Japanese aliases `[返信 …]` (reply) and
// `[引用 …]…[/引用]` (quote) are what the Japanese web client inserts.

import type { NotationNode, TaskNodeLimitType, TaskNodeStatus } from './ast';

export type ContainerKind = 'quote' | 'info' | 'title' | 'task';

export interface QuoteMeta {
  readonly accountId: number;
  readonly time?: number;
}

export interface TaskAttrs {
  readonly assigneeIds: number[];
  readonly status: TaskNodeStatus;
  readonly limitTime: number;
  readonly limitType?: TaskNodeLimitType;
}

export type Tag =
  | { readonly kind: 'leaf'; readonly node: NotationNode }
  | { readonly kind: 'open'; readonly container: 'info' | 'title' }
  | { readonly kind: 'open'; readonly container: 'quote'; readonly meta?: QuoteMeta }
  | { readonly kind: 'open'; readonly container: 'task'; readonly task: TaskAttrs }
  | { readonly kind: 'close'; readonly container: ContainerKind }
  | { readonly kind: 'qtmeta'; readonly meta: QuoteMeta }
  /** `[code]` / `[download:N]`: content up to the matching close tag is literal. */
  | { readonly kind: 'raw'; readonly close: string; readonly make: (content: string) => NotationNode }
  /** A known tag with a bad value or attributes: kept as typed, with no links or emoticons inside. */
  | { readonly kind: 'broken' };

const BROKEN: Tag = { kind: 'broken' };

/** Longer than any real tag (a task for ~500 assignees); beyond it a `[…]` is just text. */
export const MAX_TAG_LENGTH = 8192;

// Character classes as tables: these checks run for most tags, and a loop is cheaper than a regex.
const DIGIT = new Uint8Array(128);
const WORD = new Uint8Array(128); // [A-Za-z0-9_], dtext keys
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  DIGIT[c] = ch >= '0' && ch <= '9' ? 1 : 0;
  WORD[c] = DIGIT[c] === 1 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_' ? 1 : 0;
}

/** Whether `value` is 1 to `maxLength` characters, all in `table`. */
function isAll(value: string, maxLength: number, table: Uint8Array): boolean {
  if (value.length === 0 || value.length > maxLength) return false;
  for (let i = 0; i < value.length; i++) {
    // Codes beyond the table read as undefined: not in the class.
    if (table[value.charCodeAt(i)] !== 1) return false;
  }
  return true;
}

/** 1 to 16 ASCII digits as a safe integer. */
function readId(value: string | undefined): number | undefined {
  if (value === undefined || !isAll(value, 16, DIGIT)) return undefined;
  // Exact while below 2^53; a value at or above it stays there when rounded, and is rejected.
  let n = 0;
  for (let i = 0; i < value.length; i++) n = n * 10 + (value.charCodeAt(i) - 0x30);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** `1,2,3` */
function readIdList(value: string): number[] | undefined {
  const ids: number[] = [];
  for (let start = 0; ; ) {
    let stop = value.indexOf(',', start);
    if (stop < 0) stop = value.length;
    const id = readId(value.slice(start, stop));
    if (id === undefined) return undefined;
    ids.push(id);
    if (stop === value.length) return ids;
    start = stop + 1;
  }
}

/** `key=value key=value` (any order, single values, only `allowed` keys) or undefined. */
function readAttrs(rest: string, allowed: readonly string[]): Map<string, string> | undefined {
  const attrs = new Map<string, string>();
  for (let start = 0; start < rest.length; ) {
    let stop = rest.indexOf(' ', start);
    if (stop < 0) stop = rest.length;
    if (stop > start) {
      // The part's first `=`, neither first nor last in it.
      const eq = rest.indexOf('=', start);
      if (eq <= start || eq >= stop - 1) return undefined;
      const key = rest.slice(start, eq);
      if (!allowed.includes(key) || attrs.has(key)) return undefined;
      attrs.set(key, rest.slice(eq + 1, stop));
    }
    start = stop + 1;
  }
  return attrs;
}

const QUOTE_ATTRS = ['aid', 'time'];
const REPLY_ATTRS = ['aid', 'to'];
const TASK_ATTRS = ['aid', 'st', 'lt', 'ltype'];
const PREVIEW_ATTRS = ['id', 'ht'];

function readQuoteMeta(rest: string): QuoteMeta | undefined {
  const attrs = readAttrs(rest, QUOTE_ATTRS);
  if (attrs === undefined) return undefined;
  const accountId = readId(attrs.get('aid'));
  if (accountId === undefined) return undefined;
  if (!attrs.has('time')) return { accountId };
  const time = readId(attrs.get('time'));
  return time === undefined ? undefined : { accountId, time };
}

function readReply(rest: string): NotationNode | undefined {
  const attrs = readAttrs(rest, REPLY_ATTRS);
  if (attrs === undefined) return undefined;
  const accountId = readId(attrs.get('aid'));
  const to = attrs.get('to');
  if (to === undefined) return undefined;
  const dash = to.indexOf('-');
  const roomId = readId(to.slice(0, dash));
  const messageId = to.slice(dash + 1);
  if (accountId === undefined || dash < 0 || roomId === undefined || !isAll(messageId, 19, DIGIT)) return undefined;
  return { type: 'reply', accountId, roomId, messageId };
}

function readTask(rest: string): TaskAttrs | undefined {
  const attrs = readAttrs(rest, TASK_ATTRS);
  if (attrs === undefined) return undefined;
  const aid = attrs.get('aid');
  const assigneeIds = aid === undefined ? undefined : readIdList(aid);
  const status = attrs.get('st');
  const lt = attrs.get('lt');
  const limitTime = lt === undefined ? 0 : readId(lt);
  const limitType = attrs.get('ltype');
  if (assigneeIds === undefined || (status !== 'open' && status !== 'done') || limitTime === undefined) return undefined;
  if (limitType === undefined) return { assigneeIds, status, limitTime };
  if (limitType !== 'none' && limitType !== 'date' && limitType !== 'time') return undefined;
  return { assigneeIds, status, limitTime, limitType };
}

function readPreview(rest: string): NotationNode | undefined {
  const attrs = readAttrs(rest, PREVIEW_ATTRS);
  if (attrs === undefined) return undefined;
  const fileId = readId(attrs.get('id'));
  if (fileId === undefined) return undefined;
  if (!attrs.has('ht')) return { type: 'preview', fileId };
  const height = readId(attrs.get('ht'));
  return height === undefined ? undefined : { type: 'preview', fileId, height };
}

// Tags that are a fixed word. Factories, so every parse returns fresh node objects (callers may
// key maps on them); tags that never reach the tree as objects are shared constants.
const OPEN_QUOTE: Tag = { kind: 'open', container: 'quote' };
const OPEN_INFO: Tag = { kind: 'open', container: 'info' };
const OPEN_TITLE: Tag = { kind: 'open', container: 'title' };
const CLOSE_QUOTE: Tag = { kind: 'close', container: 'quote' };
const CLOSE_INFO: Tag = { kind: 'close', container: 'info' };
const CLOSE_TITLE: Tag = { kind: 'close', container: 'title' };
const CLOSE_TASK: Tag = { kind: 'close', container: 'task' };
const CODE: Tag = { kind: 'raw', close: '[/code]', make: (text) => ({ type: 'code', text }) };

const WORDS: ReadonlyMap<string, () => Tag> = new Map<string, () => Tag>([
  ['toall', () => ({ kind: 'leaf', node: { type: 'toall' } })],
  ['hr', () => ({ kind: 'leaf', node: { type: 'hr' } })],
  ['deleted', () => ({ kind: 'leaf', node: { type: 'deleted' } })],
  ['qt', () => OPEN_QUOTE],
  ['引用', () => OPEN_QUOTE],
  ['info', () => OPEN_INFO],
  ['title', () => OPEN_TITLE],
  ['code', () => CODE],
  ['/qt', () => CLOSE_QUOTE],
  ['/引用', () => CLOSE_QUOTE],
  ['/info', () => CLOSE_INFO],
  ['/title', () => CLOSE_TITLE],
  ['/task', () => CLOSE_TASK],
]);

/** `To` / `to` (and `TO`, `tO`): the one case-insensitive name, compared without allocating. */
function isTo(name: string): boolean {
  return name.length === 2 && (name.charCodeAt(0) | 0x20) === 0x74 && (name.charCodeAt(1) | 0x20) === 0x6f;
}

/** `[name:value]` */
function readValueTag(name: string, value: string): Tag | undefined {
  if (isTo(name)) {
    const accountId = readId(value);
    return accountId === undefined ? BROKEN : { kind: 'leaf', node: { type: 'mention', accountId } };
  }
  switch (name) {
    case 'dtext':
      return isAll(value, 64, WORD) ? { kind: 'leaf', node: { type: 'dtext', key: value } } : BROKEN;
    case 'picon':
    case 'piconname':
    case 'pname': {
      const accountId = readId(value);
      return accountId === undefined ? BROKEN : { kind: 'leaf', node: { type: name, accountId } };
    }
    case 'download': {
      const fileId = readId(value);
      if (fileId === undefined) return BROKEN;
      return { kind: 'raw', close: '[/download]', make: (label) => ({ type: 'download', fileId, label }) };
    }
    default:
      return undefined;
  }
}

/** `[name key=value …]` */
function readAttrTag(name: string, rest: string): Tag | undefined {
  switch (name) {
    case 'rp':
    case '返信': {
      const node = readReply(rest);
      return node === undefined ? BROKEN : { kind: 'leaf', node };
    }
    case 'qtmeta': {
      const meta = readQuoteMeta(rest);
      return meta === undefined ? BROKEN : { kind: 'qtmeta', meta };
    }
    case '引用': {
      const meta = readQuoteMeta(rest);
      return meta === undefined ? BROKEN : { kind: 'open', container: 'quote', meta };
    }
    case 'task': {
      const task = readTask(rest);
      return task === undefined ? BROKEN : { kind: 'open', container: 'task', task };
    }
    case 'preview': {
      const node = readPreview(rest);
      return node === undefined ? BROKEN : { kind: 'leaf', node };
    }
    default:
      return undefined;
  }
}

/**
 * `inner` is the text between `[` and `]` (it contains neither, and parse() passes at most
 * MAX_TAG_LENGTH characters); undefined = not a tag at all.
 */
export function readTag(inner: string): Tag | undefined {
  // The name ends at the first `:` (`[To:1]`) or space (`[rp aid=…]`); a tag with neither is a word.
  // An empty inner or name (`[]`, `[:1]`, `[ x]`) is no word and no tag name, so it reads as undefined.
  let sep = 0;
  while (sep < inner.length && inner.charCodeAt(sep) !== 0x3a && inner.charCodeAt(sep) !== 0x20) sep++;
  if (sep === inner.length) return WORDS.get(inner)?.();
  const name = inner.slice(0, sep);
  const rest = inner.slice(sep + 1);
  return inner.charCodeAt(sep) === 0x3a ? readValueTag(name, rest) : readAttrTag(name, rest);
}
