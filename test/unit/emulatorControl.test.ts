// Fault injection, postAs and the control API (/_emulator/*) through EmulatorControl.
import * as assert from 'assert';
import { SEED_IDS, SEED_ROOMS, startEmulator, type Emulator, type EmulatorOptions } from '../emulator';
import { EmulatorControl } from '../emulator/control';
import { client } from '../emulator/rawClient';

const R = SEED_ROOMS;

describe('emulator control', () => {
  let emu: Emulator;
  let api: ReturnType<typeof client>;
  async function restart(options: EmulatorOptions = {}): Promise<void> {
    await emu?.close();
    emu = await startEmulator(options);
    api = client(emu.url, emu.token);
  }
  beforeEach(() => restart());
  afterEach(() => emu.close());

  describe('faults', () => {
    it('injects status, malformed, reset, latency and hang faults, per method and path', async () => {
      emu.injectFault({ path: '/me', kind: 'status', status: 503, times: 1 });
      const failed = await api('GET', '/me');
      assert.deepStrictEqual([failed.status, (failed.json as { errors: string[] }).errors.length], [503, 1]);
      assert.strictEqual((await api('GET', '/me')).status, 200, 'times: 1');

      emu.injectFault({ method: 'GET', path: /^\/rooms\/\d+\/messages$/, kind: 'malformed', times: 1 });
      const bad = await api('GET', `/rooms/${R.phoenix}/messages`);
      assert.strictEqual(bad.status, 200);
      assert.throws(() => JSON.parse(bad.text));

      emu.injectFault({ path: '/rooms/{room_id}', kind: 'reset', times: 1 });
      await assert.rejects(api('GET', `/rooms/${R.phoenix}`));

      emu.injectFault({ path: '/my/status', kind: 'latency', delayMs: 250 });
      const t0 = Date.now();
      assert.strictEqual((await api('GET', '/my/status')).status, 200);
      assert.ok(Date.now() - t0 >= 240);

      emu.injectFault({ method: 'POST', path: '/rooms', kind: 'hang' });
      assert.strictEqual((await api('GET', '/rooms')).status, 200, 'method filter');
      await assert.rejects(api('POST', '/rooms', { name: 'x', members_admin_ids: 1001 }, { signal: AbortSignal.timeout(300) }));
      emu.clearFaults();
      assert.strictEqual((await api('GET', '/my/status')).status, 200);
      emu.injectFault({ path: '/me', kind: 'hang' });
      void api('GET', '/me').catch(() => undefined);
      await new Promise((r) => setTimeout(r, 50));
      // afterEach's close() must not wait for the hanging request.
    });
  });

  describe('postAs and the control API', () => {
    it('postAs posts like a real user and refuses non-members', () => {
      const m = emu.postAs(SEED_IDS.bob, R.phoenix, 'from bob');
      assert.deepStrictEqual([m.account.account_id, m.body, m.update_time], [SEED_IDS.bob, 'from bob', 0]);
      assert.throws(() => emu.postAs('dana', R.phoenix, 'x'), /not in room/);
    });
    it('drives the emulator over HTTP', async () => {
      const control = new EmulatorControl(emu.origin);
      await api('GET', '/me');
      assert.deepStrictEqual((await control.requests()).map((r) => r.path), ['/me']);
      await control.resetRequests();
      assert.deepStrictEqual(await control.requests(), []);

      const posted = await control.postAs('alice', R.phoenix, 'via control [To:1001]');
      const state = await control.state();
      assert.strictEqual(state.messages.at(-1)?.message_id, posted.message_id);
      assert.strictEqual(state.rooms.find((r) => r.room_id === R.phoenix)?.link?.code, 'phoenix-dev');
      assert.strictEqual(state.files.find((f) => f.filename === 'README.md')?.content_base64?.length !== undefined, true);
      assert.strictEqual(state.tokens[emu.token], SEED_IDS.me);

      await control.injectFault({ path: /^\/my\//, kind: 'status', status: 502, times: 1 });
      assert.strictEqual((await api('GET', '/my/status')).status, 502);
      await control.injectFault({ path: '/me', kind: 'status', status: 500 });
      await control.clearFaults();
      assert.strictEqual((await api('GET', '/me')).status, 200);

      await control.setRateLimit(50, 10);
      assert.strictEqual((await api('GET', '/me')).headers.get('x-ratelimit-remaining'), '49');
      await assert.rejects(control.postAs('dana', R.phoenix, 'x'), /400/);
    });
  });
});
