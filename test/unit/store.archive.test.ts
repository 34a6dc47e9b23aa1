// The store with the archive, over real HTTP against the emulator: every message received is
// archived per account, a new store (a reload) opens rooms from the archive before Chatwork
// answers — or when it does not — and merges what Chatwork returns, announcing only what is new.
import * as assert from 'assert';
import * as fs from 'fs';
import { ChatworkClient } from '../../src/api';
import { MessageHistory } from '../../src/archive/messageHistory';
import type { Message } from '../../src/api/types';
import type { ArchiveHook, ArchiveMergeKind, ArchiveShape } from '../../src/store/archiveHook';
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

/** An archive in memory whose reads answer when the test says (the order of answers matters here). */
class ControlledArchive implements ArchiveHook {
  readonly reads: number[] = [];
  readonly recorded: string[] = [];
  private _answer: ((messages: readonly Message[] | undefined) => void) | undefined;
  private _fail: ((error: Error) => void) | undefined;

  archived(roomId: number): Promise<readonly Message[] | undefined> {
    this.reads.push(roomId);
    return new Promise((resolve, reject) => {
      this._answer = resolve;
      this._fail = reject;
    });
  }
  answer(messages: readonly Message[] | undefined): void {
    this._answer?.(messages);
  }
  fail(): void {
    this._fail?.(new Error('archive unreadable'));
  }
  shape(roomId: number): ArchiveShape | undefined {
    return roomId === ROOM ? { complete: true, gaps: [] } : undefined;
  }
  record(roomId: number, kind: ArchiveMergeKind, messages: readonly Message[]): void {
    this.recorded.push(`${roomId}:${kind}:${messages.length}`);
  }
}

describe('store: the order in which archive and Chatwork answer', () => {
  let h: Harness;
  let archive: ControlledArchive;
  const archivedOnly: Message = { message_id: '1', account: { account_id: 1001, name: 'Taro', avatar_image_url: '' }, body: 'only in the archive', send_time: 1, update_time: 0 };
  /** Resolves once the store is waiting for the archive. */
  const archiveAsked = async (): Promise<void> => {
    while (archive.reads.length === 0) await new Promise((resolve) => setImmediate(resolve));
  };

  beforeEach(async () => {
    h = await harness();
    archive = new ControlledArchive();
    h.store.setArchive(archive);
  });
  afterEach(() => h.close());

  it('the archive answers first: its history at once, without another read; the latest page merged in the background', async () => {
    // Chatwork answers slowly here, so the archived view is what the second read gets too.
    await h.emu.injectFault({ method: 'GET', path: `/rooms/${ROOM}/messages`, kind: 'latency', delayMs: 300, times: 1 });
    const first = h.store.messages(ROOM);
    await archiveAsked();
    archive.answer([archivedOnly]);
    assert.deepStrictEqual((await first).map((m) => m.body), ['only in the archive']);
    assert.deepStrictEqual((await h.store.messages(ROOM)).map((m) => m.body), ['only in the archive'], 'Chatwork has not answered yet');
    assert.deepStrictEqual(archive.reads, [ROOM]);
    // The latest page arrives without another call.
    while (!h.store.hasMessages(ROOM)) await new Promise((resolve) => setImmediate(resolve));
    const merged = await h.store.messages(ROOM);
    assert.strictEqual(merged[0]?.body, 'only in the archive');
    assert.ok(merged.length > 1);
    assert.deepStrictEqual(archive.reads, [ROOM]);
  });

  it('Chatwork answers first: what it returned is shown, not the older archive', async () => {
    const reading = h.store.messages(ROOM);
    await archiveAsked();
    const latest = await h.store.reloadMessages(ROOM).then(() => h.store.messages(ROOM));
    archive.answer([archivedOnly]);
    assert.deepStrictEqual(await reading, latest);
    assert.ok(!latest.some((m) => m.body === 'only in the archive'));
  });

  it('an unreadable or empty archive falls back to Chatwork', async () => {
    const reading = h.store.messages(ROOM);
    await archiveAsked();
    archive.fail();
    const messages = await reading;
    assert.ok(messages.length > 1 && !messages.some((m) => m.body === 'only in the archive'));
    assert.strictEqual(h.store.hasMessages(ROOM), true);
    assert.deepStrictEqual(archive.recorded, [`${ROOM}:force:${messages.length}`]);
    assert.strictEqual(await h.store.messages(ROOM), messages, 'loaded: the archive is not read again');
    assert.deepStrictEqual(archive.reads, [ROOM]);

    const other = h.store.messages(SEED_ROOMS.design);
    while (archive.reads.length < 2) await new Promise((resolve) => setImmediate(resolve));
    archive.answer(undefined);
    assert.ok((await other).length > 0);
    assert.strictEqual(h.store.hasMessages(SEED_ROOMS.design), true);
  });

  it("another account signed in while the archive was read: the old account's history is not shown", async () => {
    const reading = h.store.messages(ROOM);
    await archiveAsked();
    h.store.clear();
    archive.answer([archivedOnly]);
    const messages = await reading;
    assert.ok(messages.length > 1 && !messages.some((m) => m.body === 'only in the archive'));
  });

  it('what Chatwork returns is recorded by kind; an answer for a cleared store is not', async () => {
    h.store.setArchive(undefined);
    assert.strictEqual(h.store.archiveShape(ROOM), undefined, 'no archive: no shape');
    await h.store.messages(ROOM);
    h.store.setArchive(archive);
    assert.deepStrictEqual(h.store.archiveShape(ROOM), { complete: true, gaps: [] });
    h.emu.postAs('alice', ROOM, 'new');
    await h.store.pollMessages(ROOM);
    const [last] = (await h.store.messages(ROOM)).slice(-1);
    assert.ok(last);
    h.store.applyMessage(ROOM, { ...last, body: 'edited here', update_time: last.send_time + 1 });
    await h.store.reloadMessages(ROOM);
    assert.deepStrictEqual(archive.recorded.slice(0, 2), [`${ROOM}:diff:1`, `${ROOM}:edit:1`]);
    assert.match(archive.recorded[2] ?? '', new RegExp(`^${ROOM}:force:\\d+$`));

    archive.recorded.length = 0;
    await h.emu.injectFault({ method: 'GET', path: `/rooms/${ROOM}/messages`, kind: 'latency', delayMs: 50, times: 1 });
    h.emu.resetRequests();
    const polling = h.store.pollMessages(ROOM);
    while (!h.requests().includes(`GET /rooms/${ROOM}/messages`)) await new Promise((resolve) => setImmediate(resolve));
    h.store.clear();
    await polling.catch(() => undefined);
    assert.deepStrictEqual(archive.recorded, []);
  });
});
