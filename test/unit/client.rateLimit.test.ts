// Rate limits through ChatworkClient: the x-ratelimit-* reading and its listeners, the one retry of
// a GET after the reset, no retry for writes, and the per-room post limit.
import * as assert from 'assert';
import { ChatworkApiError, ChatworkClient, type RateLimit } from '../../src/api';
import { SEED_IDS, SEED_ROOMS, startEmulator, type Emulator } from '../emulator';

const ROOM_POST_LIMITED = 'Rate limit for message posting per room exceeded.';

async function rejection(promise: Promise<unknown>): Promise<ChatworkApiError> {
  const error = await promise.then(() => assert.fail('expected a rejection'), (e: unknown) => e);
  assert.ok(error instanceof ChatworkApiError, String(error));
  return error;
}

describe('ChatworkClient rate limits', () => {
  let emu: Emulator;
  let client: ChatworkClient;

  beforeEach(async () => {
    emu = await startEmulator({ roomPostLimit: 3 });
    client = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token });
  });
  afterEach(() => emu.close());

  const statuses = () => emu.requests.map((r) => `${r.method} ${r.status}`);

  describe('reading the budget', () => {
    it('exposes the last x-ratelimit-* headers', async () => {
      const before = client.rateLimit;
      assert.strictEqual(before, undefined);
      await client.getMe();
      const first = client.rateLimit;
      assert.ok(first);
      assert.deepStrictEqual([first.limit, first.remaining], [300, 299]);
      assert.ok(first.reset > Date.now() / 1000 && first.reset <= Date.now() / 1000 + 301);
      await client.getRooms();
      assert.strictEqual(client.rateLimit?.remaining, 298);
    });

    it('notifies listeners until they unsubscribe, and survives a throwing listener', async () => {
      const seen: RateLimit[] = [];
      client.onDidUpdateRateLimit(() => {
        throw new Error('listener bug');
      });
      const unsubscribe = client.onDidUpdateRateLimit((r) => seen.push(r));
      await client.getMe();
      await client.getMyStatus();
      unsubscribe();
      await client.getRooms();
      assert.deepStrictEqual(seen.map((r) => r.remaining), [299, 298]);
      assert.strictEqual(client.rateLimit?.remaining, 297);
    });

    it('keeps the last reading when a response has none (401)', async () => {
      await client.getMe();
      const reading = client.rateLimit;
      emu.state.tokens.delete(emu.token); // the token is revoked
      await assert.rejects(client.getMe(), { kind: 'auth' });
      assert.deepStrictEqual(client.rateLimit, reading);
    });
  });

  describe('429 on the token budget', () => {
    it('a GET waits for the reset and retries once', async () => {
      emu.setRateLimit(2, 1);
      await client.getMe();
      await client.getMyStatus();
      const started = Date.now();
      const rooms = await client.getRooms();
      assert.ok(rooms.length > 0);
      assert.deepStrictEqual(statuses(), ['GET 200', 'GET 200', 'GET 429', 'GET 200']);
      const waited = Date.now() - started;
      assert.ok(waited >= 200 && waited < 3000, `waited ${waited} ms`);
      assert.strictEqual(client.rateLimit?.remaining, 1, 'the retry opened a new window');
    });

    it('a GET still limited after its one retry → rateLimited', async () => {
      emu.setRateLimit(1, 300);
      // A clock 10 minutes fast makes the reset look past: the client retries at once and is refused again.
      const hasty = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token, now: () => Date.now() + 600_000 });
      await hasty.getMe();
      const error = await rejection(hasty.getRooms());
      assert.deepStrictEqual([error.kind, error.status], ['rateLimited', 429]);
      assert.deepStrictEqual(statuses(), ['GET 200', 'GET 429', 'GET 429']);
    });

    it('a GET whose reset is beyond maxRateLimitWaitMs fails at once with the reset', async () => {
      emu.setRateLimit(1, 300);
      const patient = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token, maxRateLimitWaitMs: 1000 });
      await patient.getMe();
      const error = await rejection(patient.getRooms());
      assert.deepStrictEqual([error.kind, error.status, error.errors], ['rateLimited', 429, ['Rate limit exceeded.']]);
      assert.strictEqual(error.rateLimit?.remaining, 0);
      assert.ok(error.rateLimit && error.rateLimit.reset * 1000 > Date.now() + 250_000);
      assert.ok(error.retryAfterMs !== undefined && error.retryAfterMs > 250_000, `retryAfterMs ${error.retryAfterMs}`);
      assert.match(error.message, /request limit is used up; it resets in \d+ s \(429, GET \/rooms\)/);
      assert.deepStrictEqual(statuses(), ['GET 200', 'GET 429']);
    });

    // A clock 10 minutes fast makes the reset look past: a client that retried would do it at once,
    // before its promise settles (no waiting for a real window to roll over).
    it('a POST is never retried', async () => {
      emu.setRateLimit(1, 300);
      const hasty = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token, now: () => Date.now() + 600_000 });
      await hasty.getMe();
      const error = await rejection(hasty.postMessage(SEED_ROOMS.phoenix, 'hello'));
      assert.deepStrictEqual([error.kind, error.status], ['rateLimited', 429]);
      assert.ok(error.rateLimit);
      assert.deepStrictEqual(statuses(), ['GET 200', 'POST 429']);
    });

    it('PUT and DELETE are not retried either', async () => {
      emu.setRateLimit(1, 300);
      const hasty = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token, now: () => Date.now() + 600_000 });
      await hasty.getMe();
      await assert.rejects(hasty.markRead(SEED_ROOMS.phoenix), { kind: 'rateLimited' });
      await assert.rejects(hasty.deleteRoomLink(SEED_ROOMS.phoenix), { kind: 'rateLimited' });
      assert.deepStrictEqual(statuses(), ['GET 200', 'PUT 429', 'DELETE 429']);
    });

    it('aborting while waiting for the reset → aborted, without the retry', async () => {
      emu.setRateLimit(1, 5);
      await client.getMe();
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const started = Date.now();
      const error = await rejection(client.getRooms({ signal: controller.signal }));
      assert.strictEqual(error.kind, 'aborted');
      // The reset is 5 s away: well under that means the abort cut the wait short (a loaded CI
      // machine may take far more than the 100 ms).
      assert.ok(Date.now() - started < 4000);
      assert.deepStrictEqual(statuses(), ['GET 200', 'GET 429']);
    });
  });

  describe('429 on the per-room post limit', () => {
    it('messages and tasks share the room budget; the 429 says to wait 10 s', async () => {
      await client.postMessage(SEED_ROOMS.phoenix, 'one');
      await client.postMessage(SEED_ROOMS.phoenix, 'two');
      await client.createTask(SEED_ROOMS.phoenix, { body: 'three', to_ids: [SEED_IDS.me] });
      const error = await rejection(client.postMessage(SEED_ROOMS.phoenix, 'four'));
      assert.deepStrictEqual([error.kind, error.status, error.errors, error.retryAfterMs], ['rateLimited', 429, [ROOM_POST_LIMITED], 10_000]);
      assert.match(error.message, /posted to this room; wait about 10 seconds/);
      await assert.rejects(client.createTask(SEED_ROOMS.phoenix, { body: 'five', to_ids: [SEED_IDS.me] }), { kind: 'rateLimited', status: 429 });
      // Another room has its own budget.
      assert.ok((await client.postMessage(SEED_ROOMS.design, 'elsewhere')).message_id);
      assert.strictEqual(emu.requests.filter((r) => r.status === 429).length, 2, 'no retries');
    });
  });
});
