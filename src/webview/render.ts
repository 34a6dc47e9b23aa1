// Chatwork notation AST → DOM. Every node becomes elements built with createElement and text set
// with textContent, so nothing in a message can become markup or script: `<script>` in a body is
// just text. Interactive pieces (links, reply chips, downloads, copy buttons) carry a
// `data-action`; the message list handles clicks by delegation and the host decides what to open.
import {
  dtextText, emoticonAssetUrl, emoticonByCode, mentionsAccount, mentionsAll, parse, type NotationNode, type QuoteNode,
  type DtextLanguage, type TaskNode,
} from '../notation';
import { findCodeRefs } from '../notation/codeRefs';
import type { PersonData } from '../panels/protocol';
import { el, icon, isWebUrl } from './dom';
import { format, type Strings } from './strings';
import type { TimeFormat } from './time';

export interface RenderContext {
  /** My account id: mentions of me are highlighted. */
  readonly me: number | undefined;
  readonly roomId: number;
  /** Language of `[dtext:*]` system texts. */
  readonly language: DtextLanguage;
  readonly strings: Strings;
  readonly time: TimeFormat;
  /** Members first, then authors seen in messages. */
  person(accountId: number): PersonData | undefined;
  /** Load Chatwork's emoticon images (with a Unicode fallback if one fails) or show Unicode only. */
  readonly emoticonImages: boolean;
}

export interface RenderedBody {
  readonly fragment: DocumentFragment;
  /** `[To:me]`, a reply to me, or `[toall]` outside quotes. */
  readonly mentionsMe: boolean;
}

export function renderBody(body: string, ctx: RenderContext): RenderedBody {
  const nodes = parse(body);
  const mentionsMe = ctx.me !== undefined && (mentionsAccount(nodes, ctx.me) || mentionsAll(nodes));
  return { fragment: renderNodes(nodes, ctx), mentionsMe };
}

/** Nodes shown as blocks: the newline people type right after one would be an empty line. */
const BLOCKS: ReadonlySet<NotationNode['type']> = new Set(['quote', 'info', 'code', 'task', 'hr']);

export function renderNodes(nodes: readonly NotationNode[], ctx: RenderContext): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let afterBlock = false;
  for (const node of nodes) {
    if (afterBlock && node.type === 'text' && node.text.startsWith('\n')) {
      if (node.text.length > 1) fragment.append(document.createTextNode(node.text.slice(1)));
    } else {
      fragment.append(renderNode(node, ctx));
    }
    afterBlock = BLOCKS.has(node.type);
  }
  return fragment;
}

/** `[code]\n…\n[/code]` is how code is usually typed: one newline after the opening and before the closing tag is layout, not code. */
export function codeText(text: string): string {
  const start = text.startsWith('\r\n') ? 2 : text.startsWith('\n') ? 1 : 0;
  const end = text.endsWith('\r\n') ? text.length - 2 : text.endsWith('\n') ? text.length - 1 : text.length;
  return start < end ? text.slice(start, end) : text.slice(start);
}

