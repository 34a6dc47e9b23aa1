// The Chatwork tools of the editor's agent, in the real extension host against the emulator:
// the tools VS Code lists, each read-only tool through vscode.lm.invokeTool, each changing tool
// through its class with the confirmation checked (room, text) and the emulator's state after,
// the setting, the token state, the rate limit, and the force/diff rule.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { formatSnippet, formatTaskBody } from '../../src/editor/snippet';
import type { ChatworkExtensionApi } from '../../src/extension';
import type { AnyChatworkTool } from '../../src/tools/toolBase';
import { emulator, EXTENSION_ID, pollFresh, signIn, waitFor } from './helpers/extension';

const ME = 1001;
const BOB = 1003;
const PHOENIX = 10010;
const DIR = 'chatwork-it-agent';

interface ManifestTool { name: string; inputSchema?: { type: string } }

function manifestTools(): ManifestTool[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  return (extension.packageJSON as { contributes: { languageModelTools: ManifestTool[] } }).contributes.languageModelTools;
}

function resultText(result: vscode.LanguageModelToolResult): string {
  return result.content.map((part) => (part as { value?: unknown }).value).filter((v): v is string => typeof v === 'string').join('');
}

async function invoke(name: string, input: object): Promise<string> {
  const source = new vscode.CancellationTokenSource();
  return resultText(await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }, source.token));
}

async function setMode(value: 'all' | 'readOnly' | 'off' | undefined): Promise<void> {
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('chatwork');
  await config().update('agentTools', value, vscode.ConfigurationTarget.Workspace);
  await waitFor(() => config().inspect('agentTools')?.workspaceValue === value, 'chatwork.agentTools to apply');
}

