// What each thing the sidebar does costs in requests, measured on the emulator's request log.
import * as assert from 'assert';
import { SEED_IDS, SEED_ROOMS } from '../emulator';
import { harness, type Harness } from './helpers/storeHarness';

const PHOENIX = SEED_ROOMS.phoenix;

describe('store: requests per action', () => {
  let h: Harness;
  beforeEach(async () => (h = await harness()));
  afterEach(() => h.close());

  it('opening the sidebar (the rooms list) is exactly one GET /rooms', async () => {
    h.emu.resetRequests();
    await h.store.refreshRooms();
    assert.deepStrictEqual(h.requests(), ['GET /rooms']);
    assert.ok((h.store.rooms ?? []).length >= 8);
  });

  it("the poller's first cycle is GET /rooms alone: the status bar's first totals come from it", async () => {
    h.emu.resetRequests();
    await h.poller.pollNow();
    assert.deepStrictEqual(h.requests(), ['GET /rooms']);
    const status = await h.client.getMyStatus();
    assert.deepStrictEqual(h.store.status, status, 'the derived totals equal GET /my/status');
  });

  it('the derived totals are what a hand count of a known inbox gives, and what GET /my/status says', async () => {
    // A known inbox: none of my old tasks open, every room read; then two tasks for me in my chat,
    // two messages from Alice (one mentioning me) and one from Bob (mentioning me).
    for (const task of await h.client.getMyTasks({ status: 'open' })) await h.client.updateTaskStatus(task.room.room_id, task.task_id, 'done');
    await h.client.createTask(SEED_ROOMS.myChat, { body: 'one', to_ids: [SEED_IDS.me] });
    await h.client.createTask(SEED_ROOMS.myChat, { body: 'two', to_ids: [SEED_IDS.me] });
    for (const room of await h.client.getRooms()) if (room.unread_num > 0) await h.client.markRead(room.room_id);
    h.emu.postAs('alice', SEED_ROOMS.directAlice, 'lunch?');
    h.emu.postAs('alice', SEED_ROOMS.directAlice, `[To:${SEED_IDS.me}]Taro-san, the review please`);
    h.emu.postAs('bob', SEED_ROOMS.directBob, `[To:${SEED_IDS.me}]Taro-san, a question`);
    const handCount = { unread_room_num: 2, mention_room_num: 2, mytask_room_num: 1, unread_num: 3, mention_num: 2, mytask_num: 2 };
    await h.poller.pollNow();
    assert.deepStrictEqual(h.store.status, handCount, 'the totals the status bar shows');
    assert.deepStrictEqual(await h.client.getMyStatus(), handCount, 'GET /my/status');
  });

  it("expanding a room's four nodes is four requests; expanding them again is none", async () => {
    await h.store.refreshRooms();
    h.emu.resetRequests();
    const expandAll = () => Promise.all([h.store.messages(PHOENIX), h.store.tasks(PHOENIX), h.store.files(PHOENIX), h.store.members(PHOENIX)]);
    const [messages, tasks, files, members] = await expandAll();
    assert.deepStrictEqual(h.requests().sort(), [
      `GET /rooms/${PHOENIX}/files`,
      `GET /rooms/${PHOENIX}/members`,
      `GET /rooms/${PHOENIX}/messages?force=1`,
      `GET /rooms/${PHOENIX}/tasks?status=open`,
    ]);
    assert.ok(messages.length > 0 && tasks.length > 0 && files.length > 0 && members.length > 0);

    h.emu.resetRequests();
    await expandAll();
    assert.deepStrictEqual(h.requests(), []);
  });

  it('concurrent expansions of the same node share one request', async () => {
    h.emu.resetRequests();
    await Promise.all([h.store.members(PHOENIX), h.store.members(PHOENIX), h.store.members(PHOENIX)]);
    assert.deepStrictEqual(h.requests(), [`GET /rooms/${PHOENIX}/members`]);
  });

  it('hovering a room loads its description once (GET /rooms/{id}), then from the cache', async () => {
    h.emu.resetRequests();
    const room = await h.store.details(PHOENIX);
    await h.store.details(PHOENIX);
    assert.match(room.description, /Phoenix/);
    assert.deepStrictEqual(h.requests(), [`GET /rooms/${PHOENIX}`]);
  });

  it('a task filter is one request; the same filter again is none', async () => {
    h.emu.resetRequests();
    await h.store.tasks(PHOENIX, { status: 'done' });
    await h.store.tasks(PHOENIX, { status: 'done' });
    await h.store.tasks(PHOENIX, { status: 'open', account_id: 1001 });
    assert.deepStrictEqual(h.requests(), [`GET /rooms/${PHOENIX}/tasks?status=done`, `GET /rooms/${PHOENIX}/tasks?status=open&account_id=1001`]);
  });

  it('a failed load is not cached: the next expansion (Retry) asks again', async () => {
    await h.emu.injectFault({ method: 'GET', path: `/rooms/${PHOENIX}/files`, kind: 'status', status: 500, times: 1 });
    await assert.rejects(h.store.files(PHOENIX), (e: Error & { kind?: string }) => e.kind === 'server');
    const files = await h.store.files(PHOENIX);
    assert.ok(files.length > 0);
  });

  it('invalidate() forgets one part only and announces it', async () => {
    await Promise.all([h.store.tasks(PHOENIX), h.store.members(PHOENIX)]);
    const events: string[] = [];
    h.store.onDidChangeRoomPart(({ roomId, part }) => events.push(`${roomId}:${part}`));
    h.store.invalidate(PHOENIX, 'tasks');
    h.emu.resetRequests();
    await Promise.all([h.store.tasks(PHOENIX), h.store.members(PHOENIX)]);
    assert.deepStrictEqual(events, [`${PHOENIX}:tasks`]);
    assert.deepStrictEqual(h.requests(), [`GET /rooms/${PHOENIX}/tasks?status=open`]);
  });

  it('applyMessage updates a cached log without a request (edits and deletions made here)', async () => {
    const messages = await h.store.messages(PHOENIX);
    const last = messages[messages.length - 1];
    assert.ok(last);
    const seen: string[] = [];
    h.store.onDidChangeMessages(({ updated }) => seen.push(...updated.map((m) => m.body)));
    h.emu.resetRequests();
    h.store.applyMessage(PHOENIX, { ...last, body: '[deleted]', update_time: last.send_time + 1 });
    assert.deepStrictEqual(seen, ['[deleted]']);
    assert.strictEqual((await h.store.messages(PHOENIX)).at(-1)?.body, '[deleted]');
    assert.deepStrictEqual(h.requests(), []);
  });
});
