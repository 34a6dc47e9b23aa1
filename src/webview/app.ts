// The room panel's webview: the ready handshake, the snapshot and deltas from the host, the
// message list and the composer, and the state kept across reloads (draft, scroll).
import { forEachNode, parse } from '../notation';
import {
  MessageHandler, isEnvelope, type Envelope, type FromWebviewMessage, type MemberData, type MessageData, type PanelState, type PersonData, type ScrollAnchor,
  type ReplyTo, type RequestMessage, type SnapshotMessage, type ToWebviewMessage, type WebviewMessageHandler,
} from '../panels/protocol';
import { Composer } from './composer';
import { el, icon } from './dom';
import type { MentionCandidate } from './mentions/mentionQuery';
import { RoomHeader } from './roomHeader';
import { MessageList, type MessageAction } from './messageList';
import { quoteText, replyText, type MessageViewContext } from './messageView';
import { avatar } from './render';
import { format, stringsFrom, type Strings } from './strings';
import { TimeFormat, warmUpTimeFormat } from './time';
import type { Attachments, DraftPreview, FindInRoom, PopupMenu, TaskCards } from './later';

/** The chunk with what is needed only after the first paint (later.ts). */
type Later = typeof import('./later');

/** The part of `acquireVsCodeApi()` the panel uses (a fake one in the browser tests). */
export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

export interface RoomAppOptions {
  /** Load Chatwork's emoticon images (default true); the tests use Unicode only. */
  readonly emoticonImages?: boolean;
}

const DRAFT_DEBOUNCE_MS = 400;

/** Runs `task` after the next frame was produced (rAF runs before painting; the timeout after it). */
/** A saved anchor as the list can use it (the state is whatever an older version of the panel saved). */
function validAnchor(anchor: ScrollAnchor | undefined): ScrollAnchor | undefined {
  return typeof anchor?.messageId === 'string' && Number.isFinite(anchor.offset) ? anchor : undefined;
}

function afterPaint(task: () => void): void {
  requestAnimationFrame(() => setTimeout(task, 0));
}

/** The panel's texts in VS Code's language, from the HTML shell (src/panels/panelHtml.ts); else English. */
function hostStrings(): Strings {
  const json = document.querySelector('meta[name="chatwork-strings"]')?.getAttribute('content');
  try {
    return stringsFrom(json ? JSON.parse(json) : undefined);
  } catch {
    return stringsFrom(undefined);
  }
}