function renderNode(node: NotationNode, ctx: RenderContext): Node {
  const s = ctx.strings;
  switch (node.type) {
    case 'text':
      return textWithCodeRefs(node.text);
    case 'link':
      return link(node.url);
    case 'emoticon':
      return emoticon(node.code, node.name, ctx);
    case 'mention': {
      const chip = personChip('cw-chip-to', s.to, node.accountId, ctx);
      if (node.accountId === ctx.me) chip.classList.add('cw-chip-me');
      return chip;
    }
    case 'toall':
      return el('span', 'cw-chip cw-chip-toall', s.toAll);
    case 'reply': {
      const chip = personChip('cw-chip-re', s.re, node.accountId, ctx);
      const name = displayName(node.accountId, ctx);
      chip.title = format(node.roomId === ctx.roomId ? s.replyTo : s.replyElsewhere, name);
      chip.tabIndex = 0;
      chip.setAttribute('role', 'button');
      chip.dataset.action = 'reveal';
      chip.dataset.room = String(node.roomId);
      chip.dataset.message = node.messageId;
      if (node.accountId === ctx.me) chip.classList.add('cw-chip-me');
      return chip;
    }
    case 'quote':
      return quote(node, ctx);
    case 'info': {
      const box = el('div', 'cw-info');
      if (node.title) {
        const title = el('div', 'cw-info-title');
        title.append(icon('info'), renderNodes(node.title, ctx));
        box.append(title);
      }
      const content = el('div', 'cw-info-body');
      content.append(renderNodes(node.children, ctx));
      box.append(content);
      return box;
    }
    case 'code': {
      const box = el('div', 'cw-code');
      const copy = el('button', 'cw-icon-button cw-code-copy');
      copy.type = 'button';
      copy.title = s.copyCode;
      copy.setAttribute('aria-label', s.copyCode);
      copy.dataset.action = 'copy-code';
      copy.append(icon('copy'));
      const pre = el('pre', 'cw-pre');
      pre.append(el('code', undefined, codeText(node.text)));
      box.append(copy, pre);
      return box;
    }
    case 'hr':
      return el('hr', 'cw-hr');
    case 'picon':
      return avatar(node.accountId, ctx, 'cw-avatar-inline');
    case 'piconname': {
      const span = el('span', 'cw-piconname');
      span.append(avatar(node.accountId, ctx, 'cw-avatar-inline'), el('span', 'cw-name', displayName(node.accountId, ctx)));
      return span;
    }
    case 'pname':
      return el('span', 'cw-name', displayName(node.accountId, ctx));
    case 'preview': {
      const box = el('div', 'cw-preview');
      box.tabIndex = 0;
      box.setAttribute('role', 'button');
      box.title = s.preview;
      box.dataset.action = 'download';
      box.dataset.file = String(node.fileId);
      box.dataset.preview = String(node.fileId);
      box.append(icon('file-media'));
      return box;
    }
    case 'download': {
      const chip = el('button', 'cw-chip cw-download');
      chip.type = 'button';
      chip.title = format(s.download, node.label);
      chip.dataset.action = 'download';
      chip.dataset.file = String(node.fileId);
      chip.append(icon('cloud-download'), el('span', 'cw-download-label', node.label));
      return chip;
    }
    case 'task':
      return task(node, ctx);
    case 'dtext': {
      const text = dtextText(node.key, ctx.language);
      return text === undefined ? document.createTextNode(`[dtext:${node.key}]`) : el('span', 'cw-dtext', text);
    }
    case 'deleted': {
      const span = el('span', 'cw-deleted');
      span.append(icon('trash'), el('span', undefined, s.deleted));
      return span;
    }
  }
}

/** Text in which `path:line` references (src/notation/codeRefs.ts) become links into the editor. */
function textWithCodeRefs(text: string): Node {
  const refs = findCodeRefs(text);
  if (refs.length === 0) return document.createTextNode(text);
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const ref of refs) {
    if (ref.start > at) fragment.append(text.slice(at, ref.start));
    const a = el('a', 'cw-link cw-code-ref', text.slice(ref.start, ref.end));
    a.title = text.slice(ref.start, ref.end);
    a.tabIndex = 0;
    a.setAttribute('role', 'link');
    a.dataset.action = 'open-code-ref';
    a.dataset.path = ref.path;
    a.dataset.start = String(ref.startLine);
    a.dataset.end = String(ref.endLine);
    if (ref.column !== undefined) a.dataset.column = String(ref.column);
    fragment.append(a);
    at = ref.end;
  }
  if (at < text.length) fragment.append(text.slice(at));
  return fragment;
}

function link(url: string): Node {
  // The parser only makes links of http(s) URLs; checked again so no other scheme can get through.
  if (!isWebUrl(url)) return document.createTextNode(url);
  const a = el('a', 'cw-link', url);
  a.title = url;
  a.tabIndex = 0;
  a.setAttribute('role', 'link');
  a.dataset.action = 'open-link';
  a.dataset.url = url;
  return a;
}

