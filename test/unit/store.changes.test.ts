// What the store tells its views, against the emulator over real HTTP: which rooms a refresh
// reports as changed, active or reordered (the tree repaints and the poller fetches by these), the
// status bar's totals, and what clear() (another account) forgets — answers to requests made
// before it are refused, never shown.
import * as assert from 'assert';
import type { MyStatus } from '../../src/api/types';
import { type Identity } from '../../src/store/identity';
import { type RoomsChanged, RoomStore, StaleAnswerError } from '../../src/store/roomStore';
import { SEED_IDS, SEED_ROOMS } from '../emulator';
import { harness, type Harness } from './helpers/storeHarness';

const PHOENIX = SEED_ROOMS.phoenix;
const DESIGN = SEED_ROOMS.design;

/** The room changes and status totals the store announces, in order. */
function recordEvents(store: RoomStore): { rooms: RoomsChanged[]; statuses: MyStatus[] } {
  const rooms: RoomsChanged[] = [];
  const statuses: MyStatus[] = [];
  store.onDidChangeRooms((e) => rooms.push(e));
  store.onDidChangeStatus((s) => statuses.push(s));
  return { rooms, statuses };
}

/** The result without the `previous` map (compared separately). */
const shape = ({ changed, active, structural }: RoomsChanged) => ({ changed: [...changed].sort(), active: [...active].sort(), structural });

