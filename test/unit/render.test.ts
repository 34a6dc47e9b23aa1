// The AST → DOM renderer (src/webview/render.ts) in a real Chromium: every notation tag, and bodies
// written to attack the panel, which must come out as text with no script run.
/* eslint-disable @typescript-eslint/no-explicit-any -- page functions run in Chromium, where the harness
   and DOM globals are untyped (the test tsconfig has no DOM lib). */
import * as assert from 'assert';
import { launchChromium, openHarnessPage, type Browser, type Page } from '../fixtures/webview/page';

interface Audit {
  count: number;
  tags: string[];
  disallowed: string[];
  eventAttributes: string[];
  hrefs: string[];
  srcs: string[];
  styles: number;
  text: string;
}

const CHATWORK_IMAGES = /^https:\/\/(appdata|assets)\.chatwork\.com\//;

describe('webview renderer (Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page & { dialogs: string[]; errors: string[] };

  before(async () => {
    browser = await launchChromium();
    page = await openHarnessPage(browser);
  });

  after(async () => {
    await browser?.close();
  });

  const render = (body: string, options: Record<string, unknown> = {}): Promise<{ mentionsMe: boolean }> =>
    page.evaluate(([b, o]) => (globalThis as any).cw.render(b, o), [body, options] as const);
  const audit = (): Promise<Audit> => page.evaluate(() => (globalThis as any).cw.audit('#render-root'));
  const q = (selector: string) => page.locator(`#render-root ${selector}`);

  describe('notation', () => {
    it('renders plain text with newlines kept as text', async () => {
      await render('おはようございます\n二行目');
      const a = await audit();
      assert.strictEqual(a.count, 0);
      assert.strictEqual(a.text, 'おはようございます\n二行目');
    });

    it('[To:aid] is a "To" chip with the member avatar; a mention of me is highlighted', async () => {
      let result = await render('[To:1002]Alice Tanakaさん\n確認お願いします');
      assert.strictEqual(await q('.cw-chip-to').count(), 1);
      assert.strictEqual(await q('.cw-chip-to').getAttribute('title'), 'Alice Tanaka');
      assert.strictEqual(await q('.cw-chip-to .cw-chip-label').textContent(), 'To');
      assert.strictEqual(await q('.cw-chip-to img').getAttribute('src'), 'https://appdata.chatwork.com/avatar/alice.png');
      assert.strictEqual(result.mentionsMe, false);
      result = await render('[To:1001]Me Myself さん');
      assert.strictEqual(result.mentionsMe, true);
      assert.strictEqual(await q('.cw-chip-to.cw-chip-me').count(), 1);
    });

    it('[toall] is a "To All" chip and counts as a mention', async () => {
      const result = await render('[toall]\n全員確認してください');
      assert.strictEqual(await q('.cw-chip-toall').textContent(), 'To All');
      assert.strictEqual(result.mentionsMe, true);
    });

    it('[rp] is a Re chip pointing at the exact message id (no precision loss)', async () => {
      const result = await render('[rp aid=1001 to=10010-1620000000001000003]Me Myselfさん\nありがとう');
      const chip = q('.cw-chip-re');
      assert.strictEqual(await chip.getAttribute('data-action'), 'reveal');
      assert.strictEqual(await chip.getAttribute('data-room'), '10010');
      assert.strictEqual(await chip.getAttribute('data-message'), '1620000000001000003');
      assert.match((await chip.getAttribute('title')) ?? '', /Reply to Me Myself/);
      assert.strictEqual(result.mentionsMe, true);
    });

    it('[qt][qtmeta] is a quote block with author and time; quotes nest', async () => {
      await render('[qt][qtmeta aid=1002 time=1700000000]outer [qt][qtmeta aid=1003]inner[/qt][/qt]after');
      assert.strictEqual(await q('.cw-quote').count(), 2);
      assert.strictEqual(await q('.cw-quote .cw-quote-meta .cw-name').first().textContent(), 'Alice Tanaka');
      assert.strictEqual(await q('.cw-quote time').first().getAttribute('datetime'), new Date(1700000000 * 1000).toISOString());
      assert.strictEqual(await q('.cw-quote .cw-quote .cw-name').textContent(), '鈴木 花子');
      assert.strictEqual(await q('.cw-quote .cw-quote time').count(), 0);
      assert.match((await audit()).text, /inner.*after$/s);
    });

    it('[info][title] is a titled box; a quote inside an info box works', async () => {
      await render('[info][title]Release 1.2[/title]Deployed.[qt][qtmeta aid=1002]ok?[/qt][/info]');
      assert.strictEqual(await q('.cw-info-title').textContent(), 'Release 1.2');
      assert.match((await q('.cw-info-body').textContent()) ?? '', /^Deployed\./);
      assert.strictEqual(await q('.cw-info .cw-quote').count(), 1);
    });

    it('[code] keeps whitespace and tags literally, in monospace with a copy button', async () => {
      const code = 'function f() {\n    return "[To:1001] :) https://x.test";\n}';
      await render(`[code]${code}[/code]`);
      assert.strictEqual(await q('pre.cw-pre code').textContent(), code);
      assert.strictEqual(await q('.cw-code-copy').getAttribute('data-action'), 'copy-code');
      assert.strictEqual(await q('.cw-chip, .cw-link, .cw-emoticon').count(), 0);
      const whiteSpace = await q('pre.cw-pre').evaluate((pre) => (globalThis as any).getComputedStyle(pre).whiteSpace);
      assert.strictEqual(whiteSpace, 'pre');
    });

    it('the newline typed around a [code] block and after any block is layout, not content', async () => {
      await render('before\n[code]\n  x = 1\n\n[/code]\nafter [info]i[/info]\n\nlast');
      assert.strictEqual(await q('pre.cw-pre code').textContent(), '  x = 1\n');
      assert.strictEqual((await audit()).text, 'before\n  x = 1\nafter i\nlast');
    });

    it('[hr], [picon], [piconname], [pname]', async () => {
      await render('a[hr]b [picon:1002] [piconname:1003] [pname:1002]');
      assert.strictEqual(await q('hr.cw-hr').count(), 1);
      assert.strictEqual(await q('.cw-avatar').count(), 2);
      assert.deepStrictEqual(await q('.cw-name').allTextContents(), ['鈴木 花子', 'Alice Tanaka']);
    });

    it('unknown people show a stand-in name and an initial instead of a picture', async () => {
      await render('[piconname:4242]');
      assert.strictEqual(await q('.cw-name').textContent(), 'Account 4242');
      assert.strictEqual(await q('.cw-avatar img').count(), 0);
      assert.strictEqual(await q('.cw-avatar-initial').textContent(), 'A');
    });

    it('file upload: [preview] and [download] chips carry the file id', async () => {
      await render('[info][title][dtext:file_uploaded][/title][preview id=1341384457 ht=120][download:1341384457]screenshot.png (45.10 KB)[/download][/info]');
      assert.strictEqual(await q('.cw-info-title').textContent(), 'New file uploaded.');
      assert.strictEqual(await q('.cw-preview').getAttribute('data-preview'), '1341384457');
      assert.strictEqual(await q('.cw-download').getAttribute('data-file'), '1341384457');
      assert.strictEqual(await q('.cw-download').getAttribute('data-action'), 'download');
      assert.strictEqual(await q('.cw-download-label').textContent(), 'screenshot.png (45.10 KB)');
    });

    it('[task] is a card with status, assignees and due date', async () => {
      await render('[info][title][dtext:task_done][/title][task aid=1002,1003 st=done lt=1700000000 ltype=date]レビュー[/task][/info]');
      assert.strictEqual(await q('.cw-task.cw-task-done').count(), 1);
      assert.strictEqual(await q('.cw-task-status').textContent(), 'Task · Done');
      assert.deepStrictEqual(await q('.cw-task-head .cw-name').allTextContents(), ['Alice Tanaka', '鈴木 花子']);
      assert.match((await q('.cw-task-due').textContent()) ?? '', /^Due Nov 1[45], 2023$/);
      assert.strictEqual(await q('.cw-task-body').textContent(), 'レビュー');
      await render('[task aid=1002 st=open lt=1700000000 ltype=time]call[/task]');
      assert.match((await q('.cw-task-due').textContent()) ?? '', /^Due Nov 1[45], 2023, \d{1,2}:\d{2} [AP]M$/);
      await render('[task aid=1002 st=open lt=0]no limit[/task]');
      assert.strictEqual(await q('.cw-task-due').textContent(), 'No due date');
    });

    it('[dtext] in English or Japanese; unknown keys stay literal', async () => {
      await render('[dtext:chatroom_member_is][piconname:1002][dtext:chatroom_added]');
      assert.deepStrictEqual(await q('.cw-dtext').allTextContents(), ['Member:', 'has been added.']);
      await render('[dtext:task_added]', { language: 'ja' });
      assert.strictEqual(await q('.cw-dtext').textContent(), 'タスクを追加しました。');
      await render('[dtext:not_a_key]');
      assert.strictEqual((await audit()).text, '[dtext:not_a_key]');
    });

    it('[deleted] reads "Deleted message"', async () => {
      await render('[deleted]');
      assert.strictEqual(await q('.cw-deleted').textContent(), 'Deleted message');
      await render('[deleted]', { language: 'ja' });
      assert.strictEqual(await q('.cw-deleted').textContent(), 'メッセージは削除されました');
    });

    it('emoticons: Unicode fallback, or the Chatwork asset image with the code as alt', async () => {
      await render('ok :) (coffee) ]:) (F)');
      assert.deepStrictEqual(await q('.cw-emoticon').allTextContents(), ['😃', '☕', '😏', '🌸']);
      await render('(coffee)', { emoticonImages: true });
      assert.strictEqual(await q('img.cw-emoticon').getAttribute('src'), 'https://assets.chatwork.com/images/emoticon2x/emo_coffee.gif');
      assert.strictEqual(await q('img.cw-emoticon').getAttribute('alt'), '(coffee)');
    });

    it('URLs are links that only the extension opens (no href, the URL in data-url)', async () => {
      await render('see https://example.com/a?b=1&c=2. and http://test.local/x');
      const links = q('a.cw-link');
      assert.strictEqual(await links.count(), 2);
      assert.strictEqual(await links.first().getAttribute('data-url'), 'https://example.com/a?b=1&c=2');
      assert.strictEqual(await links.first().getAttribute('href'), null);
      assert.strictEqual(await links.first().textContent(), 'https://example.com/a?b=1&c=2');
    });

    it('broken and partial tags are shown as typed', async () => {
      const body = '[To:abc] [qt]never closed [info]x [/code] [rp aid=1 to=bad]';
      await render(body);
      assert.strictEqual((await audit()).text, body);
    });
  });

  describe('hostile bodies', () => {
    const HOSTILE = [
      '<script>window.__pwned = "script"</script>',
      '<img src=x onerror="window.__pwned = \'img\'">',
      '<svg onload="window.__pwned = \'svg\'"></svg>',
      'javascript:window.__pwned="link"',
      '[code]</code></pre><img src=x onerror="window.__pwned=\'code\'">[/code]',
      '[info][title]<iframe src="javascript:parent.__pwned=\'iframe\'"></iframe>[/title]<b onmouseover=alert(1)>x</b>[/info]',
      '[download:1]<img src=x onerror="window.__pwned=\'dl\'">[/download]',
      '[qt][qtmeta aid=1002 time=1]<style>body{display:none}</style>[/qt]',
      '[To:1002"><img src=x onerror=alert(1)>] [dtext:<img/src/onerror=alert(1)>]',
      'https://example.com/"><img src=x onerror=alert(1)> https://example.com/<script>',
      '&lt;script&gt;alert(1)&lt;/script&gt; &#x3C;img src=x onerror=alert(1)&#x3E;',
    ];

    it('render as literal text: no element beyond the allow-list, no handlers, no script runs', async () => {
      for (const body of HOSTILE) {
        await render(body, {
          // Hostile member data too: a name with markup and a javascript: avatar.
          people: [{ accountId: 1002, name: '<img src=x onerror="window.__pwned=\'name\'">', avatarUrl: 'javascript:window.__pwned="avatar"' }],
        });
        const a = await audit();
        assert.deepStrictEqual(a.disallowed, [], `disallowed elements for ${body}`);
        assert.deepStrictEqual(a.eventAttributes, [], `event attributes for ${body}`);
        assert.deepStrictEqual(a.hrefs, [], `href attributes for ${body}`);
        for (const src of a.srcs) assert.match(src, CHATWORK_IMAGES, `image source for ${body}`);
        assert.strictEqual(a.styles, 0);
        assert.ok(!a.tags.includes('script') && !a.tags.includes('iframe') && !a.tags.includes('svg') && !a.tags.includes('style'));
      }
      await render(HOSTILE[0] as string);
      assert.strictEqual((await audit()).text, HOSTILE[0]);
      await render(HOSTILE[1] as string);
      assert.strictEqual((await audit()).text, HOSTILE[1]);
      await render(HOSTILE[3] as string);
      assert.strictEqual(await q('a').count(), 0, 'a javascript: URL is not a link');
      // Give any injected handler a chance to fire.
      await page.waitForTimeout(300);
      assert.strictEqual(await page.evaluate(() => (globalThis as any).__pwned), undefined);
      assert.deepStrictEqual(page.dialogs, []);
      assert.deepStrictEqual(page.errors, []);
    });

    it('a hostile member name is shown as text in chips', async () => {
      await render('[piconname:1002][To:1002]', { people: [{ accountId: 1002, name: '<b>Mallory</b>', avatarUrl: 'data:image/png;base64,AAAA' }] });
      assert.strictEqual(await q('.cw-name').textContent(), '<b>Mallory</b>');
      assert.strictEqual(await q('.cw-chip-to').getAttribute('title'), '<b>Mallory</b>');
      assert.deepStrictEqual((await audit()).srcs, [], 'a data: avatar is not loaded');
    });
  });
});
