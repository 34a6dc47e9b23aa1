// The agent tools' numbers: the unread digest over 200 rooms answered from the store's cache (the
// real store and client against the emulator over HTTP; requests counted by the emulator), and
// find-messages over 100,000 cached messages (realistic bodies from the render corpus).
import { ChatworkClient } from '../../src/api/chatworkClient';
import type { Message } from '../../src/api/types';
import { RoomStore } from '../../src/store/roomStore';
import { StoreMessageSearch } from '../../src/tools/messageSearch';
import { UnreadDigest } from '../../src/tools/unreadDigest';
import { startEmulator } from '../emulator';
import { roomHistory } from './renderCorpus';
import { below, BenchRow, exactly, median, row } from './results';

const ROOMS = 200;
const RUNS = 30;

async function digestBench(): Promise<BenchRow[]> {
  const emulator = await startEmulator({ rateLimit: 0 });
  try {
    for (let i = 0; i < ROOMS; i++) {
      const room = emulator.state.createRoom({ type: 'group', name: `Digest room ${i}`, icon_path: '', members: [[1001, 'admin'], [1002, 'member']] });
      for (let k = 0; k < 3; k++) emulator.postAs(1002, room.room_id, `[To:1001] update ${k} for room ${i}: the build is green, please review`);
    }
    const client = new ChatworkClient({ baseUrl: emulator.url, token: () => emulator.token });
    const store = new RoomStore(client);
    await store.refreshRooms();
    const digest = new UnreadDigest(store);
    const options = { maxRooms: ROOMS + 20, perRoom: 5 };
    await digest.text(options); // first call: each unread room's latest messages (force=1)
    const rooms = (store.rooms ?? []).filter((r) => r.unread_num > 0).length;
    emulator.resetRequests();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await digest.text(options);
      times.push(performance.now() - started);
    }
    return [
      row('agent tools', `unread digest, ${rooms} unread rooms, from cache (median of ${RUNS})`, median(times), 'ms', below(20, 'ms')),
      row('agent tools', 'unread digest requests when nothing changed', emulator.requests.length, 'requests', exactly(0, 'requests')),
    ];
  } finally {
    await emulator.close();
  }
}

function corpus(rooms: number, perRoom: number): Map<number, Message[]> {
  const logs = new Map<number, Message[]>();
  for (let r = 0; r < rooms; r++) {
    logs.set(20000 + r, roomHistory(perRoom, 1000 + r).map((m) => ({
      message_id: m.id, account: { account_id: m.accountId, name: m.name, avatar_image_url: m.avatarUrl }, body: m.body, send_time: m.sendTime, update_time: m.updateTime,
    })));
  }
  return logs;
}

function findBench(): BenchRow[] {
  const logs = corpus(1000, 100);
  const total = [...logs.values()].reduce((n, l) => n + l.length, 0);
  const search = new StoreMessageSearch({ cachedMessages: () => logs.entries() });
  const time = (query: string): { cold: number; warm: number; hits: number } => {
    let started = performance.now();
    const hits = search.searchNow(query, { limit: 20 }).length;
    const cold = performance.now() - started;
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      started = performance.now();
      search.searchNow(query, { limit: 20 });
      runs.push(performance.now() - started);
    }
    return { cold, warm: median(runs), hits };
  };
  // A word that is nowhere scans everything (the worst case); a common one stops at the limit per room.
  const absent = time('kubernetes rollout');
  const common = time('レビュー');
  return [
    row('agent tools', `find messages over ${total.toLocaleString('en-US')} cached messages, no hit (full scan)`, absent.warm, 'ms', below(50, 'ms'), `first search ${absent.cold.toFixed(1)} ms (lower-cases the bodies once)`),
    row('agent tools', `find messages over ${total.toLocaleString('en-US')} cached messages, common word`, common.warm, 'ms', below(50, 'ms'), `${common.hits} hits shown; first search ${common.cold.toFixed(1)} ms (plain text of matching bodies once)`),
  ];
}

export async function agentToolsBench(): Promise<BenchRow[]> {
  return [...(await digestBench()), ...findBench()];
}
