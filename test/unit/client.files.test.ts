// File transfer through ChatworkClient: multipart uploads reach the emulator byte for byte, and
// download URLs stream without the API token.
import * as assert from 'assert';
import { createServer, type IncomingHttpHeaders, type Server } from 'http';
import type { AddressInfo } from 'net';
import { ChatworkApiError, ChatworkClient, MAX_UPLOAD_BYTES } from '../../src/api';
import { BIG_FILE_SIZE, bigFileByte, SEED_IDS, SEED_ROOMS, startEmulator, type Emulator } from '../emulator';

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Every byte value, plus the sequences a naive multipart writer or parser trips over. */
function trickyBytes(): Buffer {
  const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  return Buffer.concat([all, Buffer.from('\r\n--boundary\r\n\r\n--'), all.reverse()]);
}

describe('ChatworkClient file transfer', () => {
  let emu: Emulator;
  let client: ChatworkClient;

  beforeEach(async () => {
    emu = await startEmulator({ downloadUrlTtlSeconds: 1 });
    client = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token });
  });
  afterEach(() => emu.close());

  describe('uploadFile', () => {
    it('delivers the bytes, the file name, the content type and the message', async () => {
      const data = trickyBytes();
      const { file_id } = await client.uploadFile(SEED_ROOMS.phoenix, {
        filename: '設計メモ "v2".bin', data, contentType: 'application/x-custom', message: 'ご確認ください [To:1002]',
      });
      const stored = emu.state.files.get(file_id);
      assert.ok(stored);
      assert.ok(Buffer.isBuffer(stored.content) && stored.content.equals(data), 'bytes differ');
      assert.strictEqual(stored.filename, '設計メモ %22v2%22.bin', 'quotes are percent-encoded as browsers do');
      assert.strictEqual(stored.content_type, 'application/x-custom');
      const request = emu.requests[emu.requests.length - 1];
      assert.strictEqual(request?.method, 'POST');
      assert.strictEqual(request?.path, `/rooms/${SEED_ROOMS.phoenix}/files`);
      assert.deepStrictEqual(request?.form, { message: 'ご確認ください [To:1002]' });
      const notice = await client.getMessage(SEED_ROOMS.phoenix, stored.message_id);
      assert.match(notice.body, /^ご確認ください \[To:1002\]\n\[info\]\[title\]\[dtext:file_uploaded\]/);
    });

    it('sends application/octet-stream without a content type (not a guess from the name), and no message part without a message', async () => {
      const { file_id } = await client.uploadFile(SEED_ROOMS.phoenix, { filename: 'blob.png', data: new Uint8Array([1, 2, 3]) });
      assert.strictEqual(emu.state.files.get(file_id)?.content_type, 'application/octet-stream');
      assert.strictEqual(emu.requests[emu.requests.length - 1]?.form?.message, undefined);
    });

    it('accepts exactly 5 MB and refuses one byte more before sending', async () => {
      const data = new Uint8Array(MAX_UPLOAD_BYTES).fill(7);
      const { file_id } = await client.uploadFile(SEED_ROOMS.phoenix, { filename: 'five.bin', data });
      assert.strictEqual(emu.state.files.get(file_id)?.filesize, MAX_UPLOAD_BYTES);
      emu.resetRequests();
      await assert.rejects(client.uploadFile(SEED_ROOMS.phoenix, { filename: 'six.bin', data: new Uint8Array(MAX_UPLOAD_BYTES + 1) }), {
        kind: 'validation', status: 0, parameter: 'file',
      });
      assert.deepStrictEqual(emu.requests, []);
    });

    it('a read-only member is refused (403)', async () => {
      await assert.rejects(client.uploadFile(SEED_ROOMS.news, { filename: 'a.txt', data: Buffer.from('a') }), { kind: 'forbidden', status: 403 });
    });
  });

  describe('downloadFile', () => {
    it('streams a download_url with its content length', async () => {
      const data = trickyBytes();
      const { file_id } = await client.uploadFile(SEED_ROOMS.phoenix, { filename: 'bytes.bin', data });
      const file = await client.getFile(SEED_ROOMS.phoenix, file_id, { createDownloadUrl: true });
      assert.ok(file.download_url);
      const download = await client.downloadFile(file.download_url);
      assert.strictEqual(download.contentLength, data.length);
      assert.strictEqual(download.contentType, 'application/octet-stream');
      assert.ok((await readAll(download.stream)).equals(data));
    });

    it('streams a 100 MB file without buffering, and stops when aborted', async () => {
      const big = (await client.getFiles(SEED_ROOMS.phoenix, { accountId: SEED_IDS.bob })).find((f) => f.filesize === BIG_FILE_SIZE);
      assert.ok(big);
      const { download_url } = await client.getFile(SEED_ROOMS.phoenix, big.file_id, { createDownloadUrl: true });
      const controller = new AbortController();
      const download = await client.downloadFile(download_url ?? '', { signal: controller.signal });
      assert.strictEqual(download.contentLength, BIG_FILE_SIZE);

      let received = 0;
      const error = await (async () => {
        try {
          for await (const chunk of download.stream) {
            const bytes = chunk as Buffer;
            for (let i = 0; i < bytes.length; i += 4099) assert.strictEqual(bytes[i], bigFileByte(received + i));
            received += bytes.length;
            if (received >= 1024 * 1024) controller.abort();
          }
          return undefined;
        } catch (e) {
          return e as Error;
        }
      })();
      assert.strictEqual(error?.name, 'AbortError');
      assert.ok(received >= 1024 * 1024 && received < BIG_FILE_SIZE, `received ${received}`);
    });

    it('an expired download_url → notFound (410) with a hint', async () => {
      const { download_url } = await client.getFile(SEED_ROOMS.phoenix, 7001, { createDownloadUrl: true });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const error = await client.downloadFile(download_url ?? '').then(() => assert.fail('expected a rejection'), (e: unknown) => e);
      assert.ok(error instanceof ChatworkApiError);
      assert.deepStrictEqual([error.kind, error.status], ['notFound', 410]);
      assert.match(error.message, /Download links last 30 seconds; request a new one/);
    });

    it('an unknown download_url → notFound (404)', async () => {
      await assert.rejects(client.downloadFile(`${emu.origin}/_download/nope`), { kind: 'notFound', status: 404 });
    });

    it('an aborted signal → aborted before anything is sent', async () => {
      await assert.rejects(client.downloadFile(`${emu.origin}/_download/nope`, { signal: AbortSignal.abort() }), { kind: 'aborted' });
    });
  });

  describe('downloadFile against a capturing server', () => {
    let server: Server;
    let headers: IncomingHttpHeaders[];
    let url: string;
    let answer: boolean;

    beforeEach(async () => {
      headers = [];
      answer = true;
      server = createServer((req, res) => {
        headers.push(req.headers);
        if (!answer) return; // hang
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '5' });
        res.end('hello');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/signed/abc?sig=1`;
    });
    afterEach(() => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('never sends the API token to the download host', async () => {
      const download = await client.downloadFile(url);
      assert.strictEqual((await readAll(download.stream)).toString(), 'hello');
      assert.strictEqual(headers.length, 1);
      assert.strictEqual(headers[0]?.['x-chatworktoken'], undefined);
      assert.strictEqual(headers[0]?.authorization, undefined);
    });

    it('times out waiting for the response headers', async () => {
      answer = false;
      await assert.rejects(client.downloadFile(url, { timeoutMs: 200 }), { kind: 'timeout' });
    });
  });
});
