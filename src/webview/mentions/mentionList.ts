// The inline list of members shown while a mention is typed: a listbox at the caret (above the
// line when there is room, else below), kept at the top of the document so nothing clips it. The
// textarea keeps the focus; it points at the highlighted option with aria-activedescendant.
import { el } from '../dom';
import { caretRect } from './caret';
import type { MentionCandidate } from './mentionQuery';

export interface MentionAvatar {
  (accountId: number): HTMLElement;
}

let nextListId = 0;

export class MentionList {
  private readonly _element: HTMLElement;
  private _items: readonly MentionCandidate[] = [];
  private _active = 0;
  private readonly _id = `cw-mentions-${nextListId++}`;

  constructor(
    private readonly _input: HTMLTextAreaElement,
    label: string,
    private readonly _avatar: MentionAvatar,
    private readonly _choose: (candidate: MentionCandidate) => void,
  ) {
    this._element = el('div', 'cw-mention-list');
    this._element.id = this._id;
    this._element.setAttribute('role', 'listbox');
    this._element.setAttribute('aria-label', label);
    // mousedown, not click: the textarea must not lose focus (and the caret) first.
    this._element.addEventListener('mousedown', (e) => {
      const option = (e.target as HTMLElement).closest<HTMLElement>('.cw-mention-option');
      if (!option) return;
      e.preventDefault();
      const item = this._items[Number(option.dataset.index)];
      if (item) this._choose(item);
    });
    _input.setAttribute('aria-autocomplete', 'list');
  }

  get isOpen(): boolean {
    return this._element.isConnected;
  }

  get active(): MentionCandidate | undefined {
    return this._items[this._active];
  }

  /** Shows `items` at the caret position `anchor`; an empty list closes. */
  show(items: readonly MentionCandidate[], anchor: number): void {
    if (items.length === 0) return this.close();
    const sameItems = items.length === this._items.length && items.every((c, i) => c.accountId === this._items[i]?.accountId);
    if (!sameItems) this._active = 0;
    this._items = items;
    this._element.replaceChildren(
      ...items.map((item, index) => {
        const option = el('div', 'cw-mention-option');
        option.id = `${this._id}-${index}`;
        option.dataset.index = String(index);
        option.setAttribute('role', 'option');
        option.append(this._avatar(item.accountId), el('span', 'cw-mention-name', item.name));
        return option;
      }),
    );
    if (!this.isOpen) document.body.append(this._element);
    this._input.setAttribute('aria-controls', this._id);
    this._input.setAttribute('aria-expanded', 'true');
    this._highlight();
    this._place(anchor);
  }

  move(delta: number): void {
    if (this._items.length === 0) return;
    this._active = (this._active + delta + this._items.length) % this._items.length;
    this._highlight();
  }

  close(): void {
    if (!this.isOpen) return;
    this._element.remove();
    this._items = [];
    this._input.setAttribute('aria-expanded', 'false');
    this._input.removeAttribute('aria-activedescendant');
  }

  private _highlight(): void {
    for (const [index, option] of [...this._element.children].entries()) {
      const selected = index === this._active;
      option.setAttribute('aria-selected', String(selected));
      option.classList.toggle('cw-mention-active', selected);
      if (selected) option.scrollIntoView({ block: 'nearest' });
    }
    this._input.setAttribute('aria-activedescendant', `${this._id}-${this._active}`);
  }

  private _place(anchor: number): void {
    const caret = caretRect(this._input, anchor);
    const height = this._element.offsetHeight;
    const width = this._element.offsetWidth;
    const above = caret.top - height - 4 >= 0;
    this._element.style.top = `${above ? caret.top - height - 4 : caret.bottom + 4}px`;
    this._element.style.left = `${Math.max(4, Math.min(caret.left, window.innerWidth - width - 4))}px`;
  }
}
