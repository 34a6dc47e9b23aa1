// The local archive in the real extension host: what a room receives is kept under
// globalStorageUri/history/<account>/, a reload (a new archive and store state reading the same
// folder) opens the room from it even when Chatwork does not answer, search finds archived
// messages and opens the room at the hit, Show Thread follows replies, and Clear Local History
// removes the files.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ChatworkExtensionApi } from '../../src/extension';
import type { SnapshotMessage } from '../../src/panels/protocol';
import type { RoomPanel } from '../../src/panels/roomPanel';
import { SEED_ROOMS } from '../emulator';
import { emulator, emulatorToken, scriptPrompts, signIn, waitFor } from './helpers/extension';
import type { ScriptedPrompts } from './helpers/scriptedPrompts';

const ME = 1001;
/** 雑談 Random: 130 messages, so Chatwork returns #31…#130 and older ones are not available. */
const RANDOM = 10013;
const DESIGN = SEED_ROOMS.design;

function roomFile(api: ChatworkExtensionApi, roomId: number): string {
  return path.join(api.context.globalStorageUri.fsPath, 'history', String(ME), 'rooms', `${roomId}.jsonl`);
}

function snapshotOf(panel: RoomPanel): SnapshotMessage | undefined {
  return [...panel.posted].reverse().find((m): m is SnapshotMessage => m.type === 'snapshot');
}

async function openRoom(api: ChatworkExtensionApi, roomId: number, messageId?: string): Promise<RoomPanel> {
  await vscode.commands.executeCommand('chatwork.openRoom', messageId === undefined ? roomId : { roomId, messageId });
  const panel = api.panels.get(roomId);
  assert.ok(panel, `a panel for room ${roomId}`);
  return panel;
}

/** As after a window reload: no panels, the archive closed, the store's memory gone. */
async function simulateReload(api: ChatworkExtensionApi): Promise<void> {
  for (const roomId of api.panels.openRooms) api.panels.get(roomId)?.dispose();
  await api.history.close();
  api.deps.store.clear();
  await api.deps.store.refreshRooms();
}

describe('local history', function () {
  this.timeout(60_000);
  let api: ChatworkExtensionApi;
  let prompts: ScriptedPrompts;

  before(async () => {
    api = await signIn();
    await vscode.workspace.getConfiguration('chatwork').update('history.keep', true, vscode.ConfigurationTarget.Global);
  });

  beforeEach(async () => {
    prompts = await scriptPrompts();
    await emulator().clearFaults();
  });

  after(async () => {
    // The suites after this one expect rooms they open to be read from Chatwork, not from memory.
    for (const roomId of api.panels.openRooms) api.panels.get(roomId)?.dispose();
    api.deps.store.clear();
    await api.deps.store.refreshRooms();
  });

  afterEach(async () => {
    prompts.assertAllAnswered();
    await emulator().clearFaults();
    for (const roomId of api.panels.openRooms) api.panels.get(roomId)?.dispose();
  });

  it('keeps what a room received on disk, per account, without the token', async () => {
    const panel = await openRoom(api, RANDOM);
    await waitFor(() => panel.lastRendered && panel.lastRendered.messageCount >= 100, 'the room rendered', 30_000);
    await api.history.archive?.flush();
    const file = roomFile(api, RANDOM);
    const text: string = await waitFor(() => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined), 'the archive file');
    // Every message the room shows is on disk, once each (earlier suites may have added to the
    // room, so the archive can hold more than Chatwork's latest 100).
    const held = (await api.deps.store.messages(RANDOM)).map((m) => m.message_id);
    const archived = new Set(text.trim().split('\n').filter((l) => l.includes('"t":"m"')).map((l) => (JSON.parse(l) as { id: string }).id));
    assert.ok(held.length >= 100, `${held.length} messages held`);
    assert.deepStrictEqual([...archived].sort(), [...held].sort());
    assert.ok(!text.includes(emulatorToken()), 'the token is never written');
  });

  it('after a reload, the room opens from the archive even when Chatwork does not answer, with the honest marker', async () => {
    const panel = await openRoom(api, RANDOM);
    await waitFor(() => panel.lastRendered && panel.lastRendered.messageCount >= 100, 'the room rendered', 30_000);
    await api.history.archive?.flush();
    await simulateReload(api);
    await emulator().injectFault({ method: 'GET', path: `/rooms/${RANDOM}/messages`, kind: 'status', status: 503, times: 100 });
    const held = (await (await api.history.current())?.room(RANDOM))?.size ?? 0;
    assert.ok(held >= 100, `${held} messages archived`);
    const reopened = await openRoom(api, RANDOM);
    const snapshot = await waitFor(() => snapshotOf(reopened), 'a snapshot from the archive', 30_000);
    assert.strictEqual(snapshot.messages.length, held);
    assert.deepStrictEqual(snapshot.history, { complete: false, gaps: [] }, 'older messages are not available: the marker shows');
    await waitFor(() => reopened.lastRendered && reopened.lastRendered.messageCount === held, 'the webview rendered the archived messages', 30_000);
  });

  it('Search Messages finds an archived message across rooms and opens the room at it', async () => {
    const panel = await openRoom(api, DESIGN);
    await waitFor(() => panel.lastRendered && panel.lastRendered.messageCount > 0, 'the room rendered', 30_000);
    panel.dispose();
    prompts.answer({ kind: 'pick', choose: (item) => (item.label ?? '').includes('ダークモード') });
    await vscode.commands.executeCommand('chatwork.searchMessages', 'だーくもーど from:bob');
    const hits = prompts.lastItems;
    assert.strictEqual(hits.length, 1, JSON.stringify(hits));
    assert.match(hits[0]?.description ?? '', /Bob/);
    const reopened = api.panels.get(DESIGN);
    assert.ok(reopened, 'Enter opened the room');
    const snapshot = await waitFor(() => snapshotOf(reopened), 'the snapshot');
    const target = snapshot.messages.find((m) => m.body.includes('ダークモード'));
    assert.ok(target);
    assert.ok(snapshot.revealMessageId === target.id || reopened.posted.some((m) => m.type === 'revealMessage' && m.messageId === target.id), 'scrolled to the hit');
  });

  it('Show Thread shows the message a reply answers and the reply, in order', async () => {
    const messages = await api.deps.store.messages(DESIGN);
    const reply = messages.find((m) => m.body.startsWith('[rp '));
    assert.ok(reply);
    await vscode.commands.executeCommand('chatwork.showThread', { roomId: DESIGN, messageId: reply.message_id });
    const doc: vscode.TextDocument = await waitFor(() => {
      const editor = vscode.window.activeTextEditor;
      return editor?.document.uri.scheme === 'chatwork-thread' ? editor.document : undefined;
    }, 'the thread document');
    // The conversation below the title, one section per message.
    const text = doc.getText().slice(doc.getText().indexOf('\n## '));
    const question = text.indexOf('どちらの案が良いか');
    const answer = text.indexOf('2案目が好きです');
    assert.ok(question >= 0 && answer > question, text);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('Clear Local History removes a room after confirmation', async () => {
    await api.history.archive?.flush();
    assert.ok(fs.existsSync(roomFile(api, DESIGN)));
    prompts.answer({ kind: 'confirm', action: 'Clear' });
    await vscode.commands.executeCommand('chatwork.clearLocalHistory', { roomId: DESIGN });
    assert.ok(!fs.existsSync(roomFile(api, DESIGN)));
    assert.ok(prompts.notifications.some((n) => n.message === 'Local history cleared.'));
  });
});
