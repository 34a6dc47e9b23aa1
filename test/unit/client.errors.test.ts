// How ChatworkClient fails: client-side validation (nothing sent), each documented HTTP error,
// broken responses, timeouts, aborts and lost connections — always a ChatworkApiError with a kind,
// and never with the token in it.
import * as assert from 'assert';
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { AddressInfo } from 'net';
import { ChatworkApiError, ChatworkClient, MAX_UPLOAD_BYTES } from '../../src/api';
import { SEED_IDS, SEED_ROOMS, startEmulator, type Emulator } from '../emulator';

/** Awaits the rejection and checks it is a ChatworkApiError with these fields and no token in it. */
async function rejectsWith(promise: Promise<unknown>, expected: Partial<ChatworkApiError>, token?: string): Promise<ChatworkApiError> {
  const error = await promise.then(
    () => assert.fail('expected a rejection'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ChatworkApiError, `not a ChatworkApiError: ${String(error)}`);
  assert.deepStrictEqual(pick(error, Object.keys(expected)), expected);
  if (token) {
    assert.ok(!error.message.includes(token) && !error.errors.some((e) => e.includes(token)), `token leaked: ${error.message}`);
  }
  return error;
}

function pick(error: ChatworkApiError, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (error as unknown as Record<string, unknown>)[k]]));
}

