// Hardening without VS Code: hostile file names (the sanitizer's invariants, then each name served
// by the emulator, downloaded and written to disk), expired download URLs, the poller under every
// kind of fault, and API errors that never carry the token.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pipeline } from 'stream/promises';
import { inspect } from 'util';
import { ChatworkClient } from '../../src/api';
import type { ChatworkApiError } from '../../src/api/errors';
import { openDownload } from '../../src/commands/openDownload';
import { MAX_FILE_NAME_BYTES, sanitizeFileName } from '../../src/common/fileNames';
import { Poller } from '../../src/store/poller';
import { RoomStore } from '../../src/store/roomStore';
import { SEED_ROOMS, startEmulator, type Emulator, type Fault } from '../emulator';
import { HOSTILE_FILE_NAMES } from '../fixtures/hostileFileNames';

const PHOENIX = SEED_ROOMS.phoenix;
const INTERVAL_MS = 30_000;
// Long enough that a loaded CI machine never turns a served answer into a timeout; only the "no
// answer" fault waits it out.
const TIMEOUT_MS = 2_000;

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$) *(\..*)?$/i;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Bytes that differ per case (a mix-up of files would show), binary included. */
function bytesFor(index: number): Buffer {
  const text = Buffer.from(`file #${index} — ファイル\n`, 'utf8');
  const binary = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 7 + index) & 0xff));
  return Buffer.concat([text, binary]);
}

