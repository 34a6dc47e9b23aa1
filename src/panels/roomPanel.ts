import * as vscode from 'vscode';
import type { PreviewResolver } from '../store/previewResolver';
import { ChatworkApiError } from '../api/errors';
import type { Message } from '../api/types';
import { Disposable } from '../common/disposable';
import { describeError } from '../common/showError';
import type { Deps } from '../deps';
import type { DraftStore } from './drafts';
import { compareMessageIds } from '../store/messageLog';
import { memberData, meData, messageData, panelConfig } from './panelData';
import { imageAllowed } from './panelDocument';
import { localResourceRoots, panelHtml } from './panelHtml';
import { panelStrings } from './panelStrings';
import { hasTaskCard, PanelTasks } from './panelTasks';
import {
  MessageHandler, isEnvelope, type Envelope, type FromWebviewMessage, type HostMessageHandler, type RenderedMessage,
  type RoomAction, type SnapshotMessage, type ToWebviewMessage,
} from './protocol';
import { PanelUploads } from './panelUploads';
import { ReadTracker } from './readTracker';
import { RoomActions } from './roomActions';
import { snapshotHeadStart } from './snapshotHead';
import { checkWebviewMessage } from './webviewInput';

export interface RoomPanelServices {
  readonly deps: Deps;
  readonly drafts: DraftStore;
  readonly extensionUri: vscode.Uri;
  readonly apiBaseUrl: () => string;
  /** Image previews of every panel: cached, de-duplicated and capped in one place. */
  readonly previews: PreviewResolver;
  /** Opens (or reveals) another room's panel: reply chips and Chatwork room links. */
  openRoom(roomId: number, messageId?: string): void;
  /** Opens a link the user clicked (room links stay inside VS Code). */
  openLink(url: string): Promise<void>;
}

/** The command each room header button runs, with `{ roomId }` as its argument. */
const ROOM_ACTION_COMMANDS: Record<RoomAction, string> = {
  tasks: 'chatwork.filterTasks',
  files: 'chatwork.filterFiles',
  members: 'chatwork.changeMembers',
  markRead: 'chatwork.markRoomRead',
  openInBrowser: 'chatwork.openRoomInBrowser',
};

const REQUESTS = new Set(['send', 'edit', 'delete', 'pickMention', 'resolvePreview', 'setTaskStatus', 'upload', 'olderMessages']);

/**
 * One open room: a webview panel showing the room's messages live, with a composer. The webview
 * says `ready`, gets one snapshot, then only deltas from the store's events. While the panel is
 * open the poller watches the room and the activity tracker keeps polling on.
 */
export class RoomPanel extends Disposable {
  static readonly viewType = 'chatwork.room';

  private readonly _rpc: HostMessageHandler;
  private readonly _actions: RoomActions;
  private readonly _tasks: PanelTasks;
  private readonly _uploads: PanelUploads;
  private _reads: ReadTracker | undefined;
  private _me: number | undefined;
  private _memberIds = new Set<number>();
  /** Deltas wait here until the snapshot went out (the webview ignores ids it already has). */
  private _pending: ToWebviewMessage[] | undefined = [];
  private _loadGeneration = 0;
  /** The archive markers last sent (JSON), to send them again only when they change. */
  private _historySent: string | undefined;

