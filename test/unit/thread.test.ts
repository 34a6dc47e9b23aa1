// Reply threads: following [rp] and quotes both ways, in order, across the archive.
import * as assert from 'assert';
import type { Message } from '../../src/api/types';
import { assembleThread } from '../../src/archive/thread';
import { msg } from './helpers/archiveFixtures';

const ROOM = 7;
const root = msg(1, 'Shall we ship on Friday?', 1, 'Alice');
const reply = msg(2, `[rp aid=1 to=${ROOM}-1]Alice\nYes, Friday works`, 2, 'Bob');
const replyToReply = msg(3, `[rp aid=2 to=${ROOM}-2]Bob\nThen I will prepare the notes`, 1, 'Alice');
const quote = msg(5, `[qt][qtmeta aid=1 time=${root.send_time}]Shall we ship on Friday?[/qt]Too early for me`, 3, 'Carol');
const unrelated = msg(4, 'Lunch?', 4, 'Dan');
const elsewhere = msg(9, `[rp aid=2 to=${ROOM}-2]Bob\nfrom another room`, 5, 'Eve');
const orphan = msg(6, `[rp aid=9 to=${ROOM}-0]Zed\nreplying to something not archived`, 1, 'Alice');

const rooms = new Map<number, Message[]>([
  [ROOM, [root, reply, replyToReply, unrelated, quote, orphan]],
  [8, [elsewhere]],
]);
const ids = (t: ReturnType<typeof assembleThread>) => t.messages.map((m) => `${m.roomId}-${m.message.message_id}`);

describe('threads', () => {
  it('from the middle: the parent up, the replies down, quotes too, in the order they were said', () => {
    const t = assembleThread(rooms, ROOM, '2');
    assert.deepStrictEqual(ids(t), ['7-1', '7-2', '7-3', '7-5', '8-9']);
    assert.deepStrictEqual(t.messages.filter((m) => m.focus).map((m) => m.message.message_id), ['2']);
    assert.deepStrictEqual(t.missing, []);
  });

  it('from the root: everything that replied or quoted, followed down', () => {
    assert.deepStrictEqual(ids(assembleThread(rooms, ROOM, '1')), ['7-1', '7-2', '7-3', '7-5', '8-9']);
  });

  it('a message nobody replied to is a thread of one', () => {
    assert.deepStrictEqual(ids(assembleThread(rooms, ROOM, '4')), ['7-4']);
  });

  it('a parent that is not archived is reported as missing, not invented', () => {
    const t = assembleThread(rooms, ROOM, '6');
    assert.deepStrictEqual(ids(t), ['7-6']);
    assert.deepStrictEqual(t.missing, [{ roomId: ROOM, messageId: '0' }]);
  });
});
