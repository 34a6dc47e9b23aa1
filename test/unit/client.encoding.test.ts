// Wire encoding of the API client without a server: form/query parameters and multipart bodies.
import * as assert from 'assert';
import { encodeParams } from '../../src/api/form';
import { buildMultipart } from '../../src/api/multipart';

describe('client encoding', () => {
  describe('encodeParams', () => {
    it('joins id lists with commas, sends booleans as 1/0 and leaves out undefined', () => {
      const text = encodeParams({ name: 'Web renewal', members_admin_ids: [123, 542, 1001], link: true, self_unread: false, description: undefined });
      assert.strictEqual(text, 'name=Web+renewal&members_admin_ids=123%2C542%2C1001&link=1&self_unread=0');
      const decoded = new URLSearchParams(text);
      assert.strictEqual(decoded.get('members_admin_ids'), '123,542,1001');
      assert.strictEqual(decoded.has('description'), false);
    });

    it('keeps message ids as the exact digit string', () => {
      const id = '1620000000001000003';
      assert.strictEqual(new URLSearchParams(encodeParams({ message_id: id })).get('message_id'), id);
    });

    it('encodes Japanese text and notation as UTF-8', () => {
      const body = '[To:1002]アリスさん\nよろしく & [info]ok[/info]';
      assert.strictEqual(new URLSearchParams(encodeParams({ body })).get('body'), body);
    });

    it('answers an empty string for no parameters', () => {
      assert.strictEqual(encodeParams(undefined), '');
      assert.strictEqual(encodeParams({ force: undefined }), '');
    });
  });

  describe('buildMultipart', () => {
    it('frames the file bytes and the text fields with one boundary', () => {
      const data = Uint8Array.from([0, 1, 2, 13, 10, 45, 45, 255]);
      const { contentType, body } = buildMultipart({ message: 'see attached' }, [
        { name: 'file', filename: 'a.bin', contentType: 'application/octet-stream', data },
      ]);
      const boundary = /^multipart\/form-data; boundary=(\S+)$/.exec(contentType)?.[1];
      assert.ok(boundary, contentType);
      const text = body.toString('latin1');
      assert.ok(text.startsWith(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`));
      const start = body.indexOf('\r\n\r\n') + 4;
      assert.deepStrictEqual([...body.subarray(start, start + data.length)], [...data]);
      assert.ok(text.includes(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="message"\r\n\r\nsee attached\r\n`));
      assert.ok(text.endsWith(`--${boundary}--\r\n`));
    });

    it('writes UTF-8 file names and escapes quotes and line breaks', () => {
      const { body } = buildMultipart({}, [{ name: 'file', filename: '報告 "v2"\r\n.txt', contentType: 'text/plain', data: new Uint8Array() }]);
      assert.ok(body.toString('utf8').includes('filename="報告 %22v2%22%0D%0A.txt"'));
    });

    it('escapes every quote and line break, in file names and field names alike', () => {
      const { body } = buildMultipart({ 'say "hi"\r\n': 'x' }, [{ name: 'a"b"c', filename: 'one\r\ntwo\r\nthree"', contentType: 'text/plain', data: new Uint8Array() }]);
      const text = body.toString('utf8');
      assert.ok(text.includes('name="a%22b%22c"; filename="one%0D%0Atwo%0D%0Athree%22"'), text);
      assert.ok(text.includes('Content-Disposition: form-data; name="say %22hi%22%0D%0A"\r\n\r\nx\r\n'), text);
    });

    it('sends exactly the bytes of a view into a larger buffer', () => {
      const whole = Uint8Array.from([9, 9, 1, 2, 3, 9]);
      const { body } = buildMultipart({}, [{ name: 'file', filename: 'v.bin', contentType: 'application/octet-stream', data: whole.subarray(2, 5) }]);
      const start = body.indexOf('\r\n\r\n') + 4;
      assert.deepStrictEqual([...body.subarray(start, start + 5)], [1, 2, 3, 13, 10]);
    });

    it('leaves out undefined fields and uses a fresh boundary each time', () => {
      const a = buildMultipart({ message: undefined }, []);
      const b = buildMultipart({}, []);
      assert.ok(!a.body.toString().includes('name="message"'));
      assert.notStrictEqual(a.contentType, b.contentType);
    });
  });
});
