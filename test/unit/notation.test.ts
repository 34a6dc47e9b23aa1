// parse(): real-looking bodies → the exact tree, one row per case.

import assert from 'node:assert/strict';
import { parse, type NotationNode } from '../../src/notation';

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

  it('tolerates non-string input from untyped callers', () => {
    assert.deepStrictEqual(parse(undefined as unknown as string), []);
    assert.deepStrictEqual(parse(42 as unknown as string), []);
  });
});
