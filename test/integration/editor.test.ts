// "From the editor" in the real extension host against the emulator: real documents in the
// workspace, real selections, the commands run with scripted answers, and the emulator's state
// (exact bodies, tasks, uploaded bytes) checked over its control API.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { toSingleLine } from '../../src/common/singleLine';
import type { InputOptions } from '../../src/common/prompts';
import type { ChatworkExtensionApi } from '../../src/extension';
import type { StateSnapshot } from '../emulator';
import { emulator, signIn, waitFor } from './helpers/extension';
import { ScriptedPrompts } from './helpers/scriptedPrompts';

const ME = 1001;
const BOB = 1003;
const PHOENIX = 10010;
const DESIGN = 10011;
const NEWS = 10012;
const RANDOM = 10013;
const MY_CHAT = 10001;
/** Everything these tests write goes under this folder of the workspace. */
const DIR = 'chatwork-it-editor';
const MAX_BODY = 65_535;

/** Also records what the commands prefill and propose (the scripted prompts only answer). */
class RecordingPrompts extends ScriptedPrompts {
  readonly inputValues: (string | undefined)[] = [];
  readonly saveDefaults: vscode.Uri[] = [];

  override input(options: InputOptions): Promise<string | undefined> {
    this.inputValues.push(options.value);
    return super.input(options);
  }

  override saveTo(defaultUri: vscode.Uri, title: string): Promise<vscode.Uri | undefined> {
    this.saveDefaults.push(defaultUri);
    return super.saveTo(defaultUri, title);
  }
}

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration workspace has a folder');
  return folder.uri;
}

async function writeFile(relative: string, content: string | Uint8Array): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(root(), DIR, relative);
  await vscode.workspace.fs.writeFile(uri, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  return uri;
}

