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

const ID = /^[0-9]{1,16}$/;
const MESSAGE_ID = /^[0-9]{1,19}$/;
const DTEXT_KEY = /^[A-Za-z0-9_]{1,64}$/;

function readId(value: string | undefined): number | undefined {
  if (value === undefined || !ID.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

function readIdList(value: string): number[] | undefined {
  const ids: number[] = [];
  for (const part of value.split(',')) {
    const id = readId(part);
    if (id === undefined) return undefined;
    ids.push(id);
  }
  return ids;
}

/** `key=value key=value` (any order, single values, only `allowed` keys) or undefined. */
function readAttrs(rest: string, allowed: readonly string[]): Map<string, string> | undefined {
  const attrs = new Map<string, string>();
  for (const part of rest.split(' ')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0 || eq === part.length - 1) return undefined;
    const key = part.slice(0, eq);
    if (!allowed.includes(key) || attrs.has(key)) return undefined;
    attrs.set(key, part.slice(eq + 1));
  }
  return attrs;
}

function readQuoteMeta(rest: string): QuoteMeta | undefined {
  const attrs = readAttrs(rest, ['aid', 'time']);
  const accountId = readId(attrs?.get('aid'));
  if (attrs === undefined || accountId === undefined) return undefined;
  if (!attrs.has('time')) return { accountId };
  const time = readId(attrs.get('time'));
  return time === undefined ? undefined : { accountId, time };
}

function readReply(rest: string): NotationNode | undefined {
  const attrs = readAttrs(rest, ['aid', 'to']);
  const accountId = readId(attrs?.get('aid'));
  const to = attrs?.get('to') ?? '';
  const dash = to.indexOf('-');
  const roomId = readId(to.slice(0, dash));
  const messageId = to.slice(dash + 1);
  if (accountId === undefined || dash < 0 || roomId === undefined || !MESSAGE_ID.test(messageId)) return undefined;
  return { type: 'reply', accountId, roomId, messageId };
}

function readTask(rest: string): TaskAttrs | undefined {
  const attrs = readAttrs(rest, ['aid', 'st', 'lt', 'ltype']);
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
  const attrs = readAttrs(rest, ['id', 'ht']);
  const fileId = readId(attrs?.get('id'));
  if (attrs === undefined || fileId === undefined) return undefined;
  if (!attrs.has('ht')) return { type: 'preview', fileId };
  const height = readId(attrs.get('ht'));
  return height === undefined ? undefined : { type: 'preview', fileId, height };
}

const CLOSERS: ReadonlyMap<string, ContainerKind> = new Map([
  ['/qt', 'quote'],
  ['/引用', 'quote'],
  ['/info', 'info'],
  ['/title', 'title'],
  ['/task', 'task'],
]);

// Factories, so every parse returns fresh node objects (callers may key maps on them).
const BARE: ReadonlyMap<string, () => Tag> = new Map<string, () => Tag>([
  ['toall', () => ({ kind: 'leaf', node: { type: 'toall' } })],
  ['hr', () => ({ kind: 'leaf', node: { type: 'hr' } })],
  ['deleted', () => ({ kind: 'leaf', node: { type: 'deleted' } })],
  ['qt', () => ({ kind: 'open', container: 'quote' })],
  ['引用', () => ({ kind: 'open', container: 'quote' })],
  ['info', () => ({ kind: 'open', container: 'info' })],
  ['title', () => ({ kind: 'open', container: 'title' })],
  ['code', () => ({ kind: 'raw', close: '[/code]', make: (text) => ({ type: 'code', text }) })],
]);

/** `inner` is the text between `[` and `]` (it contains neither); undefined = not a tag at all. */
export function readTag(inner: string): Tag | undefined {
  if (inner.length === 0 || inner.length > MAX_TAG_LENGTH) return undefined;
  const closer = CLOSERS.get(inner);
  if (closer !== undefined) return { kind: 'close', container: closer };
  const bare = BARE.get(inner);
  if (bare !== undefined) return bare();

  const colon = inner.indexOf(':');
  const space = inner.indexOf(' ');
  if (colon > 0 && (space < 0 || colon < space)) {
    const name = inner.slice(0, colon);
    const value = inner.slice(colon + 1);
    if (name.toLowerCase() === 'to') {
      const accountId = readId(value);
      return accountId === undefined ? BROKEN : { kind: 'leaf', node: { type: 'mention', accountId } };
    }
    if (name === 'dtext') {
      return DTEXT_KEY.test(value) ? { kind: 'leaf', node: { type: 'dtext', key: value } } : BROKEN;
    }
    switch (name) {
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
  if (space > 0) {
    const name = inner.slice(0, space);
    const rest = inner.slice(space + 1);
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
  return undefined;
}
