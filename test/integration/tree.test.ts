// The rooms tree in the real extension host, against the emulator: what it shows, what it costs in
// requests, its welcome / error states, filters, and the badge and status bar.
// Nodes come from the bundled extension, so they are checked by label, id and contextValue (an
// `instanceof` against classes compiled for the tests would never match).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ChatworkExtensionApi } from '../../src/extension';
import type { TreeNode } from '../../src/tree/nodes/treeNode';
import type { StateSnapshot } from '../emulator';
import { activateExtension, emulator, emulatorToken, pollFresh, scriptPrompts, signIn, waitFor } from './helpers/extension';

const ME = 1001;
const PHOENIX = 10010;
const DESIGN = 10011;

const labelOf = (item: vscode.TreeItem): string => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

/** Signed in, with nothing loaded yet (earlier tests may have filled the store). */
async function freshTree(): Promise<ChatworkExtensionApi> {
  const api = await signIn();
  // A poll already under way would answer for the store as it was before the clear (and be
  // refused as stale): start from a quiet poller, as a token change does.
  await api.deps.poller.whenIdle();
  api.deps.store.clear();
  return api;
}

/** v2 requests since the last reset, as "GET /rooms/10010/members". */
async function requests(): Promise<string[]> {
  return (await emulator().requests()).map((r) => `${r.method} ${r.path}`);
}

/** The ids of my rooms in the emulator. */
function myRoomIds(state: StateSnapshot): number[] {
  return state.rooms.filter((r) => r.members.some((m) => m.account_id === ME)).map((r) => r.room_id);
}

async function roomNode(api: ChatworkExtensionApi, roomId: number): Promise<TreeNode> {
  const roots = await api.tree.provider.getChildren();
  const node = roots.find((n) => n.id === `room:${roomId}`);
  assert.ok(node, `room ${roomId} in the tree`);
  return node;
}

async function category(api: ChatworkExtensionApi, roomId: number, kind: string): Promise<TreeNode> {
  const room = await roomNode(api, roomId);
  const node = (await api.tree.provider.getChildren(room)).find((n) => n.id === `room:${roomId}:${kind}`);
  assert.ok(node, `${kind} of room ${roomId}`);
  return node;
}

function childrenOf(api: ChatworkExtensionApi, node: TreeNode): Promise<TreeNode[]> {
  return api.tree.provider.getChildren(node);
}

