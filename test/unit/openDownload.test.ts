// Download URLs live 30 seconds: the file is fetched at once, and an expired URL is replaced once.
import * as assert from 'assert';
import { ChatworkClient, type DownloadedFile } from '../../src/api';
import { openDownload } from '../../src/commands/openDownload';
import { SEED_ROOMS, startEmulator, type Emulator, type EmulatorOptions } from '../emulator';

const README = 7001; // a small seeded file of the Phoenix room

async function read(file: DownloadedFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of file.stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('openDownload', () => {
  let emu: Emulator;
  let client: ChatworkClient;
  const start = async (options: EmulatorOptions = {}): Promise<void> => {
    emu = await startEmulator({ rateLimit: 0, ...options });
    client = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token });
  };
  const urlRequests = (): number => emu.requests.filter((r) => r.path === `/rooms/${SEED_ROOMS.phoenix}/files/${README}` && r.query.create_download_url === '1').length;
  afterEach(() => emu.close());

  it('asks for a download URL and streams the file from it at once', async () => {
    await start();
    const file = await openDownload(client, SEED_ROOMS.phoenix, README, new AbortController().signal);
    assert.deepStrictEqual(await read(file), emu.state.files.get(README)?.content);
    assert.strictEqual(urlRequests(), 1);
  });

  it('asks for a new URL once when the first is refused (expired)', async () => {
    await start();
    let calls = 0;
    const logged: string[] = [];
    const expiringFirst = {
      getFile: client.getFile.bind(client),
      // The first URL is spoiled, as if its 30 seconds had run out.
      downloadFile: (url: string, options?: { signal?: AbortSignal }) => client.downloadFile(calls++ === 0 ? `${url}-expired` : url, options),
    };
    const file = await openDownload(expiringFirst, SEED_ROOMS.phoenix, README, new AbortController().signal, (m) => logged.push(m));
    assert.deepStrictEqual(await read(file), emu.state.files.get(README)?.content);
    assert.strictEqual(urlRequests(), 2);
    assert.match(logged[0] ?? '', /asking for a new one/);
  });

  it('gives up after the second URL is refused too (never loops)', async () => {
    await start({ downloadUrlTtlSeconds: 0 });
    await assert.rejects(openDownload(client, SEED_ROOMS.phoenix, README, new AbortController().signal), (e: Error & { kind?: string }) => e.kind === 'notFound');
    assert.strictEqual(urlRequests(), 2);
  });

  it('an unknown file fails at once, without a second request', async () => {
    await start();
    await assert.rejects(openDownload(client, SEED_ROOMS.phoenix, 99999, new AbortController().signal), (e: Error & { kind?: string }) => e.kind === 'notFound');
    assert.strictEqual(emu.requests.length, 1);
  });
});
