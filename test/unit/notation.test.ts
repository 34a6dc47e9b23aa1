// parse(): real-looking bodies → the exact tree, one row per case.

import assert from 'node:assert/strict';
import { MAX_NESTING, parse, type NotationNode } from '../../src/notation';

const t = (text: string): NotationNode => ({ type: 'text', text });

const CASES: ReadonlyArray<readonly [name: string, body: string, expected: NotationNode[]]> = [
  ['empty body', '', []],
  ['plain text with newlines', 'Hello\nworld\n', [t('Hello\nworld\n')]],
  ['mention with name', '[To:123]Yamada-san\nPlease check.', [{ type: 'mention', accountId: 123 }, t('Yamada-san\nPlease check.')]],
  ['lower-case to', '[to:123]Yamada', [{ type: 'mention', accountId: 123 }, t('Yamada')]],
  ['several mentions', '[To:1][To:2]hi', [{ type: 'mention', accountId: 1 }, { type: 'mention', accountId: 2 }, t('hi')]],
  ['toall', '[toall]\nMeeting at 3', [{ type: 'toall' }, t('\nMeeting at 3')]],
  [
    'reply keeps the 19-digit message id exactly',
    '[rp aid=123 to=456-1234567890123456789]Sato-san\nOK',
    [{ type: 'reply', accountId: 123, roomId: 456, messageId: '1234567890123456789' }, t('Sato-san\nOK')],
  ],
  [
    'reply with leading zeros in the message id',
    '[rp aid=1 to=2-0000000000000000042]',
    [{ type: 'reply', accountId: 1, roomId: 2, messageId: '0000000000000000042' }],
  ],
  ['Japanese reply alias', '[返信 aid=9 to=8-7]山田さん', [{ type: 'reply', accountId: 9, roomId: 8, messageId: '7' }, t('山田さん')]],
  [
    'quote with author and time',
    '[qt][qtmeta aid=5 time=1699999999]before[/qt]after',
    [{ type: 'quote', accountId: 5, time: 1699999999, children: [t('before')] }, t('after')],
  ],
  ['quote without time', '[qt][qtmeta aid=5]x[/qt]', [{ type: 'quote', accountId: 5, children: [t('x')] }]],
  ['bare quote', '[qt]x[/qt]', [{ type: 'quote', children: [t('x')] }]],
  ['Japanese quote alias', '[引用 aid=5 time=6]x[/引用]', [{ type: 'quote', accountId: 5, time: 6, children: [t('x')] }]],
  ['qtmeta not right after [qt] is literal', '[qt]a[qtmeta aid=5]b[/qt]', [{ type: 'quote', children: [t('a[qtmeta aid=5]b')] }]],
  ['qtmeta outside a quote is literal', '[qtmeta aid=5 time=6]', [t('[qtmeta aid=5 time=6]')]],
  ['info', '[info]Notice[/info]', [{ type: 'info', children: [t('Notice')] }]],
  ['info with title', '[info][title]T[/title]B[/info]', [{ type: 'info', title: [t('T')], children: [t('B')] }]],
  [
    'info with title after a newline',
    '[info]\n[title]T[/title]\nB\n[/info]',
    [{ type: 'info', title: [t('T')], children: [t('\nB\n')] }],
  ],
  ['title not first in info is literal', '[info]a[title]T[/title][/info]', [{ type: 'info', children: [t('a[title]T[/title]')] }]],
  ['title outside info is literal', '[title]T[/title]', [t('[title]T[/title]')]],
  ['second title is literal', '[info][title]A[/title][title]B[/title][/info]', [{ type: 'info', title: [t('A')], children: [t('[title]B[/title]')] }]],
  [
    'quote in info in quote',
    '[qt][qtmeta aid=1 time=2][info][title]T[/title][qt][qtmeta aid=3]inner[/qt]mid[/info]tail[/qt]',
    [
      {
        type: 'quote',
        accountId: 1,
        time: 2,
        children: [
          { type: 'info', title: [t('T')], children: [{ type: 'quote', accountId: 3, children: [t('inner')] }, t('mid')] },
          t('tail'),
        ],
      },
    ],
  ],
  ['code keeps tags literal', '[code][To:1] :) https://x.y [/qt][/code]', [{ type: 'code', text: '[To:1] :) https://x.y [/qt]' }]],
  ['code ends at the first [/code]', '[code]a[code]b[/code]c[/code]', [{ type: 'code', text: 'a[code]b' }, t('c[/code]')]],
  ['code keeps whitespace exactly', '[code]\n  x\n[/code]', [{ type: 'code', text: '\n  x\n' }]],
  ['empty code', '[code][/code]', [{ type: 'code', text: '' }]],
  ['code inside a quote', '[qt][code]x[/code][/qt]', [{ type: 'quote', children: [{ type: 'code', text: 'x' }] }]],
  ['hr', 'a[hr]b', [t('a'), { type: 'hr' }, t('b')]],
  ['picon', '[picon:42]', [{ type: 'picon', accountId: 42 }]],
  ['piconname', '[piconname:42]', [{ type: 'piconname', accountId: 42 }]],
  ['pname', '[pname:42]', [{ type: 'pname', accountId: 42 }]],
  ['preview', '[preview id=1341384457 ht=120]', [{ type: 'preview', fileId: 1341384457, height: 120 }]],
  ['preview without height', '[preview id=1]', [{ type: 'preview', fileId: 1 }]],
  ['download', '[download:5]report.pdf (12.00 KB)[/download]', [{ type: 'download', fileId: 5, label: 'report.pdf (12.00 KB)' }]],
  ['download label is literal', '[download:5]a:)[b][/download]', [{ type: 'download', fileId: 5, label: 'a:)[b]' }]],
  [
    'file upload system message',
    '[info][title][dtext:file_uploaded][/title][preview id=1341384457 ht=16][download:1341384457]FILENAME (0 B)[/download][/info]',
    [
      {
        type: 'info',
        title: [{ type: 'dtext', key: 'file_uploaded' }],
        children: [
          { type: 'preview', fileId: 1341384457, height: 16 },
          { type: 'download', fileId: 1341384457, label: 'FILENAME (0 B)' },
        ],
      },
    ],
  ],
  [
    'task system message',
    '[info][title][dtext:task_added][/title][task aid=8638511 st=open lt=1705642989 ltype=date]TASK[/task][/info]',
    [
      {
        type: 'info',
        title: [{ type: 'dtext', key: 'task_added' }],
        children: [
          { type: 'task', assigneeIds: [8638511], status: 'open', limitTime: 1705642989, limitType: 'date', children: [t('TASK')] },
        ],
      },
    ],
  ],
  [
    'task with several assignees, done, no ltype',
    '[task aid=1,2,3 st=done lt=0]x[/task]',
    [{ type: 'task', assigneeIds: [1, 2, 3], status: 'done', limitTime: 0, children: [t('x')] }],
  ],
  [
    'member added system message',
    '[info][dtext:chatroom_member_is][piconname:123][dtext:chatroom_added][/info]',
    [
      {
        type: 'info',
        children: [{ type: 'dtext', key: 'chatroom_member_is' }, { type: 'piconname', accountId: 123 }, { type: 'dtext', key: 'chatroom_added' }],
      },
    ],
  ],
  ['unknown dtext key kept', '[dtext:brand_new_key]', [{ type: 'dtext', key: 'brand_new_key' }]],
  ['deleted body', '[deleted]', [{ type: 'deleted' }]],
  ['deleted anywhere', 'x[deleted]y', [t('x'), { type: 'deleted' }, t('y')]],
  ['script stays text', '<script>alert(1)</script>', [t('<script>alert(1)</script>')]],
  ['html in a quote stays text', '[qt]<img src=x onerror=alert(1)>[/qt]', [{ type: 'quote', children: [t('<img src=x onerror=alert(1)>')] }]],
  // Broken and unknown tags: the exact source characters.
  ['To with a non-numeric id', '[To:abc]x', [t('[To:abc]x')]],
  ['To with an empty id', '[To:]', [t('[To:]')]],
  ['quote without close', '[qt][qtmeta aid=1 time=2]hello', [t('[qt][qtmeta aid=1 time=2]hello')]],
  ['info without close', '[info][title]T[/title]body', [t('[info][title]T[/title]body')]],
  ['info without close keeps the blank before its title', '[info]\n[title]T[/title]', [t('[info]\n[title]T[/title]')]],
  ['lone [/code]', 'a[/code]b', [t('a[/code]b')]],
  ['unterminated [code]', '[code]x [To:1]', [t('[code]x '), { type: 'mention', accountId: 1 }]],
  ['rp missing to', '[rp aid=1]Yamada', [t('[rp aid=1]Yamada')]],
  ['rp with a bad to', '[rp aid=1 to=2]x', [t('[rp aid=1 to=2]x')]],
  ['rp with a 20-digit message id', '[rp aid=1 to=2-12345678901234567890]', [t('[rp aid=1 to=2-12345678901234567890]')]],
  ['rp with a garbage attribute', '[rp aid=1 to=2-3 x=y]', [t('[rp aid=1 to=2-3 x=y]')]],
  ['rp with a repeated attribute', '[rp aid=1 aid=2 to=2-3]', [t('[rp aid=1 aid=2 to=2-3]')]],
  ['task with a bad status', '[task aid=1 st=maybe lt=0]x[/task]', [t('[task aid=1 st=maybe lt=0]x[/task]')]],
  ['preview with a bad id', '[preview id=x ht=1]', [t('[preview id=x ht=1]')]],
  ['unknown tag', '[url]https://a.b[/url]', [t('[url]'), { type: 'link', url: 'https://a.b' }, t('[/url]')]],
  ['case matters except for To', '[HR][Info]x[/Info][TOALL]', [t('[HR][Info]x[/Info][TOALL]')]],
  ['lone brackets', '[ ] [[ ]] [', [t('[ ] [[ ]] [')]],
  ['tag split by a bracket', '[To:[To:1]]', [t('[To:'), { type: 'mention', accountId: 1 }, t(']')]],
  ['newline inside a tag', '[To:\n1]', [t('[To:\n1]')]],
  ['stray close', 'a[/qt]b[/info]', [t('a[/qt]b[/info]')]],
  [
    'close tag closes the nearest open one of its kind, unwinding the rest',
    '[info][qt]x[/info]',
    [{ type: 'info', children: [t('[qt]x')] }],
  ],
  [
    'crossed tags',
    '[qt][qtmeta aid=1]a[info]b[/qt]c[/info]',
    [{ type: 'quote', accountId: 1, children: [t('a[info]b')] }, t('c[/info]')],
  ],
  ['account id beyond safe integers', '[To:99999999999999999]', [t('[To:99999999999999999]')]],
  // Ids: 1 to 16 ASCII digits that make a safe integer.
  ['16-digit account id', '[To:1234567890123456]', [{ type: 'mention', accountId: 1234567890123456 }]],
  ['largest safe account id', '[To:9007199254740991]', [{ type: 'mention', accountId: 9007199254740991 }]],
  ['16-digit account id beyond safe integers', '[To:9007199254740993]', [t('[To:9007199254740993]')]],
  ['leading zeros in an account id', '[To:007]', [{ type: 'mention', accountId: 7 }]],
  ['full-width digits are no id', '[To:\uff11\uff12]', [t('[To:\uff11\uff12]')]],
  ['signs and spaces are no id', '[To:-1][To:1 ][To:1a]', [t('[To:-1][To:1 ][To:1a]')]],
  // `To` in any case, and only `To`.
  ['upper-case TO', '[TO:1][tO:2]', [{ type: 'mention', accountId: 1 }, { type: 'mention', accountId: 2 }]],
  ['names that are not To', '[Tox:1][T:1][so:1][ta:1][:1][]', [t('[Tox:1][T:1][so:1][ta:1][:1][]')]],
  // Value tags with a bad value.
  ['dtext key of 64 word characters', `[dtext:${'a_Z9'.repeat(16)}]`, [{ type: 'dtext', key: 'a_Z9'.repeat(16) }]],
  ['dtext key of 65 characters', `[dtext:${'a'.repeat(65)}]`, [t(`[dtext:${'a'.repeat(65)}]`)]],
  ['dtext key with a dash or nothing', '[dtext:a-b][dtext:]', [t('[dtext:a-b][dtext:]')]],
  ['picon, piconname and pname with bad ids', '[picon:x][piconname:][pname:1.5]', [t('[picon:x][piconname:][pname:1.5]')]],
  ['download with a bad id', '[download:x]a.txt[/download]', [t('[download:x]a.txt[/download]')]],
  ['download without its close', '[download:1]a.txt', [t('[download:1]a.txt')]],
  ['text around code', 'x[code]a[/code]y', [t('x'), { type: 'code', text: 'a' }, t('y')]],
  // Attributes: any order, single spaces or more, nothing unknown, no empty key or value.
  ['reply attributes in another order', '[rp to=2-3 aid=1]', [{ type: 'reply', accountId: 1, roomId: 2, messageId: '3' }]],
  ['reply with extra spaces', '[rp aid=1  to=2-3 ]', [{ type: 'reply', accountId: 1, roomId: 2, messageId: '3' }]],
  ['reply with a key without a value', '[rp aid to=2-3]', [t('[rp aid to=2-3]')]],
  ['reply with an empty value', '[rp aid= to=2-3]', [t('[rp aid= to=2-3]')]],
  ['reply with an empty key', '[rp =1 aid=1 to=2-3]', [t('[rp =1 aid=1 to=2-3]')]],
  ['reply with a bad account id', '[rp aid=x to=2-3]', [t('[rp aid=x to=2-3]')]],
  ['reply without a room id', '[rp aid=1 to=-3]', [t('[rp aid=1 to=-3]')]],
  ['reply with a bad room id', '[rp aid=1 to=x-3]', [t('[rp aid=1 to=x-3]')]],
  ['reply without a message id', '[rp aid=1 to=2-]', [t('[rp aid=1 to=2-]')]],
  ['reply with a second dash', '[rp aid=1 to=2-3-4]', [t('[rp aid=1 to=2-3-4]')]],
  ['broken Japanese reply', '[返信 aid=1 to=x]', [t('[返信 aid=1 to=x]')]],
  ['quote meta with a bad time', '[qt][qtmeta aid=1 time=x]a[/qt]', [{ type: 'quote', children: [t('[qtmeta aid=1 time=x]a')] }]],
  ['quote meta without an author', '[qt][qtmeta time=2]a[/qt]', [{ type: 'quote', children: [t('[qtmeta time=2]a')] }]],
  ['bare Japanese quote', '[引用]a[/引用]', [{ type: 'quote', children: [t('a')] }]],
  ['Japanese quote with a bad author', '[引用 aid=x]a[/引用]', [t('[引用 aid=x]a[/引用]')]],
  [
    'a Japanese quote already has its author: a qtmeta after it is literal',
    '[引用 aid=1][qtmeta aid=2]x[/引用]',
    [{ type: 'quote', accountId: 1, children: [t('[qtmeta aid=2]x')] }],
  ],
  ['qtmeta right after [info] is literal', '[info][qtmeta aid=1]x[/info]', [{ type: 'info', children: [t('[qtmeta aid=1]x')] }]],
  ['task without a limit', '[task aid=1 st=open]x[/task]', [{ type: 'task', assigneeIds: [1], status: 'open', limitTime: 0, children: [t('x')] }]],
  [
    'task limit types none and time',
    '[task aid=1 st=open lt=5 ltype=none]a[/task][task aid=2 st=done lt=6 ltype=time]b[/task]',
    [
      { type: 'task', assigneeIds: [1], status: 'open', limitTime: 5, limitType: 'none', children: [t('a')] },
      { type: 'task', assigneeIds: [2], status: 'done', limitTime: 6, limitType: 'time', children: [t('b')] },
    ],
  ],
  ['task with an unknown limit type', '[task aid=1 st=open ltype=week]x[/task]', [t('[task aid=1 st=open ltype=week]x[/task]')]],
  ['task with a bad limit', '[task aid=1 st=open lt=x]x[/task]', [t('[task aid=1 st=open lt=x]x[/task]')]],
  ['task without assignees or status', '[task st=open]a[/task][task aid=1]b[/task]', [t('[task st=open]a[/task][task aid=1]b[/task]')]],
  [
    'task with a broken assignee list',
    '[task aid=1, st=open]a[/task][task aid=,1 st=open]b[/task][task aid=1,,2 st=open]c[/task]',
    [t('[task aid=1, st=open]a[/task][task aid=,1 st=open]b[/task][task aid=1,,2 st=open]c[/task]')],
  ],
  // A broken tag is text and the rest of the body is still read.
  ['broken reply, then a tag', '[rp aid=1 x=y][hr]', [t('[rp aid=1 x=y]'), { type: 'hr' }]],
  ['reply without to, then a tag', '[rp aid=1][hr]', [t('[rp aid=1]'), { type: 'hr' }]],
  ['broken quote meta, then a tag', '[qt][qtmeta aid=1 x=y][hr][/qt]', [{ type: 'quote', children: [t('[qtmeta aid=1 x=y]'), { type: 'hr' }] }]],
  ['broken preview, then a tag', '[preview id=1 x=y][hr]', [t('[preview id=1 x=y]'), { type: 'hr' }]],
  ['broken task attributes, then a tag', '[task aid=1 st=open x=1]a[/task][hr]', [t('[task aid=1 st=open x=1]a[/task]'), { type: 'hr' }]],
  ['task without assignees, then a tag', '[task st=open]a[/task][hr]', [t('[task st=open]a[/task]'), { type: 'hr' }]],
  ['task with a bad status, then a tag', '[task aid=1 st=maybe]a[/task][hr]', [t('[task aid=1 st=maybe]a[/task]'), { type: 'hr' }]],
  ['reply with two spaces after its name', '[rp  aid=1 to=2-3]', [{ type: 'reply', accountId: 1, roomId: 2, messageId: '3' }]],
  ['reply whose to has no dash', '[rp aid=1 to=23]', [t('[rp aid=1 to=23]')]],
  ['a word before a lone ]', 'xhr]', [t('xhr]')]],
  ['a word before a lone ] after a tag', '[hr]xtoall]', [{ type: 'hr' }, t('xtoall]')]],
  ['preview with a bad height or no id', '[preview id=1 ht=x][preview ht=1]', [t('[preview id=1 ht=x][preview ht=1]')]],
  // Where a tag ends.
  ['a tag cut off by the end of the body', 'a [hr', [t('a [hr')]],
  ['a word tag with no ] after it', '[hrx', [t('[hrx')]],
  // The tree: what comes after a node, and what an unclosed container puts back.
  ['title after a node in info is literal', '[info][hr][title]T[/title][/info]', [{ type: 'info', children: [{ type: 'hr' }, t('[title]T[/title]')] }]],
  [
    'an unclosed quote in a closed info keeps text and nodes in order',
    '[info]a[qt]b[To:1]c[/info]',
    [{ type: 'info', children: [t('a[qt]b'), { type: 'mention', accountId: 1 }, t('c')] }],
  ],
  [
    'an unclosed info with a title in a closed quote',
    '[qt]q[info] [title]T :)[/title]body[/qt]',
    [{ type: 'quote', children: [t('q[info] [title]T '), { type: 'emoticon', code: ':)', name: 'smile' }, t('[/title]body')] }],
  ],
  [
    'an unclosed info with a title inside an unclosed task in a closed quote',
    '[qt][task aid=1 st=open lt=0][info][title]T[/title]b[/qt]',
    [{ type: 'quote', children: [t('[task aid=1 st=open lt=0][info][title]T[/title]b')] }],
  ],
  [
    'an unclosed task in a closed quote',
    '[qt][task aid=1 st=open lt=0 ltype=date]x[hr][/qt]',
    [{ type: 'quote', children: [t('[task aid=1 st=open lt=0 ltype=date]x'), { type: 'hr' }] }],
  ],
];

