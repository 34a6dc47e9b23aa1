// A small pop-up menu (the "…" of a message), one at a time, positioned under its button. It lives
// at the top of the document so no message's containment can clip it.
import { el, icon } from './dom';

export interface MenuItem {
  readonly label: string;
  readonly icon: string;
  readonly run: () => void;
}

export class PopupMenu {
  private _open: { element: HTMLElement; anchor: HTMLElement } | undefined;

  constructor(private readonly _root: HTMLElement) {
    document.addEventListener('mousedown', (e) => {
      if (this._open && !this._open.element.contains(e.target as Node)) this.close();
    });
    window.addEventListener('blur', () => this.close());
    window.addEventListener('resize', () => this.close());
  }

  get isOpen(): boolean {
    return this._open !== undefined;
  }

  show(anchor: HTMLElement, items: readonly MenuItem[]): void {
    const wasFor = this._open?.anchor;
    this.close();
    if (wasFor === anchor) return; // a second click on the same button closes it
    const menu = el('div', 'cw-menu');
    menu.setAttribute('role', 'menu');
    for (const item of items) {
      const button = el('button', 'cw-menu-item');
      button.type = 'button';
      button.setAttribute('role', 'menuitem');
      button.append(icon(item.icon), el('span', undefined, item.label));
      button.addEventListener('click', () => {
        this.close();
        item.run();
      });
      menu.append(button);
    }
    menu.addEventListener('keydown', (e) => this._onKey(e, menu));
    this._root.append(menu);
    const rect = anchor.getBoundingClientRect();
    const width = menu.offsetWidth;
    const height = menu.offsetHeight;
    const top = rect.bottom + height + 4 > window.innerHeight ? Math.max(4, rect.top - height - 4) : rect.bottom + 4;
    menu.style.top = `${top}px`;
    menu.style.left = `${Math.max(4, Math.min(rect.right - width, window.innerWidth - width - 4))}px`;
    this._open = { element: menu, anchor };
    (menu.firstElementChild as HTMLElement | null)?.focus();
  }

  close(): void {
    if (!this._open) return;
    const { element, anchor } = this._open;
    this._open = undefined;
    const hadFocus = element.contains(document.activeElement);
    element.remove();
    if (hadFocus) anchor.focus();
  }

  private _onKey(e: KeyboardEvent, menu: HTMLElement): void {
    const items = [...menu.querySelectorAll<HTMLElement>('.cw-menu-item')];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (index + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items[next]?.focus();
    }
  }
}
