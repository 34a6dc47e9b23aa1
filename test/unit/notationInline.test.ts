// Links and emoticons inside text: URL boundaries, longest-match emoticons, and where neither applies.

import assert from 'node:assert/strict';
import { EMOTICONS, emoticonAssetUrl, emoticonByCode, findUrls, matchEmoticonAt, parse, urlEndAt, type NotationNode } from '../../src/notation';

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
    // The scheme in any case, and nothing else.
    ['hTtP://a.b HttpS://c.d httpS://e.f', ['hTtP://a.b', 'HttpS://c.d', 'httpS://e.f']],
    ['htp://a.b hxtp://a.b htxp://a.b httx://a.b httpx://a.b https:/a.b https//a.b', []],
    // Not glued to a letter or digit before it; anything else may come before.
    ['0https://a.b 9https://a.b Ahttps://a.b Zhttps://a.b ahttps://a.b zhttps://a.b', []],
    ['/https://a.b :https://c.d @https://e.f', ['https://a.b', 'https://c.d', 'https://e.f']],
    ['[https://a.b `https://c.d {https://e.f', ['https://a.b', 'https://c.d', 'https://e.f']],
    // The host starts with a letter or digit.
    ['https://0.b https://9.b https://A.b https://Z.b https://a.b https://z.b', ['https://0.b', 'https://9.b', 'https://A.b', 'https://Z.b', 'https://a.b', 'https://z.b']],
    ['https://-a.b https:///a.b https://.a.b https://', []],
    // A URL that ends at a character it cannot contain, right before the next one.
    ['https://a.b<https://c.d>', ['https://a.b', 'https://c.d']],
    ['https://a.b/日本https://c.d', ['https://a.b/', 'https://c.d']],
    // Trailing punctuation, and unbalanced closing parentheses, in any mix.
    ["https://a.b/x?!.,:;'*", ['https://a.b/x']],
    ['https://a.b/x).)', ['https://a.b/x']],
    ['https://a.b/(x).', ['https://a.b/(x)']],
    ['https://a.b/x)(', ['https://a.b/x)(']],
    ['https://a.b/x)y', ['https://a.b/x)y']],
    // A scheme without its `://`, first in the text.
    ['https:/ab.c', []],
    ['http:xyz.c', []],
    ['https//ab.c', []],
  ];
  for (const [text, expected] of cases) {
    it(`finds ${JSON.stringify(expected)} in ${JSON.stringify(text)}`, () => assert.deepStrictEqual(urlsIn(text), expected));
  }

  it('urlEndAt stops at the limit it is given', () => {
    const text = 'see https://example.com/path';
    assert.equal(urlEndAt(text, 4), text.length);
    assert.equal(urlEndAt(text, 4, 16), 16); // https://example.
    assert.equal(urlEndAt(text, 4, 15), 15);
    assert.equal(urlEndAt(text, 4, 12), -1); // https://: no host
    assert.equal(urlEndAt(text, 4, 13), 13); // https://e
    assert.equal(urlEndAt(text, 5), -1);
  });

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

  it('matchEmoticonAt: the longest code at an index, within the limit', () => {
    assert.equal(matchEmoticonAt('a(coffee)b', 1)?.name, 'coffee');
    assert.equal(matchEmoticonAt('a(coffee)b', 0), undefined);
    assert.equal(matchEmoticonAt('a(coffee)b', 1, 8), undefined);
    assert.equal(matchEmoticonAt(']:)', 0, 2), undefined);
    assert.equal(matchEmoticonAt(']:)', 0)?.name, 'grin');
    assert.equal(matchEmoticonAt(']:)', 1)?.name, 'smile');
    assert.equal(matchEmoticonAt(':)', 0, 1), undefined);
    assert.equal(matchEmoticonAt('(^^;', 0), undefined);
    assert.equal(matchEmoticonAt('(^)', 0)?.name, 'cake');
    assert.equal(matchEmoticonAt('(\u3042)', 0), undefined);
  });

  it('asset URL', () => {
    assert.equal(emoticonAssetUrl('smile'), 'https://assets.chatwork.com/images/emoticon2x/emo_smile.gif');
  });
});
