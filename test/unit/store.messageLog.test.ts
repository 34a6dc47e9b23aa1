// The store's message log: the order the tree and the panel show messages in, and which polled
// messages count as new or edited (what gets appended, redrawn or notified).
import * as assert from 'assert';
import type { Message } from '../../src/api';
import { compareMessageIds, MessageLog } from '../../src/store/messageLog';

function msg(id: string, body = `body ${id}`, update_time = 0): Message {
  return { message_id: id, account: { account_id: 1002, name: 'Alice', avatar_image_url: '' }, body, send_time: 1_700_000_000, update_time };
}

const ids = (messages: readonly Message[]): string[] => messages.map((m) => m.message_id);

describe('store: message log', () => {
  it('compares 19-digit ids exactly, shorter ids first', () => {
    assert.strictEqual(compareMessageIds('1620000000000000001', '1620000000000000002'), -1);
    assert.strictEqual(compareMessageIds('1620000000000000002', '1620000000000000001'), 1);
    assert.strictEqual(compareMessageIds('1620000000000000001', '1620000000000000001'), 0);
    // Beyond 2^53 a number would call these equal.
    assert.strictEqual(compareMessageIds('9007199254740993', '9007199254740992'), 1);
    assert.ok(compareMessageIds('99', '100') < 0, 'fewer digits is smaller');
    assert.ok(compareMessageIds('100', '99') > 0);
  });

  it('appends what arrives in order and reports it as added', () => {
    const log = new MessageLog();
    assert.ok(new MessageLog().newest === undefined, 'an empty log has no newest');
    assert.deepStrictEqual(ids(log.merge([msg('101'), msg('102')]).added), ['101', '102']);
    const result = log.merge([msg('103'), msg('104')]);
    assert.deepStrictEqual(ids(result.added), ['103', '104']);
    assert.deepStrictEqual(result.updated, []);
    assert.deepStrictEqual(ids(log.messages), ['101', '102', '103', '104']);
    assert.strictEqual(log.size, 4);
    assert.strictEqual(log.newest?.message_id, '104');
    assert.strictEqual(log.get('102')?.body, 'body 102');
  });

  it('places late or unordered messages by id (99 before 100: by value, not as text)', () => {
    const log = new MessageLog();
    log.merge([msg('100'), msg('300')]);
    assert.deepStrictEqual(ids(log.merge([msg('200')]).added), ['200']);
    assert.deepStrictEqual(ids(log.messages), ['100', '200', '300']);
    log.merge([msg('500'), msg('400')]);
    assert.deepStrictEqual(ids(log.messages), ['100', '200', '300', '400', '500']);
    log.merge([msg('99')]);
    assert.deepStrictEqual(ids(log.messages), ['99', '100', '200', '300', '400', '500']);
  });

  it('a single late message (older than the newest) goes to its place, not to the end', () => {
    const log = new MessageLog();
    log.merge([msg('1000000000000000010'), msg('1000000000000000030')]);
    log.merge([msg('1000000000000000020')]);
    assert.deepStrictEqual(ids(log.messages), ['1000000000000000010', '1000000000000000020', '1000000000000000030']);
  });

  it('an id seen again with another body or update time is an edit, replaced in place; the same message is nothing', () => {
    const log = new MessageLog();
    log.merge([msg('1'), msg('2'), msg('3')]);
    assert.deepStrictEqual(log.merge([msg('2')]), { added: [], updated: [] });
    const edited = log.merge([msg('2', 'edited')]);
    assert.deepStrictEqual(ids(edited.updated), ['2']);
    assert.deepStrictEqual(edited.added, []);
    assert.deepStrictEqual(log.messages.map((m) => m.body), ['body 1', 'edited', 'body 3']);
    const touched = log.merge([msg('3', 'body 3', 1_700_000_100)]);
    assert.deepStrictEqual(ids(touched.updated), ['3']);
    assert.strictEqual(log.get('3')?.update_time, 1_700_000_100);
    assert.strictEqual(log.size, 3);
  });

  it('an older copy that arrives after a newer one changes nothing: an earlier update time, or a deleted message coming back', () => {
    const log = new MessageLog();
    log.merge([msg('1'), msg('2')]);
    log.merge([msg('1', 'edited', 1_700_000_100)]);
    // A poll's answer from before the edit, landing after it.
    assert.deepStrictEqual(log.merge([msg('1', 'body 1', 0)]), { added: [], updated: [] });
    assert.strictEqual(log.get('1')?.body, 'edited');
    // Update times have one-second resolution: a second edit within the same second is still an edit.
    assert.deepStrictEqual(ids(log.merge([msg('1', 'edited twice', 1_700_000_100)]).updated), ['1']);
    log.merge([msg('2', '[deleted]', 1_700_000_200)]);
    assert.deepStrictEqual(log.merge([msg('2', 'body 2', 1_700_000_200)]), { added: [], updated: [] }, 'deleted stays deleted');
    assert.strictEqual(log.get('2')?.body, '[deleted]');
  });
});
