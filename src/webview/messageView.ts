// One message as DOM: avatar, name, time (relative, absolute in the tooltip), the rendered body,
// an "edited" marker and the hover toolbar. The first message of a run of one sender (its head) has
// the avatar and the name; the others only a time in the gutter, shown on hover. A head that stops
// being one (runs merge by moving nodes) keeps its header, which CSS then hides, and gets a gutter
// time (addSideTime).
import type { MessageData } from '../panels/protocol';
import { el, iconButton } from './dom';
import { avatar, renderBody, type RenderContext } from './render';
import { format } from './strings';

export interface MessageViewContext extends RenderContext {
  /** False for read-only members: no reply, quote, edit or delete. */
  readonly canPost: boolean;
  /** Called on each message element built (task cards get their live state and actions). */
  readonly decorate?: (element: HTMLElement, m: MessageData) => void;
}

export function isDeletedBody(body: string): boolean {
  return body.trim() === '[deleted]';
}

export function timeElement(unixSeconds: number, ctx: RenderContext, className: string): HTMLElement {
  const time = el('time', className, ctx.time.short(unixSeconds));
  time.dateTime = new Date(unixSeconds * 1000).toISOString();
  time.title = ctx.time.absolute(unixSeconds);
  time.dataset.time = String(unixSeconds);
  if (ctx.time.isRelative(unixSeconds)) time.dataset.relative = '';
  return time;
}

/** The gutter time of a message built as a run's head, once it no longer is one. */
export function addSideTime(element: HTMLElement, m: MessageData, ctx: RenderContext): void {
  const gutter = element.querySelector('.cw-msg-gutter');
  if (gutter && !gutter.querySelector('.cw-side-time')) gutter.append(timeElement(m.sendTime, ctx, 'cw-time cw-side-time'));
}

/** `head`: the first message of a run (avatar and header) — else only the gutter time. */
export function messageElement(m: MessageData, ctx: MessageViewContext, head = true): HTMLElement {
  const s = ctx.strings;
  const own = ctx.me !== undefined && m.accountId === ctx.me;
  const deleted = isDeletedBody(m.body);
  const root = el('div', 'cw-msg');
  root.dataset.id = m.id;
  root.dataset.account = String(m.accountId);
  root.tabIndex = -1;
  if (own) root.classList.add('cw-own');
  if (deleted) root.classList.add('cw-msg-deleted');

  const gutter = el('div', 'cw-msg-gutter');
  const main = el('div', 'cw-msg-main');
  if (head) {
    gutter.append(avatar(m.accountId, ctx, 'cw-avatar-message'));
    const header = el('div', 'cw-msg-header');
    header.append(el('span', 'cw-msg-name', ctx.person(m.accountId)?.name || m.name), timeElement(m.sendTime, ctx, 'cw-time'));
    main.append(header);
  } else {
    gutter.append(timeElement(m.sendTime, ctx, 'cw-time cw-side-time'));
  }

  const body = el('div', 'cw-msg-body');
  const rendered = renderBody(m.body, ctx);
  body.append(rendered.fragment);
  if (rendered.mentionsMe && !own) root.classList.add('cw-mentions-me');
  if (m.updateTime > 0 && !deleted) {
    const edited = el('span', 'cw-edited', s.edited);
    edited.title = format(s.editedAt, ctx.time.absolute(m.updateTime));
    body.append(edited);
  }
  main.append(body);
  root.append(gutter, main);
  if (!deleted) root.append(toolbar(own, ctx));
  ctx.decorate?.(root, m);
  return root;
}

function toolbar(own: boolean, ctx: MessageViewContext): HTMLElement {
  const s = ctx.strings;
  const bar = el('div', 'cw-msg-actions');
  bar.setAttribute('role', 'toolbar');
  if (ctx.canPost) bar.append(iconButton('reply', s.reply, 'reply'), iconButton('quote', s.quote, 'quote'));
  if (own && ctx.canPost) bar.append(iconButton('edit', s.edit, 'edit'), iconButton('trash', s.delete, 'delete'));
  bar.append(iconButton('ellipsis', s.more, 'more'));
  return bar;
}

/** The notation the composer inserts to reply to a message. */
export function replyText(m: MessageData, roomId: number, name: string): string {
  return `[rp aid=${m.accountId} to=${roomId}-${m.id}]${name}\n`;
}

/** The notation the composer inserts to quote a message (its raw body, so tags survive). */
export function quoteText(m: MessageData): string {
  return `[qt][qtmeta aid=${m.accountId} time=${m.sendTime}]${m.body}[/qt]\n`;
}
