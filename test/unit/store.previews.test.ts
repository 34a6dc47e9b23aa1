// The preview resolver against the emulator over real HTTP, on a virtual clock: what a panel gets
// for `[preview id=…]` (the download URL, or "no preview"), how long a failure is remembered, the
// shared allowance of tags that name no message, the exact edge of the rate-budget reserve, and
// clear() for another account.
import * as assert from 'assert';
import { ChatworkClient } from '../../src/api';
import { PreviewResolver } from '../../src/store/previewResolver';
import { SEED_ROOMS, startEmulator, type Emulator } from '../emulator';

const PNG = Buffer.from('89504e470d0a1a0a', 'hex');
const ROOM = SEED_ROOMS.phoenix;
const OTHER_ROOM = SEED_ROOMS.design;
const LIMITS = { perMessage: 8, perMinute: 100, budgetReserve: 0 };

describe('store: image previews', () => {
  let emu: Emulator;
  let client: ChatworkClient;
  let now: number;
  let logged: string[];
  beforeEach(async () => {
    emu = await startEmulator({ rateLimit: 0 });
    client = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token });
    now = 1_000_000;
    logged = [];
  });
  afterEach(() => emu.close());

  const previewRequests = (): number => emu.requests.filter((r) => /^\/rooms\/\d+\/files\/\d+$/.test(r.path) && r.query.create_download_url === '1').length;
  const image = (roomId: number = ROOM, name = 'shot.png'): number => emu.seedFile({ roomId, filename: name, data: PNG });
  const resolver = (limits = LIMITS, allowed: (url: string) => boolean = () => true): PreviewResolver =>
    new PreviewResolver(client, allowed, limits, () => now, (message) => logged.push(message));

  it('answers the file’s download URL, and the same URL again without a request', async () => {
    const id = image();
    const previews = resolver();
    const url = await previews.resolve(ROOM, id, 'm1');
    assert.match(url ?? '', /^http:\/\/127\.0\.0\.1:\d+\//);
    emu.resetRequests();
    assert.strictEqual(await previews.resolve(ROOM, id, 'm2'), url);
    assert.strictEqual(previewRequests(), 0);
  });

  it('the same file id in another room is another file', async () => {
    const here = image(ROOM, 'here.png');
    const there = image(OTHER_ROOM, 'there.png');
    const previews = resolver();
    const [a, b] = await Promise.all([previews.resolve(ROOM, here, 'm'), previews.resolve(OTHER_ROOM, there, 'm')]);
    assert.ok(a && b && a !== b);
    emu.resetRequests();
    // Asking for a file under the wrong room is a request of its own (and Chatwork says no).
    assert.strictEqual(await previews.resolve(OTHER_ROOM, here, 'm'), undefined);
    assert.strictEqual(previewRequests(), 1);
  });

  it('a URL the webview may not load is "no preview", remembered for the session', async () => {
    const id = image();
    const previews = resolver(LIMITS, () => false);
    assert.strictEqual(await previews.resolve(ROOM, id, 'm'), undefined);
    now += 24 * 3_600_000;
    emu.resetRequests();
    assert.strictEqual(await previews.resolve(ROOM, id, 'm'), undefined);
    assert.strictEqual(previewRequests(), 0);
    assert.deepStrictEqual(logged, [], 'not a failure');
  });

  it('a failed request is logged and remembered for one minute only', async () => {
    const id = image();
    await emu.injectFault({ method: 'GET', path: `/rooms/${ROOM}/files/${id}`, kind: 'status', status: 500, times: 1 });
    const previews = resolver();
    assert.strictEqual(await previews.resolve(ROOM, id, 'm1'), undefined);
    assert.strictEqual(logged.length, 1);
    assert.match(logged[0] ?? '', new RegExp(`^Preview of file ${id} failed: .*500`));
    assert.doesNotMatch(logged[0] ?? '', /ChatworkApiError/, 'the error text, not its type');
    emu.resetRequests();
    now += 59_999;
    assert.strictEqual(await previews.resolve(ROOM, id, 'm2'), undefined, 'still remembered');
    assert.strictEqual(previewRequests(), 0);
    now += 1;
    assert.match((await previews.resolve(ROOM, id, 'm3')) ?? '', /^http/, 'a minute later it is asked again');
    assert.strictEqual(previewRequests(), 1);
  });

  it('tags that name no message share one allowance per room', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => image(ROOM, `n${i}.png`));
    const other = Array.from({ length: 2 }, (_, i) => image(OTHER_ROOM, `o${i}.png`));
    const previews = resolver({ ...LIMITS, perMessage: 3 });
    const answers = await Promise.all(ids.map((id) => previews.resolve(ROOM, id)));
    assert.strictEqual(answers.filter(Boolean).length, 3);
    assert.ok((await previews.resolve(ROOM, ids[0] ?? 0)) !== undefined, 'a resolved one stays resolved');
    const elsewhere = await Promise.all(other.map((id) => previews.resolve(OTHER_ROOM, id)));
    assert.strictEqual(elsewhere.filter(Boolean).length, 2, 'another room has its own allowance');
    const named = await Promise.all([7, 8, 9].map((i) => previews.resolve(ROOM, ids[i] ?? 0, 'a message')));
    assert.strictEqual(named.filter(Boolean).length, 3, 'a message has its own allowance');
    assert.ok(await previews.resolve(ROOM, ids[6] ?? 0, 'another message'), 'and so has every other message');
  });

  it('previews stop exactly at the reserve of the rate budget', async () => {
    emu.setRateLimit(10);
    const ids = Array.from({ length: 8 }, (_, i) => image(ROOM, `r${i}.png`));
    const previews = resolver({ perMessage: 100, perMinute: 100, budgetReserve: 5 });
    emu.resetRequests();
    for (const id of ids) await previews.resolve(ROOM, id, 'm');
    assert.strictEqual(previewRequests(), 5);
    assert.strictEqual(client.rateLimit?.remaining, 5);
  });

  it('clear() (another account) forgets URLs, allowances and the per-minute count', async () => {
    const ids = Array.from({ length: 3 }, (_, i) => image(ROOM, `c${i}.png`));
    const previews = resolver({ perMessage: 2, perMinute: 2, budgetReserve: 0 });
    await Promise.all(ids.map((id) => previews.resolve(ROOM, id, 'm')));
    emu.resetRequests();
    previews.clear();
    const [a, b] = await Promise.all([previews.resolve(ROOM, ids[0] ?? 0, 'm'), previews.resolve(ROOM, ids[2] ?? 0, 'm')]);
    assert.ok(a && b);
    assert.strictEqual(previewRequests(), 2, 'asked again, both within the fresh allowances');
  });
});
