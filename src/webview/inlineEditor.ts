// Editing one of my messages in place: the body is swapped for a textarea with Save / Cancel.
// Ctrl/Cmd+Enter saves, Escape cancels; a failed save keeps the text and shows the reason.
import { el } from './dom';
import { format, type Strings } from './strings';

export class InlineEditor {
  readonly element: HTMLElement;
  private readonly _input: HTMLTextAreaElement;
  private readonly _error: HTMLElement;
  private readonly _save: HTMLButtonElement;
  private _busy = false;

  constructor(
    initial: string,
    private readonly _strings: Strings,
    private readonly _onSave: (body: string) => Promise<string | undefined>,
    private readonly _onClose: () => void,
  ) {
    this.element = el('div', 'cw-edit');
    this._input = el('textarea', 'cw-edit-input');
    this._input.value = initial;
    this._input.rows = Math.min(12, Math.max(3, initial.split('\n').length + 1));
    this._input.setAttribute('aria-label', _strings.edit);
    this._error = el('div', 'cw-inline-error');
    this._error.hidden = true;
    const cancel = el('button', 'cw-button cw-button-secondary', _strings.cancel);
    cancel.type = 'button';
    this._save = el('button', 'cw-button', _strings.save);
    this._save.type = 'button';
    const footer = el('div', 'cw-edit-footer');
    footer.append(this._error, cancel, this._save);
    this.element.append(this._input, footer);

    cancel.addEventListener('click', () => this._onClose());
    this._save.addEventListener('click', () => void this.save());
    this._input.addEventListener('keydown', (e) => {
      if (e.isComposing || e.keyCode === 229) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        this._onClose();
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void this.save();
      }
    });
  }

  focus(): void {
    this._input.focus();
    this._input.setSelectionRange(this._input.value.length, this._input.value.length);
  }

  async save(): Promise<void> {
    const body = this._input.value;
    if (this._busy || body.trim() === '') return;
    this._busy = true;
    this._save.disabled = true;
    this._save.textContent = this._strings.saving;
    this._error.hidden = true;
    const error = await this._onSave(body);
    this._busy = false;
    this._save.disabled = false;
    this._save.textContent = this._strings.save;
    if (error === undefined) {
      this._onClose();
    } else {
      this._error.textContent = format(this._strings.editFailed, error);
      this._error.hidden = false;
    }
  }
}
