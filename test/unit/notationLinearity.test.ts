// parse() and toPlainText() must do work linear in the body's length on every input, including the
// shapes that make naive parsers quadratic: unterminated tags (each opener searching to the end for
// its close), deep nesting, runs of emoticon-like characters, long URLs. Counted, not timed: while
// the body is parsed, the string, array, map and regex methods the code calls are wrapped to add up
// how much they read or write, and doubling the body must about double that total (quadratic work
// quadruples it). Speed itself is measured by the benchmark (test/bench/parserBench.ts).

import assert from 'node:assert/strict';
import { parse, toPlainText } from '../../src/notation';

type Cost = (self: { length: number }, args: unknown[], result: unknown) => number;

const len = (value: unknown): number => (typeof value === 'string' ? value.length : 0);

/** What each wrapped call costs, roughly in characters read or written. */
const COSTS: ReadonlyArray<readonly [target: object, method: string, cost: Cost]> = [
  [String.prototype, 'charCodeAt', () => 1],
  [String.prototype, 'charAt', () => 1],
  [String.prototype, 'startsWith', (_self, [needle]) => 1 + len(needle)],
  [String.prototype, 'includes', (self) => 1 + self.length],
  [
    String.prototype,
    'indexOf',
    // The characters a forward search reads: from `from` to the hit, or to the end.
    (self, [needle, from], result) => {
      const start = Math.max(0, Number(from ?? 0) || 0);
      const stop = typeof result === 'number' && result >= 0 ? result + len(needle) : self.length;
      return 1 + Math.max(0, stop - start);
    },
  ],
  [String.prototype, 'slice', (_self, _args, result) => 1 + len(result)],
  [String.prototype, 'split', (self) => 1 + self.length],
  [String.prototype, 'toLowerCase', (self) => 1 + self.length],
  [String.prototype, 'trim', (self) => 1 + self.length],
  [String.prototype, 'trimEnd', (self) => 1 + self.length],
  [String.prototype, 'replace', (self) => 1 + self.length],
  [RegExp.prototype, 'test', (_self, [input]) => 1 + len(input)],
  [RegExp.prototype, 'exec', (_self, [input]) => 1 + len(input)],
  [Array.prototype, 'push', (_self, args) => args.length],
  [Array.prototype, 'pop', () => 1],
  [Array.prototype, 'map', (self) => 1 + self.length],
  [Array.prototype, 'find', (self) => 1 + self.length],
  [Array.prototype, 'join', (self, _args, result) => 1 + self.length + len(result)],
  [Map.prototype, 'get', () => 1],
  [Map.prototype, 'set', () => 1],
  [Map.prototype, 'has', () => 1],
];

/** The work `run` does, as the sum of the costs of the wrapped calls it makes. */
function countWork(run: () => void): number {
  let work = 0;
  const originals = COSTS.map(([target, method]) => (target as Record<string, unknown>)[method] as (...args: unknown[]) => unknown);
  COSTS.forEach(([target, method, cost], i) => {
    const original = originals[i] as (...args: unknown[]) => unknown;
    (target as Record<string, unknown>)[method] = function (this: { length: number }, ...args: unknown[]): unknown {
      const result = original.apply(this, args);
      work += cost(this, args, result);
      return result;
    };
  });
  try {
    run();
  } finally {
    COSTS.forEach(([target, method], i) => {
      (target as Record<string, unknown>)[method] = originals[i];
    });
  }
  return work;
}

/** `unit` repeated to at least `length` characters. */
const fill = (unit: string, length: number): string => unit.repeat(Math.ceil(length / unit.length));

