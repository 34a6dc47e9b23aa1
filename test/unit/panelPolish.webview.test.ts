// Layout polish of the message list in a real Chromium with room.css: the floating day label never
// sits over the message a scroll put at the top, and consecutive To chips keep apart.
/* eslint-disable @typescript-eslint/no-explicit-any -- page functions run in Chromium (no DOM lib here). */
import * as assert from 'assert';
import { type Page, useHarnessPages, type HarnessPage } from '../fixtures/webview/page';

async function openPanel(page: Page, n: number, extra: Record<string, unknown> = {}): Promise<void> {
  await page.evaluate(() => (globalThis as any).cw.startApp(undefined));
  await page.evaluate(([count, e]) => (globalThis as any).cw.deliverSnapshot(count, e), [n, extra] as const);
  await page.waitForFunction(() => (globalThis as any).cw.posted().some((p: any) => p.body.type === 'rendered'));
}

describe('message list polish (Chromium)', function () {
  this.timeout(60_000);
  const pages = useHarnessPages();
  let page: HarnessPage;
  beforeEach(() => {
    page = pages.page;
  });

  it('a message scrolled to the top (as the unread divider and "show from here" are) has its header below the floating day label', async () => {
    await openPanel(page, 200);
    // The list mounts in slices, and a slice mounted above can join a run (the message below then
    // loses its header): wait until all 200 are mounted before picking the message.
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('.cw-msg').length === 200);
    const boxes = await page.evaluate(async () => {
      const g = globalThis as any;
      const doc = g.document;
      // A message that starts a run (it shows the sender's name and time).
      const target = doc.querySelectorAll('.cw-msg-header')[10].closest('.cw-msg');
      target.scrollIntoView({ block: 'start' });
      // What the user sees is the settled frame: runs near the new view take their real height
      // (content-visibility) in the frames that follow. Wait until the target stops moving: still
      // for 5 frames, as a loaded machine may paint a frame before the runs take their size.
      const frame = () => new Promise((resolve) => g.requestAnimationFrame(resolve));
      let last = NaN;
      for (let i = 0, still = 0; i < 240 && still < 5; i++) {
        await frame();
        const top = target.getBoundingClientRect().top;
        still = top === last ? still + 1 : 0;
        last = top;
      }
      const list = doc.querySelector('.cw-list').getBoundingClientRect();
      const day = target.closest('.cw-day');
      return {
        listTop: list.top,
        dayBottom: day.querySelector('.cw-day-header').getBoundingClientRect().bottom,
        labelBottom: day.querySelector('.cw-day-label').getBoundingClientRect().bottom,
        header: target.querySelector('.cw-msg-header')?.getBoundingClientRect().top,
      };
    });
    assert.ok(boxes.dayBottom - boxes.listTop < 40, `the day label is stuck at the top (${JSON.stringify(boxes)})`);
    assert.ok(boxes.header !== undefined && boxes.header >= boxes.labelBottom && boxes.header >= boxes.dayBottom, `header below the day label (${JSON.stringify(boxes)})`);
  });

  it('consecutive To chips keep at least 6px apart', async () => {
    await openPanel(page, 3);
    await page.evaluate(() =>
      (globalThis as any).cw.deliver({
        type: 'messagesAdded',
        messages: [{ id: '1720000000000000001', accountId: 1002, name: 'A', avatarUrl: '', body: '[To:1001][To:1003][To:1002] hi', sendTime: Math.floor(Date.now() / 1000), updateTime: 0 }],
      }),
    );
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('[data-id="1720000000000000001"] .cw-chip-to').length === 3);
    const gaps = await page.evaluate(() => {
      const chips = [...(globalThis as any).document.querySelectorAll('[data-id="1720000000000000001"] .cw-chip-to')].map((c: any) => c.getBoundingClientRect());
      return chips.slice(1).map((r: any, i: number) => (Math.abs(r.top - chips[i].top) < 2 ? r.left - chips[i].right : 99));
    });
    for (const gap of gaps) assert.ok(gap >= 6, `gap ${gap}px`);
  });
});
