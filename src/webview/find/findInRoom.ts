// Find in the room (Ctrl/Cmd+F, caught by app.ts): searches every message the panel holds — also those the windowing
// has not mounted, which VS Code's own find widget cannot see — shows "3 of 17", and steps through
// the matches with Enter (older) and Shift+Enter (newer), starting at the newest. The message of
// the current match is mounted and scrolled to; its matches are highlighted with the CSS Custom
// Highlight API, so the message DOM is never changed.
import type { MessageData } from '../../panels/protocol';
import { el, iconButton } from '../dom';
import { format, type Strings } from '../strings';
import { countMatches, matchRanges } from './textMatches';

export interface FindHost {
  /** All messages held, oldest first. */
  messages(): readonly MessageData[];
  /** The text a message is searched in (as the user reads it). */
  textOf(m: MessageData): string;
  /** Mounts the message if needed and scrolls to it; its element, or undefined. */
  reveal(messageId: string): HTMLElement | undefined;
  /** Where focus goes back to when the bar closes. */
  restoreFocus(): void;
}

interface Match {
  readonly messageId: string;
  /** Which occurrence within the message. */
  readonly occurrence: number;
}

export class FindInRoom {
  readonly element: HTMLElement;
  private readonly _input: HTMLTextAreaElement;
  private readonly _count: HTMLElement;
  private _matches: Match[] = [];
  private _current = -1;

  constructor(
    private readonly _strings: Strings,
    private readonly _host: FindHost,
  ) {
    const s = _strings;
    this.element = el('div', 'cw-find');
    this.element.setAttribute('role', 'search');
    this.element.hidden = true;
    // A one-line textarea: the panel's element allow-list has no <input>.
    this._input = el('textarea', 'cw-find-input');
    this._input.rows = 1;
    this._input.placeholder = s.find;
    this._input.setAttribute('aria-label', s.find);
    this._count = el('span', 'cw-find-count');
    this._count.setAttribute('aria-live', 'polite');
    const previous = iconButton('arrow-down', s.findOlder, 'find-older');
    const next = iconButton('arrow-up', s.findNewer, 'find-newer');
    const close = iconButton('close', s.dismiss, 'find-close');
    this.element.append(this._input, this._count, next, previous, close);
    this._input.addEventListener('input', () => this._search());
    this._input.addEventListener('keydown', (e) => this._onKey(e));
    previous.addEventListener('click', () => this.step(1));
    next.addEventListener('click', () => this.step(-1));
    close.addEventListener('click', () => this.close());
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  open(): void {
    this.element.hidden = false;
    this._input.focus();
    this._input.select();
    if (this._input.value !== '') this._search();
  }

  close(): void {
    if (!this.isOpen) return;
    this.element.hidden = true;
    clearHighlights();
    this._host.restoreFocus();
  }

  /** +1: the next older match; −1: the next newer one (wrapping around). */
  step(delta: number): void {
    if (this._matches.length === 0) return;
    this._current = (this._current + delta + this._matches.length) % this._matches.length;
    this._show();
  }

  /** Messages changed while the bar is open: the count follows, the position is kept if it can be. */
  refresh(): void {
    if (this.isOpen && this._input.value !== '') this._search(this._matches[this._current]);
  }

  private _onKey(e: KeyboardEvent): void {
    if (e.isComposing || e.keyCode === 229) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      this.step(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.close();
    }
  }

  private _search(keep?: Match): void {
    const query = this._input.value.replace(/\n/g, '');
    this._matches = [];
    if (query.trim() !== '') {
      // Newest first: the user is at the bottom of the room.
      const messages = this._host.messages();
      for (let i = messages.length - 1; i >= 0; i--) {
        const m = messages[i] as MessageData;
        const count = countMatches(this._host.textOf(m), query);
        for (let k = count - 1; k >= 0; k--) this._matches.push({ messageId: m.id, occurrence: k }); // bottom up
      }
    }
    const kept = keep ? this._matches.findIndex((m) => m.messageId === keep.messageId && m.occurrence === keep.occurrence) : -1;
    this._current = this._matches.length === 0 ? -1 : Math.max(0, kept);
    this._show();
  }

  private _show(): void {
    const s = this._strings;
    const total = this._matches.length;
    this._count.textContent = total === 0 ? (this._input.value === '' ? '' : s.findNone) : format(s.findCount, this._current + 1, total);
    this.element.classList.toggle('cw-find-nothing', total === 0 && this._input.value !== '');
    clearHighlights();
    const match = this._matches[this._current];
    if (!match) return;
    const element = this._host.reveal(match.messageId);
    const body = element?.querySelector('.cw-msg-body');
    if (!body) return;
    const ranges = matchRanges(body, this._input.value.replace(/\n/g, ''));
    const current = ranges[Math.min(match.occurrence, ranges.length - 1)];
    const registry = highlights();
    if (!registry || ranges.length === 0) return;
    registry.set('cw-find', new Highlight(...ranges));
    if (current) registry.set('cw-find-current', new Highlight(current));
  }
}

function highlights(): HighlightRegistry | undefined {
  return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : undefined;
}

function clearHighlights(): void {
  highlights()?.delete('cw-find');
  highlights()?.delete('cw-find-current');
}
