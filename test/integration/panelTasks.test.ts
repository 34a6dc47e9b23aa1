// Tasks that act, in the real extension host: a task card's Mark done / Reopen goes through the
// same path as the webview's request (PUT …/tasks/{id}/status), the panel then sends the tasks'
// new states; Create Task from a message preselects the members the message mentions.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ChatworkExtensionApi } from '../../src/extension';
import type { RoomPanel } from '../../src/panels/roomPanel';
import { emulator, scriptPrompts, signIn, waitFor } from './helpers/extension';
import type { ScriptedPrompts } from './helpers/scriptedPrompts';

const ME = 1001;
const ALICE = 1002;
const BOB = 1003;
/** Phoenix 開発チーム: a group with Alice and Bob. */
const PHOENIX = 10010;

function tasksPosted(panel: RoomPanel) {
  return [...panel.posted].reverse().find((m) => m.type === 'tasksChanged');
}

describe('room panel: tasks that act', () => {
  let api: ChatworkExtensionApi;
  let prompts: ScriptedPrompts;

  before(async () => {
    api = await signIn();
  });

  beforeEach(async () => {
    prompts = await scriptPrompts();
  });

  afterEach(() => prompts.assertAllAnswered());

  after(async () => {
    for (const roomId of api.panels.openRooms) api.panels.get(roomId)?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the task card of my task: the panel knows its message, and Mark done / Reopen change it in place', async () => {
    const { task_ids } = await api.deps.client.createTask(PHOENIX, { body: 'IT: a task card that acts', to_ids: [ME] });
    const taskId = task_ids[0] as number;
    const messageId = (await emulator().state()).tasks.find((t) => t.task_id === taskId)?.message_id;
    assert.ok(messageId);
    await vscode.commands.executeCommand('chatwork.openRoom', PHOENIX);
    const panel = api.panels.get(PHOENIX) as RoomPanel;
    await api.deps.store.pollMessages(PHOENIX);
    const before = await waitFor(() => {
      const posted = tasksPosted(panel);
      return posted?.type === 'tasksChanged' ? posted.tasks.find((t) => t.taskId === taskId) : undefined;
    }, 'the task states sent to the panel');
    assert.deepStrictEqual(before, { taskId, messageId, accountId: ME, assignedById: ME, status: 'open' });

    assert.deepStrictEqual(await panel.receive({ type: 'setTaskStatus', taskIds: [taskId], status: 'done' }), { type: 'done' });
    assert.strictEqual((await emulator().state()).tasks.find((t) => t.task_id === taskId)?.status, 'done');
    const after = tasksPosted(panel);
    assert.strictEqual(after?.type === 'tasksChanged' ? after.tasks.find((t) => t.taskId === taskId)?.status : undefined, 'done');

    assert.deepStrictEqual(await panel.receive({ type: 'setTaskStatus', taskIds: [taskId], status: 'open' }), { type: 'done' });
    assert.strictEqual((await emulator().state()).tasks.find((t) => t.task_id === taskId)?.status, 'open');
  });

  it('Create task from a message preselects the members it mentions', async () => {
    prompts.answer(
      { kind: 'input', value: 'IT: from a message' },
      { kind: 'pickMany', choose: ['Alice Tanaka', 'Bob Suzuki'] },
      { kind: 'input', value: 'tomorrow' },
    );
    const panel = api.panels.get(PHOENIX) as RoomPanel;
    await panel.receive({ type: 'createTask', body: 'IT: from a message', assigneeIds: [ALICE, BOB] });
    const picked = prompts.lastItems.filter((i) => i.picked).map((i) => i.label);
    assert.deepStrictEqual(picked.sort(), ['Alice Tanaka', 'Bob Suzuki']);
    assert.match(prompts.descriptions.at(-1) ?? '', /^Due .+ \(the whole day\)$/);
    const created = (await emulator().state()).tasks.filter((t) => t.body === 'IT: from a message');
    assert.deepStrictEqual(created.map((t) => t.account_id).sort(), [ALICE, BOB]);
  });
});
