import * as vscode from 'vscode';
import { ChatworkClient } from './api/chatworkClient';
import { ChatworkApiError } from './api/errors';
import { StoredIdentity } from './auth/storedIdentity';
import { TokenStore } from './auth/tokenStore';
import { registerChangeMembers } from './commands/changeMembers';
import { registerCopyMessageLink } from './commands/copyMessageLink';
import { registerCreateRoom } from './commands/createRoom';
import { registerCreateTask } from './commands/createTask';
import { registerDownloadFile } from './commands/downloadFile';
import { registerEditRoom } from './commands/editRoom';
import { registerFilterFiles } from './commands/filterFiles';
import { registerFilterTasks } from './commands/filterTasks';
import { registerLeaveAndDeleteRoom } from './commands/leaveDeleteRoom';
import { registerMessageEdits } from './commands/messageEdits';
import { registerMyTasksCommands } from './commands/myTasks';
import { registerOpenRoom } from './commands/openRoom';
import { registerReadState } from './commands/readState';
import { registerRefresh } from './commands/refresh';
import { registerSendSelection } from './commands/sendSelection';
import { registerSetToken } from './commands/setToken';
import { registerSignOut } from './commands/signOut';
import { registerShareFile } from './commands/shareFile';
import { registerShowDetails } from './commands/showDetails';
import { registerTaskFromSelection } from './commands/taskFromSelection';
import { ActivityTracker } from './common/activity';
import { useL10n } from './common/l10n';
import { Logger } from './common/logger';
import { VsCodePrompts } from './common/prompts';
import { Settings } from './common/settings';
import type { Deps } from './deps';
import { registerOpenCodeRef } from './editor/openCodeRef';
import { registerRoomPanels } from './panels/roomPanelSerializer';
import type { RoomPanels } from './panels/roomPanels';
import { MutedRooms } from './notifications/mutedRooms';
import { registerNavigation } from './notifications/navigation';
import { Notifier } from './notifications/notifier';
import { Poller } from './store/poller';
import { RoomStore } from './store/roomStore';
import { type AgentTools, registerAgentTools } from './tools/registerAgentTools';
import { MyTasksView } from './tree/myTasks/myTasksView';
import { RoomsView } from './tree/roomsView';

/** What activate() returns: the integration tests reach the running extension through it. */
export interface ChatworkExtensionApi {
  readonly deps: Deps;
  /** How long activate() took, from its first line to ready (ms; measured by `npm run bench`). */
  readonly activationMs: number;
  /** The sidebar: tree provider, TreeView (badge, message) and status bar item. */
  readonly tree: RoomsView;
  /** The open room panels (one per room). */
  readonly panels: RoomPanels;
  readonly notifier: Notifier;
  readonly muted: MutedRooms;
  /** The My Tasks view below Rooms. */
  readonly myTasks: MyTasksView;
  /** The language model tools of the editor's agent, by name. */
  readonly agentTools: AgentTools;
  /** Where the extension keeps state and logs (tests check that the token never lands there). */
  readonly context: Pick<vscode.ExtensionContext, 'globalState' | 'logUri' | 'globalStorageUri'>;
}

export async function activate(context: vscode.ExtensionContext): Promise<ChatworkExtensionApi> {
  const started = performance.now();
  // The vscode-free modules (tree texts, due dates, badge) translate through VS Code from now on.
  useL10n(vscode.l10n, vscode.env.language);
  const log = new Logger();
  context.subscriptions.push(log);

  const tokens = new TokenStore(context.secrets);
  context.subscriptions.push(tokens);
  // A token in CHATWORK_API_TOKEN (set by `npm run demo`, or by a user's shell) is moved into
  // secret storage when none is stored yet; it is never written anywhere else.
  void tokens.initialize(process.env.CHATWORK_API_TOKEN?.trim());
  context.subscriptions.push(tokens.onDidChange(() => log.addSecret(tokens.get())));

  const client = new ChatworkClient({
    baseUrl: () => Settings.apiBaseUrl(),
    // Requests wait for the stored token to be read (activation does not).
    token: async () => {
      await tokens.ready;
      return tokens.get();
    },
    timeoutMs: () => Settings.requestTimeoutSeconds() * 1000,
  });
  const store = new RoomStore(client, new StoredIdentity(context.globalState, tokens));
  context.subscriptions.push({ dispose: () => store.dispose() });
  // The notifier decides which quiet rooms are worth a diff poll (a new mention to announce).
  const notifierRef: { current?: Notifier } = {};
  const poller = new Poller(store, {
    intervalMs: () => Settings.pollIntervalSeconds() * 1000,
    wantsMessages: (current, previous) => notifierRef.current?.wantsMessages(current, previous) ?? false,
  });
  context.subscriptions.push({ dispose: () => poller.dispose() });
  poller.setFocused(vscode.window.state.focused);
  context.subscriptions.push(vscode.window.onDidChangeWindowState((state) => poller.setFocused(state.focused)));
  context.subscriptions.push(
    tokens.onDidChange(() => {
      // Another account's data must not survive a token change.
      store.clear();
      if (tokens.state === 'set') poller.resume();
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

  const muted = new MutedRooms(context.globalState);
  context.subscriptions.push(muted);

  const deps: Deps = { client, tokens, log, store, poller, activity, muted, prompts: new VsCodePrompts() };

  registerSetToken(context, deps);
  registerSignOut(context, deps);

  // Sidebar: the rooms tree and the commands on rooms, messages, tasks, files and members.
  const tree = new RoomsView(deps);
  context.subscriptions.push(tree);
  registerRefresh(context, deps, tree);
  registerFilterTasks(context, deps, tree);
  registerFilterFiles(context, deps, tree);
  registerCreateRoom(context, deps);
  registerEditRoom(context, deps);
  registerLeaveAndDeleteRoom(context, deps);
  registerChangeMembers(context, deps);
  registerReadState(context, deps);
  registerMessageEdits(context, deps);
  registerCreateTask(context, deps);
  registerShowDetails(context, deps);
  registerCopyMessageLink(context, deps);
  registerDownloadFile(context, deps);

  // Room panels: live messages and a composer, restored after a reload.
  const panels = registerRoomPanels(context, deps);
  registerOpenRoom(context, deps, panels);

  // Notifications for mentions and direct messages, and the commands that jump to them.
  const notifier = new Notifier(deps, muted, (roomId) => {
    const panel = panels.get(roomId)?.panel;
    return panel !== undefined && panel.visible && panel.active && vscode.window.state.focused;
  });
  notifierRef.current = notifier;
  context.subscriptions.push(notifier);
  registerNavigation(context, deps, muted);

  // From the editor: code to messages and tasks, files to rooms, code references back; my tasks.
  registerSendSelection(context, deps);
  registerTaskFromSelection(context, deps);
  registerShareFile(context, deps);
  registerOpenCodeRef(context, deps);
  const myTasks = new MyTasksView(deps);
  context.subscriptions.push(myTasks);
  registerMyTasksCommands(context, deps, myTasks);

  // Chatwork for the editor's AI agent: language model tools over the same client, store and token.
  const agentTools = registerAgentTools(context, deps);

  log.info(`Chatwork activated (API ${Settings.apiBaseUrl()}, token ${tokens.state}).`);
  const activationMs = performance.now() - started;
  log.info(`Ready in ${activationMs.toFixed(1)} ms.`);
  return { deps, activationMs, tree, panels, notifier, muted, myTasks, agentTools, context };
}


export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
