import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, emulator, pollFresh, scriptPrompts, signIn, waitFor } from './helpers/extension';
import type { ScriptedPrompts } from './helpers/scriptedPrompts';

const ME = 1001;
const DESIGN_ROOM = 10011; // a group where I am a member
const PHOENIX_ROOM = 10010;

describe('notifications', () => {
  let prompts: ScriptedPrompts;

  beforeEach(async () => {
    prompts = await scriptPrompts();
    const api = await signIn();
    await vscode.workspace.getConfiguration('chatwork').update('notifications', undefined, vscode.ConfigurationTarget.Global);
    await api.muted.set(DESIGN_ROOM, false);
    await pollFresh(api); // the baseline: nothing before this is "new"
    prompts.notifications.length = 0;
  });

  after(async () => {
    await vscode.workspace.getConfiguration('chatwork').update('notifications', undefined, vscode.ConfigurationTarget.Global);
  });

  const toasts = () => prompts.notifications.filter((n) => n.severity === 'info' && n.actions.includes('Open'));

  it('a mention from another account produces exactly one toast with Open and Mark Read', async () => {
    const api = await activateExtension();
    await emulator().postAs('alice', DESIGN_ROOM, `[To:${ME}]Taro さん could you review the header? (bow)`);
    await emulator().postAs('bob', DESIGN_ROOM, `[To:${ME}]Taro さん and the footer too`);
    await pollFresh(api);
    await waitFor(() => toasts().length > 0, 'a toast');
    await new Promise((r) => setTimeout(r, 300)); // a burst would show up here
    assert.strictEqual(toasts().length, 1);
    const [toast] = toasts();
    assert.match(toast?.message ?? '', /mentioned you in デザインレビュー: .*\(\+1 more\)$/);
    assert.deepStrictEqual(toast?.actions, ['Open', 'Mark Read']);
  });

  it('Mark Read on the toast marks the room read on Chatwork', async () => {
    const api = await activateExtension();
    prompts.clickOnNotification(/mentioned you/, 'Mark Read');
    await emulator().postAs('alice', DESIGN_ROOM, `[To:${ME}]Taro さん ping`);
    await pollFresh(api);
    await waitFor(async () => (await emulator().requests()).some((r) => r.method === 'PUT' && r.path === `/rooms/${DESIGN_ROOM}/messages/read` && r.status === 200), 'PUT messages/read');
    await waitFor(() => api.deps.store.room(DESIGN_ROOM)?.unread_num === 0, 'unread count 0 after the refresh');
  });

  it('a muted room raises no toast', async () => {
    const api = await activateExtension();
    await api.tree.provider.getChildren();
    assert.match(api.tree.provider.roomNode(DESIGN_ROOM)?.contextValue ?? '', /\bunmuted\b/);
    await vscode.commands.executeCommand('chatwork.muteRoom', { roomId: DESIGN_ROOM });
    // The tree's menu now offers Unmute for this room.
    assert.match(api.tree.provider.roomNode(DESIGN_ROOM)?.contextValue ?? '', /\bmuted\b/);
    assert.doesNotMatch(api.tree.provider.roomNode(DESIGN_ROOM)?.contextValue ?? '', /\bunmuted\b/);
    prompts.notifications.length = 0;
    await emulator().postAs('alice', DESIGN_ROOM, `[To:${ME}]Taro さん muted?`);
    await pollFresh(api);
    await new Promise((r) => setTimeout(r, 500));
    assert.deepStrictEqual(toasts(), []);
    await vscode.commands.executeCommand('chatwork.unmuteRoom', { roomId: DESIGN_ROOM });
  });

  it('"off" suppresses every toast', async () => {
    const api = await activateExtension();
    await vscode.workspace.getConfiguration('chatwork').update('notifications', 'off', vscode.ConfigurationTarget.Global);
    await emulator().postAs('alice', PHOENIX_ROOM, '[toall] deploy at 17:00');
    await emulator().postAs('alice', DESIGN_ROOM, `[To:${ME}]Taro さん off?`);
    await pollFresh(api);
    await new Promise((r) => setTimeout(r, 500));
    assert.deepStrictEqual(toasts(), []);
  });
});
