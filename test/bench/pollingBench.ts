// API economy while idle: the real store and poller against the emulator over HTTP, five minutes
// of virtual time (the poller's timer is driven by this script; requests are real and counted by the
// emulator). Default interval (30 s), window focused, with 1 and with 20 room panels open.
import { ChatworkClient } from '../../src/api/chatworkClient';
import { Poller } from '../../src/store/poller';
import { RoomStore } from '../../src/store/roomStore';
import { startEmulator } from '../emulator';
import { atMost, BenchRow, row } from './results';

const FIVE_MINUTES_MS = 5 * 60_000;
const RATE_BUDGET = 300;

async function idleRequests(panels: number): Promise<number> {
  const emulator = await startEmulator();
  try {
    const client = new ChatworkClient({ baseUrl: emulator.url, token: () => emulator.token });
    for (let i = 0; (await client.getRooms()).length < panels; i++) {
      await client.createRoom({ name: `Bench room ${i}`, members_admin_ids: [1001] });
    }
    const store = new RoomStore(client);
    let next: { callback: () => void; ms: number } | undefined;
    const poller = new Poller(store, {
      intervalMs: () => 30_000,
      setTimer: (callback, ms) => (next = { callback, ms }),
      clearTimer: () => (next = undefined),
    });
    poller.setActive(true);
    await poller.pollNow();
    const rooms = (store.rooms ?? []).slice(0, panels);
    for (const room of rooms) {
      poller.watch(room.room_id);
      await store.messages(room.room_id); // what opening a panel loads
    }
    emulator.resetRequests();
    let elapsed = 0;
    while (next && elapsed + next.ms <= FIVE_MINUTES_MS) {
      elapsed += next.ms;
      await poller.pollNow();
    }
    poller.dispose();
    return emulator.requests.length;
  } finally {
    await emulator.close();
  }
}

export async function pollingBench(): Promise<BenchRow[]> {
  const one = await idleRequests(1);
  const twenty = await idleRequests(20);
  const pct = (n: number) => Math.round((n / RATE_BUDGET) * 1000) / 10;
  return [
    row('api', 'idle requests / 5 min, 1 panel open', one, 'req'),
    row('api', 'idle share of the 300 / 5 min budget, 1 panel', pct(one), '%', atMost(5, '%')),
    row('api', 'idle requests / 5 min, 20 panels open', twenty, 'req'),
    row('api', 'idle share of the budget, 20 panels', pct(twenty), '%'),
  ];
}
