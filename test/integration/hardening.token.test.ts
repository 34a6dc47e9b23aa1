// Hardening: the API token never leaves SecretStorage. After a session that exercises commands,
// the room panel, failures (401, 404, network, timeout), the token being typed again, and a log
// line that contains the token on purpose, the token is found in none of: the chatwork.* settings
// and the profile's settings.json files, globalState, the extension's log files, anything shown to
// the user (notifications, input validation, tree items, the view message), the room panel's HTML
// and the messages posted to it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ChatworkExtensionApi } from '../../src/extension';
import type { RoomPanel } from '../../src/panels/roomPanel';
import type { TreeNode } from '../../src/tree/nodes/treeNode';
import { emulator, emulatorToken, pollFresh, signIn, waitFor } from './helpers/extension';
import { ScriptedPrompts } from './helpers/scriptedPrompts';

const ME = 1001;
const ALICE = 1002;

/** Every file below `dir` (none when it does not exist). */
function filesBelow(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesBelow(full) : e.isFile() ? [full] : [];
  });
}

function assertNoToken(what: string, text: string, token: string): void {
  assert.ok(!text.includes(token), `the token appears in ${what}`);
}

/** Labels, descriptions and tooltips of the tree's items, a level deep (error nodes included). */
async function treeTexts(api: ChatworkExtensionApi): Promise<string> {
  const roots = await api.tree.provider.getChildren();
  const texts: unknown[] = [];
  const add = (n: TreeNode): void => {
    const tooltip = n.tooltip instanceof vscode.MarkdownString ? n.tooltip.value : n.tooltip;
    texts.push(n.label, n.description, tooltip, n.id, n.contextValue);
  };
  for (const root of roots) add(root);
  return JSON.stringify(texts);
}

