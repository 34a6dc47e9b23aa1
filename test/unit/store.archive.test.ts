// The store with the archive, over real HTTP against the emulator: every message received is
// archived per account, a new store (a reload) opens rooms from the archive before Chatwork
// answers — or when it does not — and merges what Chatwork returns, announcing only what is new.
import * as assert from 'assert';
import * as fs from 'fs';
import { ChatworkClient } from '../../src/api';
import { MessageHistory } from '../../src/archive/messageHistory';
import type { MessagesChanged } from '../../src/store/roomStore';
import { RoomStore } from '../../src/store/roomStore';
import { SEED_ROOMS } from '../emulator';
import { tempDir } from './helpers/archiveFixtures';
import { harness, type Harness } from './helpers/storeHarness';

const ROOM = SEED_ROOMS.phoenix;

function historyFor(dir: string, store: RoomStore): MessageHistory {
  const history = new MessageHistory({
    root: dir,
    account: async () => (await store.me()).account_id,
    enabled: () => true,
    roomName: (id) => store.room(id)?.name,
  });
  store.setArchive(history);
  return history;
}

describe('store: with the archive', () => {
  let h: Harness;
  let dir: string;
  beforeEach(async () => {
    h = await harness();
    dir = tempDir();
  });
  afterEach(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a new store reading the same folder opens the room from the archive when Chatwork is unreachable', async () => {
    const first = historyFor(dir, h.store);
    const live = await h.store.messages(ROOM);
    await first.close();

    const offline = new RoomStore(new ChatworkClient({ baseUrl: 'http://127.0.0.1:9/v2', token: () => h.emu.token, timeoutMs: () => 2000 }), {
      get: () => ({ account_id: 1001, room_id: 1, name: 'me', chatwork_id: '', avatar_image_url: '', organization_id: 0, organization_name: '', department: '' }),
      set: () => undefined,
    });
    historyFor(dir, offline);
    const archived = await offline.messages(ROOM);
    assert.deepStrictEqual(archived.map((m) => m.message_id), live.map((m) => m.message_id));
    assert.strictEqual(offline.hasMessages(ROOM), false, 'Chatwork has not answered');
  });

  it('after a reload, what Chatwork returns is merged and only the new message is announced', async () => {
    const first = historyFor(dir, h.store);
    await h.store.messages(ROOM);
    await first.close();
    const posted = await h.client.postMessage(ROOM, 'written while VS Code was closed');

    const store = new RoomStore(h.client);
    const history = historyFor(dir, store);
    const events: MessagesChanged[] = [];
    store.onDidChangeMessages((e) => events.push(e));
    const fromArchive = await store.messages(ROOM);
    assert.ok(!fromArchive.some((m) => m.message_id === posted.message_id), 'the archive did not have it yet');
    // The first poll of the room waits for the latest page; it announced the new message once.
    const result = await store.pollMessages(ROOM, 0);
    assert.deepStrictEqual(result.added.map((m) => m.message_id), [posted.message_id]);
    assert.deepStrictEqual(events.flatMap((e) => e.added.map((m) => m.message_id)), [posted.message_id]);
    assert.ok((await store.messages(ROOM)).some((m) => m.message_id === posted.message_id));
    await history.archive?.flush();
    assert.ok((await history.message(ROOM, posted.message_id))?.body.includes('while VS Code was closed'));
    store.dispose();
  });

  it('diffs and edits made here are archived; search finds them', async () => {
    const history = historyFor(dir, h.store);
    await h.store.messages(ROOM);
    const posted = await h.client.postMessage(ROOM, 'ＰＯＳＴＥＤ ｶﾀｶﾅ text');
    await h.store.pollMessages(ROOM);
    const me = (await h.store.me()).account_id;
    const found = await history.search('posted かたかな from:me', 10, me);
    assert.deepStrictEqual(found.hits.map((hit) => hit.message.message_id), [posted.message_id]);
    const edited = { ...(await h.client.getMessage(ROOM, posted.message_id)), body: 'edited words', update_time: 1 };
    h.store.applyMessage(ROOM, edited);
    assert.deepStrictEqual((await history.search('posted', 10, me)).hits, []);
    assert.strictEqual((await history.search('edited words', 10, me)).hits.length, 1);
  });
});
