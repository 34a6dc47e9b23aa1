import * as vscode from 'vscode';
import { ChatworkClient } from './api/chatworkClient';
import { ChatworkApiError } from './api/errors';
import { silentlyImportable } from './auth/environmentToken';
import { offerEnvironmentToken } from './auth/offerEnvironmentToken';
import { StoredIdentity } from './auth/storedIdentity';
import { AccountRegistry, accountInfoOf, type AccountInfo } from './auth/accounts';
import { TokenStore } from './auth/tokenStore';
import { registerAccountCommands } from './commands/accounts';
import { registerChangeMembers } from './commands/changeMembers';
import { registerCopyMessageLink } from './commands/copyMessageLink';
import { registerContactCommands } from './contacts/contactCommands';
import { ContactsView } from './contacts/contactsView';
import { registerCreateRoom } from './commands/createRoom';
import { registerCreateTask } from './commands/createTask';
import { deferCommands } from './commands/deferredCommands';
import { registerDownloadFile } from './commands/downloadFile';
import { registerEditRoom } from './commands/editRoom';
import { registerFilterFiles } from './commands/filterFiles';
import { registerFilterTasks } from './commands/filterTasks';
import { registerInviteLink } from './commands/inviteLink';
import { registerLeaveAndDeleteRoom } from './commands/leaveDeleteRoom';
import { registerMessageEdits } from './commands/messageEdits';
import { registerMyTasksCommands } from './commands/myTasks';
import { registerOpenInChatwork } from './commands/openInChatwork';
import { registerOpenRoom } from './commands/openRoom';
import { registerReadState } from './commands/readState';
import { registerRefresh } from './commands/refresh';
import { registerSendSelection } from './commands/sendSelection';
import { registerSetToken } from './commands/setToken';
import { registerShareFile } from './commands/shareFile';
import { registerShowDetails } from './commands/showDetails';
import { registerTaskFromSelection } from './commands/taskFromSelection';
import { ActivityTracker } from './common/activity';
import { useL10n } from './common/l10n';
import { Logger } from './common/logger';
import { contributedIds } from './common/contributes';
import { exportedApi } from './common/exportedApi';
import { guardPromptsOf, VsCodePrompts } from './common/prompts';
import { Settings } from './common/settings';
import { afterActivation, Lazy } from './common/lazy';
import { threadCpuMs } from './common/threadCpu';
import type { MessageHistory } from './archive/messageHistory';
import type { Deps } from './deps';
import { ChatworkUriHandler } from './deepLinks/uriHandler';
import { registerOpenCodeRef } from './editor/openCodeRef';
import { registerTodoCodeActions } from './editor/todoCodeActions';
import { registerClearLocalHistory } from './history/clearLocalHistory';
import { createMessageHistory } from './history/createHistory';
import { registerSearchMessages } from './history/searchMessages';
import { registerShowThread } from './history/showThread';
import { registerRoomPanels } from './panels/roomPanelSerializer';
import type { RoomPanels } from './panels/roomPanels';
import { MutedRooms } from './notifications/mutedRooms';
import { registerNavigation } from './notifications/navigation';
import { Notifier } from './notifications/notifier';
import { Poller } from './store/poller';
import { RoomStore } from './store/roomStore';
import { ArchiveMessageSearch } from './tools/archiveMessageSearch';
import { StoreMessageSearch } from './tools/messageSearch';
import { type AgentTools, registerAgentTools } from './tools/registerAgentTools';
import { MyTasksView } from './tree/myTasks/myTasksView';
import { RoomsView } from './tree/roomsView';

/**
 * What activate() returns in a test host only (exportedApi): the integration tests reach the running
 * extension through it. It holds the token store and the client, so production exports nothing.
 */
export interface ChatworkExtensionApi {
  readonly deps: Deps;
  /** How long activate() took, from its first line to ready (ms; measured by `npm run bench`). */
  readonly activationMs: number;
  /** The CPU time of the same span on the extension host's thread (ms). */
  readonly activationCpuMs: number;
  /** The CPU time of what is built right after activation (afterActivation), once it ran (ms). */
  readonly afterActivationCpuMs: number | undefined;
  /** The sidebar: tree provider, TreeView (badge, message) and status bar item. */
  readonly tree: RoomsView;
  /** The open room panels (one per room). */
  readonly panels: RoomPanels;
  readonly notifier: Notifier;
  readonly muted: MutedRooms;
  /** The My Tasks view below Rooms. */
  readonly myTasks: MyTasksView;
  /** The Contacts view (contacts and pending contact requests). */
  readonly contacts: ContactsView;
  /** The handler of vscode://chatwork-vscode.chatwork-vscode/open?room=…&message=… links. */
  readonly uriHandler: vscode.UriHandler;
  /** The local message archive (search, threads; tests reopen it to simulate a reload). */
  readonly history: MessageHistory;
  /** The language model tools of the editor's agent, by name. */
  readonly agentTools: AgentTools;
  /** Where the extension keeps state and logs (tests check that the token never lands there). */
  readonly context: Pick<vscode.ExtensionContext, 'globalState' | 'logUri' | 'globalStorageUri'>;
}

