// The room panel's host ↔ webview contract, written once for both sides (after
// microsoft/vscode-hexeditor shared/protocol.ts): one interface per message, one union per
// direction, and a small request/reply helper. No `vscode`, no DOM: the host and the webview
// bundle both compile this file. Message ids are strings of digits and stay strings.

// ── Data carried by messages ─────────────────────────────────────────────────────────────────────

/** A person as the panel shows them (message author, member, me). */
export interface PersonData {
  readonly accountId: number;
  readonly name: string;
  readonly avatarUrl: string;
}

export interface MemberData extends PersonData {
  readonly role: 'admin' | 'member' | 'readonly';
}

/** A task of the room, so the card in the message that added it shows its live state. */
export interface TaskData {
  readonly taskId: number;
  /** The message whose `[task]` card added it. */
  readonly messageId: string;
  readonly accountId: number;
  readonly assignedById: number;
  readonly status: 'open' | 'done';
}

/** One Chatwork message; `body` is raw notation (the webview parses it). */
export interface MessageData {
  readonly id: string;
  readonly accountId: number;
  readonly name: string;
  readonly avatarUrl: string;
  readonly body: string;
  readonly sendTime: number;
  /** 0 when never edited. */
  readonly updateTime: number;
}

/** What the room header shows besides the name (GET /rooms/{id}), sent after the snapshot. */
export interface RoomDetailsData {
  readonly name: string;
  readonly type: 'my' | 'direct' | 'group';
  /** The room's picture, only when the panel's CSP lets it load (else the header shows a codicon). */
  readonly iconUrl?: string;
  /** Raw notation ('' when none). */
  readonly description: string;
}

/** The room header's buttons. */
export type RoomAction = 'tasks' | 'files' | 'members' | 'markRead' | 'openInBrowser';

export interface PanelConfig {
  /** Enter sends (Shift+Enter = newline); otherwise Ctrl/Cmd+Enter sends. */
  readonly sendWithEnter: boolean;
  /** Language of `[dtext:*]` system texts and deleted messages (the panel's own texts come in the HTML shell). */
  readonly language: 'en' | 'ja' | 'vi';
  /** BCP 47 tag for dates and relative times. */
  readonly locale: string;
}

/** Where the room's archived history begins and where messages are missing (src/archive). */
export interface HistoryData {
  /** The room's first message is archived: no "older messages are not available" marker. */
  readonly complete: boolean;
  /** Messages between these two were never received. */
  readonly gaps: readonly { readonly afterId: string; readonly beforeId: string }[];
}

/** What the webview keeps in `vscode.setState` and the serializer gets back after a reload. */
export interface PanelState {
  readonly roomId: number;
  readonly draft?: string;
  /** Distance from the bottom of the list, so a restored panel opens where it was. */
  readonly scrollFromBottom?: number;
  /**
   * The message at the top of the view and how far (px) its top lay below the list's top edge. It
   * wins over `scrollFromBottom`, which is only as exact as the estimated heights of the runs below.
   */
  readonly scrollAnchor?: ScrollAnchor;
}

export interface ScrollAnchor {
  readonly messageId: string;
  readonly offset: number;
}

// ── Host → webview ───────────────────────────────────────────────────────────────────────────────

/** The answer to `ready`: everything the panel shows. Afterwards only deltas follow. */
export interface SnapshotMessage {
  readonly type: 'snapshot';
  readonly roomId: number;
  readonly roomName: string;
  readonly me: PersonData;
  readonly members: readonly MemberData[];
  /** Oldest first. */
  readonly messages: readonly MessageData[];
  /** How many of the newest messages are unread (the room's unread_num when the panel opened). */
  readonly unreadCount: number;
  /** The draft kept by the host for this room ('' when none). */
  readonly draft: string;
  /** False for read-only members: the composer is hidden. */
  readonly canPost: boolean;
  readonly config: PanelConfig;
  /** Scroll to this message once rendered (a room link with a message id). */
  readonly revealMessageId?: string;
  /** The archive's beginning and gaps; absent without an archive (no markers). */
  readonly history?: HistoryData;
  /**
   * How many older messages the host holds besides these (a long archive): the snapshot carries
   * only the newest part, so the webview paints without cloning the whole history; it asks for
   * the rest with `olderMessages` after its first paint. Absent when the snapshot has them all.
   */
  readonly olderCount?: number;
}

