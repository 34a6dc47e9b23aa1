// The client's parameter checks at their edges, against the emulator: a value just inside a limit
// reaches the server, one just outside is refused before any request with the parameter's name and
// a message that says what is expected. (client.errors.test.ts covers one refusal per parameter.)
import * as assert from 'assert';
import { ChatworkApiError, ChatworkClient, isChatworkApiError, MAX_UPLOAD_BYTES } from '../../src/api';
import { isValidLinkCode } from '../../src/api/validate';
import { SEED_IDS, SEED_ROOMS, startEmulator, type Emulator } from '../emulator';

const PHOENIX = SEED_ROOMS.phoenix;

describe('ChatworkClient parameter checks at their edges', () => {
  let emu: Emulator;
  let client: ChatworkClient;

  beforeEach(async () => {
    emu = await startEmulator({ rateLimit: 0, roomPostLimit: 0 });
    client = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token });
  });
  afterEach(() => emu.close());

  /** Values nobody would pass from TypeScript, but a setting, a webview message or JSON might. */
  const as = <T>(value: unknown) => value as T;

  describe('refused before any request, with what is expected', () => {
    const cases: [string, (c: ChatworkClient) => Promise<unknown>, string][] = [
      ['a room id given as text', (c) => c.getRoom(as('10010')), "Invalid parameter 'room_id': expected a positive integer id."],
      ['a room id beyond 2^53', (c) => c.getRoom(2 ** 53), "Invalid parameter 'room_id': expected a positive integer id."],
      ['a message id with a leading letter', (c) => c.getMessage(PHOENIX, 'a12'), "Invalid parameter 'message_id': expected a message id (a string of digits)."],
      ['a message id with a trailing letter', (c) => c.getMessage(PHOENIX, '12a'), "Invalid parameter 'message_id': expected a message id (a string of digits)."],
      ['an id list given as text', (c) => c.createRoom({ name: 'x', members_admin_ids: as('1001,1002') }), "Invalid parameter 'members_admin_ids': expected a list of account ids."],
      ['an empty admin list', (c) => c.createRoom({ name: 'x', members_admin_ids: [] }), "Invalid parameter 'members_admin_ids': expected at least 1 account id."],
      ['an empty admin list for the members', (c) => c.updateMembers(PHOENIX, { members_admin_ids: [] }), "Invalid parameter 'members_admin_ids': expected at least 1 account id."],
      ['a body that is not text', (c) => c.postMessage(PHOENIX, as(42)), "Invalid parameter 'body': expected text."],
      ['an empty body', (c) => c.postMessage(PHOENIX, ''), "Invalid parameter 'body': must not be empty."],
      ['a body one unit too long', (c) => c.postMessage(PHOENIX, 'x'.repeat(65536)), "Invalid parameter 'body': must be at most 65535 characters (got 65536)."],
      ['a room name one unit too long', (c) => c.updateRoom(PHOENIX, { name: 'x'.repeat(256) }), "Invalid parameter 'name': must be at most 255 characters (got 256)."],
      ['an upload message one unit too long', (c) => c.uploadFile(PHOENIX, { filename: 'a.txt', data: new Uint8Array(1), message: 'x'.repeat(65536) }), "Invalid parameter 'message': must be at most 65535 characters (got 65536)."],
      ['a task status that is not text', (c) => c.updateTaskStatus(PHOENIX, 1, as(1)), "Invalid parameter 'body': expected one of open, done."],
      ['an unknown delete action', (c) => c.deleteRoom(PHOENIX, as('archive')), "Invalid parameter 'action_type': expected one of leave, delete."],
      ['a flag given as 1', (c) => c.getMessages(PHOENIX, { force: as(1) }), "Invalid parameter 'force': expected true or false."],
      ['a flag given as "true"', (c) => c.postMessage(PHOENIX, 'x', { selfUnread: as('true') }), "Invalid parameter 'self_unread': expected true or false."],
      ['a link flag given as "no"', (c) => c.createRoomLink(PHOENIX, { need_acceptance: as('no') }), "Invalid parameter 'need_acceptance': expected true or false."],
      ['a deadline in milliseconds with a fraction', (c) => c.createTask(PHOENIX, { body: 'x', to_ids: [SEED_IDS.me], limit: 1.5 }), "Invalid parameter 'limit': expected a Unix time in seconds."],
      ['a deadline given as text', (c) => c.createTask(PHOENIX, { body: 'x', to_ids: [SEED_IDS.me], limit: as('1700000000') }), "Invalid parameter 'limit': expected a Unix time in seconds."],
      ['a deadline beyond 2^53', (c) => c.createTask(PHOENIX, { body: 'x', to_ids: [SEED_IDS.me], limit: 2 ** 53 }), "Invalid parameter 'limit': expected a Unix time in seconds."],
      ['an empty link code', (c) => c.createRoomLink(PHOENIX, { code: '' }), "Invalid parameter 'code': expected 1-50 characters of A-Z, a-z, 0-9, _ or -."],
      ['a link code of 51 characters', (c) => c.updateRoomLink(PHOENIX, { code: 'a'.repeat(51) }), "Invalid parameter 'code': expected 1-50 characters of A-Z, a-z, 0-9, _ or -."],
      ['a link code given as a number', (c) => c.updateRoomLink(PHOENIX, { code: as(123) }), "Invalid parameter 'code': expected 1-50 characters of A-Z, a-z, 0-9, _ or -."],
      ['a link code with a dot', (c) => c.updateRoomLink(PHOENIX, { code: 'team.room' }), "Invalid parameter 'code': expected 1-50 characters of A-Z, a-z, 0-9, _ or -."],
      ['an empty file name', (c) => c.uploadFile(PHOENIX, { filename: '', data: new Uint8Array(1) }), "Invalid parameter 'filename': must not be empty."],
      ['a file name that is not text', (c) => c.uploadFile(PHOENIX, { filename: as(7), data: new Uint8Array(1) }), "Invalid parameter 'filename': must not be empty."],
      ['a file name with a Windows folder', (c) => c.uploadFile(PHOENIX, { filename: 'docs\\a.txt', data: new Uint8Array(1) }), "Invalid parameter 'filename': must be a bare file name without folders."],
      ['file content given as text', (c) => c.uploadFile(PHOENIX, { filename: 'a.txt', data: as('hello') }), "Invalid parameter 'file': expected the file content as bytes."],
      ['a file one byte over 5 MB', (c) => c.uploadFile(PHOENIX, { filename: 'a.bin', data: new Uint8Array(MAX_UPLOAD_BYTES + 1) }), "Invalid parameter 'file': must be at most 5 MB (got 5242881 bytes)."],
      ['a content type that is not text', (c) => c.uploadFile(PHOENIX, { filename: 'a.txt', data: new Uint8Array(1), contentType: as(1) }), "Invalid parameter 'contentType': expected a media type such as image/png."],
      ['a content type with a parameter', (c) => c.uploadFile(PHOENIX, { filename: 'a.txt', data: new Uint8Array(1), contentType: 'text/plain; charset=utf-8' }), "Invalid parameter 'contentType': expected a media type such as image/png."],
      ['a content type with text before it', (c) => c.uploadFile(PHOENIX, { filename: 'a.txt', data: new Uint8Array(1), contentType: 'evil text/plain' }), "Invalid parameter 'contentType': expected a media type such as image/png."],
      ['a content type without a subtype', (c) => c.uploadFile(PHOENIX, { filename: 'a.txt', data: new Uint8Array(1), contentType: 'text/' }), "Invalid parameter 'contentType': expected a media type such as image/png."],
      ['a download URL that is not a URL', (c) => c.downloadFile('not a url'), "Invalid parameter 'url': expected an http(s) URL."],
      ['a download URL that is not text', (c) => c.downloadFile(as(undefined)), "Invalid parameter 'url': expected an http(s) URL."],
      ['an ftp download URL', (c) => c.downloadFile('ftp://127.0.0.1/file'), "Invalid parameter 'url': expected an http(s) URL."],
    ];
    for (const [title, call, message] of cases) {
      it(title, async () => {
        const error = await call(client).then(() => assert.fail('expected a rejection'), (e: unknown) => e);
        assert.ok(error instanceof ChatworkApiError, String(error));
        assert.deepStrictEqual([error.kind, error.status, error.message], ['validation', 0, message]);
        assert.deepStrictEqual(emu.requests, [], 'nothing may reach the server');
      });
    }
  });

  describe('every checked parameter is named in its refusal', () => {
    const cases: [string, (c: ChatworkClient) => Promise<unknown>][] = [
      ['status', (c) => c.getMyTasks({ status: as('closed') })],
      ['members_member_ids', (c) => c.createRoom({ name: 'x', members_admin_ids: [SEED_IDS.me], members_member_ids: [0] })],
      ['members_readonly_ids', (c) => c.createRoom({ name: 'x', members_admin_ids: [SEED_IDS.me], members_readonly_ids: as(SEED_IDS.bob) })],
      ['icon_preset', (c) => c.createRoom({ name: 'x', members_admin_ids: [SEED_IDS.me], icon_preset: as('cat') })],
      ['link', (c) => c.createRoom({ name: 'x', members_admin_ids: [SEED_IDS.me], link: as('yes') })],
      ['link_need_acceptance', (c) => c.createRoom({ name: 'x', members_admin_ids: [SEED_IDS.me], link_need_acceptance: as(0) })],
      ['members_readonly_ids', (c) => c.updateMembers(PHOENIX, { members_admin_ids: [SEED_IDS.me], members_readonly_ids: [-1] })],
      ['account_id', (c) => c.getTasks(PHOENIX, { account_id: 0 })],
      ['assigned_by_account_id', (c) => c.getTasks(PHOENIX, { assigned_by_account_id: 1.5 })],
      ['create_download_url', (c) => c.getFile(PHOENIX, 7001, { createDownloadUrl: as('1') })],
      ['room_id', (c) => c.getTask(0, 1)],
      ['room_id', (c) => c.getMessage(-1, '1')],
    ];
    for (const [parameter, call] of cases) {
      it(parameter, async () => {
        const error = await call(client).then(() => assert.fail('expected a rejection'), (e: unknown) => e);
        assert.ok(error instanceof ChatworkApiError, String(error));
        assert.deepStrictEqual([error.kind, error.parameter], ['validation', parameter]);
        assert.ok(error.message.startsWith(`Invalid parameter '${parameter}': `), error.message);
        assert.deepStrictEqual(emu.requests, []);
      });
    }
  });

  it('flags that are false are left out of the query, not sent as 0', async () => {
    await client.getMessages(PHOENIX, { force: false });
    await client.getFile(PHOENIX, 7001, { createDownloadUrl: false });
    assert.deepStrictEqual(emu.requests.map((r) => r.query), [{}, {}]);
  });

  describe('accepted at the edge (the request reaches the server)', () => {
    const cases: [string, (c: ChatworkClient) => Promise<unknown>][] = [
      ['a body of exactly 65535 units', (c) => c.postMessage(PHOENIX, 'x'.repeat(65535))],
      ['a room name of exactly 255 units', (c) => c.updateRoom(PHOENIX, { name: 'x'.repeat(255) })],
      ['an empty upload message', (c) => c.uploadFile(PHOENIX, { filename: 'a.txt', data: new Uint8Array(1), message: '' })],
      ['an empty optional member list', (c) => c.updateMembers(PHOENIX, { members_admin_ids: [SEED_IDS.me], members_member_ids: [] })],
      ['a deadline of 0 (the epoch)', (c) => c.createTask(PHOENIX, { body: 'x', to_ids: [SEED_IDS.me], limit: 0, limit_type: 'none' })],
      ['a link code of exactly 50 characters', (c) => c.updateRoomLink(PHOENIX, { code: 'a'.repeat(50) })],
      ['a link code with every allowed kind of character', (c) => c.updateRoomLink(PHOENIX, { code: 'Az09_-' })],
      ['a vendor content type with dots, dashes and +', (c) => c.uploadFile(PHOENIX, { filename: 'a.svg', data: new Uint8Array(1), contentType: 'image/svg+xml' })],
      ['an Office content type', (c) => c.uploadFile(PHOENIX, { filename: 'a.xlsx', data: new Uint8Array(1), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })],
      ['a room id of 1 (unknown to the server)', (c) => c.getRoom(1).catch((e: ChatworkApiError) => assert.strictEqual(e.status, 404))],
      ['a message id of one digit (unknown to the server)', (c) => c.getMessage(PHOENIX, '1').catch((e: ChatworkApiError) => assert.strictEqual(e.status, 404))],
    ];
    for (const [title, call] of cases) {
      it(title, async () => {
        await call(client);
        assert.strictEqual(emu.requests.length, 1, 'one request was sent');
      });
    }
  });

  describe('the API base URL', () => {
    const withBase = (baseUrl: unknown, token: () => string | undefined = () => emu.token) =>
      new ChatworkClient({ baseUrl: baseUrl as string, token, timeoutMs: 5000 });

    it('plain http to another host is refused before the token is even read, naming the setting', async () => {
      let tokenReads = 0;
      const error = await withBase('http://chatwork.example/v2', () => (tokenReads++, emu.token)).getMe().then(() => assert.fail('expected a rejection'), (e: unknown) => e);
      assert.ok(error instanceof ChatworkApiError);
      assert.deepStrictEqual([error.kind, error.status, error.parameter], ['validation', 0, 'baseUrl']);
      assert.strictEqual(
        error.message,
        'Refusing to send the Chatwork token over plain http to chatwork.example: chatwork.apiBaseUrl must use https:// (http:// is allowed only for localhost, 127.0.0.0/8 and ::1).',
      );
      assert.strictEqual(tokenReads, 0);
    });

    it('a host that only starts like a loopback address is not one', async () => {
      await assert.rejects(withBase('http://127.0.0.1.chatwork.example/v2').getMe(), { kind: 'validation', parameter: 'baseUrl' });
    });

    it('https to any host is accepted (here the missing token stops it, before any connection)', async () => {
      await assert.rejects(withBase('https://api.chatwork.example/v2', () => undefined).getMe(), { kind: 'auth', status: 0 });
    });

    it('plain http to localhost, 127.0.0.0/8 and ::1 is accepted, in any spelling the URL parser allows', async () => {
      const port = new URL(emu.url).port;
      assert.strictEqual((await withBase(`http://LOCALHOST:${port}/v2`).getMe()).account_id, SEED_IDS.me);
      // Nothing listens on port 1: accepted, then refused by the system (or its resolver), not by the client.
      for (const base of ['http://localhost.:1/v2', 'http://127.9.8.7:1/v2', 'http://[::1]:1/v2']) {
        await assert.rejects(withBase(base).getMe(), (e: ChatworkApiError) => e.kind === 'network', base);
      }
    });

    it('a base URL that is not an http(s) URL is refused', async () => {
      for (const base of ['ftp://127.0.0.1/v2', 'chatwork', 42]) {
        await assert.rejects(withBase(base).getMe(), { kind: 'validation', parameter: 'baseUrl', message: "Invalid parameter 'baseUrl': expected an http(s) URL." });
      }
    });
  });

  it('isValidLinkCode accepts what createRoomLink would send and nothing else', () => {
    assert.deepStrictEqual(['a', 'Az09_-', 'x'.repeat(50)].map(isValidLinkCode), [true, true, true]);
    assert.deepStrictEqual(['', 'x'.repeat(51), 'a b', 'ü', 'a.b', ' a', 'a\n'].map(isValidLinkCode), [false, false, false, false, false, false, false]);
  });

  it('isChatworkApiError tells the client’s errors from any other', async () => {
    const error = await client.getRoom(0).catch((e: unknown) => e);
    assert.strictEqual(isChatworkApiError(error), true);
    assert.strictEqual(isChatworkApiError(new Error('other')), false);
    assert.strictEqual(isChatworkApiError({ kind: 'validation', status: 0 }), false);
  });
});