function emoticon(code: string, name: string, ctx: RenderContext): Node {
  const info = emoticonByCode(code);
  const fallback = el('span', 'cw-emoticon', info?.unicode ?? code);
  fallback.title = info?.title ?? code;
  if (!ctx.emoticonImages) return fallback;
  const img = el('img', 'cw-emoticon');
  img.alt = code;
  img.title = info?.title ?? code;
  img.loading = 'lazy';
  img.referrerPolicy = 'no-referrer';
  img.addEventListener('error', () => img.replaceWith(fallback), { once: true });
  img.src = emoticonAssetUrl(name);
  return img;
}

export function displayName(accountId: number, ctx: RenderContext): string {
  return ctx.person(accountId)?.name || format(ctx.strings.account, accountId);
}

/** An avatar: the initial as a placeholder, the picture over it once it loads. */
export function avatar(accountId: number, ctx: RenderContext, className: string): HTMLElement {
  const person = ctx.person(accountId);
  const name = displayName(accountId, ctx);
  const box = el('span', `cw-avatar ${className}`);
  box.title = name;
  box.append(el('span', 'cw-avatar-initial', Array.from(name.trim())[0]?.toUpperCase() ?? '?'));
  const url = person?.avatarUrl ?? '';
  if (url !== '' && isWebUrl(url)) {
    const img = el('img', 'cw-avatar-img');
    img.alt = '';
    img.loading = 'lazy';
    img.referrerPolicy = 'no-referrer';
    img.addEventListener('error', () => img.remove(), { once: true });
    img.src = url;
    box.append(img);
  }
  return box;
}

function personChip(kind: string, label: string, accountId: number, ctx: RenderContext): HTMLElement {
  const chip = el('span', `cw-chip ${kind}`);
  chip.title = displayName(accountId, ctx);
  chip.append(el('span', 'cw-chip-label', label), avatar(accountId, ctx, 'cw-avatar-chip'));
  return chip;
}

function quote(node: QuoteNode, ctx: RenderContext): HTMLElement {
  const box = el('div', 'cw-quote');
  const meta = el('div', 'cw-quote-meta');
  meta.append(icon('quote'));
  if (node.accountId !== undefined) {
    meta.append(avatar(node.accountId, ctx, 'cw-avatar-inline'), el('span', 'cw-name', displayName(node.accountId, ctx)));
  }
  if (node.time !== undefined && node.time > 0) {
    const time = el('time', 'cw-quote-time', ctx.time.absolute(node.time));
    time.dateTime = new Date(node.time * 1000).toISOString();
    meta.append(time);
  }
  const content = el('div', 'cw-quote-body');
  content.append(renderNodes(node.children, ctx));
  box.append(meta, content);
  return box;
}

function task(node: TaskNode, ctx: RenderContext): HTMLElement {
  const s = ctx.strings;
  const done = node.status === 'done';
  const box = el('div', done ? 'cw-task cw-task-done' : 'cw-task');
  const head = el('div', 'cw-task-head');
  head.append(icon(done ? 'pass-filled' : 'circle-large-outline'), el('span', 'cw-task-status', `${s.task} · ${done ? s.done : s.open}`));
  for (const id of node.assigneeIds) {
    const who = el('span', 'cw-piconname');
    who.append(avatar(id, ctx, 'cw-avatar-inline'), el('span', 'cw-name', displayName(id, ctx)));
    head.append(who);
  }
  const due =
    node.limitTime > 0 && node.limitType !== 'none'
      ? format(s.due, node.limitType === 'time' ? ctx.time.dateTime(node.limitTime) : ctx.time.dueDay(node.limitTime))
      : s.noDue;
  head.append(el('span', 'cw-task-due', due));
  const content = el('div', 'cw-task-body');
  content.append(renderNodes(node.children, ctx));
  box.append(head, content);
  return box;
}
