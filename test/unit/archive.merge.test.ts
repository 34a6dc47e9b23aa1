// The archive's merge rules: what a latest page (force=1), a diff, an edit and a deletion do to a
// room's archived history, where gaps are detected, and that the files say the same after a reload.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { MessageArchive } from '../../src/archive/messageArchive';
import { RoomHistory } from '../../src/archive/roomHistory';
import { BASE_TIME, msg, range, tempDir } from './helpers/archiveFixtures';

const ids = (h: { messages: readonly { message_id: string }[] }) => h.messages.map((m) => m.message_id);

describe('archive: merge rules', () => {
  it('a first latest page of fewer than 100 messages is the whole room: the archive is complete', () => {
    const h = new RoomHistory(1);
    h.merge('force', range(1, 30));
    assert.strictEqual(h.size, 30);
    assert.deepStrictEqual(h.shape, { complete: true, gaps: [] });
  });

  it('a full latest page (100) does not claim the beginning: older messages exist on Chatwork', () => {
    const h = new RoomHistory(1);
    h.merge('force', range(31, 130));
    assert.deepStrictEqual(h.shape, { complete: false, gaps: [] });
  });

  it('a later latest page that overlaps keeps everything older and adds the new ones, with no gap', () => {
    const h = new RoomHistory(1);
    h.merge('force', range(31, 130));
    h.merge('force', range(81, 180));
    assert.deepStrictEqual(ids(h), range(31, 180).map((m) => m.message_id));
    assert.deepStrictEqual(h.shape.gaps, []);
  });

  it('more than a page missed while closed: a full page after the newest archived one is a gap', () => {
    const h = new RoomHistory(1);
    h.merge('force', range(31, 130));
    h.merge('force', range(301, 400));
    assert.deepStrictEqual(h.shape.gaps, [{ afterId: '130', beforeId: '301' }]);
    assert.strictEqual(h.size, 200);
  });

  it('a diff appends; a full diff page after the newest is a gap, a short one is not', () => {
    const h = new RoomHistory(1);
    h.merge('force', range(1, 10));
    h.merge('diff', range(11, 15));
    assert.deepStrictEqual(h.shape.gaps, []);
    h.merge('diff', range(200, 299));
    assert.deepStrictEqual(h.shape.gaps, [{ afterId: '15', beforeId: '200' }]);
  });

  it('an edit replaces the archived copy; an unchanged message writes nothing', () => {
    const h = new RoomHistory(1);
    h.merge('force', range(1, 5));
    assert.deepStrictEqual(h.merge('force', range(1, 5)), []);
    const edited = { ...msg(3, 'edited text'), update_time: 1 };
    const records = h.merge('edit', [edited]);
    assert.strictEqual(records.length, 1);
    assert.strictEqual(h.get('3')?.body, 'edited text');
    assert.strictEqual(h.size, 5);
  });

  it('a deletion replaces the text and asks for the file to be rewritten', () => {
    const h = new RoomHistory(1);
    h.merge('force', range(1, 5));
    h.merge('force', [msg(1), msg(2), { ...msg(3, '[deleted]'), update_time: 9 }, msg(4), msg(5)]);
    assert.strictEqual(h.get('3')?.body, '[deleted]');
    assert.ok(h.mustCompact);
  });

  it('an older copy recorded after a newer one is not written: an earlier update time, or a deleted message coming back', () => {
    const h = new RoomHistory(1);
    h.merge('force', range(1, 5));
    h.merge('edit', [{ ...msg(3, 'edited text'), update_time: BASE_TIME + 1000 }]);
    assert.deepStrictEqual(h.merge('diff', [msg(3)]), [], 'a poll answer from before the edit');
    assert.strictEqual(h.get('3')?.body, 'edited text');
    h.merge('edit', [{ ...msg(4, '[deleted]'), update_time: BASE_TIME + 2000 }]);
    assert.deepStrictEqual(h.merge('force', [{ ...msg(4, 'the text again'), update_time: BASE_TIME + 2000 }]), []);
    assert.strictEqual(h.get('4')?.body, '[deleted]', 'a deleted message never becomes readable again');
  });

  it('a message older than the newest is placed in order', () => {
    const h = new RoomHistory(1);
    h.merge('diff', [msg(10), msg(20)]);
    h.merge('diff', [msg(15)]);
    assert.deepStrictEqual(ids(h), ['10', '15', '20']);
  });
});