export class RoomApp {
  private readonly _rpc: WebviewMessageHandler;
  private _later: Promise<Later> | undefined;
  private _menu: PopupMenu | undefined;
  private readonly _hostStrings = hostStrings();
  private _state: PanelState | undefined;
  private _snapshot: SnapshotMessage | undefined;
  private _ctx: MessageViewContext | undefined;
  private _list: MessageList | undefined;
  private _composer: Composer | undefined;
  private _attachments: Attachments | undefined;
  private _preview: DraftPreview | undefined;
  private _taskCards: TaskCards | undefined;
  private _find: FindInRoom | undefined;
  private _header: RoomHeader | undefined;
  private _notice: HTMLElement | undefined;
  private readonly _members = new Map<number, PersonData>();
  private _memberList: readonly MemberData[] = [];
  private readonly _authors = new Map<number, PersonData>();
  private _draftTimer: ReturnType<typeof setTimeout> | undefined;
  private _scrollTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly _root: HTMLElement,
    private readonly _vscode: VsCodeApi,
    private readonly _options: RoomAppOptions = {},
  ) {
    this._rpc = new MessageHandler<FromWebviewMessage, ToWebviewMessage>(
      (envelope) => _vscode.postMessage(envelope),
      (message) => this._handle(message),
    );
    const saved = _vscode.getState() as PanelState | undefined;
    this._state = typeof saved?.roomId === 'number' ? saved : undefined;
    window.addEventListener('message', (e: MessageEvent<unknown>) => {
      if (isEnvelope(e.data)) void this._rpc.handleMessage(e.data as Envelope<ToWebviewMessage>);
    });
    window.addEventListener('focus', () => this._list?.focused());
    document.addEventListener('keydown', (e) => {
      if (this._list && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        void this._findBar().then((find) => find?.open());
      }
    });
    setInterval(() => this._list?.tick(), 60_000);
  }

  /** Shows "Loading…" and asks the host for the snapshot. */
  start(): void {
    this._root.replaceChildren(el('div', 'cw-status', this._hostStrings.loading));
    this._rpc.sendEvent({ type: 'ready' });
    // While the host loads the room: the first date formatting in a fresh webview loads ICU data
    // (tens of ms), which would otherwise delay the first paint of the snapshot.
    setTimeout(() => warmUpTimeFormat(navigator.language), 0);
  }

  private _request<R extends RequestMessage>(message: R): Promise<ReplyTo<R>> {
    return this._rpc.sendRequest<ReplyTo<R>>(message);
  }

  private _post(message: FromWebviewMessage): void {
    this._rpc.sendEvent(message);
  }

  private _handle(message: ToWebviewMessage): undefined {
    switch (message.type) {
      case 'snapshot':
        this._showSnapshot(message);
        break;
      case 'loadFailed':
        this._showLoadFailed(message.roomId, message.error);
        return undefined;
      case 'messagesAdded':
        this._learnAuthors(message.messages);
        this._list?.add(message.messages);
        this._find?.refresh();
        break;
      case 'messagesUpdated':
        this._list?.update(message.messages);
        this._find?.refresh();
        break;
      case 'membersChanged':
        this._setMembers(message.members);
        this._header?.setMemberCount(message.members.length);
        this._list?.refresh();
        break;
      case 'configChanged':
        if (this._snapshot) this._snapshot = { ...this._snapshot, config: message.config };
        this._composer?.setConfig(message.config);
        return undefined;
      case 'roomRenamed':
        this._header?.setName(message.roomName);
        return undefined;
      case 'roomDetails':
        this._header?.setDetails(message.room);
        return undefined;
      case 'tasksChanged':
        void this._cards().then((cards) => {
          if (this._list) cards?.setTasks(message.tasks, this._list.element);
        });
        return undefined;
      case 'historyChanged':
        this._list?.setHistory(message.history);
        return undefined;
      case 'uploadProgress':
        this._attachments?.progress(message.name, message.size);
        return undefined;
      case 'revealMessage':
        if (this._list && !this._list.reveal(message.messageId)) this._showNotice(this._strings.messageNotLoaded);
        return undefined;
      default:
        return undefined; // replies are matched by the message handler
    }
    this._reportRendered();
    return undefined;
  }

  private get _strings(): Strings {
    return this._ctx?.strings ?? this._hostStrings;
  }

  private _showSnapshot(snapshot: SnapshotMessage): void {
    this._snapshot = snapshot;
    this._menu?.close();
    this._list?.dispose();
    const strings = this._hostStrings;
    this._setMembers(snapshot.members);
    this._authors.clear();
    this._learnAuthors(snapshot.messages);
    this._ctx = {
      me: snapshot.me.accountId,
      roomId: snapshot.roomId,
      language: snapshot.config.language,
      strings,
      time: new TimeFormat(snapshot.config.locale, strings),
      person: (id) => this._members.get(id) ?? this._authors.get(id) ?? (id === snapshot.me.accountId ? snapshot.me : undefined),
      emoticonImages: this._options.emoticonImages ?? true,
      canPost: snapshot.canPost,
      decorate: (element) => this._taskCards?.decorate(element),
    };
    this._taskCards = undefined; // made with the first tasksChanged, which follows the snapshot (_cards)
    const restoring = this._state?.roomId === snapshot.roomId ? this._state : undefined;
    const list = new MessageList(this._ctx, {
      messageAction: (action, m, anchor) => this._messageAction(action, m, anchor),
      edit: (m, body) => this._edit(m, body),
      openLink: (url) => this._post({ type: 'openLink', url }),
      copy: (text) => this._post({ type: 'copyText', text }),
      download: (fileId) => {
        if (Number.isSafeInteger(fileId) && fileId > 0) this._post({ type: 'downloadFile', fileId });
      },
      openRoom: (roomId, messageId) => this._post({ type: 'openRoom', roomId, messageId }),
      openCodeRef: (ref) => this._post({ type: 'openCodeRef', ...ref }),
      resolvePreview: async (fileId, messageId) => {
        const reply = await this._request(messageId === undefined ? { type: 'resolvePreview', fileId } : { type: 'resolvePreview', fileId, messageId });
        return reply.type === 'previewResolved' ? reply.url : undefined;
      },
      viewed: (messageId) => this._post({ type: 'viewed', messageId }),
      scrolled: (fromBottom) => this._saveScroll(fromBottom),
      notice: (text) => this._showNotice(text),
    });
    this._list = list;
    this._notice = el('div', 'cw-notice');
    this._notice.setAttribute('role', 'status');
    this._notice.hidden = true;
    this._find?.element.remove();
    this._find = undefined;
    const header = new RoomHeader(strings, this._ctx, snapshot.roomName, (action) => this._post({ type: 'roomAction', action }), (url) => this._post({ type: 'openLink', url }));
    header.setMemberCount(snapshot.members.length);
    this._header = header;
    const parts: HTMLElement[] = [header.element, list.element, this._notice];
    if (snapshot.canPost) {
      const composer = new Composer(strings, snapshot.config, {
        send: (body) => this._send(body),
        pickMention: async () => {
          const reply = await this._request({ type: 'pickMention' });
          return reply.type === 'mentionPicked' ? reply.text : undefined;
        },
        draftChanged: (text) => {
          this._draftChanged(text);
          this._preview?.update();
        },
        mentionCandidates: () => this._mentionCandidates(),
        avatar: (id) => (id === 0 || !this._ctx ? icon('organization') : avatar(id, this._ctx, 'cw-avatar-inline')),
      });
      // The webview's own state wins after a reload (it has the latest keystrokes), but an empty one
      // never wipes a draft the host kept (e.g. the text of a send that failed).
      const draft = restoring?.draft || snapshot.draft;
      composer.setText(draft);
      this._composer = composer;
      this._attachments = undefined;
      this._preview = undefined;
      parts.push(composer.element);
      if (draft !== snapshot.draft) this._post({ type: 'draftChanged', text: draft });
    } else {
      this._composer = undefined;
      parts.push(el('div', 'cw-readonly', strings.readOnly));
    }
    this._root.replaceChildren(...parts);
    this._setState({ roomId: snapshot.roomId, draft: this._composer?.text ?? '', scrollFromBottom: restoring?.scrollFromBottom, scrollAnchor: restoring?.scrollAnchor });
    list.setHistory(snapshot.history, false);
    list.setSnapshot(snapshot.messages, {
      unreadCount: snapshot.unreadCount,
      olderPending: (snapshot.olderCount ?? 0) > 0,
      revealMessageId: snapshot.revealMessageId,
      scrollFromBottom: snapshot.revealMessageId === undefined ? restoring?.scrollFromBottom : undefined,
      scrollAnchor: snapshot.revealMessageId === undefined ? validAnchor(restoring?.scrollAnchor) : undefined,
    });
    const composer = this._composer;
    afterPaint(() => {
      if ((snapshot.olderCount ?? 0) > 0) void this._loadOlder(list);
      void this._loadLater().then((later) => {
        if (composer && this._composer === composer) this._addComposerTools(composer, later);
      });
      composer?.prepareMentions();
    });
  }

  /** The composer's emoticons, preview and attach buttons (their code comes with later.ts, after the first paint). */
  private _addComposerTools(composer: Composer, later: Later): void {
    const ctx = this._ctx;
    if (!ctx) return;
    const emoticons = new later.EmoticonPicker(ctx.strings, ctx, (code) => composer.insertAtCaret(code));
    const preview = new later.DraftPreview(ctx.strings, ctx, () => composer.text);
    composer.addTool(emoticons.button, emoticons.element, 'above');
    composer.addTool(preview.button, preview.element, 'below');
    this._preview = preview;
    this._attachments = this._attachTo(composer, later);
  }

  private _loadLater(): Promise<Later> {
    return (this._later ??= import('./later'));
  }

  /** The task cards' live states and buttons, for members who can post (their code is in later.ts). */
  private async _cards(): Promise<TaskCards | undefined> {
    const snapshot = this._snapshot;
    if (!snapshot?.canPost) return undefined;
    const later = await this._loadLater();
    if (this._snapshot !== snapshot) return undefined; // another snapshot came meanwhile
    this._taskCards ??= new later.TaskCards(snapshot.me.accountId, this._hostStrings, {
      setStatus: async (taskIds, status) => {
        const reply = await this._request({ type: 'setTaskStatus', taskIds, status });
        return reply.type === 'failed' ? reply.error : undefined;
      },
      notice: (text) => this._showNotice(text),
    });
    return this._taskCards;
  }

  /** The find bar (Ctrl/Cmd+F), put above the list the first time it is asked for. */
  private async _findBar(): Promise<FindInRoom | undefined> {
    const later = await this._loadLater();
    const list = this._list;
    if (!list || !this._ctx) return undefined;
    if (this._find) return this._find;
    const find = new later.FindInRoom(this._ctx.strings, {
      messages: () => this._list?.messages ?? [],
      textOf: (m) => this._plainText(m, later),
      reveal: (id) => this._list?.revealElement(id),
      restoreFocus: () => this._composer?.focus(),
    });
    list.element.before(find.element);
    this._find = find;
    return find;
  }

  /** The rest of a long history, asked for once the newest screenful is painted. */
  private async _loadOlder(list: MessageList): Promise<void> {
    const beforeId = list.messages[0]?.id;
    const reply = beforeId === undefined ? undefined : await this._request({ type: 'olderMessages', beforeId });
    if (this._list !== list) return; // a newer snapshot replaced the list meanwhile
    const older = reply?.type === 'olderMessages' ? reply.messages : [];
    this._learnAuthors(older);
    list.addOlder(older);
    this._find?.refresh();
    this._reportRendered();
  }

  private _showLoadFailed(roomId: number, error: string): void {
    const strings = this._strings;
    this._setState({ roomId, draft: this._state?.draft, scrollFromBottom: this._state?.scrollFromBottom, scrollAnchor: this._state?.scrollAnchor });
    const box = el('div', 'cw-status cw-status-error');
    const retry = el('button', 'cw-button', strings.retry);
    retry.type = 'button';
    retry.addEventListener('click', () => this.start());
    box.append(el('div', undefined, format(strings.loadFailed, error)), retry);
    this._root.replaceChildren(box);
    this._list?.dispose();
    this._list = undefined;
    this._composer = undefined;
  }

  /** The attach button, drops and pasted images (attachments.ts), uploaded with the composer's text. */
  private _attachTo(composer: Composer, later: Later): Attachments {
    const attachments = new later.Attachments(this._strings, composer.element, {
      upload: (source, message) => this._request({ type: 'upload', source, message }),
      cancel: () => this._post({ type: 'cancelUpload' }),
      text: () => composer.text,
      uploaded: () => {
        composer.setText('');
        this._setState({ ...this._currentState(), draft: '' });
      },
    });
    composer.element.querySelector('.cw-composer-toolbar')?.append(attachments.button);
    composer.element.prepend(attachments.status);
    return attachments;
  }

  private async _send(body: string): Promise<string | undefined> {
    this._flushDraft();
    const reply = await this._request({ type: 'send', body });
    if (reply.type === 'failed') return reply.error;
    this._setState({ ...this._currentState(), draft: '' });
    return undefined;
  }

  private async _edit(message: MessageData, body: string): Promise<string | undefined> {
    const reply = await this._request({ type: 'edit', messageId: message.id, body });
    return reply.type === 'failed' ? reply.error : undefined;
  }

  private _messageAction(action: MessageAction, m: MessageData, anchor: HTMLElement): void {
    const ctx = this._ctx;
    if (!ctx) return;
    const s = ctx.strings;
    switch (action) {
      case 'reply':
        this._composer?.insert(replyText(m, ctx.roomId, ctx.person(m.accountId)?.name || m.name));
        return;
      case 'quote':
        this._composer?.insert(quoteText(m));
        return;
      case 'delete':
        void this._request({ type: 'delete', messageId: m.id }).then((reply) => {
          if (reply.type === 'failed') this._showNotice(format(s.actionFailed, reply.error));
        });
        return;
      case 'more':
        void this._loadLater().then((later) => {
          this._menu ??= new later.PopupMenu(this._root);
          this._menu.show(anchor, [
            { label: s.markUnread, icon: 'eye-closed', run: () => this._post({ type: 'markUnread', messageId: m.id }) },
            { label: s.showThread, icon: 'comment-discussion', run: () => this._post({ type: 'showThread', messageId: m.id }) },
            { label: s.createTask, icon: 'tasklist', run: () => this._post({ type: 'createTask', body: this._plainText(m, later), assigneeIds: this._mentioned(m) }) },
            { label: s.copyText, icon: 'copy', run: () => this._post({ type: 'copyText', text: this._plainText(m, later) }) },
            { label: s.copyLink, icon: 'link', run: () => this._post({ type: 'copyText', text: `https://www.chatwork.com/#!rid${ctx.roomId}-${m.id}` }) },
          ]);
        });
        return;
    }
  }

  /** Members a message mentions (To and reply), outside quotes: the task's preselected assignees. */
  private _mentioned(m: MessageData): number[] {
    const ids = new Set<number>();
    forEachNode(parse(m.body), (n) => {
      if ((n.type === 'mention' || n.type === 'reply') && this._members.has(n.accountId)) ids.add(n.accountId);
    }, { includeQuotes: false });
    return [...ids];
  }

  private _plainText(m: MessageData, { toPlainText }: Later): string {
    const ctx = this._ctx;
    return toPlainText(parse(m.body), { accountName: (id) => ctx?.person(id)?.name, language: ctx?.language ?? 'en' }).trim();
  }

  /** The room's members but me, To All first when I am an admin of a group chat (as the web app offers it). */
  private _mentionCandidates(): MentionCandidate[] {
    const snapshot = this._snapshot;
    if (!snapshot) return [];
    const me = snapshot.me.accountId;
    const others = this._memberList.filter((m) => m.accountId !== me).map((m) => ({ accountId: m.accountId, name: m.name }));
    const admin = this._memberList.some((m) => m.accountId === me && m.role === 'admin');
    return admin && others.length > 1 ? [{ accountId: 0, name: this._strings.toAll }, ...others] : others;
  }

  private _setMembers(members: readonly MemberData[]): void {
    this._memberList = members;
    this._members.clear();
    for (const m of members) this._members.set(m.accountId, m);
  }

  private _learnAuthors(messages: readonly MessageData[]): void {
    for (const m of messages) this._authors.set(m.accountId, { accountId: m.accountId, name: m.name, avatarUrl: m.avatarUrl });
  }

  private _draftChanged(text: string): void {
    this._setState({ ...this._currentState(), draft: text });
    clearTimeout(this._draftTimer);
    this._draftTimer = setTimeout(() => this._flushDraft(), DRAFT_DEBOUNCE_MS);
  }

  private _flushDraft(): void {
    if (this._draftTimer === undefined) return;
    clearTimeout(this._draftTimer);
    this._draftTimer = undefined;
    this._post({ type: 'draftChanged', text: this._composer?.text ?? '' });
  }

  private _saveScroll(fromBottom: number): void {
    clearTimeout(this._scrollTimer);
    this._scrollTimer = setTimeout(() => {
      // Asked once the scrolling stopped: finding the message at the top hit-tests the page.
      const scrollAnchor = this._list?.scrollAnchor();
      this._setState({ ...this._currentState(), scrollFromBottom: Math.round(fromBottom), scrollAnchor });
    }, 200);
  }

  private _currentState(): PanelState {
    return this._state ?? { roomId: this._snapshot?.roomId ?? 0 };
  }

  private _setState(state: PanelState): void {
    this._state = state;
    this._vscode.setState(state);
  }

  private _showNotice(text: string): void {
    const notice = this._notice;
    if (!notice) return;
    notice.textContent = text;
    notice.hidden = false;
    setTimeout(() => {
      if (notice.textContent === text) notice.hidden = true;
    }, 4000);
  }

  private _reportRendered(): void {
    const list = this._list;
    if (!list) return;
    const newestId = list.newestId;
    this._post({ type: 'rendered', messageCount: list.messageCount, mountedCount: list.mountedCount, ...(newestId === undefined ? {} : { newestId }) });
  }
}