/** The archive learnt of a gap (or its beginning) after the snapshot. */
export interface HistoryChangedMessage {
  readonly type: 'historyChanged';
  readonly history: HistoryData;
}

/** The first load failed; the webview shows the error with a Retry that sends `ready` again. */
export interface LoadFailedMessage {
  readonly type: 'loadFailed';
  /** Kept in the webview state, so even a panel that never loaded is restored after a reload. */
  readonly roomId: number;
  readonly error: string;
}

/** New messages (a diff poll, or my own send), oldest first. */
export interface MessagesAddedMessage {
  readonly type: 'messagesAdded';
  readonly messages: readonly MessageData[];
}

/** Edited or deleted messages (a deleted one has body `[deleted]`). */
export interface MessagesUpdatedMessage {
  readonly type: 'messagesUpdated';
  readonly messages: readonly MessageData[];
}

export interface MembersChangedMessage {
  readonly type: 'membersChanged';
  readonly members: readonly MemberData[];
}

export interface ConfigChangedMessage {
  readonly type: 'configChanged';
  readonly config: PanelConfig;
}

export interface RoomRenamedMessage {
  readonly type: 'roomRenamed';
  readonly roomName: string;
}

export interface RoomDetailsMessage {
  readonly type: 'roomDetails';
  readonly room: RoomDetailsData;
}

/** Scroll to a message (a room link `#!rid1-2` opened while the panel was already open). */
export interface RevealMessageMessage {
  readonly type: 'revealMessage';
  readonly messageId: string;
}

// Replies (sent with `inReplyTo`).

export interface SentMessage {
  readonly type: 'sent';
  readonly messageId: string;
}

export interface DoneMessage {
  readonly type: 'done';
  /** The user dismissed a confirmation: nothing happened. */
  readonly cancelled?: boolean;
}

export interface FailedMessage {
  readonly type: 'failed';
  /** One line for the user, with the server's own text when it gave one. */
  readonly error: string;
}

/** The room's tasks (open and done), after the snapshot and after each change. */
export interface TasksChangedMessage {
  readonly type: 'tasksChanged';
  readonly tasks: readonly TaskData[];
}

export interface MentionPickedMessage {
  readonly type: 'mentionPicked';
  /** `[To:123]Name` for each picked member, or undefined when cancelled. */
  readonly text?: string;
}

/** Oldest first. */
export interface OlderMessagesMessage {
  readonly type: 'olderMessages';
  readonly messages: readonly MessageData[];
}

export interface PreviewResolvedMessage {
  readonly type: 'previewResolved';
  /** A short-lived image URL, or undefined when the file cannot be shown. */
  readonly url?: string;
}

/** Where a file to upload comes from. */
export type UploadSource =
  /** The host's file picker. */
  | { readonly kind: 'pick' }
  /** An Explorer drop or a retried pick: read on the host through vscode.workspace.fs (file:, vscode-remote:, …). */
  | { readonly kind: 'uri'; readonly uri: string }
  /** A File dropped from the OS or an image pasted from the clipboard, read in the webview. */
  | { readonly kind: 'data'; readonly name: string; readonly data: Uint8Array };

/** An upload confirmed by the user is running (the panel shows it with Cancel). */
export interface UploadProgressMessage {
  readonly type: 'uploadProgress';
  readonly name: string;
  readonly size: number;
}

export interface UploadedMessage {
  readonly type: 'uploaded';
  readonly fileId: number;
}

/** The upload failed; the webview keeps the text and the file and offers Retry. */
export interface UploadFailedMessage {
  readonly type: 'uploadFailed';
  readonly error: string;
  /** The file to retry with when the webview does not hold it (a picked file). */
  readonly retryUri?: string;
}

export type ToWebviewMessage =
  | UploadProgressMessage
  | UploadedMessage
  | UploadFailedMessage
  | SnapshotMessage
  | LoadFailedMessage
  | MessagesAddedMessage
  | MessagesUpdatedMessage
  | MembersChangedMessage
  | ConfigChangedMessage
  | RoomRenamedMessage
  | RoomDetailsMessage
  | RevealMessageMessage
  | HistoryChangedMessage
  | SentMessage
  | DoneMessage
  | FailedMessage
  | MentionPickedMessage
  | PreviewResolvedMessage
  | OlderMessagesMessage
  | TasksChangedMessage;