describe('ChatworkClient errors', () => {
  let emu: Emulator;
  let client: ChatworkClient;

  beforeEach(async () => {
    emu = await startEmulator();
    client = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token });
  });
  afterEach(() => emu.close());

  describe('validation before any request', () => {
    const long = (n: number) => 'x'.repeat(n);
    const cases: [string, string, (c: ChatworkClient) => Promise<unknown>][] = [
      ['empty body', 'body', (c) => c.postMessage(SEED_ROOMS.phoenix, '')],
      ['body over 65535', 'body', (c) => c.postMessage(SEED_ROOMS.phoenix, long(65536))],
      ['missing body on edit', 'body', (c) => c.updateMessage(SEED_ROOMS.phoenix, '1620000000001000003', '')],
      ['room id 0', 'room_id', (c) => c.getRoom(0)],
      ['negative room id', 'room_id', (c) => c.getMessages(-5)],
      ['fractional room id', 'room_id', (c) => c.getMembers(1.5)],
      ['NaN room id', 'room_id', (c) => c.getTasks(Number('abc'))],
      ['numeric message id', 'message_id', (c) => c.getMessage(SEED_ROOMS.phoenix, 1620000000001000003 as unknown as string)],
      ['non-digit message id', 'message_id', (c) => c.deleteMessage(SEED_ROOMS.phoenix, '12a')],
      ['missing unread message id', 'message_id', (c) => c.markUnread(SEED_ROOMS.phoenix, undefined as unknown as string)],
      ['bad read message id', 'message_id', (c) => c.markRead(SEED_ROOMS.phoenix, '')],
      ['room name empty', 'name', (c) => c.createRoom({ name: '', members_admin_ids: [SEED_IDS.me] })],
      ['room name over 255', 'name', (c) => c.createRoom({ name: long(256), members_admin_ids: [SEED_IDS.me] })],
      ['no admin', 'members_admin_ids', (c) => c.createRoom({ name: 'x', members_admin_ids: [] })],
      ['admin list missing', 'members_admin_ids', (c) => c.updateMembers(SEED_ROOMS.phoenix, {} as never)],
      ['bad member id', 'members_member_ids', (c) => c.updateMembers(SEED_ROOMS.phoenix, { members_admin_ids: [1], members_member_ids: [0] })],
      ['unknown icon preset', 'icon_preset', (c) => c.updateRoom(SEED_ROOMS.phoenix, { icon_preset: 'cat' as never })],
      ['room name empty on update', 'name', (c) => c.updateRoom(SEED_ROOMS.phoenix, { name: '' })],
      ['bad action_type', 'action_type', (c) => c.deleteRoom(SEED_ROOMS.phoenix, 'archive' as never)],
      ['bad task status', 'body', (c) => c.updateTaskStatus(SEED_ROOMS.phoenix, 5001, 'closed' as never)],
      ['bad task id', 'task_id', (c) => c.getTask(SEED_ROOMS.phoenix, 0)],
      ['bad task filter', 'status', (c) => c.getTasks(SEED_ROOMS.phoenix, { status: 'closed' as never })],
      ['bad my-task filter', 'assigned_by_account_id', (c) => c.getMyTasks({ assigned_by_account_id: -1 })],
      ['task without assignee', 'to_ids', (c) => c.createTask(SEED_ROOMS.phoenix, { body: 'x', to_ids: [] })],
      ['task without body', 'body', (c) => c.createTask(SEED_ROOMS.phoenix, { body: '', to_ids: [SEED_IDS.me] })],
      ['bad limit_type', 'limit_type', (c) => c.createTask(SEED_ROOMS.phoenix, { body: 'x', to_ids: [SEED_IDS.me], limit_type: 'week' as never })],
      ['negative limit', 'limit', (c) => c.createTask(SEED_ROOMS.phoenix, { body: 'x', to_ids: [SEED_IDS.me], limit: -1 })],
      ['bad file id', 'file_id', (c) => c.getFile(SEED_ROOMS.phoenix, -1)],
      ['bad uploader filter', 'account_id', (c) => c.getFiles(SEED_ROOMS.phoenix, { accountId: 0 })],
      ['file over 5 MB', 'file', (c) => c.uploadFile(SEED_ROOMS.phoenix, { filename: 'big.bin', data: new Uint8Array(MAX_UPLOAD_BYTES + 1) })],
      ['file name with folders', 'filename', (c) => c.uploadFile(SEED_ROOMS.phoenix, { filename: 'a/b.txt', data: new Uint8Array(1) })],
      ['header-breaking content type', 'contentType', (c) => c.uploadFile(SEED_ROOMS.phoenix, { filename: 'a.txt', data: new Uint8Array(1), contentType: 'text/plain\r\nX: 1' })],
      ['link code with spaces', 'code', (c) => c.createRoomLink(SEED_ROOMS.phoenix, { code: 'bad code!' })],
      ['link code over 50', 'code', (c) => c.updateRoomLink(SEED_ROOMS.phoenix, { code: long(51) })],
      ['room link code', 'link_code', (c) => c.createRoom({ name: 'x', members_admin_ids: [SEED_IDS.me], link: true, link_code: 'ü' })],
      ['bad request id', 'request_id', (c) => c.acceptIncomingRequest(0)],
      ['bad request id on reject', 'request_id', (c) => c.rejectIncomingRequest(Number.NaN)],
      ['non-http download URL', 'url', (c) => c.downloadFile('file:///etc/passwd')],
    ];
    for (const [title, parameter, call] of cases) {
      it(`${title} → '${parameter}'`, async () => {
        const error = await rejectsWith(call(client), { kind: 'validation', status: 0, parameter });
        assert.match(error.message, new RegExp(`'${parameter}'`));
        assert.deepStrictEqual(emu.requests, [], 'nothing may reach the server');
      });
    }

    it('an invalid base URL fails before sending', async () => {
      const misconfigured = new ChatworkClient({ baseUrl: 'api.chatwork.com/v2', token: () => emu.token });
      await rejectsWith(misconfigured.getMe(), { kind: 'validation', parameter: 'baseUrl' });
    });
  });

  describe('token', () => {
    for (const [title, token] of [['undefined', undefined], ['empty', ''], ['blank', '  \n']] as const) {
      it(`a ${title} token fails as 'auth' without a request`, async () => {
        const noToken = new ChatworkClient({ baseUrl: emu.url, token: () => token });
        const error = await rejectsWith(noToken.getRooms(), { kind: 'auth', status: 0 });
        assert.match(error.message, /No Chatwork API token/);
        assert.deepStrictEqual(emu.requests, []);
      });
    }

    it('a token that cannot be sent in a header fails as auth without echoing it', async () => {
      const token = 'secret token-with space';
      const bad = new ChatworkClient({ baseUrl: emu.url, token: () => token });
      await rejectsWith(bad.getMe(), { kind: 'auth', status: 0 }, token);
      assert.deepStrictEqual(emu.requests, []);
    });

    it('a token store that throws fails as auth', async () => {
      const broken = new ChatworkClient({ baseUrl: emu.url, token: () => Promise.reject(new Error('keychain locked')) });
      await rejectsWith(broken.getMe(), { kind: 'auth', status: 0 });
    });

    it('401: the token was rejected, with an actionable message and no token', async () => {
      const token = '0123456789abcdef0123456789abcdef';
      const wrong = new ChatworkClient({ baseUrl: emu.url, token: () => token });
      const error = await rejectsWith(wrong.getMe(), { kind: 'auth', status: 401, errors: ['Invalid API Token'] }, token);
      assert.match(error.message, /rejected the API token \(401.*Set a new token/);
      assert.strictEqual(error.rateLimit, undefined, 'a 401 carries no rate-limit headers');
    });
  });

  describe('HTTP errors', () => {
    it('404: unknown room', async () => {
      const error = await rejectsWith(client.getRoom(999999), { kind: 'notFound', status: 404, errors: ['Room not found'] }, emu.token);
      assert.match(error.message, /could not find it: Room not found \(404, GET \/rooms\/999999\)/);
      assert.ok(error.rateLimit, 'a 404 carries the rate-limit headers');
    });

    it('404: unknown message', async () => {
      await rejectsWith(client.getMessage(SEED_ROOMS.phoenix, '1'), { kind: 'notFound', status: 404 });
    });

    it('403: a member may not edit the room', async () => {
      const error = await rejectsWith(client.updateRoom(SEED_ROOMS.design, { name: 'mine now' }), { kind: 'forbidden', status: 403 }, emu.token);
      assert.match(error.message, /^Chatwork denied permission: You don't have permission/);
    });

    it('403: a read-only member may not post', async () => {
      await rejectsWith(client.postMessage(SEED_ROOMS.news, 'hello'), {
        kind: 'forbidden', status: 403, errors: ["You don't have permission to send/edit message."],
      });
    });

    it("403: another person's message may not be edited", async () => {
      const theirs = emu.postAs('alice', SEED_ROOMS.phoenix, 'mine');
      await rejectsWith(client.updateMessage(SEED_ROOMS.phoenix, theirs.message_id, 'yours'), { kind: 'forbidden', status: 403 });
    });

    it('400: the server rejects a parameter the client cannot check (already read)', async () => {
      await client.markRead(SEED_ROOMS.phoenix);
      const error = await rejectsWith(client.markRead(SEED_ROOMS.phoenix), { kind: 'validation', status: 400, errors: ['The message is already read'] });
      assert.strictEqual(error.parameter, undefined);
      assert.match(error.message, /rejected the request: The message is already read \(400, PUT/);
    });

    it('400: a task for someone outside the room', async () => {
      await rejectsWith(client.createTask(SEED_ROOMS.design, { body: 'x', to_ids: [SEED_IDS.dana] }), { kind: 'validation', status: 400 });
    });

    it('5xx → server, with the server text', async () => {
      emu.injectFault({ path: '/rooms', kind: 'status', status: 503 });
      const error = await rejectsWith(client.getRooms(), { kind: 'server', status: 503 });
      const [text] = error.errors;
      assert.ok(text && error.errors.length === 1, 'the server text is kept');
      assert.strictEqual(error.message, `Chatwork had a server error: ${text} (503, GET /rooms). Try again later.`);
    });

    it('a 429 without rate-limit headers is not retried', async () => {
      emu.injectFault({ method: 'GET', path: '/me', kind: 'status', status: 429, times: 1 });
      await rejectsWith(client.getMe(), { kind: 'rateLimited', status: 429, retryAfterMs: undefined });
      assert.strictEqual(emu.requests.length, 1);
    });
  });

  describe('empty answers', () => {
    it('204 on list endpoints → []', async () => {
      const { room_id } = await client.createRoom({ name: 'Empty', members_admin_ids: [SEED_IDS.me] });
      emu.resetRequests();
      assert.deepStrictEqual(await client.getFiles(room_id), []);
      assert.deepStrictEqual(await client.getTasks(room_id), []);
      assert.deepStrictEqual(emu.requests.map((r) => r.status), [204, 204]);
    });

    it('204 for a contact-less account → []', async () => {
      const dana = new ChatworkClient({ baseUrl: emu.url, token: () => emu.tokens.dana });
      assert.deepStrictEqual(await dana.getContacts(), []);
      assert.deepStrictEqual(await dana.getMyTasks(), []);
    });
  });

  describe('broken responses and connections', () => {
    it('malformed JSON on a 200 → server', async () => {
      emu.injectFault({ path: '/me', kind: 'malformed' });
      const error = await rejectsWith(client.getMe(), { kind: 'server', status: 200 });
      assert.match(error.message, /not valid JSON \(200, GET \/me\)/);
    });

    it('a reset connection → network', async () => {
      emu.injectFault({ path: '/rooms', kind: 'reset' });
      const error = await rejectsWith(client.getRooms(), { kind: 'network', status: 0 }, emu.token);
      assert.match(error.message, /Could not reach Chatwork \(GET \/rooms\)/);
    });

    it('a refused connection → network', async () => {
      const url = emu.url;
      await emu.close();
      const offline = new ChatworkClient({ baseUrl: url, token: () => 'abc' });
      const error = await rejectsWith(offline.getRooms(), { kind: 'network' });
      assert.match(error.message, /ECONNREFUSED/);
      emu = await startEmulator(); // for afterEach
    });

    it('a hanging server → timeout after timeoutMs', async () => {
      emu.injectFault({ path: '/rooms/{room_id}/messages', kind: 'hang' });
      const started = Date.now();
      const error = await rejectsWith(client.getMessages(SEED_ROOMS.phoenix, { timeoutMs: 200 }), { kind: 'timeout', status: 0 });
      assert.ok(Date.now() - started < 2000);
      assert.match(error.message, /did not answer within 200 ms \(GET \/rooms\/10010\/messages\)/);
    });

    it('the client-wide timeout applies when a call sets none', async () => {
      const impatient = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token, timeoutMs: 150 });
      emu.injectFault({ path: '/me', kind: 'hang' });
      await rejectsWith(impatient.getMe(), { kind: 'timeout' });
    });

    it('a slow answer within the timeout succeeds', async () => {
      emu.injectFault({ path: '/me', kind: 'latency', delayMs: 300 });
      assert.strictEqual((await client.getMe({ timeoutMs: 3000 })).account_id, SEED_IDS.me);
    });

    it('an already aborted signal → aborted, nothing sent', async () => {
      await rejectsWith(client.getRooms({ signal: AbortSignal.abort() }), { kind: 'aborted', status: 0 });
      assert.deepStrictEqual(emu.requests, []);
    });

    it('aborting while the token is being read → aborted, nothing sent', async () => {
      const slowToken = new ChatworkClient({ baseUrl: emu.url, token: () => new Promise((resolve) => setTimeout(() => resolve(emu.token), 100)) });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 20);
      await rejectsWith(slowToken.getMe({ signal: controller.signal }), { kind: 'aborted' });
      assert.deepStrictEqual(emu.requests, []);
    });

    it('aborting in flight → aborted', async () => {
      emu.injectFault({ path: '/rooms', kind: 'hang' });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const error = await rejectsWith(client.createRoom({ name: 'x', members_admin_ids: [SEED_IDS.me] }, { signal: controller.signal }), { kind: 'aborted' });
      assert.match(error.message, /cancelled \(POST \/rooms\)/);
    });
  });
});

