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
