// Hardening: files named by someone else. Each hostile name (../, absolute paths, NUL and control
// characters, Windows device names, 300-character and multi-byte names, RTL overrides…) is
// uploaded into the emulator and downloaded through chatwork.downloadFile with the save dialog
// accepting the name the extension proposes: the file lands under a sanitized name directly in
// the folder, with the served bytes, and nothing is written anywhere else. An expired download URL
// is asked for again exactly once.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { sanitizeFileName } from '../../src/common/fileNames';
import type { ChatworkExtensionApi } from '../../src/extension';
import { HOSTILE_FILE_NAMES } from '../fixtures/hostileFileNames';
import { emulator, pollFresh, signIn } from './helpers/extension';
import { ScriptedPrompts } from './helpers/scriptedPrompts';

const ME = 1001;
const ROOM_NAME = 'Hardening files';

/**
 * Accepts the proposed save location as it is (the user presses Enter in the dialog) — but only
 * when it is directly inside the expected folder: a bad proposal is recorded and cancelled, so a
 * broken sanitizer can never make this test write outside the folder (the host runs as root here).
 */
class AcceptDefaultSave extends ScriptedPrompts {
  readonly proposed: vscode.Uri[] = [];
  readonly refused: string[] = [];

  constructor(private readonly _folder: string) {
    super();
  }

  override async saveTo(defaultUri: vscode.Uri): Promise<vscode.Uri | undefined> {
    this.proposed.push(defaultUri);
    const inside = defaultUri.scheme === 'file' && path.dirname(path.resolve(defaultUri.fsPath)) === this._folder;
    if (inside) return defaultUri;
    this.refused.push(defaultUri.toString());
    return undefined;
  }
}

/** Bytes that differ per case, binary included. */
function bytesFor(index: number): Buffer {
  const text = Buffer.from(`hostile #${index} — ファイル\n`, 'utf8');
  return Buffer.concat([text, Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 13 + index) & 0xff))]);
}

/** Every path below `dir`, relative, sorted (symlinks not followed). */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      out.push(path.relative(dir, full));
      if (entry.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out.sort();
}

