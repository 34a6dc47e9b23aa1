// Issue 11, classes 6, 7 and 8, against the emulator over loopback HTTP: image previews that cost
// requests, a token from the environment, and a plain-http API base.
import * as assert from 'assert';
import { ChatworkClient, ChatworkApiError } from '../../src/api';
import { isLoopbackHost } from '../../src/api/validate';
import { environmentTokenToImport, silentlyImportable } from '../../src/auth/environmentToken';
import { ExtensionModes } from '../../src/common/exportedApi';
import { forEachNode, parse } from '../../src/notation';
import { DEFAULT_PREVIEW_LIMITS, PreviewResolver } from '../../src/store/previewResolver';
import { SEED_ROOMS, startEmulator, type Emulator } from '../emulator';

const PNG = Buffer.from('89504e470d0a1a0a', 'hex');

describe('security: requests', () => {
  let emu: Emulator;
  let client: ChatworkClient;
  beforeEach(async () => {
    emu = await startEmulator({ rateLimit: 0 });
    client = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token });
  });
  afterEach(() => emu.close());

  describe('image previews', () => {
    const previewRequests = (): number => emu.requests.filter((r) => /^\/rooms\/\d+\/files\/\d+$/.test(r.path) && r.query.create_download_url === '1').length;
    /** The file ids of the `[preview]` tags the renderer finds in a body. */
    const previewIds = (body: string): number[] => {
      const ids: number[] = [];
      forEachNode(parse(body), (node) => {
        if (node.type === 'preview') ids.push(node.fileId);
      });
      return ids;
    };

    it('a message with 400 preview tags, rendered, edited five times and scrolled, costs at most the cap', async () => {
      const room = SEED_ROOMS.phoenix;
      const ids = Array.from({ length: 400 }, (_, i) => emu.seedFile({ roomId: room, filename: `p${i}.png`, data: PNG }));
      const sent = await client.postMessage(room, ids.map((id) => `[preview id=${id} ht=100]`).join('\n'));
      const resolver = new PreviewResolver(client, () => true);
      emu.resetRequests();
      // What the panel does: every tag that scrolls into view asks for its preview, on every render.
      const render = async (): Promise<(string | undefined)[]> => {
        const body = (await client.getMessage(room, sent.message_id)).body;
        return Promise.all(previewIds(body).map((id) => resolver.resolve(room, id, sent.message_id)));
      };
      const first = await render();
      assert.strictEqual(first.length, 400);
      assert.strictEqual(first.filter((url) => url !== undefined).length, DEFAULT_PREVIEW_LIMITS.perMessage, 'the first tags up to the cap show previews');
      for (let edit = 1; edit <= 5; edit++) {
        const body = (await client.getMessage(room, sent.message_id)).body;
        await client.updateMessage(room, sent.message_id, `${body}\nedit ${edit}`);
        assert.deepStrictEqual(await render(), first, 'the same previews after the edit');
      }
      for (let scroll = 0; scroll < 3; scroll++) await render();
      assert.strictEqual(previewRequests(), DEFAULT_PREVIEW_LIMITS.perMessage);
    });

    it('one request in flight per file, and "no preview" is remembered too', async () => {
      const id = emu.seedFile({ roomId: SEED_ROOMS.phoenix, filename: 'one.png', data: PNG });
      const resolver = new PreviewResolver(client, () => false); // e.g. a URL outside the CSP: no preview
      emu.resetRequests();
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => resolver.resolve(SEED_ROOMS.phoenix, id, String(i))));
      assert.deepStrictEqual(new Set(answers), new Set([undefined]));
      await resolver.resolve(SEED_ROOMS.phoenix, id, 'later');
      assert.strictEqual(previewRequests(), 1);
    });

    it('a cap per minute over all messages, and a reserve of the rate budget', async () => {
      let now = 1_000_000;
      const ids = Array.from({ length: 30 }, (_, i) => emu.seedFile({ roomId: SEED_ROOMS.phoenix, filename: `m${i}.png`, data: PNG }));
      const resolver = new PreviewResolver(client, () => true, { perMessage: 8, perMinute: 5, budgetReserve: 0 }, () => now);
      emu.resetRequests();
      // One tag in each of 30 messages: 5 resolve this minute, the rest show "unavailable" for now.
      const answers = await Promise.all(ids.map((id, i) => resolver.resolve(SEED_ROOMS.phoenix, id, `msg${i}`)));
      assert.strictEqual(answers.filter(Boolean).length, 5);
      assert.strictEqual(previewRequests(), 5);
      now += 60_000;
      assert.ok(await resolver.resolve(SEED_ROOMS.phoenix, ids[29] ?? 0, 'msg29'), 'a minute later the next one resolves');

      // The budget: previews stop while Chatwork's remaining requests are at the reserve.
      emu.setRateLimit(8);
      const budgeted = new PreviewResolver(client, () => true, { perMessage: 100, perMinute: 100, budgetReserve: 4 });
      emu.resetRequests();
      for (const [i, id] of ids.entries()) await budgeted.resolve(SEED_ROOMS.phoenix, id, `b${i}`);
      assert.ok((client.rateLimit?.remaining ?? 0) >= 4, `the reserve is left (remaining ${client.rateLimit?.remaining})`);
      assert.ok(previewRequests() <= 4, `${previewRequests()} preview requests`);
    });
  });

  describe('CHATWORK_API_TOKEN', () => {
    const nameOf = async (token: string): Promise<string> => (await new ChatworkClient({ baseUrl: emu.url, token: () => token }).getMe()).name;

    it('production: stored only after the user confirmed the account GET /me names', async () => {
      const me = await client.getMe();
      const asked: string[] = [];
      const policy = (answer: boolean) => ({
        extensionMode: ExtensionModes.Production,
        accountNameOf: nameOf,
        confirm: async (name: string) => {
          asked.push(name);
          return answer;
        },
      });
      assert.strictEqual(silentlyImportable(emu.token, ExtensionModes.Production), undefined);
      assert.strictEqual(await environmentTokenToImport(emu.token, false, policy(false)), undefined);
      assert.strictEqual(await environmentTokenToImport(` ${emu.token} `, false, policy(true)), emu.token);
      assert.deepStrictEqual(asked, [me.name, me.name]);
    });

    it('production: a refused token is neither stored nor asked about; a stored token is never replaced', async () => {
      let asked = 0;
      const policy = {
        extensionMode: ExtensionModes.Production,
        accountNameOf: nameOf,
        confirm: async () => {
          asked++;
          return true;
        },
      };
      assert.strictEqual(await environmentTokenToImport('not-a-token', false, policy), undefined);
      assert.strictEqual(await environmentTokenToImport(emu.token, true, policy), undefined);
      assert.strictEqual(asked, 0);
    });

    it('development and test hosts (the demo, the suites) import it without asking', async () => {
      for (const extensionMode of [ExtensionModes.Development, ExtensionModes.Test]) {
        assert.strictEqual(silentlyImportable(` ${emu.token}\n`, extensionMode), emu.token);
        const policy = { extensionMode, accountNameOf: nameOf, confirm: async () => assert.fail('asked in a development host') };
        assert.strictEqual(await environmentTokenToImport(emu.token, false, policy), emu.token);
      }
    });
  });

  describe('plain-http API base', () => {
    it('http:// to another host is refused before any request, with a clear message', async () => {
      for (const base of ['http://api.chatwork.com/v2', 'http://192.168.1.10:8080/v2', 'http://127.0.0.1.evil.example/v2', 'http://[::2]/v2', 'http://localhost.evil.example/v2']) {
        const remote = new ChatworkClient({ baseUrl: base, token: () => emu.token });
        await assert.rejects(remote.getMe(), (error: unknown) => {
          assert.ok(error instanceof ChatworkApiError, String(error));
          assert.strictEqual(error.kind, 'validation', `${base}: ${error.message}`);
          assert.strictEqual(error.status, 0);
          assert.match(error.message, /plain http.*https:\/\//);
          assert.ok(!error.message.includes(emu.token));
          return true;
        });
      }
    });

    it('http:// to this machine (localhost, 127.0.0.0/8, ::1) works: the emulator', async () => {
      const port = new URL(emu.url).port;
      for (const host of ['127.0.0.1', 'localhost', '0x7f.0.0.1']) {
        const local = new ChatworkClient({ baseUrl: `http://${host}:${port}/v2`, token: () => emu.token });
        assert.strictEqual((await local.getMe()).account_id, (await client.getMe()).account_id, host);
      }
      for (const host of ['[::1]', '127.1.2.3', 'LOCALHOST']) assert.ok(isLoopbackHost(new URL(`http://${host}/`).hostname), host);
    });
  });
});