async function openFile(relative: string, content: string): Promise<vscode.TextEditor> {
  const uri = await writeFile(relative, content);
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

async function messagesOf(roomId: number): Promise<StateSnapshot['messages']> {
  return (await emulator().state()).messages.filter((m) => m.room_id === roomId && m.account_id === ME);
}

async function lastBody(roomId: number): Promise<string | undefined> {
  return (await messagesOf(roomId)).at(-1)?.body;
}

/** The first room offered in the last QuickPick (separators skipped). */
function firstRoomOffered(prompts: ScriptedPrompts): string | undefined {
  return prompts.lastItems.find((i) => i.kind !== vscode.QuickPickItemKind.Separator)?.label;
}

/**
 * Sets a setting in the workspace (.vscode/settings.json of the test folder). Not in the user
 * settings: in code-server, writing those from the extension host can drop the machine-scoped
 * `chatwork.apiBaseUrl` that points at the emulator.
 */
async function updateSetting(key: string, value: unknown): Promise<void> {
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('chatwork');
  await config().update(key, value, vscode.ConfigurationTarget.Workspace);
  await waitFor(() => JSON.stringify(config().inspect(key)?.workspaceValue) === JSON.stringify(value), `${key} to apply`);
}

const SAMPLE = [
  'export function add(a: number, b: number): number {',
  '  // the sum',
  '  return a + b;',
  '}',
  '',
  'export const answer = add(40, 2);',
  '',
].join('\n');

describe('from the editor', () => {
  let api: ChatworkExtensionApi;
  let prompts: RecordingPrompts;
  let hadWorkspaceSettings = true;
  const workspaceSettings = (): vscode.Uri => vscode.Uri.joinPath(root(), '.vscode', 'settings.json');

  before(async () => {
    api = await signIn();
    hadWorkspaceSettings = await vscode.workspace.fs.stat(workspaceSettings()).then(
      () => true,
      () => false,
    );
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(root(), DIR, 'src'));
  });

  beforeEach(() => {
    prompts = new RecordingPrompts();
    api.deps.prompts = prompts;
  });

  afterEach(() => prompts.assertAllAnswered());

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await updateSetting('snippetTemplate', undefined);
    if (!hadWorkspaceSettings) {
      await vscode.workspace.fs.delete(workspaceSettings()).then(undefined, () => undefined);
      // The folder too, when it is empty now (a non-recursive delete fails otherwise).
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(root(), '.vscode'), { recursive: false, useTrash: false }).then(undefined, () => undefined);
    }
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(root(), DIR), { recursive: true, useTrash: false });
  });

  describe('Send Selection to Chatwork', () => {
    it('posts the selection as an info block titled path:Lx-y, after the comment', async () => {
      const editor = await openFile('src/sample.ts', SAMPLE);
      editor.selection = new vscode.Selection(1, 2, 3, 1); // lines 2–4
      prompts.answer({ kind: 'pick', choose: 'Phoenix 開発チーム' }, { kind: 'input', value: 'Could you review this?⏎Thanks' });

      await vscode.commands.executeCommand('chatwork.sendSelection');

      const language = editor.document.languageId;
      assert.strictEqual(
        await lastBody(PHOENIX),
        `Could you review this?\nThanks\n[info][title]${DIR}/src/sample.ts:L2-4 (${language})[/title][code]// the sum\n  return a + b;\n}[/code][/info]`,
      );
      assert.deepStrictEqual(prompts.notifications.at(-1), { severity: 'info', message: 'Sent to “Phoenix 開発チーム”.', actions: ['Open Room'] });
      // Read-only rooms are not offered.
      assert.ok(!prompts.lastItems.some((i) => i.label === '全社お知らせ'), 'the read-only room is not offered');
    });

    it('an empty selection sends the whole current line; recently used rooms come first', async () => {
      const editor = await openFile('src/sample.ts', SAMPLE);
      editor.selection = new vscode.Selection(5, 7, 5, 7); // the cursor on line 6
      prompts.answer({ kind: 'pick', choose: 'デザインレビュー' }, { kind: 'input', value: '' });

      await vscode.commands.executeCommand('chatwork.sendSelection', editor.document.uri);

      assert.strictEqual(firstRoomOffered(prompts), 'Phoenix 開発チーム', 'the room used last is offered first');
      assert.strictEqual(prompts.lastItems[0]?.label, 'recently used');
      assert.strictEqual(
        await lastBody(DESIGN),
        `[info][title]${DIR}/src/sample.ts:L6 (${editor.document.languageId})[/title][code]export const answer = add(40, 2);[/code][/info]`,
      );

      prompts.answer({ kind: 'pick', choose: undefined });
      await vscode.commands.executeCommand('chatwork.sendSelection');
      assert.deepStrictEqual(
        prompts.lastItems.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator).slice(0, 2).map((i) => i.label),
        ['デザインレビュー', 'Phoenix 開発チーム'],
      );
    });

    it('follows chatwork.snippetTemplate', async () => {
      await updateSetting('snippetTemplate', '${comment}\n${file} ${lines} [${language}]\n[code]${code}[/code]');
      try {
        const editor = await openFile('src/sample.ts', SAMPLE);
        editor.selection = new vscode.Selection(0, 0, 1, 0); // a whole-line selection: line 1 only
        prompts.answer({ kind: 'pick', choose: '雑談 Random' }, { kind: 'input', value: 'see ${path}' });
        await vscode.commands.executeCommand('chatwork.sendSelection');
        assert.strictEqual(
          await lastBody(RANDOM),
          `see \${path}\nsample.ts L1 [${editor.document.languageId}]\n[code]export function add(a: number, b: number): number {[/code]`,
          JSON.stringify(prompts.notifications),
        );
      } finally {
        await updateSetting('snippetTemplate', undefined);
      }
    });

    it('refuses a selection over 65,535 characters before asking anything', async () => {
      const editor = await openFile('big.txt', 'x'.repeat(70_000));
      editor.selection = new vscode.Selection(0, 0, 0, 70_000);
      const before = (await messagesOf(PHOENIX)).length;

      await vscode.commands.executeCommand('chatwork.sendSelection');

      const error = prompts.notifications.at(-1);
      assert.strictEqual(error?.severity, 'error');
      assert.match(error?.message ?? '', /too long to send\. The message would be 70,\d{3} characters long; Chatwork accepts at most 65,535\./);
      assert.deepStrictEqual(error?.actions, ['Share File Instead']);
      assert.deepStrictEqual(prompts.questions, [], 'nothing was asked');
      assert.strictEqual((await messagesOf(PHOENIX)).length, before);
    });

    it('counts the comment too: a comment that makes the body too long is refused in the box', async () => {
      // A file of the same kind first, for its language id (the template writes it).
      const language = (await openFile('probe.txt', 'y')).document.languageId;
      const overhead = `[info][title]${DIR}/edge.txt:L1 (${language})[/title][code][/code][/info]`.length;
      const editor = await openFile('edge.txt', 'y'.repeat(MAX_BODY - overhead));
      editor.selection = new vscode.Selection(0, 0, 0, MAX_BODY - overhead);
      const before = (await messagesOf(MY_CHAT)).length;
      prompts.answer({ kind: 'pick', choose: 'マイチャット' }, { kind: 'input', value: 'a comment' });

      await vscode.commands.executeCommand('chatwork.sendSelection');

      assert.strictEqual(prompts.validationMessages.length, 1);
      assert.match(prompts.validationMessages[0] ?? '', /The message would be 65,54\d characters long; Chatwork accepts at most 65,535/);
      assert.strictEqual((await messagesOf(MY_CHAT)).length, before, 'nothing sent');
    });
  });

  describe('Create Chatwork Task from Selection', () => {
    it('prefills the task with the selected text and its path:Lx-y; assignees and deadline as asked', async () => {
      const editor = await openFile('src/sample.ts', SAMPLE);
      editor.selection = new vscode.Selection(2, 0, 3, 1); // lines 3–4
      const expected = `return a + b;\n}\n${DIR}/src/sample.ts:L3-4`;
      prompts.answer(
        { kind: 'pick', choose: 'Phoenix 開発チーム' },
        { kind: 'input', value: toSingleLine(expected) },
        { kind: 'pickMany', choose: ['Bob Suzuki'] },
        { kind: 'input', value: '2099-12-31 18:00' },
      );

      await vscode.commands.executeCommand('chatwork.taskFromSelection');

      assert.strictEqual(prompts.inputValues[0], toSingleLine(expected), 'the body box is prefilled');
      const task = (await emulator().state()).tasks.filter((t) => t.room_id === PHOENIX).at(-1);
      assert.ok(task);
      assert.strictEqual(task.body, expected, JSON.stringify(prompts.notifications));
      assert.strictEqual(task.account_id, BOB);
      assert.strictEqual(task.assigned_by_account_id, ME);
      assert.strictEqual(task.limit_time, Math.floor(new Date(2099, 11, 31, 18, 0).getTime() / 1000));
      assert.strictEqual(task.limit_type, 'time');
    });

    it('a TODO comment offers "Create Chatwork task from TODO", which makes a task of it', async () => {
      const editor = await openFile('src/todo.py', 'retries = 3\n\n    # TODO: handle 429 with Retry-After\nprint(retries)\n');
      const uri = editor.document.uri;
      const none = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0));
      assert.ok(!none.some((a) => /Chatwork/.test(a.title)), 'nothing on a line without a TODO');

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(2, 5, 2, 5));
      const action = actions.find((a) => a.title === 'Create Chatwork task from TODO');
      assert.ok(action?.command, `the code action is offered (got ${actions.map((a) => a.title).join(', ')})`);
      assert.strictEqual(action.kind?.value, vscode.CodeActionKind.QuickFix.value);

      const expected = `handle 429 with Retry-After\n${DIR}/src/todo.py:L3`;
      prompts.answer(
        { kind: 'pick', choose: 'デザインレビュー' },
        { kind: 'input', value: toSingleLine(expected) },
        { kind: 'pickMany', choose: ['Taro Yamada'] },
        { kind: 'input', value: '' },
      );
      await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));

      assert.strictEqual(prompts.inputValues[0], toSingleLine(expected));
      const task = (await emulator().state()).tasks.filter((t) => t.room_id === DESIGN).at(-1);
      assert.deepStrictEqual(
        task && { body: task.body, account: task.account_id, limit: task.limit_time, type: task.limit_type },
        { body: expected, account: ME, limit: 0, type: 'none' },
      );
    });

    it('is not offered in a read-only room, and says so when that room is asked for by id', async () => {
      const editor = await openFile('src/sample.ts', SAMPLE);
      editor.selection = new vscode.Selection(0, 0, 0, 5);
      await vscode.commands.executeCommand('chatwork.taskFromSelection', { roomId: NEWS });
      assert.match(prompts.notifications.at(-1)?.message ?? '', /read-only member of “全社お知らせ”/);
    });
  });

  describe('Share File to Chatwork', () => {
    it('uploads the exact bytes with the message, then the room’s files are loaded again', async () => {
      // Bytes that look like multipart boundaries and line breaks, and every byte value.
      const bytes = Buffer.concat([Buffer.from('--boundary\r\n\r\nContent-Type: x\r\n'), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7) % 256))]);
      const uri = await writeFile('report-データ.bin', bytes);
      prompts.answer({ kind: 'pick', choose: 'Phoenix 開発チーム' }, { kind: 'input', value: 'Build output⏎see attached' });
      await emulator().resetRequests();

      await vscode.commands.executeCommand('chatwork.shareFile', uri);

      const state = await emulator().state();
      const file = state.files.filter((f) => f.room_id === PHOENIX).at(-1);
      assert.ok(file);
      assert.strictEqual(file.filename, 'report-データ.bin');
      assert.strictEqual(file.account_id, ME);
      assert.deepStrictEqual(Buffer.from(file.content_base64 ?? '', 'base64'), bytes);
      const notice = state.messages.find((m) => m.message_id === file.message_id);
      assert.match(notice?.body ?? '', /^Build output\nsee attached\n\[info\]/);
      assert.match(prompts.notifications.at(-1)?.message ?? '', /^Shared “report-データ\.bin” in “Phoenix 開発チーム”\./);
      const files = (await emulator().requests()).filter((r) => r.path === `/rooms/${PHOENIX}/files`).map((r) => r.method);
      assert.deepStrictEqual(files.slice(0, 2), ['POST', 'GET'], 'the upload, then the room’s files loaded again');
      assert.ok((await api.deps.store.files(PHOENIX)).some((f) => f.file_id === file.file_id), 'the store has the new file');
    });

    it('shares the active editor’s file from the palette; refuses more than 5 MB before asking', async () => {
      const big = await writeFile('too-big.bin', new Uint8Array(5 * 1024 * 1024 + 1));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(await writeFile('small.txt', 'hi')));
      const before = (await emulator().state()).files.length;

      await vscode.commands.executeCommand('chatwork.shareFile', big);

      const error = prompts.notifications.at(-1);
      assert.strictEqual(error?.severity, 'error');
      assert.strictEqual(error?.message, '“too-big.bin” is 5,242,881 bytes; Chatwork accepts files of up to 5 MB.');
      assert.deepStrictEqual(prompts.questions, []);
      assert.strictEqual((await emulator().state()).files.length, before);

      prompts.answer({ kind: 'pick', choose: 'マイチャット' }, { kind: 'input', value: '' });
      await vscode.commands.executeCommand('chatwork.shareFile');
      const file = (await emulator().state()).files.at(-1);
      assert.deepStrictEqual(file && { name: file.filename, room: file.room_id, bytes: file.content_base64 }, { name: 'small.txt', room: MY_CHAT, bytes: Buffer.from('hi').toString('base64') });
    });
  });

  describe('Download File', () => {
    it('proposes the workspace root, writes the served bytes, and opens a text file on "Open"', async () => {
      const text = '# 議事録\n\n- 決定: v2.3 は金曜リリース\n';
      const uri = await writeFile('minutes.md', text);
      prompts.answer({ kind: 'pick', choose: '雑談 Random' }, { kind: 'input', value: '' });
      await vscode.commands.executeCommand('chatwork.shareFile', uri);
      const file = (await emulator().state()).files.filter((f) => f.room_id === RANDOM).at(-1);
      assert.strictEqual(file?.filename, 'minutes.md');

      const target = vscode.Uri.joinPath(root(), DIR, 'downloaded-minutes.md');
      prompts.answer({ kind: 'save', uri: target }).clickOnNotification(/^Downloaded /, 'Open');
      await vscode.commands.executeCommand('chatwork.downloadFile', { roomId: RANDOM, fileId: file.file_id });

      assert.strictEqual(prompts.saveDefaults[0]?.toString(), vscode.Uri.joinPath(root(), 'minutes.md').toString());
      assert.deepStrictEqual(Buffer.from(await vscode.workspace.fs.readFile(target)), Buffer.from(text, 'utf8'));
      assert.ok(prompts.notifications.at(-1)?.actions.includes('Open'));
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === target.toString(), 'the downloaded file opened');
    });
  });

  describe('code references', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `line ${i + 1};`).join('\n');

    before(async () => {
      await writeFile('src/refs/cw-ref-target.ts', lines);
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(root(), DIR, 'a'));
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(root(), DIR, 'b'));
      await writeFile('a/cw-dup-name.ts', 'a\n');
      await writeFile('b/cw-dup-name.ts', 'b1\nb2\n');
    });

    function selected(): { path: string; start: [number, number]; end: [number, number] } {
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      const { start, end } = editor.selection;
      return { path: editor.document.uri.path, start: [start.line, start.character], end: [end.line, end.character] };
    }

    const target = (): string => vscode.Uri.joinPath(root(), DIR, 'src/refs/cw-ref-target.ts').path;

    it('opens a workspace-relative path with the lines selected', async () => {
      await vscode.commands.executeCommand('chatwork.openCodeRef', { path: `${DIR}/src/refs/cw-ref-target.ts`, startLine: 5, endLine: 8 });
      assert.deepStrictEqual(selected(), { path: target(), start: [4, 0], end: [7, 'line 8;'.length] });
    });

    it('finds a bare file name with findFiles, and takes text such as name#L10-L12 or name:12:3', async () => {
      await vscode.commands.executeCommand('chatwork.openCodeRef', 'cw-ref-target.ts#L10-L12');
      assert.deepStrictEqual(selected(), { path: target(), start: [9, 0], end: [11, 'line 12;'.length] });
      await vscode.commands.executeCommand('chatwork.openCodeRef', 'cw-ref-target.ts:12:3');
      assert.deepStrictEqual(selected(), { path: target(), start: [11, 2], end: [11, 2] });
    });

    it('matches a path from another machine by its end; asks when several files match', async () => {
      await vscode.commands.executeCommand('chatwork.openCodeRef', '/home/alice/work/phoenix/src/refs/cw-ref-target.ts:3');
      assert.deepStrictEqual(selected(), { path: target(), start: [2, 0], end: [2, 'line 3;'.length] });

      prompts.answer({ kind: 'pick', choose: (item) => item.label.endsWith('b/cw-dup-name.ts') });
      await vscode.commands.executeCommand('chatwork.openCodeRef', { path: 'cw-dup-name.ts', startLine: 2 });
      assert.strictEqual(prompts.lastItems.length, 2);
      assert.deepStrictEqual(selected(), { path: vscode.Uri.joinPath(root(), DIR, 'b/cw-dup-name.ts').path, start: [1, 0], end: [1, 2] });
    });

    it('says so when the file is not in the workspace, and never leaves it', async () => {
      await vscode.commands.executeCommand('chatwork.openCodeRef', { path: 'src/refs/nowhere.ts', startLine: 1 });
      assert.deepStrictEqual(prompts.notifications.at(-1), { severity: 'warning', message: '“src/refs/nowhere.ts” is not in this workspace.', actions: [] });
      await vscode.commands.executeCommand('chatwork.openCodeRef', { path: `../${DIR}/src/refs/cw-ref-target.ts`, startLine: 1 });
      // "../x" is read as x's own path, found by its end inside the workspace, not outside it.
      assert.strictEqual(selected().path, target());
      await vscode.commands.executeCommand('chatwork.openCodeRef', { path: 'other/checkout/refs/cw-ref-target.ts', startLine: 1 });
      assert.match(prompts.notifications.at(-1)?.message ?? '', /is not in this workspace/);
    });

    it('a reference to a file that is not text (an image) says so and opens nothing', async () => {
      const png = vscode.Uri.joinPath(root(), DIR, 'assets/cw-logo.png');
      await vscode.workspace.fs.writeFile(png, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]));
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('chatwork.openCodeRef', { path: `${DIR}/assets/cw-logo.png`, startLine: 1 });
      const last = prompts.notifications.at(-1);
      assert.strictEqual(last?.severity, 'warning');
      assert.match(last?.message ?? '', new RegExp(`^“${DIR}/assets/cw-logo\\.png” could not be opened as text: `));
      assert.strictEqual(vscode.window.activeTextEditor, undefined, 'no editor opened');
    });

    it('a reference clicked in a room panel (openCodeRef) opens beside the panel', async () => {
      // My Chat: the room panel's own tests expect 雑談 Random not to be loaded yet.
      await vscode.commands.executeCommand('chatwork.openRoom', MY_CHAT);
      const panel = api.panels.get(MY_CHAT);
      assert.ok(panel);
      try {
        await panel.receive({ type: 'openCodeRef', path: `${DIR}/src/refs/cw-ref-target.ts`, startLine: 20, endLine: 21 });
        assert.deepStrictEqual(selected(), { path: target(), start: [19, 0], end: [20, 'line 21;'.length] });
        assert.ok(panel.panel.visible, 'the panel stays in view');
        assert.notStrictEqual(vscode.window.activeTextEditor?.viewColumn, panel.panel.viewColumn);
      } finally {
        panel.dispose();
      }
    });

    it('a reference written by Send Selection opens what was sent', async () => {
      const editor = await openFile('src/sample.ts', SAMPLE);
      editor.selection = new vscode.Selection(1, 0, 3, 1);
      prompts.answer({ kind: 'pick', choose: '雑談 Random' }, { kind: 'input', value: '' });
      await vscode.commands.executeCommand('chatwork.sendSelection');
      const body = (await lastBody(RANDOM)) ?? '';
      const ref = /\[title\](.+?) \(/.exec(body)?.[1];
      assert.strictEqual(ref, `${DIR}/src/sample.ts:L2-4`);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('chatwork.openCodeRef', ref);
      assert.deepStrictEqual(selected(), { path: editor.document.uri.path, start: [1, 0], end: [3, 1] });
    });
  });
});
