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

  // What a reader sees of each pathological body: its plain text (what the tree, toasts and the
  // panel's text fallback show) and the one-line preview. None of these is notation that closes, so the
  // text comes back character for character, except where noted.
  interface Pathological {
    name: string;
    body: string;
    /** The expected plain text; the body itself when absent. */
    plain?: string;
    /** More that the reader must see. */
    also?: (nodes: NotationNode[]) => void;
  }
  const urlSoupTail = '))))))...,,,';
  const pathological: readonly Pathological[] = [
    { name: 'lone [ characters', body: '['.repeat(500_000) },
    { name: 'lone ] characters', body: ']'.repeat(500_000) },
    { name: '[a without closes', body: '[a'.repeat(250_000) },
    { name: 'unterminated [code] repeated', body: '[code]'.repeat(100_000) },
    { name: 'unterminated [download] repeated', body: '[download:1]'.repeat(50_000) },
    { name: 'stray closes', body: '[/qt][/info][/title][/task]'.repeat(30_000) },
    { name: 'title spam', body: '[info]x' + '[title]'.repeat(100_000) },
    { name: 'title spam inside a title', body: '[info][title]' + '[title]'.repeat(100_000) },
    { name: 'qtmeta spam', body: '[qt][qtmeta aid=1 time=2]'.repeat(40_000) },
    { name: 'a huge tag', body: '[' + 'a'.repeat(500_000) + ']' },
    { name: 'a huge attribute list', body: '[task aid=' + '1,'.repeat(200_000) + '1 st=open lt=0]x[/task]' },
    {
      // :) smile 😃, :( sad 😔, ]:) grin 😏, ;( tears 😢; the rest is no emoticon and stays as typed.
      name: 'emoticon soup',
      body: '(((((:):(::)]]:)(^^;(^)'.repeat(40_000),
      plain: '(((((😃😔:😃]😏(^^😢^)'.repeat(40_000),
    },
    {
      // One link up to the last balanced parenthesis; the unbalanced ")" and the trailing dots and
      // commas are text after it.
      name: 'URL soup',
      body: 'https://a.b/((((())))))...,,,'.repeat(30_000),
      also: (nodes) => {
        const body = 'https://a.b/((((())))))...,,,'.repeat(30_000);
        assert.deepEqual(nodes, [
          { type: 'link', url: body.slice(0, -urlSoupTail.length) },
          { type: 'text', text: urlSoupTail },
        ]);
      },
    },
    { name: 'h soup', body: 'hhttp:/https:/'.repeat(70_000) },
    {
      name: 'newlines',
      body: '\n'.repeat(500_000) + '[qt]x[/qt]',
      plain: '\n'.repeat(500_000) + '> x',
    },
    {
      // Lone surrogates and NULs are kept; a [To:] with a NUL in it is no mention.
      name: 'surrogates and controls',
      body: '\ud83d\u0000\ud800[To:1\u0000]\udfff'.repeat(50_000),
      also: (nodes) => assert.deepEqual(nodes.map((n) => n.type), ['text']),
    },
  ];
  for (const { name, body, plain = body, also } of pathological) {
    it(`reads as the text it is: ${name}`, () => {
      const nodes = parse(body);
      assert.equal(toPlainText(nodes), plain);
      // The preview is the first line's worth: 79 characters and an ellipsis (or the whole short text).
      const oneLine = plain.replace(/\s+/g, ' ').trim();
      assert.equal(toOneLine(nodes, 80), oneLine.length > 80 ? oneLine.slice(0, 79) + '…' : oneLine);
      assert.equal(toSource(nodes), body);
      also?.(nodes);
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
