// Delivery latency and request budget of a live conversation: the real store and poller against the
// emulator over HTTP, 20 room panels open (all watched), one of them focused, and another account
// (Alice) posting into the focused room on a schedule. Time is virtual: one scheduler runs the
// poller's timers and the posts in time order (requests are real and counted by the emulator, whose
// 300 / 5 min limit is on, so every request of the run falls in one window). Latency is measured
// from the post to the store event the panel renders from (store.onDidChangeMessages → the panel's
// `append`), plus the real time the requests took; the webview's own frame is in renderBench.
import { ChatworkClient } from '../../src/api/chatworkClient';
import { Poller } from '../../src/store/poller';
import { RoomStore } from '../../src/store/roomStore';
import { SEED_ROOMS, startEmulator } from '../emulator';
import { atMost, BenchRow, exactly, row } from './results';

const INTERVAL_MS = 30_000;
const RATE_BUDGET = 300;
const PANELS = 20;
const FOCUSED = SEED_ROOMS.design;

interface Timer {
  at: number;
  callback: () => void;
}

interface RunResult {
  latenciesMs: number[];
  requests: number;
  tooMany: number;
}

/** Posts at the given virtual times (ms) and runs the poller until `durationMs`. */
async function conversation(postTimesMs: readonly number[], durationMs: number, opener?: string): Promise<RunResult> {
  const emulator = await startEmulator();
  try {
    const client = new ChatworkClient({ baseUrl: emulator.url, token: () => emulator.token });
    for (let i = 0; (await client.getRooms()).length < PANELS; i++) {
      await client.createRoom({ name: `Bench room ${i}`, members_admin_ids: [1001] });
    }
    const store = new RoomStore(client);
    let clock = Date.now();
    const timers = new Set<Timer>();
    const poller = new Poller(store, {
      intervalMs: () => INTERVAL_MS,
      setTimer: (callback, ms) => {
        const timer = { at: clock + ms, callback };
        timers.add(timer);
        return timer;
      },
      clearTimer: (handle) => timers.delete(handle as Timer),
      now: () => clock,
      rateLimit: () => client.rateLimit,
    });
    poller.setActive(true);
    await poller.pollNow();
    const rooms = (store.rooms ?? []).slice(0, PANELS);
    if (!rooms.some((r) => r.room_id === FOCUSED)) rooms[0] = store.room(FOCUSED)!;
    for (const room of rooms) {
      poller.watch(room.room_id);
      await store.messages(room.room_id); // what opening a panel loads
    }
    poller.setFocusedRoom(FOCUSED);
    if (opener) {
      // The user opens the conversation: sends a message (the panel then diffs it back).
      await client.postMessage(FOCUSED, opener);
      await store.pollMessages(FOCUSED);
    }

    const posted = new Map<number, number>(); // message id → virtual time posted
    const latenciesMs: number[] = [];
    let firedAtReal = 0;
    store.onDidChangeMessages((e) => {
      for (const m of e.added) {
        const at = posted.get(Number(m.message_id));
        if (e.roomId === FOCUSED && at !== undefined) latenciesMs.push(clock - at + (performance.now() - firedAtReal));
      }
    });

    emulator.resetRequests();
    const start = clock;
    const posts = postTimesMs.map((t) => start + t);
    const end = start + durationMs;
    for (;;) {
      const timer = [...timers].sort((a, b) => a.at - b.at)[0];
      const nextPost = posts[0];
      if (nextPost !== undefined && (timer === undefined || nextPost <= timer.at)) {
        clock = nextPost;
        posts.shift();
        const message = emulator.postAs('alice', FOCUSED, `post at ${Math.round((clock - start) / 1000)} s`);
        posted.set(Number(message.message_id), clock);
        continue;
      }
      if (timer === undefined || timer.at > end) break;
      clock = timer.at;
      timers.delete(timer);
      firedAtReal = performance.now();
      timer.callback();
      await poller.whenIdle();
    }
    poller.dispose();
    store.dispose();
    const requests = emulator.requests.length;
    const tooMany = emulator.requests.filter((r) => r.status === 429).length;
    return { latenciesMs, requests, tooMany };
  } finally {
    await emulator.close();
  }
}


function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

export async function deliveryBench(): Promise<BenchRow[]> {
  // Active: the user writes, then Alice answers about every 10 s for 5 minutes (off the poller's
  // grid). Quiet: one message every 2½ minutes (longer than the two-minute activity window), for
  // 10 minutes.
  const active = await conversation(Array.from({ length: 30 }, (_, i) => 3_700 + i * 9_700), 5 * 60_000, 'Shall we go through the review now?');
  const quiet = await conversation([31_000, 181_000, 331_000, 481_000], 10 * 60_000);
  const pct = Math.round((active.requests / RATE_BUDGET) * 1000) / 10;
  if (process.env.BENCH_VERBOSE) console.log(active.latenciesMs.map(Math.round).join(' '));
  return [
    row('live', 'delivery latency, active conversation, p50', seconds(percentile(active.latenciesMs, 50)), 's', atMost(3, 's'), 'to the store event the panel renders from'),
    row('live', 'delivery latency, active conversation, p95', seconds(percentile(active.latenciesMs, 95)), 's', atMost(6, 's')),
    row('live', 'delivery latency, quiet conversation, max', seconds(Math.max(...quiet.latenciesMs)), 's', atMost(INTERVAL_MS / 1000, 's')),
    row('live', 'messages delivered (active / quiet)', active.latenciesMs.length + quiet.latenciesMs.length, 'msg', exactly(34, 'msg')),
    row('live', 'requests / 5 min, 1 active conversation, 20 panels', active.requests, 'req'),
    row('live', 'share of the 300 / 5 min budget', pct, '%', atMost(30, '%')),
    row('live', 'HTTP 429 answers in the run', active.tooMany + quiet.tooMany, '', atMost(0, '')),
  ];
}
