// The live mode of the poller on a virtual clock, against the emulator over real HTTP: a focused
// room whose conversation moves is diffed every few seconds; after two quiet minutes polling falls
// back to the normal cycle; the budget reserve and an unfocused window stop it too.
import * as assert from 'assert';
import { ChatworkClient } from '../../src/api';
import { LiveRoom } from '../../src/store/liveRoom';
import { LIVE_INTERVAL_MS, Poller } from '../../src/store/poller';
import { RoomStore } from '../../src/store/roomStore';
import { SEED_ROOMS, startEmulator, type Emulator } from '../emulator';

const ROOM = SEED_ROOMS.design;
const INTERVAL_MS = 30_000;

interface Timer {
  at: number;
  callback: () => void;
}

describe('store: live conversation polling (virtual clock)', () => {
  let emu: Emulator;
  let store: RoomStore;
  let poller: Poller;
  let clock: number;
  let timers: Set<Timer>;
  let budget: { limit: number; remaining: number; reset: number } | undefined;

  beforeEach(async () => {
    emu = await startEmulator({ rateLimit: 0 });
    const client = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token });
    store = new RoomStore(client);
    clock = Date.now();
    timers = new Set();
    budget = undefined;
    poller = new Poller(store, {
      intervalMs: () => INTERVAL_MS,
      now: () => clock,
      rateLimit: () => budget,
      setTimer: (callback, ms) => {
        const timer = { at: clock + ms, callback };
        timers.add(timer);
        return timer;
      },
      clearTimer: (handle) => timers.delete(handle as Timer),
    });
    poller.setActive(true);
    await poller.whenIdle();
    poller.watch(ROOM);
    await store.messages(ROOM);
    poller.setFocusedRoom(ROOM);
  });

  afterEach(async () => {
    poller.dispose();
    store.dispose();
    await emu.close();
  });

  /** Runs the timers due within the next `ms` of virtual time, in order. */
  async function advance(ms: number): Promise<void> {
    const end = clock + ms;
    for (;;) {
      const next = [...timers].sort((a, b) => a.at - b.at)[0];
      if (!next || next.at > end) break;
      timers.delete(next);
      clock = next.at;
      next.callback();
      await poller.whenIdle();
    }
    clock = end;
  }

  const diffs = () => emu.requests.filter((r) => r.path === `/rooms/${ROOM}/messages`).length;
  const nextDelays = () => [...timers].map((t) => t.at - clock).sort((a, b) => a - b);

  it('starts on a received message and diffs the focused room every few seconds', async () => {
    assert.strictEqual(poller.mode, 'idle');
    assert.deepStrictEqual(nextDelays(), [INTERVAL_MS], 'only the normal cycle before any activity');
    emu.postAs('alice', ROOM, 'are you there?');
    await advance(INTERVAL_MS); // the normal cycle brings it: the conversation is live now
    assert.strictEqual(poller.mode, 'live');
    assert.ok(nextDelays().includes(LIVE_INTERVAL_MS), `a live diff is armed: ${nextDelays().join(', ')}`);
    const received: string[] = [];
    store.onDidChangeMessages((e) => received.push(...e.added.map((m) => m.body)));
    emu.resetRequests();
    emu.postAs('alice', ROOM, 'quick reply');
    await advance(LIVE_INTERVAL_MS);
    assert.deepStrictEqual(received, ['quick reply'], 'delivered within one live interval');
    assert.deepStrictEqual(emu.requests.map((r) => `${r.method} ${r.path}`), [`GET /rooms/${ROOM}/messages`], 'a diff only, no GET /rooms');
  });

  it('stops after two quiet minutes and goes back to the normal interval', async () => {
    emu.postAs('alice', ROOM, 'hello');
    await advance(INTERVAL_MS);
    assert.strictEqual(poller.mode, 'live');
    await advance(2 * 60_000 - LIVE_INTERVAL_MS);
    assert.strictEqual(poller.mode, 'live', 'still live just before the quiet period ends');
    await advance(2 * LIVE_INTERVAL_MS);
    assert.strictEqual(poller.mode, 'idle');
    emu.resetRequests();
    await advance(5 * 60_000);
    assert.strictEqual(diffs(), 0, 'no more diffs while quiet');
    assert.strictEqual(emu.requests.length, 10, 'one GET /rooms per 30 s');
  });

  it('a message sent here starts it too; another room focused or the window left stops it', async () => {
    await new ChatworkClient({ baseUrl: emu.url, token: () => emu.token }).postMessage(ROOM, 'mine');
    await store.pollMessages(ROOM); // what the panel does after sending
    assert.strictEqual(poller.mode, 'live');
    poller.setFocusedRoom(SEED_ROOMS.phoenix);
    assert.strictEqual(poller.mode, 'idle');
    poller.setFocusedRoom(ROOM);
    assert.strictEqual(poller.mode, 'live');
    poller.setFocused(false);
    assert.strictEqual(poller.mode, 'idle');
  });

  it('pauses while less than a fifth of the rate-limit budget remains', async () => {
    budget = { limit: 300, remaining: 40, reset: 0 };
    emu.postAs('alice', ROOM, 'hello');
    await advance(INTERVAL_MS);
    assert.strictEqual(poller.mode, 'idle');
    budget = { limit: 300, remaining: 200, reset: 0 };
    await advance(INTERVAL_MS);
    assert.strictEqual(poller.mode, 'live');
  });

  it("announces 'live' and 'idle'; a failing cycle ends live polling; resume() forgets the conversation", async () => {
    const modes: string[] = [];
    poller.onDidChangeMode((mode) => modes.push(mode));
    emu.postAs('alice', ROOM, 'hello');
    await advance(INTERVAL_MS);
    await emu.injectFault({ method: 'GET', path: '/rooms', kind: 'status', status: 500, times: 1 });
    const cycle = poller.pollNow();
    await cycle;
    assert.strictEqual(poller.mode, 'backingOff');
    assert.deepStrictEqual(nextDelays(), [INTERVAL_MS * 2], 'no live diff while backing off');
    poller.resume();
    await advance(INTERVAL_MS); // the failure forgotten: the next cycle after the usual interval
    assert.strictEqual(poller.mode, 'idle', 'the conversation was forgotten');
    assert.deepStrictEqual(modes, ['live', 'backingOff', 'idle']);
  });

  it('is live while a diff is in flight', async () => {
    emu.postAs('alice', ROOM, 'hello');
    await advance(INTERVAL_MS);
    const live = [...timers].find((t) => t.at - clock === LIVE_INTERVAL_MS);
    assert.ok(live);
    timers.delete(live);
    live.callback();
    assert.strictEqual(poller.mode, 'live');
    await poller.whenIdle();
  });

  it('the budget edge: exactly a fifth left still allows it, one request less does not', async () => {
    emu.postAs('alice', ROOM, 'hello');
    budget = { limit: 300, remaining: 60, reset: 0 };
    await advance(INTERVAL_MS);
    assert.strictEqual(poller.mode, 'live');
    budget = { limit: 300, remaining: 59, reset: 0 };
    await advance(LIVE_INTERVAL_MS);
    assert.strictEqual(poller.mode, 'idle');
  });

  it('the next full cycle does not fetch again what the live diffs brought; more than that it does', async () => {
    emu.postAs('alice', ROOM, 'hello');
    await advance(INTERVAL_MS);
    emu.postAs('alice', ROOM, 'one');
    await advance(LIVE_INTERVAL_MS); // the live diff brings it
    poller.setFocused(false); // no more live diffs: what follows is the full cycle alone
    emu.resetRequests();
    await poller.pollNow();
    assert.deepStrictEqual(emu.requests.map((r) => `${r.method} ${r.path}`), ['GET /rooms', 'GET /my/status']);

    // Two new messages, only one of which a live diff saw: the cycle diffs the room itself.
    poller.setFocused(true);
    await poller.whenIdle();
    emu.postAs('alice', ROOM, 'two');
    await advance(LIVE_INTERVAL_MS);
    assert.strictEqual(poller.mode, 'live');
    emu.postAs('bob', ROOM, 'three');
    poller.setFocused(false);
    const received: string[] = [];
    store.onDidChangeMessages((e) => received.push(...e.added.map((m) => m.body)));
    emu.resetRequests();
    await poller.pollNow();
    assert.deepStrictEqual(emu.requests.map((r) => `${r.method} ${r.path}`), ['GET /rooms', 'GET /my/status', `GET /rooms/${ROOM}/messages`]);
    assert.deepStrictEqual(received, ['three']);
  });

  it('a failed live diff quiets the room until the next activity', async () => {
    emu.postAs('alice', ROOM, 'hello');
    await advance(INTERVAL_MS);
    assert.strictEqual(poller.mode, 'live');
    await emu.injectFault({ method: 'GET', path: `/rooms/${ROOM}/messages`, kind: 'status', status: 500, times: 1 });
    await advance(LIVE_INTERVAL_MS);
    assert.strictEqual(poller.mode, 'idle');
    assert.deepStrictEqual(nextDelays(), [INTERVAL_MS - LIVE_INTERVAL_MS], 'only the full cycle is armed');
  });

  it('an edit (no new message) does not make a conversation live', async () => {
    const [last] = (await store.messages(ROOM)).slice(-1);
    assert.ok(last);
    store.applyMessage(ROOM, { ...last, body: `${last.body} (edited)`, update_time: last.update_time + 1 });
    assert.strictEqual(poller.mode, 'idle');
  });

  it('opening a room someone wrote in a moment ago joins its live conversation; an old one does not', async () => {
    const phoenix = SEED_ROOMS.phoenix;
    poller.setFocusedRoom(phoenix);
    assert.strictEqual(poller.mode, 'idle', 'nothing new there for a while');
    poller.setFocusedRoom(undefined);
    emu.postAs('alice', phoenix, 'just now');
    await advance(INTERVAL_MS); // the rooms list shows its new last_update_time
    assert.strictEqual(poller.mode, 'idle', 'not focused');
    poller.setFocusedRoom(phoenix);
    assert.strictEqual(poller.mode, 'live');
  });

  it('focusing the room that has focus already keeps the live diff on its schedule', async () => {
    emu.postAs('alice', ROOM, 'hello');
    await advance(INTERVAL_MS);
    await advance(LIVE_INTERVAL_MS - 1_000);
    poller.setFocusedRoom(ROOM);
    emu.resetRequests();
    await advance(1_000);
    assert.strictEqual(diffs(), 1, 'the diff came when it was due');
  });

  it('a live diff due while a full cycle runs waits for the cycle, which re-arms it', async () => {
    emu.postAs('alice', ROOM, 'hello');
    await advance(INTERVAL_MS);
    const live = [...timers].find((t) => t.at - clock === LIVE_INTERVAL_MS);
    assert.ok(live);
    emu.resetRequests();
    const cycle = poller.pollNow();
    timers.delete(live);
    live.callback();
    await cycle;
    await poller.whenIdle();
    assert.deepStrictEqual(emu.requests.map((r) => `${r.method} ${r.path}`), ['GET /rooms']);
    assert.ok(nextDelays().includes(LIVE_INTERVAL_MS), 're-armed after the cycle');
    assert.strictEqual(poller.mode, 'live');
  });

  it('the live interval and window are options', async () => {
    const quick = new Poller(store, {
      intervalMs: () => INTERVAL_MS,
      liveIntervalMs: 1_000,
      liveWindowMs: 10_000,
      now: () => clock,
      setTimer: (callback, ms) => {
        const timer = { at: clock + ms, callback };
        timers.add(timer);
        return timer;
      },
      clearTimer: (handle) => timers.delete(handle as Timer),
    });
    try {
      quick.setActive(true);
      await quick.whenIdle();
      quick.setFocusedRoom(ROOM);
      emu.postAs('alice', ROOM, 'hi');
      await store.pollMessages(ROOM);
      assert.strictEqual(quick.mode, 'live');
      assert.ok(nextDelays().includes(1_000), nextDelays().join(', '));
      clock += 10_000;
      quick.setFocusedRoom(undefined);
      quick.setFocusedRoom(ROOM);
      assert.strictEqual(quick.mode, 'idle', 'ten quiet seconds end it');
    } finally {
      quick.dispose();
    }
  });

  it('LiveRoom: live only for the focused room, within the window', () => {
    let now = 0;
    const live = new LiveRoom(() => now, 120_000);
    live.noteActivity(1);
    assert.strictEqual(live.liveRoom, undefined, 'not focused');
    live.focus(1);
    assert.strictEqual(live.liveRoom, 1);
    now = 119_999;
    assert.strictEqual(live.remainingMs(), 1);
    now = 120_000;
    assert.strictEqual(live.liveRoom, undefined);
  });
});