export async function activate(context: vscode.ExtensionContext): Promise<ChatworkExtensionApi | undefined> {
  const started = performance.now();
  const cpuStarted = threadCpuMs();
  // The vscode-free modules (tree texts, due dates, badge) translate through VS Code from now on.
  useL10n(vscode.l10n, vscode.env.language);
  const log = new Logger();
  context.subscriptions.push(log);

  const identify = async (token: string): Promise<AccountInfo> => {
    const probe = new ChatworkClient({ baseUrl: () => Settings.apiBaseUrl(), token: () => token, timeoutMs: 15_000 });
    return accountInfoOf(await probe.getMe());
  };
  const tokens = new TokenStore(context.secrets, new AccountRegistry(context.globalState, context.workspaceState), identify);
  context.subscriptions.push(tokens);
  // A token in CHATWORK_API_TOKEN (set by `npm run demo` and the suites) is moved into secret storage
  // when none is stored yet — silently only in a development or test host (offerEnvironmentToken
  // asks in production); it is never written anywhere else.
  // A secret storage that cannot be read (no keyring) fails `ready` for everyone who awaits it; here
  // it is only logged.
  tokens.initialize(silentlyImportable(process.env.CHATWORK_API_TOKEN, context.extensionMode)).catch((error: unknown) => log.error('Reading the stored API token failed', error));
  context.subscriptions.push(tokens.onDidChange(() => log.addSecret(tokens.get())));

  const client = new ChatworkClient({
    baseUrl: () => Settings.apiBaseUrl(),
    // Requests wait for the stored token to be read (activation does not).
    token: async () => {
      await tokens.ready;
      return tokens.get();
    },
    // Switching accounts (or signing out) aborts every request made with the previous token.
    sessionSignal: () => tokens.signal,
    timeoutMs: () => Settings.requestTimeoutSeconds() * 1000,
  });
  const store = new RoomStore(client, new StoredIdentity(context.globalState, tokens));
  context.subscriptions.push({ dispose: () => store.dispose() });
  // Every message received is archived per account (lazily opened, written off the hot path).
  // A full disk is reported through deps.prompts (built below; writes happen only after activation).
  const history = createMessageHistory(context, store, log, (message) => void deps.prompts.notify('warning', message));
  // The notifier decides which quiet rooms are worth a diff poll (a new mention to announce).
  const notifierRef: { current?: Notifier } = {};
  const poller = new Poller(store, {
    intervalMs: () => Settings.pollIntervalSeconds() * 1000,
    wantsMessages: (current, previous) => notifierRef.current?.wantsMessages(current, previous) ?? false,
    // Live polling of a conversation pauses before the rate-limit budget runs low.
    rateLimit: () => client.rateLimit,
  });
  context.subscriptions.push({ dispose: () => poller.dispose() });
  poller.setFocused(vscode.window.state.focused);
  context.subscriptions.push(vscode.window.onDidChangeWindowState((state) => poller.setFocused(state.focused)));
  context.subscriptions.push(
    tokens.onDidChange(() => {
      // Another account's data must not survive a token change; its running poll is dropped.
      store.clear();
      void history.close();
      if (tokens.state === 'set') poller.restart();
    }),
  );

  context.subscriptions.push(
    poller.onDidFail((error) => {
      log.warn(`Refresh failed: ${error.message}`);
      if (error instanceof ChatworkApiError && error.kind === 'auth') void tokens.markRejected();
    }),
  );

  const activity = new ActivityTracker();
  context.subscriptions.push(activity);

  const muted = new MutedRooms(context.globalState, tokens);
  context.subscriptions.push(muted);

  // Every prompt and notification, whoever installs the implementation, passes the link neutraliser.
  const deps: Deps = guardPromptsOf({ client, tokens, log, store, poller, activity, muted, history, prompts: new VsCodePrompts() });

  offerEnvironmentToken(context, deps);

  // Sidebar: the rooms tree (its commands are registered with the others below).
  const tree = new RoomsView(deps);
  context.subscriptions.push(tree);

  // Room panels: live messages and a composer, restored after a reload.
  const panels = registerRoomPanels(context, deps);
  // The focused panel's room is polled every few seconds while its conversation is live, and the
  // tree selects it.
  context.subscriptions.push(
    panels.onDidChangeActiveRoom((roomId) => {
      poller.setFocusedRoom(roomId);
      if (roomId !== undefined) void tree.revealRoom(roomId);
    }),
  );
  // Deep links (vscode://chatwork-vscode.chatwork-vscode/open?room=…&message=…) open a room here.
  const uriHandler = new ChatworkUriHandler(deps, panels);
  context.subscriptions.push(vscode.window.registerUriHandler(uriHandler));

  // Notifications for mentions and direct messages.
  const notifier = new Notifier(deps, muted, (roomId) => {
    const panel = panels.get(roomId)?.panel;
    return panel !== undefined && panel.visible && panel.active && vscode.window.state.focused;
  });
  notifierRef.current = notifier;
  context.subscriptions.push(notifier);

  // Below Rooms: My Tasks, Contacts (and contact requests). Not needed for the first frame: built
  // right after activation, or by the first of their commands.
  const disposedWithUs = <T extends vscode.Disposable>(build: () => T): Lazy<T> =>
    new Lazy(() => {
      const part = build();
      context.subscriptions.push(part);
      return part;
    });
  const myTasks = disposedWithUs(() => new MyTasksView(deps));
  const contacts = disposedWithUs(() => new ContactsView(deps));
  // The commands: every contributed id has a stand-in from now on; the handlers behind them are
  // registered right after activation (or by the first command run before that).
  const commands = deferCommands(context, contributedIds(context, 'commands', 'command'), () => {
    registerSetToken(context, deps);
    registerAccountCommands(context, deps);
    // On rooms, messages, tasks, files and members.
    registerRefresh(context, deps, tree);
    registerFilterTasks(context, deps, tree);
    registerFilterFiles(context, deps, tree);
    registerCreateRoom(context, deps);
    registerEditRoom(context, deps);
    registerLeaveAndDeleteRoom(context, deps);
    registerChangeMembers(context, deps);
    registerInviteLink(context, deps);
    registerReadState(context, deps);
    registerMessageEdits(context, deps);
    registerCreateTask(context, deps);
    registerShowDetails(context, deps);
    registerCopyMessageLink(context, deps);
    registerOpenInChatwork(context, deps);
    registerDownloadFile(context, deps);
    registerOpenRoom(context, deps, panels);
    // Local history: search across rooms, reply threads, and forgetting what is kept.
    registerSearchMessages(context, deps);
    registerShowThread(context, deps);
    registerClearLocalHistory(context, deps);
    // Jumping to unread rooms and mentions, muting.
    registerNavigation(context, deps, muted);
    // From the editor: code to messages and tasks, files to rooms, code references back.
    registerSendSelection(context, deps);
    registerTaskFromSelection(context, deps);
    registerShareFile(context, deps);
    registerOpenCodeRef(context, deps);
    registerMyTasksCommands(context, deps, myTasks);
    registerContactCommands(context, deps, contacts);
  });
  // Chatwork for the editor's AI agent: language model tools over the same client, store and token.
  // find messages and thread read the local history first, then what the store holds.
  const agentTools = registerAgentTools(
    context,
    deps,
    () => new ArchiveMessageSearch(history, new StoreMessageSearch(store), async () => (await store.me().catch(() => undefined))?.account_id),
  );

  const activationMs = performance.now() - started;
  const activationCpuMs = threadCpuMs() - cpuStarted;
  let afterActivationCpuMs: number | undefined;
  context.subscriptions.push(
    afterActivation(() => {
      const cpuAfter = threadCpuMs();
      void commands.value;
      void myTasks.value;
      void contacts.value;
      void agentTools.value;
      registerTodoCodeActions(context, deps); // the light bulb on TODO lines
      afterActivationCpuMs = threadCpuMs() - cpuAfter;
      log.info(`Chatwork activated (API ${Settings.apiBaseUrl()}, token ${tokens.state}).`);
      log.info(`Ready in ${activationMs.toFixed(1)} ms (CPU ${activationCpuMs.toFixed(1)} ms; then ${afterActivationCpuMs.toFixed(1)} ms CPU right after).`);
    }),
  );
  return exportedApi(context.extensionMode, () => ({
    deps, activationMs, activationCpuMs, tree, panels, notifier, muted, uriHandler, history, context,
    get afterActivationCpuMs() {
      return afterActivationCpuMs;
    },
    get myTasks() {
      return myTasks.value;
    },
    get contacts() {
      return contacts.value;
    },
    get agentTools() {
      return agentTools.value;
    },
  }));
}


export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
