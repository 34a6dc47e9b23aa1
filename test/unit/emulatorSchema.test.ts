// Every operation of the emulator answers in the shape of the RAML's JSON Schema for it
// (test/fixtures/raml-schemas.json, extracted by scripts/extract-raml-schemas.mjs).
import * as assert from 'assert';
import { startEmulator, SEED_IDS, SEED_ROOMS, type Emulator } from '../emulator';
import { client, raw, type RawResponse } from '../emulator/rawClient';
import { ERROR_SCHEMA, FILE_UPLOAD_SCHEMA, loadRamlSchemas, SCHEMALESS_OPERATIONS } from './helpers/schemaFixtures';
import { validate, type JsonSchema } from './helpers/schemaValidator';

const schemas = loadRamlSchemas();

describe('schemaValidator', () => {
  const room: JsonSchema = {
    type: 'object',
    properties: { id: { type: 'integer' }, kind: { type: 'string', enum: ['a', 'b'] }, tags: { type: 'array', items: [{ type: 'string' }] } },
    required: ['id'],
  };
  it('accepts a valid value and reports each kind of problem with its path', () => {
    assert.deepStrictEqual(validate(room, { id: 1, kind: 'a', tags: ['x'] }), []);
    assert.match(validate(room, { kind: 'a' })[0] ?? '', /missing required property "id"/);
    assert.match(validate(room, { id: 1.5 })[0] ?? '', /^\$\.id: expected integer/);
    assert.match(validate(room, { id: 1, kind: 'c' })[0] ?? '', /not one of/);
    assert.match(validate(room, { id: 1, tags: ['x', 2] })[0] ?? '', /^\$\.tags\[1\]: expected string/);
    assert.deepStrictEqual(validate(room, { id: 1, extra: true }), []);
    assert.match(validate(room, { id: 1, extra: true }, { strict: true })[0] ?? '', /unexpected property "extra"/);
  });
  it('understands draft-3 required booleans and explicit additionalProperties', () => {
    const s: JsonSchema = { type: 'object', properties: { a: { type: 'string', required: true } }, additionalProperties: { type: 'integer' } };
    assert.match(validate(s, {})[0] ?? '', /missing required property "a"/);
    assert.match(validate(s, { a: 'x', b: 'y' })[0] ?? '', /^\$\.b: expected integer/);
  });
  it('covers all 32 operations between the fixture and the schema-less ones', () => {
    assert.strictEqual(Object.keys(schemas).length + Object.keys(SCHEMALESS_OPERATIONS).length, 32);
  });
});

