// The emulator's files: download URLs (bytes, headers, expiry, streaming) and multipart uploads.
import * as assert from 'assert';
import { Readable } from 'stream';
import { BIG_FILE_SIZE, bigFileByte, SEED_ROOMS, startEmulator, type Emulator, type EmulatorOptions } from '../emulator';
import { client } from '../emulator/rawClient';

const R = SEED_ROOMS;

describe('emulator files', () => {
  let emu: Emulator;
  let api: ReturnType<typeof client>;
  async function restart(options: EmulatorOptions = {}): Promise<void> {
    await emu?.close();
    emu = await startEmulator(options);
    api = client(emu.url, emu.token);
  }
  beforeEach(() => restart());
  afterEach(() => emu.close());

  it('serves a download URL with the bytes until it expires', async () => {
    await restart({ downloadUrlTtlSeconds: 60 });
    const readme = [...emu.state.files.values()].find((f) => f.filename === 'README.md');
    const downloadUrl = async (): Promise<string> => ((await api('GET', `/rooms/${R.phoenix}/files/${readme?.file_id}`, { create_download_url: 1 })).json as { download_url: string }).download_url;
    const file = { download_url: await downloadUrl() };
    assert.ok(file.download_url.startsWith(`${emu.origin}/_download/`));
    const res = await fetch(file.download_url);
    assert.strictEqual(res.status, 200);
    assert.deepStrictEqual(Buffer.from(await res.arrayBuffer()), readme?.content);
    assert.strictEqual(res.headers.get('content-length'), String(readme?.filesize));
    assert.match(res.headers.get('content-type') ?? '', /^text\/markdown/);
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="README.md"/);
    assert.ok(!('download_url' in ((await api('GET', `/rooms/${R.phoenix}/files/${readme?.file_id}`)).json as object)));
    // A lifetime of 0 is over when the URL is first used: expiry without waiting for the clock.
    await restart({ downloadUrlTtlSeconds: 0 });
    assert.strictEqual((await fetch(await downloadUrl())).status, 410);
    assert.strictEqual((await fetch(`${emu.origin}/_download/nope`)).status, 404);
  });
  it('streams the seeded 100 MB file and a test-made Readable file', async function () {
    this.timeout(30000);
    const big = [...emu.state.files.values()].find((f) => f.filesize === BIG_FILE_SIZE);
    const url = ((await api('GET', `/rooms/${R.phoenix}/files/${big?.file_id}`, { create_download_url: 1 })).json as { download_url: string }).download_url;
    const res = await fetch(url);
    assert.strictEqual(res.headers.get('content-length'), String(BIG_FILE_SIZE));
    let offset = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      for (let i = 0; i < chunk.length; i += 4093) assert.strictEqual(chunk[i], bigFileByte(offset + i), `byte ${offset + i}`);
      offset += chunk.length;
    }
    assert.strictEqual(offset, BIG_FILE_SIZE);

    const made = { size: 5, open: () => Readable.from([Buffer.from('ab'), Buffer.from('cde')]) };
    emu.state.files.set(1, { ...(big ?? { file_id: 0, room_id: 0, account_id: 0, message_id: '', upload_time: 0 }), file_id: 1, filename: 'made.txt', filesize: 5, content_type: 'text/plain', content: made });
    const madeUrl = ((await api('GET', `/rooms/${R.phoenix}/files/1`, { create_download_url: 1 })).json as { download_url: string }).download_url;
    assert.strictEqual(await (await fetch(madeUrl)).text(), 'abcde');
  });
  it('takes multipart uploads (≤ 5 MB) and posts the file message', async () => {
    const boundary = '----emulator-test';
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="shot.png"; filename*=UTF-8''%E7%94%BB%E5%83%8F.png\r\nContent-Type: image/png\r\n\r\n`),
      png,
      Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="message"\r\n\r\nスクショです\r\n--${boundary}--\r\n`),
    ]);
    const res = await api('POST', `/rooms/${R.phoenix}/files`, undefined, { body, headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } });
    const fileId = (res.json as { file_id: number }).file_id;
    const file = emu.state.files.get(fileId);
    assert.deepStrictEqual([file?.filename, file?.filesize, file?.content_type, file?.content], ['画像.png', 12, 'image/png', png]);
    assert.strictEqual(
      emu.state.findMessage(R.phoenix, file?.message_id ?? '')?.body,
      `スクショです\n[info][title][dtext:file_uploaded][/title][preview id=${fileId} ht=150][download:${fileId}]画像.png (12 B)[/download][/info]`,
    );
    assert.deepStrictEqual(emu.requests.at(-1)?.form, { message: 'スクショです' });

    const form = new FormData();
    form.append('file', new Blob([Buffer.from('x'.repeat(5 * 1024 * 1024 + 1))]), 'big.bin');
    assert.strictEqual((await api('POST', `/rooms/${R.phoenix}/files`, undefined, { body: form })).status, 400);
    const small = new FormData();
    small.append('file', new Blob(['hello']), 'hello.txt');
    const ok = await api('POST', `/rooms/${R.random}/files`, undefined, { body: small });
    assert.strictEqual(emu.state.files.get((ok.json as { file_id: number }).file_id)?.content.toString(), 'hello');
    assert.strictEqual((await api('POST', `/rooms/${R.news}/files`, undefined, { body: small })).status, 403);
    assert.deepStrictEqual((await api('POST', `/rooms/${R.phoenix}/files`, { message: 'no file' })).json, { errors: ["Parameter 'file' is required"] });
  });
});
