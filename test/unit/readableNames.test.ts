// The one resolver of account ids in plain text: toasts, tree previews and system messages show
// names the store has seen (senders, members, me), a neutral word otherwise — never a raw id.
import * as assert from 'assert';
import { readableNames, unknownAccounts } from '../../src/common/readableNames';
import type { Message } from '../../src/api/types';
import { parse, toOneLine } from '../../src/notation';
import { AccountNames } from '../../src/store/accountNames';
import { messageLabel } from '../../src/tree/format';
import { unreadIds } from '../../src/tree/unread';

const SYSTEM = '[info][title][dtext:chatroom_groupchat_created][/title][dtext:chatroom_member_is][piconname:1004][piconname:1009][dtext:chatroom_added][/info]';

function message(id: string, accountId: number, body: string): Message {
  return { message_id: id, account: { account_id: accountId, name: `Account ${accountId}`, avatar_image_url: '' }, body, send_time: 0, update_time: 0 };
}

describe('readable names', () => {
  const names = new AccountNames();
  names.rememberAll([
    { account_id: 1001, name: 'Taro Yamada' },
    { account_id: 1004, name: 'Chen Wei' },
  ]);
  const resolve = readableNames(names);

  it('mentions, replies and system messages read with names, unknown ones as "someone"', () => {
    const text = toOneLine(parse(`[To:1001]Taro さん [rp aid=1009 to=1-2]ok ${SYSTEM}`), 500, { accountName: resolve });
    assert.match(text, /^@Taro Yamada Taro さん Re: someone ok/);
    assert.match(text, /Member: Chen Wei someone has been added\./);
    assert.doesNotMatch(text, /(To|Re|ID):\d/);
  });

  it('the tree label uses the same resolver', () => {
    const label = messageLabel(message('1', 1002, `[To:1004][To:1010] see [piconname:1001]`), resolve);
    assert.strictEqual(label, 'Account 1002: @Chen Wei @someone see Taro Yamada');
  });

  it('lists the ids it does not know yet (the notifier reads the room members for them)', () => {
    const nodes = parse(`[To:1001][To:1010]${SYSTEM}`);
    assert.deepStrictEqual(unknownAccounts(names, (r) => toOneLine(nodes, 500, { accountName: r })), [1010, 1009]);
  });

  it('unread messages are the newest unread_num not written by me', () => {
    const log = [message('1', 1002, 'a'), message('2', 1001, 'mine'), message('3', 1002, 'b'), message('4', 1003, 'c'), message('5', 1001, 'mine too')];
    assert.deepStrictEqual([...unreadIds(log, 2, 1001)], ['4', '3']);
    assert.deepStrictEqual([...unreadIds(log, 0, 1001)], []);
    assert.deepStrictEqual([...unreadIds(log, 9, 1001)], ['4', '3', '1']);
  });
});
