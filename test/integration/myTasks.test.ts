// The My Tasks view in the real extension host against the emulator: what it lists (grouped by
// room, deadlines, overdue), Mark Done / Reopen on Chatwork, the open/done toggle, and the rule that
// it reloads only when a poll shows that mytask_num changed. Nodes come from the bundled
// extension, so they are checked by id, label, icon and contextValue.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ChatworkExtensionApi } from '../../src/extension';
import type { TreeNode } from '../../src/tree/nodes/treeNode';
import { emulator, pollFresh, scriptPrompts, signIn, waitFor } from './helpers/extension';
import type { ScriptedPrompts } from './helpers/scriptedPrompts';

const ME = 1001;
const DESIGN = 10011;
const RANDOM = 10013;

const labelOf = (item: vscode.TreeItem): string => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));
const iconOf = (item: vscode.TreeItem): { id: string; color: string | undefined } => {
  const icon = item.iconPath as vscode.ThemeIcon;
  // ThemeColor keeps its id in a field the typings do not declare.
  return { id: icon.id, color: (icon.color as unknown as { id: string } | undefined)?.id };
};

async function roots(api: ChatworkExtensionApi): Promise<TreeNode[]> {
  return api.myTasks.provider.getChildren();
}

/** Every task node of the view, by task id. */
async function taskNodes(api: ChatworkExtensionApi): Promise<Map<number, TreeNode>> {
  const nodes = new Map<number, TreeNode>();
  for (const room of await roots(api)) {
    for (const task of await api.myTasks.provider.getChildren(room)) nodes.set(Number(task.id?.slice('mytask:'.length)), task);
  }
  return nodes;
}

async function myTasksIn(status: 'open' | 'done'): Promise<{ task_id: number; room_id: number; body: string }[]> {
  const state = await emulator().state();
  const mine = new Set(state.rooms.filter((r) => r.members.some((m) => m.account_id === ME)).map((r) => r.room_id));
  return state.tasks.filter((t) => t.account_id === ME && t.status === status && mine.has(t.room_id));
}

async function myTasksRequests(): Promise<string[]> {
  return (await emulator().requests()).filter((r) => r.path === '/my/tasks').map((r) => `${r.method} ${r.path}?status=${String(r.query.status)}`);
}

