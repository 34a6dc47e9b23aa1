// The composer's preview toggle: the draft drawn by the same renderer as the messages
// (render.ts, from the notation AST — never HTML), so [info], [code], To chips and emoticons look
// before sending as they will after. It follows the draft while it is shown.
import { parse } from '../notation';
import { el, iconButton } from './dom';
import { renderNodes, type RenderContext } from './render';
import type { Strings } from './strings';

export class DraftPreview {
  readonly button: HTMLButtonElement;
  readonly element: HTMLElement;

  constructor(
    private readonly _strings: Strings,
    private readonly _ctx: RenderContext,
    private readonly _text: () => string,
  ) {
    this.button = iconButton('preview', _strings.draftPreview, 'preview');
    this.button.setAttribute('aria-pressed', 'false');
    this.element = el('div', 'cw-draft-preview cw-msg-body');
    this.element.setAttribute('aria-live', 'polite');
    this.element.setAttribute('aria-label', _strings.draftPreview);
    this.element.hidden = true;
    this.button.addEventListener('click', () => this.toggle());
  }

  get isShown(): boolean {
    return !this.element.hidden;
  }

  toggle(): void {
    this.element.hidden = this.isShown;
    this.button.setAttribute('aria-pressed', String(this.isShown));
    this.update();
  }

  /** Redraws from the current draft (cheap enough per keystroke: drafts are short). */
  update(): void {
    if (!this.isShown) return;
    const text = this._text();
    if (text.trim() === '') this.element.replaceChildren(el('span', 'cw-draft-preview-empty', this._strings.draftPreviewEmpty));
    else this.element.replaceChildren(renderNodes(parse(text), this._ctx));
  }
}
