// The client's lists of allowed values (icon presets, task statuses and deadline kinds, room delete
// actions) against the emulator, which validates with its own reading of the RAML
// (test/emulator/spec.ts, test/fixtures/raml-params.json): every value the client offers is one the
// API accepts, and the API's values are all offered. A preset misspelt or missing in
// src/api/types.ts turns these red; before, the emulator validated with that same list.
import * as assert from 'assert';
import { ChatworkClient, DELETE_ROOM_ACTIONS, ICON_PRESETS, TASK_LIMIT_TYPES, TASK_STATUSES } from '../../src/api';
import { SEED_IDS, SEED_ROOMS, startEmulator, type Emulator } from '../emulator';
import { client as rawClient } from '../emulator/rawClient';
import { ramlEnum } from '../emulator/spec';

const sorted = (values: readonly string[]): string[] => [...values].sort();

describe('enum parameters: the client offers what the RAML allows', () => {
  let emu: Emulator;
  let client: ChatworkClient;
  before(async () => {
    emu = await startEmulator({ rateLimit: 0, roomPostLimit: 0 });
    client = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token });
  });
  after(() => emu.close());

  it('every icon preset of the Create / Edit Room pickers is accepted by the API, and none is missing', async () => {
    for (const preset of ICON_PRESETS) {
      assert.deepStrictEqual(await client.updateRoom(SEED_ROOMS.phoenix, { icon_preset: preset }), { room_id: SEED_ROOMS.phoenix }, preset);
    }
    assert.deepStrictEqual(sorted(ICON_PRESETS), sorted(ramlEnum('POST /rooms', 'icon_preset')));
    assert.deepStrictEqual(sorted(ICON_PRESETS), sorted(ramlEnum('PUT /rooms/{room_id}', 'icon_preset')));
  });

  it('a value outside the RAML is refused by the API with the RAML list', async () => {
    const api = rawClient(emu.url, emu.token);
    const res = await api('PUT', `/rooms/${SEED_ROOMS.phoenix}`, { icon_preset: 'rocket' });
    assert.strictEqual(res.status, 400);
    assert.deepStrictEqual(res.json, { errors: [`Parameter 'icon_preset' must be one of: ${ramlEnum('PUT /rooms/{room_id}', 'icon_preset').join(', ')}`] });
  });

  it('task deadline kinds and statuses: each one the client sends is accepted, and they are all of the RAML', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const limitType of TASK_LIMIT_TYPES) {
      const created = await client.createTask(SEED_ROOMS.phoenix, {
        body: `deadline ${limitType}`,
        to_ids: [SEED_IDS.me],
        ...(limitType === 'none' ? {} : { limit: now + 86_400 }),
        limit_type: limitType,
      });
      assert.strictEqual(created.task_ids.length, 1, limitType);
      const task = await client.getTask(SEED_ROOMS.phoenix, created.task_ids[0]!);
      assert.strictEqual(task.limit_type, limitType);
      for (const status of TASK_STATUSES) {
        await client.updateTaskStatus(SEED_ROOMS.phoenix, task.task_id, status);
        assert.strictEqual((await client.getTask(SEED_ROOMS.phoenix, task.task_id)).status, status);
      }
    }
    assert.deepStrictEqual(sorted(TASK_LIMIT_TYPES), sorted(ramlEnum('POST /rooms/{room_id}/tasks', 'limit_type')));
    assert.deepStrictEqual(sorted(TASK_STATUSES), sorted(ramlEnum('PUT /rooms/{room_id}/tasks/{task_id}/status', 'body')));
    assert.deepStrictEqual(sorted(TASK_STATUSES), sorted(ramlEnum('GET /rooms/{room_id}/tasks', 'status')));
    assert.deepStrictEqual(sorted(TASK_STATUSES), sorted(ramlEnum('GET /my/tasks', 'status')));
  });

  it('Leave Room and Delete Room send the two action types of the RAML', () => {
    assert.deepStrictEqual(sorted(DELETE_ROOM_ACTIONS), sorted(ramlEnum('DELETE /rooms/{room_id}', 'action_type')));
  });
});
