// The composer's emoticon picker: a grid of the Chatwork emoticons the renderer knows
// (src/notation/emoticons.ts), each drawn by the message renderer itself, so what you pick looks as
// it will in the message. Picking one inserts its code (`(coffee)`) at the caret.
import { parse } from '../notation';
import { EMOTICONS } from '../notation/emoticons';
import { el, iconButton } from './dom';
import { renderNodes, type RenderContext } from './render';
import type { Strings } from './strings';

export class EmoticonPicker {
  readonly button: HTMLButtonElement;
  readonly element: HTMLElement;

  constructor(
    strings: Strings,
    private readonly _ctx: RenderContext,
    private readonly _insert: (code: string) => void,
  ) {
    this.button = iconButton('smiley', strings.emoticons, 'emoticons');
    this.button.setAttribute('aria-expanded', 'false');
    this.button.setAttribute('aria-haspopup', 'true');
    this.element = el('div', 'cw-emoticon-picker');
    this.element.setAttribute('role', 'group');
    this.element.setAttribute('aria-label', strings.emoticons);
    this.element.hidden = true;
    // Keep the textarea's caret and selection: a mouse press in the grid must not take the focus.
    this.element.addEventListener('mousedown', (e) => e.preventDefault());
    this.button.addEventListener('mousedown', (e) => e.preventDefault());
    this.button.addEventListener('click', () => this.toggle());
    this.element.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.close();
        this.button.focus();
      }
    });
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  toggle(): void {
    if (this.isOpen) this.close();
    else this.open();
  }

  open(): void {
    // Built on first use: 49 renderer calls (and image requests) only for people who open it.
    if (this.element.childElementCount === 0) this._build();
    this.element.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
  }

  close(): void {
    this.element.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
  }

  private _build(): void {
    const japanese = this._ctx.language === 'ja';
    for (const info of EMOTICONS) {
      const cell = el('button', 'cw-emoticon-cell');
      cell.type = 'button';
      const title = (japanese ? info.titleJa : undefined) ?? info.title;
      cell.title = `${title} ${info.code}`;
      cell.setAttribute('aria-label', `${title} ${info.code}`);
      cell.dataset.code = info.code;
      cell.append(renderNodes(parse(info.code), this._ctx));
      cell.addEventListener('click', () => {
        this._insert(info.code);
        this.close();
      });
      this.element.append(cell);
    }
  }
}
