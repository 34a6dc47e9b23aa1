// Every ChatworkClient operation on the wire, against a scripted server: the method and URL it
// sends, the name it gives itself in error messages, and the shape of answer it insists on (an
// object, a list, or nothing). client.test.ts checks the same operations' effects on the emulator.
import * as assert from 'assert';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { ChatworkApiError, ChatworkClient } from '../../src/api';

type Shape = 'object' | 'list' | 'nothing';

const OPERATIONS: [string, (c: ChatworkClient) => Promise<unknown>, string, Shape][] = [
  ['GET /me', (c) => c.getMe(), '', 'object'],
  ['GET /my/status', (c) => c.getMyStatus(), '', 'object'],
  ['GET /my/tasks', (c) => c.getMyTasks({ status: 'done' }), '?status=done', 'list'],
  ['GET /contacts', (c) => c.getContacts(), '', 'list'],
  ['GET /rooms', (c) => c.getRooms(), '', 'list'],
  ['POST /rooms', (c) => c.createRoom({ name: 'n', members_admin_ids: [1] }), '', 'object'],
  ['GET /rooms/5', (c) => c.getRoom(5), '', 'object'],
  ['PUT /rooms/5', (c) => c.updateRoom(5, { name: 'n' }), '', 'object'],
  ['DELETE /rooms/5', (c) => c.deleteRoom(5, 'delete'), '', 'nothing'],
  ['DELETE /rooms/5', (c) => c.leaveRoom(5), '', 'nothing'],
  ['GET /rooms/5/members', (c) => c.getMembers(5), '', 'list'],
  ['PUT /rooms/5/members', (c) => c.updateMembers(5, { members_admin_ids: [1] }), '', 'object'],
  ['GET /rooms/5/messages', (c) => c.getMessages(5, { force: true }), '?force=1', 'list'],
  ['POST /rooms/5/messages', (c) => c.postMessage(5, 'hi'), '', 'object'],
  ['PUT /rooms/5/messages/read', (c) => c.markRead(5, '77'), '', 'object'],
  ['PUT /rooms/5/messages/unread', (c) => c.markUnread(5, '77'), '', 'object'],
  ['GET /rooms/5/messages/77', (c) => c.getMessage(5, '77'), '', 'object'],
  ['PUT /rooms/5/messages/77', (c) => c.updateMessage(5, '77', 'hi'), '', 'object'],
  ['DELETE /rooms/5/messages/77', (c) => c.deleteMessage(5, '77'), '', 'object'],
  ['GET /rooms/5/tasks', (c) => c.getTasks(5, { status: 'open' }), '?status=open', 'list'],
  ['POST /rooms/5/tasks', (c) => c.createTask(5, { body: 'b', to_ids: [1] }), '', 'object'],
  ['GET /rooms/5/tasks/9', (c) => c.getTask(5, 9), '', 'object'],
  ['PUT /rooms/5/tasks/9/status', (c) => c.updateTaskStatus(5, 9, 'done'), '', 'object'],
  ['GET /rooms/5/files', (c) => c.getFiles(5, { accountId: 3 }), '?account_id=3', 'list'],
  ['POST /rooms/5/files', (c) => c.uploadFile(5, { filename: 'a.txt', data: Buffer.from('a') }), '', 'object'],
  ['GET /rooms/5/files/8', (c) => c.getFile(5, 8, { createDownloadUrl: true }), '?create_download_url=1', 'object'],
  ['GET /rooms/5/link', (c) => c.getRoomLink(5), '', 'object'],
  ['POST /rooms/5/link', (c) => c.createRoomLink(5), '', 'object'],
  ['PUT /rooms/5/link', (c) => c.updateRoomLink(5, { need_acceptance: true }), '', 'object'],
  ['DELETE /rooms/5/link', (c) => c.deleteRoomLink(5), '', 'object'],
  ['GET /incoming_requests', (c) => c.getIncomingRequests(), '', 'list'],
  ['PUT /incoming_requests/4', (c) => c.acceptIncomingRequest(4), '', 'object'],
  ['DELETE /incoming_requests/4', (c) => c.rejectIncomingRequest(4), '', 'nothing'],
];

describe('ChatworkClient operations on the wire', () => {
  let server: Server;
  let client: ChatworkClient;
  let seen: string[];
  let status: number;
  let body: string;

  before(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        seen.push(`${req.method} ${req.url}`);
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new ChatworkClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`, token: () => 'token' });
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen = [];
  });

  const answer = (s: number, b: string) => {
    status = s;
    body = b;
  };
  const rejection = async (promise: Promise<unknown>): Promise<ChatworkApiError> => {
    const error = await promise.then(() => assert.fail('expected a rejection'), (e: unknown) => e);
    assert.ok(error instanceof ChatworkApiError, String(error));
    return error;
  };

  for (const [what, call, query, shape] of OPERATIONS) {
    const [method, path] = what.split(' ') as [string, string];
    describe(`${call.toString().replace(/^\(c\) => c\./, '')}`, () => {
      it(`sends ${what}${query} and accepts ${shape === 'nothing' ? 'no answer' : `a${shape === 'object' ? 'n' : ''} ${shape}`}`, async () => {
        answer(shape === 'nothing' ? 204 : 200, shape === 'list' ? '[]' : shape === 'object' ? '{"task_id": 9}' : '');
        const result = await call(client);
        assert.deepStrictEqual(result, shape === 'list' ? [] : shape === 'nothing' ? undefined : result);
        assert.deepStrictEqual(seen, [`${method} /v2${path}${query}`]);
      });

      it(`names itself "${what}" when it fails`, async () => {
        answer(500, '{"errors": ["Down for maintenance"]}');
        const error = await rejection(call(client));
        assert.strictEqual(error.message, `Chatwork had a server error: Down for maintenance (500, ${what}). Try again later.`);
      });

      if (shape === 'nothing') {
        it('ignores a body it did not ask for', async () => {
          answer(200, '[1, 2]');
          assert.strictEqual(await call(client), undefined);
        });
      } else {
        const wrong = shape === 'list' ? '{"a": 1}' : '[{"a": 1}]';
        it(`refuses ${wrong} as not ${shape === 'list' ? 'a list' : 'an object'}`, async () => {
          answer(200, wrong);
          const error = await rejection(call(client));
          assert.deepStrictEqual([error.kind, error.message], ['server', `Chatwork sent JSON of an unexpected shape (expected ${shape === 'list' ? 'a list' : 'an object'}) (200, ${what}).`]);
        });
      }
    });
  }
});