describe('My Tasks view', () => {
  let api: ChatworkExtensionApi;
  let prompts: ScriptedPrompts;

  before(async () => {
    api = await signIn();
    await vscode.commands.executeCommand('chatwork.myTasks.showOpen');
  });

  beforeEach(async () => {
    prompts = await scriptPrompts();
  });

  afterEach(() => prompts.assertAllAnswered());

  after(async () => {
    await vscode.commands.executeCommand('chatwork.myTasks.showOpen');
    // The view is collapsed by default; the test expanded it. Hidden again, so opening the
    // Chatwork sidebar later (the rooms tree's request-count test) shows the rooms view alone.
    await vscode.commands.executeCommand('chatwork.myTasks.removeView').then(undefined, (error: unknown) => console.warn(`could not hide My Tasks: ${String(error)}`));
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('lists my open tasks grouped by room (one GET /my/tasks), with deadlines and the overdue state', async () => {
    api.myTasks.provider.refresh();
    await emulator().resetRequests();
    const rooms = await roots(api);
    const nodes = await taskNodes(api);
    assert.deepStrictEqual(await myTasksRequests(), ['GET /my/tasks?status=open']);

    const open = await myTasksIn('open');
    assert.deepStrictEqual([...nodes.keys()].sort(), open.map((t) => t.task_id).sort());
    assert.deepStrictEqual(rooms.map((r) => r.id).sort(), [...new Set(open.map((t) => `mytasks-room:${t.room_id}`))].sort());

    // デザインレビュー has an overdue task: the most pressing room comes first, marked red.
    assert.strictEqual(rooms[0]?.id, `mytasks-room:${DESIGN}`);
    assert.match(String(rooms[0]?.description), /· 1 overdue$/);
    assert.strictEqual(rooms[0]?.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);

    const overdue = [...nodes.values()].find((n) => labelOf(n) === '配色ガイドを確認する');
    assert.ok(overdue);
    assert.deepStrictEqual(iconOf(overdue), { id: 'warning', color: 'list.errorForeground' });
    assert.strictEqual(overdue.contextValue, 'mytask open overdue');
    assert.match(String(overdue.description), /^overdue · \d{4}-\d{2}-\d{2} · from Alice Tanaka$/);
    const task = open.find((t) => t.body === '配色ガイドを確認する');
    assert.deepStrictEqual(overdue.command?.arguments, [{ roomId: DESIGN, messageId: (await emulator().state()).tasks.find((t) => t.task_id === task?.task_id)?.message_id }]);
    assert.strictEqual(overdue.command?.command, 'chatwork.openRoom');

    const later = [...nodes.values()].find((n) => labelOf(n) === 'ロゴ案にフィードバックする');
    assert.deepStrictEqual(iconOf(later ?? {}), { id: 'circle-large-outline', color: undefined });
    assert.match(String(later?.description), /^due \d{4}-\d{2}-\d{2} \d{2}:\d{2} · from Alice Tanaka$/);
    assert.match(api.myTasks.view.description ?? '', new RegExp(`^${open.length} open · 1 overdue$`));
  });

  it('Mark Done sets the status on Chatwork (PUT …/status) and the task leaves the open list', async () => {
    const node = [...(await taskNodes(api)).values()].find((n) => labelOf(n) === '配色ガイドを確認する');
    assert.ok(node);
    const taskId = Number(node.id?.slice('mytask:'.length));
    await emulator().resetRequests();

    await vscode.commands.executeCommand('chatwork.myTasks.markDone', node);

    const put = (await emulator().requests()).find((r) => r.method === 'PUT');
    assert.strictEqual(put?.path, `/rooms/${DESIGN}/tasks/${taskId}/status`);
    assert.strictEqual((await emulator().state()).tasks.find((t) => t.task_id === taskId)?.status, 'done');
    assert.ok(!(await taskNodes(api)).has(taskId), 'no longer listed as open');
  });

  it('Show Done lists done tasks; Reopen puts one back', async () => {
    await vscode.commands.executeCommand('chatwork.myTasks.showDone');
    assert.strictEqual(api.myTasks.status, 'done');
    const done = [...(await taskNodes(api)).values()].find((n) => labelOf(n) === '配色ガイドを確認する');
    assert.ok(done, 'the task done just now is listed');
    assert.strictEqual(done.contextValue, 'mytask done');
    assert.deepStrictEqual(iconOf(done), { id: 'pass-filled', color: 'testing.iconPassed' });
    assert.deepStrictEqual((await myTasksIn('done')).map((t) => t.task_id).sort(), [...(await taskNodes(api)).keys()].sort());

    await vscode.commands.executeCommand('chatwork.myTasks.reopen', done);
    const taskId = Number(done.id?.slice('mytask:'.length));
    assert.strictEqual((await emulator().state()).tasks.find((t) => t.task_id === taskId)?.status, 'open');

    await vscode.commands.executeCommand('chatwork.myTasks.showOpen');
    assert.ok((await taskNodes(api)).has(taskId), 'open again');
  });

  it('a failed status change says why and offers Retry', async () => {
    const node = [...(await taskNodes(api)).values()][0];
    assert.ok(node);
    await emulator().injectFault({ method: 'PUT', path: /\/tasks\/\d+\/status$/, kind: 'status', status: 500, times: 1 });
    try {
      await vscode.commands.executeCommand('chatwork.myTasks.markDone', node);
    } finally {
      await emulator().clearFaults();
    }
    const error = prompts.notifications.at(-1);
    assert.strictEqual(error?.severity, 'error');
    assert.match(error?.message ?? '', /^Marking the task done failed: /);
    assert.ok(error?.actions.includes('Retry'));
  });

  it('loads again after a poll in which mytask_num changed — and only then, with no request of its own', async () => {
    await vscode.commands.executeCommand('chatwork.myTasks.focus');
    await waitFor(() => api.myTasks.view.visible, 'the My Tasks view is visible');
    // Settle: the poller knows the current counts and the view has loaded once.
    await pollFresh(api);
    await pollFresh(api);
    await api.myTasks.provider.tasks();

    const { task_ids } = await api.deps.client.createTask(RANDOM, { body: 'IT: a task the poller brings', to_ids: [ME] });
    const taskId = task_ids[0] as number;
    await emulator().resetRequests();

    await pollFresh(api);
    await waitFor(async () => (await taskNodes(api)).has(taskId), 'the new task in the view');
    const requests = await emulator().requests();
    assert.deepStrictEqual(await myTasksRequests(), ['GET /my/tasks?status=open'], 'one load');
    assert.ok(requests.some((r) => r.path === '/my/status'), 'the poller read the status');

    await emulator().resetRequests();
    await pollFresh(api);
    await api.myTasks.provider.tasks();
    assert.deepStrictEqual(await myTasksRequests(), [], 'nothing changed: no load');
  });
});
