// Several Chatwork accounts: add, switch, sign out of one; per-account state; no request with a
// token the user switched away from — checked by the emulator, which tells tokens apart.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ChatworkExtensionApi } from '../../src/extension';
import { seedToken } from '../emulator/seedAccounts';
import { emulator, pollFresh, scriptPrompts, signIn, waitFor } from './helpers/extension';
import type { ScriptedPrompts } from './helpers/scriptedPrompts';

const ME = 1001;
const CHEN = 1004;
const TARO_MY_CHAT = 10001; // Taro's alone
const RANDOM = 10013; // both are members

describe('several accounts', () => {
  let api: ChatworkExtensionApi;
  let prompts: ScriptedPrompts;

  async function roomsOf(accountId: number): Promise<number[]> {
    return (await emulator().state()).rooms.filter((r) => r.members.some((m) => m.account_id === accountId)).map((r) => r.room_id).sort();
  }

  const shownRooms = (): number[] => (api.deps.store.rooms ?? []).map((r) => r.room_id).sort();

  before(async () => {
    api = await signIn();
    prompts = await scriptPrompts();
    prompts.answer({ kind: 'input', value: seedToken('chen') });
    await vscode.commands.executeCommand('chatwork.addAccount');
    prompts.assertAllAnswered();
  });

  after(async () => {
    // Leave one account (Taro) signed in, as the other suites expect.
    if (api.deps.tokens.accounts().some((a) => a.accountId === CHEN)) {
      if (api.deps.tokens.activeAccountId !== CHEN) await api.deps.tokens.switchTo(CHEN);
      await api.deps.tokens.clear();
    }
    await emulator().clearFaults();
  });

  beforeEach(async () => {
    prompts = await scriptPrompts();
  });

  afterEach(() => prompts.assertAllAnswered());

  it('Add Account… signs in the second account and makes it active; the status bar names it', async () => {
    assert.strictEqual(api.deps.tokens.activeAccountId, CHEN);
    assert.deepStrictEqual(api.deps.tokens.accounts().map((a) => a.accountId).sort(), [ME, CHEN]);
    assert.strictEqual(api.tree.accountStatusBar.text, '$(account) Chen Wei');
    await pollFresh(api);
    assert.deepStrictEqual(shownRooms(), await roomsOf(CHEN));
  });

  it('Switch Account… offers each account with its organisation and switches; the views follow', async () => {
    prompts.answer({ kind: 'pick', choose: 'Taro Yamada' });
    await vscode.commands.executeCommand('chatwork.switchAccount');
    const offered = prompts.lastItems.map((i) => `${i.label} | ${i.description ?? ''}`);
    assert.ok(offered.includes('Taro Yamada | Sakura Systems Inc.'), offered.join('\n'));
    assert.ok(offered.includes('Chen Wei | Wei Tech Co. · active'), offered.join('\n'));
    assert.ok(offered.includes('Add Account… | '), offered.join('\n'));
    assert.strictEqual(api.deps.tokens.activeAccountId, ME);
    assert.strictEqual(api.tree.accountStatusBar.text, '$(account) Taro Yamada');
    await waitFor(async () => api.deps.store.rooms !== undefined || (await api.tree.provider.getChildren()).length > 0, 'Taro’s rooms');
    await waitFor(async () => JSON.stringify(shownRooms()) === JSON.stringify(await roomsOf(ME)), 'exactly Taro’s rooms');
  });

  it('muted rooms, drafts and recent rooms belong to one account and never show under another', async () => {
    await api.deps.tokens.switchTo(ME);
    await api.muted.set(RANDOM, true);
    await api.panels.drafts.set(RANDOM, 'Taro’s unsent words');
    await api.deps.tokens.switchTo(CHEN);
    assert.strictEqual(api.muted.has(RANDOM), false);
    assert.strictEqual(api.panels.drafts.get(RANDOM), '');
    await api.panels.drafts.set(RANDOM, 'Chen’s own draft');
    await api.deps.tokens.switchTo(ME);
    assert.strictEqual(api.muted.has(RANDOM), true);
    assert.strictEqual(api.panels.drafts.get(RANDOM), 'Taro’s unsent words');
    await api.muted.set(RANDOM, false);
    await api.panels.drafts.set(RANDOM, '');
    await api.deps.tokens.switchTo(CHEN);
    assert.strictEqual(api.panels.drafts.get(RANDOM), 'Chen’s own draft');
    await api.panels.drafts.set(RANDOM, '');
  });

  it('a switch during a running poll: the old poll is cut off, no request leaves with the old token, the new account loads at once', async () => {
    await api.deps.tokens.switchTo(ME);
    // The rooms view on screen: that is what keeps the poller running (panels close on a switch).
    await vscode.commands.executeCommand('chatwork.rooms.focus');
    await waitFor(() => api.tree.view.visible, 'the rooms view visible');
    await pollFresh(api);
    await vscode.commands.executeCommand('chatwork.openRoom', { roomId: TARO_MY_CHAT });
    await waitFor(() => api.panels.get(TARO_MY_CHAT), 'the My Chat panel');
    // Let the panel finish loading, so that only the poll is in flight when the user switches.
    await waitFor(async () => (await emulator().requests()).some((r) => r.path === `/rooms/${TARO_MY_CHAT}/messages` && r.status === 200), 'the panel’s messages');
    await waitFor(async () => (await emulator().requests()).some((r) => r.path === `/rooms/${TARO_MY_CHAT}/members` && r.status === 200), 'the panel’s members');
    await waitFor(async () => (await emulator().requests()).every((r) => r.status !== 0), 'no request in flight');
    await emulator().resetRequests();
    // GET /rooms takes 20 s: the poll is still running when the user switches.
    await emulator().injectFault({ kind: 'latency', delayMs: 20_000, method: 'GET', path: '/rooms', times: 1 });
    await api.deps.poller.whenIdle(); // a cycle of its own, not one that already read /rooms
    const poll = api.deps.poller.pollNow();
    await waitFor(async () => (await emulator().requests()).some((r) => r.path === '/rooms' && r.accountId === ME), 'Taro’s GET /rooms in flight');
    // The switch takes effect when the account changes, after switchTo has read the new token from
    // secret storage; until then Taro is still the user and may still make requests.
    let switchedAt = Number.POSITIVE_INFINITY;
    const listening = api.deps.tokens.onDidChangeAccount(() => (switchedAt = Date.now()));
    await api.deps.tokens.switchTo(CHEN);
    listening.dispose();
    await poll; // ends at once: its request was aborted
    assert.ok(Date.now() - switchedAt < 10_000, 'the old poll did not wait for its answer');
    assert.strictEqual(api.panels.get(TARO_MY_CHAT), undefined, 'Taro’s My Chat panel closed');
    await waitFor(() => api.deps.poller.state === 'waiting' && api.deps.store.rooms !== undefined, 'Chen’s first poll');
    assert.deepStrictEqual(shownRooms(), await roomsOf(CHEN));
    assert.ok(!shownRooms().includes(TARO_MY_CHAT));
    const after = (await emulator().requests()).filter((r) => r.time >= switchedAt);
    assert.ok(after.length > 0, 'Chen’s poll reached the emulator');
    assert.deepStrictEqual(after.filter((r) => r.accountId !== CHEN).map((r) => `${r.method} ${r.path} as ${r.accountId}`), []);
  });

  it('with two accounts signed in, a notification names the account', async () => {
    await api.deps.tokens.switchTo(CHEN);
    await vscode.workspace.getConfiguration('chatwork').update('notifications', undefined, vscode.ConfigurationTarget.Global);
    await pollFresh(api); // the baseline
    prompts.notifications.length = 0;
    await emulator().postAs('alice', RANDOM, `[To:${CHEN}]Chen さん could you check the build?`);
    await pollFresh(api);
    const toast = await waitFor(() => prompts.notifications.find((n) => n.actions.includes('Open')), 'a toast');
    assert.match(toast.message, /^\[Chen Wei\] .*mentioned you in 雑談 Random/);
  });

  it('the workspace binding is workspace state, never a setting', async () => {
    prompts.answer({ kind: 'pick', choose: 'Always use Chen Wei in this workspace' });
    await vscode.commands.executeCommand('chatwork.bindAccountToWorkspace');
    assert.strictEqual(api.deps.tokens.registry.boundAccountId, CHEN);
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('chatwork')).includes(String(CHEN)));
    prompts.answer({ kind: 'pick', choose: 'Use the account last chosen anywhere' });
    await vscode.commands.executeCommand('chatwork.bindAccountToWorkspace');
    assert.strictEqual(api.deps.tokens.registry.boundAccountId, undefined);
  });

  it('Sign Out of This Account deletes only that token and falls back to the other account', async () => {
    await api.deps.tokens.switchTo(CHEN);
    await vscode.commands.executeCommand('chatwork.signOut');
    assert.strictEqual(api.deps.tokens.activeAccountId, ME);
    assert.deepStrictEqual(api.deps.tokens.accounts().map((a) => a.accountId), [ME]);
    assert.match(prompts.notifications.at(-1)?.message ?? '', /Signed out of Chen Wei.*now using Taro Yamada/);
    await waitFor(async () => JSON.stringify(shownRooms()) === JSON.stringify(await roomsOf(ME)), 'Taro’s rooms again');
  });
});
