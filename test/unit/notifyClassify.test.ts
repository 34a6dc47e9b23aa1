import * as assert from 'assert';
import type { Message } from '../../src/api/types';
import { notifyReason, NotifyContext, summarize } from '../../src/notifications/classify';

const ME = 1001;

function message(body: string, from = 1002, id = '1', sendTime = 100): Message {
  return { message_id: id, account: { account_id: from, name: `User ${from}`, avatar_image_url: '' }, body, send_time: sendTime, update_time: 0 };
}

const group: NotifyContext = { myAccountId: ME, roomType: 'group', mode: 'mentionsAndDirect', keywords: [], muted: false, roomInView: false };

describe('notification rules', () => {
  it('announces a [To:me], a reply to me and [toall] in a group', () => {
    assert.strictEqual(notifyReason(message(`[To:${ME}]Taro さん review please`), group), 'mention');
    assert.strictEqual(notifyReason(message(`[rp aid=${ME} to=10010-123]Taro さん ok`), group), 'mention');
    assert.strictEqual(notifyReason(message('[toall] release at 5pm'), group), 'toall');
  });

  it('stays quiet for ordinary group messages, mentions of others and quoted mentions', () => {
    assert.strictEqual(notifyReason(message('lunch?'), group), undefined);
    assert.strictEqual(notifyReason(message('[To:1003]Bob'), group), undefined);
    assert.strictEqual(notifyReason(message(`[qt][qtmeta aid=1003][To:${ME}] old[/qt] see above`), group), undefined);
  });

  it('announces every message of a direct chat, never my own', () => {
    assert.strictEqual(notifyReason(message('hi'), { ...group, roomType: 'direct' }), 'direct');
    assert.strictEqual(notifyReason(message(`[To:${ME}] note to self`, ME), group), undefined);
  });

  it('honours mode, mute, the room being read, and keywords', () => {
    assert.strictEqual(notifyReason(message('lunch?'), { ...group, mode: 'all' }), 'message');
    assert.strictEqual(notifyReason(message('[toall] x'), { ...group, mode: 'off' }), undefined);
    assert.strictEqual(notifyReason(message('[toall] x'), { ...group, muted: true }), undefined);
    assert.strictEqual(notifyReason(message('[toall] x'), { ...group, roomInView: true }), undefined);
    assert.strictEqual(notifyReason(message('ask the Phoenix team'), { ...group, keywords: ['phoenix'] }), 'keyword');
    assert.strictEqual(notifyReason(message('[deleted]', 1002), { ...group, mode: 'all' }), undefined);
  });

  it('turns several messages of one poll into one toast led by the most important', () => {
    const summary = summarize([
      { roomId: 1, message: message('hi', 1002, '1', 10), reason: 'direct' },
      { roomId: 2, message: message('[toall]', 1003, '2', 11), reason: 'toall' },
      { roomId: 3, message: message(`[To:${ME}]`, 1004, '3', 9), reason: 'mention' },
    ]);
    assert.strictEqual(summary?.lead.roomId, 3);
    assert.strictEqual(summary?.others, 2);
    assert.strictEqual(summarize([]), undefined);
  });
});
