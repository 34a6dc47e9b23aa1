// Every ChatworkClient operation against the emulator over real HTTP: the documented response
// shape (the RAML's JSON Schemas in test/fixtures/raml-schemas.json) and the effect on the server.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { ChatworkClient } from '../../src/api';
import { SEED_IDS, SEED_ROOMS, startEmulator, type Emulator } from '../emulator';

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema | Schema[];
  enum?: unknown[];
}

const SCHEMAS = JSON.parse(readFileSync(path.join(__dirname, '../../../test/fixtures/raml-schemas.json'), 'utf8')) as Record<string, Schema>;

/** The small subset of JSON Schema the RAML uses: type, properties, required, items, enum. */
function assertMatches(value: unknown, schema: Schema, at: string): void {
  const types: Record<string, (v: unknown) => boolean> = {
    object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    array: Array.isArray,
    string: (v) => typeof v === 'string',
    integer: (v) => Number.isInteger(v),
    number: (v) => typeof v === 'number',
    boolean: (v) => typeof v === 'boolean',
  };
  if (schema.type) assert.ok(types[schema.type]?.(value), `${at}: expected ${schema.type}, got ${JSON.stringify(value)}`);
  if (schema.enum) assert.ok(schema.enum.includes(value), `${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  if (Array.isArray(value)) {
    // RAML 0.8 writes `items` as a one-element list; two schemas (/contacts, /incoming_requests) put
    // the items' `required` on the array itself.
    const items = { ...(Array.isArray(schema.items) ? schema.items[0] : schema.items), ...(schema.required ? { required: schema.required } : {}) };
    value.forEach((item, i) => assertMatches(item, items, `${at}[${i}]`));
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of schema.required ?? []) assert.ok(key in record, `${at}: missing ${key}`);
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    if (record[key] !== undefined) assertMatches(record[key], sub, `${at}.${key}`);
  }
}

function assertShape(operation: string, value: unknown): void {
  const schema = SCHEMAS[operation];
  assert.ok(schema, `no RAML schema for ${operation}`);
  assertMatches(value, schema, operation);
}

const MESSAGE_ID = /^\d{19}$/;

describe('ChatworkClient against the emulator', () => {
  let emu: Emulator;
  let client: ChatworkClient;

  beforeEach(async () => {
    emu = await startEmulator();
    client = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token });
  });
  afterEach(() => emu.close());

  /** The last request the emulator saw. */
  const lastRequest = () => emu.requests[emu.requests.length - 1];

  describe('me, contacts, my status and tasks', () => {
    it('getMe answers my account', async () => {
      const me = await client.getMe();
      assertShape('GET /me', me);
      assert.strictEqual(me.account_id, SEED_IDS.me);
      assert.strictEqual(me.room_id, SEED_ROOMS.myChat);
      assert.strictEqual(lastRequest()?.method, 'GET');
      assert.strictEqual(lastRequest()?.path, '/me');
    });

    it('getMyStatus answers the counters of all rooms', async () => {
      const status = await client.getMyStatus();
      assertShape('GET /my/status', status);
      assert.ok(status.unread_num > 0 && status.unread_room_num > 0);
    });

    it('getMyTasks answers my open tasks and sends filters as the query', async () => {
      const open = await client.getMyTasks();
      assertShape('GET /my/tasks', open);
      assert.ok(open.length > 0);
      assert.ok(open.every((t) => t.status === 'open'));

      const done = await client.getMyTasks({ assigned_by_account_id: SEED_IDS.bob, status: 'done' });
      assertShape('GET /my/tasks', done);
      assert.deepStrictEqual(lastRequest()?.query, { assigned_by_account_id: String(SEED_IDS.bob), status: 'done' });
      assert.ok(done.length > 0 && done.every((t) => t.status === 'done' && t.assigned_by_account.account_id === SEED_IDS.bob));
    });

    it('getContacts answers my contacts with their direct rooms', async () => {
      const contacts = await client.getContacts();
      assertShape('GET /contacts', contacts);
      assert.deepStrictEqual(
        contacts.map((c) => [c.account_id, c.room_id]),
        [[SEED_IDS.alice, SEED_ROOMS.directAlice], [SEED_IDS.bob, SEED_ROOMS.directBob], [SEED_IDS.chen, SEED_ROOMS.directChen]],
      );
    });
  });

  describe('rooms and members', () => {
    it('getRooms answers every room I am in', async () => {
      const rooms = await client.getRooms();
      assertShape('GET /rooms', rooms);
      const phoenix = rooms.find((r) => r.room_id === SEED_ROOMS.phoenix);
      assert.strictEqual(phoenix?.type, 'group');
      assert.strictEqual(phoenix?.role, 'admin');
      assert.strictEqual('description' in (phoenix ?? {}), false);
    });

    it('getRoom answers the room with its description', async () => {
      const room = await client.getRoom(SEED_ROOMS.phoenix);
      assertShape('GET /rooms/{room_id}', room);
      assert.match(room.description, /Phoenix/);
    });

    it('createRoom form-encodes the members as comma-joined ids and booleans as 1/0', async () => {
      const result = await client.createRoom({
        name: 'Website renewal 🚀',
        description: 'group chat description',
        icon_preset: 'meeting',
        members_admin_ids: [SEED_IDS.me],
        members_member_ids: [SEED_IDS.alice, SEED_IDS.bob],
        members_readonly_ids: [SEED_IDS.chen],
        link: true,
        link_code: 'website-renewal',
        link_need_acceptance: false,
      });
      assertShape('POST /rooms', result);
      assert.deepStrictEqual(lastRequest()?.form, {
        name: 'Website renewal 🚀', description: 'group chat description', icon_preset: 'meeting',
        members_admin_ids: '1001', members_member_ids: '1002,1003', members_readonly_ids: '1004',
        link: '1', link_code: 'website-renewal', link_need_acceptance: '0',
      });
      const room = await client.getRoom(result.room_id);
      assert.strictEqual(room.name, 'Website renewal 🚀');
      assert.strictEqual(room.icon_path, 'https://appdata.chatwork.com/icon/ico_meeting.png');
      const link = await client.getRoomLink(result.room_id);
      assert.strictEqual(link.public, true);
      assert.strictEqual(link.need_acceptance, false);
      assert.match(link.url ?? '', /website-renewal$/);
    });

    it('updateRoom changes name, description and icon', async () => {
      const result = await client.updateRoom(SEED_ROOMS.phoenix, { name: 'Phoenix v3', description: 'next', icon_preset: 'star' });
      assertShape('PUT /rooms/{room_id}', result);
      assert.strictEqual(result.room_id, SEED_ROOMS.phoenix);
      const room = await client.getRoom(SEED_ROOMS.phoenix);
      assert.deepStrictEqual([room.name, room.description, room.icon_path], ['Phoenix v3', 'next', 'https://appdata.chatwork.com/icon/ico_star.png']);
    });

    it('deleteRoom(delete) answers nothing (204) and the room is gone', async () => {
      const created = await client.createRoom({ name: 'Short-lived', members_admin_ids: [SEED_IDS.me] });
      const result = await client.deleteRoom(created.room_id, 'delete');
      assert.strictEqual(result, undefined);
      assert.strictEqual(lastRequest()?.status, 204);
      assert.deepStrictEqual(lastRequest()?.form, { action_type: 'delete' });
      await assert.rejects(client.getRoom(created.room_id), { kind: 'notFound', status: 404 });
    });

    it('leaveRoom sends action_type=leave and the room leaves my list', async () => {
      assert.strictEqual(await client.leaveRoom(SEED_ROOMS.design), undefined);
      assert.deepStrictEqual(lastRequest()?.form, { action_type: 'leave' });
      const rooms = await client.getRooms();
      assert.ok(!rooms.some((r) => r.room_id === SEED_ROOMS.design));
    });

    it('getMembers answers the members with their roles', async () => {
      const members = await client.getMembers(SEED_ROOMS.design);
      assertShape('GET /rooms/{room_id}/members', members);
      assert.deepStrictEqual(
        members.map((m) => [m.account_id, m.role]),
        [[SEED_IDS.alice, 'admin'], [SEED_IDS.me, 'member'], [SEED_IDS.bob, 'member'], [SEED_IDS.chen, 'readonly']],
      );
    });

    it('updateMembers replaces the member list and answers the roles', async () => {
      const roles = await client.updateMembers(SEED_ROOMS.phoenix, {
        members_admin_ids: [SEED_IDS.me],
        members_member_ids: [SEED_IDS.alice],
        members_readonly_ids: [SEED_IDS.bob, SEED_IDS.chen],
      });
      assertShape('PUT /rooms/{room_id}/members', roles);
      assert.deepStrictEqual(roles, { admin: [SEED_IDS.me], member: [SEED_IDS.alice], readonly: [SEED_IDS.bob, SEED_IDS.chen] });
      assert.deepStrictEqual(lastRequest()?.form, { members_admin_ids: '1001', members_member_ids: '1002', members_readonly_ids: '1003,1004' });
    });
  });

  describe('messages', () => {
    it('getMessages force=1 answers the latest 100; without force only what is new', async () => {
      const latest = await client.getMessages(SEED_ROOMS.random, { force: true });
      assertShape('GET /rooms/{room_id}/messages', latest);
      assert.strictEqual(lastRequest()?.query.force, '1');
      assert.strictEqual(latest.length, 100);
      assert.ok(latest.every((m) => MESSAGE_ID.test(m.message_id)));

      // Nothing new: Chatwork answers 204, the client an empty list.
      assert.deepStrictEqual(await client.getMessages(SEED_ROOMS.random), []);
      assert.strictEqual(lastRequest()?.status, 204);
      assert.strictEqual(lastRequest()?.query.force, undefined);

      const posted = emu.postAs('alice', SEED_ROOMS.random, 'New from Alice (y)');
      const fresh = await client.getMessages(SEED_ROOMS.random);
      assert.deepStrictEqual(fresh.map((m) => [m.message_id, m.body]), [[posted.message_id, 'New from Alice (y)']]);
      assert.deepStrictEqual(await client.getMessages(SEED_ROOMS.random, { force: false }), []);
    });

    it('postMessage answers the new message_id as a string and sends self_unread as 1/0', async () => {
      const body = '[To:1002]Alice さん\nレビューお願いします & よろしく :)';
      const result = await client.postMessage(SEED_ROOMS.phoenix, body, { selfUnread: true });
      assertShape('POST /rooms/{room_id}/messages', result);
      assert.match(result.message_id, MESSAGE_ID);
      assert.deepStrictEqual(lastRequest()?.form, { body, self_unread: '1' });
      const message = await client.getMessage(SEED_ROOMS.phoenix, result.message_id);
      assert.strictEqual(message.body, body);
    });

    it('getMessage keeps all 19 digits of the message_id', async () => {
      const [last] = (await client.getMessages(SEED_ROOMS.phoenix, { force: true })).slice(-1);
      assert.ok(last);
      const message = await client.getMessage(SEED_ROOMS.phoenix, last.message_id);
      assertShape('GET /rooms/{room_id}/messages/{message_id}', message);
      assert.strictEqual(message.message_id, last.message_id);
      assert.strictEqual(lastRequest()?.path, `/rooms/${SEED_ROOMS.phoenix}/messages/${last.message_id}`);
      assert.notStrictEqual(String(Number(last.message_id)), last.message_id, 'the seeded ids would be corrupted by Number()');
    });

    it('markRead and markUnread move the read state', async () => {
      const before = await client.getRoom(SEED_ROOMS.design);
      assert.ok(before.unread_num > 0);
      const read = await client.markRead(SEED_ROOMS.design);
      assertShape('PUT /rooms/{room_id}/messages/read', read);
      assert.deepStrictEqual(read, { unread_num: 0, mention_num: 0 });
      assert.strictEqual(lastRequest()?.form, undefined, 'no message_id: the whole room');

      const posted = emu.postAs('alice', SEED_ROOMS.design, '[To:1001] one');
      emu.postAs('bob', SEED_ROOMS.design, 'two');
      const unread = await client.markUnread(SEED_ROOMS.design, posted.message_id);
      assertShape('PUT /rooms/{room_id}/messages/unread', unread);
      assert.deepStrictEqual(unread, { unread_num: 2, mention_num: 1 });
      assert.deepStrictEqual(lastRequest()?.form, { message_id: posted.message_id });

      assert.deepStrictEqual(await client.markRead(SEED_ROOMS.design, posted.message_id), { unread_num: 1, mention_num: 0 });
      assert.deepStrictEqual(lastRequest()?.form, { message_id: posted.message_id });
    });

    it('updateMessage edits my message', async () => {
      const { message_id } = await client.postMessage(SEED_ROOMS.phoenix, 'tpyo');
      const result = await client.updateMessage(SEED_ROOMS.phoenix, message_id, 'typo');
      assertShape('PUT /rooms/{room_id}/messages/{message_id}', result);
      assert.strictEqual(result.message_id, message_id);
      const message = await client.getMessage(SEED_ROOMS.phoenix, message_id);
      assert.strictEqual(message.body, 'typo');
      assert.ok(message.update_time > 0);
    });

    it('deleteMessage answers the message_id (200) and the message reads back as [deleted]', async () => {
      const { message_id } = await client.postMessage(SEED_ROOMS.phoenix, 'oops');
      const result = await client.deleteMessage(SEED_ROOMS.phoenix, message_id);
      assertShape('DELETE /rooms/{room_id}/messages/{message_id}', result);
      assert.strictEqual(result.message_id, message_id);
      assert.strictEqual((await client.getMessage(SEED_ROOMS.phoenix, message_id)).body, '[deleted]');
    });
  });

  describe('tasks', () => {
    it('getTasks answers the open tasks of the room and sends filters as the query', async () => {
      const open = await client.getTasks(SEED_ROOMS.phoenix);
      assertShape('GET /rooms/{room_id}/tasks', open);
      assert.ok(open.length > 0 && open.every((t) => t.status === 'open'));
      const mine = await client.getTasks(SEED_ROOMS.phoenix, { account_id: SEED_IDS.me, assigned_by_account_id: SEED_IDS.alice, status: 'open' });
      assert.deepStrictEqual(lastRequest()?.query, { account_id: '1001', assigned_by_account_id: '1002', status: 'open' });
      assert.ok(mine.length > 0 && mine.every((t) => t.account.account_id === SEED_IDS.me && t.assigned_by_account.account_id === SEED_IDS.alice));
    });

    it('createTask creates one task per assignee; getTask reads one back', async () => {
      const limit = Math.floor(Date.now() / 1000) + 86400;
      const result = await client.createTask(SEED_ROOMS.phoenix, { body: 'Buy milk', to_ids: [SEED_IDS.alice, SEED_IDS.bob], limit, limit_type: 'time' });
      assertShape('POST /rooms/{room_id}/tasks', result);
      assert.strictEqual(result.task_ids.length, 2);
      assert.deepStrictEqual(lastRequest()?.form, { body: 'Buy milk', to_ids: '1002,1003', limit: String(limit), limit_type: 'time' });

      const task = await client.getTask(SEED_ROOMS.phoenix, result.task_ids[0] ?? 0);
      assertShape('GET /rooms/{room_id}/tasks/{task_id}', task);
      assert.deepStrictEqual([task.body, task.account.account_id, task.limit_time, task.limit_type], ['Buy milk', SEED_IDS.alice, limit, 'time']);
      assert.match(task.message_id, MESSAGE_ID);
    });

    it('updateTaskStatus answers the task_id as a number', async () => {
      const [task] = await client.getTasks(SEED_ROOMS.phoenix, { account_id: SEED_IDS.me });
      assert.ok(task);
      const result = await client.updateTaskStatus(SEED_ROOMS.phoenix, task.task_id, 'done');
      assertShape('PUT /rooms/{room_id}/tasks/{task_id}/status', result);
      assert.deepStrictEqual(result, { task_id: task.task_id });
      assert.deepStrictEqual(lastRequest()?.form, { body: 'done' });
      assert.strictEqual((await client.getTask(SEED_ROOMS.phoenix, task.task_id)).status, 'done');
    });
  });

  describe('files', () => {
    it('getFiles answers the files of the room, optionally of one uploader', async () => {
      const files = await client.getFiles(SEED_ROOMS.phoenix);
      assertShape('GET /rooms/{room_id}/files', files);
      assert.ok(files.length >= 3);
      const chens = await client.getFiles(SEED_ROOMS.phoenix, { accountId: SEED_IDS.chen });
      assert.deepStrictEqual(lastRequest()?.query, { account_id: '1004' });
      assert.deepStrictEqual(chens.map((f) => f.filename), ['README.md']);
    });

    it('getFile answers the file, with a download_url only when asked', async () => {
      const [readme] = await client.getFiles(SEED_ROOMS.phoenix, { accountId: SEED_IDS.chen });
      assert.ok(readme);
      const plain = await client.getFile(SEED_ROOMS.phoenix, readme.file_id);
      assertShape('GET /rooms/{room_id}/files/{file_id}', plain);
      assert.strictEqual(plain.download_url, undefined);
      assert.deepStrictEqual(lastRequest()?.query, {});

      const withUrl = await client.getFile(SEED_ROOMS.phoenix, readme.file_id, { createDownloadUrl: true });
      assertShape('GET /rooms/{room_id}/files/{file_id}', withUrl);
      assert.deepStrictEqual(lastRequest()?.query, { create_download_url: '1' });
      assert.match(withUrl.download_url ?? '', /^http:\/\/127\.0\.0\.1:\d+\//);
    });

    it('uploadFile answers the new file_id (bytes are checked in client.files.test)', async () => {
      const result = await client.uploadFile(SEED_ROOMS.phoenix, { filename: 'notes.txt', data: Buffer.from('hello'), contentType: 'text/plain' });
      assert.ok(Number.isInteger(result.file_id));
      const file = await client.getFile(SEED_ROOMS.phoenix, result.file_id);
      assert.deepStrictEqual([file.filename, file.filesize], ['notes.txt', 5]);
    });
  });

  describe('invitation links', () => {
    it('getRoomLink answers the link of the room', async () => {
      const link = await client.getRoomLink(SEED_ROOMS.phoenix);
      assertShape('GET /rooms/{room_id}/link', link);
      assert.strictEqual(link.public, true);
      assert.match(link.url ?? '', /phoenix-dev$/);
    });

    it('deleteRoomLink answers {public: false}; createRoomLink and updateRoomLink answer the link', async () => {
      const deleted = await client.deleteRoomLink(SEED_ROOMS.phoenix);
      assertShape('DELETE /rooms/{room_id}/link', deleted);
      assert.deepStrictEqual(deleted, { public: false });

      const created = await client.createRoomLink(SEED_ROOMS.phoenix, { code: 'phoenix_2', need_acceptance: false, description: '参加どうぞ' });
      assertShape('POST /rooms/{room_id}/link', created);
      assert.deepStrictEqual(lastRequest()?.form, { code: 'phoenix_2', need_acceptance: '0', description: '参加どうぞ' });
      assert.deepStrictEqual(created, { public: true, url: 'https://www.chatwork.com/g/phoenix_2', need_acceptance: false, description: '参加どうぞ' });

      const updated = await client.updateRoomLink(SEED_ROOMS.phoenix, { need_acceptance: true });
      assertShape('PUT /rooms/{room_id}/link', updated);
      assert.strictEqual(updated.need_acceptance, true);
      assert.strictEqual(updated.url, created.url);
    });
  });

  describe('contact requests', () => {
    it('getIncomingRequests lists them; acceptIncomingRequest answers the new contact', async () => {
      const requests = await client.getIncomingRequests();
      assertShape('GET /incoming_requests', requests);
      const [dana] = requests;
      assert.strictEqual(dana?.account_id, SEED_IDS.dana);

      const contact = await client.acceptIncomingRequest(dana.request_id);
      assertShape('PUT /incoming_requests/{request_id}', contact);
      assert.strictEqual(contact.account_id, SEED_IDS.dana);
      assert.ok((await client.getContacts()).some((c) => c.account_id === SEED_IDS.dana && c.room_id === contact.room_id));
      assert.deepStrictEqual(await client.getIncomingRequests(), [], 'an empty list comes as 204');
    });

    it('rejectIncomingRequest answers nothing (204)', async () => {
      const [request] = await client.getIncomingRequests();
      assert.ok(request);
      assert.strictEqual(await client.rejectIncomingRequest(request.request_id), undefined);
      assert.strictEqual(lastRequest()?.status, 204);
      assert.ok(!(await client.getContacts()).some((c) => c.account_id === SEED_IDS.dana));
    });
  });

  describe('configuration', () => {
    it('reads baseUrl and token on every call', async () => {
      let token: string | undefined = 'not-a-token';
      let reads = 0;
      const dynamic = new ChatworkClient({ baseUrl: () => (reads++, `${emu.url}/`), token: async () => token });
      await assert.rejects(dynamic.getMe(), { kind: 'auth', status: 401 });
      token = emu.tokens.alice;
      assert.strictEqual((await dynamic.getMe()).account_id, SEED_IDS.alice);
      assert.strictEqual(reads, 2);
    });

    it('trims the token it is given', async () => {
      const padded = new ChatworkClient({ baseUrl: emu.url, token: () => ` ${emu.token}\n` });
      assert.strictEqual((await padded.getMe()).account_id, SEED_IDS.me);
    });
  });
});
