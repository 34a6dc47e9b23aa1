// The composer: a multi-line textarea with To / code / info buttons and Send. Ctrl/Cmd+Enter sends
// (or Enter, with chatwork.sendWithEnter; Shift+Enter is then a newline); a key press that is part
// of an IME composition never sends. A failed send keeps the text and shows the server's reason
// with Retry; nothing is ever resent without the user asking. Typing `@` or `[To` opens the inline
// list of members (mentions/, loaded with the panel's later chunk); the IME's own keys never reach it.
import type { PanelConfig } from '../panels/protocol';
import { el, icon, iconButton } from './dom';
import type { filterMentions } from './mentions/mentionMatch';
import type { MentionList } from './mentions/mentionList';
import { mentionAt, type MentionCandidate } from './mentions/mentionQuery';
import { format, type Strings } from './strings';

export interface ComposerHost {
  /** Posts the message; resolves with an error text, or undefined when sent. */
  send(body: string): Promise<string | undefined>;
  /** Asks the host for members to mention; resolves with `[To:…]Name` lines or undefined. */
  pickMention(): Promise<string | undefined>;
  draftChanged(text: string): void;
  /** Who may be mentioned, To All (account 0) first when I may use it. */
  mentionCandidates(): readonly MentionCandidate[];
  /** A member's avatar for the mention list. */
  avatar(accountId: number): HTMLElement;
}

const MAX_HEIGHT_PX = 240;

export class Composer {
  readonly element: HTMLElement;
  private readonly _input: HTMLTextAreaElement;
  private readonly _toolbar: HTMLElement;
  private readonly _send: HTMLButtonElement;
  private readonly _sendLabel: HTMLElement;
  private readonly _error: HTMLElement;
  private readonly _errorText: HTMLElement;
  private _sending = false;
  private _composing = false;
  /** The inline member list, once its code is loaded (after the first paint: later.ts). */
  private _mentions: MentionList | undefined;
  private _filterMentions: typeof filterMentions | undefined;
  private _loadingMentions = false;
  /** Start of the mention the user closed with Esc: it stays closed while typed on. */
  private _dismissedAt: number | undefined;

