// Issue 11 in the real extension host: hostile names and bodies in toasts, the link filter,
// downloads into a prepared folder, code references leading out of the workspace, and the API the
// extension exports here (a test host) but not in production (see test/unit/security.text.test.ts).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { ChatworkExtensionApi } from '../../src/extension';
import type { TreeNode } from '../../src/tree/nodes/treeNode';
import { HOSTILE_UI_TEXTS, NOTIFICATION_LINK } from '../fixtures/hostile/sinks';
import { emulator, EXTENSION_ID, pollFresh, scriptPrompts, signIn, waitFor } from './helpers/extension';
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

  /** The tests below rename a sender and a room; the names of the seed come back afterwards. */
  function restoreNamesAfterwards(accountId: number, roomId: number): void {
    let names: { sender: string; room: string };
    before(async () => {
      const state = await emulator().state();
      names = {
        sender: state.accounts.find((a) => a.account_id === accountId)?.name ?? '',
        room: state.rooms.find((r) => r.room_id === roomId)?.name ?? '',
      };
    });
    after(async () => {
      await emulator().rename({ account: accountId }, names.sender);
      await emulator().rename({ roomId }, names.room);
      await pollFresh(api);
    });
  }

  it('the test host gets the test surface (production gets none: unit test)', () => {
    const exported = vscode.extensions.getExtension<ChatworkExtensionApi>(EXTENSION_ID)?.exports;
    assert.ok(exported?.deps.client, 'the test surface is exported in a test host');
  });

  describe('a mention whose body, sender name and room name carry command links', () => {
    restoreNamesAfterwards(1002, DESIGN_ROOM);

    it('raises a toast with the text and without any link', async () => {
      await vscode.workspace.getConfiguration('chatwork').update('notifications', undefined, vscode.ConfigurationTarget.Global);
      await api.muted.set(DESIGN_ROOM, false);
      await emulator().rename({ account: 1002 }, 'Alice [run](command:workbench.action.quit)');
      await emulator().rename({ roomId: DESIGN_ROOM }, 'Design [open](command:workbench.action.openSettings) <command:x>');
      await pollFresh(api);
      await waitFor(() => api.deps.store.room(DESIGN_ROOM)?.name.startsWith('Design ['), 'the renamed room');
      prompts.notifications.length = 0;
      await emulator().postAs(1002, DESIGN_ROOM, `[To:${ME}]Taro click [here](command:workbench.action.terminal.new) or [there](COMMAND:x "t")`);
      await pollFresh(api);
      const toast = await waitFor(() => prompts.notifications.find((n) => n.actions.includes('Open')), 'the toast');
      assert.match(toast.message, /^Alice \[run\] \(command:workbench\.action\.quit\) mentioned you in Design \[open\] \(command:/);
      assert.match(toast.message, /click \[here\] \(command:workbench\.action\.terminal\.new\)/);
      assert.deepStrictEqual([...toast.message.matchAll(NOTIFICATION_LINK)].map((m) => m[0]), [], toast.message);
      assert.doesNotMatch(toast.message, /<command:/);
    });

    it('every prompt passes the same layer: a QuickPick of hostile rooms and a confirmation', async () => {
      await emulator().rename({ roomId: DESIGN_ROOM }, HOSTILE_UI_TEXTS[0] ?? '');
      await pollFresh(api);
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
  describe('tree tooltips of a room whose name, sender, message and file carry links, images and HTML', () => {
    const ROOM_NAME = '[Open settings](command:workbench.action.openSettings) <command:x> $(alert) ![i](https://evil.example/t.png)';
    const SENDER_NAME = '<img src="https://evil.example/t.png"> [x](file:///etc/passwd)';
    const FILE_NAME = '[x](command:workbench.action.quit) <a href="command:x">y</a>.txt';
    // As VS Code's hover renders them: links found in plain text too, HTML left as text.
    const markdown = new MarkdownIt({ html: false, linkify: true });

    restoreNamesAfterwards(1002, PHOENIX);

    /** The tooltip as the hover shows it: flags, and the HTML its Markdown becomes. */
    async function tooltipOf(node: TreeNode): Promise<{ value: string; html: string; trusted: unknown; supportHtml: unknown; icons: unknown }> {
      const item = await api.tree.provider.resolveTreeItem(node, node);
      const tooltip = item.tooltip;
      assert.ok(tooltip instanceof vscode.MarkdownString, `${node.id} has a Markdown tooltip`);
      return { value: tooltip.value, html: markdown.render(tooltip.value), trusted: tooltip.isTrusted, supportHtml: tooltip.supportHtml, icons: tooltip.supportThemeIcons };
    }

    it('show every text as text: no link but plain http(s), no image, no HTML, no icon, never trusted', async () => {
      await emulator().rename({ account: 1002 }, SENDER_NAME);
      await emulator().rename({ roomId: PHOENIX }, ROOM_NAME);
      const posted = await emulator().postAs(1002, PHOENIX, HOSTILE_UI_TEXTS.join('\n'));
      const fileId = await emulator().seedFile({ roomId: PHOENIX, account: 1002, filename: FILE_NAME, data: new TextEncoder().encode('x') });
      await pollFresh(api);
      await waitFor(() => api.deps.store.room(PHOENIX)?.name === ROOM_NAME, 'the renamed room');
      api.deps.store.clear();

      const room = (await api.tree.provider.getChildren()).find((n) => n.id === `room:${PHOENIX}`);
      assert.ok(room, 'the room in the tree');
      const categories = await api.tree.provider.getChildren(room);
      const childrenOf = async (kind: string) => api.tree.provider.getChildren(categories.find((n) => n.id === `room:${PHOENIX}:${kind}`));
      const nodes = [
        room,
        (await childrenOf('messages')).find((n) => n.id === `message:${PHOENIX}:${posted.message_id}`),
        (await childrenOf('members')).find((n) => n.id === `member:${PHOENIX}:1002`),
        (await childrenOf('files')).find((n) => n.id === `file:${PHOENIX}:${fileId}`),
      ];
      for (const node of nodes) {
        assert.ok(node, 'every hostile item is in the tree');
        const tooltip = await tooltipOf(node);
        assert.ok(!tooltip.trusted && !tooltip.supportHtml && !tooltip.icons, `${node.id}: untrusted, no HTML, no icons`);
        const hrefs = [...tooltip.html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1] ?? '');
        assert.deepStrictEqual(hrefs.filter((href) => !/^https?:\/\//.test(href)), [], `${node.id}: ${tooltip.value}`);
        assert.ok(!/<img|<script|<h1|<li|<strong>Open/.test(tooltip.html), `${node.id}: no image, HTML or structure from Chatwork: ${tooltip.html}`);
      }
      // The texts are there, as text (the hover shows the escaped Markdown as the original characters).
      const plain = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\u00a0/g, ' ');
      const [roomTip, messageTip, memberTip, fileTip] = await Promise.all(nodes.map((node) => tooltipOf(node as TreeNode)));
      assert.ok(plain(roomTip?.html ?? '').includes(ROOM_NAME), roomTip?.html);
      assert.ok(plain(memberTip?.html ?? '').includes(SENDER_NAME), memberTip?.html);
      assert.ok(plain(fileTip?.html ?? '').includes(FILE_NAME), fileTip?.html);
      assert.ok(plain(messageTip?.html ?? '').includes('[Open settings](command:workbench.action.openSettings)'), messageTip?.html);
    });
  });
});
