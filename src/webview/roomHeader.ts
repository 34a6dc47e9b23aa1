// The room header at the top of the panel: where you are (icon, name, member count, the room's
// description rendered from notation, collapsible) and the room's actions as icon buttons. Names
// and descriptions are Chatwork text: they become text nodes (and the renderer's DOM nodes), never HTML.
import { parse } from '../notation';
import type { RoomAction, RoomDetailsData } from '../panels/protocol';
import { el, icon, iconButton, isWebUrl } from './dom';
import { renderNodes, type RenderContext } from './render';
import { format, type Strings } from './strings';

/** The codicon of a room kind (shown under the room's picture, or alone when there is none). */
const TYPE_ICONS: Record<RoomDetailsData['type'], string> = { my: 'account', direct: 'person', group: 'organization' };

export class RoomHeader {
  readonly element: HTMLElement;
  private readonly _icon = el('span', 'cw-header-icon');
  private readonly _name = el('span', 'cw-header-name');
  private readonly _count = el('span', 'cw-header-count');
  private readonly _toggle: HTMLButtonElement;
  private readonly _description = el('div', 'cw-header-description');
  private _details: RoomDetailsData | undefined;

  constructor(
    private readonly _strings: Strings,
    private readonly _ctx: RenderContext,
    roomName: string,
    run: (action: RoomAction) => void,
    openLink: (url: string) => void,
  ) {
    const s = _strings;
    this.element = el('section', 'cw-header');
    this.element.setAttribute('aria-label', s.roomHeader);
    const title = el('div', 'cw-header-title');
    this._toggle = iconButton('chevron-right', s.showDescription, 'toggleDescription');
    this._toggle.setAttribute('aria-expanded', 'false');
    this._toggle.hidden = true;
    this._toggle.addEventListener('click', () => this._setExpanded(this._description.hidden));
    this._description.hidden = true;
    // Links in the description open through the host (http(s) only), as in messages.
    this._description.addEventListener('click', (e) => {
      const link = (e.target as HTMLElement).closest<HTMLElement>('a.cw-link');
      if (!link?.dataset.url) return;
      e.preventDefault();
      openLink(link.dataset.url);
    });
    const actions = el('div', 'cw-header-actions');
    actions.setAttribute('role', 'toolbar');
    const buttons: [RoomAction, string, string][] = [
      ['tasks', 'tasklist', s.roomTasks],
      ['files', 'file', s.roomFiles],
      ['members', 'organization', s.roomMembers],
      ['markRead', 'check-all', s.markRoomRead],
      ['openInBrowser', 'link-external', s.openInBrowser],
    ];
    for (const [action, iconName, label] of buttons) {
      const button = iconButton(iconName, label, action);
      button.addEventListener('click', () => run(action));
      actions.append(button);
    }
    title.append(this._icon, this._name, this._count, this._toggle, actions);
    this.element.append(title, this._description);
    this.setName(roomName);
    this._showIcon();
  }

  setName(name: string): void {
    this._name.textContent = name;
    this._name.title = name;
  }

  setMemberCount(count: number): void {
    this._count.textContent = count > 0 ? format(this._strings.memberCount, count) : '';
  }

  setDetails(details: RoomDetailsData): void {
    this._details = details;
    this.setName(details.name);
    this._showIcon();
    const description = details.description.trim();
    if (description === '') this._description.replaceChildren();
    else this._description.replaceChildren(renderNodes(parse(description), this._ctx));
    this._toggle.hidden = description === '';
    if (description === '') this._setExpanded(false);
  }

  private _setExpanded(expanded: boolean): void {
    this._description.hidden = !expanded;
    this._toggle.setAttribute('aria-expanded', String(expanded));
    const label = expanded ? this._strings.hideDescription : this._strings.showDescription;
    this._toggle.title = label;
    this._toggle.setAttribute('aria-label', label);
    this._toggle.replaceChildren(icon(expanded ? 'chevron-down' : 'chevron-right'));
  }

  /** The codicon, with the room's picture over it when the host vouched that the CSP lets it load. */
  private _showIcon(): void {
    const details = this._details;
    const parts: HTMLElement[] = [icon(TYPE_ICONS[details?.type ?? 'group'])];
    const url = details?.iconUrl ?? '';
    if (url !== '' && isWebUrl(url)) {
      const img = el('img', 'cw-header-img');
      img.alt = '';
      img.referrerPolicy = 'no-referrer';
      img.addEventListener('error', () => img.remove(), { once: true });
      img.src = url;
      parts.push(img);
    }
    this._icon.replaceChildren(...parts);
  }
}