  constructor(
    private readonly _strings: Strings,
    private _config: PanelConfig,
    private readonly _host: ComposerHost,
  ) {
    const s = _strings;
    this.element = el('div', 'cw-composer');
    const toolbar = el('div', 'cw-composer-toolbar');
    toolbar.setAttribute('role', 'toolbar');
    const to = iconButton('mention', s.mention, 'mention');
    const code = iconButton('code', s.codeBlock, 'code');
    const info = iconButton('info', s.infoBlock, 'info');
    toolbar.append(to, code, info);
    this._toolbar = toolbar;

    this._input = el('textarea', 'cw-input');
    this._input.rows = 3;
    this._input.setAttribute('aria-label', s.send);

    this._error = el('div', 'cw-send-error');
    this._error.setAttribute('role', 'alert');
    this._error.hidden = true;
    this._errorText = el('span', 'cw-send-error-text');
    const retry = el('button', 'cw-button cw-button-secondary', s.retry);
    retry.type = 'button';
    retry.dataset.action = 'retry';
    const dismiss = iconButton('close', s.dismiss, 'dismiss');
    this._error.append(icon('error'), this._errorText, retry, dismiss);

    this._send = el('button', 'cw-button cw-send');
    this._send.type = 'button';
    this._sendLabel = el('span', 'cw-send-label', s.send);
    this._send.append(icon('send'), this._sendLabel);
    const footer = el('div', 'cw-composer-footer');
    footer.append(this._error, this._send);
    this.element.append(toolbar, this._input, footer);

    to.addEventListener('click', () => void this._mention());
    code.addEventListener('click', () => this.wrapSelection('[code]\n', '\n[/code]'));
    info.addEventListener('click', () => this.wrapSelection(`[info][title]${s.infoTitle}[/title]`, '[/info]'));
    this._send.addEventListener('click', () => void this.send());
    retry.addEventListener('click', () => void this.send());
    dismiss.addEventListener('click', () => (this._error.hidden = true));
    this._input.addEventListener('compositionstart', () => {
      this._composing = true;
      this._mentions?.close();
    });
    this._input.addEventListener('compositionend', () => {
      this._composing = false;
      this._updateMentions();
    });
    this._input.addEventListener('keydown', (e) => this._onKey(e));
    this._input.addEventListener('input', (e) => {
      this._changed();
      if (!(e as InputEvent).isComposing && !this._composing) this._updateMentions();
    });
    this._input.addEventListener('click', () => this._updateMentions());
    this._input.addEventListener('keyup', (e) => {
      if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) this._updateMentions();
    });
    this._input.addEventListener('blur', () => this._mentions?.close());
    this._applyConfig();
  }

  get text(): string {
    return this._input.value;
  }

  get isSending(): boolean {
    return this._sending;
  }

  setText(text: string): void {
    this._input.value = text;
    this._autosize();
  }

  setConfig(config: PanelConfig): void {
    this._config = config;
    this._applyConfig();
  }

  focus(): void {
    this._input.focus();
  }

  /** Inserts text at the cursor (reply / quote / mention) and focuses the input. */
  insert(text: string): void {
    const { selectionStart, selectionEnd, value } = this._input;
    // Tags such as [rp]/[qt] read best at the start of a line.
    const prefix = selectionStart > 0 && value[selectionStart - 1] !== '\n' ? '\n' : '';
    this._input.setRangeText(prefix + text, selectionStart, selectionEnd, 'end');
    this._input.focus();
    this._changed();
  }

  /** A toolbar button owned by another module (emoticons, preview), with its panel above the input or below it. */
  addTool(button: HTMLElement, panel?: HTMLElement, where: 'above' | 'below' = 'above'): void {
    this._toolbar.append(button);
    if (panel) this._input[where === 'above' ? 'before' : 'after'](panel);
  }

  /** Inserts text exactly at the caret (replacing the selection), e.g. an emoticon code. */
  insertAtCaret(text: string): void {
    const { selectionStart, selectionEnd } = this._input;
    this._input.setRangeText(text, selectionStart, selectionEnd, 'end');
    this._input.focus();
    this._changed();
  }

  /** Wraps the selection (or puts the cursor between) `before` and `after`. */
  wrapSelection(before: string, after: string): void {
    const { selectionStart, selectionEnd, value } = this._input;
    const selected = value.slice(selectionStart, selectionEnd);
    this._input.setRangeText(before + selected + after, selectionStart, selectionEnd, 'end');
    const cursor = selectionStart + before.length + selected.length;
    this._input.setSelectionRange(cursor, cursor);
    this._input.focus();
    this._changed();
  }

  /** Sends the text once; while a send is running further presses do nothing. */
  async send(): Promise<void> {
    const body = this._input.value;
    if (this._sending || body.trim() === '') return;
    this._sending = true;
    this._input.readOnly = true;
    this._send.disabled = true;
    this._sendLabel.textContent = this._strings.sending;
    this._error.hidden = true;
    let error: string | undefined;
    try {
      error = await this._host.send(body);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    this._sending = false;
    this._input.readOnly = false;
    this._send.disabled = false;
    this._sendLabel.textContent = this._strings.send;
    if (error === undefined) {
      this._input.value = '';
      this._changed();
    } else {
      this._errorText.textContent = format(this._strings.sendFailed, error);
      this._error.hidden = false;
    }
    this._input.focus();
  }

  private async _mention(): Promise<void> {
    const text = await this._host.pickMention();
    if (text) this.insert(text);
    else this._input.focus();
  }

  private _onKey(e: KeyboardEvent): void {
    // keyCode 229: the key went to the IME (Japanese input confirms with Enter).
    if (e.isComposing || this._composing || e.keyCode === 229) return;
    if (this._mentions?.isOpen && this._mentionKey(this._mentions, e)) return;
    if (e.key !== 'Enter') return;
    const modifier = e.ctrlKey || e.metaKey;
    const sends = modifier || (this._config.sendWithEnter && !e.shiftKey && !e.altKey);
    if (!sends) return;
    e.preventDefault();
    void this.send();
  }

  /** ↑/↓ move, Enter/Tab insert, Esc closes; true when the list took the key. */
  private _mentionKey(mentions: MentionList, e: KeyboardEvent): boolean {
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
    if (plain && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      mentions.move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (plain && !e.shiftKey && (e.key === 'Enter' || e.key === 'Tab')) {
      const active = mentions.active;
      if (!active) return false;
      this._insertMention(active);
    } else if (e.key === 'Escape') {
      this._dismissedAt = mentionAt(this._input.value, this._input.selectionStart)?.start;
      mentions.close();
      e.stopPropagation();
    } else {
      return false;
    }
    e.preventDefault();
    return true;
  }

  /** Opens, filters or closes the list for the mention being typed at the caret. */
  private _updateMentions(): void {
    const { value, selectionStart, selectionEnd } = this._input;
    const trigger = selectionStart === selectionEnd ? mentionAt(value, selectionStart) : undefined;
    if (!trigger || trigger.start === this._dismissedAt || this._sending) {
      if (!trigger) this._dismissedAt = undefined;
      this._mentions?.close();
      return;
    }
    if (!this._mentions || !this._filterMentions) return this._loadMentions();
    this._mentions.show(this._filterMentions(this._host.mentionCandidates(), trigger.query), trigger.start);
  }

  /** A mention typed before the list's code arrived: load it, then look at the caret again. */
  private _loadMentions(): void {
    if (this._loadingMentions) return;
    this._loadingMentions = true;
    void import('./later').then(({ MentionList, filterMentions }) => {
      this._filterMentions = filterMentions;
      this._mentions = new MentionList(this._input, this._strings.mentionList, (id) => this._host.avatar(id), (c) => this._insertMention(c));
      if (document.activeElement === this._input) this._updateMentions();
    });
  }

  /** Loads the inline member list's code (the panel calls this after its first paint). */
  prepareMentions(): void {
    this._loadMentions();
  }

  /** Replaces the typed `@query` with `[To:id]Name` (or `[toall]`); a line of To's ends with a newline. */
  private _insertMention(candidate: MentionCandidate): void {
    const { value, selectionStart } = this._input;
    const trigger = mentionAt(value, selectionStart);
    this._mentions?.close();
    if (!trigger) return;
    const tag = candidate.accountId === 0 ? '[toall]' : `[To:${candidate.accountId}]${candidate.name}`;
    const atLineStart = trigger.start === 0 || value[trigger.start - 1] === '\n';
    const after = value[selectionStart];
    const separator = atLineStart ? (after === '\n' ? '' : '\n') : after === ' ' ? '' : ' ';
    this._input.setRangeText(tag + separator, trigger.start, selectionStart, 'end');
    this._input.focus();
    this._changed();
  }

  private _changed(): void {
    this._autosize();
    this._host.draftChanged(this._input.value);
  }

  private _autosize(): void {
    this._input.style.height = 'auto';
    this._input.style.height = `${Math.min(MAX_HEIGHT_PX, this._input.scrollHeight + 2)}px`;
  }

  private _applyConfig(): void {
    const mac = /Mac|iPhone|iPad/.test(navigator.platform);
    this._input.placeholder = this._config.sendWithEnter
      ? this._strings.placeholderEnter
      : format(this._strings.placeholderCtrlEnter, mac ? '⌘' : 'Ctrl');
  }
}
