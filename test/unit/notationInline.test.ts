// Links and emoticons inside text: URL boundaries, longest-match emoticons, and where neither applies.

import assert from 'node:assert/strict';
import { EMOTICONS, emoticonAssetUrl, emoticonByCode, findUrls, parse, type NotationNode } from '../../src/notation';

const t = (text: string): NotationNode => ({ type: 'text', text });
const link = (url: string): NotationNode => ({ type: 'link', url });
const emo = (code: string): NotationNode => {
  const info = emoticonByCode(code);
  assert.ok(info, code);
  return { type: 'emoticon', code, name: info.name };
};

function urlsIn(text: string): string[] {
  return findUrls(text).map((r) => text.slice(r.start, r.end));
}

describe('notation links', () => {
  const cases: ReadonlyArray<readonly [string, string[]]> = [
    ['see https://example.com/a?b=1&c=2#x now', ['https://example.com/a?b=1&c=2#x']],
    ['http://example.com.', ['http://example.com']],
    ['Look: https://example.com/path, then https://b.example/x!', ['https://example.com/path', 'https://b.example/x']],
    ['(https://example.com/x)', ['https://example.com/x']],
    ['https://en.wikipedia.org/wiki/Foo_(bar)', ['https://en.wikipedia.org/wiki/Foo_(bar)']],
    ['(see https://en.wikipedia.org/wiki/Foo_(bar))', ['https://en.wikipedia.org/wiki/Foo_(bar)']],
    ['「https://example.com/a」を見て', ['https://example.com/a']],
    ['https://example.com/です。', ['https://example.com/']],
    ['<https://example.com/x>', ['https://example.com/x']],
    ['"https://example.com/q"', ['https://example.com/q']],
    ["'https://example.com/q'", ['https://example.com/q']],
    ['HTTPS://EXAMPLE.COM/X', ['HTTPS://EXAMPLE.COM/X']],
    ['https://example.com/a:b?', ['https://example.com/a:b']],
    ['ftp://example.com https:// http:/x xhttps://a.b', []],
    ['https://a.b/1 https://c.d/2', ['https://a.b/1', 'https://c.d/2']],
    ['https://example.com:8080/x;y', ['https://example.com:8080/x;y']],
  ];
  for (const [text, expected] of cases) {
    it(`finds ${JSON.stringify(expected)} in ${JSON.stringify(text)}`, () => assert.deepStrictEqual(urlsIn(text), expected));
  }

  it('links inside parsed text, trailing punctuation left as text', () => {
    assert.deepStrictEqual(parse('Docs: https://example.com/docs).'), [t('Docs: '), link('https://example.com/docs'), t(').')]);
  });

  it('does not link inside code or tag attributes', () => {
    assert.deepStrictEqual(parse('[code]https://a.b[/code]'), [{ type: 'code', text: 'https://a.b' }]);
    assert.deepStrictEqual(parse('[download:1]https://a.b[/download]'), [{ type: 'download', fileId: 1, label: 'https://a.b' }]);
  });

  it('does not link inside the attributes of a broken tag', () => {
    assert.deepStrictEqual(parse('[rp aid=1 to=https://a.b/x]'), [t('[rp aid=1 to=https://a.b/x]')]);
  });

  it('links inside titles, quotes and tasks', () => {
    assert.deepStrictEqual(parse('[info][title]https://a.b[/title][/info]'), [{ type: 'info', title: [link('https://a.b')], children: [] }]);
    assert.deepStrictEqual(parse('[qt]https://a.b[/qt]'), [{ type: 'quote', children: [link('https://a.b')] }]);
  });
});

describe('notation emoticons', () => {
  it('has the 49 emoticons of the picker, each unique and with a fallback', () => {
    assert.equal(EMOTICONS.length, 49);
    assert.equal(new Set(EMOTICONS.map((e) => e.code)).size, 49);
    assert.equal(new Set(EMOTICONS.map((e) => e.name)).size, 49);
    for (const e of EMOTICONS) {
      assert.ok(e.unicode.length > 0 && e.title.length > 0, e.code);
      assert.deepStrictEqual(parse(e.code), [{ type: 'emoticon', code: e.code, name: e.name }], e.code);
    }
  });

  it('prefers the longest code', () => {
    assert.deepStrictEqual(parse(']:) :#) :^) (^^;) (^) 8-| 8-)'), [
      emo(']:)'), t(' '), emo(':#)'), t(' '), emo(':^)'), t(' '), emo('(^^;)'), t(' '), emo('(^)'), t(' '), emo('8-|'), t(' '), emo('8-)'),
    ]);
  });

  it('is case-sensitive', () => {
    assert.deepStrictEqual(parse('(F)(f):D:d:p:P'), [emo('(F)'), t('(f)'), emo(':D'), t(':d'), emo(':p'), t(':P')]);
  });

  it('adjacent emoticons and text', () => {
    assert.deepStrictEqual(parse('ok:)(coffee)!'), [t('ok'), emo(':)'), emo('(coffee)'), t('!')]);
  });

  it('not inside code, URLs or tag attributes', () => {
    assert.deepStrictEqual(parse('[code]:) (y)[/code]'), [{ type: 'code', text: ':) (y)' }]);
    assert.deepStrictEqual(parse('https://example.com/:p/8-)'), [link('https://example.com/:p/8-'), t(')')]);
    assert.deepStrictEqual(parse('[To:abc:)] [preview id=(y) ht=1]'), [t('[To:abc:)] [preview id=(y) ht=1]')]);
    assert.deepStrictEqual(parse('[To:abc]:)'), [t('[To:abc]'), emo(':)')]);
    assert.deepStrictEqual(parse('[unknown (y)]'), [t('[unknown '), emo('(y)'), t(']')]);
    assert.deepStrictEqual(parse('[task aid=1 st=open lt=0]:)[/task]'), [
      { type: 'task', assigneeIds: [1], status: 'open', limitTime: 0, children: [emo(':)')] },
    ]);
  });

  it('an emoticon right after a URL', () => {
    assert.deepStrictEqual(parse('https://example.com/foo:)'), [link('https://example.com/foo'), emo(':)')]);
  });

  it('asset URL', () => {
    assert.equal(emoticonAssetUrl('smile'), 'https://assets.chatwork.com/images/emoticon2x/emo_smile.gif');
  });
});