describe('store: which room is live (LiveRoom, virtual clock)', () => {
  let now: number;
  beforeEach(() => (now = 1_000_000));

  it('the window defaults to two minutes; nothing is live without focus', () => {
    const live = new LiveRoom(() => now);
    live.noteActivity(1);
    assert.strictEqual(live.remainingMs(), 0, 'not focused');
    live.focus(1);
    assert.strictEqual(live.remainingMs(), 2 * 60_000);
    live.focus(undefined);
    assert.strictEqual(live.liveRoom, undefined);
    assert.strictEqual(live.focusedRoom, undefined);
  });

  it('a server clock ahead of ours does not stretch the window; older activity does not shorten it', () => {
    const live = new LiveRoom(() => now, 120_000);
    live.focus(7);
    live.noteActivity(7, now + 10 * 60_000);
    assert.strictEqual(live.remainingMs(), 120_000);
    now += 30_000;
    live.noteActivity(7, now - 60_000); // an older message arriving late
    assert.strictEqual(live.remainingMs(), 90_000);
    live.noteActivity(7, now - 10_000);
    assert.strictEqual(live.remainingMs(), 110_000);
  });

  it('activity is kept per room: focusing another room shows its own window', () => {
    const live = new LiveRoom(() => now, 120_000);
    live.noteActivity(1, now - 100_000);
    live.noteActivity(2, now - 20_000);
    live.focus(1);
    assert.strictEqual(live.remainingMs(), 20_000);
    live.focus(2);
    assert.strictEqual(live.liveRoom, 2);
    assert.strictEqual(live.remainingMs(), 100_000);
    live.focus(3);
    assert.strictEqual(live.liveRoom, undefined, 'never active');
  });

  it('on a clock that starts at zero: no time left for a room that is not live', () => {
    now = 0;
    const live = new LiveRoom(() => now, 120_000);
    assert.strictEqual(live.remainingMs(), 0, 'nothing focused');
    live.focus(1);
    assert.strictEqual(live.remainingMs(), 0, 'focused, never active');
  });

  it('forgetActivity() makes every room quiet and keeps the focus', () => {
    const live = new LiveRoom(() => now, 120_000);
    live.focus(1);
    live.noteActivity(1);
    live.forgetActivity();
    assert.strictEqual(live.focusedRoom, 1);
    assert.strictEqual(live.liveRoom, undefined);
    assert.strictEqual(live.remainingMs(), 0);
  });
});
