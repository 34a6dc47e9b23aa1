// Find in the room, in Chromium through the webview harness: Ctrl+F searches every message the
// panel holds, including ones the windowing has not mounted, shows "n of m", scrolls to and
// highlights each match, and Enter / Shift+Enter step through them.
/* eslint-disable @typescript-eslint/no-explicit-any -- page functions run in Chromium (no DOM lib here). */
import * as assert from 'assert';
import { type Page, useHarnessPages, type HarnessPage } from '../fixtures/webview/page';

const COUNT = 3000;
/** The needle is in messages 5 (twice), 40 and 2990: the first two are far from mounted at first. */
const body = (i: number): string =>
  i === 5 ? 'an old Needle and another needle' : i === 40 ? 'needle in [info]the info box[/info]' : i === 2990 ? 'a recent needle' : `Message ${i}`;

async function currentHighlight(page: Page): Promise<{ text: string; all: number; messageId: string | undefined }> {
  return page.evaluate(() => {
    const registry = (globalThis as any).CSS.highlights;
    const current = [...(registry.get('cw-find-current') ?? [])][0] as any;
    return {
      text: current ? String(current.toString()) : '',
      all: registry.get('cw-find')?.size ?? 0,
      messageId: current?.startContainer.parentElement.closest('.cw-msg')?.dataset.id,
    };
  });
}

describe('find in the room (Chromium)', function () {
  this.timeout(90_000);
  const pages = useHarnessPages();
  let page: HarnessPage;
  beforeEach(() => {
    page = pages.page;
  });

  it('Ctrl+F finds matches in unmounted messages, counts them, scrolls to and highlights each; Enter / Shift+Enter step', async () => {
    await page.evaluate(() => (globalThis as any).cw.startApp(undefined));
    const ids = (await page.evaluate(
      ([n, source]) => (globalThis as any).cw.deliverSnapshot(n, { generate: { body: new Function('i', source) } }),
      [COUNT, `return (${body.toString()})(i);`] as const,
    )) as string[];
    const report = await page.waitForFunction(() => [...(globalThis as any).cw.posted()].reverse().find((p: any) => p.body.type === 'rendered')?.body);
    const rendered = (await report.jsonValue()) as { mountedCount: number };
    assert.ok(rendered.mountedCount < COUNT - 40, `message 40 starts unmounted (${rendered.mountedCount} mounted)`);
    assert.strictEqual(await page.locator(`.cw-msg[data-id="${ids[5]}"]`).count(), 0);

    await page.locator('.cw-input').click();
    await page.keyboard.press('Control+f');
    await page.locator('.cw-find-input').waitFor();
    assert.strictEqual(await page.evaluate(() => (globalThis as any).document.activeElement.className), 'cw-find-input');
    await page.keyboard.type('needle');
    assert.strictEqual(await page.locator('.cw-find-count').textContent(), '1 of 4');
    let h = await currentHighlight(page);
    assert.deepStrictEqual(h, { text: 'needle', all: 1, messageId: ids[2990] }, 'the newest match first');

    await page.keyboard.press('Enter');
    assert.strictEqual(await page.locator('.cw-find-count').textContent(), '2 of 4');
    h = await currentHighlight(page);
    assert.strictEqual(h.messageId, ids[40], 'an unmounted message was mounted and highlighted');
    assert.ok((await page.evaluate(() => (globalThis as any).cw.visibleIds())).includes(ids[40]), 'and scrolled into view');

    await page.keyboard.press('Enter');
    h = await currentHighlight(page);
    assert.deepStrictEqual(h, { text: 'needle', all: 2, messageId: ids[5] });
    await page.keyboard.press('Enter');
    assert.strictEqual(await page.locator('.cw-find-count').textContent(), '4 of 4');
    h = await currentHighlight(page);
    assert.deepStrictEqual(h, { text: 'Needle', all: 2, messageId: ids[5] }, 'case-insensitive, each occurrence in turn');
    assert.ok((await page.evaluate(() => (globalThis as any).cw.visibleIds())).includes(ids[5]));

    await page.keyboard.press('Enter'); // wraps around to the newest
    assert.strictEqual(await page.locator('.cw-find-count').textContent(), '1 of 4');
    await page.keyboard.press('Shift+Enter'); // and back
    assert.strictEqual(await page.locator('.cw-find-count').textContent(), '4 of 4');

    await page.keyboard.type('s');
    assert.strictEqual(await page.locator('.cw-find-count').textContent(), 'No results');
    assert.deepStrictEqual(await currentHighlight(page), { text: '', all: 0, messageId: undefined });

    await page.keyboard.press('Escape');
    assert.strictEqual(await page.locator('.cw-find').isHidden(), true);
    assert.strictEqual(await page.evaluate(() => (globalThis as any).document.activeElement.className), 'cw-input', 'focus back in the composer');
  });

  it('a message arriving while the bar is open is counted', async () => {
    await page.evaluate(() => (globalThis as any).cw.startApp(undefined));
    await page.evaluate(() => (globalThis as any).cw.deliverSnapshot(5, { generate: { body: (i: number) => (i === 1 ? 'lunch?' : 'hi') } }));
    await page.waitForFunction(() => (globalThis as any).cw.posted().some((p: any) => p.body.type === 'rendered'));
    await page.keyboard.press('Control+f');
    await page.keyboard.type('LUNCH');
    assert.strictEqual(await page.locator('.cw-find-count').textContent(), '1 of 1');
    await page.evaluate(() => {
      const [m] = (globalThis as any).cw.makeMessages(1, { startId: 1630000000000000000n, body: () => 'lunch at noon' });
      (globalThis as any).cw.deliver({ type: 'messagesAdded', messages: [m] });
    });
    await page.waitForFunction(() => (globalThis as any).document.querySelector('.cw-find-count').textContent === '2 of 2'); // the current match kept, the new one counted
  });
});
