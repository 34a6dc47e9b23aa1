// The emulator's HTTP behaviour: auth, routing, parameters, the message diff, read state and
// rate limits (files: emulatorFiles.test.ts; faults and control: emulatorControl.test.ts).
import * as assert from 'assert';
import { SEED_IDS, SEED_ROOMS, startEmulator, type Emulator, type EmulatorOptions } from '../emulator';
import { client, raw, type RawResponse } from '../emulator/rawClient';

type Msg = { message_id: string; account: { account_id: number }; body: string };
const R = SEED_ROOMS;

describe('emulator', () => {
  let emu: Emulator;
  let api: ReturnType<typeof client>;
  async function restart(options: EmulatorOptions = {}): Promise<void> {
    await emu?.close();
    emu = await startEmulator(options);
    api = client(emu.url, emu.token);
  }
  beforeEach(() => restart());
  afterEach(() => emu.close());

  const counts = async (roomId: number): Promise<{ unread_num: number; mention_num: number; message_num: number }> =>
    (await api('GET', `/rooms/${roomId}`)).json as { unread_num: number; mention_num: number; message_num: number };

  describe('auth and routing', () => {
    it('answers 401 without rate-limit headers for a missing or unknown token', async () => {
      for (const token of [null, '', 'not-a-real-token']) {
        const res = await raw(emu.url, 'GET', '/me', {}, { token });
        assert.strictEqual(res.status, 401);
        assert.deepStrictEqual(res.json, { errors: ['Invalid API Token'] });
        assert.strictEqual(res.headers.get('x-ratelimit-limit'), null);
      }
    });
    it('reads the token header case-insensitively (and accepts Bearer)', async () => {
      const variants: Record<string, string>[] = [{ 'x-chatworktoken': emu.token }, { 'X-CHATWORKTOKEN': emu.token }, { Authorization: `Bearer ${emu.token}` }];
      for (const headers of variants) {
        const res = await raw(emu.url, 'GET', '/me', {}, { headers });
        assert.strictEqual((res.json as { account_id: number }).account_id, SEED_IDS.me);
      }
    });
    it('answers 404 "Invalid Endpoint or HTTP method" for unknown paths and methods', async () => {
      for (const [method, path] of [['GET', '/nope'], ['DELETE', '/me'], ['GET', '/rooms/abc'], ['POST', '/my/status']] as const) {
        const res = await api(method, path);
        assert.strictEqual(res.status, 404, `${method} ${path}`);
        assert.deepStrictEqual(res.json, { errors: ['Invalid Endpoint or HTTP method'] });
      }
    });
    it('answers 404 for unknown rooms, messages, tasks, files and rooms the account is not in', async () => {
      const dana = client(emu.url, emu.tokens.dana ?? '');
      const cases: RawResponse[] = [
        await api('GET', '/rooms/424242'),
        await dana('GET', `/rooms/${R.phoenix}/messages`),
        await api('GET', `/rooms/${R.phoenix}/messages/1620000000000000001`),
        await api('GET', `/rooms/${R.phoenix}/tasks/1`),
        await api('GET', `/rooms/${R.phoenix}/files/1`),
      ];
      assert.deepStrictEqual(cases.map((r) => r.status), [404, 404, 404, 404, 404]);
      assert.deepStrictEqual(cases[0]?.json, { errors: ['Room not found'] });
    });
    it('logs every /v2 request with its route, account and status', async () => {
      emu.resetRequests();
      await api('GET', `/rooms/${R.phoenix}/messages`, { force: 1 });
      await raw(emu.url, 'GET', '/me', {}, { token: null });
      const [a, b] = emu.requests;
      assert.deepStrictEqual(
        { method: a?.method, path: a?.path, query: a?.query, status: a?.status, accountId: a?.accountId, route: a?.route },
        { method: 'GET', path: `/rooms/${R.phoenix}/messages`, query: { force: '1' }, status: 200, accountId: SEED_IDS.me, route: '/rooms/{room_id}/messages' },
      );
      assert.deepStrictEqual([b?.status, b?.accountId], [401, undefined]);
    });
  });

  describe('parameters', () => {
    it('merges query and form body (body wins) and honours ?method=PUT', async () => {
      const res = await raw(`${emu.url}/rooms/${R.phoenix}/messages?body=from-query&self_unread=true`, 'POST', '', { body: 'from-body' }, { token: emu.token });
      const m = emu.state.findMessage(R.phoenix, (res.json as { message_id: string }).message_id);
      assert.strictEqual(m?.body, 'from-body');
      assert.strictEqual(m?.unread_for_author, true);
      const put = await raw(`${emu.url}/rooms/${R.phoenix}/messages/${m?.message_id}?method=PUT`, 'POST', '', { body: 'edited' }, { token: emu.token });
      assert.strictEqual(put.status, 200);
      assert.strictEqual(m?.body, 'edited');
      assert.ok((m?.update_time ?? 0) > 0);
    });
    it('accepts DELETE parameters in the query string or the form body', async () => {
      for (const inQuery of [true, false]) {
        const created = await api('POST', '/rooms', { name: 'tmp', members_admin_ids: SEED_IDS.me });
        const id = (created.json as { room_id: number }).room_id;
        const res = await api('DELETE', `/rooms/${id}`, { action_type: 'delete' }, { inQuery });
        assert.strictEqual(res.status, 204);
        assert.strictEqual(emu.state.rooms.has(id), false);
      }
    });
    it('answers 400 for missing or invalid parameters', async () => {
      assert.deepStrictEqual((await api('POST', `/rooms/${R.phoenix}/messages`)).json, { errors: ["Parameter 'body' is required"] });
      assert.strictEqual((await api('GET', `/rooms/${R.phoenix}/messages`, { force: 'yes' })).status, 400);
      assert.strictEqual((await api('POST', `/rooms/${R.phoenix}/messages`, { body: 'x'.repeat(65536) })).status, 400);
      assert.strictEqual((await api('DELETE', `/rooms/${R.phoenix}`, { action_type: 'archive' })).status, 400);
    });
    it('forbids posting in a readonly room and editing or deleting others\' messages', async () => {
      const ro = await api('POST', `/rooms/${R.news}/messages`, { body: 'hi' });
      assert.deepStrictEqual([ro.status, ro.json], [403, { errors: ["You don't have permission to send/edit message."] }]);
      const others = emu.state.roomMessages(R.phoenix).find((m) => m.account_id === SEED_IDS.alice);
      const edit = await api('PUT', `/rooms/${R.phoenix}/messages/${others?.message_id}`, { body: 'mine now' });
      assert.deepStrictEqual([edit.status, edit.json], [403, { errors: ["You don't have permission to send/edit message."] }]);
      assert.strictEqual((await api('DELETE', `/rooms/${R.phoenix}/messages/${others?.message_id}`)).status, 403);
    });
  });

  describe('message diff', () => {
    it('returns unfetched messages oldest first (newest 100 of a bigger backlog), then 204', async () => {
      const first = (await api('GET', `/rooms/${R.random}/messages`)).json as Msg[];
      assert.strictEqual(first.length, 100);
      assert.match(first.at(-1)?.body ?? '', /^#130 /);
      const ids = first.map((m) => BigInt(m.message_id));
      assert.ok(first.every((m) => /^\d{19}$/.test(m.message_id)));
      assert.ok(ids.every((id, i) => i === 0 || id > (ids[i - 1] ?? 0n)), 'ascending ids');
      const again = await api('GET', `/rooms/${R.random}/messages`);
      assert.deepStrictEqual([again.status, again.text], [204, '']);
    });
    it('returns only new messages, own ones included; force=1 returns the latest 100 again', async () => {
      await api('GET', `/rooms/${R.phoenix}/messages`);
      emu.postAs('alice', R.phoenix, 'new from alice');
      await api('POST', `/rooms/${R.phoenix}/messages`, { body: 'my own' });
      const diff = (await api('GET', `/rooms/${R.phoenix}/messages`)).json as Msg[];
      assert.deepStrictEqual(diff.map((m) => [m.account.account_id, m.body]), [[SEED_IDS.alice, 'new from alice'], [SEED_IDS.me, 'my own']]);
      const forced = (await api('GET', `/rooms/${R.phoenix}/messages`, { force: 1 })).json as Msg[];
      assert.strictEqual(forced.length, emu.state.roomMessages(R.phoenix).length);
      assert.strictEqual((await api('GET', `/rooms/${R.phoenix}/messages`)).status, 204);
    });
    it('keeps a cursor per token', async () => {
      await api('GET', `/rooms/${R.phoenix}/messages`);
      const alice = client(emu.url, emu.tokens.alice ?? '');
      assert.strictEqual((await alice('GET', `/rooms/${R.phoenix}/messages`)).status, 200);
      assert.strictEqual((await api('GET', `/rooms/${R.phoenix}/messages`)).status, 204);
    });
    it('can hand out a big backlog oldest first instead', async () => {
      await restart({ diffBacklog: 'oldest' });
      const first = (await api('GET', `/rooms/${R.random}/messages`)).json as Msg[];
      const rest = (await api('GET', `/rooms/${R.random}/messages`)).json as Msg[];
      assert.deepStrictEqual([first.length, rest.length], [100, 31]);
    });
    it('keeps deleted messages as [deleted]', async () => {
      const id = ((await api('POST', `/rooms/${R.phoenix}/messages`, { body: 'oops' })).json as Msg).message_id;
      assert.deepStrictEqual((await api('DELETE', `/rooms/${R.phoenix}/messages/${id}`)).json, { message_id: id });
      assert.strictEqual(((await api('GET', `/rooms/${R.phoenix}/messages/${id}`)).json as Msg).body, '[deleted]');
      assert.strictEqual(emu.state.findMessage(R.phoenix, id)?.body, 'oops');
    });
  });

  describe('read state', () => {
    it('counts others\' posts and mentions (To, toall, rp; not inside [code]) until read', async () => {
      const before = await counts(R.phoenix);
      assert.deepStrictEqual([before.unread_num, before.mention_num], [3, 1]);
      emu.postAs('bob', R.phoenix, '[To:1001] please check');
      emu.postAs('alice', R.phoenix, '[toall] lunch');
      emu.postAs('chen', R.phoenix, '[rp aid=1001 to=10010-1620000000001000003]Taro\nok');
      emu.postAs('chen', R.phoenix, '[code][To:1001][/code]');
      emu.postAs('chen', R.phoenix, '[To:1003] not me');
      const after = await counts(R.phoenix);
      assert.deepStrictEqual([after.unread_num, after.mention_num, after.message_num], [8, 4, before.message_num + 5]);
      const read = await api('PUT', `/rooms/${R.phoenix}/messages/read`);
      assert.deepStrictEqual(read.json, { unread_num: 0, mention_num: 0 });
      assert.strictEqual((await api('PUT', `/rooms/${R.phoenix}/messages/read`)).status, 400);
    });
    it('marks read up to a message and unread from a message on', async () => {
      const list = emu.state.roomMessages(R.phoenix);
      const third = list.at(-3)?.message_id ?? '';
      assert.deepStrictEqual((await api('PUT', `/rooms/${R.phoenix}/messages/read`, { message_id: list.at(-2)?.message_id ?? '' })).json, { unread_num: 1, mention_num: 0 });
      assert.strictEqual((await api('PUT', `/rooms/${R.phoenix}/messages/read`, { message_id: third })).status, 400);
      assert.deepStrictEqual((await api('PUT', `/rooms/${R.phoenix}/messages/unread`, { message_id: third })).json, { unread_num: 3, mention_num: 1 });
      assert.strictEqual((await api('PUT', `/rooms/${R.phoenix}/messages/unread`)).status, 400);
    });
    it('leaves my own posts read unless self_unread=1', async () => {
      await api('PUT', `/rooms/${R.phoenix}/messages/read`);
      await api('POST', `/rooms/${R.phoenix}/messages`, { body: 'read for me' });
      assert.strictEqual((await counts(R.phoenix)).unread_num, 0);
      await api('POST', `/rooms/${R.phoenix}/messages`, { body: 'unread for me', self_unread: 1 });
      assert.strictEqual((await counts(R.phoenix)).unread_num, 1);
    });
    it('aggregates /my/status over all rooms', async () => {
      const rooms = (await api('GET', '/rooms')).json as { unread_num: number; mention_num: number; mytask_num: number }[];
      const sum = (k: 'unread_num' | 'mention_num' | 'mytask_num'): number => rooms.reduce((s, r) => s + r[k], 0);
      const rooms_with = (k: 'unread_num' | 'mention_num' | 'mytask_num'): number => rooms.filter((r) => r[k] > 0).length;
      assert.deepStrictEqual((await api('GET', '/my/status')).json, {
        unread_room_num: rooms_with('unread_num'), mention_room_num: rooms_with('mention_num'), mytask_room_num: rooms_with('mytask_num'),
        unread_num: sum('unread_num'), mention_num: sum('mention_num'), mytask_num: sum('mytask_num'),
      });
    });
  });

  describe('rate limits', () => {
    it('sends x-ratelimit-* on every answer and 429s past the limit', async () => {
      await restart({ rateLimit: 3, rateWindowSeconds: 60 });
      const start = Math.floor(Date.now() / 1000);
      const seen: (string | null)[] = [];
      for (let i = 0; i < 3; i++) seen.push((await api('GET', '/me')).headers.get('x-ratelimit-remaining'));
      assert.deepStrictEqual(seen, ['2', '1', '0']);
      const limited = await api('GET', '/me');
      assert.deepStrictEqual([limited.status, limited.json], [429, { errors: ['Rate limit exceeded.'] }]);
      assert.strictEqual(limited.headers.get('x-ratelimit-limit'), '3');
      assert.strictEqual(limited.headers.get('x-ratelimit-remaining'), '0');
      const reset = Number(limited.headers.get('x-ratelimit-reset'));
      assert.ok(reset >= start + 59 && reset <= start + 61, `reset ${reset}`);
      assert.strictEqual((await client(emu.url, emu.tokens.alice ?? '')('GET', '/me')).status, 200, 'per token');
      emu.setRateLimit(0);
      const free = await api('GET', '/me');
      assert.deepStrictEqual([free.status, free.headers.get('x-ratelimit-limit')], [200, null]);
    });
    it('limits POST messages + tasks to 10 per room per 10 seconds', async () => {
      for (let i = 0; i < 5; i++) assert.strictEqual((await api('POST', `/rooms/${R.phoenix}/messages`, { body: `m${i}` })).status, 200);
      for (let i = 0; i < 5; i++) assert.strictEqual((await api('POST', `/rooms/${R.phoenix}/tasks`, { body: `t${i}`, to_ids: SEED_IDS.bob })).status, 200);
      const limited = await api('POST', `/rooms/${R.phoenix}/messages`, { body: 'one too many' });
      assert.deepStrictEqual([limited.status, limited.json], [429, { errors: ['Rate limit for message posting per room exceeded.'] }]);
      assert.strictEqual((await api('POST', `/rooms/${R.random}/messages`, { body: 'other room' })).status, 200);
    });
  });

});
