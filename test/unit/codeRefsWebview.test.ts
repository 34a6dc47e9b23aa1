// Code references in the room panel, in a real Chromium: the renderer turns `path:line` in message
// text into links (never inside [code], never inside a URL), and a click (or Enter) posts
// `openCodeRef` to the host.
/* eslint-disable @typescript-eslint/no-explicit-any -- page functions run in Chromium, where the harness
   and DOM globals are untyped (the test tsconfig has no DOM lib). */
import * as assert from 'assert';
import { launchChromium, openHarnessPage, type Browser, type Page } from '../fixtures/webview/page';

interface Posted {
  body: { type: string; [key: string]: unknown };
}

describe('code references in the room panel (Chromium)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let page: Page & { dialogs: string[]; errors: string[] };

  before(async () => {
    browser = await launchChromium();
    page = await openHarnessPage(browser);
  });

  after(async () => {
    assert.deepStrictEqual(page?.errors ?? [], [], 'page errors');
    await browser?.close();
  });

  const render = (body: string): Promise<unknown> => page.evaluate((b) => (globalThis as any).cw.render(b, {}), body);
  const refs = (root = '#render-root'): Promise<{ text: string; data: Record<string, string> }[]> =>
    page.evaluate(
      (r) => [...(globalThis as any).document.querySelectorAll(`${r} .cw-code-ref`)].map((e: any) => ({ text: e.textContent ?? '', data: { ...e.dataset } })),
      root,
    );

  it('links path:line and path:Lx-y in text, keeping the text around them', async () => {
    await render('see src/a.ts:10 and src/b.ts:L3-7, or c.py#L2-L4');
    assert.deepStrictEqual(await refs(), [
      { text: 'src/a.ts:10', data: { action: 'open-code-ref', path: 'src/a.ts', start: '10', end: '10' } },
      { text: 'src/b.ts:L3-7', data: { action: 'open-code-ref', path: 'src/b.ts', start: '3', end: '7' } },
      { text: 'c.py#L2-L4', data: { action: 'open-code-ref', path: 'c.py', start: '2', end: '4' } },
    ]);
    assert.strictEqual(await page.locator('#render-root').textContent(), 'see src/a.ts:10 and src/b.ts:L3-7, or c.py#L2-L4');
  });

  it('links the title Send Selection writes, but nothing inside [code] or a URL, and no times', async () => {
    await render('[info][title]src/api/client.ts:L10-24 (typescript)[/title][code]x = "src/z.ts:1"[/code][/info] http://host:8080/src/a.ts:3 at 10:30');
    assert.deepStrictEqual((await refs()).map((r) => r.text), ['src/api/client.ts:L10-24']);
    assert.strictEqual(await page.locator('#render-root .cw-info-title .cw-code-ref').count(), 1);
    assert.strictEqual(await page.locator('#render-root .cw-link:not(.cw-code-ref)').count(), 1, 'the URL is a web link');
  });

  it('a click on a reference posts openCodeRef to the host', async () => {
    await page.evaluate(() => (globalThis as any).cw.startApp());
    await page.evaluate(() =>
      (globalThis as any).cw.deliverSnapshot(1, { generate: { body: () => 'fixed in src/store/poller.ts:L42-50 and src/a.ts:12:5' } }),
    );
    await page.locator('.cw-msg .cw-code-ref').first().click();
    await page.locator('.cw-msg .cw-code-ref').nth(1).focus();
    await page.keyboard.press('Enter');
    const posted = ((await page.evaluate(() => (globalThis as any).cw.posted())) as Posted[]).filter((p) => p.body.type === 'openCodeRef');
    assert.deepStrictEqual(
      posted.map((p) => p.body),
      [
        { type: 'openCodeRef', path: 'src/store/poller.ts', startLine: 42, endLine: 50 },
        { type: 'openCodeRef', path: 'src/a.ts', startLine: 12, endLine: 12, column: 5 },
      ],
    );
  });
});