describe('hardening: the token stays secret', function () {
  this.timeout(60_000);
  let api: ChatworkExtensionApi;
  let token: string;
  let roomId: number;
  let panel: RoomPanel;
  /** Every prompts object used here: what the user saw is checked at the end. */
  const shown: ScriptedPrompts[] = [];
  const replies: unknown[] = [];

  function prompts(): ScriptedPrompts {
    const p = new ScriptedPrompts();
    shown.push(p);
    api.deps.prompts = p;
    return p;
  }

  before(async () => {
    api = await signIn();
    token = emulatorToken();
    await emulator().clearFaults();
    await vscode.workspace.getConfiguration('chatwork').update('requestTimeoutSeconds', 1, vscode.ConfigurationTarget.Global);
    roomId = (await api.deps.client.createRoom({ name: 'Hardening token', members_admin_ids: [ME], members_member_ids: [ALICE] })).room_id;
    await pollFresh(api);
  });

  after(async () => {
    await emulator().clearFaults();
    if (api.deps.tokens.get() !== token || api.deps.tokens.state !== 'set') await api.deps.tokens.set(token);
    panel?.dispose();
    await api.deps.client.deleteRoom(roomId, 'delete').catch(() => undefined);
    await pollFresh(api);
    await vscode.workspace.getConfiguration('chatwork').update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
  });

  afterEach(() => emulator().clearFaults());

  it('a session: commands, the panel, 401, 404, network and timeout failures, the token typed again', async () => {
    // Working commands and the room panel.
    let p = prompts();
    await vscode.commands.executeCommand('chatwork.refresh');
    await vscode.commands.executeCommand('chatwork.openRoom', roomId);
    const opened = api.panels.get(roomId);
    assert.ok(opened);
    panel = opened;
    await waitFor(() => panel.posted.some((m) => m.type === 'snapshot'), 'the panel loaded', 20_000);
    await panel.receive({ type: 'draftChanged', text: 'a draft' });
    replies.push(await panel.receive({ type: 'send', body: 'hello from the token test' }));
    p.answer({ kind: 'input', value: 'Hardening task' }, { kind: 'pickMany', choose: ['Taro Yamada'] }, { kind: 'input', value: '' });
    await vscode.commands.executeCommand('chatwork.createTask', { roomId });
    p.assertAllAnswered();

    // 404 from Chatwork, a reset connection and a server that never answers.
    p = prompts();
    await emulator().injectFault({ method: 'PUT', path: `/rooms/${roomId}/messages/read`, kind: 'status', status: 404 });
    await vscode.commands.executeCommand('chatwork.markRoomRead', { roomId });
    await emulator().injectFault({ method: 'POST', path: `/rooms/${roomId}/tasks`, kind: 'reset' });
    p.answer({ kind: 'input', value: 'never' }, { kind: 'pickMany', choose: ['Taro Yamada'] }, { kind: 'input', value: '' });
    await vscode.commands.executeCommand('chatwork.createTask', { roomId });
    await emulator().injectFault({ method: 'POST', path: `/rooms/${roomId}/messages`, kind: 'hang' });
    replies.push(await panel.receive({ type: 'send', body: 'times out' }));
    await emulator().clearFaults();
    // A file that does not exist: Chatwork's own 404 (before any question).
    await vscode.commands.executeCommand('chatwork.downloadFile', { roomId, fileId: 999_999 });
    assert.ok(p.notifications.filter((n) => n.severity === 'error').length >= 3, JSON.stringify(p.notifications));

    // Polling fails without rooms: the error node and the view message carry the reason.
    await emulator().injectFault({ method: 'GET', path: '/rooms', kind: 'reset' });
    await pollFresh(api);
    const withMessage = api.tree.view.message ?? '';
    api.deps.store.clear();
    const errorTexts = await treeTexts(api);
    assert.match(errorTexts, /Could not reach Chatwork/);
    await emulator().clearFaults();
    assertNoToken('the view message', withMessage, token);
    assertNoToken('the tree', errorTexts, token);

    // A wrong token is refused, and the token revoked mid-session (401 with Chatwork's body).
    p = prompts();
    p.answer({ kind: 'input', value: `${token.slice(0, -4)}ffff` }, { kind: 'input', value: undefined });
    await vscode.commands.executeCommand('chatwork.setToken');
    await emulator().injectFault({ method: 'GET', path: `/rooms/${roomId}/members`, kind: 'status', status: 401 });
    api.deps.store.invalidate(roomId, 'members');
    await vscode.commands.executeCommand('chatwork.changeMembers', { roomId });
    assert.strictEqual(api.deps.tokens.state, 'rejected');
    await emulator().clearFaults();
    p.answer({ kind: 'input', value: token });
    await vscode.commands.executeCommand('chatwork.setToken');
    assert.strictEqual(api.deps.tokens.state, 'set');
    p.assertAllAnswered();

    // The same token is typed again while Chatwork cannot be reached, and the box is left: the
    // token in use must stay a secret of the log.
    p = prompts();
    await emulator().injectFault({ method: 'GET', path: '/me', kind: 'reset' });
    p.answer({ kind: 'input', value: token });
    await vscode.commands.executeCommand('chatwork.setToken');
    assert.match(p.validationMessages[0] ?? '', /^Could not check the token: Could not reach Chatwork/);
    assert.strictEqual(api.deps.tokens.get(), token, 'the stored token is unchanged');
    await emulator().clearFaults();

    // Someone (a future bug) logs the token: the log redacts it.
    api.deps.log.info(`deliberately logged: token=${token}`);
    api.deps.log.warn(`X-ChatWorkToken: ${token}`);
    api.deps.log.error('deliberately failed', new Error(`Bearer ${token}`));
    assert.strictEqual(api.deps.log.redact(`a${token}b${token}`), 'a***b***');
  });

  it('is in no chatwork.* setting and in no settings.json of the profile', () => {
    const section = vscode.workspace.getConfiguration('chatwork');
    const manifest = vscode.extensions.all.find((e) => e.packageJSON?.name === 'chatwork-vscode')?.packageJSON as {
      contributes: { configuration: { properties: Record<string, unknown> } };
    };
    const keys = Object.keys(manifest.contributes.configuration.properties).map((k) => k.slice('chatwork.'.length));
    assert.ok(keys.length >= 8);
    for (const key of keys) assertNoToken(`chatwork.${key}`, JSON.stringify(section.inspect(key) ?? null), token);
    assertNoToken('the chatwork section', JSON.stringify(section), token);

    // The profile's settings files: User/settings.json (two levels above globalStorage/<ext>),
    // any profile's, and the workspace's.
    const user = path.resolve(api.context.globalStorageUri.fsPath, '..', '..');
    const files = [
      path.join(user, 'settings.json'),
      ...filesBelow(path.join(user, 'profiles')).filter((f) => f.endsWith('settings.json')),
      ...(vscode.workspace.workspaceFolders ?? []).map((f) => path.join(f.uri.fsPath, '.vscode', 'settings.json')),
    ].filter((f) => fs.existsSync(f));
    assert.ok(files.some((f) => f === path.join(user, 'settings.json')), `User/settings.json reachable under ${user}`);
    for (const file of files) assertNoToken(file, fs.readFileSync(file, 'utf8'), token);
  });

  it('is in no globalState key or value', () => {
    const state = api.context.globalState;
    const keys = state.keys();
    assert.ok(keys.includes(`chatwork.draft.${roomId}`) || keys.length > 0, 'globalState is used (drafts, recent rooms, muted rooms)');
    for (const key of keys) {
      assertNoToken('a globalState key', key, token);
      assertNoToken(`globalState[${key}]`, JSON.stringify(state.get(key) ?? null), token);
    }
  });

  it('is in none of the extension’s log files, where the redacted lines are', async () => {
    const logDir = api.context.logUri.fsPath;
    // The log is written asynchronously: wait for the last deliberate line to reach the disk.
    const files = await waitFor(() => {
      const found = filesBelow(logDir);
      return found.some((f) => fs.readFileSync(f, 'utf8').includes('deliberately failed: Bearer ***')) ? found : undefined;
    }, `the deliberate lines in ${logDir}`);
    const all = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    assert.match(all, /deliberately logged: token=\*\*\*/);
    assert.match(all, /X-ChatWorkToken: \*\*\*/);
    assert.match(all, /failed/, 'the failures were logged');
    for (const file of files) assertNoToken(file, fs.readFileSync(file, 'utf8'), token);
    // The extension host's own logs beside ours (the window's exthost folder) hold it neither.
    for (const file of filesBelow(path.dirname(logDir)).filter((f) => f.endsWith('.log'))) assertNoToken(file, fs.readFileSync(file, 'utf8'), token);
  });

  it('is in nothing shown to the user', () => {
    const everything = shown.flatMap((p) => [...p.notifications.map((n) => `${n.message} ${n.actions.join(' ')}`), ...p.validationMessages, ...p.questions]);
    assert.ok(everything.some((t) => /failed: Chatwork rejected the API token/.test(t)), '401 shown');
    assert.ok(everything.some((t) => /failed: Chatwork could not find it/.test(t)), '404 shown');
    assert.ok(everything.some((t) => /failed: Could not reach Chatwork/.test(t)), 'network failure shown');
    for (const text of everything) assertNoToken(`"${text}"`, text, token);
  });

  it('is in neither the room panel’s HTML nor the messages posted to it', () => {
    const html = panel.panel.webview.html;
    assert.match(html, /Content-Security-Policy/);
    assertNoToken('the panel HTML', html, token);
    assert.ok(panel.posted.length > 0);
    assertNoToken('the messages posted to the panel', JSON.stringify(panel.posted), token);
    assert.match(JSON.stringify(replies), /"failed"/, 'a failed send replied');
    assertNoToken('the panel replies', JSON.stringify(replies), token);
  });
});
