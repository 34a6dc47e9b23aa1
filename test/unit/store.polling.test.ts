// The poller against the emulator: diff polling, invalidation when a room's last_update_time
// moves, status refresh only on change, and backoff on failures and 429 (timers are recorded).
import * as assert from 'assert';
import { ChatworkClient } from '../../src/api';
import { SEED_ROOMS } from '../emulator';
import { harness, INTERVAL_MS, type Harness } from './helpers/storeHarness';

const PHOENIX = SEED_ROOMS.phoenix;
const DESIGN = SEED_ROOMS.design;

describe('store: polling', () => {
  let h: Harness;
  afterEach(() => h.close());

  describe('with data loaded', () => {
    beforeEach(async () => {
      h = await harness();
      await h.poller.pollNow();
    });

    it('an unchanged cycle is one GET /rooms: no status, no messages', async () => {
      await h.store.messages(PHOENIX);
      h.emu.resetRequests();
      await h.poller.pollNow();
      assert.deepStrictEqual(h.requests(), ['GET /rooms']);
    });

    it('new messages arrive by diff (no force) only for rooms whose messages are loaded', async () => {
      const before = (await h.store.messages(PHOENIX)).length;
      const added: string[] = [];
      h.store.onDidChangeMessages((e) => added.push(...e.added.map((m) => `${e.roomId}:${m.body}`)));
      h.tick();
      h.emu.postAs('alice', PHOENIX, 'new in phoenix');
      h.emu.postAs('alice', DESIGN, 'new in design');
      h.emu.resetRequests();
      await h.poller.pollNow();
      assert.deepStrictEqual(h.requests(), ['GET /rooms', 'GET /my/status', `GET /rooms/${PHOENIX}/messages`]);
      assert.deepStrictEqual(added, [`${PHOENIX}:new in phoenix`]);
      const after = await h.store.messages(PHOENIX);
      assert.strictEqual(after.length, before + 1);
      assert.strictEqual(after.at(-1)?.body, 'new in phoenix');
    });

    it('activity without new messages (an edit elsewhere) reloads the latest 100 to catch it', async () => {
      const messages = await h.store.messages(PHOENIX);
      const mine = [...messages].reverse().find((m) => m.account.account_id === 1001 && m.body !== '[deleted]');
      assert.ok(mine, 'a message of mine in the seed');
      h.tick();
      await h.client.updateMessage(PHOENIX, mine.message_id, 'edited elsewhere');
      h.emu.resetRequests();
      await h.poller.pollNow();
      assert.deepStrictEqual(h.requests(), ['GET /rooms', 'GET /my/status', `GET /rooms/${PHOENIX}/messages`, `GET /rooms/${PHOENIX}/messages?force=1`]);
      assert.strictEqual((await h.store.messages(PHOENIX)).find((m) => m.message_id === mine.message_id)?.body, 'edited elsewhere');
    });

    it('a room whose last_update_time moved loses its cached children; other rooms keep theirs', async () => {
      await Promise.all([h.store.tasks(PHOENIX), h.store.members(PHOENIX), h.store.tasks(DESIGN)]);
      const parts: string[] = [];
      h.store.onDidChangeRoomPart(({ roomId, part }) => parts.push(`${roomId}:${part}`));
      h.tick();
      const alice = new ChatworkClient({ baseUrl: h.emu.url, token: () => h.emu.tokens.alice ?? '' });
      await alice.createTask(PHOENIX, { body: 'from Alice', to_ids: [1001] });
      await h.poller.pollNow();
      assert.deepStrictEqual(parts.sort(), [`${PHOENIX}:members`, `${PHOENIX}:tasks`]);

      h.emu.resetRequests();
      const [phoenixTasks] = await Promise.all([h.store.tasks(PHOENIX), h.store.tasks(DESIGN)]);
      assert.deepStrictEqual(h.requests(), [`GET /rooms/${PHOENIX}/tasks?status=open`]);
      assert.ok(phoenixTasks.some((t) => t.body === 'from Alice'));
    });

    it('counters that change without activity (read elsewhere) refresh the status, not the children', async () => {
      await h.store.tasks(PHOENIX);
      await h.client.markRead(PHOENIX);
      h.emu.resetRequests();
      await h.poller.pollNow();
      assert.deepStrictEqual(h.requests(), ['GET /rooms', 'GET /my/status']);
      assert.strictEqual(h.store.room(PHOENIX)?.unread_num, 0);
      h.emu.resetRequests();
      await h.store.tasks(PHOENIX);
      assert.deepStrictEqual(h.requests(), []);
    });
  });

  describe('scheduling', () => {
    it('runs only while active, at the interval, starting at once', async () => {
      h = await harness();
      h.poller.setActive(true);
      await h.poller.pollNow();
      assert.strictEqual(h.poller.state, 'waiting');
      assert.deepStrictEqual(h.delays, [INTERVAL_MS]);
      h.poller.setActive(false);
      assert.strictEqual(h.poller.state, 'stopped');
      h.emu.resetRequests();
      h.runTimer(); // cleared: nothing runs
      assert.deepStrictEqual(h.requests(), []);
    });

    it('polls four times slower when the window is unfocused', async () => {
      h = await harness();
      h.poller.setFocused(false);
      h.poller.setActive(true);
      await h.poller.pollNow();
      assert.strictEqual(h.delays.at(-1), INTERVAL_MS * 4);
    });

    it('backs off exponentially on failures (a 429 without reset time) and recovers', async () => {
      h = await harness();
      await h.emu.injectFault({ method: 'GET', path: '/rooms', kind: 'status', status: 429, times: 2 });
      const failures: string[] = [];
      h.poller.onDidFail((e) => failures.push((e as Error & { kind?: string }).kind ?? 'unknown'));
      h.poller.setActive(true);
      await h.poller.pollNow();
      assert.strictEqual(h.poller.state, 'backingOff');
      h.runTimer();
      await h.poller.pollNow();
      h.runTimer();
      await h.poller.pollNow();
      assert.deepStrictEqual(failures, ['rateLimited', 'rateLimited']);
      assert.deepStrictEqual(h.delays, [INTERVAL_MS * 2, INTERVAL_MS * 4, INTERVAL_MS]);
      assert.strictEqual(h.poller.state, 'waiting');
    });

    it('restart() during a cycle (another account): its failure is dropped, no backoff, a fresh cycle runs at once', async () => {
      h = await harness();
      h.poller.setActive(true);
      await h.poller.pollNow();
      await h.emu.injectFault({ method: 'GET', path: '/rooms', kind: 'status', status: 500, times: 1 });
      const failures: unknown[] = [];
      h.poller.onDidFail((e) => failures.push(e));
      h.emu.resetRequests();
      const running = h.poller.pollNow();
      h.poller.restart();
      await running;
      assert.deepStrictEqual(failures, [], 'the old cycle reports nothing');
      // The fresh cycle started when the old one ended, without waiting for a timer.
      assert.strictEqual(h.poller.state, 'polling');
      await h.poller.pollNow(); // joins that cycle
      assert.deepStrictEqual(h.requests(), ['GET /rooms', 'GET /rooms']);
      assert.strictEqual(h.poller.state, 'waiting');
      assert.strictEqual(h.delays.at(-1), INTERVAL_MS, 'no backoff');
    });

    it('waits for the rate-limit reset when Chatwork says when', async () => {
      h = await harness({ rateLimit: 1, rateWindowSeconds: 300 });
      h.poller.setActive(true);
      await h.poller.pollNow(); // the first GET /rooms uses up the budget
      h.runTimer();
      await h.poller.pollNow();
      assert.strictEqual(h.poller.state, 'backingOff');
      const wait = h.delays.at(-1) ?? 0;
      // Reset times are whole seconds, so the wait may exceed the window by up to a second.
      assert.ok(wait > INTERVAL_MS * 2 && wait <= 301_000, `waited ${wait} ms`);
    });

    it('stops on a rejected token until resumed', async () => {
      h = await harness({ rateLimit: 0 }, 'not-a-token');
      h.poller.setActive(true);
      await h.poller.pollNow();
      assert.strictEqual(h.poller.state, 'signedOut');
      assert.deepStrictEqual(h.delays, []);
    });
  });
});