// ── Webview → host ───────────────────────────────────────────────────────────────────────────────

/** The webview script runs; the host answers with a snapshot (again after each reload). */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** Echo after the webview rendered a snapshot or delta (counts for tests and the log). */
export interface RenderedMessage {
  readonly type: 'rendered';
  /** Messages the webview holds. */
  readonly messageCount: number;
  /** Messages with DOM nodes (the list mounts older ones lazily). */
  readonly mountedCount: number;
  readonly newestId?: string;
}

/** The newest message was on screen while the webview had focus: the room may be marked read. */
export interface ViewedMessage {
  readonly type: 'viewed';
  readonly messageId: string;
}

export interface DraftChangedMessage {
  readonly type: 'draftChanged';
  readonly text: string;
}

/** A link was clicked; the host opens only http(s), through `vscode.env.openExternal`. */
export interface OpenLinkMessage {
  readonly type: 'openLink';
  readonly url: string;
}

export interface CopyTextMessage {
  readonly type: 'copyText';
  readonly text: string;
}

/** A reply chip pointing into another room. */
export interface OpenRoomMessage {
  readonly type: 'openRoom';
  readonly roomId: number;
  readonly messageId?: string;
}

/** A code reference (`src/a.ts:L10-24`) was clicked; the host opens it in the workspace. */
export interface OpenCodeRefMessage {
  readonly type: 'openCodeRef';
  readonly path: string;
  /** 1-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  readonly column?: number;
}

export interface MarkUnreadMessage {
  readonly type: 'markUnread';
  readonly messageId: string;
}

/** Show Thread on a message (the host opens the thread beside the panel). */
export interface ShowThreadMessage {
  readonly type: 'showThread';
  readonly messageId: string;
}

export interface CreateTaskMessage {
  readonly type: 'createTask';
  readonly body: string;
  /** Members the message mentions: preselected as assignees. */
  readonly assigneeIds?: readonly number[];
}

/** A room header button: the host runs the matching command for this room. */
export interface RoomActionMessage {
  readonly type: 'roomAction';
  readonly action: RoomAction;
}

export interface DownloadFileMessage {
  readonly type: 'downloadFile';
  readonly fileId: number;
}

// Requests (answered with a reply).

/** POST messages. → SentMessage | FailedMessage. The webview never resends on its own. */
export interface SendRequest {
  readonly type: 'send';
  readonly body: string;
}

/** PUT messages/{id} (own messages). → DoneMessage | FailedMessage */
export interface EditRequest {
  readonly type: 'edit';
  readonly messageId: string;
  readonly body: string;
}

/** DELETE messages/{id} after the host's confirmation. → DoneMessage | FailedMessage */
export interface DeleteRequest {
  readonly type: 'delete';
  readonly messageId: string;
}

/** The host shows a member QuickPick. → MentionPickedMessage */
export interface PickMentionRequest {
  readonly type: 'pickMention';
}

/** PUT tasks/{id}/status for each task (a task card's Mark done / Reopen). → DoneMessage | FailedMessage */
export interface SetTaskStatusRequest {
  readonly type: 'setTaskStatus';
  readonly taskIds: readonly number[];
  readonly status: 'open' | 'done';
}

/** → PreviewResolvedMessage */
export interface ResolvePreviewRequest {
  readonly type: 'resolvePreview';
  readonly fileId: number;
  /** The message carrying the tag: previews are capped per message. */
  readonly messageId?: string;
}

/** The messages older than `beforeId` (the rest of a snapshot that had `olderCount`). → OlderMessagesMessage */
export interface OlderMessagesRequest {
  readonly type: 'olderMessages';
  readonly beforeId: string;
}

/** Stops the running upload (the panel's Cancel). */
export interface CancelUploadMessage {
  readonly type: 'cancelUpload';
}

/**
 * POST rooms/{id}/files with the composer's text as the message, after the host's confirmation
 * (file name, size, room). → UploadedMessage | DoneMessage (cancelled) | UploadFailedMessage | FailedMessage
 */
export interface UploadRequest {
  readonly type: 'upload';
  readonly source: UploadSource;
  readonly message: string;
}

export type FromWebviewMessage =
  | CancelUploadMessage
  | UploadRequest
  | ReadyMessage
  | RenderedMessage
  | ViewedMessage
  | DraftChangedMessage
  | OpenLinkMessage
  | CopyTextMessage
  | OpenRoomMessage
  | OpenCodeRefMessage
  | MarkUnreadMessage
  | ShowThreadMessage
  | CreateTaskMessage
  | DownloadFileMessage
  | RoomActionMessage
  | SendRequest
  | EditRequest
  | DeleteRequest
  | PickMentionRequest
  | ResolvePreviewRequest
  | OlderMessagesRequest
  | SetTaskStatusRequest;

/** The reply each request gets (FailedMessage also when the host refused a malformed request). */
export interface ReplyTypes {
  send: SentMessage | FailedMessage;
  edit: DoneMessage | FailedMessage;
  delete: DoneMessage | FailedMessage;
  pickMention: MentionPickedMessage | FailedMessage;
  resolvePreview: PreviewResolvedMessage | FailedMessage;
  setTaskStatus: DoneMessage | FailedMessage;
  upload: UploadedMessage | DoneMessage | UploadFailedMessage | FailedMessage;
  olderMessages: OlderMessagesMessage | FailedMessage;
}

export type RequestMessage = Extract<FromWebviewMessage, { type: keyof ReplyTypes }>;
export type ReplyTo<R extends RequestMessage> = ReplyTypes[R['type']];

// ── Transport ────────────────────────────────────────────────────────────────────────────────────

/** What actually crosses postMessage. */
export interface Envelope<T> {
  readonly id: number;
  /** Set on replies: the id of the request. */
  readonly inReplyTo?: number;
  readonly body: T;
}

export function isEnvelope(value: unknown): value is Envelope<{ type: string }> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { id?: unknown; body?: unknown };
  return typeof v.id === 'number' && typeof v.body === 'object' && v.body !== null && typeof (v.body as { type?: unknown }).type === 'string';
}