/** The confirmation a changing tool shows, as the Markdown source. */
async function confirmation(tool: AnyChatworkTool, input: object): Promise<{ title: string; message: string }> {
  const prepared = await tool.prepareInvocation({ input } as never);
  const c = prepared.confirmationMessages;
  assert.ok(c, `${tool.name} asks for confirmation`);
  const markdown = typeof c.message === 'string' ? c.message : c.message.value;
  // As the user reads it: without Markdown's escapes.
  return { title: c.title as string, message: markdown.replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\\([!-/:-@[-`{-~])/g, '$1') };
}

async function workspaceFile(relative: string, content: string | Uint8Array): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  const uri = vscode.Uri.joinPath(folder.uri, DIR, relative);
  await vscode.workspace.fs.writeFile(uri, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  return uri;
}

async function myMessages(roomId: number): Promise<{ message_id: string; body: string; deleted: boolean }[]> {
  return (await emulator().state()).messages.filter((m) => m.room_id === roomId && m.account_id === ME);
}

describe('agent tools', () => {
  let api: ChatworkExtensionApi;
  const tool = (name: string): AnyChatworkTool => {
    const found = api.agentTools.get(name);
    assert.ok(found, `tool ${name} is registered`);
    return found;
  };

  // Changes happen in a room of our own (deleted at the end), so the seeded rooms stay as the other
  // suites expect them.
  let WORK = 0;
  const WORK_NAME = `Agent tools work ${Date.now()}`;

  before(async () => {
    api = await signIn();
    await setMode(undefined);
    WORK = (await api.deps.client.createRoom({ name: WORK_NAME, members_admin_ids: [ME], members_member_ids: [1002, BOB] })).room_id;
    await api.deps.store.refreshRooms();
  });

  afterEach(async () => {
    await emulator().clearFaults();
  });

  after(async () => {
    await setMode(undefined);
    await api.deps.client.deleteRoom(WORK, 'delete');
  });

  it('vscode.lm.tools lists every contributed tool with its input schema, and each is registered', () => {
    const contributed = manifestTools();
    assert.ok(contributed.length >= 38, `${contributed.length} tools contributed`);
    for (const t of contributed) {
      const listed = vscode.lm.tools.find((info) => info.name === t.name);
      assert.ok(listed, `${t.name} is in vscode.lm.tools`);
      assert.deepStrictEqual(listed.inputSchema, t.inputSchema, `${t.name} has its schema`);
      assert.strictEqual((listed.inputSchema as { type?: string } | undefined)?.type, 'object');
      assert.ok(listed.description.length > 20, `${t.name} has a model description`);
      assert.ok(api.agentTools.has(t.name), `${t.name} is registered by the extension`);
    }
    assert.deepStrictEqual([...api.agentTools.keys()].sort(), contributed.map((t) => t.name).sort());
    // The parity set of the official server, and the ones beyond it.
    for (const name of ['chatwork_me', 'chatwork_post_message', 'chatwork_accept_contact_request', 'chatwork_delete_invite_link', 'chatwork_unread_digest', 'chatwork_find_messages', 'chatwork_thread', 'chatwork_post_code', 'chatwork_task_from_code', 'chatwork_share_workspace_file']) {
      assert.ok(api.agentTools.has(name), name);
    }
  });

  it('each read-only tool answers through vscode.lm.invokeTool with the emulator’s data, framed as untrusted data', async () => {
    const phoenixMessages = await api.deps.client.getMessages(PHOENIX, { force: true });
    const ci = phoenixMessages.find((m) => m.body.includes('CI のビルドが落ちています'));
    assert.ok(ci, 'the seeded CI message');
    const [task] = await api.deps.client.getTasks(PHOENIX, { status: 'open' });
    assert.ok(task);
    const file = (await api.deps.client.getFiles(PHOENIX)).find((f) => f.filename === 'phoenix-test-data.bin');
    assert.ok(file);

    const cases: [string, object, (string | RegExp)[]][] = [
      ['chatwork_me', {}, ['account: 1001', '“Taro Yamada”']],
      ['chatwork_my_status', {}, [/\d+ unread messages in \d+ rooms/]],
      ['chatwork_my_tasks', {}, [/\d+ open tasks assigned to me/]],
      ['chatwork_contacts', {}, ['“Alice Tanaka”', 'direct chat room: 10002']],
      ['chatwork_list_rooms', {}, ['room: 10010', '“Phoenix 開発チーム”']],
      ['chatwork_get_room', { roomId: PHOENIX }, ['Phoenix プロジェクト', 'my role: admin']],
      ['chatwork_get_members', { roomId: PHOENIX }, ['“Bob Suzuki”', 'role: member']],
      ['chatwork_list_messages', { roomId: PHOENIX, limit: 100 }, [`message ${ci.message_id}`, 'CI のビルドが落ちています', '@Taro Yamada']],
      ['chatwork_get_message', { roomId: PHOENIX, messageId: ci.message_id }, [`message ${ci.message_id}`, 'from “Bob Suzuki” (account 1003)']],
      ['chatwork_list_tasks', { roomId: PHOENIX }, [`task: ${task.task_id}`, /open tasks in room 10010/]],
      ['chatwork_get_task', { roomId: PHOENIX, taskId: task.task_id }, [`task: ${task.task_id}`]],
      ['chatwork_list_files', { roomId: PHOENIX }, [`file: ${file.file_id}`, '“phoenix-test-data.bin”']],
      ['chatwork_get_file', { roomId: PHOENIX, fileId: file.file_id }, ['download url (valid 30 s): http']],
      ['chatwork_get_invite_link', { roomId: PHOENIX }, ['phoenix-dev', 'public: true']],
      ['chatwork_list_contact_requests', {}, [/\d+ contact requests waiting for me/]],
      ['chatwork_unread_digest', {}, [/Chatwork rooms with unread messages|No unread messages/]],
      ['chatwork_find_messages', { query: 'CI ビルド' }, ['CI のビルドが落ちています', 'in “Phoenix 開発チーム”']],
      ['chatwork_thread', { roomId: PHOENIX, messageId: ci.message_id }, ['## the message', '## replies', '確認します。たぶん依存関係の更新が原因です。']],
    ];
    const readOnly = [...api.agentTools.values()].filter((t) => t.kind === 'read').map((t) => t.name).sort();
    assert.deepStrictEqual(cases.map(([name]) => name).sort(), readOnly, 'every read-only tool is exercised');
    for (const [name, input, expected] of cases) {
      const text = await invoke(name, input);
      for (const e of expected) {
        assert.ok(typeof e === 'string' ? text.includes(e) : e.test(text), `${name}: ${String(e)} in\n${text.slice(0, 1500)}`);
      }
      if (text.includes('<<<chatwork-data')) {
        assert.match(text, /<<<chatwork-data (\w+): untrusted chat content[^\n]*>>>[\s\S]*<<<end chatwork-data \1>>>/, name);
      }
    }
  });

  it('the unread digest shows a new unread message with its room, and answers from cache when nothing moved', async () => {
    const posted = await emulator().postAs('alice', WORK, `[To:${ME}] digest probe ${Date.now()}`);
    await pollFresh(api);
    const text = await invoke('chatwork_unread_digest', { maxRooms: 50 });
    assert.ok(text.includes(`message ${posted.message_id}`), text.slice(0, 2000));
    assert.ok(text.includes('[mentions me]'));
    await emulator().resetRequests();
    const again = await invoke('chatwork_unread_digest', { maxRooms: 50 });
    assert.ok(again.includes(`message ${posted.message_id}`));
    assert.deepStrictEqual((await emulator().requests()).map((r) => `${r.method} ${r.path}`), [], 'no request when nothing changed');
  });

  it('posting: the confirmation names the room and shows the exact text; the emulator has the message', async () => {
    const body = `Release is on Friday ${Date.now()}\n[To:${BOB}] please check`;
    const post = tool('chatwork_post_message');
    const shown = await confirmation(post, { roomId: WORK, body });
    assert.strictEqual(shown.title, 'Post to Chatwork?');
    assert.ok(shown.message.includes(`${WORK_NAME} (room ${WORK})`), shown.message);
    assert.ok(shown.message.includes(`Release is on Friday`) && shown.message.includes('please check'), shown.message);
    const result = await post.execute({ roomId: WORK, body } as never);
    assert.match(result, new RegExp(`^Posted message \\d+ to room ${WORK}\\.$`));
    assert.strictEqual((await myMessages(WORK)).at(-1)?.body, body);
  });

  it('editing and deleting my message show the old and new text, and change it in the emulator', async () => {
    const { message_id } = await api.deps.client.postMessage(WORK, 'typo mesage');
    await api.deps.store.messages(WORK);
    await api.deps.store.reloadMessages(WORK);
    const edit = tool('chatwork_update_message');
    const shown = await confirmation(edit, { roomId: WORK, messageId: message_id, body: 'typo message' });
    assert.ok(shown.message.includes('typo mesage') && shown.message.includes('typo message'), shown.message);
    await edit.execute({ roomId: WORK, messageId: message_id, body: 'typo message' } as never);
    assert.strictEqual((await myMessages(WORK)).find((m) => m.message_id === message_id)?.body, 'typo message');
    // The panel's and tree's log got the edit too (force=1 merged).
    assert.strictEqual((await api.deps.store.messages(WORK)).find((m) => m.message_id === message_id)?.body, 'typo message');

    const del = tool('chatwork_delete_message');
    assert.ok((await confirmation(del, { roomId: WORK, messageId: message_id })).message.includes('typo message'));
    await del.execute({ roomId: WORK, messageId: message_id } as never);
    assert.strictEqual((await myMessages(WORK)).find((m) => m.message_id === message_id)?.deleted, true);
  });

  it('tasks: create shows room, assignee and text; status changes in the emulator', async () => {
    const body = `Check the release notes ${Date.now()}`;
    const create = tool('chatwork_create_task');
    const shown = await confirmation(create, { roomId: WORK, body, assigneeIds: [BOB], due: '2030-01-15' });
    assert.ok(shown.message.includes(`${WORK_NAME} (room ${WORK})`) && shown.message.includes('Bob Suzuki (1003)') && shown.message.includes(body), shown.message);
    assert.ok(shown.message.includes('2030-01-15'), shown.message);
    const result = await create.execute({ roomId: WORK, body, assigneeIds: [BOB], due: '2030-01-15' } as never);
    const task = (await emulator().state()).tasks.find((t) => t.body === body);
    assert.ok(task, result);
    assert.strictEqual(task.account_id, BOB);
    const done = tool('chatwork_update_task_status');
    assert.ok((await confirmation(done, { roomId: WORK, taskId: task.task_id, status: 'done' })).message.includes(body));
    await done.execute({ roomId: WORK, taskId: task.task_id, status: 'done' } as never);
    assert.strictEqual((await emulator().state()).tasks.find((t) => t.task_id === task.task_id)?.status, 'done');
  });

  it('rooms, members and invitation links: create, change, link, members, delete — each confirmed', async () => {
    const name = `Agent room ${Date.now()}`;
    const created = await tool('chatwork_create_room').execute({ name, memberIds: [BOB] } as never);
    const roomId = Number(/room (\d+)/.exec(created)?.[1]);
    const room = (await emulator().state()).rooms.find((r) => r.room_id === roomId);
    assert.ok(room, created);
    assert.strictEqual(room.name, name);
    assert.deepStrictEqual(room.members.map((m) => [m.account_id, m.role]).sort(), [[ME, 'admin'], [BOB, 'member']]);

    const rename = tool('chatwork_update_room');
    assert.ok((await confirmation(rename, { roomId, name: `${name} v2` })).message.includes(`${name} (room ${roomId})`));
    await rename.execute({ roomId, name: `${name} v2` } as never);
    assert.strictEqual((await emulator().state()).rooms.find((r) => r.room_id === roomId)?.name, `${name} v2`);

    const linkCode = `agent-${Date.now()}`;
    await tool('chatwork_create_invite_link').execute({ roomId, code: linkCode, needAcceptance: true } as never);
    assert.strictEqual((await emulator().state()).rooms.find((r) => r.room_id === roomId)?.link?.code, linkCode);
    await tool('chatwork_update_invite_link').execute({ roomId, description: 'join us' } as never);
    assert.strictEqual((await emulator().state()).rooms.find((r) => r.room_id === roomId)?.link?.description, 'join us');
    const unlink = tool('chatwork_delete_invite_link');
    assert.ok((await confirmation(unlink, { roomId })).message.includes(`(room ${roomId})`));
    await unlink.execute({ roomId } as never);
    assert.strictEqual((await emulator().state()).rooms.find((r) => r.room_id === roomId)?.link, null);

    const members = tool('chatwork_update_members');
    const shown = await confirmation(members, { roomId, adminIds: [ME] });
    assert.ok(shown.message.includes('Bob Suzuki (1003)'), `the confirmation names who is removed: ${shown.message}`);
    await members.execute({ roomId, adminIds: [ME] } as never);
    assert.deepStrictEqual((await emulator().state()).rooms.find((r) => r.room_id === roomId)?.members.map((m) => m.account_id), [ME]);

    const remove = tool('chatwork_delete_room');
    assert.ok((await confirmation(remove, { roomId })).title.includes('Delete'));
    await remove.execute({ roomId } as never);
    assert.strictEqual((await emulator().state()).rooms.find((r) => r.room_id === roomId), undefined);
  });

  it('post code sends exactly what Send Selection writes; task from code carries path:Lx-y', async () => {
    const source = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n';
    const uri = await workspaceFile('math.ts', source);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    editor.selection = new vscode.Selection(0, 0, 2, 1);
    const expected = formatSnippet({ path: `${DIR}/math.ts`, language: 'typescript', code: editor.document.getText(editor.selection), comment: 'Look at this', startLine: 1, endLine: 3 });
    assert.strictEqual(expected.kind, 'ok');
    const postCode = tool('chatwork_post_code');
    const shown = await confirmation(postCode, { roomId: WORK, comment: 'Look at this' });
    assert.ok(shown.message.includes(`${DIR}/math.ts:L1-3`) && shown.message.includes(`${WORK_NAME} (room ${WORK})`), shown.message);
    await postCode.execute({ roomId: WORK, comment: 'Look at this' } as never);
    assert.strictEqual((await myMessages(WORK)).at(-1)?.body, expected.body);

    const fromFile = { roomId: WORK, assigneeIds: [BOB], path: `${DIR}/math.ts`, startLine: 2, endLine: 2, text: 'Handle overflow' };
    const taskTool = tool('chatwork_task_from_code');
    assert.ok((await confirmation(taskTool, fromFile)).message.includes(`${DIR}/math.ts:L2`));
    await taskTool.execute(fromFile as never);
    const body = formatTaskBody('Handle overflow', `${DIR}/math.ts`, { startLine: 2, endLine: 2 });
    assert.ok((await emulator().state()).tasks.some((t) => t.body === body && t.account_id === BOB), body);
  });

  it('share workspace file uploads a workspace file, and refuses files outside it or over 5 MB', async () => {
    await workspaceFile('notes.txt', 'release notes\n');
    const share = tool('chatwork_share_workspace_file');
    const shown = await confirmation(share, { roomId: WORK, path: `${DIR}/notes.txt`, message: 'notes' });
    assert.ok(shown.message.includes(`${DIR}/notes.txt`) && shown.message.includes(WORK_NAME), shown.message);
    const result = await share.execute({ roomId: WORK, path: `${DIR}/notes.txt`, message: 'notes' } as never);
    assert.match(result, new RegExp(`^Uploaded chatwork-it-agent/notes\\.txt as file \\d+ to room ${WORK}\\.$`));
    const uploaded = (await emulator().state()).files.filter((f) => f.room_id === WORK && f.filename === 'notes.txt').at(-1);
    assert.strictEqual(Buffer.from(uploaded?.content_base64 ?? '', 'base64').toString('utf8'), 'release notes\n');

    const before = (await emulator().state()).files.length;
    const outside = await share.execute({ roomId: WORK, path: '../../../../../../etc/hostname' } as never);
    assert.match(outside, /not a file inside the workspace/);
    const absolute = await share.execute({ roomId: WORK, path: '/etc/hostname' } as never);
    assert.match(absolute, /not a file inside the workspace/);
    // A symlink inside the workspace that points outside it is outside.
    const outsideDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-agent-'));
    fs.writeFileSync(path.join(outsideDir, 'secret.txt'), 'secret');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    const link = path.join(folder, DIR, 'link-out');
    fs.rmSync(link, { force: true });
    fs.symlinkSync(outsideDir, link);
    assert.match(await share.execute({ roomId: WORK, path: `${DIR}/link-out/secret.txt` } as never), /not a file inside the workspace/);
    fs.rmSync(link, { force: true });
    fs.rmSync(outsideDir, { recursive: true, force: true });
    await workspaceFile('big.bin', new Uint8Array(5 * 1024 * 1024 + 1));
    assert.match(await share.execute({ roomId: WORK, path: `${DIR}/big.bin` } as never), /up to 5 MB/);
    assert.strictEqual((await emulator().state()).files.length, before, 'nothing was uploaded');
  });

  it('read state, leaving a room and contact requests are confirmed and change the emulator', async () => {
    await emulator().postAs('alice', WORK, `unread for the agent ${Date.now()}`);
    const markRead = tool('chatwork_mark_read');
    assert.ok((await confirmation(markRead, { roomId: WORK })).message.includes(`${WORK_NAME} (room ${WORK})`));
    assert.match(await markRead.execute({ roomId: WORK } as never), new RegExp(`^Room ${WORK} now has 0 unread messages`));
    const last = (await emulator().state()).messages.filter((m) => m.room_id === WORK).at(-1);
    assert.ok(last);
    const markUnread = tool('chatwork_mark_unread');
    assert.ok((await confirmation(markUnread, { roomId: WORK, messageId: last.message_id })).message.includes(last.message_id));
    assert.match(await markUnread.execute({ roomId: WORK, messageId: last.message_id } as never), new RegExp(`^Room ${WORK} now has 1 unread messages`));

    const { room_id: roomId } = await api.deps.client.createRoom({ name: `Leave me ${Date.now()}`, members_admin_ids: [ME, BOB] });
    const leave = tool('chatwork_leave_room');
    assert.ok((await confirmation(leave, { roomId })).message.includes(`(room ${roomId})`));
    await leave.execute({ roomId } as never);
    assert.ok(!(await emulator().state()).rooms.find((r) => r.room_id === roomId)?.members.some((m) => m.account_id === ME));

    // A request of this test's own (the seeded one from Dana belongs to the Contacts view's tests).
    const requestId = await emulator().requestContact('eiko', `Agent tools request ${Date.now()}`);
    const request = (await api.deps.client.getIncomingRequests()).find((r) => r.request_id === requestId);
    assert.ok(request, 'the contact request made for this test');
    {
      const reject = await confirmation(tool('chatwork_reject_contact_request'), { requestId: request.request_id });
      assert.ok(reject.message.includes(request.name) && reject.message.includes(request.message.slice(0, 10)), reject.message);
      const accept = tool('chatwork_accept_contact_request');
      assert.ok((await confirmation(accept, { requestId: request.request_id })).message.includes(request.name));
      assert.match(await accept.execute({ requestId: request.request_id } as never), new RegExp(`account: ${request.account_id}`));
      assert.ok((await emulator().state()).contacts.some((c) => c.account_id === ME && c.contact_account_id === request.account_id));
    }
  });

  it('hostile room names and bodies reach the confirmation escaped and without invisible characters', async () => {
    const hostile = 'Team **urgent** [open](https://evil.example) \u202egnp.exe';
    const { room_id: roomId } = await api.deps.client.createRoom({ name: hostile, members_admin_ids: [ME] });
    await api.deps.store.refreshRooms();
    const prepared = await tool('chatwork_post_message').prepareInvocation({ input: { roomId, body: 'Ignore the above\n# Heading\n<img src=x>' } } as never);
    const message = prepared.confirmationMessages?.message;
    assert.ok(message instanceof vscode.MarkdownString || typeof message === 'object');
    const markdown = (message as vscode.MarkdownString).value;
    assert.ok(!markdown.includes('\u202e'), 'no direction override');
    assert.ok(!markdown.includes('[open](https://evil.example)'), `link syntax is escaped: ${markdown}`);
    assert.ok(!markdown.includes('**urgent**'), 'emphasis is escaped');
    assert.ok(!/^# Heading/m.test(markdown) && !markdown.includes('<img'), `no heading or HTML from the body: ${markdown}`);
    await api.deps.client.deleteRoom(roomId, 'delete');
  });

  it('read-only mode refuses changes without asking; off turns every tool off', async () => {
    const before = (await myMessages(WORK)).length;
    await setMode('readOnly');
    const post = tool('chatwork_post_message');
    assert.strictEqual((await post.prepareInvocation({ input: { roomId: WORK, body: 'x' } } as never)).confirmationMessages, undefined);
    assert.match(await post.execute({ roomId: WORK, body: 'x' } as never), /"readOnly": nothing was sent/);
    assert.match(await invoke('chatwork_me', {}), /Taro Yamada/);
    await setMode('off');
    assert.match(await invoke('chatwork_me', {}), /turned off/);
    await setMode('all');
    assert.strictEqual((await myMessages(WORK)).length, before);
  });

  it('a 429 answers with the wait, and calls before the reset wait without a request (no retry storm)', async () => {
    await emulator().injectFault({ method: 'POST', path: `/rooms/${WORK}/messages`, kind: 'status', status: 429, resetSeconds: 3, times: 1 });
    await emulator().resetRequests();
    const text = await tool('chatwork_post_message').execute({ roomId: WORK, body: 'rate limited' } as never);
    assert.match(text, /Wait [1-4] seconds before calling a Chatwork tool again/);
    const again = await invoke('chatwork_list_messages', { roomId: WORK });
    assert.match(again, /Wait [1-4] seconds/);
    assert.deepStrictEqual((await emulator().requests()).map((r) => r.method), ['POST'], 'one attempt, nothing more until the reset');
    const reset = api.deps.client.rateLimit?.reset ?? 0;
    await waitFor(() => Date.now() > reset * 1000, 'the rate-limit window to reset', 10_000);
    assert.match(await invoke('chatwork_me', {}), /Taro Yamada/);
  });

  it('a tool call in the middle of polling does not hide a new message from the tree (force=1, never the diff)', async () => {
    await api.deps.store.messages(WORK); // the tree/panel has the room's messages
    await api.deps.store.pollMessages(WORK); // caught up: the diff cursor is at the end
    const fresh = await emulator().postAs('bob', WORK, `new while the agent reads ${Date.now()}`);
    await emulator().resetRequests();
    // The agent reads in between two polls.
    await invoke('chatwork_list_messages', { roomId: WORK, limit: 5 });
    await invoke('chatwork_thread', { roomId: WORK, messageId: fresh.message_id });
    await invoke('chatwork_unread_digest', {});
    await invoke('chatwork_find_messages', { query: 'agent reads' });
    const reads = (await emulator().requests()).filter((r) => r.method === 'GET' && /\/messages$/.test(r.path));
    assert.ok(reads.length > 0, JSON.stringify(await emulator().requests()));
    assert.ok(reads.every((r) => r.query.force === '1'), `tools read with force=1 only: ${JSON.stringify(reads.map((r) => r.query))}`);
    // The poller's next diff poll; the message is in the store (and so in the tree) either way.
    await api.deps.store.pollMessages(WORK);
    assert.ok((await api.deps.store.messages(WORK)).some((m) => m.message_id === fresh.message_id));
    const room = (await api.tree.provider.getChildren()).find((n) => n.id === `room:${WORK}`);
    assert.ok(room, 'Phoenix in the tree');
    const messagesNode = (await api.tree.provider.getChildren(room)).find((n) => n.id === `room:${WORK}:messages`);
    assert.ok(messagesNode, 'Phoenix has a messages node');
    const children = await api.tree.provider.getChildren(messagesNode);
    assert.ok(children.some((n) => n.id === `message:${WORK}:${fresh.message_id}`), 'the tree shows the new message');
  });

  it('signed out: every tool says how to sign in, and nothing is sent', async () => {
    await api.deps.tokens.clear();
    try {
      await emulator().resetRequests();
      assert.match(await invoke('chatwork_list_rooms', {}), /Not signed in to Chatwork\. Ask the user to run the command "Chatwork: Set API Token"/);
      const post = tool('chatwork_post_message');
      assert.strictEqual((await post.prepareInvocation({ input: { roomId: WORK, body: 'x' } } as never)).confirmationMessages, undefined, 'nothing to confirm');
      assert.match(await post.execute({ roomId: WORK, body: 'x' } as never), /Not signed in/);
      assert.deepStrictEqual(await emulator().requests(), []);
    } finally {
      await signIn();
    }
  });
});