describe('ChatworkClient on the wire (capturing server)', () => {
  interface Seen {
    method?: string;
    url?: string;
    headers: IncomingHttpHeaders;
    body: string;
  }
  let server: Server;
  let seen: Seen[];
  let reply: (res: import('http').ServerResponse) => void;
  let base: string;
  const token = 'feedfacefeedfacefeedfacefeedface';

  beforeEach(async () => {
    seen = [];
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        reply(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const json = (status: number, body: unknown) => (res: import('http').ServerResponse) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  it('sends X-ChatWorkToken, Accept, User-Agent and a form body', async () => {
    reply = json(200, { message_id: '1' });
    const client = new ChatworkClient({ baseUrl: base, token: () => token, userAgent: 'chatwork-vscode-test/1.0' });
    await client.postMessage(10, 'a&b=c 日本', { selfUnread: false });
    const [request] = seen;
    assert.strictEqual(request?.method, 'POST');
    assert.strictEqual(request?.url, '/v2/rooms/10/messages');
    assert.strictEqual(request?.headers['x-chatworktoken'], token);
    assert.strictEqual(request?.headers['user-agent'], 'chatwork-vscode-test/1.0');
    assert.strictEqual(request?.headers.accept, 'application/json');
    assert.strictEqual(request?.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.strictEqual(request?.body, 'body=a%26b%3Dc+%E6%97%A5%E6%9C%AC&self_unread=0');
  });

  it('sends GET parameters in the query string and no body', async () => {
    reply = json(200, []);
    const client = new ChatworkClient({ baseUrl: base, token: () => token });
    await client.getTasks(10, { account_id: 3, status: 'done' });
    assert.strictEqual(seen[0]?.url, '/v2/rooms/10/tasks?account_id=3&status=done');
    assert.strictEqual(seen[0]?.body, '');
    assert.strictEqual(seen[0]?.headers['content-type'], undefined);
  });

  it('never puts the token in an error, even when the server echoes it', async () => {
    reply = json(400, { errors: [`Token ${token} is not allowed here`] });
    const client = new ChatworkClient({ baseUrl: base, token: () => token });
    const error = await rejectsWith(client.getMe(), { kind: 'validation', status: 400, errors: ['Token *** is not allowed here'] }, token);
    assert.match(error.message, /Token \*\*\* is not allowed/);
  });

  it('does not follow redirects (the token would travel with them)', async () => {
    reply = (res) => {
      res.writeHead(302, { Location: 'http://127.0.0.2:9/steal' });
      res.end();
    };
    const client = new ChatworkClient({ baseUrl: base, token: () => token });
    await rejectsWith(client.getMe(), { kind: 'server', status: 302 }, token);
    assert.strictEqual(seen.length, 1);
  });

  it('JSON of the wrong shape → server', async () => {
    reply = json(200, { not: 'a list' });
    const client = new ChatworkClient({ baseUrl: base, token: () => token });
    const error = await rejectsWith(client.getRooms(), { kind: 'server', status: 200 });
    assert.match(error.message, /expected a list/);
  });

  it('an empty 200 where an object is expected → server', async () => {
    reply = (res) => res.end();
    const client = new ChatworkClient({ baseUrl: base, token: () => token });
    await rejectsWith(client.getMe(), { kind: 'server', status: 200 });
  });

  it('accepts task_id as a string in PUT …/status (current OpenAPI) and answers a number', async () => {
    reply = json(200, { task_id: '42' });
    const client = new ChatworkClient({ baseUrl: base, token: () => token });
    assert.deepStrictEqual(await client.updateTaskStatus(1, 42, 'open'), { task_id: 42 });
  });
});
