// Code references in message text: what becomes a link back into the workspace, and what must not.

import assert from 'node:assert/strict';
import { findCodeRefs, parseCodeRef, type CodeRef } from '../../src/notation/codeRefs';

type Found = Pick<CodeRef, 'path' | 'startLine' | 'endLine' | 'column'> & { text: string };

function refsIn(text: string): Found[] {
  return findCodeRefs(text).map((r) => ({
    text: text.slice(r.start, r.end),
    path: r.path,
    startLine: r.startLine,
    endLine: r.endLine,
    ...(r.column === undefined ? {} : { column: r.column }),
  }));
}

const ref = (text: string, path: string, startLine: number, endLine = startLine, column?: number): Found => ({
  text, path, startLine, endLine, ...(column === undefined ? {} : { column }),
});

describe('code references: found', () => {
  const cases: ReadonlyArray<readonly [string, Found[]]> = [
    ['src/a.ts:10', [ref('src/a.ts:10', 'src/a.ts', 10)]],
    ['see src/a.ts:L10-24 please', [ref('src/a.ts:L10-24', 'src/a.ts', 10, 24)]],
    ['src/a.ts:L10', [ref('src/a.ts:L10', 'src/a.ts', 10)]],
    ['src/a.ts:L10-L20', [ref('src/a.ts:L10-L20', 'src/a.ts', 10, 20)]],
    ['src/a.ts:10-20', [ref('src/a.ts:10-20', 'src/a.ts', 10, 20)]],
    ['src/a.ts#L10-L20', [ref('src/a.ts#L10-L20', 'src/a.ts', 10, 20)]],
    ['src/a.ts#L7', [ref('src/a.ts#L7', 'src/a.ts', 7)]],
    ['src/a.ts:12:5: error TS2304', [ref('src/a.ts:12:5', 'src/a.ts', 12, 12, 5)]],
    ['a.ts:3', [ref('a.ts:3', 'a.ts', 3)]],
    ['README.md:1', [ref('README.md:1', 'README.md', 1)]],
    ['./src/a.ts:4', [ref('./src/a.ts:4', './src/a.ts', 4)]],
    ['../lib/b.py:4', [ref('../lib/b.py:4', '../lib/b.py', 4)]],
    ['.github/workflows/ci.yml:12', [ref('.github/workflows/ci.yml:12', '.github/workflows/ci.yml', 12)]],
    ['.eslintrc.js:2', [ref('.eslintrc.js:2', '.eslintrc.js', 2)]],
    ['node_modules/@types/node/fs.d.ts:100', [ref('node_modules/@types/node/fs.d.ts:100', 'node_modules/@types/node/fs.d.ts', 100)]],
    ['docker/Dockerfile:3 and Makefile:20', [ref('docker/Dockerfile:3', 'docker/Dockerfile', 3), ref('Makefile:20', 'Makefile', 20)]],
    ['/home/taro/p/src/a.ts:9', [ref('/home/taro/p/src/a.ts:9', '/home/taro/p/src/a.ts', 9)]],
    ['C:\\work\\p\\src\\a.ts:9', [ref('C:\\work\\p\\src\\a.ts:9', 'C:\\work\\p\\src\\a.ts', 9)]],
    ['(src/a.ts:10)', [ref('src/a.ts:10', 'src/a.ts', 10)]],
    ['`src/a.ts:10`', [ref('src/a.ts:10', 'src/a.ts', 10)]],
    ['src/a.ts:10.', [ref('src/a.ts:10', 'src/a.ts', 10)]],
    ['src/a.ts:10, src/b.ts:L2-3', [ref('src/a.ts:10', 'src/a.ts', 10), ref('src/b.ts:L2-3', 'src/b.ts', 2, 3)]],
    ['「src/a.ts:10」を見てください', [ref('src/a.ts:10', 'src/a.ts', 10)]],
    ['これはsrc/a.ts:10です', [ref('src/a.ts:10', 'src/a.ts', 10)]],
    ['src/a.ts:L24-10', [ref('src/a.ts:L24-10', 'src/a.ts', 10, 24)]],
    ['[title]src/api/client.ts:L10-24 (typescript)[/title]', [ref('src/api/client.ts:L10-24', 'src/api/client.ts', 10, 24)]],
    ['/hosts:3', [ref('/hosts:3', '/hosts', 3)]],
    ['bin/run:7', [ref('bin/run:7', 'bin/run', 7)]],
    ['docs/example.com:2', [ref('docs/example.com:2', 'docs/example.com', 2)]],
    ['これはREADME.md:1です', [ref('README.md:1', 'README.md', 1)]],
    ['see .eslintrc.js:2', [ref('.eslintrc.js:2', '.eslintrc.js', 2)]],
    ['.eslintrc.js:2 を見て', [ref('.eslintrc.js:2', '.eslintrc.js', 2)]],
    // Only a name of dots alone is refused.
    ['src/a.:3', [ref('src/a.:3', 'src/a.', 3)]],
    ['src/a.ts:10:0', [ref('src/a.ts:10:0', 'src/a.ts', 10)]],
    ['src/a.ts:10-20:5', [ref('src/a.ts:10-20:5', 'src/a.ts', 10, 20)]],
    ['src/a.ts:1:1', [ref('src/a.ts:1:1', 'src/a.ts', 1, 1, 1)]],
    ['see https://example.com/x and src/a.ts:10', [ref('src/a.ts:10', 'src/a.ts', 10)]],
    ['src/a.ts:10 https://example.com/x', [ref('src/a.ts:10', 'src/a.ts', 10)]],
  ];
  for (const [text, expected] of cases) {
    it(`finds ${expected.map((e) => e.text).join(', ')} in ${JSON.stringify(text)}`, () => assert.deepEqual(refsIn(text), expected));
  }
});

