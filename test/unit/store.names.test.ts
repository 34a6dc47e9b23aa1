// The names plain text resolves account ids with (toasts, tree previews, system messages): what the
// store has seen, per token. A blank name never replaces a real one.
import * as assert from 'assert';
import { AccountNames } from '../../src/store/accountNames';
import { statusFromRooms } from '../../src/store/status';
import type { RoomSummary } from '../../src/api/types';

describe('store: account names', () => {
  it('remembers names by account id; the latest non-blank one wins', () => {
    const names = new AccountNames();
    names.remember(1, 'Taro');
    names.rememberAll([
      { account_id: 2, name: 'Chen' },
      { account_id: 1, name: 'Taro Yamada' },
    ]);
    names.remember(2, '   ');
    names.remember(3, '');
    assert.strictEqual(names.get(1), 'Taro Yamada');
    assert.strictEqual(names.get(2), 'Chen');
    assert.strictEqual(names.get(3), undefined);
  });

  it('clear() forgets them all (another account)', () => {
    const names = new AccountNames();
    names.rememberAll([{ account_id: 1, name: 'Taro' }]);
    names.clear();
    assert.strictEqual(names.get(1), undefined);
  });
});

describe('store: totals from the rooms list', () => {
  const room = (unread: number, mention: number, mytask: number): RoomSummary =>
    ({ room_id: 1, unread_num: unread, mention_num: mention, mytask_num: mytask }) as RoomSummary;

  it('counts rooms with something and sums the numbers, field by field', () => {
    assert.deepStrictEqual(statusFromRooms([room(3, 0, 0), room(0, 2, 0), room(0, 0, 1), room(5, 1, 4), room(0, 0, 0)]), {
      unread_room_num: 2,
      mention_room_num: 2,
      mytask_room_num: 2,
      unread_num: 8,
      mention_num: 3,
      mytask_num: 5,
    });
    assert.deepStrictEqual(statusFromRooms([]), { unread_room_num: 0, mention_room_num: 0, mytask_room_num: 0, unread_num: 0, mention_num: 0, mytask_num: 0 });
  });
});