describe('notation parse', () => {
  for (const [name, body, expected] of CASES) {
    it(name, () => assert.deepStrictEqual(parse(body), expected));
  }

  it('message ids are strings, never numbers', () => {
    const [reply] = parse('[rp aid=1 to=2-9007199254740993123]');
    assert.ok(reply?.type === 'reply');
    assert.equal(typeof reply.messageId, 'string');
    assert.equal(reply.messageId, '9007199254740993123');
  });

  it('returns fresh node objects on every call', () => {
    const a = parse('[hr]');
    const b = parse('[hr]');
    assert.notEqual(a[0], b[0]);
  });

  it('a tag of up to 8192 characters between its brackets is read; a longer one is text', () => {
    // `task aid=1,1,…,1 st=open` with as many assignees as fit: 9 + (2k + 1) + 8 characters.
    const task = (k: number, lastId = '1'): string => `task aid=${'1,'.repeat(k)}${lastId} st=open`;
    const longest = task(4087);
    assert.equal(longest.length, 8192);
    const [node] = parse(`see [${longest}]x[/task]`).slice(1);
    assert.ok(node?.type === 'task');
    assert.equal(node.assigneeIds.length, 4088);
    const tooLong = task(4087, '11');
    assert.equal(tooLong.length, 8193);
    assert.deepStrictEqual(parse(`see [${tooLong}]x[/task]`), [t(`see [${tooLong}]x[/task]`)]);
  });

  it('a title may follow whitespace (as \\s means it) in its box, and nothing else', () => {
    // Every whitespace code unit and its neighbours.
    const codes = new Set<number>();
    for (let c = 0; c <= 0xffff; c++) if (/\s/.test(String.fromCharCode(c))) for (const d of [c - 1, c, c + 1]) codes.add(d);
    for (const c of codes) {
      const ch = String.fromCharCode(c);
      const expected: NotationNode[] = /\s/.test(ch)
        ? [{ type: 'info', title: [t('T')], children: [t('b')] }]
        : [{ type: 'info', children: [t(`${ch}[title]T[/title]b`)] }];
      assert.deepStrictEqual(parse(`[info]${ch}[title]T[/title]b[/info]`), expected, `U+${c.toString(16)}`);
    }
  });

  it(`nests containers ${MAX_NESTING} deep; one more opening tag is text`, () => {
    const n = MAX_NESTING + 1;
    let expected: NotationNode[] = [t('[qt]x')];
    for (let i = 0; i < MAX_NESTING; i++) expected = [{ type: 'quote', children: expected }];
    expected.push(t('[/qt]'));
    assert.deepStrictEqual(parse('[qt]'.repeat(n) + 'x' + '[/qt]'.repeat(n)), expected);
  });

  it('tolerates non-string input from untyped callers', () => {
    assert.deepStrictEqual(parse(undefined as unknown as string), []);
    assert.deepStrictEqual(parse(42 as unknown as string), []);
  });
});
