// toPlainText / toOneLine and the query helpers.

import assert from 'node:assert/strict';
import { dtextText, findText, forEachNode, mentionsAccount, mentionsAll, parse, toOneLine, toPlainText } from '../../src/notation';

const names: Record<number, string> = { 1: 'Yamada Taro', 2: 'Sato', 123: 'Suzuki' };
const accountName = (id: number): string | undefined => names[id];

const plain = (body: string, withNames = true): string => toPlainText(parse(body), withNames ? { accountName } : {});

describe('notation toPlainText', () => {
  const cases: ReadonlyArray<readonly [name: string, body: string, expected: string, withNames?: boolean]> = [
    ['text as is', 'Hello\nworld', 'Hello\nworld'],
    ['mention with a name', '[To:1]Yamada-san\nHi', '@Yamada Taro Yamada-san\nHi'],
    ['mention without a resolver', '[To:1]Yamada-san', 'To:1 Yamada-san', false],
    ['mention of an unknown account', '[To:999]x', 'To:999 x'],
    ['mention before Japanese', '[To:1]山田さん', '@Yamada Taro 山田さん'],
    ['toall', '[toall]\nmeeting', '@all\nmeeting'],
    ['reply', '[rp aid=2 to=3-4]Sato-san\nOK', 'Re: Sato Sato-san\nOK'],
    ['reply without a resolver', '[rp aid=2 to=3-4]OK', 'Re:2 OK', false],
    ['quote', '[qt][qtmeta aid=1 time=2]line 1\nline 2[/qt]\nmy answer', '> line 1\n> line 2\nmy answer'],
    ['nested quote', '[qt]a[qt]b[/qt][/qt]c', '> a\n> > b\nc'],
    ['quote keeps empty lines marked', '[qt]a\n\nb[/qt]', '> a\n>\n> b'],
    ['info with title', '[info][title]Release[/title]v1.2 is out[/info]', 'Release: v1.2 is out'],
    ['info title ending in punctuation', '[info][title]Note.[/title]x[/info]', 'Note. x'],
    ['info without title', 'see:[info]box[/info]after', 'see:\nbox\nafter'],
    ['info whose body opens with a block', '[info][title]T[/title][code]x[/code][/info]', 'T\nx'],
    ['code as is, on its own lines', 'run[code]  npm test\n[/code]done', 'run\n  npm test\ndone'],
    ['hr', 'a[hr]b', 'a\n—\nb'],
    ['emoticons as unicode', 'ok :) (coffee) (F)', 'ok 😃 ☕ 🌸'],
    ['links as URL', 'see https://example.com/x.', 'see https://example.com/x.'],
    ['deleted', '[deleted]', '(deleted)'],
    ['picon is a picture only', '[picon:1]Yamada', 'Yamada'],
    ['piconname', '[piconname:1]', 'Yamada Taro'],
    ['pname without a resolver', '[pname:5]', 'ID:5', false],
    [
      'file upload',
      '[info][title][dtext:file_uploaded][/title][preview id=1 ht=16][download:1]report.pdf (1.20 MB)[/download][/info]',
      'New file uploaded. report.pdf (1.20 MB)',
    ],
    [
      'task added',
      '[info][title][dtext:task_added][/title][task aid=1 st=open lt=0]Review PR[/task][/info]',
      'Task assigned. Review PR',
    ],
    ['member added', '[info][dtext:chatroom_member_is][piconname:123][dtext:chatroom_added][/info]', 'Member: Suzuki has been added.'],
    ['chat renamed', '[info][dtext:chatroom_chatname_is]Dev[dtext:chatroom_set][/info]', 'Group Chat Name: Dev was edited.'],
    ['unknown dtext key as is', '[dtext:brand_new]', '[dtext:brand_new]'],
    ['broken tags as typed', '[To:abc] [qt]x', '[To:abc] [qt]x'],
    ['script as text', '<script>alert(1)</script>', '<script>alert(1)</script>'],
    // Spacing of word-like stand-ins.
    ['text before a mention', 'cc[To:1]', 'cc @Yamada Taro'],
    ['mentions in a row', '[To:1][To:2][toall]', '@Yamada Taro @Sato @all'],
    ['a mention after a block', '[hr][To:2]', '—\n@Sato'],
    ['a mention with spaces around it', 'a [To:2] b', 'a @Sato b'],
    ['a mention in Japanese brackets', '「[To:2]」さん、[To:2]。', '「@Sato」さん、@Sato。'],
    ['a mention before full-width punctuation', '[To:2]（営業）', '@Sato（営業）'],
    ['a mention after tab, CR and ideographic space', 'a\t[To:2]\r[To:2]\u3000[To:2]', 'a\t@Sato\r@Sato\u3000@Sato'],
    ['a mention next to the ends of the CJK punctuation blocks', `[To:2]\u303f[To:2]\uff00[To:2]\uffef`, '@Sato\u303f@Sato\uff00@Sato\uffef'],
    ['a mention next to characters just outside them', `[To:2]\u3040[To:2]\ufeff[To:2]\ufff0`, '@Sato \u3040 @Sato \ufeff @Sato \ufff0'],
    ['info whose body opens with text, then a block', '[info][title]T[/title]see[code]x[/code][/info]', 'T: see\nx'],
    ['an empty download label adds no space', 'a[download:1][/download]b', 'ab'],
    ['a reply then a quote', '[rp aid=2 to=3-4][qt]x[/qt]', 'Re: Sato\n> x'],
    // Blocks on their own lines, without doubled or leading newlines.
    ['text starting with a newline after a block', 'run[code]x[/code]\ndone', 'run\nx\ndone'],
    ['a block after a newline', 'a\n[hr]', 'a\n—'],
    ['an empty code block first', '[code][/code]x', 'x'],
    ['blocks in a row', '[hr][hr]', '—\n—'],
    ['quote lines trimmed of blank lines around them', '[qt]\n\na\n\n[/qt]', '> a'],
    ['task text trimmed', '[task aid=1 st=open lt=0]\n  Review  \n[/task]', 'Review'],
    ['info title ending in a colon or Japanese punctuation', '[info][title]Note:[/title]a[/info][info][title]注意：[/title]b[/info]', 'Note: a\n注意： b'],
    ['info title with a dot inside', '[info][title]Release v1.2[/title]out[/info]', 'Release v1.2: out'],
    ['info whose body opens with blank text and a block', '[info][title]T[/title]\n[code]x[/code][/info]', 'T\nx'],
    ['info whose body opens with a task', '[info][title]T[/title][task aid=1 st=open lt=0]x[/task][/info]', 'T: x'],
    ['info with an empty body', '[info][title]T[/title][/info]', 'T'],
    ['info with an empty title', '[info][title] [/title]body[/info]', 'body'],
    ['system text in English by default', '[dtext:file_uploaded]', 'New file uploaded.'],
  ];
  for (const [name, body, expected, withNames] of cases) {
    it(name, () => assert.equal(plain(body, withNames ?? true), expected));
  }

  it('system texts in Japanese', () => {
    const nodes = parse('[info][dtext:chatroom_member_is][piconname:123][dtext:chatroom_added][/info]');
    assert.equal(toPlainText(nodes, { accountName, language: 'ja' }), 'メンバー「Suzuki」を追加しました。');
    assert.equal(toPlainText(parse('[deleted]'), { language: 'ja' }), '(削除されました)');
  });

  it('system texts and the deleted stand-in in Vietnamese; English otherwise', () => {
    assert.equal(toPlainText(parse('[dtext:task_done][deleted]'), { language: 'vi' }), 'Đã hoàn thành công việc. (đã bị xóa)');
    assert.equal(toPlainText(parse('[dtext:task_done][deleted]'), { language: 'en' }), 'Task completed. (deleted)');
    assert.equal(dtextText('task_done', 'vi'), 'Đã hoàn thành công việc.');
    assert.equal(dtextText('task_done', 'ja'), 'タスクを完了しました。');
    assert.equal(dtextText('task_done'), 'Task completed.');
  });

  it('empty text nodes (built by hand) change nothing', () => {
    assert.equal(toPlainText([{ type: 'mention', accountId: 1 }, { type: 'text', text: '' }, { type: 'text', text: '\nb' }]), 'To:1\nb');
  });

  it('an emoticon node with an unknown code reads as its code', () => {
    assert.equal(toPlainText([{ type: 'emoticon', code: '(zzz)', name: 'zzz' }]), '(zzz)');
  });

  it('dtext lookups do not reach the prototype', () => {
    assert.equal(dtextText('constructor'), undefined);
    assert.equal(plain('[dtext:constructor]'), '[dtext:constructor]');
  });

  it('an empty resolver answer falls back to the id', () => {
    assert.equal(toPlainText(parse('[To:1]'), { accountName: () => '' }), 'To:1');
  });
});

