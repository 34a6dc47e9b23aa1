// Issue 11 in the real extension host: hostile names and bodies in toasts, the link filter,
// downloads into a prepared folder, code references leading out of the workspace, and the API the
// extension exports here (a test host) but not in production (see test/unit/security.text.test.ts).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ChatworkExtensionApi } from '../../src/extension';
import { HOSTILE_UI_TEXTS, NOTIFICATION_LINK } from '../fixtures/hostile/sinks';
import { emulator, EXTENSION_ID, scriptPrompts, signIn, waitFor } from './helpers/extension';
import type { ScriptedPrompts } from './helpers/scriptedPrompts';

const ME = 1001;
const DESIGN_ROOM = 10011;
const PHOENIX = 10010;

describe('security: hostile rooms outside the webview', () => {
  let api: ChatworkExtensionApi;
  let prompts: ScriptedPrompts;

  beforeEach(async () => {
    prompts = await scriptPrompts();
    api = await signIn();
  });

  it('the test host gets the test surface (production gets none: unit test)', () => {
    const exported = vscode.extensions.getExtension<ChatworkExtensionApi>(EXTENSION_ID)?.exports;
    assert.ok(exported?.deps.client, 'the test surface is exported in a test host');
  });

  describe('a mention whose body, sender name and room name carry command links', () => {
    let names: { sender: string; room: string };
    before(async () => {
      const state = await emulator().state();
      names = {
        sender: state.accounts.find((a) => a.account_id === 1002)?.name ?? '',
        room: state.rooms.find((r) => r.room_id === DESIGN_ROOM)?.name ?? '',
      };
    });
    after(async () => {
      await emulator().rename({ account: 1002 }, names.sender);
      await emulator().rename({ roomId: DESIGN_ROOM }, names.room);
      await api.deps.poller.pollNow();
    });

    it('raises a toast with the text and without any link', async () => {
      await vscode.workspace.getConfiguration('chatwork').update('notifications', undefined, vscode.ConfigurationTarget.Global);
      await api.muted.set(DESIGN_ROOM, false);
      await emulator().rename({ account: 1002 }, 'Alice [run](command:workbench.action.quit)');
      await emulator().rename({ roomId: DESIGN_ROOM }, 'Design [open](command:workbench.action.openSettings) <command:x>');
      await api.deps.poller.pollNow();
      await waitFor(() => api.deps.store.room(DESIGN_ROOM)?.name.startsWith('Design ['), 'the renamed room');
      prompts.notifications.length = 0;
      await emulator().postAs(1002, DESIGN_ROOM, `[To:${ME}]Taro click [here](command:workbench.action.terminal.new) or [there](COMMAND:x "t")`);
      await api.deps.poller.pollNow();
      const toast = await waitFor(() => prompts.notifications.find((n) => n.actions.includes('Open')), 'the toast');
      assert.match(toast.message, /^Alice \[run\] \(command:workbench\.action\.quit\) mentioned you in Design \[open\] \(command:/);
      assert.match(toast.message, /click \[here\] \(command:workbench\.action\.terminal\.new\)/);
      assert.deepStrictEqual([...toast.message.matchAll(NOTIFICATION_LINK)].map((m) => m[0]), [], toast.message);
      assert.doesNotMatch(toast.message, /<command:/);
    });

    it('every prompt passes the same layer: a QuickPick of hostile rooms and a confirmation', async () => {
      await emulator().rename({ roomId: DESIGN_ROOM }, HOSTILE_UI_TEXTS[0] ?? '');
      await api.deps.poller.pollNow();
      prompts.answer({ kind: 'pick', choose: undefined });
      await vscode.commands.executeCommand('chatwork.openRoom');
      const labels = prompts.lastItems.map((i) => `${i.label} ${i.description ?? ''} ${i.detail ?? ''}`);
      assert.ok(labels.some((l) => l.includes('[x] (command:')), labels.join('\n'));
      for (const label of labels) assert.deepStrictEqual([...label.matchAll(NOTIFICATION_LINK)], [], label);
    });
  });

  it('a server echoing the token (error texts, a header, a URL) is redacted in the error, the log and the toast', async () => {
    const token = api.deps.tokens.get() ?? '';
    assert.ok(token.length > 8);
    const message = (await emulator().state()).messages.find((m) => m.room_id === PHOENIX && !m.deleted);
    assert.ok(message);
    await emulator().injectFault({ method: 'GET', path: `/rooms/${PHOENIX}/messages/${message.message_id}`, kind: 'echoToken', status: 400, times: 1 });
    prompts.notifications.length = 0;
    await vscode.commands.executeCommand('chatwork.showMessage', { roomId: PHOENIX, messageId: message.message_id });
    const toast = await waitFor(() => prompts.notifications.find((n) => n.severity === 'error'), 'the error toast');
    assert.match(toast.message, /is not allowed here/, 'the server text is shown');
    assert.ok(!toast.message.includes(token) && !toast.message.includes(encodeURIComponent(token)), toast.message);
    const logDir = api.context.logUri.fsPath;
    const logs = await waitFor(() => {
      const files = fs.existsSync(logDir) ? fs.readdirSync(logDir, { recursive: true }).map((f) => path.join(logDir, String(f))).filter((f) => fs.statSync(f).isFile()) : [];
      const text = files.map((f) => fs.readFileSync(f, 'utf8')).join('\n');
      return text.includes('is not allowed here') ? text : undefined;
    }, 'the failure in the log');
    assert.ok(!logs.includes(token) && !logs.includes(encodeURIComponent(token)), 'the token is not in the log');
  });

  it('links from the webview: only http(s) is opened, however the scheme is disguised', async () => {
    await vscode.commands.executeCommand('chatwork.openRoom', PHOENIX);
    const panel = api.panels.get(PHOENIX);
    assert.ok(panel);
    const opened: string[] = [];
    const original = api.panels.openExternal;
    api.panels.openExternal = async (uri) => (opened.push(uri.toString(true)), true);
    try {
      for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'command:workbench.action.quit', 'Command:workbench.action.quit', ' command:workbench.action.quit', 'file:///etc/passwd', 'vscode:extension/evil.evil', 'VSCODE://file/etc/passwd', 'https://example.com/ok']) {
        await panel.receive({ type: 'openLink', url });
      }
      assert.deepStrictEqual(opened, ['https://example.com/ok']);
    } finally {
      api.panels.openExternal = original;
      panel.dispose();
    }
  });

  describe('files', () => {
    let folder: string;
    let outside: string;
    before(async () => {
      const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      assert.ok(root);
      folder = fs.mkdtempSync(path.join(root, 'cw-sec-'));
      outside = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-sec-outside-'));
      fs.writeFileSync(path.join(outside, 'secret.ts'), 'secret\n');
    });
    after(() => {
      fs.rmSync(folder, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    });

    it('Download File: a planted .part symlink and an existing target are left alone unless replacing was agreed', async () => {
      const file = (await emulator().state()).files.find((f) => f.room_id === PHOENIX && f.content_base64 !== null);
      assert.ok(file);
      const target = path.join(folder, 'report.bin');
      const victim = path.join(outside, 'victim.txt');
      fs.writeFileSync(victim, 'precious');
      fs.symlinkSync(victim, `${target}.part`);
      fs.writeFileSync(target, 'mine');

      prompts.answer({ kind: 'save', uri: vscode.Uri.file(target) }, { kind: 'confirm', action: undefined });
      await vscode.commands.executeCommand('chatwork.downloadFile', { roomId: PHOENIX, fileId: file.file_id });
      assert.match(prompts.questions.at(-1) ?? '', /“report\.bin” already exists\. Replace it\?/);
      assert.strictEqual(fs.readFileSync(target, 'utf8'), 'mine', 'kept: the user did not agree');

      prompts.answer({ kind: 'save', uri: vscode.Uri.file(target) }, { kind: 'confirm', action: 'Replace' });
      await vscode.commands.executeCommand('chatwork.downloadFile', { roomId: PHOENIX, fileId: file.file_id });
      await waitFor(() => prompts.notifications.some((n) => n.message.startsWith('Downloaded ')), 'the download');
      assert.deepStrictEqual(fs.readFileSync(target), Buffer.from(file.content_base64 ?? '', 'base64'));
      assert.strictEqual(fs.readFileSync(victim, 'utf8'), 'precious', 'the symlink was not followed');
      assert.ok(fs.lstatSync(`${target}.part`).isSymbolicLink(), 'the planted .part is still there');
      assert.deepStrictEqual(fs.readdirSync(folder).sort(), ['report.bin', 'report.bin.part']);
      prompts.assertAllAnswered();
    });

    it('a code reference leading out of the workspace (.. or a symlink) opens nothing and says so', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
      const climbing = `${root}/${'../'.repeat(root.split('/').length)}${outside.slice(1)}/secret.ts`;
      fs.symlinkSync(path.join(outside, 'secret.ts'), path.join(folder, 'cw-sec-innocent.ts'));
      for (const ref of [{ path: climbing, startLine: 1 }, { path: `${path.basename(folder)}/cw-sec-innocent.ts`, startLine: 1 }]) {
        prompts.notifications.length = 0;
        await vscode.commands.executeCommand('chatwork.openCodeRef', ref);
        assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath.includes('secret.ts') || d.uri.fsPath.includes('cw-sec-innocent')), `nothing opened for ${ref.path}`);
        assert.match(prompts.notifications.at(-1)?.message ?? '', /leads outside this workspace; it was not opened/, ref.path);
      }
    });
  });
});
