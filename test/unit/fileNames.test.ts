import * as assert from 'assert';
import { MAX_FILE_NAME_BYTES, sanitizeFileName } from '../../src/common/fileNames';

describe('sanitizeFileName', () => {
  it('keeps ordinary names, Unicode included', () => {
    assert.strictEqual(sanitizeFileName('report.pdf'), 'report.pdf');
    assert.strictEqual(sanitizeFileName('議事録 2025-04.docx'), '議事録 2025-04.docx');
    assert.strictEqual(sanitizeFileName('Ünïcödé ✓ 😀.txt'), 'Ünïcödé ✓ 😀.txt');
  });

  it('never climbs out of the folder: ../ and slashes are gone', () => {
    assert.strictEqual(sanitizeFileName('../../etc/passwd'), 'etc_passwd');
    assert.strictEqual(sanitizeFileName('..\\..\\Windows\\win.ini'), 'Windows_win.ini');
    assert.strictEqual(sanitizeFileName('/absolute/path.txt'), 'absolute_path.txt');
    assert.strictEqual(sanitizeFileName('a/./b/../c.txt'), 'a_b_c.txt');
    for (const name of ['..', '.', '../', '/', '\\']) assert.strictEqual(sanitizeFileName(name), 'download', name);
  });

  it('removes NUL, control characters and bidi overrides', () => {
    assert.strictEqual(sanitizeFileName('a\u0000b\u0007c\n\r\t.txt'), 'abc.txt');
    assert.strictEqual(sanitizeFileName('invoice\u202Efdp.exe'), 'invoicefdp.exe');
    assert.strictEqual(sanitizeFileName('x\u007f\u0085y'), 'xy');
  });

  it('replaces characters Windows refuses', () => {
    assert.strictEqual(sanitizeFileName('what? <yes>: "a|b"*.txt'), 'what_ _yes__ _a_b__.txt');
  });

  it('renames reserved Windows device names, with or without an extension', () => {
    for (const name of ['CON', 'con.txt', 'PRN', 'aux.tar.gz', 'NUL', 'com1', 'LPT9.log']) {
      assert.strictEqual(sanitizeFileName(name), `_${name}`, name);
    }
    assert.strictEqual(sanitizeFileName('console.txt'), 'console.txt');
    assert.strictEqual(sanitizeFileName('com10'), 'com10');
  });

  it('drops trailing dots and spaces and leading dots', () => {
    assert.strictEqual(sanitizeFileName('name. . '), 'name');
    assert.strictEqual(sanitizeFileName('...hidden'), 'hidden');
    assert.strictEqual(sanitizeFileName('  spaced  .txt  '), 'spaced  .txt');
  });

  it('falls back to "download" when nothing is left', () => {
    assert.strictEqual(sanitizeFileName(''), 'download');
    assert.strictEqual(sanitizeFileName('\u0000\u0001'), 'download');
    assert.strictEqual(sanitizeFileName(' . '), 'download');
  });

  it('trims long names to the byte limit, keeping the extension and whole characters', () => {
    const long = sanitizeFileName(`${'a'.repeat(500)}.pdf`);
    assert.strictEqual(Buffer.byteLength(long), MAX_FILE_NAME_BYTES);
    assert.ok(long.endsWith('.pdf'));
    const japanese = sanitizeFileName(`${'資料'.repeat(100)}.xlsx`);
    assert.ok(Buffer.byteLength(japanese) <= MAX_FILE_NAME_BYTES);
    assert.ok(japanese.endsWith('資料.xlsx') || japanese.endsWith('資.xlsx'));
    const emoji = sanitizeFileName('😀'.repeat(100), 10);
    assert.strictEqual(emoji, '😀😀'); // 4 bytes each: never half a surrogate pair
  });

  it('normalizes to NFC so the same name is the same file', () => {
    assert.strictEqual(sanitizeFileName('ガ.txt'.normalize('NFD')), 'ガ.txt'.normalize('NFC'));
  });
});
