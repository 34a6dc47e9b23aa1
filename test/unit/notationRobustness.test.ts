// parse() on hostile input: huge bodies, deep nesting, random tag soup. Nothing here asserts times;
// a quadratic parser would show up as these tests timing out.

import assert from 'node:assert/strict';
import { forEachNode, MAX_NESTING, parse, toOneLine, toPlainText, type NotationNode } from '../../src/notation';
import { randomBody, rng, toSource } from '../fixtures/notation/tagSoup';

function depth(nodes: readonly NotationNode[]): number {
  let max = 0;
  for (const n of nodes) {
    const lists = n.type === 'quote' || n.type === 'task' ? [n.children] : n.type === 'info' ? [n.title ?? [], n.children] : [];
    for (const list of lists) max = Math.max(max, 1 + depth(list));
  }
  return max;
}

/** The visible characters a reader must find in the plain text: text, code, link and download labels. */
function literalChars(nodes: readonly NotationNode[]): string {
  let s = '';
  forEachNode(nodes, (n) => {
    if (n.type === 'text' || n.type === 'code') s += n.text;
    else if (n.type === 'link') s += n.url;
    else if (n.type === 'download') s += n.label;
  });
  return s.replace(/\s/g, '');
}

function isSubsequence(needle: string, haystack: string): boolean {
  let j = 0;
  for (let i = 0; i < haystack.length && j < needle.length; i++) if (haystack[i] === needle[j]) j++;
  return j === needle.length;
}

describe('notation robustness', () => {
  it('a 1 MB realistic body', () => {
    const chunk = '[To:1]Yamada-san\nお疲れ様です :) https://example.com/a?b=1 [qt][qtmeta aid=2 time=3]前[/qt][info][title]T[/title]x[/info]\n';
    const body = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    const nodes = parse(body);
    assert.ok(nodes.length > 1000);
    assert.ok(toOneLine(nodes, 200).length <= 200);
  });

  it('a 1 MB body of one text run', () => {
    const body = 'x'.repeat(1_000_000);
    assert.deepStrictEqual(parse(body), [{ type: 'text', text: body }]);
  });

  it('100k nested [qt]: depth is capped and nothing is lost', () => {
    const n = 100_000;
    const body = '[qt]'.repeat(n) + 'deep' + '[/qt]'.repeat(n);
    const nodes = parse(body);
    assert.equal(depth(nodes), MAX_NESTING);
    assert.equal(toSource(nodes).length, body.length);
    assert.ok(toPlainText(nodes).includes('deep'));
  });

  it('100k unclosed [qt] come back as text', () => {
    const body = '[qt]'.repeat(100_000);
    assert.deepStrictEqual(parse(body), [{ type: 'text', text: body }]);
  });

  it('alternating containers nested deeply', () => {
    const body = '[info][qt][task aid=1 st=open lt=0]'.repeat(20_000) + 'x' + '[/task][/qt][/info]'.repeat(20_000);
    const nodes = parse(body);
    assert.ok(depth(nodes) <= MAX_NESTING);
    assert.equal(toSource(nodes).length, body.length);
  });

  const pathological: ReadonlyArray<readonly [string, string]> = [
    ['lone [ characters', '['.repeat(500_000)],
    ['lone ] characters', ']'.repeat(500_000)],
    ['[a without closes', '[a'.repeat(250_000)],
    ['unterminated [code] repeated', '[code]'.repeat(100_000)],
    ['unterminated [download] repeated', '[download:1]'.repeat(50_000)],
    ['stray closes', '[/qt][/info][/title][/task]'.repeat(30_000)],
    ['title spam', '[info]x' + '[title]'.repeat(100_000)],
    ['title spam inside a title', '[info][title]' + '[title]'.repeat(100_000)],
    ['qtmeta spam', '[qt][qtmeta aid=1 time=2]'.repeat(40_000)],
    ['a huge tag', '[' + 'a'.repeat(500_000) + ']'],
    ['a huge attribute list', '[task aid=' + '1,'.repeat(200_000) + '1 st=open lt=0]x[/task]'],
    ['emoticon soup', '(((((:):(::)]]:)(^^;(^)'.repeat(40_000)],
    ['URL soup', 'https://a.b/((((())))))...,,,'.repeat(30_000)],
    ['h soup', 'hhttp:/https:/'.repeat(70_000)],
    ['newlines', '\n'.repeat(500_000) + '[qt]x[/qt]'],
    ['surrogates and controls', '\ud83d\u0000\ud800[To:1\u0000]\udfff'.repeat(50_000)],
  ];
  for (const [name, body] of pathological) {
    it(`does not throw: ${name}`, () => {
      const nodes = parse(body);
      assert.ok(Array.isArray(nodes));
      toPlainText(nodes);
      toOneLine(nodes, 80);
    });
  }

  it('random tag soup: never throws, keeps every visible character, round-trips', () => {
    const next = rng(20240601);
    for (let i = 0; i < 3000; i++) {
      const body = randomBody(next, 1 + Math.floor(next() * 40));
      const nodes = parse(body);
      const text = toPlainText(nodes);
      assert.ok(isSubsequence(literalChars(nodes), text.replace(/\s/g, '')), `lost characters for ${JSON.stringify(body)}`);
      assert.deepStrictEqual(parse(toSource(nodes)), nodes, `unstable for ${JSON.stringify(body)}`);
    }
  });

  it('text without tags, links or emoticons is kept exactly', () => {
    const next = rng(7);
    const alphabet = 'abc xyz\n\t[]=-/日本語「」。、!?<>&"\'';
    for (let i = 0; i < 500; i++) {
      let body = '';
      const len = Math.floor(next() * 60);
      for (let j = 0; j < len; j++) body += alphabet[Math.floor(next() * alphabet.length)];
      const expected: NotationNode[] = body === '' ? [] : [{ type: 'text', text: body }];
      assert.deepStrictEqual(parse(body), expected, JSON.stringify(body));
      assert.equal(toPlainText(parse(body)), body);
    }
  });
});