describe('notation toOneLine', () => {
  it('collapses whitespace', () => {
    assert.equal(toOneLine(parse('[qt]a\n\nb[/qt]\n  my   reply\t:)'), 100), '> a > > b my reply 😃');
  });

  it('cuts with an ellipsis within maxLength', () => {
    const line = toOneLine(parse('The quick brown fox jumps over the lazy dog'), 20);
    assert.equal(line, 'The quick brown fox…');
    assert.ok(line.length <= 20);
  });

  it('leaves short text alone', () => {
    assert.equal(toOneLine(parse('short'), 5), 'short');
  });

  it('never splits a surrogate pair', () => {
    const line = toOneLine(parse('ab:):):)'), 4);
    assert.equal(line, 'ab…');
    // Cut after a whole pair, after the last high surrogate, and next to the surrogate range.
    assert.equal(toOneLine(parse('a😃bcd'), 4), 'a😃…');
    assert.equal(toOneLine(parse('x\udbff\udfffyz'), 3), 'x…');
    assert.equal(toOneLine(parse('x\ud800\udc00yz'), 4), 'x\ud800\udc00…');
    assert.equal(toOneLine(parse('x\ud800\udc00yz'), 3), 'x…');
    assert.equal(toOneLine(parse('x\ud7ffyz'), 3), 'x\ud7ff…');
  });

  it('drops the space before the ellipsis', () => {
    assert.equal(toOneLine(parse('The quick brown fox'), 11), 'The quick…');
  });

  it('trims whitespace at both ends', () => {
    assert.equal(toOneLine(parse('\n  hello  \n'), 20), 'hello');
  });

  it('handles tiny limits', () => {
    assert.equal(toOneLine(parse('hello'), 1), '…');
    assert.equal(toOneLine(parse('hello'), 0), '');
  });

  it('uses names', () => {
    assert.equal(toOneLine(parse('[To:1]\nping'), 50, { accountName }), '@Yamada Taro ping');
  });
});