describe('hardening: hostile file names', () => {
  describe('sanitizeFileName keeps every name inside the folder and valid everywhere', () => {
    for (const { why, name, keeps } of HOSTILE_FILE_NAMES) {
      it(why, () => {
        const safe = sanitizeFileName(name);
        assert.ok(safe.length > 0, 'never empty');
        assert.ok(Buffer.byteLength(safe, 'utf8') <= MAX_FILE_NAME_BYTES, `≤ ${MAX_FILE_NAME_BYTES} bytes: ${Buffer.byteLength(safe, 'utf8')}`);
        assert.doesNotMatch(safe, /[/\\]/, 'one path segment');
        assert.doesNotMatch(safe, /[\u0000-\u001f\u007f-\u009f]/, 'no control characters');
        assert.doesNotMatch(safe, /[\u202a-\u202e\u2066-\u2069]/, 'no bidi overrides or isolates');
        assert.doesNotMatch(safe, /[<>:"|?*]/, 'nothing Windows refuses');
        assert.doesNotMatch(safe, LONE_SURROGATE, 'well-formed Unicode');
        assert.ok(!safe.startsWith('.'), 'not hidden, not "." or ".."');
        assert.doesNotMatch(safe, /[. ]$/, 'no trailing dot or space (Windows would drop it)');
        assert.doesNotMatch(safe, RESERVED, 'no Windows device name');
        assert.strictEqual(safe, safe.normalize('NFC'), 'NFC');
        assert.strictEqual(sanitizeFileName(safe), safe, 'idempotent');
        // Joined to a folder, it stays directly in it — on POSIX and on Windows.
        assert.strictEqual(path.posix.dirname(path.posix.resolve('/downloads', safe)), '/downloads');
        assert.strictEqual(path.win32.dirname(path.win32.resolve('C:\\downloads', safe)), 'C:\\downloads');
        assert.strictEqual(path.win32.basename(path.win32.resolve('C:\\downloads', safe)), safe);
        if (keeps !== undefined) assert.ok(safe.includes(keeps), `"${safe}" keeps "${keeps}"`);
      });
    }
  });

  describe('served by Chatwork, downloaded and saved', () => {
    let emu: Emulator;
    let client: ChatworkClient;
    let dir: string;
    const ids = new Map<string, number>();

    before(async () => {
      emu = await startEmulator({ rateLimit: 0 });
      client = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token });
      HOSTILE_FILE_NAMES.forEach(({ name }, i) => ids.set(name, emu.seedFile({ roomId: PHOENIX, account: 'bob', filename: name, data: bytesFor(i) })));
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatwork-hostile-'));
    });

    after(async () => {
      await emu.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    HOSTILE_FILE_NAMES.forEach(({ why, name }, i) => {
      it(why, async () => {
        const fileId = ids.get(name) ?? 0;
        // The API hands the name over exactly as uploaded (JSON escapes included).
        const listed = (await client.getFiles(PHOENIX)).find((f) => f.file_id === fileId);
        assert.strictEqual(listed?.filename, name);
        const download = await openDownload(client, PHOENIX, fileId, new AbortController().signal);
        const target = path.join(dir, sanitizeFileName(listed.filename));
        assert.strictEqual(path.dirname(target), dir);
        const before = fs.readdirSync(dir);
        await pipeline(download.stream, fs.createWriteStream(target));
        assert.deepStrictEqual(fs.readFileSync(target), bytesFor(i), 'the served bytes');
        assert.deepStrictEqual(fs.readdirSync(dir).sort(), [...before, path.basename(target)].sort(), 'one new file in the folder, nothing else');
        fs.rmSync(target);
      });
    });

    it('an expired download URL is replaced once (two URL requests), then the file arrives', async () => {
      const fileId = ids.get('/etc/passwd') ?? 0;
      const urlRequests = (): number => emu.requests.filter((r) => r.path === `/rooms/${PHOENIX}/files/${fileId}` && r.query.create_download_url === '1').length;
      emu.resetRequests();
      emu.setDownloadTtl(0, 1);
      const download = await openDownload(client, PHOENIX, fileId, new AbortController().signal);
      const chunks: Buffer[] = [];
      for await (const chunk of download.stream as AsyncIterable<Buffer>) chunks.push(chunk);
      assert.deepStrictEqual(Buffer.concat(chunks), bytesFor(HOSTILE_FILE_NAMES.findIndex((h) => h.name === '/etc/passwd')));
      assert.strictEqual(urlRequests(), 2);

      emu.resetRequests();
      emu.setDownloadTtl(0, 2);
      await assert.rejects(openDownload(client, PHOENIX, fileId, new AbortController().signal), { kind: 'notFound', status: 410 });
      assert.strictEqual(urlRequests(), 2, 'never a third');
    });
  });
});

/** Every fault the integration tests use, with the error kind the client must report. */
const FAULTS: { name: string; fault: Omit<Fault, 'method' | 'path'>; kind: ChatworkApiError['kind'] }[] = [
  { name: 'HTTP 500', fault: { kind: 'status', status: 500 }, kind: 'server' },
  { name: 'HTTP 502', fault: { kind: 'status', status: 502 }, kind: 'server' },
  { name: 'HTTP 503', fault: { kind: 'status', status: 503 }, kind: 'server' },
  { name: 'no answer', fault: { kind: 'hang' }, kind: 'timeout' },
  { name: 'connection reset', fault: { kind: 'reset' }, kind: 'network' },
  { name: 'malformed JSON', fault: { kind: 'malformed' }, kind: 'server' },
  { name: '401', fault: { kind: 'status', status: 401 }, kind: 'auth' },
  { name: '429 with reset', fault: { kind: 'status', status: 429, resetSeconds: 1 }, kind: 'rateLimited' },
];

describe('hardening: polling under faults', function () {
  // A GET under a 429 waits for the announced reset (about a second) before its one retry.
  this.timeout(20_000);
  let emu: Emulator;
  let client: ChatworkClient;
  let store: RoomStore;
  let poller: Poller;
  let delays: number[];

  beforeEach(async () => {
    emu = await startEmulator({ rateLimit: 0 });
    client = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token, timeoutMs: TIMEOUT_MS, maxRateLimitWaitMs: 5_000 });
    store = new RoomStore(client);
    delays = [];
    poller = new Poller(store, {
      intervalMs: () => INTERVAL_MS,
      setTimer: (_callback, ms) => delays.push(ms),
      clearTimer: () => undefined,
    });
  });

  afterEach(async () => {
    poller.dispose();
    store.dispose();
    await emu.close();
  });

  for (const { name, fault, kind } of FAULTS) {
    it(`${name}: ${kind === 'auth' ? 'stops until resumed' : 'backs off, more each time, and recovers'}`, async () => {
      poller.setActive(true);
      await poller.pollNow();
      assert.strictEqual(poller.state, 'waiting');
      emu.injectFault({ ...fault, method: 'GET', path: '/rooms' });
      const failures: string[] = [];
      poller.onDidFail((error) => failures.push((error as ChatworkApiError).kind));

      await poller.pollNow();
      if (kind === 'auth') {
        assert.strictEqual(poller.state, 'signedOut');
        assert.deepStrictEqual(delays, [INTERVAL_MS], 'no timer after a 401');
        emu.clearFaults();
        poller.resume();
        await poller.pollNow();
        assert.strictEqual(poller.state, 'waiting');
        assert.deepStrictEqual(failures, ['auth']);
        return;
      }
      assert.strictEqual(poller.state, 'backingOff');
      await poller.pollNow();
      await poller.pollNow();
      assert.deepStrictEqual(failures, [kind, kind, kind]);
      const [first, second, third] = delays.slice(1);
      assert.ok(first !== undefined && second !== undefined && third !== undefined);
      if (kind === 'rateLimited') {
        // Chatwork said when the window resets: wait for that (at least the interval), no guessing.
        assert.deepStrictEqual([first, second, third], [INTERVAL_MS, INTERVAL_MS, INTERVAL_MS]);
      } else {
        assert.ok(INTERVAL_MS < first && first < second && second < third, `growing: ${delays.join(', ')}`);
      }
      emu.clearFaults();
      await poller.pollNow();
      assert.strictEqual(poller.state, 'waiting');
      assert.strictEqual(delays.at(-1), INTERVAL_MS, 'back to the interval');
      // A GET under a 429 that says when the window resets is retried once, after the reset.
      const roomsGets = emu.requests.filter((r) => r.method === 'GET' && r.path === '/rooms').length;
      assert.strictEqual(roomsGets, 1 + 3 * (kind === 'rateLimited' ? 2 : 1) + 1);
    });
  }
});

describe('hardening: the token is in no error', () => {
  let emu: Emulator;
  let client: ChatworkClient;
  let token: string;

  before(async () => {
    emu = await startEmulator({ rateLimit: 0 });
    token = emu.token;
    client = new ChatworkClient({ baseUrl: emu.url, token: () => token, timeoutMs: TIMEOUT_MS, maxRateLimitWaitMs: 0 });
  });
  after(() => emu.close());
  afterEach(() => emu.clearFaults());

  for (const { name, fault, kind } of FAULTS) {
    for (const [method, call] of [
      ['GET', (c: ChatworkClient) => c.getRooms()],
      ['POST', (c: ChatworkClient) => c.postMessage(PHOENIX, `a message with ${token} in it`)],
    ] as const) {
      it(`${method} · ${name} → ${kind}, and neither message, texts, cause nor stack holds the token`, async () => {
        emu.injectFault({ ...fault, method, path: method === 'GET' ? '/rooms' : `/rooms/${PHOENIX}/messages` });
        const error = await call(client).then(
          () => assert.fail('should fail'),
          (e: unknown) => e as ChatworkApiError,
        );
        assert.strictEqual(error.kind, kind);
        const everything = [error.message, ...error.errors, String(error.stack), inspect(error, { depth: 10 }), JSON.stringify(error)].join('\n');
        assert.ok(!everything.includes(token), everything);
      });
    }
  }
});