describe('code references: not found', () => {
  const cases = [
    'http://host:8080',
    'https://localhost:3000/path',
    'http://example.com:8080/a.ts:10',
    'https://github.com/o/r/blob/main/src/a.ts#L10-L20',
    'meet at 10:30',
    '10:30-11:00',
    '12:30:45',
    '午前10:30に',
    'localhost:3000',
    'example.com:8080',
    'api.example.co.jp:443',
    'user@host.com:22',
    'v1.2:3',
    'ratio 16:9',
    'a:1',
    'src/a.ts:0',
    'src/a.ts:',
    'src/a.ts:abc',
    'src/a.ts:10x',
    'src/a.ts:10.5',
    'foo.ts:12345678',
    '設計.md:3',
    'mailto:x@y.ts:1',
    'todo:1',
    'src/a.ts:0-3',
    'src/a.ts:3-0',
    'src/..:3',
    '2024/12/25:3',
    '~notes:3',
    'https://example.com/?file=src/a.ts:10',
  ];
  for (const text of cases) {
    it(`finds nothing in ${JSON.stringify(text)}`, () => assert.deepEqual(refsIn(text), []));
  }
});

describe('code references: one reference typed alone', () => {
  it('parses a whole string', () => {
    assert.deepEqual(parseCodeRef('  src/a.ts:L3-4 '), { start: 0, end: 13, path: 'src/a.ts', startLine: 3, endLine: 4 });
    assert.equal(parseCodeRef('"src/a.ts:3"')?.startLine, 3);
    assert.equal(parseCodeRef('((src/a.ts:3))')?.startLine, 3);
    assert.equal(parseCodeRef('「src/a.ts:L5」')?.startLine, 5);
  });

  it('refuses text around it or several references', () => {
    assert.equal(parseCodeRef('see src/a.ts:3'), undefined);
    assert.equal(parseCodeRef('src/a.ts:3 src/b.ts:4'), undefined);
    assert.equal(parseCodeRef('src/a.ts'), undefined);
    assert.equal(parseCodeRef('src/a.ts:3 see'), undefined);
    // Quotes are only taken off the ends.
    assert.equal(parseCodeRef('src/"a.ts:3'), undefined);
    assert.equal(parseCodeRef('"src/a.ts:3" and "b"'), undefined);
  });
});

describe('code references: long input', () => {
  // No clock here (a loaded machine or mutation testing slows every test): a quadratic scan of these
  // 200,000 characters would take minutes and end in mocha's timeout; linear is a few milliseconds.
  it('stays linear on long paths without a line number', () => {
    const text = 'a/'.repeat(50_000) + ' ' + 'x.'.repeat(50_000) + ' src/z.ts:1';
    const refs = findCodeRefs(text);
    assert.deepEqual(refs.map((r) => r.path), ['src/z.ts']);
  });
});
