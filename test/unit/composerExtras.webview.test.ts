// The composer's emoticon picker and draft preview in a real Chromium, through the webview harness.
/* eslint-disable @typescript-eslint/no-explicit-any -- page functions run in Chromium (no DOM lib here). */
import * as assert from 'assert';
import { type Page, useHarnessPages, type HarnessPage } from '../fixtures/webview/page';

async function openComposer(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as any).cw.startApp(undefined));
  await page.evaluate(() => (globalThis as any).cw.deliverSnapshot(3, {}));
  await page.waitForFunction(() => (globalThis as any).cw.posted().some((p: any) => p.body.type === 'rendered'));
  await page.locator('.cw-input').focus();
}

const value = (page: Page): Promise<string> => page.locator('.cw-input').inputValue();

describe('composer: emoticons and preview (Chromium)', function () {
  this.timeout(60_000);
  const pages = useHarnessPages();
  let page: HarnessPage;
  beforeEach(() => {
    page = pages.page;
  });

  it('the emoticon picker lists the renderer’s emoticons and inserts the picked code at the caret', async () => {
    await openComposer(page);
    await page.keyboard.type('Thanks  for the help');
    // Caret between the two spaces, after "Thanks ".
    await page.evaluate(() => (globalThis as any).document.querySelector('.cw-input').setSelectionRange(7, 7));
    const toggle = page.locator('.cw-composer [data-action="emoticons"]');
    await toggle.click();
    assert.strictEqual(await toggle.getAttribute('aria-expanded'), 'true');
    const cells = page.locator('.cw-emoticon-cell');
    assert.strictEqual(await cells.count(), 49);
    // Drawn by the message renderer (Unicode in the harness).
    assert.strictEqual(await page.locator('.cw-emoticon-cell[data-code="(coffee)"] .cw-emoticon').count(), 1);
    await page.locator('.cw-emoticon-cell[data-code="(coffee)"]').click();
    assert.strictEqual(await value(page), 'Thanks (coffee) for the help');
    assert.strictEqual(await page.locator('.cw-emoticon-picker').isVisible(), false, 'closes after a pick');
    const caret = await page.evaluate(() => (globalThis as any).document.querySelector('.cw-input').selectionStart);
    assert.strictEqual(caret, 'Thanks (coffee)'.length);
    // The draft follows (saved like typing).
    await page.waitForFunction(() => (globalThis as any).cw.posted().some((p: any) => p.body.type === 'draftChanged' && p.body.text === 'Thanks (coffee) for the help'));
    // Esc closes it without inserting.
    await toggle.click();
    await page.locator('.cw-emoticon-cell').first().focus();
    await page.keyboard.press('Escape');
    assert.strictEqual(await page.locator('.cw-emoticon-picker').isVisible(), false);
    assert.strictEqual(await value(page), 'Thanks (coffee) for the help');
  });

  it('the preview renders the draft with the message renderer and follows it; hostile text stays text', async () => {
    await openComposer(page);
    await page.keyboard.type('[To:1002]Alice [info][title]Plan[/title]<b>bold</b>[/info] (coffee)');
    const toggle = page.locator('.cw-composer [data-action="preview"]');
    await toggle.click();
    assert.strictEqual(await toggle.getAttribute('aria-pressed'), 'true');
    const preview = page.locator('.cw-draft-preview');
    assert.ok(await preview.isVisible());
    assert.strictEqual(await preview.locator('.cw-chip-to').count(), 1);
    assert.strictEqual(await preview.locator('.cw-info-title').textContent(), 'Plan');
    assert.strictEqual(await preview.locator('.cw-emoticon').count(), 1);
    assert.strictEqual(await preview.locator('b').count(), 0, 'markup in the draft is text');
    assert.match((await preview.textContent()) ?? '', /<b>bold<\/b>/);
    await page.locator('.cw-input').focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' [code]x = 1[/code]');
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('.cw-draft-preview pre, .cw-draft-preview code').length > 0);
    await toggle.click();
    assert.strictEqual(await preview.isVisible(), false);
    assert.strictEqual((await page.evaluate(() => (globalThis as any).cw.posted())).filter((p: any) => p.body.type === 'send').length, 0, 'previewing never sends');
  });
});
