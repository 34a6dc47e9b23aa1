// Polling in the real host: it runs whenever signed in (not only while the Chatwork view shows), so
// a mention raises its toast and the status bar moves while the user is in the Explorer; the
// setting turns that off; a focused panel's live conversation is polled every few seconds; the
// status bar's tooltip tells the polling state and the rate-limit budget.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ChatworkExtensionApi } from '../../src/extension';
import { activateExtension, emulator, pollFresh, scriptPrompts, signIn, waitFor } from './helpers/extension';
import type { ScriptedPrompts } from './helpers/scriptedPrompts';

const ME = 1001;
const DESIGN_ROOM = 10011;
const INTERVAL_S = 10;

const config = () => vscode.workspace.getConfiguration('chatwork');

/** The Explorer in front, no room panel open: nothing of Chatwork on screen. */
async function chatworkClosed(api: ChatworkExtensionApi): Promise<void> {
  for (const roomId of api.panels.openRooms) api.panels.get(roomId)?.dispose();
  await vscode.commands.executeCommand('workbench.view.explorer');
  await waitFor(() => !api.tree.view.visible, 'the Chatwork view hidden');
}

describe('polling whenever signed in', function () {
  this.timeout(90_000);
  let prompts: ScriptedPrompts;
  let api: ChatworkExtensionApi;

  beforeEach(async () => {
    prompts = await scriptPrompts();
    api = await signIn();
    await config().update('pollIntervalSeconds', INTERVAL_S, vscode.ConfigurationTarget.Global);
    await config().update('backgroundPolling', undefined, vscode.ConfigurationTarget.Global);
    await config().update('notifications', undefined, vscode.ConfigurationTarget.Global);
    await api.muted.set(DESIGN_ROOM, false);
    await chatworkClosed(api);
    await pollFresh(api); // the baseline (and the next wait is the 10 s interval)
    prompts.notifications.length = 0;
  });

  afterEach(async () => {
    await config().update('pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    await config().update('backgroundPolling', undefined, vscode.ConfigurationTarget.Global);
    await emulator().setRateLimit(0);
  });

  const toasts = () => prompts.notifications.filter((n) => n.severity === 'info' && n.actions.includes('Open'));

  it('a mention with the Chatwork view closed raises one readable toast within one poll interval', async () => {
    assert.ok(api.deps.poller.active, 'polling runs with nothing of Chatwork on screen');
    const interval = api.deps.poller.nextDelayMs(); // 10 s focused, 4× that unfocused
    const posted = Date.now();
    await emulator().postAs('bob', DESIGN_ROOM, `[To:${ME}]Taro さん [rp aid=1002 to=${DESIGN_ROOM}-1]can you check the change of [piconname:1002]?`);
    await waitFor(() => toasts().length > 0, 'a toast without any refresh by the test', interval + 5_000);
    assert.ok(Date.now() - posted <= interval + 5_000);
    await api.deps.poller.whenIdle();
    assert.strictEqual(toasts().length, 1);
    const text = toasts()[0]?.message ?? '';
    assert.match(text, /mentioned you in デザインレビュー: @Taro Yamada Taro さん Re: Alice Tanaka can you check the change of Alice Tanaka ?\?/);
    assert.doesNotMatch(text, /(To|Re|ID):\d/, 'no raw account ids');
  });

  it('the status bar totals change without opening the view', async () => {
    const before = api.tree.statusBar.text;
    assert.ok(before, 'the status bar shows totals');
    await emulator().postAs('alice', DESIGN_ROOM, 'a new unread message');
    await waitFor(() => api.tree.statusBar.text !== before && api.tree.statusBar.text, 'new totals', api.deps.poller.nextDelayMs() + 5_000);
    assert.ok(!api.tree.view.visible);
  });

  it('background polling off stops all requests while the view is hidden; on again resumes at once', async () => {
    await config().update('backgroundPolling', false, vscode.ConfigurationTarget.Global);
    await waitFor(() => !api.deps.poller.active, 'the poller stopped');
    await api.deps.poller.whenIdle();
    assert.strictEqual(api.deps.poller.mode, 'stopped');
    assert.match(api.tree.statusBar.tooltip ?? '', /Updates: paused/);
    await emulator().resetRequests();
    await emulator().postAs('alice', DESIGN_ROOM, `[To:${ME}]Taro さん nobody polls now`);
    // Absence needs a wait: one full interval passes without a single request or toast.
    await new Promise((r) => setTimeout(r, (INTERVAL_S + 1) * 1000));
    assert.deepStrictEqual(await emulator().requests(), []);
    assert.deepStrictEqual(toasts(), []);
    await config().update('backgroundPolling', true, vscode.ConfigurationTarget.Global);
    await waitFor(async () => (await emulator().requests()).some((r) => r.path === '/rooms'), 'GET /rooms right after turning it on');
    await waitFor(() => toasts().length === 1, 'the mention announced then');
  });

  it('the status bar tooltip tells the state and the remaining rate-limit budget', async () => {
    await emulator().setRateLimit(300);
    await pollFresh(api);
    const tooltip = await waitFor(() => api.tree.statusBar.tooltip, 'a tooltip');
    assert.match(tooltip, /Requests left: \d+ of 300 until \d/);
    assert.match(tooltip, /Updates: idle \(every 10 s\)/);
    const left = Number(/Requests left: (\d+)/.exec(tooltip)?.[1]);
    await pollFresh(api);
    await waitFor(() => Number(/Requests left: (\d+)/.exec(api.tree.statusBar.tooltip ?? '')?.[1]) < left, 'the budget going down');
  });

  it('a focused panel whose conversation moves goes live (polled every few seconds)', async () => {
    const active = await activateExtension();
    const panel = active.panels.show(DESIGN_ROOM);
    await waitFor(() => panel.panel.active && active.panels.activeRoom === DESIGN_ROOM, 'the panel focused');
    await emulator().postAs('alice', DESIGN_ROOM, 'are you there?');
    await pollFresh(active);
    await waitFor(() => active.deps.poller.mode === 'live', 'live mode');
    await waitFor(() => /Updates: live/.test(active.tree.statusBar.tooltip ?? ''), 'the tooltip saying live');
    // Until its webview is ready a fresh panel holds what it would post: wait for that first.
    await waitFor(() => panel.lastRendered, 'the panel rendered');
    // The next message arrives by the live diff alone, well within the normal interval.
    await emulator().resetRequests();
    await emulator().postAs('alice', DESIGN_ROOM, 'quick one');
    await waitFor(() => panel.posted.some((m) => m.type === 'messagesAdded' && m.messages.some((x) => x.body === 'quick one')), 'the message in the panel', 8_000);
    const requests = (await emulator().requests()).map((r) => `${r.method} ${r.path}`);
    assert.ok(requests.includes(`GET /rooms/${DESIGN_ROOM}/messages`), requests.join(', '));
    panel.dispose();
    await waitFor(() => active.deps.poller.mode !== 'live', 'live mode ends with the panel');
  });
});
