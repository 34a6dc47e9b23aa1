// The room panel in the real extension host, with its real webview running in code-server's
// workbench: opened through chatwork.openRoom, fed by the store, sending through the same path as
// the composer (RoomPanel.receive = what the webview posts), restored by the serializer.
// Panels come from the bundled extension, so they are reached through the extension's API.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ChatworkExtensionApi } from '../../src/extension';
import type { SnapshotMessage, ToWebviewMessage } from '../../src/panels/protocol';
import type { RoomPanel } from '../../src/panels/roomPanel';
import { RoomPanelSerializer } from '../../src/panels/roomPanelSerializer';
import { emulator, emulatorOrigin, EXTENSION_ID, pollFresh, scriptPrompts, signIn, waitFor } from './helpers/extension';
import type { ScriptedPrompts } from './helpers/scriptedPrompts';

const ME = 1001;
const ALICE = 1002;
/** 雑談 Random: a group where I am a member, 130 messages. */
const RANDOM = 10013;
/** The direct chat with Chen. */
const CHEN_DIRECT = 10004;

/** Waits for the panel's webview to report a render matching `test`. */
function rendered(panel: RoomPanel, what: string, test: (r: NonNullable<RoomPanel['lastRendered']>) => boolean, timeoutMs = 30_000) {
  return waitFor(() => (panel.lastRendered && test(panel.lastRendered) ? panel.lastRendered : undefined), what, timeoutMs);
}

function lastPosted<T extends ToWebviewMessage['type']>(panel: RoomPanel, type: T): Extract<ToWebviewMessage, { type: T }> | undefined {
  return [...panel.posted].reverse().find((m) => m.type === type) as Extract<ToWebviewMessage, { type: T }> | undefined;
}

async function openPanel(api: ChatworkExtensionApi, roomId: number): Promise<RoomPanel> {
  await vscode.commands.executeCommand('chatwork.openRoom', roomId);
  const panel = api.panels.get(roomId);
  assert.ok(panel, `a panel for room ${roomId}`);
  return panel;
}

async function closePanels(api: ChatworkExtensionApi): Promise<void> {
  for (const roomId of api.panels.openRooms) api.panels.get(roomId)?.dispose();
}

