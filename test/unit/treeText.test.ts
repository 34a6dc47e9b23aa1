// The vscode-free helpers behind the tree: labels, times, sizes, badge, filters, one-line inputs.
import * as assert from 'assert';
import type { Message, MyStatus, RoomSummary } from '../../src/api/types';
import { fromSingleLine, toSingleLine } from '../../src/common/singleLine';
import { badgeFor } from '../../src/tree/badge';
import { describeTaskView, taskFilterOf, TreeFilters } from '../../src/tree/filters';
import { formatBytes, formatDue, messageLabel, messageLink, relativeTime } from '../../src/tree/format';

const NOW = Date.UTC(2025, 3, 10, 12, 0, 0);
const at = (secondsAgo: number): number => Math.floor(NOW / 1000) - secondsAgo;

function room(id: number, unread: number, mention: number): RoomSummary {
  return {
    room_id: id, name: `r${id}`, type: 'group', role: 'member', sticky: false, unread_num: unread, mention_num: mention,
    mytask_num: 0, message_num: 0, file_num: 0, task_num: 0, icon_path: '', last_update_time: 0,
  };
}

describe('tree texts', () => {
  it('relative times', () => {
    assert.strictEqual(relativeTime(at(5), NOW), 'just now');
    assert.strictEqual(relativeTime(at(5 * 60), NOW), '5 min ago');
    assert.strictEqual(relativeTime(at(3 * 3600), NOW), '3 h ago');
    assert.strictEqual(relativeTime(at(30 * 3600), NOW), 'yesterday');
    assert.strictEqual(relativeTime(at(4 * 86400), NOW), '4 d ago');
    assert.match(relativeTime(at(40 * 86400), NOW), /^\d{4}-\d{2}-\d{2}$/);
    assert.strictEqual(relativeTime(at(-100), NOW), 'just now'); // clock skew
  });

  it('sizes', () => {
    assert.strictEqual(formatBytes(0), '0 B');
    assert.strictEqual(formatBytes(1023), '1023 B');
    assert.strictEqual(formatBytes(1536), '1.5 KB');
    assert.strictEqual(formatBytes(12 * 1024 * 1024), '12 MB');
    assert.strictEqual(formatBytes(100 * 1024 * 1024), '100 MB');
  });

  it('deadlines', () => {
    assert.strictEqual(formatDue(0, 'none'), undefined);
    assert.strictEqual(formatDue(1_700_000_000, 'none'), undefined);
    assert.match(formatDue(1_700_000_000, 'date') ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.match(formatDue(1_700_000_000, 'time') ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('message labels are the sender and one line of readable text', () => {
    const message: Message = {
      message_id: '1620000000001000003', account: { account_id: 2, name: 'Alice', avatar_image_url: '' },
      body: '[info][title]Release[/title]v2.3\nis out (cracker)[/info]', send_time: 0, update_time: 0,
    };
    assert.strictEqual(messageLabel(message), 'Alice: Release: v2.3 is out 🎉');
    assert.strictEqual(messageLabel({ ...message, body: '[deleted]' }), 'Alice: (deleted)');
    assert.ok(messageLabel({ ...message, body: 'x'.repeat(500) }).length <= 'Alice: '.length + 80);
  });

  it('message links use the web app format and keep the 19-digit id exact', () => {
    assert.strictEqual(messageLink(10010, '1620000000001000003'), 'https://www.chatwork.com/#!rid10010-1620000000001000003');
  });

  it('badge counts unread, mentions or nothing; status first, rooms as fallback', () => {
    const status: MyStatus = { unread_room_num: 2, mention_room_num: 1, mytask_room_num: 0, unread_num: 7, mention_num: 2, mytask_num: 0 };
    const rooms = [room(1, 3, 1), room(2, 1, 0)];
    assert.deepStrictEqual(badgeFor('unread', status, rooms), { value: 7, tooltip: '7 unread messages' });
    assert.deepStrictEqual(badgeFor('mentions', status, rooms), { value: 2, tooltip: '2 mentions' });
    assert.strictEqual(badgeFor('none', status, rooms), undefined);
    assert.deepStrictEqual(badgeFor('unread', undefined, rooms), { value: 4, tooltip: '4 unread messages' });
    assert.deepStrictEqual(badgeFor('mentions', undefined, rooms), { value: 1, tooltip: '1 mention' });
    assert.strictEqual(badgeFor('unread', undefined, [room(1, 0, 0)]), undefined);
    assert.strictEqual(badgeFor('unread', undefined, undefined), undefined);
  });

  it('task views map to Chatwork filters and read as text', () => {
    const me = { accountId: 1001, name: 'Taro' };
    assert.deepStrictEqual(taskFilterOf({ status: 'open' }), { status: 'open' });
    assert.deepStrictEqual(taskFilterOf({ status: 'done', assignee: me, assigner: { accountId: 2, name: 'A' } }), {
      status: 'done', account_id: 1001, assigned_by_account_id: 2,
    });
    assert.strictEqual(describeTaskView({ status: 'open', assignee: me }), 'open · to Taro');
    const filters = new TreeFilters();
    filters.setTaskView(1, { status: 'done' });
    filters.setFileUploader(1, me);
    assert.strictEqual(filters.taskView(1).status, 'done');
    assert.strictEqual(filters.taskView(2).status, 'open');
    filters.clear();
    assert.strictEqual(filters.taskView(1).status, 'open');
    assert.strictEqual(filters.fileUploader(1), undefined);
  });

  it('line breaks survive the one-line input box', () => {
    const text = 'first\nsecond\r\nthird\n\n';
    assert.strictEqual(toSingleLine(text), 'first⏎second⏎third⏎⏎');
    assert.strictEqual(fromSingleLine(toSingleLine(text)), 'first\nsecond\nthird\n\n');
  });
});
