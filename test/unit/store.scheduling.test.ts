// The poller's schedule against the emulator over real HTTP: the window's focus, the waits it
// picks (interval, unfocused, backoff and its caps), which rooms it fetches messages for, the
// mode the status bar shows, restart/resume, and — once — its default timers (real setTimeout).
import * as assert from 'assert';
import { ChatworkApiError } from '../../src/api';
import { Poller, type PollerMode } from '../../src/store/poller';
import { SEED_ROOMS } from '../emulator';
import { harness, INTERVAL_MS, type Harness } from './helpers/storeHarness';

const PHOENIX = SEED_ROOMS.phoenix;
const DESIGN = SEED_ROOMS.design;

const roomsGets = (h: Harness): number => h.requests().filter((r) => r === 'GET /rooms').length;

describe('store: poller scheduling', () => {
  let h: Harness;
  afterEach(() => h.close());

  describe('window focus', () => {
    beforeEach(async () => {
      h = await harness();
      h.poller.setActive(true);
      await h.poller.whenIdle();
      assert.strictEqual(h.poller.state, 'waiting');
    });

    it('coming back to the window refreshes at once; leaving it waits four intervals', async () => {
      h.poller.setFocused(false);
      assert.deepStrictEqual(h.delays, [INTERVAL_MS, INTERVAL_MS * 4], 'the pending wait is re-armed, slower');
      h.emu.resetRequests();
      h.poller.setFocused(true);
      assert.strictEqual(h.poller.state, 'polling', 'a cycle started without a timer');
      await h.poller.whenIdle();
      assert.deepStrictEqual(h.requests(), ['GET /rooms']);
      assert.deepStrictEqual(h.delays, [INTERVAL_MS, INTERVAL_MS * 4, INTERVAL_MS]);
    });

    it('the same focus again changes nothing', async () => {
      h.emu.resetRequests();
      h.poller.setFocused(true);
      assert.strictEqual(h.poller.state, 'waiting');
      h.poller.setFocused(false);
      h.poller.setFocused(false);
      await h.poller.whenIdle();
      assert.deepStrictEqual(h.requests(), []);
      assert.deepStrictEqual(h.delays, [INTERVAL_MS, INTERVAL_MS * 4]);
    });

    it('focus while polling is off, or while backing off, does not poll at once', async () => {
      h.poller.setFocused(false);
      h.poller.setActive(false);
      h.emu.resetRequests();
      h.poller.setFocused(true);
      await h.poller.whenIdle();
      assert.deepStrictEqual(h.requests(), [], 'not active');
      assert.strictEqual(h.poller.state, 'stopped');

      h.poller.setActive(true);
      await h.poller.whenIdle();
      await h.emu.injectFault({ method: 'GET', path: '/rooms', kind: 'status', status: 500, times: 1 });
      await h.poller.pollNow();
      assert.strictEqual(h.poller.state, 'backingOff');
      h.poller.setFocused(false);
      h.emu.resetRequests();
      h.poller.setFocused(true);
      await h.poller.whenIdle();
      assert.deepStrictEqual(h.requests(), [], 'the backoff is kept');
      assert.strictEqual(h.delays.at(-1), INTERVAL_MS * 2);
    });
  });

  describe('waits', () => {
    const rateLimited = (retryAfterMs?: number) => new ChatworkApiError('429', { kind: 'rateLimited', status: 429, retryAfterMs });

    it('a 429 waits for the announced reset, never less than the interval', async () => {
      h = await harness();
      assert.strictEqual(h.poller.nextDelayMs(rateLimited(200_000)), 200_000);
      assert.strictEqual(h.poller.nextDelayMs(rateLimited(1_000)), INTERVAL_MS);
      assert.strictEqual(h.poller.nextDelayMs(rateLimited()), INTERVAL_MS, 'no reset time: the usual wait');
      assert.strictEqual(h.poller.nextDelayMs(new ChatworkApiError('500', { kind: 'server', status: 500, retryAfterMs: 200_000 })), INTERVAL_MS);
      assert.strictEqual(h.poller.nextDelayMs(new Error('plain')), INTERVAL_MS);
    });

    it('backoff doubles per failure up to five minutes by default', async () => {
      h = await harness();
      h.poller.setActive(true);
      await h.poller.whenIdle();
      await h.emu.injectFault({ method: 'GET', path: '/rooms', kind: 'status', status: 500 });
      for (let i = 0; i < 4; i++) await h.poller.pollNow();
      assert.deepStrictEqual(h.delays, [INTERVAL_MS, 60_000, 120_000, 240_000, 300_000]);
    });

    it('the cap and the unfocused factor are options; doubling stops after six failures', async () => {
      h = await harness();
      const delays: number[] = [];
      const poller = new Poller(h.store, {
        intervalMs: () => 1_000,
        unfocusedFactor: 2,
        maxBackoffMs: 10_000_000,
        setTimer: (_callback, ms) => delays.push(ms),
        clearTimer: () => undefined,
      });
      poller.setFocused(false);
      poller.setActive(true);
      await poller.whenIdle();
      assert.deepStrictEqual(delays, [2_000]);
      await h.emu.injectFault({ method: 'GET', path: '/rooms', kind: 'status', status: 500 });
      for (let i = 0; i < 8; i++) await poller.pollNow();
      assert.deepStrictEqual(delays, [2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 128_000, 128_000]);

      const capped = new Poller(h.store, { intervalMs: () => 1_000, maxBackoffMs: 5_000, setTimer: (_c, ms) => delays.push(ms), clearTimer: () => undefined });
      capped.setActive(true);
      await capped.whenIdle();
      await capped.pollNow();
      await capped.pollNow();
      assert.deepStrictEqual(delays.slice(-3), [2_000, 4_000, 5_000]);
      poller.dispose();
      capped.dispose();
    });

    it('a failure never waits less than the usual interval, even when that is longer than the cap', async () => {
      h = await harness();
      const delays: number[] = [];
      const poller = new Poller(h.store, { intervalMs: () => 600_000, setTimer: (_c, ms) => delays.push(ms), clearTimer: () => undefined });
      poller.setActive(true);
      await poller.whenIdle();
      await h.emu.injectFault({ method: 'GET', path: '/rooms', kind: 'status', status: 500, times: 1 });
      await poller.pollNow();
      assert.strictEqual(poller.state, 'backingOff');
      assert.deepStrictEqual(delays, [600_000, 600_000]);
      poller.dispose();
    });

    it('resume() after a rejected token starts again at once, with the failures forgotten', async () => {
      h = await harness();
      await h.emu.injectFault({ method: 'GET', path: '/rooms', kind: 'status', status: 401, times: 1 });
      await h.emu.injectFault({ method: 'GET', path: '/rooms', kind: 'status', status: 500, times: 1 });
      h.poller.setActive(true);
      await h.poller.whenIdle();
      assert.strictEqual(h.poller.state, 'signedOut');
      assert.strictEqual(h.poller.mode, 'signedOut');
      h.poller.resume();
      await h.poller.whenIdle();
      assert.strictEqual(h.poller.state, 'backingOff');
      assert.deepStrictEqual(h.delays, [INTERVAL_MS * 2], 'one failure since the resume, not two');
      h.poller.resume(); // not signed out: only the failures are forgotten
      assert.strictEqual(h.poller.state, 'backingOff');
      assert.deepStrictEqual(h.delays, [INTERVAL_MS * 2, INTERVAL_MS]);
    });
  });

  describe('restart (another account)', () => {
    beforeEach(async () => {
      h = await harness();
      h.poller.setActive(true);
      await h.poller.whenIdle();
    });

    it('between cycles: the pending wait is cancelled and a fresh cycle runs at once', async () => {
      h.emu.resetRequests();
      h.poller.restart();
      assert.strictEqual(h.poller.state, 'polling');
      await h.poller.whenIdle();
      assert.deepStrictEqual(h.requests(), ['GET /rooms']);
      assert.deepStrictEqual(h.delays, [INTERVAL_MS, INTERVAL_MS]);
    });

    it('while not active: stopped, nothing runs until polling is switched on', async () => {
      h.poller.setActive(false);
      h.emu.resetRequests();
      h.poller.restart();
      await h.poller.whenIdle();
      assert.strictEqual(h.poller.state, 'stopped');
      assert.deepStrictEqual(h.requests(), []);
    });

    it('during a cycle that succeeds: it announces nothing; the fresh cycle follows', async () => {
      const outcomes: string[] = [];
      h.poller.onDidFail(() => outcomes.push('fail'));
      h.poller.onDidSucceed(() => outcomes.push('success'));
      h.emu.resetRequests();
      const running = h.poller.pollNow();
      h.poller.restart();
      await running;
      assert.deepStrictEqual(outcomes, [], 'the dropped cycle is silent');
      await h.poller.whenIdle();
      assert.deepStrictEqual(outcomes, ['success']);
      assert.deepStrictEqual(h.requests(), ['GET /rooms', 'GET /rooms']);
    });

    it('a cycle restarted while fetching messages fetches no further room', async () => {
      await Promise.all([h.store.messages(PHOENIX), h.store.messages(DESIGN)]);
      h.tick();
      h.emu.postAs('alice', PHOENIX, 'one');
      h.emu.postAs('alice', DESIGN, 'two');
      await h.emu.injectFault({ method: 'GET', path: '/my/status', kind: 'latency', delayMs: 50, times: 1 });
      h.emu.resetRequests();
      const running = h.poller.pollNow();
      // Restart as soon as the cycle is past GET /rooms (while it waits for the status).
      while (!h.requests().includes('GET /my/status')) await new Promise((resolve) => setImmediate(resolve));
      h.poller.restart();
      await running;
      await h.poller.whenIdle();
      // The fresh cycle finds the list unchanged (the dropped one stored it): no message requests at all.
      assert.deepStrictEqual(h.requests(), ['GET /rooms', 'GET /my/status', 'GET /rooms']);
      assert.strictEqual(h.poller.state, 'waiting');
    });
  });

  describe('which rooms get their messages', () => {
    beforeEach(async () => {
      h = await harness();
      await h.poller.pollNow();
    });

    it('a watched room is fetched on activity until its last watcher is gone', async () => {
      const first = h.poller.watch(DESIGN);
      const second = h.poller.watch(DESIGN);
      assert.deepStrictEqual(h.poller.watchedRooms, [DESIGN]);
      h.tick();
      h.emu.postAs('alice', DESIGN, 'for the panel');
      h.emu.resetRequests();
      await h.poller.pollNow();
      assert.ok(h.requests().includes(`GET /rooms/${DESIGN}/messages?force=1`), h.requests().join(', '));
      first.dispose();
      assert.deepStrictEqual(h.poller.watchedRooms, [DESIGN], 'one watcher left');
      second.dispose();
      assert.deepStrictEqual(h.poller.watchedRooms, []);
      second.dispose(); // twice: harmless
      assert.deepStrictEqual(h.poller.watchedRooms, []);
    });

    it('an unwatched, unread room is fetched only when wantsMessages asks (with its summaries)', async () => {
      const asked: string[] = [];
      const poller = new Poller(h.store, {
        intervalMs: () => INTERVAL_MS,
        wantsMessages: (current, previous) => {
          asked.push(`${current.room_id}:${previous?.message_num}->${current.message_num}`);
          return current.room_id === DESIGN;
        },
        setTimer: () => undefined,
        clearTimer: () => undefined,
      });
      const before = h.store.room(DESIGN)?.message_num ?? 0;
      const since = h.store.room(DESIGN)?.last_update_time ?? 0;
      const phoenixBefore = h.store.room(PHOENIX)?.message_num ?? 0;
      h.tick();
      h.emu.postAs('alice', DESIGN, `[To:1001] a mention`);
      h.emu.postAs('alice', PHOENIX, 'not wanted');
      const announced: string[] = [];
      h.store.onDidChangeMessages((e) => announced.push(...e.added.map((m) => m.body)));
      h.emu.resetRequests();
      await poller.pollNow();
      assert.deepStrictEqual(asked.sort(), [`${DESIGN}:${before}->${before + 1}`, `${PHOENIX}:${phoenixBefore}->${phoenixBefore + 1}`].sort());
      assert.deepStrictEqual(h.requests(), ['GET /rooms', 'GET /my/status', `GET /rooms/${DESIGN}/messages?force=1`]);
      // What is new since the room's previous last_update_time (that second included: one-second resolution).
      const news = h.emu.state.roomMessages(DESIGN).filter((m) => m.send_time >= since).map((m) => m.body);
      assert.deepStrictEqual(announced, news);
      assert.ok(news.length < h.emu.state.roomMessages(DESIGN).length && news.at(-1) === '[To:1001] a mention');
      poller.dispose();
    });

    it('without wantsMessages, an unwatched room whose messages were never loaded costs nothing', async () => {
      h.tick();
      h.emu.postAs('alice', DESIGN, 'nobody reads this');
      const failures: Error[] = [];
      h.poller.onDidFail((e) => failures.push(e));
      h.emu.resetRequests();
      await h.poller.pollNow();
      assert.deepStrictEqual(h.requests(), ['GET /rooms', 'GET /my/status']);
      assert.deepStrictEqual(failures, []);
    });

    it('without a rate-limit source, a focused conversation goes live', async () => {
      h.poller.setActive(true);
      await h.poller.whenIdle();
      h.poller.watch(DESIGN);
      await h.store.messages(DESIGN);
      h.poller.setFocusedRoom(DESIGN);
      h.emu.postAs('alice', DESIGN, 'hi');
      await h.store.pollMessages(DESIGN);
      assert.strictEqual(h.poller.mode, 'live');
    });
  });

  it('the mode follows the state: idle while waiting, backing off, signed out, stopped', async () => {
    h = await harness();
    const modes: PollerMode[] = [];
    h.poller.onDidChangeMode((mode) => modes.push(mode));
    assert.strictEqual(h.poller.mode, 'stopped');
    h.poller.setActive(true);
    await h.poller.whenIdle();
    assert.strictEqual(h.poller.mode, 'idle');
    await h.emu.injectFault({ method: 'GET', path: '/rooms', kind: 'status', status: 500, times: 1 });
    await h.poller.pollNow();
    assert.strictEqual(h.poller.mode, 'backingOff');
    await h.emu.injectFault({ method: 'GET', path: '/rooms', kind: 'status', status: 401, times: 1 });
    await h.poller.pollNow();
    assert.strictEqual(h.poller.mode, 'signedOut');
    h.poller.resume();
    await h.poller.whenIdle();
    h.poller.setActive(false);
    // resume() passes through 'stopped' on its way to the fresh cycle.
    assert.deepStrictEqual(modes, ['idle', 'backingOff', 'signedOut', 'stopped', 'idle', 'stopped']);
    assert.strictEqual(h.poller.active, false);
  });

  it('dispose() stops polling and every event', async () => {
    h = await harness();
    const events: string[] = [];
    h.poller.onDidSucceed(() => events.push('success'));
    h.poller.onDidFail(() => events.push('fail'));
    h.poller.onDidChangeMode((mode) => events.push(mode));
    h.poller.setActive(true);
    await h.poller.whenIdle();
    assert.deepStrictEqual(events, ['success', 'idle']);
    h.poller.dispose();
    assert.strictEqual(h.poller.active, false);
    h.emu.resetRequests();
    h.runTimer();
    await h.poller.whenIdle();
    await h.poller.pollNow(); // an explicit refresh still works, silently
    await h.emu.injectFault({ method: 'GET', path: '/rooms', kind: 'status', status: 500, times: 1 });
    await h.poller.pollNow();
    assert.deepStrictEqual(events, ['success', 'idle']);
    assert.strictEqual(roomsGets(h), 2, 'the cancelled timer did not fire');
  });

  it('with its default timers (setTimeout), the next cycle follows after the interval; stopping cancels it', async () => {
    h = await harness();
    const poller = new Poller(h.store, { intervalMs: () => 1 });
    try {
      const cycles = (n: number) =>
        new Promise<void>((resolve) => {
          let seen = 0;
          const subscription = poller.onDidSucceed(() => {
            if (++seen === n) {
              subscription.dispose();
              resolve();
            }
          });
        });
      const twoCycles = cycles(2);
      poller.setActive(true);
      await twoCycles; // the second cycle can only come from the timer
      await poller.whenIdle();
      poller.setActive(false);
      h.emu.resetRequests();
      // A timer of the same length armed later fires later: by then a cancelled wait would have polled.
      await new Promise((resolve) => setTimeout(resolve, 1));
      assert.strictEqual(poller.state, 'stopped');
      await poller.whenIdle();
      assert.deepStrictEqual(h.requests(), []);
    } finally {
      poller.dispose();
    }
  });
});
