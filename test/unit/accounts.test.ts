// Several accounts: the registry (which accounts, which is active, per-workspace binding, the
// takeover of state from before accounts existed) and the session signal of the HTTP transport
// that cuts off a token the user switched away from — over real HTTP against the emulator.
import * as assert from 'assert';
import { setTimeout as delay } from 'timers/promises';
import { ChatworkApiError, ChatworkClient } from '../../src/api';
import { AccountRegistry, accountScopedKey } from '../../src/auth/accounts';
import { startEmulator, type Emulator } from '../emulator';

/** globalState / workspaceState as VS Code gives them: a key-value store (here in memory). */
class MemoryMemento {
  private readonly _values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this._values.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return this._values.has(key) ? (this._values.get(key) as T) : fallback;
  }
  update(key: string, value: unknown): Thenable<void> {
    if (value === undefined) this._values.delete(key);
    else this._values.set(key, value);
    return Promise.resolve();
  }
}

const TARO = { accountId: 1001, name: 'Taro Yamada', organizationName: 'Sakura Systems Inc.' };
const CHEN = { accountId: 1004, name: 'Chen Wei', organizationName: 'Wei Tech Co.' };

describe('accounts', () => {
  describe('AccountRegistry', () => {
    it('keys per-account state by account id; without an id, the old unscoped key', () => {
      assert.strictEqual(accountScopedKey(1001, 'chatwork.mutedRooms'), 'chatwork.mutedRooms@account:1001');
      assert.notStrictEqual(accountScopedKey(1001, 'chatwork.draft.5'), accountScopedKey(1004, 'chatwork.draft.5'));
      assert.strictEqual(accountScopedKey(undefined, 'chatwork.recentRooms'), 'chatwork.recentRooms');
    });

    it('starts with the workspace’s account, else the last chosen, else the first; forgets removed ones', async () => {
      const global = new MemoryMemento();
      const workspace = new MemoryMemento();
      const registry = new AccountRegistry(global, workspace);
      assert.strictEqual(registry.startAccountId(), undefined);
      await registry.upsert(TARO);
      await registry.upsert(CHEN);
      assert.strictEqual(registry.startAccountId(), 1001);
      await registry.rememberActive(1004);
      assert.strictEqual(registry.startAccountId(), 1004);
      await registry.bind(1001);
      assert.strictEqual(registry.startAccountId(), 1001, 'the workspace binding wins');
      assert.strictEqual(workspace.get('chatwork.boundAccount'), 1001);
      await registry.remove(1001);
      assert.strictEqual(registry.boundAccountId, undefined);
      assert.strictEqual(registry.startAccountId(), 1004);
      assert.deepStrictEqual(registry.list(), [CHEN]);
    });

    it('the first identified account takes over the drafts, muted and recent rooms from before accounts', async () => {
      const global = new MemoryMemento();
      await global.update('chatwork.mutedRooms', [10011]);
      await global.update('chatwork.recentRooms', [10010]);
      await global.update('chatwork.draft.10010', 'half a sentence');
      await global.update('chatwork.draft.10011@account:1004', 'Chen’s');
      await new AccountRegistry(global).adoptUnscopedState(1001);
      assert.deepStrictEqual(global.get(accountScopedKey(1001, 'chatwork.mutedRooms')), [10011]);
      assert.deepStrictEqual(global.get(accountScopedKey(1001, 'chatwork.recentRooms')), [10010]);
      assert.strictEqual(global.get(accountScopedKey(1001, 'chatwork.draft.10010')), 'half a sentence');
      assert.strictEqual(global.get('chatwork.draft.10011@account:1004'), 'Chen’s', 'another account’s draft stays its own');
      assert.deepStrictEqual(global.keys().filter((k) => !k.includes('@account:')), []);
    });
  });

  describe('session signal (no request with a token the user switched away from)', () => {
    let emu: Emulator;

    beforeEach(async () => {
      emu = await startEmulator();
    });
    afterEach(() => emu.close());

    it('aborting the session cuts off a request in flight at once', async () => {
      let session = new AbortController();
      const client = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token, sessionSignal: () => session.signal });
      emu.injectFault({ kind: 'latency', delayMs: 5000, method: 'GET', path: '/rooms', times: 1 });
      const started = Date.now();
      const rooms = client.getRooms();
      while (!emu.requests.some((r) => r.path === '/rooms')) await delay(5);
      session.abort();
      session = new AbortController();
      const error = await rooms.then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof ChatworkApiError && error.kind === 'aborted', String(error));
      assert.ok(Date.now() - started < 4000, 'did not wait for the answer');
      // The next call belongs to the new session and goes through.
      assert.ok((await client.getRooms()).length > 0);
    });

    it('a call whose token was read while the account changed is never sent', async () => {
      const session = new AbortController();
      const client = new ChatworkClient({
        baseUrl: emu.url,
        token: async () => {
          session.abort(); // the user switches while the token is being read
          await delay(1);
          return emu.token;
        },
        sessionSignal: () => session.signal,
      });
      const error = await client.getRooms().then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof ChatworkApiError && error.kind === 'aborted', String(error));
      assert.deepStrictEqual(emu.requests, []);
    });
  });
});