// Each makes a body of about `n` characters (at least MAX_TAG_LENGTH and far more than MAX_NESTING tags).
const SHAPES: ReadonlyArray<readonly [name: string, body: (n: number) => string]> = [
  ['[info][title][code repeated', (n) => fill('[info][title][code', n)],
  ['unterminated [qt]', (n) => fill('[qt]', n)],
  ['unterminated [qt] with text', (n) => fill('[qt]a', n)],
  ['unterminated [qt][qtmeta]', (n) => fill('[qt][qtmeta aid=1 time=2]x', n)],
  ['unterminated [task …]', (n) => fill('[task aid=1 st=open lt=0]x', n)],
  ['[task without ]', (n) => fill('[task', n)],
  ['[task aid=… without ] until the end', (n) => fill('[task aid=1', n) + ']'],
  ['unterminated [download:1]', (n) => fill('[download:1]x', n)],
  ['[download: without ]', (n) => fill('[download:', n)],
  ['unterminated [code]', (n) => fill('[code]x', n)],
  ['[code] repeated, one [/code] at the end', (n) => fill('[code]', n) + '[/code]'],
  ['[rp without ]', (n) => fill('[rp', n)],
  ['[rp aid=… without ] until the end', (n) => fill('[rp aid=1 to=2-', n) + ']'],
  ['[ without ]', (n) => fill('[', n)],
  ['[ and words without ]', (n) => fill('[ab ', n)],
  ['] without [', (n) => fill(']', n)],
  ['one [ and a long run', (n) => '[' + fill('a', n)],
  ['unknown tags closed at the end', (n) => fill('[a ', n) + ']'],
  ['[To: repeated', (n) => fill('[To:', n) + '1]'],
  ['emoticon-like soup', (n) => fill('(((((:):(::)]]:)(^^;(^)', n)],
  ['( run', (n) => fill('(', n)],
  [': run', (n) => fill(':', n)],
  ['near-miss emoticons', (n) => fill('(handshak(lightbul8-', n)],
  ['emoticons back to back', (n) => fill(':)(coffee)]:)(^^;)', n)],
  ['a long URL', (n) => 'https://example.com/' + fill('x', n)],
  ['a URL of parentheses', (n) => 'https://a.b/' + fill('(', n / 2) + fill(')', n / 2)],
  ['a URL with trailing dots', (n) => 'https://a.b/' + fill('.', n)],
  ['a URL with trailing )', (n) => 'https://a.b/' + fill(')', n)],
  ['URL soup', (n) => fill('https://a.b/((((())))))...,,,', n)],
  ['h soup', (n) => fill('hhttp:/https:/', n)],
  ['newlines', (n) => fill('\n', n) + '[qt]x[/qt]'],
  ['newlines in an info box', (n) => '[info]' + fill('\n', n) + '[title]x[/title]'],
  ['title spam', (n) => '[info]x' + fill('[title]', n)],
  ['title spam inside a title', (n) => '[info][title]' + fill('[title]', n)],
  ['titles after blank text', (n) => '[info]' + fill(' ', n / 2) + 'x' + fill('[title]', n / 2)],
  ['stray closes', (n) => fill('[/qt][/info][/title][/task]', n)],
  ['deep nesting', (n) => fill('[qt]', n / 2) + 'x' + fill('[/qt]', n / 2)],
  ['closes of what is not open, deep inside', (n) => '[qt][info]'.repeat(16) + fill('[/task]x', n)],
  ['crossed closes', (n) => fill('[info][qt]x[/info]', n)],
  ['realistic chat', (n) => fill('[To:1]Yamada-san\nお疲れ様です :) https://example.com/a?b=1 [qt][qtmeta aid=2 time=3]前[/qt][info][title]T[/title]x[/info]\n', n)],
];

const N = 30_000;

describe('notation linearity (counted work)', () => {
  it('the counter sees quadratic work as quadratic', () => {
    // Every position searching to the end: the mistake this file guards against.
    const quadratic = (body: string) => () => {
      for (let i = 0; i < body.length; i += 10) body.indexOf('#', i);
    };
    const ratio = countWork(quadratic('x'.repeat(2 * N))) / countWork(quadratic('x'.repeat(N)));
    assert.ok(ratio > 3.5, `ratio ${ratio}`);
  });

  for (const [name, body] of SHAPES) {
    it(`linear: ${name}`, () => {
      const small = body(N);
      const large = body(2 * N);
      const work = (text: string) => countWork(() => toPlainText(parse(text)));
      const a = work(small);
      const b = work(large);
      // Linear work doubles with the body (a little less, fixed costs do not grow); quadratic quadruples.
      const ratio = b / a / (large.length / small.length);
      assert.ok(ratio < 1.25, `${name}: work ${a} → ${b} for ${small.length} → ${large.length} characters (×${(b / a).toFixed(2)})`);
    });
  }
});