describe('hardening: hostile file names', () => {
  let api: ChatworkExtensionApi;
  let prompts: AcceptDefaultSave;
  let folder: string;
  let roomId: number;
  const fileIds: number[] = [];
  let workspaceBefore: string[];
  let parentBefore: string[];
  let passwdBefore: Buffer | undefined;

  before(async () => {
    api = await signIn();
    await emulator().clearFaults();
    const ws = vscode.workspace.workspaceFolders?.[0];
    assert.ok(ws, 'the integration workspace has a folder');
    folder = path.resolve(ws.uri.fsPath);
    roomId = (await api.deps.client.createRoom({ name: ROOM_NAME, members_admin_ids: [ME] })).room_id;
    for (const [i, { name }] of HOSTILE_FILE_NAMES.entries()) {
      fileIds.push(await emulator().seedFile({ roomId, account: 'me', filename: name, data: bytesFor(i) }));
    }
    await pollFresh(api);
    workspaceBefore = tree(folder);
    parentBefore = fs.readdirSync(path.dirname(folder)).sort();
    passwdBefore = fs.existsSync('/etc/passwd') ? fs.readFileSync('/etc/passwd') : undefined;
  });

  beforeEach(() => {
    prompts = new AcceptDefaultSave(folder);
    api.deps.prompts = prompts;
  });

  after(async () => {
    await api.deps.client.deleteRoom(roomId, 'delete').catch(() => undefined);
    await pollFresh(api);
  });

  HOSTILE_FILE_NAMES.forEach(({ why, name }, i) => {
    it(`${why}: saved under a sanitized name inside the folder, with the served bytes`, async () => {
      const fileId = fileIds[i] ?? 0;
      assert.strictEqual((await emulator().state()).files.find((f) => f.file_id === fileId)?.filename, name, 'seeded as named');
      await vscode.commands.executeCommand('chatwork.downloadFile', { roomId, fileId });

      assert.deepStrictEqual(prompts.refused, [], 'the proposed location is inside the folder');
      assert.strictEqual(prompts.proposed.length, 1);
      const saved = path.resolve((prompts.proposed[0] as vscode.Uri).fsPath);
      assert.strictEqual(path.dirname(saved), folder);
      assert.strictEqual(path.basename(saved), sanitizeFileName(name));
      try {
        assert.deepStrictEqual(fs.readFileSync(saved), bytesFor(i), 'the served bytes');
        assert.ok(!fs.existsSync(`${saved}.part`), 'no partial file left');
        assert.deepStrictEqual(tree(folder), [...workspaceBefore, path.basename(saved)].sort(), 'exactly one new file, nothing else in the workspace');
        const done = prompts.notifications.at(-1);
        assert.strictEqual(done?.severity, 'info', JSON.stringify(prompts.notifications));
        assert.deepStrictEqual(done?.actions, ['Open', 'Reveal']);
      } finally {
        fs.rmSync(saved, { force: true });
      }
    });
  });

  it('nothing was written outside the folder', () => {
    assert.deepStrictEqual(tree(folder), workspaceBefore, 'the workspace is as before');
    assert.deepStrictEqual(fs.readdirSync(path.dirname(folder)).sort(), parentBefore, 'nothing new next to the workspace');
    if (passwdBefore) assert.deepStrictEqual(fs.readFileSync('/etc/passwd'), passwdBefore, '/etc/passwd untouched');
    assert.ok(!fs.existsSync(path.join(path.dirname(folder), 'etc')), 'no etc/ beside the workspace');
  });

  it('an expired download URL is asked for again once (two GET …?create_download_url=1), then the file arrives', async () => {
    const index = HOSTILE_FILE_NAMES.findIndex((h) => h.why === 'Japanese');
    const fileId = fileIds[index] ?? 0;
    await emulator().resetRequests();
    await emulator().setDownloadTtl(0, 1); // the first URL is dead on arrival
    await vscode.commands.executeCommand('chatwork.downloadFile', { roomId, fileId });
    const saved = path.resolve((prompts.proposed[0] as vscode.Uri).fsPath);
    try {
      assert.deepStrictEqual(fs.readFileSync(saved), bytesFor(index));
      const urls = (await emulator().requests()).filter((r) => r.method === 'GET' && r.path === `/rooms/${roomId}/files/${fileId}` && r.query.create_download_url === '1');
      assert.strictEqual(urls.length, 2);
      assert.deepStrictEqual(prompts.notifications.map((n) => n.severity), ['info'], 'no error on the way');
    } finally {
      fs.rmSync(saved, { force: true });
    }
  });

  it('a URL that is dead twice fails with the reason, once, and leaves nothing behind', async () => {
    const index = HOSTILE_FILE_NAMES.findIndex((h) => h.why === 'emoji');
    const fileId = fileIds[index] ?? 0;
    await emulator().resetRequests();
    await emulator().setDownloadTtl(0, 2);
    await vscode.commands.executeCommand('chatwork.downloadFile', { roomId, fileId });
    const saved = path.resolve((prompts.proposed[0] as vscode.Uri).fsPath);
    assert.ok(!fs.existsSync(saved) && !fs.existsSync(`${saved}.part`));
    const urls = (await emulator().requests()).filter((r) => r.path === `/rooms/${roomId}/files/${fileId}` && r.query.create_download_url === '1');
    assert.strictEqual(urls.length, 2, 'never a third');
    const error = prompts.notifications.at(-1);
    assert.strictEqual(error?.severity, 'error');
    assert.match(error?.message ?? '', /^Downloading “.+” failed: The file could not be downloaded \(410, download from 127\.0\.0\.1:\d+\)\./);
    assert.deepStrictEqual(error?.actions, ['Show Log']);
  });
});