describe('archive: files', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('what was recorded reads back in a new archive (a reload): messages, gaps and beginning', async () => {
    const a = new MessageArchive(dir, 42);
    a.record(7, 'force', range(1, 100));
    a.record(7, 'force', range(301, 400));
    a.record(7, 'diff', range(401, 403));
    await a.flush();
    const b = new MessageArchive(dir, 42);
    const room = await b.room(7);
    assert.strictEqual(room.size, 203);
    assert.deepStrictEqual(room.shape.gaps, [{ afterId: '100', beforeId: '301' }]);
    assert.ok(fs.existsSync(path.join(dir, '42', 'rooms', '7.jsonl')));
  });

  it('a deleted message is not readable in the file after the next write', async () => {
    const a = new MessageArchive(dir, 42);
    a.record(7, 'force', [msg(1, 'top secret plan')]);
    await a.flush();
    a.record(7, 'force', [{ ...msg(1, '[deleted]'), update_time: 5 }]);
    await a.flush();
    const text = fs.readFileSync(path.join(dir, '42', 'rooms', '7.jsonl'), 'utf8');
    assert.ok(!text.includes('top secret plan'), text);
    assert.strictEqual((await new MessageArchive(dir, 42).room(7)).get('1')?.body, '[deleted]');
  });

  it('two accounts never mix: each has its own folder', async () => {
    const a = new MessageArchive(dir, 1);
    const b = new MessageArchive(dir, 2);
    a.record(7, 'force', [msg(1, 'for account one')]);
    await a.flush();
    await b.flush();
    assert.strictEqual((await b.room(7)).size, 0);
    assert.strictEqual((await new MessageArchive(dir, 1).room(7)).size, 1);
  });

  it('clearRoom and clearAll remove memory and files', async () => {
    const a = new MessageArchive(dir, 1);
    a.record(7, 'force', range(1, 3));
    a.record(8, 'force', range(1, 3));
    await a.flush();
    await a.clearRoom(7);
    assert.ok(!fs.existsSync(path.join(dir, '1', 'rooms', '7.jsonl')));
    assert.strictEqual((await a.room(7)).size, 0);
    assert.strictEqual((await a.room(8)).size, 3);
    await a.clearAll();
    assert.ok(!fs.existsSync(path.join(dir, '1')));
    assert.strictEqual((await new MessageArchive(dir, 1).allRooms()).length, 0);
  });

  it('retention: messages older than the limit in days are dropped when a room is read', async () => {
    const now = (1_700_000_000 + 100 * 60) * 1000;
    const a = new MessageArchive(dir, 1);
    a.record(7, 'force', range(1, 100));
    await a.flush();
    const oneHourAgo = new MessageArchive(dir, 1, { retentionDays: () => 1 / 24, now: () => now });
    const room = await oneHourAgo.room(7);
    assert.ok(room.messages.every((m) => m.send_time >= now / 1000 - 3600));
    assert.strictEqual(room.size, 61);
  });

  it('retention: a size limit keeps the newest messages', async () => {
    const a = new MessageArchive(dir, 1, { maxSizeMB: () => 0.01 });
    a.record(7, 'force', range(1, 99));
    a.record(8, 'force', range(1, 99));
    await a.flush();
    const b = new MessageArchive(dir, 1, { maxSizeMB: () => 0.01 });
    const rooms = await b.allRooms();
    const total = rooms.reduce((n, r) => n + r.size, 0);
    assert.ok(total > 0 && total < 198, `kept ${total}`);
    for (const r of rooms) assert.strictEqual(r.messages[r.size - 1]?.message_id, '99');
  });
});