describe('store: change events', () => {
  let h: Harness;
  beforeEach(async () => (h = await harness()));
  afterEach(() => h.close());

  describe('refreshRooms', () => {
    it('the first list reports every room as a structural change, and derives the status totals once', async () => {
      const events = recordEvents(h.store);
      const result = await h.store.refreshRooms();
      const ids = (await h.client.getRooms()).map((r) => r.room_id).sort();
      assert.deepStrictEqual(shape(result), { changed: ids, active: [], structural: true });
      assert.strictEqual(result.previous.size, 0);
      assert.deepStrictEqual(events.rooms, [result]);
      assert.deepStrictEqual(events.statuses, [await h.client.getMyStatus()]);
      assert.deepStrictEqual(h.store.status, events.statuses[0]);
    });

    it('an unchanged list announces nothing', async () => {
      await h.store.refreshRooms();
      const events = recordEvents(h.store);
      const result = await h.store.refreshRooms();
      assert.deepStrictEqual(shape(result), { changed: [], active: [], structural: false });
      assert.deepStrictEqual(events, { rooms: [], statuses: [] });
    });

    it('a new message moves the room (structural) and makes it active; `previous` holds the old summary', async () => {
      await h.store.refreshRooms();
      const before = h.store.room(DESIGN);
      const statusBefore = h.store.status;
      const events = recordEvents(h.store);
      h.tick();
      h.emu.postAs('alice', DESIGN, 'hello');
      const result = await h.store.refreshRooms();
      assert.deepStrictEqual(shape(result), { changed: [DESIGN], active: [DESIGN], structural: true });
      assert.deepStrictEqual(result.previous.get(DESIGN), before);
      assert.strictEqual(h.store.room(DESIGN)?.message_num, (before?.message_num ?? 0) + 1);
      assert.deepStrictEqual(events.rooms, [result]);
      assert.deepStrictEqual(events.statuses, [], 'later totals come from GET /my/status (refreshStatus)');
      assert.strictEqual(h.store.status, statusBefore);
    });

    it('a second message within the same second only moves message_num: active, not reordered', async () => {
      h.tick();
      h.emu.postAs('alice', DESIGN, 'first');
      await h.store.refreshRooms();
      h.emu.postAs('alice', DESIGN, 'second, same second');
      const result = await h.store.refreshRooms();
      assert.deepStrictEqual(shape(result), { changed: [DESIGN], active: [DESIGN], structural: false });
    });

    it('a task or a file gone elsewhere (task_num / file_num only) makes the room active and drops its cached children', async () => {
      await h.store.refreshRooms();
      const tasks = await h.store.tasks(PHOENIX);
      const files = await h.store.files(PHOENIX);
      await h.store.details(PHOENIX);
      assert.ok(tasks.length > 0 && files.length > 0);
      const parts: string[] = [];
      h.store.onDidChangeRoomPart(({ roomId, part }) => parts.push(`${roomId}:${part}`));

      const task = [...h.emu.state.tasks.values()].find((t) => t.room_id === PHOENIX);
      assert.ok(task);
      h.emu.state.tasks.delete(task.task_id);
      const afterTask = await h.store.refreshRooms();
      assert.deepStrictEqual(shape(afterTask), { changed: [PHOENIX], active: [PHOENIX], structural: false });

      const file = [...h.emu.state.files.values()].find((f) => f.room_id === PHOENIX);
      assert.ok(file);
      h.emu.state.files.delete(file.file_id);
      const afterFile = await h.store.refreshRooms();
      assert.deepStrictEqual(shape(afterFile), { changed: [PHOENIX], active: [PHOENIX], structural: false });
      assert.deepStrictEqual(parts, [`${PHOENIX}:details`, `${PHOENIX}:tasks`, `${PHOENIX}:files`], 'each cached part is dropped (and announced) once');

      h.emu.resetRequests();
      await h.store.files(PHOENIX);
      await h.store.details(PHOENIX);
      assert.deepStrictEqual(h.requests(), [`GET /rooms/${PHOENIX}/files`, `GET /rooms/${PHOENIX}`]);
    });

    it('pinning a room elsewhere reorders the list without activity; a read changes counts only', async () => {
      await h.store.refreshRooms();
      await h.store.members(DESIGN);
      h.emu.state.rooms.get(DESIGN)?.sticky.add(SEED_IDS.me);
      const pinned = await h.store.refreshRooms();
      assert.deepStrictEqual(shape(pinned), { changed: [DESIGN], active: [], structural: true });
      assert.strictEqual(h.store.room(DESIGN)?.sticky, true);

      await h.client.markRead(DESIGN);
      const events = recordEvents(h.store);
      const read = await h.store.refreshRooms();
      assert.deepStrictEqual(shape(read), { changed: [DESIGN], active: [], structural: false });
      assert.deepStrictEqual(events.rooms, [read], 'the badge is redrawn');
      h.emu.resetRequests();
      await h.store.members(DESIGN);
      assert.deepStrictEqual(h.requests(), [], 'no activity: the members stay cached');
    });

    it('a room left elsewhere is removed (structural) with its cached children; a new room is added', async () => {
      await h.store.refreshRooms();
      await h.store.messages(DESIGN);
      await h.client.leaveRoom(DESIGN);
      const left = await h.store.refreshRooms();
      assert.deepStrictEqual(shape(left), { changed: [DESIGN], active: [], structural: true });
      assert.strictEqual(h.store.room(DESIGN), undefined);
      assert.ok(!h.store.rooms?.some((r) => r.room_id === DESIGN));
      assert.strictEqual(h.store.hasMessages(DESIGN), false, 'its messages are forgotten');

      const { room_id } = await h.client.createRoom({ name: 'Brand new', members_admin_ids: [SEED_IDS.me] });
      const added = await h.store.refreshRooms();
      assert.deepStrictEqual(shape(added), { changed: [room_id], active: [], structural: true });
      assert.strictEqual(h.store.room(room_id)?.name, 'Brand new');
    });
  });

  it('refreshStatus announces what GET /my/status says', async () => {
    await h.store.refreshRooms();
    await h.client.markRead(DESIGN);
    const events = recordEvents(h.store);
    const status = await h.store.refreshStatus();
    assert.deepStrictEqual(status, await h.client.getMyStatus());
    assert.deepStrictEqual(events.statuses, [status]);
    assert.deepStrictEqual(h.store.status, status);
  });

  describe('clear (another account)', () => {
    it('forgets rooms, status, names and caches, and tells the views to redraw everything', async () => {
      await h.store.refreshRooms();
      await h.store.me();
      await h.store.members(PHOENIX);
      await h.store.messages(PHOENIX);
      assert.ok(h.store.names.get(SEED_IDS.me));
      const events = recordEvents(h.store);
      h.store.clear();
      assert.strictEqual(h.store.rooms, undefined);
      assert.strictEqual(h.store.status, undefined);
      assert.strictEqual(h.store.room(PHOENIX), undefined);
      assert.strictEqual(h.store.hasMessages(PHOENIX), false);
      assert.strictEqual(h.store.names.get(SEED_IDS.me), undefined);
      assert.deepStrictEqual(events.rooms.map(shape), [{ changed: [], active: [], structural: true }]);
      assert.strictEqual(events.rooms[0]?.previous.size, 0);

      h.emu.resetRequests();
      await Promise.all([h.store.me(), h.store.members(PHOENIX), h.store.messages(PHOENIX)]);
      assert.deepStrictEqual(h.requests().sort(), ['GET /me', `GET /rooms/${PHOENIX}/members`, `GET /rooms/${PHOENIX}/messages?force=1`]);
      // The first list after a clear is structural again (the tree redraws from scratch).
      assert.strictEqual((await h.store.refreshRooms()).structural, true);
    });

    it('answers to requests made before it are refused and change nothing', async () => {
      await h.store.refreshRooms();
      const events = recordEvents(h.store);
      const rooms = h.store.refreshRooms();
      const status = h.store.refreshStatus();
      const me = h.store.me();
      h.store.clear();
      await assert.rejects(rooms, (e: Error) => e instanceof StaleAnswerError && /GET \/rooms answered for an account that is no longer active/.test(e.message));
      await assert.rejects(status, (e: Error) => e instanceof StaleAnswerError && e.name === 'StaleAnswerError' && /GET \/my\/status/.test(e.message));
      await assert.rejects(me, (e: Error) => e instanceof StaleAnswerError && /GET \/me/.test(e.message));
      assert.strictEqual(h.store.rooms, undefined);
      assert.strictEqual(h.store.status, undefined);
      assert.strictEqual(h.store.names.get(SEED_IDS.me), undefined, 'the old account is not remembered');
      assert.strictEqual(events.rooms.length, 1, 'only the clear itself');
      assert.deepStrictEqual(events.statuses, []);
      // The refused GET /me is not cached: the next call asks again, for the new account.
      h.emu.resetRequests();
      assert.strictEqual((await h.store.me()).account_id, SEED_IDS.me);
      assert.deepStrictEqual(h.requests(), ['GET /me']);
    });
  });

  describe('me', () => {
    it('without an identity cache, a checked token is not remembered: GET /me asks', async () => {
      const me = await h.client.getMe();
      h.store.rememberIdentity(me);
      h.emu.resetRequests();
      assert.strictEqual((await h.store.me()).account_id, me.account_id);
      assert.deepStrictEqual(h.requests(), ['GET /me']);
    });

    it('GET /me once; a failure is not cached; the name is remembered', async () => {
      await h.emu.injectFault({ method: 'GET', path: '/me', kind: 'status', status: 500, times: 1 });
      h.emu.resetRequests();
      await assert.rejects(h.store.me(), (e: Error & { kind?: string }) => e.kind === 'server');
      const [a, b] = await Promise.all([h.store.me(), h.store.me()]);
      assert.strictEqual(a, b);
      await h.store.me();
      assert.deepStrictEqual(h.requests(), ['GET /me', 'GET /me']);
      assert.strictEqual(a.account_id, SEED_IDS.me);
      assert.strictEqual(h.store.names.get(SEED_IDS.me), a.name);
    });

    it('with an identity cache: a cached identity costs no request; a fetched one is stored without e-mail or phones', async () => {
      let stored: Identity | undefined;
      const cache = { get: () => stored, set: (identity: Identity) => void (stored = identity) };
      const store = new RoomStore(h.client, cache);
      h.emu.resetRequests();
      const fetched = await store.me();
      const full = await h.client.getMe();
      assert.deepStrictEqual(stored, {
        account_id: full.account_id,
        room_id: full.room_id,
        name: full.name,
        chatwork_id: full.chatwork_id,
        avatar_image_url: full.avatar_image_url,
        organization_id: full.organization_id,
        organization_name: full.organization_name,
        department: full.department,
      });
      assert.deepStrictEqual(fetched, stored);

      stored = { ...fetched, account_id: 4242, name: 'From the cache' };
      h.emu.resetRequests();
      const again = new RoomStore(h.client, cache);
      assert.strictEqual((await again.me()).name, 'From the cache');
      assert.strictEqual(again.names.get(4242), 'From the cache');
      assert.deepStrictEqual(h.requests(), []);

      // Set API Token checked the token with GET /me: the cache keeps the identity part only.
      again.rememberIdentity({ ...full, account_id: 77 } as Identity);
      assert.deepStrictEqual(Object.keys(stored ?? {}).sort(), ['account_id', 'avatar_image_url', 'chatwork_id', 'department', 'name', 'organization_id', 'organization_name', 'room_id']);
      assert.strictEqual(stored?.account_id, 77);
      store.dispose();
      again.dispose();
    });
  });

  describe('messages', () => {
    it('the first poll of a room announces only what is newer than the given time (same second included)', async () => {
      const latest = await h.client.getMessages(PHOENIX, { force: true });
      const cut = latest.at(-3)?.send_time ?? 0;
      const events: string[][] = [];
      h.store.onDidChangeMessages((e) => events.push(e.added.map((m) => m.message_id)));
      const result = await h.store.pollMessages(PHOENIX, cut);
      const expected = latest.filter((m) => m.send_time >= cut).map((m) => m.message_id);
      assert.ok(expected.length >= 3 && expected.length < latest.length, 'some, not all');
      assert.deepStrictEqual(result.added.map((m) => m.message_id), expected);
      assert.deepStrictEqual(result.updated, []);
      assert.deepStrictEqual(events, [expected]);
    });

    it('the first poll without a time announces nothing (the whole history is not news)', async () => {
      const events: unknown[] = [];
      h.store.onDidChangeMessages((e) => events.push(e));
      const result = await h.store.pollMessages(PHOENIX);
      assert.deepStrictEqual(result, { added: [], updated: [] });
      assert.deepStrictEqual(events, []);
      assert.strictEqual(h.store.hasMessages(PHOENIX), true);
    });

    it('a diff announces the new messages with their room, and remembers their senders', async () => {
      await h.store.messages(DESIGN);
      const events: { roomId: number; added: string[] }[] = [];
      h.store.onDidChangeMessages((e) => events.push({ roomId: e.roomId, added: e.added.map((m) => m.body) }));
      h.store.names.clear();
      h.emu.postAs('chen', DESIGN, 'from Chen');
      await h.store.pollMessages(DESIGN);
      assert.deepStrictEqual(events, [{ roomId: DESIGN, added: ['from Chen'] }]);
      assert.ok(h.store.names.get(SEED_IDS.chen));
      // An empty diff announces nothing.
      await h.store.pollMessages(DESIGN);
      assert.strictEqual(events.length, 1);
    });

    it('an edit elsewhere comes with the reload of the latest page, announced as updated', async () => {
      const messages = await h.store.messages(PHOENIX);
      const mine = [...messages].reverse().find((m) => m.account.account_id === SEED_IDS.me && m.body !== '[deleted]');
      assert.ok(mine);
      await h.client.updateMessage(PHOENIX, mine.message_id, 'edited elsewhere');
      const updated: string[] = [];
      h.store.onDidChangeMessages((e) => updated.push(...e.updated.map((m) => m.body)));
      const result = await h.store.reloadMessages(PHOENIX);
      assert.deepStrictEqual(result.updated.map((m) => m.body), ['edited elsewhere']);
      assert.deepStrictEqual(updated, ['edited elsewhere']);
    });

    it('rooms never read: no messages, nothing to invalidate or update', () => {
      const parts: string[] = [];
      h.store.onDidChangeRoomPart(({ roomId, part }) => parts.push(`${roomId}:${part}`));
      assert.strictEqual(h.store.hasMessages(424242), false);
      h.store.invalidate(424242, 'members');
      h.store.applyMessage(424242, { message_id: '1', account: { account_id: 1, name: 'x', avatar_image_url: '' }, body: 'x', send_time: 1, update_time: 2 });
      assert.deepStrictEqual(parts, ['424242:members']);
      assert.strictEqual(h.store.hasMessages(424242), false);
    });

    it('members remember their names for plain text', async () => {
      h.store.names.clear();
      const members = await h.store.members(PHOENIX);
      assert.ok(members.length > 1);
      for (const m of members) assert.strictEqual(h.store.names.get(m.account_id), m.name);
    });

    it('cachedMessages lists exactly the rooms whose messages are loaded', async () => {
      await h.store.members(DESIGN); // a cache entry without messages
      const phoenix = await h.store.messages(PHOENIX);
      assert.deepStrictEqual([...h.store.cachedMessages()], [[PHOENIX, phoenix]]);
    });

    it("invalidating 'messages' keeps the log (polling owns it) but tells the views", async () => {
      await h.store.messages(PHOENIX);
      const parts: string[] = [];
      h.store.onDidChangeRoomPart(({ roomId, part }) => parts.push(`${roomId}:${part}`));
      h.emu.resetRequests();
      h.store.invalidate(PHOENIX, 'messages');
      assert.strictEqual(h.store.hasMessages(PHOENIX), true);
      await h.store.messages(PHOENIX);
      assert.deepStrictEqual(parts, [`${PHOENIX}:messages`]);
      assert.deepStrictEqual(h.requests(), []);
    });

    it('a failed first load is not cached: the next read asks again', async () => {
      await h.emu.injectFault({ method: 'GET', path: `/rooms/${PHOENIX}/messages`, kind: 'status', status: 500, times: 1 });
      await assert.rejects(h.store.messages(PHOENIX));
      assert.ok((await h.store.messages(PHOENIX)).length > 0);
    });
  });

  it('a part invalidated while its load was failing keeps the newer load', async () => {
    await h.emu.injectFault({ method: 'GET', path: `/rooms/${PHOENIX}/members`, kind: 'status', status: 500, times: 1 });
    const failing = h.store.members(PHOENIX);
    h.store.invalidate(PHOENIX, 'members');
    const fresh = h.store.members(PHOENIX);
    await assert.rejects(failing);
    assert.ok((await fresh).length > 0);
    h.emu.resetRequests();
    assert.strictEqual(await h.store.members(PHOENIX), await fresh);
    assert.deepStrictEqual(h.requests(), []);
  });

  it('dispose() stops every event', async () => {
    const events = recordEvents(h.store);
    const other: unknown[] = [];
    h.store.onDidChangeRoomPart((e) => other.push(e));
    h.store.onDidChangeMessages((e) => other.push(e));
    await h.store.messages(DESIGN);
    h.store.dispose();
    await h.store.refreshRooms();
    h.store.invalidate(DESIGN, 'tasks');
    h.emu.postAs('alice', DESIGN, 'after dispose');
    await h.store.pollMessages(DESIGN);
    assert.deepStrictEqual(events, { rooms: [], statuses: [] });
    assert.deepStrictEqual(other, []);
  });
});
