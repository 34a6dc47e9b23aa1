// Attachments from the room panel, in the real extension host against the emulator: the panel's
// `upload` request goes through the same handler as one from the webview — the confirmation names
// file, size and room; the exact bytes arrive with the composer's text as the message; Cancel at the
// confirmation uploads nothing; a failed upload keeps the text (the room's draft) and the file for Retry.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ChatworkExtensionApi } from '../../src/extension';
import type { RoomPanel } from '../../src/panels/roomPanel';
import { emulator, scriptPrompts, signIn, waitFor } from './helpers/extension';
import type { ScriptedPrompts } from './helpers/scriptedPrompts';

/** Phoenix 開発チーム. */
const PHOENIX = 10010;
const DIR = 'chatwork-it-uploads';

async function writeFile(name: string, content: Uint8Array): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration workspace has a folder');
  const uri = vscode.Uri.joinPath(folder.uri, DIR, name);
  await vscode.workspace.fs.writeFile(uri, content);
  return uri;
}

const filesPosted = async (): Promise<number> => (await emulator().requests()).filter((r) => r.method === 'POST' && r.path === `/rooms/${PHOENIX}/files`).length;

describe('room panel: attachments from the composer', () => {
  let api: ChatworkExtensionApi;
  let prompts: ScriptedPrompts;
  let panel: RoomPanel;

  before(async () => {
    api = await signIn();
    await vscode.commands.executeCommand('chatwork.openRoom', PHOENIX);
    panel = await waitFor(() => api.panels.get(PHOENIX) as RoomPanel | undefined, 'the panel');
    // Progress goes to a webview that has its snapshot (before that, deltas wait in the host).
    await waitFor(() => panel.lastRendered, 'the panel rendered');
  });

  beforeEach(async () => {
    prompts = await scriptPrompts();
    await emulator().resetRequests();
  });

  afterEach(() => prompts.assertAllAnswered());

  after(async () => {
    panel?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a picked file: confirmed with name, size and room, the exact bytes arrive with the composer text', async () => {
    const bytes = new Uint8Array(3000).map((_, i) => (i * 7) % 256);
    const uri = await writeFile('build-ログ.bin', bytes);
    prompts.answer({ kind: 'open', uri }, { kind: 'confirm', action: 'Upload' });

    const reply = await panel.receive({ type: 'upload', source: { kind: 'pick' }, message: 'IT: the build log' });

    assert.strictEqual(reply?.type, 'uploaded');
    assert.ok(prompts.questions.includes('Upload “build-ログ.bin” (2.9 KB) to “Phoenix 開発チーム”?'), prompts.questions.join(' | '));
    const state = await emulator().state();
    const file = state.files.find((f) => reply?.type === 'uploaded' && f.file_id === reply.fileId);
    assert.strictEqual(file?.filename, 'build-ログ.bin');
    assert.strictEqual(file?.room_id, PHOENIX);
    assert.deepStrictEqual(Buffer.from(file?.content_base64 ?? '', 'base64'), Buffer.from(bytes));
    assert.match(state.messages.find((m) => m.message_id === file?.message_id)?.body ?? '', /^IT: the build log\n/);
    assert.strictEqual(api.panels.drafts.get(PHOENIX), '', 'the text went out with the file');
    assert.ok(panel.posted.some((m) => m.type === 'uploadProgress' && m.name === 'build-ログ.bin' && m.size === 3000), 'the panel showed the upload');
  });

  it('Cancel at the confirmation uploads nothing', async () => {
    prompts.answer({ kind: 'confirm', action: undefined });
    const data = new Uint8Array(Buffer.from('pasted pixels'));
    const reply = await panel.receive({ type: 'upload', source: { kind: 'data', name: 'image-20261202-0215.png', data }, message: 'IT: not sent' });
    assert.deepStrictEqual(reply, { type: 'done', cancelled: true });
    assert.match(prompts.questions.at(-1) ?? '', /^Upload “image-20261202-0215\.png” \(13 B\) to “Phoenix 開発チーム”\?$/);
    assert.strictEqual(await filesPosted(), 0);
  });

  it('a failed upload keeps the text and the file; Retry with them uploads once', async () => {
    const uri = await writeFile('retry.txt', new Uint8Array(Buffer.from('second time lucky')));
    await emulator().injectFault({ method: 'POST', path: `/rooms/${PHOENIX}/files`, kind: 'status', status: 503, times: 1 });
    prompts.answer({ kind: 'open', uri }, { kind: 'confirm', action: 'Upload' });

    const failed = await panel.receive({ type: 'upload', source: { kind: 'pick' }, message: 'IT: retried' });

    assert.strictEqual(failed?.type, 'uploadFailed');
    assert.match(failed?.type === 'uploadFailed' ? failed.error : '', /server error/);
    assert.strictEqual(failed?.type === 'uploadFailed' ? failed.retryUri : undefined, uri.toString(), 'the file to retry with');
    assert.strictEqual(api.panels.drafts.get(PHOENIX), 'IT: retried', 'the text is kept');

    prompts.answer({ kind: 'confirm', action: 'Upload' });
    const retried = await panel.receive({ type: 'upload', source: { kind: 'uri', uri: uri.toString() }, message: 'IT: retried' });
    assert.strictEqual(retried?.type, 'uploaded');
    const file = (await emulator().state()).files.find((f) => retried?.type === 'uploaded' && f.file_id === retried.fileId);
    assert.deepStrictEqual(Buffer.from(file?.content_base64 ?? '', 'base64').toString(), 'second time lucky');
    assert.strictEqual(await filesPosted(), 2, 'the failed POST and the one Retry');
  });
});