/**
 * postMessage-based RPC, the same on both sides: events go one way, requests wait for the reply
 * whose `inReplyTo` matches. The handler answers a request by returning the reply.
 */
export class MessageHandler<TTo, TFrom> {
  private _nextId = 1;
  private readonly _pending = new Map<number, { resolve: (reply: TFrom) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly _post: (envelope: Envelope<TTo>) => void,
    private readonly _handle: (message: TFrom) => Promise<TTo | undefined> | TTo | undefined,
  ) {}

  /** Sends a message that expects no answer. */
  sendEvent(body: TTo): void {
    this._post({ id: this._nextId++, body });
  }

  /** Sends a request and resolves with the reply. */
  sendRequest<TReply extends TFrom>(body: TTo): Promise<TReply> {
    const id = this._nextId++;
    return new Promise<TReply>((resolve, reject) => {
      this._pending.set(id, { resolve: resolve as (reply: TFrom) => void, reject });
      try {
        this._post({ id, body });
      } catch (error) {
        this._pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Feed every received envelope here; resolves once its handling (and any reply) is done. */
  async handleMessage(envelope: Envelope<TFrom>): Promise<void> {
    if (envelope.inReplyTo !== undefined) {
      const pending = this._pending.get(envelope.inReplyTo);
      this._pending.delete(envelope.inReplyTo);
      pending?.resolve(envelope.body);
      return;
    }
    const reply = await this._handle(envelope.body);
    if (reply !== undefined) this._post({ id: this._nextId++, inReplyTo: envelope.id, body: reply });
  }

  /** Fails every request still waiting (the other side went away). */
  rejectAll(reason: string): void {
    for (const pending of this._pending.values()) pending.reject(new Error(reason));
    this._pending.clear();
  }
}

export type HostMessageHandler = MessageHandler<ToWebviewMessage, FromWebviewMessage>;
export type WebviewMessageHandler = MessageHandler<FromWebviewMessage, ToWebviewMessage>;