describe('notation queries', () => {
  it('mentionsAccount: To and reply, not other people', () => {
    assert.equal(mentionsAccount(parse('[To:1]hi'), 1), true);
    assert.equal(mentionsAccount(parse('[rp aid=1 to=2-3]hi'), 1), true);
    assert.equal(mentionsAccount(parse('[To:2]hi'), 1), false);
    assert.equal(mentionsAccount(parse('[picon:1][piconname:1]'), 1), false);
    assert.equal(mentionsAccount(parse('[To:abc]'), 1), false);
  });

  it('mentionsAccount looks into info and tasks but not quotes unless asked', () => {
    assert.equal(mentionsAccount(parse('[info][To:1][/info]'), 1), true);
    assert.equal(mentionsAccount(parse('[task aid=5 st=open lt=0][To:1][/task]'), 1), true);
    assert.equal(mentionsAccount(parse('[qt][To:1]old[/qt]new'), 1), false);
    assert.equal(mentionsAccount(parse('[qt][To:1]old[/qt]new'), 1, { includeQuotes: true }), true);
    assert.equal(mentionsAccount(parse('[code][To:1][/code]'), 1), false);
  });

  it('mentionsAll', () => {
    assert.equal(mentionsAll(parse('[toall]x')), true);
    assert.equal(mentionsAll(parse('[To:1]x')), false);
    assert.equal(mentionsAll(parse('[qt][toall][/qt]')), false);
    assert.equal(mentionsAll(parse('[qt][toall][/qt]'), { includeQuotes: true }), true);
    assert.equal(mentionsAll(parse('[info][title][toall][/title][/info]')), true);
  });

  it('mentionsAccount: a later node decides when the first does not match', () => {
    assert.equal(mentionsAccount(parse('[To:2][hr]x[To:1]'), 1), true);
    assert.equal(mentionsAccount(parse('[To:1][To:2]'), 1), true);
  });

  it('forEachNode skips quotes only when asked', () => {
    const types: string[] = [];
    forEachNode(parse('[qt]a[task aid=1 st=open lt=0]b[/task][/qt]c'), (n) => types.push(n.type), { includeQuotes: false });
    assert.deepStrictEqual(types, ['quote', 'text']);
    const all: string[] = [];
    forEachNode(parse('[qt]a[task aid=1 st=open lt=0]b[/task][/qt]c'), (n) => all.push(n.type));
    assert.deepStrictEqual(all, ['quote', 'text', 'task', 'text', 'text']);
  });

  it('findText searches the text as read', () => {
    const nodes = parse('[To:1]Please review https://example.com/PR/1 :)');
    assert.equal(findText(nodes, 'REVIEW'), true);
    assert.equal(findText(nodes, 'REVIEW', { caseSensitive: true }), false);
    assert.equal(findText(nodes, 'example.com/pr'), true);
    assert.equal(findText(nodes, 'yamada', { accountName }), true);
    assert.equal(findText(nodes, 'To:1'), true);
    assert.equal(findText(nodes, ''), true);
    assert.equal(findText(nodes, 'missing'), false);
  });

  it('forEachNode visits in document order, titles first', () => {
    const types: string[] = [];
    forEachNode(parse('a[info][title]T[/title][qt]q[/qt][/info][hr]'), (n) => types.push(n.type));
    assert.deepStrictEqual(types, ['text', 'info', 'text', 'quote', 'text', 'hr']);
  });
});