describe('room panel', () => {
  let api: ChatworkExtensionApi;
  let prompts: ScriptedPrompts;

  before(async () => {
    api = await signIn();
  });

  beforeEach(async () => {
    prompts = await scriptPrompts();
    await emulator().clearFaults();
  });

  afterEach(async () => {
    prompts.assertAllAnswered();
    await emulator().clearFaults();
  });

  after(async () => {
    await closePanels(api);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('chatwork.openRoom opens a panel whose webview renders the latest messages', async () => {
    await emulator().resetRequests();
    const panel = await openPanel(api, RANDOM);
    const report = await rendered(panel, 'the snapshot rendered by the webview', (r) => r.messageCount > 0);
    const snapshot = lastPosted(panel, 'snapshot') as SnapshotMessage;
    // Chatwork's latest 100 (force=1), plus what the local history kept of the room before them.
    const newest = (await emulator().state()).messages.filter((m) => m.room_id === RANDOM).at(-1);
    assert.ok(snapshot.messages.length >= 100, `${snapshot.messages.length} messages in the snapshot`);
    assert.strictEqual(report.messageCount, snapshot.messages.length);
    assert.strictEqual(report.newestId, newest?.message_id);
    assert.strictEqual(snapshot.messages.at(-1)?.id, newest?.message_id);
    assert.ok(report.mountedCount > 0 && report.mountedCount <= snapshot.messages.length);
    assert.strictEqual(snapshot.me.accountId, ME);
    // Opened from the local archive, the snapshot does not wait for the members: they follow.
    const members = await waitFor(
      () => (snapshot.members.length > 0 ? snapshot.members : lastPosted(panel, 'membersChanged')?.members),
      'the members (in the snapshot or right after it)',
    );
    assert.ok(members.some((m) => m.accountId === ALICE));
    assert.strictEqual(snapshot.canPost, true);
    assert.strictEqual(panel.panel.title, '雑談 Random');
    const requests = await emulator().requests();
    assert.ok(requests.some((r) => r.method === 'GET' && r.path === `/rooms/${RANDOM}/messages` && r.query.force === '1'), 'GET messages force=1');
    assert.ok(api.deps.poller.watchedRooms.includes(RANDOM), 'the poller watches the open room');
    assert.strictEqual(api.deps.activity.active, true, 'an open panel holds the activity');
    // Opening the same room again reveals the same panel.
    await vscode.commands.executeCommand('chatwork.openRoom', { roomId: RANDOM });
    assert.strictEqual(api.panels.get(RANDOM), panel);
  });

  it('answers olderMessages with the held messages before an id, oldest first (the rest of a long snapshot)', async () => {
    const panel = api.panels.get(RANDOM) as RoomPanel;
    const snapshot = lastPosted(panel, 'snapshot') as SnapshotMessage;
    const held = (await api.deps.store.messages(RANDOM)).map((m) => m.message_id);
    assert.ok(held.length <= 200 ? snapshot.olderCount === undefined : snapshot.olderCount === held.length - snapshot.messages.length, `${held.length} held, olderCount ${snapshot.olderCount}`);
    const beforeId = held[held.length - 30] as string;
    const reply = await panel.receive({ type: 'olderMessages', beforeId });
    assert.strictEqual(reply?.type, 'olderMessages');
    assert.deepStrictEqual(reply.messages.map((m) => m.id), held.slice(0, held.length - 30));
  });

  it('serves a strict CSP with a nonce and the emulator as an image origin', () => {
    const html = api.panels.get(RANDOM)?.panel.webview.html ?? '';
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, 'a nonce');
    assert.match(csp, /^default-src 'none'; /);
    const panel = api.panels.get(RANDOM) as RoomPanel;
    const source = panel.panel.webview.cspSource;
    assert.ok(csp.includes(`style-src ${source};`) && csp.includes(`font-src ${source};`));
    assert.ok(csp.endsWith(`img-src ${source} https://appdata.chatwork.com https://assets.chatwork.com ${emulatorOrigin()}`), csp);
    assert.ok(!/unsafe-inline|unsafe-eval/.test(csp));
    // An ES module: the chunks it imports (statically or with import()) inherit its nonce, so the
    // policy names no script origin at all.
    assert.ok(html.includes(`<script type="module" nonce="${nonce}" src=`));
    assert.ok(csp.includes(`script-src 'nonce-${nonce}';`), csp);
    assert.strictEqual((html.match(/<script/g) ?? []).length, 1, 'one script, no inline code');
  });

  it('sending from the composer path posts the exact body, and the message comes back as a delta', async () => {
    const panel = api.panels.get(RANDOM) as RoomPanel;
    await emulator().resetRequests();
    const body = 'パネルから送信 [To:1002]Alice Tanakaさん\n2 行目 :) https://example.com/?a=1&b=2';
    await panel.receive({ type: 'draftChanged', text: body });
    const reply = await panel.receive({ type: 'send', body });
    assert.strictEqual(reply?.type, 'sent');
    const messageId = (reply as { messageId: string }).messageId;
    const stored = (await emulator().state()).messages.find((m) => m.message_id === messageId);
    assert.strictEqual(stored?.body, body);
    assert.strictEqual(stored?.account_id, ME);
    assert.strictEqual(stored?.room_id, RANDOM);
    const posts = (await emulator().requests()).filter((r) => r.method === 'POST' && r.path === `/rooms/${RANDOM}/messages`);
    assert.strictEqual(posts.length, 1);
    assert.strictEqual(posts[0]?.form?.body, body);
    const added = lastPosted(panel, 'messagesAdded');
    assert.ok(added?.messages.some((m) => m.id === messageId && m.body === body), 'the webview got the new message');
    await rendered(panel, 'the sent message rendered', (r) => r.newestId === messageId);
    assert.strictEqual(api.deps.store.hasMessages(RANDOM), true);
  });

  it('a message posted by someone else appears after the poller runs', async () => {
    const panel = api.panels.get(RANDOM) as RoomPanel;
    // last_update_time has one-second resolution: make sure the room visibly changes.
    await new Promise((r) => setTimeout(r, 1100));
    const m = await emulator().postAs('alice', RANDOM, '[rp aid=1001 to=10013-1]Taroさん 了解です (bow)');
    await waitFor(async () => {
      await pollFresh(api);
      return panel.lastRendered?.newestId === m.message_id;
    }, 'the new message rendered in the panel', 20_000);
    const added = lastPosted(panel, 'messagesAdded');
    assert.strictEqual(added?.messages.at(-1)?.accountId, ALICE);
  });

  it('marks the room read only when the newest message was viewed in the active panel', async () => {
    const panel = api.panels.get(RANDOM) as RoomPanel;
    const readsOf = async (messageId: string) =>
      (await emulator().requests()).filter((r) => r.method === 'PUT' && r.path === `/rooms/${RANDOM}/messages/read` && r.form?.message_id === messageId).length;
    panel.panel.reveal(vscode.ViewColumn.One);
    await waitFor(() => panel.panel.active, 'the panel is active');
    // Someone writes: the room becomes unread.
    await emulator().resetRequests();
    await new Promise((r) => setTimeout(r, 1100));
    const m = await emulator().postAs('bob', RANDOM, '読みましたか？');
    await waitFor(async () => {
      await pollFresh(api);
      return panel.lastRendered?.newestId === m.message_id;
    }, 'the new message rendered', 20_000);

    // Not the active editor: no PUT read. (The real webview may already have reported it while
    // it was focused; then the room is read and nothing more may be sent.)
    const manifest = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri ?? vscode.Uri.file('/'), 'package.json');
    const doc = await vscode.workspace.openTextDocument(manifest);
    await vscode.window.showTextDocument(doc, { viewColumn: panel.panel.viewColumn, preview: false });
    await waitFor(() => !panel.panel.active, 'the panel is in the background');
    const before = await readsOf(m.message_id);
    await panel.receive({ type: 'viewed', messageId: m.message_id });
    assert.strictEqual(await readsOf(m.message_id), before, 'no PUT while the panel is not active');

    // Active again: the newest message is marked read, exactly once in all.
    panel.panel.reveal();
    await waitFor(() => panel.panel.active, 'the panel is active again');
    await panel.receive({ type: 'viewed', messageId: m.message_id });
    await panel.receive({ type: 'viewed', messageId: m.message_id });
    // The webview reports `viewed` itself when the panel is focused again: the PUT may be its, still
    // on its way while the test's reports found the read already in progress.
    await waitFor(async () => (await readsOf(m.message_id)) > 0, 'the PUT messages/read');
    await waitFor(async () => (await emulator().requests()).every((r) => r.status !== 0), 'no request in flight');
    assert.strictEqual(await readsOf(m.message_id), 1, 'one PUT messages/read');
    const unread = (await api.deps.client.getRooms()).find((r) => r.room_id === RANDOM)?.unread_num;
    assert.strictEqual(unread, 0);
  });

  it('edits and deletes my own message from the panel', async () => {
    const panel = api.panels.get(RANDOM) as RoomPanel;
    const sent = await panel.receive({ type: 'send', body: 'typo hre' });
    const messageId = (sent as { messageId: string }).messageId;
    const edited = await panel.receive({ type: 'edit', messageId, body: 'typo here' });
    assert.strictEqual(edited?.type, 'done');
    let stored = (await emulator().state()).messages.find((m) => m.message_id === messageId);
    assert.strictEqual(stored?.body, 'typo here');
    assert.ok(lastPosted(panel, 'messagesUpdated')?.messages.some((m) => m.id === messageId && m.body === 'typo here' && m.updateTime > 0));

    prompts.answer({ kind: 'confirm', action: undefined });
    assert.deepStrictEqual(await panel.receive({ type: 'delete', messageId }), { type: 'done', cancelled: true });
    prompts.answer({ kind: 'confirm', action: 'Delete' });
    assert.deepStrictEqual(await panel.receive({ type: 'delete', messageId }), { type: 'done' });
    stored = (await emulator().state()).messages.find((m) => m.message_id === messageId);
    assert.strictEqual(stored?.deleted, true);
    assert.ok(lastPosted(panel, 'messagesUpdated')?.messages.some((m) => m.id === messageId && m.body === '[deleted]'));
  });

  it('a failed send keeps the draft and answers the server error; nothing is sent twice', async () => {
    const panel = api.panels.get(RANDOM) as RoomPanel;
    await emulator().injectFault({ method: 'POST', path: '/rooms/{room_id}/messages', kind: 'status', status: 500, times: 1 });
    await emulator().resetRequests();
    const body = '失敗するはずの送信';
    await panel.receive({ type: 'draftChanged', text: body });
    const reply = await panel.receive({ type: 'send', body });
    assert.strictEqual(reply?.type, 'failed');
    assert.match((reply as { error: string }).error, /500/);
    await new Promise((r) => setTimeout(r, 500));
    const posts = (await emulator().requests()).filter((r) => r.method === 'POST' && r.path === `/rooms/${RANDOM}/messages`);
    assert.strictEqual(posts.length, 1, 'one attempt only');
    assert.ok(!(await emulator().state()).messages.some((m) => m.body === body));

    // The draft survives closing and reopening the panel.
    panel.dispose();
    assert.strictEqual(api.panels.get(RANDOM), undefined);
    const reopened = await openPanel(api, RANDOM);
    await rendered(reopened, 'the reopened panel rendered', (r) => r.messageCount > 0);
    assert.strictEqual(lastPosted(reopened, 'snapshot')?.draft, body);
    await reopened.receive({ type: 'draftChanged', text: '' });
  });

  it('the serializer restores a panel after a reload from the webview state', async () => {
    await closePanels(api);
    const fresh = vscode.window.createWebviewPanel('chatwork.room', 'restoring…', vscode.ViewColumn.One, {});
    await new RoomPanelSerializer(api.panels).deserializeWebviewPanel(fresh, { roomId: CHEN_DIRECT, draft: 'restored draft' });
    const restored = api.panels.get(CHEN_DIRECT);
    assert.ok(restored, 'the room panel adopted the restored webview panel');
    assert.strictEqual(restored.panel, fresh);
    const report = await rendered(restored, 'the restored panel rendered', (r) => r.messageCount > 0);
    assert.ok(report.messageCount > 0);
    assert.strictEqual(fresh.title, 'Chen Wei');
    assert.strictEqual(fresh.webview.options.enableScripts, true);

    // A state without a room id cannot be restored: the panel is closed, nothing else happens.
    const broken = vscode.window.createWebviewPanel('chatwork.room', 'broken', vscode.ViewColumn.One, {});
    await new Promise((r) => setTimeout(r, 300)); // as on a real restore, the editor is open first
    let disposed = false;
    broken.onDidDispose(() => (disposed = true));
    await new RoomPanelSerializer(api.panels).deserializeWebviewPanel(broken, undefined);
    assert.strictEqual(disposed, true);
  });

  it('links: only http(s) leave VS Code; Chatwork room links open the room panel', async () => {
    const panel = api.panels.get(CHEN_DIRECT) as RoomPanel;
    await panel.receive({ type: 'openLink', url: 'javascript:alert(1)' });
    await panel.receive({ type: 'openLink', url: 'command:workbench.action.quit' });
    await panel.receive({ type: 'openLink', url: 'https://www.chatwork.com/#!rid10013' });
    const random = api.panels.get(RANDOM);
    assert.ok(random, 'the room link opened the room panel');
    await rendered(random, 'the linked room rendered', (r) => r.messageCount > 0);
  });

  it('Open Room from the palette asks for the room; Open Room Link scrolls to a message', async () => {
    await closePanels(api);
    prompts.answer({ kind: 'pick', choose: 'デザインレビュー' });
    await vscode.commands.executeCommand('chatwork.openRoom');
    assert.ok(api.panels.get(10011), 'the picked room is open');

    const messages = (await emulator().state()).messages.filter((m) => m.room_id === RANDOM && !m.deleted);
    const target = messages[messages.length - 20];
    assert.ok(target);
    await vscode.commands.executeCommand('chatwork.openRoomLink', `https://www.chatwork.com/#!rid${RANDOM}-${target.message_id}`);
    const panel = api.panels.get(RANDOM) as RoomPanel;
    await rendered(panel, 'the linked room rendered', (r) => r.messageCount > 0);
    assert.strictEqual(lastPosted(panel, 'snapshot')?.revealMessageId, target.message_id);

    prompts.answer({ kind: 'input', value: 'https://example.com/not-chatwork' });
    await vscode.commands.executeCommand('chatwork.openRoomLink');
    assert.deepStrictEqual(prompts.validationMessages.slice(-1), ['Not a Chatwork room link (https://www.chatwork.com/#!rid…).']);
  });
});