describe('rooms tree', () => {
  after(async () => {
    await vscode.workspace.getConfiguration('chatwork').update('badge', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('opening the sidebar costs one GET /rooms, nothing per room (the status bar totals come from it)', async () => {
    // With background polling (the default) the rooms are loaded before the view opens; this is
    // the cost when it is off and the view opens on an empty store.
    const background = vscode.workspace.getConfiguration('chatwork');
    await background.update('backgroundPolling', false, vscode.ConfigurationTarget.Global);
    // Nothing else may hold polling on: no room panel left open by an earlier test.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.view.explorer');
    const api = await freshTree();
    await waitFor(() => !api.deps.activity.active, 'no room panel holding polling on');
    await api.deps.poller.whenIdle();
    await emulator().resetRequests();
    await vscode.commands.executeCommand('workbench.view.extension.chatwork');
    await waitFor(() => api.tree.view.visible && api.deps.store.rooms !== undefined && api.deps.store.status !== undefined, 'rooms loaded');
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor(() => !api.tree.view.visible, 'view hidden');
    assert.deepStrictEqual(await requests(), ['GET /rooms']);
    // With the view hidden, no panel open and background polling off, polling stops.
    await waitFor(() => api.deps.poller.state === 'stopped', 'polling stopped with the view hidden');
    await background.update('backgroundPolling', undefined, vscode.ConfigurationTarget.Global);
  });

  it('shows my rooms, pinned first then by activity, with type icons, counts and the menu contract', async () => {
    const api = await freshTree();
    const roots = await api.tree.provider.getChildren();
    const state = await emulator().state();
    assert.deepStrictEqual(roots.map((n) => n.id).sort(), myRoomIds(state).map((id) => `room:${id}`).sort());
    // Pinned first, then the most recent activity first.
    const summaries = roots.map((n) => {
      const summary = api.deps.store.room(Number(n.id?.slice('room:'.length)));
      assert.ok(summary, `${n.id} is in the store`);
      return summary;
    });
    assert.ok(summaries.length >= 3, 'several rooms to order');
    summaries.slice(0, -1).forEach((room, i) => {
      const next = summaries[i + 1]!;
      assert.ok(Number(room.sticky) > Number(next.sticky) || (room.sticky === next.sticky && room.last_update_time >= next.last_update_time), `order at ${i}`);
    });
    const phoenix = roots[0] as TreeNode;
    assert.strictEqual(labelOf(phoenix), 'Phoenix 開発チーム');
    const summary = api.deps.store.room(PHOENIX);
    assert.ok(summary);
    // "3 · @1", "3", "@1", or nothing for a read room (earlier suites may have read Phoenix).
    const counts = [summary.unread_num > 0 ? `${summary.unread_num}` : '', summary.mention_num > 0 ? `@${summary.mention_num}` : ''].filter((part) => part !== '');
    assert.strictEqual(phoenix.description, counts.length > 0 ? counts.join(' · ') : undefined);
    assert.match(phoenix.contextValue ?? '', /^room group admin\b.*\bsticky\b/);
    assert.strictEqual((phoenix.iconPath as vscode.ThemeIcon).id, 'pinned', 'a pinned room shows a pin');
    // Unread at a glance: mentions get "@n" and the mention colour, unread rooms their count.
    for (const node of roots) {
      const room = api.deps.store.room(Number(node.id?.slice('room:'.length)));
      assert.ok(room && node.resourceUri);
      const decoration = api.tree.decorations.provideFileDecoration(node.resourceUri);
      if (room.mention_num > 0) {
        assert.strictEqual(decoration?.badge, room.mention_num <= 9 ? `@${room.mention_num}` : '@');
        assert.strictEqual((decoration?.color as vscode.ThemeColor | undefined)?.id, 'chatwork.mentionForeground');
      } else if (room.unread_num > 0) {
        assert.strictEqual(decoration?.badge, String(Math.min(99, room.unread_num)));
        assert.strictEqual((decoration?.color as vscode.ThemeColor | undefined)?.id, 'chatwork.unreadForeground');
      } else {
        assert.strictEqual(decoration, undefined, `${room.name} is read: no decoration`);
      }
    }
    assert.ok(roots.some((n) => api.deps.store.room(Number(n.id?.slice('room:'.length)))?.mention_num), 'the seed has a room with mentions');
    assert.strictEqual(phoenix.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.deepStrictEqual(phoenix.command?.arguments, [{ roomId: PHOENIX }]);
    assert.strictEqual(phoenix.command?.command, 'chatwork.openRoom');
    const my = roots.find((n) => n.id === 'room:10001');
    assert.strictEqual((my?.iconPath as vscode.ThemeIcon).id, 'account');
    const direct = roots.find((n) => n.id === 'room:10002');
    assert.strictEqual((direct?.iconPath as vscode.ThemeIcon).id, 'person');
    assert.match(roots.find((n) => n.id === 'room:10012')?.contextValue ?? '', /^room group readonly\b/);
  });

  it('the tooltip brings the room description from GET /rooms/{id}, once, without links', async () => {
    const api = await freshTree();
    const phoenix = await roomNode(api, PHOENIX);
    await emulator().resetRequests();
    const resolved = await api.tree.provider.resolveTreeItem(phoenix, phoenix);
    const tooltip = resolved.tooltip as vscode.MarkdownString;
    // The text as the hover shows it: Chatwork's texts are escaped Markdown (src/tree/tooltipMarkdown.ts).
    const text = tooltip.value.replace(/&nbsp;/g, ' ').replace(/\\([!-/:-@[-`{-~])/g, '$1');
    assert.match(tooltip.value, /^\*\*Phoenix 開発チーム\*\*/);
    assert.match(text, /Group chat · Admin · Pinned/);
    assert.match(text, /Unread \d+ · Mentions \d+ · My tasks \d+/);
    assert.match(text, /リポジトリ: https:\/\/github\.com\/example\/phoenix/); // from the description
    assert.ok(!tooltip.value.includes(']('), 'no Markdown links');
    assert.ok(!tooltip.isTrusted);
    assert.deepStrictEqual(await requests(), [`GET /rooms/${PHOENIX}`]);
  });

  it('a room expands to Messages, Tasks, Files and Members: one request each, none the second time', async () => {
    const api = await freshTree();
    await api.deps.store.me(); // GET /me is once per token; keep it out of the count
    // A room never seen before: with no local history, its Messages come from one force=1 read
    // (an archived room opens from the archive and reads Chatwork in the background).
    await (await api.history.current())?.clearRoom(PHOENIX);
    const room = await roomNode(api, PHOENIX);
    await emulator().resetRequests();
    const categories = await childrenOf(api, room);
    assert.deepStrictEqual(categories.map(labelOf), ['Messages', 'Tasks', 'Files', 'Members']);
    assert.deepStrictEqual(
      categories.map((c) => c.id),
      ['messages', 'tasks', 'files', 'members'].map((k) => `room:${PHOENIX}:${k}`),
    );
    assert.deepStrictEqual(await requests(), [], 'expanding the room itself costs nothing');

    const lists = await Promise.all(categories.map((c) => childrenOf(api, c)));
    assert.deepStrictEqual((await requests()).sort(), ['messages', 'tasks', 'files', 'members'].map((k) => `GET /rooms/${PHOENIX}/${k}`).sort());
    await emulator().resetRequests();
    await Promise.all(categories.map((c) => childrenOf(api, c)));
    assert.deepStrictEqual(await requests(), []);

    const [messages, tasks, files, members] = lists as [TreeNode[], TreeNode[], TreeNode[], TreeNode[]];
    const state = await emulator().state();

    const stored = state.messages.filter((m) => m.room_id === PHOENIX).slice(-100);
    assert.deepStrictEqual(
      messages.map((m) => m.id),
      stored.map((m) => `message:${PHOENIX}:${m.message_id}`).reverse(),
      'latest 100, newest first',
    );
    // The room's unread ones (the newest unread_num from others) say so; read ones do not.
    const unreadCount = api.deps.store.room(PHOENIX)?.unread_num ?? 0;
    const marked = messages.filter((m) => String(m.description).startsWith('unread · ')).map((m) => m.id);
    const fromOthers = stored.filter((m) => m.account_id !== ME);
    const expectedUnread = fromOthers.slice(Math.max(0, fromOthers.length - unreadCount)).map((m) => `message:${PHOENIX}:${m.message_id}`);
    assert.deepStrictEqual(marked, unreadCount === 0 ? [] : expectedUnread.reverse());
    const mine = messages.filter((m) => /^message own\b/.test(m.contextValue ?? ''));
    assert.deepStrictEqual(
      mine.map((m) => m.id),
      stored.filter((m) => m.account_id === ME).map((m) => `message:${PHOENIX}:${m.message_id}`).reverse(),
    );
    const newest = messages[0] as TreeNode;
    assert.match(labelOf(newest), /^[^:]+: /);
    assert.match(String(newest.description), /ago|just now|yesterday|\d{4}-\d{2}-\d{2}/);
    assert.deepStrictEqual(newest.command?.arguments, [{ roomId: PHOENIX, messageId: stored.at(-1)?.message_id }]);

    const openTasks = state.tasks.filter((t) => t.room_id === PHOENIX && t.status === 'open');
    assert.deepStrictEqual(tasks.map((t) => t.id).sort(), openTasks.map((t) => `task:${PHOENIX}:${t.task_id}`).sort());
    assert.ok(tasks.every((t) => t.contextValue === 'task open'));

    const roomFiles = state.files.filter((f) => f.room_id === PHOENIX);
    assert.deepStrictEqual(files.map(labelOf).sort(), roomFiles.map((f) => f.filename).sort());
    assert.match(String(files.find((f) => labelOf(f) === 'phoenix-test-data.bin')?.description), /^100 MB · Bob Suzuki$/);

    const roomMembers = state.rooms.find((r) => r.room_id === PHOENIX)?.members ?? [];
    assert.strictEqual(members.length, roomMembers.length);
    assert.deepStrictEqual(
      members.filter((m) => m.contextValue === 'member admin').map((m) => m.id).sort(),
      roomMembers.filter((m) => m.role === 'admin').map((m) => `member:${PHOENIX}:${m.account_id}`).sort(),
    );
  });

  it('empty lists say so', async () => {
    const api = await freshTree();
    // Any room of mine without files (other suites upload to some rooms).
    const state = await emulator().state();
    const roomId = myRoomIds(state).find((id) => !state.files.some((f) => f.room_id === id));
    assert.ok(roomId, 'a room without files');
    const files = await childrenOf(api, await category(api, roomId, 'files'));
    assert.deepStrictEqual(files.map(labelOf), ['No files']);
    assert.strictEqual(files[0]?.contextValue, 'empty');
  });

  it('Filter Tasks shows done tasks (one request); Filter Files narrows to an uploader (no request)', async () => {
    const api = await freshTree();
    const prompts = await scriptPrompts();
    const tasksNode = await category(api, PHOENIX, 'tasks');
    await emulator().resetRequests();
    prompts.answer({ kind: 'pick', choose: 'Done tasks' });
    await vscode.commands.executeCommand('chatwork.filterTasks', tasksNode);
    prompts.assertAllAnswered();
    const done = await childrenOf(api, tasksNode);
    const state = await emulator().state();
    const expected = state.tasks.filter((t) => t.room_id === PHOENIX && t.status === 'done');
    assert.deepStrictEqual(done.map((t) => t.id).sort(), expected.map((t) => `task:${PHOENIX}:${t.task_id}`).sort());
    assert.ok(done.every((t) => t.contextValue === 'task done'));
    assert.strictEqual(tasksNode.description, 'done');
    assert.ok((await emulator().requests()).some((r) => r.path === `/rooms/${PHOENIX}/tasks` && r.query.status === 'done'));

    const filesNode = await category(api, PHOENIX, 'files');
    await childrenOf(api, filesNode);
    await emulator().resetRequests();
    prompts.answer({ kind: 'pick', choose: 'Alice Tanaka' });
    await vscode.commands.executeCommand('chatwork.filterFiles', filesNode);
    const files = await childrenOf(api, filesNode);
    // Alice's files in the room, as the emulator holds them (other suites may have uploaded more).
    const alices = (await emulator().state()).files.filter((f) => f.room_id === PHOENIX && f.account_id === 1002).map((f) => f.filename);
    assert.ok(alices.includes('screenshot.png') && alices.length < state.files.filter((f) => f.room_id === PHOENIX).length, 'the room has files of others too');
    assert.deepStrictEqual(files.map(labelOf).sort(), alices.sort());
    assert.strictEqual(filesNode.description, 'by Alice Tanaka');
    assert.deepStrictEqual(await requests(), []);
  });

  it('a change fires only the changed node, and a part change only its category', async () => {
    const api = await freshTree();
    const roots = await api.tree.provider.getChildren();
    const tasksNode = await category(api, DESIGN, 'tasks');
    await childrenOf(api, tasksNode);
    // Something unread to read (earlier tests may have read the room).
    await emulator().postAs('alice', DESIGN, 'ping from Alice');
    await pollFresh(api);
    await childrenOf(api, tasksNode);
    const fired: (string | undefined)[] = [];
    const listener = api.tree.provider.onDidChangeTreeData((node) => fired.push(node ? (node.id ?? '?') : 'root'));
    try {
      // Read elsewhere: only counters change, the order does not.
      await api.deps.client.markRead(DESIGN);
      await pollFresh(api);
      assert.deepStrictEqual(fired, [`room:${DESIGN}`]);
      assert.strictEqual(roots.find((n) => n.id === `room:${DESIGN}`)?.description, undefined, 'the same node object was updated');

      fired.length = 0;
      api.deps.store.invalidate(DESIGN, 'tasks');
      assert.deepStrictEqual(fired, [`room:${DESIGN}:tasks`]);
    } finally {
      listener.dispose();
    }
  });

  it('a network failure is an error node that retries on click; a failed list is one too', async () => {
    const api = await freshTree();
    await emulator().injectFault({ method: 'GET', path: '/rooms', kind: 'reset', times: 1 });
    const roots = await api.tree.provider.getChildren();
    assert.deepStrictEqual(roots.map(labelOf), ['Could not reach Chatwork — Retry']);
    assert.strictEqual(roots[0]?.command?.command, 'chatwork.retry');
    await vscode.commands.executeCommand('chatwork.retry', roots[0]);
    const again = await api.tree.provider.getChildren();
    assert.ok(again.some((n) => n.id === `room:${PHOENIX}`));

    await emulator().injectFault({ method: 'GET', path: `/rooms/${PHOENIX}/members`, kind: 'status', status: 500, times: 1 });
    const membersNode = await category(api, PHOENIX, 'members');
    const failed = await childrenOf(api, membersNode);
    assert.deepStrictEqual(failed.map(labelOf), ['Could not load members — Retry']);
    assert.match(String(failed[0]?.description), /^Emulated fault: HTTP 500/);
    await vscode.commands.executeCommand('chatwork.retry', failed[0]);
    assert.ok((await childrenOf(api, membersNode)).length > 1);
  });

  it('no token: an empty tree, so the "Set API Token" welcome shows', async () => {
    const api = await activateExtension();
    await api.deps.tokens.clear();
    assert.strictEqual(api.deps.tokens.state, 'none');
    assert.deepStrictEqual(await api.tree.provider.getChildren(), []);
    assert.strictEqual(api.tree.view.badge, undefined);
    assert.strictEqual(api.tree.statusBar.text, undefined);
  });

  it('a rejected token (401): an empty tree and the "token rejected" welcome', async () => {
    const api = await activateExtension();
    await api.deps.tokens.set('0123456789abcdef0123456789abcdef');
    assert.deepStrictEqual(await api.tree.provider.getChildren(), []);
    assert.strictEqual(api.deps.tokens.state, 'rejected');
    await api.deps.tokens.set(emulatorToken());
    assert.ok((await api.tree.provider.getChildren()).length > 0);
  });

  it('the badge counts unread messages (or mentions, or nothing) and the status bar shows both', async () => {
    const api = await freshTree();
    await api.tree.provider.getChildren();
    await waitFor(() => api.deps.store.status, 'status');
    const status = await api.deps.client.getMyStatus();
    const unread = status.unread_num === 1 ? '1 unread message' : `${status.unread_num} unread messages`;
    assert.deepStrictEqual(api.tree.view.badge, { value: status.unread_num, tooltip: unread });
    const mentions = status.mention_num > 0 ? ` $(mention) ${status.mention_num}` : '';
    assert.strictEqual(api.tree.statusBar.text, `$(comment-discussion) ${status.unread_num}${mentions}`);

    const config = vscode.workspace.getConfiguration('chatwork');
    await config.update('badge', 'mentions', vscode.ConfigurationTarget.Global);
    await waitFor(() => api.tree.view.badge?.value === status.mention_num || (status.mention_num === 0 && !api.tree.view.badge), 'mentions badge');
    await config.update('badge', 'none', vscode.ConfigurationTarget.Global);
    await waitFor(() => api.tree.view.badge === undefined, 'no badge');
    await config.update('badge', undefined, vscode.ConfigurationTarget.Global);
  });
});