describe('emulator responses match the RAML schemas', () => {
  let emu: Emulator;
  const checked = new Set<string>();

  before(async () => {
    emu = await startEmulator({ rateLimit: 0, roomPostLimit: 0 });
  });
  after(() => emu.close());

  /** Calls the API as me and validates the answer against the schema of the route it hit. */
  async function check(method: string, path: string, params?: Record<string, string | number>, body?: Uint8Array, headers?: Record<string, string>): Promise<RawResponse> {
    const res = await client(emu.url, emu.token)(method, path, params, { body, headers });
    const entry = emu.requests.at(-1);
    assert.ok(entry?.route, `${method} ${path} hit no route (${res.status} ${res.text})`);
    const op = `${method} ${entry.route}`;
    const noContent = SCHEMALESS_OPERATIONS[op as keyof typeof SCHEMALESS_OPERATIONS]?.startsWith('204');
    // Every list used here has items, so only the RAML's nocontent operations may answer 204.
    assert.strictEqual(res.status, noContent ? 204 : 200, `${op}: HTTP ${res.status} ${res.text}`);
    if (noContent) {
      assert.strictEqual(res.text, '', `${op}: 204 with a body`);
    } else {
      const schema = op === 'POST /rooms/{room_id}/files' ? FILE_UPLOAD_SCHEMA : schemas[op];
      assert.ok(schema, `no schema for ${op}`);
      assert.deepStrictEqual(validate(schema, res.json, { strict: true }), [], `${op} does not match its schema`);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    }
    checked.add(op);
    return res;
  }

  /** GET /contacts and /incoming_requests items declare no type and (contacts) misplace `required`. */
  function assertAllDeclared(op: string, items: unknown): void {
    const itemSchema = (schemas[op]?.items as JsonSchema[] | undefined)?.[0];
    assert.ok(itemSchema?.properties && Array.isArray(items) && items.length > 0, `${op}: expected a non-empty list`);
    for (const item of items) assert.deepStrictEqual(Object.keys(item as object).sort(), Object.keys(itemSchema.properties).sort());
  }

  it('answers every operation in shape', async () => {
    await check('GET', '/me');
    await check('GET', '/my/status');
    await check('GET', '/my/tasks');
    assertAllDeclared('GET /contacts', (await check('GET', '/contacts')).json);
    await check('GET', '/rooms');

    const created = await check('POST', '/rooms', {
      name: 'Schema room', members_admin_ids: SEED_IDS.me, members_member_ids: `${SEED_IDS.alice},${SEED_IDS.bob}`, icon_preset: 'meeting', link: 1,
    });
    const rid = (created.json as { room_id: number }).room_id;
    await check('GET', `/rooms/${rid}`);
    await check('PUT', `/rooms/${rid}`, { name: 'Schema room 2', description: 'desc', icon_preset: 'star' });
    await check('GET', `/rooms/${rid}/members`);
    await check('PUT', `/rooms/${rid}/members`, { members_admin_ids: SEED_IDS.me, members_member_ids: SEED_IDS.alice, members_readonly_ids: SEED_IDS.chen });

    const latest = (await check('GET', `/rooms/${SEED_ROOMS.phoenix}/messages`, { force: 1 })).json as { message_id: string }[];
    const posted = await check('POST', `/rooms/${rid}/messages`, { body: 'hello [To:1002]' });
    const mid = (posted.json as { message_id: string }).message_id;
    await check('PUT', `/rooms/${SEED_ROOMS.phoenix}/messages/read`);
    await check('PUT', `/rooms/${SEED_ROOMS.phoenix}/messages/unread`, { message_id: latest[latest.length - 2]?.message_id ?? '' });
    await check('GET', `/rooms/${SEED_ROOMS.phoenix}/messages/${latest[0]?.message_id}`);
    await check('PUT', `/rooms/${rid}/messages/${mid}`, { body: 'edited' });
    await check('DELETE', `/rooms/${rid}/messages/${mid}`);

    await check('GET', `/rooms/${SEED_ROOMS.phoenix}/tasks`);
    const tasks = await check('POST', `/rooms/${rid}/tasks`, { body: 'task', to_ids: `${SEED_IDS.me},${SEED_IDS.alice}`, limit: 1900000000, limit_type: 'date' });
    const tid = (tasks.json as { task_ids: number[] }).task_ids[0];
    await check('GET', `/rooms/${rid}/tasks/${tid}`);
    await check('PUT', `/rooms/${rid}/tasks/${tid}/status`, { body: 'done' });

    const files = (await check('GET', `/rooms/${SEED_ROOMS.phoenix}/files`)).json as { file_id: number }[];
    const boundary = 'schema-boundary';
    const multipart = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`);
    await check('POST', `/rooms/${rid}/files`, undefined, multipart, { 'Content-Type': `multipart/form-data; boundary=${boundary}` });
    const file = await check('GET', `/rooms/${SEED_ROOMS.phoenix}/files/${files[0]?.file_id}`, { create_download_url: 1 });
    assert.ok((file.json as { download_url?: string }).download_url);

    await check('GET', `/rooms/${rid}/link`);
    await check('DELETE', `/rooms/${rid}/link`);
    await check('POST', `/rooms/${rid}/link`, { code: 'schema-room', need_acceptance: 0, description: 'join us' });
    await check('PUT', `/rooms/${rid}/link`, { description: 'changed' });

    assertAllDeclared('GET /incoming_requests', (await check('GET', '/incoming_requests')).json);
    const [request] = emu.state.incomingRequests.keys();
    await check('PUT', `/incoming_requests/${request}`);
    emu.state.incomingRequests.set(1, { request_id: 1, from_account_id: SEED_IDS.eiko, to_account_id: SEED_IDS.me, message: 'hi' });
    await check('DELETE', '/incoming_requests/1');
    await check('DELETE', `/rooms/${rid}`, { action_type: 'delete' });

    const expected = [...Object.keys(schemas), ...Object.keys(SCHEMALESS_OPERATIONS)].sort();
    assert.deepStrictEqual([...checked].sort(), expected);
  });

  it('answers errors as {"errors": [string]}', async () => {
    const cases = [
      await raw(emu.url, 'GET', '/me', {}, { token: null }),
      await client(emu.url, emu.token)('GET', '/nowhere'),
      await client(emu.url, emu.token)('GET', '/rooms/999'),
      await client(emu.url, emu.token)('POST', `/rooms/${SEED_ROOMS.phoenix}/messages`),
      await client(emu.url, emu.token)('POST', `/rooms/${SEED_ROOMS.news}/messages`, { body: 'x' }),
    ];
    assert.deepStrictEqual(cases.map((r) => r.status), [401, 404, 404, 400, 403]);
    for (const r of cases) assert.deepStrictEqual(validate(ERROR_SCHEMA, r.json, { strict: true }), [], r.text);
  });
});
