// Issue 11, "tests that must be able to fail": each of these was found by mutation testing — the
// mutation survived, or only one test caught it. Every test here goes red when its mechanism is
// switched off.
import * as assert from 'assert';
import { ChatworkClient, ChatworkApiError } from '../../src/api';
import type { Message } from '../../src/api/types';
import { mentionsAccount, parse } from '../../src/notation';
import { notifyReason, type NotifyContext } from '../../src/notifications/classify';
import { escapeAttribute, panelDocument, STRINGS_META } from '../../src/panels/panelDocument';
import { externalWebUrl } from '../../src/panels/roomLinks';
import { SEED_IDS, SEED_ROOMS, startEmulator, type Emulator } from '../emulator';

describe('security: tests that must be able to fail', () => {
  describe('a server that echoes the token back', () => {
    let emu: Emulator;
    beforeEach(async () => {
      emu = await startEmulator({ rateLimit: 0 });
    });
    afterEach(() => emu.close());

    it('comes out redacted in the error (message and every server text)', async () => {
      const client = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token });
      for (const status of [400, 403, 500]) {
        emu.injectFault({ path: '/me', kind: 'echoToken', status, times: 1 });
        await assert.rejects(client.getMe(), (error: unknown) => {
          assert.ok(error instanceof ChatworkApiError);
          const everything = JSON.stringify({ message: error.message, errors: error.errors, stack: error.stack, string: String(error) });
          assert.ok(everything.includes('Token ') && everything.includes('token='), `the server's texts are kept: ${everything}`);
          assert.ok(!everything.includes(emu.token), `token leaked with ${status}: ${everything}`);
          assert.ok(!everything.includes(encodeURIComponent(emu.token)), 'nor URL-encoded');
          return true;
        });
      }
    });
  });

  describe('the host-side link filter (openLink from the webview)', () => {
    const refused = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      '\tjavascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      'command:workbench.action.quit',
      'COMMAND:workbench.action.quit',
      ' command:workbench.action.quit',
      'file:///etc/passwd',
      'FILE:///etc/passwd',
      'vscode:extension/evil.evil',
      'vscode-insiders://settings',
      'VsCode://file/etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'https:evil.example',
      'http:/evil.example',
      ' https://evil.example',
      'https://evil.example/\u2028x',
      '//evil.example',
      '',
    ];
    for (const url of refused) {
      it(`refuses ${JSON.stringify(url)}`, () => assert.strictEqual(externalWebUrl(url), undefined));
    }
    it('opens http(s) links, in any case of the scheme', () => {
      assert.strictEqual(externalWebUrl('https://example.com/a?b=c#d'), 'https://example.com/a?b=c#d');
      assert.strictEqual(externalWebUrl('HTTPS://Example.com/x'), 'https://example.com/x');
      assert.strictEqual(externalWebUrl('http://127.0.0.1:8080/'), 'http://127.0.0.1:8080/');
    });
  });

  describe("attribute escaping in the panel's HTML shell", () => {
    const hostile = `"><script>alert(1)</script><meta x="' & <b>`;
    const html = panelDocument({
      language: 'en',
      csp: "default-src 'none'",
      scriptNonce: 'abc123',
      strings: { title: hostile, send: 'Send "now"' },
      asset: (...p) => `https://file+.vscode-resource.vscode-cdn.net/ext/${p.join('/')}"onload="alert(2)`,
    });

    it('a " in a localised string or a path cannot end its attribute', () => {
      assert.strictEqual(html.match(/<script\b/g)?.length, 1, 'only the panel script');
      assert.doesNotMatch(html, /"onload="|<b>/);
      const meta = new RegExp(`<meta name="${STRINGS_META}" content="([^"]*)">`).exec(html);
      assert.ok(meta, html);
      const decoded = (meta[1] ?? '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      assert.deepStrictEqual(JSON.parse(decoded), { title: hostile, send: 'Send "now"' });
    });

    it('escapeAttribute escapes all five characters', () => {
      assert.strictEqual(escapeAttribute(`&"'<>`), '&amp;&quot;&#39;&lt;&gt;');
    });
  });

  describe('exact limits (UTF-16 units, as the client counts on purpose)', () => {
    let emu: Emulator;
    let client: ChatworkClient;
    before(async () => {
      emu = await startEmulator({ rateLimit: 0 });
      client = new ChatworkClient({ baseUrl: emu.url, token: () => emu.token });
    });
    after(() => emu.close());
    // An emoji is two UTF-16 units: the edge is reached with one in the text.
    const text = (units: number) => '😀' + 'x'.repeat(units - 2);
    const refusedAsInvalid = (parameter: string) => (error: unknown) =>
      error instanceof ChatworkApiError && error.kind === 'validation' && error.status === 0 && error.parameter === parameter;

    it('a body of exactly 65,535 is sent; 65,536 is refused before the request', async () => {
      assert.strictEqual(text(65535).length, 65535);
      const sent = await client.postMessage(SEED_ROOMS.phoenix, text(65535));
      assert.strictEqual((await client.getMessage(SEED_ROOMS.phoenix, sent.message_id)).body, text(65535));
      emu.resetRequests();
      await assert.rejects(client.postMessage(SEED_ROOMS.phoenix, text(65536)), refusedAsInvalid('body'));
      await assert.rejects(client.updateMessage(SEED_ROOMS.phoenix, sent.message_id, text(65536)), refusedAsInvalid('body'));
      assert.deepStrictEqual(emu.requests, []);
    });

    it('a room name of exactly 255 is accepted; 256 is refused before the request', async () => {
      const created = await client.createRoom({ name: text(255), members_admin_ids: [SEED_IDS.me] });
      assert.strictEqual((await client.getRoom(created.room_id)).name, text(255));
      emu.resetRequests();
      await assert.rejects(client.createRoom({ name: text(256), members_admin_ids: [SEED_IDS.me] }), refusedAsInvalid('name'));
      await assert.rejects(client.updateRoom(created.room_id, { name: text(256) }), refusedAsInvalid('name'));
      assert.deepStrictEqual(emu.requests, []);
    });
  });

  describe('[to:123] and [To:123] are both mentions', () => {
    const ME = 123;
    const context: NotifyContext = { myAccountId: ME, roomType: 'group', mode: 'mentionsAndDirect', keywords: [], muted: false, roomInView: false };
    const message = (body: string): Message => ({ message_id: '1', account: { account_id: 9, name: 'X', avatar_image_url: '' }, body, send_time: 1, update_time: 0 });
    for (const body of ['[To:123]Taro review please', '[to:123]Taro review please']) {
      it(body, () => {
        assert.ok(mentionsAccount(parse(body), ME), 'the parser reads a mention');
        assert.strictEqual(notifyReason(message(body), context), 'mention', 'the notifier announces it');
        assert.strictEqual(notifyReason(message(body.replace('123', '124')), context), undefined, 'someone else is not me');
      });
    }
  });
});
