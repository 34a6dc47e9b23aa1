// Every room command driven end to end in the real extension host: scripted answers in, the
// emulator's state (read over its control API) out.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ChatworkExtensionApi } from '../../src/extension';
import type { StateSnapshot } from '../emulator';
import { emulator, pollFresh, scriptPrompts, signIn } from './helpers/extension';
import type { ScriptedPrompts } from './helpers/scriptedPrompts';

const ME = 1001;
const ALICE = 1002;
const BOB = 1003;
const CHEN = 1004;
const PHOENIX = 10010;
const DESIGN = 10011;
const NEWS = 10012;

type RoomState = StateSnapshot['rooms'][number];

async function roomIn(roomId: number): Promise<RoomState | undefined> {
  return (await emulator().state()).rooms.find((r) => r.room_id === roomId);
}

function roles(room: RoomState | undefined): Record<number, string> {
  return Object.fromEntries((room?.members ?? []).map((m) => [m.account_id, m.role]));
}

/** The unread count of a room for me, as Chatwork reports it now. */
async function unreadOf(api: ChatworkExtensionApi, roomId: number): Promise<number> {
  return (await api.deps.client.getRooms()).find((r) => r.room_id === roomId)?.unread_num ?? -1;
}

describe('room commands', () => {
  let api: ChatworkExtensionApi;
  let prompts: ScriptedPrompts;

  beforeEach(async () => {
    api = await signIn();
    prompts = await scriptPrompts();
  });

  afterEach(() => prompts.assertAllAnswered());

  describe('group chats', () => {
    let created: number | undefined;

    it('Create Group Chat: name, description, icon, roles (an admin is required), then POST /rooms', async () => {
      prompts.answer(
        { kind: 'input', value: 'Integration Room' },
        { kind: 'input', value: 'First line⏎second line' },
        { kind: 'pick', choose: 'meeting' },
        { kind: 'pickMany', choose: [] }, // no admin: refused, asked again
        { kind: 'pickMany', choose: ['Taro Yamada', 'Alice Tanaka'] },
        { kind: 'pickMany', choose: ['Bob Suzuki'] },
        { kind: 'pickMany', choose: ['Chen Wei'] },
      );
      await vscode.commands.executeCommand('chatwork.createRoom');
      const room = (await emulator().state()).rooms.find((r) => r.name === 'Integration Room');
      assert.ok(room, 'room created');
      created = room.room_id;
      assert.strictEqual(room.description, 'First line\nsecond line');
      assert.match(room.icon_path, /ico_meeting\./);
      assert.deepStrictEqual(roles(room), { [ME]: 'admin', [ALICE]: 'admin', [BOB]: 'member', [CHEN]: 'readonly' });
      assert.ok(prompts.notifications.some((n) => n.severity === 'warning' && /at least one admin/.test(n.message)));
      assert.match(prompts.notifications.at(-1)?.message ?? '', /Created the group chat “Integration Room”/);
      assert.ok(api.deps.store.room(created), 'the tree knows the new room after one poll');
    });

    it('Edit Room: prefilled from GET /rooms/{id}, sends only what changed', async () => {
      assert.ok(created);
      await emulator().resetRequests();
      prompts.answer(
        { kind: 'input', value: 'Integration Room (renamed)' },
        { kind: 'input', value: 'First line⏎second line' }, // unchanged
        { kind: 'pick', choose: 'Keep the current icon' },
      );
      await vscode.commands.executeCommand('chatwork.editRoom', { roomId: created });
      const room = await roomIn(created);
      assert.strictEqual(room?.name, 'Integration Room (renamed)');
      assert.strictEqual(room?.description, 'First line\nsecond line');
      const put = (await emulator().requests()).find((r) => r.method === 'PUT' && r.path === `/rooms/${created}`);
      assert.deepStrictEqual(put?.form, { name: 'Integration Room (renamed)' });
    });

    it('Change Members: current roles offered, removals confirmed by name, result shown', async () => {
      assert.ok(created);
      prompts.answer(
        { kind: 'pickMany', choose: ['Taro Yamada'] },
        { kind: 'pickMany', choose: ['Alice Tanaka', 'Chen Wei'] },
        { kind: 'pickMany', choose: [] }, // Bob is left out
        { kind: 'confirm', action: 'Remove' },
      );
      await vscode.commands.executeCommand('chatwork.changeMembers', { roomId: created });
      assert.deepStrictEqual(roles(await roomIn(created)), { [ME]: 'admin', [ALICE]: 'member', [CHEN]: 'member' });
      assert.match(prompts.questions.at(-1) ?? '', /Remove Bob Suzuki from/);
      assert.match(prompts.notifications.at(-1)?.message ?? '', /updated: 1 admin, 2 members, 0 read-only/);
      const members = await api.deps.store.members(created);
      assert.strictEqual(members.length, 3, 'the store was invalidated and reloads the new list');
    });

    it('Change Members cancelled at the confirmation changes nothing', async () => {
      assert.ok(created);
      prompts.answer(
        { kind: 'pickMany', choose: ['Taro Yamada'] },
        { kind: 'pickMany', choose: [] },
        { kind: 'pickMany', choose: [] },
        { kind: 'confirm', action: undefined },
      );
      await vscode.commands.executeCommand('chatwork.changeMembers', { roomId: created });
      assert.deepStrictEqual(roles(await roomIn(created)), { [ME]: 'admin', [ALICE]: 'member', [CHEN]: 'member' });
    });

    it('Leave Room: a modal confirmation naming what is lost, then DELETE action_type=leave', async () => {
      const { room_id } = await api.deps.client.createRoom({ name: 'To leave', members_admin_ids: [ALICE], members_member_ids: [ME] });
      await pollFresh(api);
      prompts.answer({ kind: 'confirm', action: 'Leave' });
      await vscode.commands.executeCommand('chatwork.leaveRoom', { roomId: room_id });
      assert.ok(!(await roomIn(room_id))?.members.some((m) => m.account_id === ME), 'I left');
      assert.match(prompts.questions.at(-1) ?? '', /Leave “To leave”\?/);
      assert.strictEqual(api.deps.store.room(room_id), undefined, 'gone from the tree');
    });

    it('Delete Room is for admins only: a read-only room is refused without a request', async () => {
      await emulator().resetRequests();
      await vscode.commands.executeCommand('chatwork.deleteRoom', { roomId: NEWS });
      assert.match(prompts.notifications.at(-1)?.message ?? '', /Only admins can delete/);
      assert.ok(!(await emulator().requests()).some((r) => r.method === 'DELETE'));
      assert.ok(await roomIn(NEWS));
    });

    it('Delete Room: cancelled keeps the room; confirmed deletes it for everyone', async () => {
      assert.ok(created);
      prompts.answer({ kind: 'confirm', action: undefined });
      await vscode.commands.executeCommand('chatwork.deleteRoom', { roomId: created });
      assert.ok(await roomIn(created));
      prompts.answer({ kind: 'confirm', action: 'Delete' });
      await vscode.commands.executeCommand('chatwork.deleteRoom', { roomId: created });
      assert.strictEqual(await roomIn(created), undefined);
      assert.match(prompts.questions.at(-1) ?? '', /Delete “Integration Room \(renamed\)” for everyone\?/);
      assert.strictEqual(api.deps.store.room(created), undefined);
    });

    it('from the palette, the room is asked with a QuickPick of qualifying rooms', async () => {
      prompts.answer({ kind: 'pick', choose: undefined });
      await vscode.commands.executeCommand('chatwork.editRoom');
      const offered = prompts.lastItems.map((i) => i.label);
      assert.ok(offered.includes('Phoenix 開発チーム'));
      assert.ok(!offered.includes('デザインレビュー'), 'only rooms I administer');
    });
  });

  describe('read state', () => {
    it('Mark Room Read, then again: the second time is information, not an error', async () => {
      await emulator().postAs('alice', DESIGN, 'something to read');
      assert.ok((await unreadOf(api, DESIGN)) > 0);
      await vscode.commands.executeCommand('chatwork.markRoomRead', { roomId: DESIGN });
      assert.strictEqual(await unreadOf(api, DESIGN), 0);
      assert.strictEqual(api.deps.store.room(DESIGN)?.unread_num, 0, 'the tree was refreshed');
      await vscode.commands.executeCommand('chatwork.markRoomRead', { roomId: DESIGN });
      assert.deepStrictEqual(
        prompts.notifications.map((n) => n.severity),
        ['info'],
      );
      assert.match(prompts.notifications[0]?.message ?? '', /has no unread messages/);
    });

    it('Mark Unread From This Message makes that message and the later ones unread', async () => {
      const messages = (await emulator().state()).messages.filter((m) => m.room_id === DESIGN && m.account_id !== ME);
      const target = messages.at(-2);
      assert.ok(target);
      await vscode.commands.executeCommand('chatwork.markUnreadFromMessage', { roomId: DESIGN, messageId: target.message_id });
      assert.ok((await unreadOf(api, DESIGN)) >= 2);
    });
  });

  describe('messages', () => {
    async function myMessage(roomId: number): Promise<StateSnapshot['messages'][number]> {
      const mine = (await emulator().state()).messages.filter((m) => m.room_id === roomId && m.account_id === ME && !m.deleted);
      const message = mine.at(-1);
      assert.ok(message, `a message of mine in ${roomId}`);
      return message;
    }

    it('Edit Message updates Chatwork and the store, without another GET', async () => {
      await api.deps.store.messages(PHOENIX);
      const message = await myMessage(PHOENIX);
      await emulator().resetRequests();
      prompts.answer({ kind: 'input', value: 'Edited⏎in the integration test' });
      await vscode.commands.executeCommand('chatwork.editMessage', { roomId: PHOENIX, messageId: message.message_id });
      const stored = (await emulator().state()).messages.find((m) => m.message_id === message.message_id);
      assert.strictEqual(stored?.body, 'Edited\nin the integration test');
      const cached = (await api.deps.store.messages(PHOENIX)).find((m) => m.message_id === message.message_id);
      assert.strictEqual(cached?.body, 'Edited\nin the integration test');
      assert.ok(!(await emulator().requests()).some((r) => r.method === 'GET' && r.path.includes('/messages')));
    });

    it("someone else's message cannot be edited: said so, nothing sent", async () => {
      const other = (await emulator().state()).messages.find((m) => m.room_id === PHOENIX && m.account_id === ALICE && !m.deleted);
      assert.ok(other);
      await emulator().resetRequests();
      await vscode.commands.executeCommand('chatwork.editMessage', { roomId: PHOENIX, messageId: other.message_id });
      assert.match(prompts.notifications.at(-1)?.message ?? '', /only change your own messages/);
      assert.ok(!(await emulator().requests()).some((r) => r.method === 'PUT'));
    });

    it('Delete Message asks first; confirmed, the message reads back as deleted', async () => {
      const message = await myMessage(PHOENIX);
      prompts.answer({ kind: 'confirm', action: undefined });
      await vscode.commands.executeCommand('chatwork.deleteMessage', { roomId: PHOENIX, messageId: message.message_id });
      assert.strictEqual((await emulator().state()).messages.find((m) => m.message_id === message.message_id)?.deleted, false);
      prompts.answer({ kind: 'confirm', action: 'Delete' });
      await vscode.commands.executeCommand('chatwork.deleteMessage', { roomId: PHOENIX, messageId: message.message_id });
      assert.strictEqual((await emulator().state()).messages.find((m) => m.message_id === message.message_id)?.deleted, true);
      assert.strictEqual((await api.deps.store.messages(PHOENIX)).find((m) => m.message_id === message.message_id)?.body, '[deleted]');
    });

    it('Show Message opens the details read-only; Copy Message Link copies the web link', async () => {
      const message = (await emulator().state()).messages.filter((m) => m.room_id === PHOENIX && !m.deleted).at(-1);
      assert.ok(message);
      await vscode.commands.executeCommand('chatwork.showMessage', { roomId: PHOENIX, messageId: message.message_id });
      const doc = vscode.window.activeTextEditor?.document;
      assert.strictEqual(doc?.uri.scheme, 'chatwork-details');
      assert.strictEqual(doc?.languageId, 'markdown');
      assert.ok(doc?.getText().includes(`https://www.chatwork.com/#!rid${PHOENIX}-${message.message_id}`));
      assert.ok(doc?.getText().includes(message.body));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

      await vscode.commands.executeCommand('chatwork.copyMessageLink', { roomId: PHOENIX, messageId: message.message_id });
      assert.strictEqual(await vscode.env.clipboard.readText(), `https://www.chatwork.com/#!rid${PHOENIX}-${message.message_id}`);
    });
  });

  describe('tasks', () => {
    it('Create Task: text, assignees from the members, a validated deadline; one task per assignee', async () => {
      await api.deps.store.tasks(PHOENIX);
      prompts.answer(
        { kind: 'input', value: 'Write the release notes' },
        { kind: 'pickMany', choose: ['Taro Yamada', 'Alice Tanaka'] },
        { kind: 'input', value: '2099-02-30' }, // refused in the box
        { kind: 'input', value: '2099-12-31' },
      );
      await vscode.commands.executeCommand('chatwork.createTask', { roomId: PHOENIX });
      assert.deepStrictEqual(prompts.validationMessages, ['2099-02-30 is not a real date or time.']);
      const tasks = (await emulator().state()).tasks.filter((t) => t.room_id === PHOENIX && t.body === 'Write the release notes');
      assert.deepStrictEqual(tasks.map((t) => t.account_id).sort(), [ME, ALICE]);
      assert.ok(tasks.every((t) => t.limit_type === 'date' && t.limit_time > 0 && t.assigned_by_account_id === ME));
      const cached = await api.deps.store.tasks(PHOENIX);
      assert.ok(cached.some((t) => t.body === 'Write the release notes'), 'the tasks list was reloaded');
      assert.match(prompts.notifications.at(-1)?.message ?? '', /2 tasks added/);
    });

    it('Create Task with a body given, a time deadline, from a node-like argument', async () => {
      prompts.answer(
        { kind: 'input', value: 'Review⏎the PR' },
        { kind: 'pickMany', choose: ['Bob Suzuki'] },
        { kind: 'input', value: '2099-01-02 09:30' },
      );
      await vscode.commands.executeCommand('chatwork.createTask', { roomId: PHOENIX, body: 'Review\nthe PR' });
      const task = (await emulator().state()).tasks.find((t) => t.body === 'Review\nthe PR');
      assert.strictEqual(task?.account_id, BOB);
      assert.strictEqual(task?.limit_type, 'time');
      assert.strictEqual(task?.limit_time, Math.floor(new Date(2099, 0, 2, 9, 30).getTime() / 1000));
    });

    it(`Create Task: a date-only deadline lands on the picked day, shown as that day (TZ=${process.env.TZ ?? 'unset'})`, async () => {
      // Run with TZ=America/Los_Angeles, Asia/Ho_Chi_Minh and Asia/Tokyo: the day must not move.
      prompts.answer({ kind: 'input', value: 'IT: due on the 3rd' }, { kind: 'pickMany', choose: ['Bob Suzuki'] }, { kind: 'input', value: '2099-12-03' });
      await vscode.commands.executeCommand('chatwork.createTask', { roomId: PHOENIX });
      assert.match(prompts.descriptions.at(-1) ?? '', /Dec 3, 2099 \(the whole day\)/);
      const task = (await emulator().state()).tasks.find((t) => t.body === 'IT: due on the 3rd');
      assert.ok(task);
      assert.strictEqual(task.limit_type, 'date');
      // Chatwork files it on Japan's calendar: the end of 2099-12-03 in JST.
      assert.strictEqual(task.limit_time, Date.UTC(2099, 11, 3, 23, 59, 59) / 1000 - 9 * 3600);
      await vscode.commands.executeCommand('chatwork.showTask', { roomId: PHOENIX, taskId: task.task_id });
      assert.match(vscode.window.activeTextEditor?.document.getText() ?? '', /Deadline: 2099-12-03\n/);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('Show Task opens the task (GET tasks/{id}) read-only', async () => {
      const task = (await emulator().state()).tasks.find((t) => t.room_id === PHOENIX);
      assert.ok(task);
      await emulator().resetRequests();
      await vscode.commands.executeCommand('chatwork.showTask', { roomId: PHOENIX, taskId: task.task_id });
      const doc = vscode.window.activeTextEditor?.document;
      assert.strictEqual(doc?.uri.scheme, 'chatwork-details');
      assert.match(doc?.getText() ?? '', /^# Task: /);
      assert.ok((await emulator().requests()).some((r) => r.path === `/rooms/${PHOENIX}/tasks/${task.task_id}`));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  });

  describe('files', () => {
    let folder: string;
    before(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chatwork-it-'))));
    after(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('Download File: sanitized default name, fresh URL, streamed to disk, then Open / Reveal offered', async () => {
      const file = (await emulator().state()).files.find((f) => f.room_id === PHOENIX && f.content_base64 !== null);
      assert.ok(file);
      const target = vscode.Uri.file(path.join(folder, file.filename));
      prompts.answer({ kind: 'save', uri: target });
      await emulator().resetRequests();
      await vscode.commands.executeCommand('chatwork.downloadFile', { roomId: PHOENIX, fileId: file.file_id });
      assert.deepStrictEqual(fs.readFileSync(target.fsPath), Buffer.from(file.content_base64 ?? '', 'base64'));
      assert.ok(!fs.existsSync(`${target.fsPath}.part`));
      const get = (await emulator().requests()).find((r) => r.path === `/rooms/${PHOENIX}/files/${file.file_id}`);
      assert.strictEqual(get?.query.create_download_url, '1');
      const done = prompts.notifications.at(-1);
      assert.match(done?.message ?? '', new RegExp(`Downloaded ${file.filename.replace('.', '\\.')}`));
      assert.deepStrictEqual(done?.actions, ['Open', 'Reveal']);
    });

    it('a failed download says why, with the server text, and leaves no partial file', async () => {
      const file = (await emulator().state()).files.find((f) => f.room_id === PHOENIX && f.content_base64 !== null);
      assert.ok(file);
      const target = vscode.Uri.file(path.join(folder, 'failed.bin'));
      await emulator().injectFault({ method: 'GET', path: `/rooms/${PHOENIX}/files/${file.file_id}`, kind: 'status', status: 404, times: 1 });
      prompts.answer({ kind: 'save', uri: target });
      await vscode.commands.executeCommand('chatwork.downloadFile', { roomId: PHOENIX, fileId: file.file_id });
      const error = prompts.notifications.at(-1);
      assert.strictEqual(error?.severity, 'error');
      assert.match(error?.message ?? '', /^Downloading “.+” failed: .*Emulated fault: HTTP 404/);
      assert.ok(!fs.existsSync(target.fsPath) && !fs.existsSync(`${target.fsPath}.part`));
    });
  });
});