  private readonly _onDidDispose = this._register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this._onDidDispose.event;
  private readonly _onDidRender = this._register(new vscode.EventEmitter<RenderedMessage>());
  /** The webview rendered a snapshot or delta (tests wait on this). */
  readonly onDidRender = this._onDidRender.event;
  /** The latest `rendered` report and the last 50 messages posted, events and replies (test hooks). */
  lastRendered: RenderedMessage | undefined;
  readonly posted: ToWebviewMessage[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly roomId: number,
    private readonly _services: RoomPanelServices,
    private _revealMessageId?: string,
  ) {
    super();
    const { deps } = _services;
    this._actions = new RoomActions(deps, roomId, _services.drafts, _services.previews);
    this._tasks = new PanelTasks(deps, roomId);
    this._uploads = new PanelUploads(deps, roomId, _services.drafts, (message) => this._post(message));
    // A panel closed mid-upload stops it (its draft keeps the text).
    this._register({ dispose: () => this._uploads.cancel() });
    this._rpc = new MessageHandler<ToWebviewMessage, FromWebviewMessage>(
      (envelope) => this._send(envelope),
      (message) => this._handle(message),
    );
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: localResourceRoots(_services.extensionUri) };
    panel.iconPath = vscode.Uri.joinPath(_services.extensionUri, 'media', 'chatwork.svg');
    this._register(panel.webview.onDidReceiveMessage((data: unknown) => void this._receive(data)));
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(deps.poller.watch(roomId));
    this._register(deps.activity.hold());
    this._register(deps.store.onDidChangeMessages((e) => {
      if (e.roomId !== roomId) return;
      if (e.added.length > 0) this._onAdded(e.added);
      if (e.updated.length > 0) this._post({ type: 'messagesUpdated', messages: e.updated.map(messageData) });
      this._postHistoryIfChanged();
    }));
    this._register(deps.store.onDidChangeRooms(() => this._updateTitle()));
    this._register(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('chatwork.sendWithEnter')) this._post({ type: 'configChanged', config: panelConfig() });
      if (e.affectsConfiguration('chatwork.apiBaseUrl')) this.reload();
    }));
    this._register(deps.tokens.onDidChange(() => this.reload()));
    // Read the room's archive (and ask Chatwork) while the webview boots, so the snapshot is ready
    // when it says `ready`.
    deps.store.messages(roomId).catch(() => undefined);
    this.reload();
  }

  /** (Re)renders the webview: a fresh nonce and shell; the webview then asks for a snapshot. */
  reload(): void {
    this._pending = [];
    this.panel.webview.html = panelHtml(this.panel.webview, this._services.extensionUri, this._services.apiBaseUrl(), panelConfig().language, panelStrings());
  }

  reveal(messageId?: string): void {
    this.panel.reveal();
    if (messageId === undefined) return;
    if (this._pending === undefined) this._post({ type: 'revealMessage', messageId });
    else this._revealMessageId = messageId;
  }

  /** Runs a webview message through the same path as one from the webview (test hook). */
  async receive(message: FromWebviewMessage): Promise<ToWebviewMessage | undefined> {
    return this._handle(message);
  }

  /** Handles what the webview posts, envelope and all, as `onDidReceiveMessage` does (test hook). */
  receiveEnvelope(data: unknown): Promise<void> {
    return this._receive(data);
  }

  private async _receive(data: unknown): Promise<void> {
    if (!isEnvelope(data)) return;
    const message = checkWebviewMessage(data.body);
    if (message === undefined) {
      this._services.deps.log.warn(`Room panel ${this.roomId}: dropped a malformed '${data.body.type}' message.`);
      if (data.inReplyTo === undefined && REQUESTS.has(data.body.type)) {
        this._send({ id: 0, inReplyTo: data.id, body: { type: 'failed', error: vscode.l10n.t('Invalid request.') } });
      }
      return;
    }
    try {
      await this._rpc.handleMessage({ ...data, body: message } as Envelope<FromWebviewMessage>);
    } catch (error) {
      // The handlers say what went wrong themselves; this is for what they did not expect. The
      // webview's request still gets its answer, so nothing there waits for good.
      this._services.deps.log.error(`Room panel ${this.roomId}: '${message.type}' failed`, error);
      if (data.inReplyTo === undefined && REQUESTS.has(message.type)) {
        this._send({ id: 0, inReplyTo: data.id, body: { type: 'failed', error: describeError(error) } });
      }
    }
  }

  private async _handle(message: FromWebviewMessage): Promise<ToWebviewMessage | undefined> {
    const { deps } = this._services;
    switch (message.type) {
      case 'ready':
        await this._sendSnapshot();
        return undefined;
      case 'rendered':
        this.lastRendered = message;
        this._onDidRender.fire(message);
        return undefined;
      case 'viewed':
        if (this.panel.active && this.panel.visible) await this._reads?.viewed(message.messageId);
        return undefined;
      case 'draftChanged':
        await this._services.drafts.set(this.roomId, message.text);
        return undefined;
      case 'openLink':
        await this._services.openLink(message.url);
        return undefined;
      case 'copyText':
        await vscode.env.clipboard.writeText(message.text);
        vscode.window.setStatusBarMessage(vscode.l10n.t('Copied to the clipboard.'), 2000);
        return undefined;
      case 'openRoom':
        this._services.openRoom(message.roomId, message.messageId);
        return undefined;
      case 'openCodeRef':
        // Beside the panel, which stays in view; the command says so when the file is not here.
        await vscode.commands.executeCommand('chatwork.openCodeRef', { ...message, beside: true });
        return undefined;
      case 'showThread':
        await vscode.commands.executeCommand('chatwork.showThread', { roomId: this.roomId, messageId: message.messageId });
        return undefined;
      case 'markUnread':
        this._reads?.noteMarkedUnread();
        await this._actions.run('chatwork.markUnreadFromMessage', { messageId: message.messageId }, vscode.l10n.t('Marking unread'));
        return undefined;
      case 'createTask':
        await this._actions.run('chatwork.createTask', { body: message.body, assigneeIds: message.assigneeIds }, vscode.l10n.t('Creating a task'));
        return undefined;
      case 'setTaskStatus': {
        const reply = await this._tasks.setStatus(message.taskIds, message.status);
        await this._sendTasks();
        return reply;
      }
      case 'roomAction':
        await vscode.commands.executeCommand(ROOM_ACTION_COMMANDS[message.action], { roomId: this.roomId });
        return undefined;
      case 'downloadFile':
        await this._actions.run('chatwork.downloadFile', { fileId: message.fileId }, vscode.l10n.t('Downloading the file'));
        return undefined;
      case 'send':
        return this._actions.send(message.body);
      case 'edit':
        return this._actions.edit(message.messageId, message.body);
      case 'delete':
        return this._actions.delete(message.messageId);
      case 'pickMention':
        return this._actions.pickMention();
      case 'upload':
        return this._uploads.upload(message.source, message.message);
      case 'cancelUpload':
        this._uploads.cancel();
        return undefined;
      case 'resolvePreview':
        return this._actions.resolvePreview(message.fileId, message.messageId);
      case 'olderMessages': {
        // From the store as it is now (edits and deletions since the snapshot included).
        const messages = await deps.store.messages(this.roomId);
        const older = messages.filter((m) => compareMessageIds(m.message_id, message.beforeId) < 0);
        return { type: 'olderMessages', messages: older.map(messageData) };
      }
      default:
        deps.log.warn(`Room panel: unhandled message ${(message as { type: string }).type}`);
        return undefined;
    }
  }

  private async _sendSnapshot(): Promise<void> {
    const { deps, drafts } = this._services;
    const generation = ++this._loadGeneration;
    this._pending ??= [];
    try {
      const loadingMembers = deps.store.members(this.roomId).catch((error: unknown) => {
        deps.log.warn(`Members of room ${this.roomId} could not be loaded: ${describeError(error)}`);
        return [];
      });
      // One await for all three: a messages load that failed while `me` or the room was still on its
      // way would otherwise be a rejection nobody handles yet (Node reports it as unhandled).
      const [me, room, messages] = await Promise.all([deps.store.me(), deps.store.room(this.roomId) ?? deps.store.details(this.roomId), deps.store.messages(this.roomId)]);
      // Opened from the archive (Chatwork has not answered yet): paint now, members follow.
      const fromArchive = !deps.store.hasMessages(this.roomId);
      const members = fromArchive ? await Promise.race([loadingMembers, Promise.resolve(undefined)]) : await loadingMembers;
      if (generation !== this._loadGeneration || this.isDisposed) return;
      if (members === undefined) void loadingMembers.then(() => this._refreshMembers());
      const history = deps.store.archiveShape(this.roomId);
      this._historySent = JSON.stringify(history);
      this._me = me.account_id;
      this._memberIds = new Set((members ?? []).map((m) => m.account_id));
      this._reads ??= new ReadTracker(deps, this.roomId, room.unread_num);
      this.panel.title = room.name;
      const unreadCount = this._reads.hasUnread ? room.unread_num : 0;
      const revealIndex = this._revealMessageId === undefined ? -1 : messages.findIndex((m) => m.message_id === this._revealMessageId);
      // A long archive: the newest part now, the rest when the webview asks after its first paint.
      const headStart = snapshotHeadStart(messages.length, unreadCount, revealIndex);
      const snapshot: SnapshotMessage = {
        type: 'snapshot',
        roomId: this.roomId,
        roomName: room.name,
        me: meData(me),
        members: (members ?? []).map(memberData),
        messages: messages.slice(headStart).map(messageData),
        unreadCount,
        draft: drafts.get(this.roomId),
        canPost: room.role !== 'readonly',
        config: panelConfig(),
        ...(this._revealMessageId === undefined ? {} : { revealMessageId: this._revealMessageId }),
        ...(history === undefined ? {} : { history }),
        ...(headStart > 0 ? { olderCount: headStart } : {}),
      };
      this._revealMessageId = undefined;
      this._postNow(snapshot);
      const queued = this._pending ?? [];
      this._pending = undefined;
      for (const delta of queued) this._postNow(delta);
      if (messages.some((m) => hasTaskCard(m.body))) void this._sendTasks();
      void this._sendRoomDetails();
    } catch (error) {
      if (generation !== this._loadGeneration || this.isDisposed) return;
      deps.log.error(`Opening room ${this.roomId} failed`, error);
      this._postNow({ type: 'loadFailed', roomId: this.roomId, error: describeError(error) });
      // As everywhere else, a 401 switches the views to "token rejected" (markRejected is idempotent).
      if (error instanceof ChatworkApiError && error.kind === 'auth') void deps.tokens.markRejected();
    }
  }

  private _postHistoryIfChanged(): void {
    const history = this._services.deps.store.archiveShape(this.roomId);
    const json = JSON.stringify(history);
    if (history === undefined || json === this._historySent) return;
    this._historySent = json;
    this._post({ type: 'historyChanged', history });
  }

  private _onAdded(added: readonly Message[]): void {
    this._reads?.noteAdded(added, this._me);
    this._post({ type: 'messagesAdded', messages: added.map(messageData) });
    // A task added or done meanwhile (here or elsewhere): the cards show the new state.
    if (added.some((m) => hasTaskCard(m.body))) void this._sendTasks();
    // Someone new wrote (joined since the snapshot): refresh the members for names and avatars.
    if (added.some((m) => !this._memberIds.has(m.account.account_id))) void this._refreshMembers();
  }

  private async _refreshMembers(): Promise<void> {
    try {
      const members = await this._services.deps.store.members(this.roomId);
      this._memberIds = new Set(members.map((m) => m.account_id));
      this._post({ type: 'membersChanged', members: members.map(memberData) });
    } catch (error) {
      this._services.deps.log.warn(`Members of room ${this.roomId} could not be refreshed: ${describeError(error)}`);
    }
  }

  /** The room's tasks for the task cards; a failure leaves the cards as their notation says. */
  private async _sendTasks(): Promise<void> {
    try {
      const tasks = await this._tasks.load();
      if (!this.isDisposed) this._post({ type: 'tasksChanged', tasks });
    } catch (error) {
      this._services.deps.log.warn(`Tasks of room ${this.roomId} could not be loaded for the panel: ${describeError(error)}`);
    }
  }

  /** The header's description, type and picture (GET /rooms/{id}; a failure leaves the name alone). */
  private async _sendRoomDetails(): Promise<void> {
    const { deps } = this._services;
    try {
      const room = await deps.store.details(this.roomId);
      if (this.isDisposed) return;
      const apiBase = this._services.apiBaseUrl();
      this._post({
        type: 'roomDetails',
        room: {
          name: room.name,
          type: room.type,
          description: room.description ?? '',
          ...(room.icon_path && imageAllowed(room.icon_path, apiBase) ? { iconUrl: room.icon_path } : {}),
        },
      });
    } catch (error) {
      deps.log.warn(`Details of room ${this.roomId} could not be loaded for the panel header: ${describeError(error)}`);
    }
  }

  private _updateTitle(): void {
    const room = this._services.deps.store.room(this.roomId);
    if (room && room.name !== this.panel.title) {
      this.panel.title = room.name;
      this._post({ type: 'roomRenamed', roomName: room.name });
    }
  }

  private _post(message: ToWebviewMessage): void {
    if (this._pending) this._pending.push(message);
    else this._postNow(message);
  }

  private _postNow(message: ToWebviewMessage): void {
    this._rpc.sendEvent(message);
  }

  /** Every envelope to the webview, events and replies, goes out here. */
  private _send(envelope: Envelope<ToWebviewMessage>): void {
    this.posted.push(envelope.body);
    if (this.posted.length > 50) this.posted.shift();
    // A reply can come after the panel was closed (an upload it cancelled, a send that was on its
    // way): a disposed panel's webview throws when touched.
    if (!this.isDisposed) void this.panel.webview.postMessage(envelope);
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this._onDidDispose.fire();
    super.dispose();
    this.panel.dispose();
  }
}
